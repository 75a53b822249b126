// /applications/deleted: where "delete my data" ends for an exhibitor. The old link no longer leads anywhere.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PRIVATE_PAGE_HEADERS } from '#app/services/ticket-headers.server.ts'
import visitorStyles from '#app/styles/visitor.css?url'
import { getRequestT } from '#app/utils/i18n.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

export const headers: HeadersFunction = () => PRIVATE_PAGE_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { t } = await getRequestT(request, 'application')
	return { title: `${t('deleted.title')} · Sajam` }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Sajam' }, { name: 'robots', content: 'noindex' }]

export default function ApplicationDeleted() {
	useLoaderData<typeof loader>()
	const { t } = useTranslation('application')
	return (
		<div className="container narrow ticket-page">
			<section className="card confirm-step" aria-labelledby="deleted-title">
				<h1 id="deleted-title">{t('deleted.title')}</h1>
				<p role="status">{t('deleted.text')}</p>
				<p>
					<Link className="button" to="/">
						{t('deleted.back')}
					</Link>
				</p>
			</section>
		</div>
	)
}
