import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AvailabilityNote } from '#app/components/event-card.tsx'
import { RegistrationPanel } from '#app/components/registration-form.tsx'
import { RegistrationFormSchema, registrationInputFromForm } from '#app/domain/registration-input.ts'
import { getPlanInfo } from '#app/services/queries/floor-plan.server.ts'
import { applicationsOpen, findFair } from '#app/services/queries/applications.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findPublicEvent } from '#app/services/queries/events.server.ts'
import { eventPageView } from '#app/services/views/event-views.server.ts'
import { registrationPanelView } from '#app/services/views/registration-views.server.ts'
import { registerVisitorGrouped } from '#app/services/commands/registrations.server.ts'
import { InvalidAnswersError } from '#app/services/commands/surveys.server.ts'
import { answerFieldName, answersFromForm, parseEventAnswers } from '#app/domain/event-questions.ts'
import { eventQuestions } from '#app/services/queries/event-questions.server.ts'
import { eventAnswerMessages } from '#app/http/event-answers.server.ts'
import visitorStyles from '#app/styles/visitor.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getLocale, getRequestT } from '#app/utils/i18n.server.ts'
import { passRetryAfter, takeRateLimit, tooManyRequests } from '#app/http/rate-limit.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'
import { STATIC_PAGE } from '#app/utils/page-handle.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

/** Nothing here needs JavaScript (its forms post without it): no React in the browser (issue 17). */
export const handle = STATIC_PAGE

/** A refused POST (rate limit) tells the client when to try again. */
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => passRetryAfter(actionHeaders, loaderHeaders)

export async function loader({ request, params }: LoaderFunctionArgs) {
	const event = findPublicEvent(getDb(), params.slug ?? '')
	invariantResponse(event, 404)
	const locale = await getLocale(request)
	return {
		event: eventPageView(event, locale, getEnv().PUBLIC_URL),
		registration: registrationPanelView(event, locale),
		locale,
		// After a registration the page cannot tell apart from a new one (an address already
		// registered, or a bot): the same neutral thank-you, never the registration itself.
		mailed: new URL(request.url).searchParams.get('sent') === '1',
		applyUrl: event.kind === 'fair' && applicationsOpen(findFair(getDb(), event.slug), new Date()) ? `/fairs/${event.slug}/apply` : null,
		mapUrl: event.kind === 'fair' && getPlanInfo(getDb(), event.id).publishedAt ? `/fairs/${event.slug}/map` : null,
	}
}

/** The page again with the neutral "check your mail" notice. */
const mailedAgain = (slug: string) => redirect(`/events/${slug}?sent=1#registration`)

export async function action({ request, params, context }: ActionFunctionArgs) {
	const slug = params.slug ?? ''
	const { t, locale } = await getRequestT(request, ['public', 'common', 'api', 'questions'])
	const formData = await readPageForm(request)
	const submission = parseWithZod(formData, { schema: RegistrationFormSchema, error: makeZodErrorMap(t) })
	// The event's own questions (issue 18), checked here too so one answer names every problem at once.
	const event = findPublicEvent(getDb(), slug)
	const questions = event ? eventQuestions(event) : []
	const answers = answersFromForm(questions, formData)
	const checked = parseEventAnswers(questions, answers)
	const answerErrors = checked.ok ? {} : eventAnswerMessages(t, checked.issues, answerFieldName)
	const limit = takeRateLimit(context)
	if (!limit.ok) {
		return data({ result: submission.reply({ formErrors: [t('api:errors.rate_limited')] }) }, tooManyRequests(limit.retryAfterSeconds))
	}
	const honeypot = formData.get('website')
	if (typeof honeypot === 'string' && honeypot.trim() !== '') return mailedAgain(slug)
	if (submission.status !== 'success' || !checked.ok) return data({ result: submission.reply({ fieldErrors: answerErrors }) }, { status: 400 })
	try {
		const input = registrationInputFromForm(submission.value, locale, answers)
		const result = await registerVisitorGrouped(getDb(), { slug }, input, 'web', { kind: 'system' })
		if (result.kind === 'already_registered') return mailedAgain(slug)
		return redirect(`/tickets/${result.manageToken}?registered=1`)
	} catch (error) {
		if (error instanceof InvalidAnswersError) {
			return data({ result: submission.reply({ fieldErrors: eventAnswerMessages(t, error.issues, answerFieldName) }) }, { status: 400 })
		}
		if (!(error instanceof ServiceError)) throw error
		const message = t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') })
		const reply = error.field ? submission.reply({ fieldErrors: { [error.field]: [message] } }) : submission.reply({ formErrors: [message] })
		return data({ result: reply }, { status: error.status })
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	data
		? [
				{ title: pageTitle(metaLocale(matches), data.event.title) },
				{ name: 'description', content: data.event.summary ?? data.event.description.slice(0, 160) },
				{ property: 'og:title', content: data.event.title },
				{ property: 'og:url', content: data.event.url },
			]
		: [{ title: siteName(metaLocale(matches)) }]

export default function EventPage() {
	const { event, registration, locale, mailed, applyUrl, mapUrl } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
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
								<span className="muted">{[event.venueAddress, event.venueCity].filter(Boolean).join(', ')}</span>
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
					{registration.state === 'open' || registration.state === 'waitlist' ? (
						<p className="facts-cta">
							<a className="button block" href="#registration">
								{registration.state === 'waitlist' ? t('register.ctaWaitlist') : t('register.cta')}
							</a>
						</p>
					) : null}
				</aside>
				<div className="event-body">
					{event.status === 'cancelled' ? <p className="notice danger">{t('event.cancelledNotice')}</p> : null}
					{event.untranslated ? <p className="notice">{t('event.onlyInSerbian')}</p> : null}
					{applyUrl ? (
						<p className="notice">
							{t('apply:fromEvent.text')} <Link to={applyUrl}>{t('apply:fromEvent.link')}</Link>
						</p>
					) : null}
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
					{event.kind === 'fair' ? (
						<section className="card" aria-labelledby="exhibitors-title" style={{ marginTop: '1.5rem' }}>
							<h2 id="exhibitors-title">{t('exhibitors:eventLink.title')}</h2>
							<p>{t('exhibitors:eventLink.text')}</p>
							<div className="button-row">
								<Link className="button secondary small" to={`/fairs/${event.slug}/exhibitors`}>
									{t('exhibitors:eventLink.link')}
								</Link>
								{mapUrl ? (
									<Link className="button secondary small" to={mapUrl}>
										{t('exhibitors:eventLink.map')}
									</Link>
								) : null}
							</div>
						</section>
					) : null}
					<RegistrationPanel
						panel={registration}
						action={`/events/${event.slug}?index#registration`}
						lastResult={actionData?.result}
						defaultLocale={locale}
						mailed={mailed}
					/>
				</div>
			</div>
		</article>
	)
}
