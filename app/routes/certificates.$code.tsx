// /certificates/{code}: anyone may check a certificate of attendance (issue 16). A genuine code
// of a participant still checked in says "valid: name, event, date"; an altered or made-up code,
// or a withdrawn certificate, "not valid". Never a 500 for whatever comes in the address.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { checkCertificate } from '#app/services/views/certificate.server.ts'
import visitorStyles from '#app/styles/visitor.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

export const action = methodNotAllowed

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitorStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { t, locale } = await getRequestT(request, 'reports')
	const check = checkCertificate(getDb(), params.code ?? '', locale)
	return { title: pageTitle(locale, t('certificate.pageTitle')), check }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export default function CertificateCheck() {
	const { check } = useLoaderData<typeof loader>()
	const { t } = useTranslation('reports')
	return (
		<div className="container narrow certificate-check">
			<h1>{t('certificate.pageTitle')}</h1>
			{check.valid ? (
				<div className="notice success" role="status">
					<p>
						<strong data-result="valid">{t('certificate.validText', { name: check.name, event: check.event, date: check.date })}</strong>
					</p>
					<p>{t('certificate.validHint')}</p>
				</div>
			) : (
				<div className="notice danger" role="status">
					<p>
						<strong data-result="not-valid">{t('certificate.notValidText')}</strong>
					</p>
					<p>{t('certificate.notValidHint')}</p>
				</div>
			)}
		</div>
	)
}
