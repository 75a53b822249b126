import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AvailabilityNote } from '#app/components/event-card.tsx'
import { findPublicEvent } from '#app/services/events.server.ts'
import { eventPageView } from '#app/services/event-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getLocale } from '#app/utils/i18n.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const event = findPublicEvent(getDb(), params.slug ?? '')
	if (!event) throw new Response('Not found', { status: 404 })
	const locale = await getLocale(request)
	return { event: eventPageView(event, locale, getEnv().PUBLIC_URL) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
	data
		? [
				{ title: `${data.event.title} · Sajam` },
				{ name: 'description', content: data.event.summary ?? data.event.description.slice(0, 160) },
				{ property: 'og:title', content: data.event.title },
				{ property: 'og:url', content: data.event.url },
			]
		: [{ title: 'Sajam' }]

export default function EventPage() {
	const { event } = useLoaderData<typeof loader>()
	const { t } = useTranslation('public')
	const textLang = event.untranslated ? 'sr-Latn' : undefined
	return (
		<article>
			<header className="event-header">
				<div className="container">
					<p className="breadcrumb">
						<Link to="/">← {t('event.allEvents')}</Link>
					</p>
					<span className={`pill kind-${event.kind}`}>{t(`common:kind.${event.kind}`)}</span>
					<h1 lang={textLang}>{event.title}</h1>
					{event.summary ? (
						<p className="muted" lang={textLang}>
							{event.summary}
						</p>
					) : null}
				</div>
			</header>
			<div className="container event-layout">
				<aside aria-label={t('event.details')}>
					<dl className="facts">
						<div>
							<dt>{t('event.date')}</dt>
							<dd>
								<time dateTime={event.startsAtIso}>{event.date}</time>
							</dd>
						</div>
						<div>
							<dt>{t('event.time')}</dt>
							<dd>{event.time}</dd>
						</div>
						<div>
							<dt>{t('event.venue')}</dt>
							<dd>
								{event.venueName}
								<br />
								<span className="muted">
									{[event.venueAddress, event.venueCity].filter(Boolean).join(', ')}
								</span>
								<br />
								<a href={event.mapUrl} rel="noopener noreferrer" target="_blank">
									{t('event.openMap')}
									<span className="visually-hidden"> ({t('event.newWindow')})</span>
								</a>
							</dd>
						</div>
						<div>
							<dt>{t('event.places')}</dt>
							<dd>
								<AvailabilityNote event={event} />
								{event.capacityText ? (
									<>
										<br />
										<span className="muted">{t('event.capacity', { count: event.capacity ?? 0, formatted: event.capacityText })}</span>
									</>
								) : null}
							</dd>
						</div>
						{event.status !== 'cancelled' ? (
							<div>
								<dt>{t('event.addToCalendar')}</dt>
								<dd className="calendar-links">
									<a className="button secondary small" href={event.icsUrl} download>
										{t('event.downloadIcs')}
									</a>
									<a className="button secondary small" href={event.googleCalendarUrl} rel="noopener noreferrer" target="_blank">
										{t('event.googleCalendar')}
										<span className="visually-hidden"> ({t('event.newWindow')})</span>
									</a>
								</dd>
							</div>
						) : null}
					</dl>
				</aside>
				<div className="event-body">
					{event.status === 'cancelled' ? <p className="notice danger">{t('event.cancelledNotice')}</p> : null}
					{event.untranslated ? <p className="notice">{t('event.onlyInSerbian')}</p> : null}
					<section className="prose" aria-labelledby="about-title">
						<h2 id="about-title">{t('event.about')}</h2>
						{event.description
							.split(/\n{2,}/)
							.filter(Boolean)
							.map((paragraph, i) => (
								<p key={i} lang={textLang}>
									{paragraph}
								</p>
							))}
					</section>
				</div>
			</div>
		</article>
	)
}
