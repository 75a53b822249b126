// /tickets/deleted: where "delete my data" ends. The old link no longer leads anywhere.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { DataDeleted } from '#app/components/private-link-pages.tsx'
import { PRIVATE_PAGE_HEADERS } from '#app/http/private-headers.server.ts'
import visitorStyles from '#app/styles/visitor.css?url'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

export const headers: HeadersFunction = () => PRIVATE_PAGE_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { t, locale } = await getRequestT(request, 'ticket')
	return { title: pageTitle(locale, t('deleted.title')) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export default function TicketDeleted() {
	useLoaderData<typeof loader>()
	return <DataDeleted namespace="ticket" />
}
