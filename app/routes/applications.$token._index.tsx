// /applications/{token}: the exhibitor's private page (the magic link) — the status as they may
// know it, their stand on the plan once they were told it, the fair, what they submitted, and what
// they can do: edit while applications are open, confirm participation after acceptance,
// withdraw, download or delete their data. The token in
// the address is the credential: the page is never cached, indexed, or named in a Referer to
// another site.
// Withdrawing and deleting ask first; both steps are plain POSTs, so they work without JavaScript.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorMessage } from '#app/components/error-page.tsx'
import { PrivateLinkNotFound } from '#app/components/private-link-pages.tsx'
import {
	ApplicationConfirmStep,
	ApplicationFair,
	ApplicationStand,
	ApplicationStatusCard,
	ApplicationSummary,
	AskButton,
} from '#app/components/application-status.tsx'
import { confirmParticipation, eraseApplication, withdrawApplication } from '#app/services/commands/application-lifecycle.server.ts'
import { applicationPageView, findManagedApplication } from '#app/services/views/application-page.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { PRIVATE_PAGE_HEADERS, privateHeaders } from '#app/http/private-headers.server.ts'
import applicationStyles from '#app/styles/application-page.css?url'
import visitorStyles from '#app/styles/visitor.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { explicitLocale, getRequestT, withLang } from '#app/utils/i18n.server.ts'
import { passRetryAfter, takeRateLimit, tooManyRequests } from '#app/http/rate-limit.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { errorResponse, invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: visitorStyles },
	{ rel: 'stylesheet', href: applicationStyles },
]

// Also for the 404 of an unknown link, which this route's ErrorBoundary renders.
export const headers: HeadersFunction = ({ actionHeaders }) => passRetryAfter(actionHeaders, PRIVATE_PAGE_HEADERS)

const notFound = () => errorResponse(404, privateHeaders())

export async function loader({ request, params }: LoaderFunctionArgs) {
	const managed = findManagedApplication(getDb(), params.token ?? '')
	if (!managed) throw notFound()
	const { t, locale } = await getRequestT(request, 'application')
	const view = applicationPageView(managed, locale, new Date(), explicitLocale(request))
	return { application: view, title: pageTitle(locale, `${t('metaTitle')} · ${view.submitted.orgName}`) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex, nofollow' },
	{ name: 'referrer', content: 'same-origin' },
]

/** `sure=yes` marks the second step of withdrawing or deleting; without it the page only asks. */
const ActionSchema = z.object({
	intent: z.enum(['withdraw', 'delete', 'confirm']),
	sure: z.literal('yes').optional(),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
	const token = params.token ?? ''
	const { t } = await getRequestT(request, ['application', 'api'])
	// The form first: a refused body is answered as such, and a limited request is not cut off.
	const form = await readPageForm(request, { headers: PRIVATE_PAGE_HEADERS })
	const limit = takeRateLimit(context)
	if (!limit.ok) return data({ error: t('api:errors.rate_limited') }, tooManyRequests(limit.retryAfterSeconds))
	const parsed = ActionSchema.safeParse(Object.fromEntries(form))
	invariantResponse(parsed.success, 400, privateHeaders())
	const { intent, sure } = parsed.data
	const db = getDb()
	const now = new Date()
	const self = `/applications/${token}`
	try {
		if (intent === 'confirm') {
			confirmParticipation(db, token, now)
			return redirect(withLang(`${self}?confirmed=1`, explicitLocale(request)))
		}
		if (!sure) {
			if (!findManagedApplication(db, token)) throw notFound()
			return { ask: intent }
		}
		if (intent === 'delete') {
			eraseApplication(db, token, now)
			return redirect('/applications/deleted')
		}
		withdrawApplication(db, token, now)
		return redirect(withLang(`${self}?withdrawn=1`, explicitLocale(request)))
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		if (error.code === 'not_found') throw notFound()
		const message = t(`errors.${error.code}`, { defaultValue: t('api:errors.generic') })
		return data({ error: message }, { status: error.status })
	}
}

export default function ApplicationPage() {
	const { application: a } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const { t } = useTranslation(['application', 'apply'])
	const ask = actionData && 'ask' in actionData ? actionData.ask : null
	const error = actionData && 'error' in actionData ? actionData.error : null

	if (ask === 'delete' || (ask === 'withdraw' && a.canWithdraw)) {
		return (
			<div className="container narrow ticket-page application-page">
				<ApplicationConfirmStep kind={ask} application={a} />
			</div>
		)
	}

	const notice =
		search.get('submitted') === '1'
			? { kind: 'success', text: t('notice.submitted', { email: a.submitted.contactEmail }) }
			: search.get('confirmed') === '1' && a.confirmed
				? { kind: 'success', text: t('notice.confirmed') }
				: search.get('withdrawn') === '1' && a.status === 'withdrawn'
					? { kind: 'success', text: t('notice.withdrawn') }
					: search.get('saved') === '1'
						? { kind: 'success', text: t('apply:edit.saved') }
						: null

	return (
		<div className="container narrow ticket-page application-page">
			{a.fair.pageUrl ? (
				<p className="breadcrumb">
					<Link to={a.fair.pageUrl}>← {t('fair.page')}</Link>
				</p>
			) : null}
			<h1>
				<span className="application-kicker">{t('heading')}</span>
				<span className="break">{a.submitted.orgName}</span>
			</h1>
			{notice ? (
				<p className={`notice ${notice.kind}`} role="status">
					{notice.text}
				</p>
			) : null}
			{error ? (
				<p className="notice danger" role="alert">
					{error}
				</p>
			) : null}
			<ApplicationStatusCard application={a} />
			<ApplicationStand application={a} />
			<ApplicationFair application={a} />
			<section className="card ticket-section" aria-labelledby="submitted-title">
				<h2 id="submitted-title">{t('summary.title')}</h2>
				{a.canEdit ? (
					<p className="button-row">
						<Link className="button" to={a.links.edit}>
							{t('edit.button')}
						</Link>
					</p>
				) : null}
				<p className="muted">{a.canEdit ? t('edit.open') : a.status === 'withdrawn' ? t('edit.withdrawn') : t('edit.closed')}</p>
				<ApplicationSummary application={a} />
			</section>
			{a.canWithdraw ? (
				<section className="card ticket-section" aria-labelledby="withdraw-title">
					<h2 id="withdraw-title">{t('withdraw.heading')}</h2>
					<p>{a.status === 'accepted' ? t('withdraw.introAccepted') : t('withdraw.intro')}</p>
					<AskButton kind="withdraw" application={a} className="button secondary" />
				</section>
			) : null}
			<section className="card ticket-section" aria-labelledby="data-title">
				<h2 id="data-title">{t('data.title')}</h2>
				<p>{t('data.intro')}</p>
				<p className="muted">
					{t('data.rights')} <Link to="/privacy">{t('data.privacyLink')}</Link>
				</p>
				<div className="button-row">
					<a className="button secondary" href={a.links.data} download>
						{t('data.download')}
					</a>
					<AskButton kind="delete" application={a} className="button secondary danger-text" />
				</div>
			</section>
			<p className="muted small">{t('privateLink')}</p>
		</div>
	)
}

/** An unknown, malformed or deleted link: said plainly, and (through `headers`) never cached. */
export function ErrorBoundary() {
	const error = useRouteError()
	if (isRouteErrorResponse(error) && error.status === 404) return <PrivateLinkNotFound namespace="application" />
	// A refused form (400, 413, 415, …): the same page as anywhere else, and this route's private headers.
	return <ErrorMessage error={error} />
}
