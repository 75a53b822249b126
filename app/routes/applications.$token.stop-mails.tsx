// /applications/{token}/stop-mails: the one-click stop of the optional mails (the setup reminder,
// messages to exhibitors) for this application, named by those mails' List-Unsubscribe header.
// GET shows what it means and a button; POST stops them. A mail provider's RFC 8058 POST carries
// no Origin and no Sec-Fetch-Site, which the HTTP layer's same-site check (server/http-layer.mjs
// isSameSiteWrite) lets through like any POST without them; the token in the address is the
// credential, and stopping is harmless and idempotent. The body (`List-Unsubscribe=One-Click`)
// is not needed: any form POST here stops.
import { data, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from '@remix-run/react'
import { ErrorMessage } from '#app/components/error-page.tsx'
import { PrivateLinkNotFound } from '#app/components/private-link-pages.tsx'
import { StopMailsPage } from '#app/components/stop-mails-page.tsx'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { PRIVATE_PAGE_HEADERS, privateHeaders } from '#app/http/private-headers.server.ts'
import { passRetryAfter, takeRateLimit, tooManyRequests } from '#app/http/rate-limit.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'
import { applicationStopTarget, stopOptionalMailsByApplicationToken } from '#app/services/commands/reminders.server.ts'
import visitorStyles from '#app/styles/visitor.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { explicitLocale, getRequestT, withLang } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

export const headers: HeadersFunction = ({ actionHeaders }) => passRetryAfter(actionHeaders, PRIVATE_PAGE_HEADERS)

const notFound = () => errorResponse(404, privateHeaders())

export async function loader({ request, params }: LoaderFunctionArgs) {
	const token = params.token ?? ''
	const target = applicationStopTarget(getDb(), token)
	if (!target) throw notFound()
	const { t, locale } = await getRequestT(request, 'application')
	return {
		eventTitle: eventTitleIn({ title: target.eventTitle, titleEn: target.eventTitleEn }, locale),
		stopped: target.stoppedAt !== null,
		back: withLang(`/applications/${token}`, explicitLocale(request)),
		title: pageTitle(locale, t('stopMails.title')),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex, nofollow' },
	{ name: 'referrer', content: 'same-origin' },
]

export async function action({ request, params, context }: ActionFunctionArgs) {
	await readPageForm(request, { headers: PRIVATE_PAGE_HEADERS })
	const limit = takeRateLimit(context)
	if (!limit.ok) {
		const { t } = await getRequestT(request, 'api')
		return data({ stopped: false, error: t('errors.rate_limited') }, tooManyRequests(limit.retryAfterSeconds))
	}
	if (!stopOptionalMailsByApplicationToken(getDb(), params.token ?? '')) throw notFound()
	return { stopped: true, error: null }
}

export default function ApplicationStopMails() {
	const view = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	return (
		<>
			{result?.error ? (
				<p className="notice danger" role="alert">
					{result.error}
				</p>
			) : null}
			<StopMailsPage namespace="application" eventTitle={view.eventTitle} stopped={view.stopped} justStopped={result?.stopped === true} back={view.back} />
		</>
	)
}

export function ErrorBoundary() {
	const error = useRouteError()
	if (isRouteErrorResponse(error) && error.status === 404) return <PrivateLinkNotFound namespace="application" />
	return <ErrorMessage error={error} />
}
