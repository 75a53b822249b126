import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EventCard } from '#app/components/event-card.tsx'
import { listUpcomingEvents } from '#app/services/queries/events.server.ts'
import { calendarSubscriptionView, eventCardView, fairLinksView } from '#app/services/views/event-views.server.ts'
import homeStyles from '#app/styles/home.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { siteName, metaLocale } from '#app/utils/page-title.ts'
import { STATIC_PAGE } from '#app/utils/page-handle.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: homeStyles }]

/** Nothing here needs JavaScript (its forms post without it): no React in the browser (issue 17). */
export const handle = STATIC_PAGE

export async function loader({ request }: LoaderFunctionArgs) {
	const { locale, t } = await getRequestT(request, 'public')
	const db = getDb()
	const rows = listUpcomingEvents(db)
	// The next fair leads the page, with its catalogue, map and application form; the rest follow in date order.
	const fair = rows.find((e) => e.kind === 'fair')
	return {
		title: `${t('home.title')} · ${t('common:siteName')}`,
		description: t('home.intro'),
		featured: fair ? { ...eventCardView(fair, locale), links: fairLinksView(db, fair, new Date()) } : null,
		events: rows.filter((e) => e !== fair).map((e) => eventCardView(e, locale)),
		calendar: calendarSubscriptionView(getEnv().PUBLIC_URL, locale),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'description', content: data?.description },
]

export default function Home() {
	const { featured, events, calendar } = useLoaderData<typeof loader>()
	const { t } = useTranslation('public')
	return (
		<>
			<section className="hero" aria-labelledby="hero-title">
				<div className="container">
					{featured ? (
						<>
							<p className="eyebrow">{t('home.nextFair')}</p>
							<h1 id="hero-title">{featured.title}</h1>
							{featured.summary ? <p>{featured.summary}</p> : null}
							<ul className="hero-facts">
								<li>
									<time dateTime={featured.startsAtIso}>{featured.date}</time>
								</li>
								<li>{featured.time}</li>
								<li>{featured.venue}</li>
							</ul>
							<div className="button-row">
								<Link className="button" to={`/events/${featured.slug}`}>
									{t('home.fairDetails')}
								</Link>
								{featured.links?.apply ? (
									<Link className="button" to={featured.links.apply}>
										{t('home.fairLinks.apply')}
									</Link>
								) : null}
							</div>
							{featured.links ? (
								<ul className="hero-links">
									<li>
										<Link to={featured.links.catalogue}>{t('home.fairLinks.catalogue')}</Link>
									</li>
									{featured.links.map ? (
										<li>
											<Link to={featured.links.map}>{t('home.fairLinks.map')}</Link>
										</li>
									) : null}
								</ul>
							) : null}
						</>
					) : (
						<>
							<p className="eyebrow">{t('common:centerName')}</p>
							<h1 id="hero-title">{t('home.title')}</h1>
							<p>{t('home.intro')}</p>
						</>
					)}
				</div>
			</section>
			<section className="section" aria-labelledby="about-center-title">
				<div className="container about-center">
					<h2 id="about-center-title">{t('common:centerName')}</h2>
					<p>{t('home.aboutCenter')}</p>
				</div>
			</section>
			<section className="section" aria-labelledby="upcoming-title">
				<div className="container">
					<div className="section-head">
						<h2 id="upcoming-title">{t('home.upcoming')}</h2>
					</div>
					<CalendarSubscription calendar={calendar} />
					{events.length === 0 && !featured ? (
						<p className="empty-state">{t('home.none')}</p>
					) : events.length === 0 ? (
						<p className="empty-state">{t('home.noneOther')}</p>
					) : (
						<ul className="event-list">
							{events.map((event) => (
								<li key={event.slug}>
									<EventCard event={event} />
								</li>
							))}
						</ul>
					)}
				</div>
			</section>
		</>
	)
}

/** Subscribing to the events feed, with what to do in Google Calendar, Apple Calendar and Outlook; no JavaScript. */
function CalendarSubscription({ calendar }: { calendar: { https: string; webcal: string; download: string } }) {
	const { t } = useTranslation('public')
	return (
		<details className="calendar-subscribe" id="calendar-subscribe">
			<summary>{t('common:footer.calendarFeed')}</summary>
			<div className="calendar-subscribe-body">
				<p>{t('home.subscribe.intro')}</p>
				<p>
					<a className="button small" href={calendar.webcal}>
						{t('home.subscribe.webcal')}
					</a>
				</p>
				<dl>
					<dt>{t('home.subscribe.googleName')}</dt>
					<dd>
						{t('home.subscribe.google')} <code>{calendar.https}</code>
					</dd>
					<dt>{t('home.subscribe.appleName')}</dt>
					<dd>{t('home.subscribe.apple')}</dd>
					<dt>{t('home.subscribe.outlookName')}</dt>
					<dd>
						{t('home.subscribe.outlook')} <code>{calendar.https}</code>
					</dd>
				</dl>
				<p className="small">
					<a href={calendar.download}>{t('home.subscribe.download')}</a>
				</p>
			</div>
		</details>
	)
}
