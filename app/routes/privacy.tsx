// /privacy: the full information notice (ZZPL art. 23) that the registration form links to.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { addressFor } from '#app/domain/center-contact-address.ts'
import { hasContact, telHref } from '#app/domain/center-contact.ts'
import { useLocale } from '#app/utils/use-locale.ts'
import { centerContact } from '#app/services/queries/site-settings.server.ts'
import visitorStyles from '#app/styles/visitor.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'
import { STATIC_PAGE } from '#app/utils/page-handle.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

/** Nothing here needs JavaScript (its forms post without it): no React in the browser (issue 17). */
export const handle = STATIC_PAGE

export async function loader({ request }: LoaderFunctionArgs) {
	const { t, locale } = await getRequestT(request, 'public')
	return { title: pageTitle(locale, t('privacy.title')), contact: centerContact(getDb(), getEnv()) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? siteName(metaLocale(matches)) }]

const SECTIONS = ['controller', 'data', 'purposes', 'recipients', 'retention', 'rights', 'complaint', 'children', 'photos', 'surveys'] as const

export default function Privacy() {
	const { contact } = useLoaderData<typeof loader>()
	const { t } = useTranslation(['public', 'common'])
	const locale = useLocale()
	// With a contact set, the notice names it instead of only the postal address.
	const withContact = hasContact(contact)
	const textKey = (section: (typeof SECTIONS)[number]) =>
		withContact && (section === 'controller' || section === 'rights') ? (`privacy.${section}TextContact` as const) : (`privacy.${section}Text` as const)
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
					{t(textKey(section))
						.split(/\n{2,}/)
						.map((paragraph, i) => (
							<p key={i}>{paragraph}</p>
						))}
					{section === 'controller' && withContact ? (
						<ul className="privacy-contact">
							{contact.email ? (
								<li>
									{t('privacy.contactEmail')}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
								</li>
							) : null}
							{contact.phone ? (
								<li>
									{t('privacy.contactPhone')}: <a href={telHref(contact.phone)}>{contact.phone}</a>
								</li>
							) : null}
							<li>
								{t('privacy.contactAddress')}: {contact.address ? addressFor(contact.address, locale) : t('common:footer.address')}
							</li>
						</ul>
					) : null}
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
