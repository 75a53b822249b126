// /privacy: the full information notice (ZZPL art. 23) that the registration form links to.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import visitorStyles from '#app/styles/visitor.css?url'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
	const { t, locale } = await getRequestT(request, 'public')
	return { title: pageTitle(locale, t('privacy.title')) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? siteName(metaLocale(matches)) }]

const SECTIONS = ['controller', 'data', 'purposes', 'recipients', 'retention', 'rights', 'complaint', 'children', 'photos'] as const

export default function Privacy() {
	useLoaderData<typeof loader>()
	const { t } = useTranslation('public')
	return (
		<div className="container narrow privacy-page">
			<p className="breadcrumb">
				<Link to="/">← {t('privacy.backToEvents')}</Link>
			</p>
			<h1>{t('privacy.title')}</h1>
			<p className="lead">{t('privacy.intro')}</p>
			{SECTIONS.map((section) => (
				<section key={section} className="prose" aria-labelledby={`privacy-${section}`}>
					<h2 id={`privacy-${section}`}>{t(`privacy.${section}Title`)}</h2>
					{t(`privacy.${section}Text`)
						.split(/\n{2,}/)
						.map((paragraph, i) => (
							<p key={i}>{paragraph}</p>
						))}
					{section === 'complaint' ? (
						<p>
							<a href="https://www.poverenik.rs" rel="noopener noreferrer">
								{t('privacy.complaintLink')}
							</a>
						</p>
					) : null}
				</section>
			))}
		</div>
	)
}
