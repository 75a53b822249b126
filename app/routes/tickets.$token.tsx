// /tickets/{token}: the visitor's private page — the QR ticket, the event, calendar links, cancel,
// and their own data with download and delete. The token in the address is the credential: the
// page is never cached, indexed, or named in a Referer to another site.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '#app/components/error-page.tsx'
import { PrivateLinkNotFound } from '#app/components/private-link-pages.tsx'
import { ConfirmStep, PersonalData, TicketCard, TicketEvent } from '#app/components/ticket-view.tsx'
import { ServiceError } from '#app/services/errors.server.ts'
import { cancelByManageToken, eraseByManageToken } from '#app/services/commands/registrations.server.ts'
import { PRIVATE_PAGE_HEADERS, privateHeaders } from '#app/http/private-headers.server.ts'
import { findTicket, ticketPageView } from '#app/services/views/ticket-views.server.ts'
import visitorStyles from '#app/styles/visitor.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { explicitLocale, getRequestT, withLang } from '#app/utils/i18n.server.ts'
import { passRetryAfter, takeRateLimit, tooManyRequests } from '#app/http/rate-limit.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { errorResponse, invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

// Also for the 404 of an unknown link, which this route's ErrorBoundary renders.
export const headers: HeadersFunction = ({ actionHeaders }) => passRetryAfter(actionHeaders, PRIVATE_PAGE_HEADERS)

const notFound = () => errorResponse(404, privateHeaders())

export async function loader({ request, params }: LoaderFunctionArgs) {
	const db = getDb()
	const ticket = findTicket(db, params.token ?? '')
	if (!ticket) throw notFound()
	const { t, locale } = await getRequestT(request, 'ticket')
	const view = ticketPageView(db, ticket, locale, getEnv().PUBLIC_URL, explicitLocale(request))
	return { ticket: view, title: pageTitle(locale, `${t('metaTitle')} · ${view.event.title}`) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex, nofollow' },
	{ name: 'referrer', content: 'same-origin' },
]

const INTENTS = ['cancel', 'delete'] as const

export async function action({ request, params, context }: ActionFunctionArgs) {
	const token = params.token ?? ''
	// The form first: a refused body is answered as such, and a limited request is not cut off.
	const intent = (await readPageForm(request, { headers: PRIVATE_PAGE_HEADERS })).get('intent')
	const limit = takeRateLimit(context)
	if (!limit.ok) {
		const { t } = await getRequestT(request, 'api')
		return data({ error: t('errors.rate_limited') }, tooManyRequests(limit.retryAfterSeconds))
	}
	invariantResponse(INTENTS.includes(intent as (typeof INTENTS)[number]), 400, privateHeaders())
	try {
		if (intent === 'delete') {
			eraseByManageToken(getDb(), token)
			return redirect('/tickets/deleted')
		}
		cancelByManageToken(getDb(), token)
		return redirect(withLang(`/tickets/${token}?cancelled=1`, explicitLocale(request)))
	} catch (error) {
		if (error instanceof ServiceError && error.code === 'not_found') throw notFound()
		throw error
	}
}

export default function TicketPage() {
	const { ticket } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const { t } = useTranslation(['ticket', 'public', 'reports'])
	const confirm = search.get('confirm')
	const textLang = ticket.event.untranslated ? 'sr-Latn' : undefined
	const back = ticket.links.self

	if ((confirm === 'cancel' && ticket.canCancel) || confirm === 'delete') {
		return (
			<div className="container narrow ticket-page">
				{actionData?.error ? (
					<p className="notice danger" role="alert">
						{actionData.error}
					</p>
				) : null}
				<ConfirmStep kind={confirm} ticket={ticket} back={back} />
			</div>
		)
	}

	return (
		<div className="container narrow ticket-page">
			<p className="breadcrumb">
				<Link to={`/events/${ticket.event.slug}`}>← {t('viewEvent')}</Link>
			</p>
			<h1 lang={textLang}>{ticket.event.title}</h1>
			{search.get('registered') === '1' && ticket.status === 'confirmed' ? (
				<p className="notice success" role="status">
					{t('registeredNotice', { email: ticket.person.email })}
				</p>
			) : null}
			{search.get('registered') === '1' && ticket.status === 'waitlisted' ? (
				<p className="notice" role="status">
					{t('waitlistedNotice', { position: ticket.positionText, email: ticket.person.email })}
				</p>
			) : null}
			{search.get('cancelled') === '1' && ticket.status === 'cancelled' ? (
				<p className="notice success" role="status">
					{t('cancelledNotice')}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice danger" role="alert">
					{actionData.error}
				</p>
			) : null}
			<TicketCard ticket={ticket} />
			{ticket.links.certificate ? (
				<section className="card ticket-section" aria-labelledby="certificate-title">
					<h2 id="certificate-title">{t('reports:certificate.pageTitle')}</h2>
					<p>{t('reports:certificate.downloadHint')}</p>
					<a className="button" href={ticket.links.certificate} download>
						{t('reports:certificate.download')}
					</a>
				</section>
			) : null}
			<TicketEvent ticket={ticket} />
			{ticket.canCancel ? (
				<section className="card ticket-section" aria-labelledby="cancel-title">
					<h2 id="cancel-title">{t('cancel.heading')}</h2>
					<p>{ticket.status === 'waitlisted' ? t('cancel.introWaitlist') : t('cancel.intro')}</p>
					<Link className="button secondary" to={`${back}${back.includes('?') ? '&' : '?'}confirm=cancel`}>
						{ticket.status === 'waitlisted' ? t('cancel.leaveWaitlist') : t('cancel.button')}
					</Link>
				</section>
			) : null}
			<PersonalData ticket={ticket} deleteHref={`${back}${back.includes('?') ? '&' : '?'}confirm=delete`} />
			<p className="muted small">{t('privateLink')}</p>
		</div>
	)
}

/** An unknown or deleted link: said plainly, and (through `headers`) never cached. */
export function ErrorBoundary() {
	const error = useRouteError()
	if (isRouteErrorResponse(error) && error.status === 404) return <PrivateLinkNotFound namespace="ticket" />
	// A refused form (400, 413, 415, …): the same page as anywhere else, and this route's private headers.
	return <ErrorMessage error={error} />
}
