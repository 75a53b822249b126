// /tickets/{token}/stop-mails: the one-click stop of the optional mails (reminders, thank-yous,
// messages to all) for this registration, named by those mails' List-Unsubscribe header.
// The loader, action and page are shared with the other stop link (app/http/stop-mails-route.server.ts).
import type { HeadersFunction, LinksFunction, MetaFunction } from '@remix-run/node'
import { stopMailsRoute } from '#app/components/stop-mails-page.tsx'
import { PRIVATE_PAGE_HEADERS } from '#app/http/private-headers.server.ts'
import { passRetryAfter } from '#app/http/rate-limit.server.ts'
import { stopMailsAction, stopMailsLoader } from '#app/http/stop-mails-route.server.ts'
import visitorStyles from '#app/styles/visitor.css?url'
import { metaLocale, siteName } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

export const headers: HeadersFunction = ({ actionHeaders }) => passRetryAfter(actionHeaders, PRIVATE_PAGE_HEADERS)

export const loader = stopMailsLoader('ticket')

export const action = stopMailsAction('ticket')

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex, nofollow' },
	{ name: 'referrer', content: 'same-origin' },
]

const { StopMailsRoute, StopMailsError } = stopMailsRoute('ticket')

export default StopMailsRoute

export const ErrorBoundary = StopMailsError
