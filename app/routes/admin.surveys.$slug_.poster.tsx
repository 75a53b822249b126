// /admin/surveys/{slug}/poster: a printable A4 poster of a survey (issue 15) for the Center's
// door or a fair's stand: the title in the chosen language (?posterLang=, the page's language by
// default), one line of invitation, a large QR code of the survey's address (with ?event= when the
// survey belongs to an event) and the address written out. Printed, nothing but the poster shows.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LOCALES, normalizeLocale } from '#app/domain/locale.ts'
import { findSurveyBySlug } from '#app/services/queries/surveys.server.ts'
import { surveyPosterView } from '#app/services/views/survey-views.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import posterStyles from '#app/styles/survey-poster.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT, getT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'
import { QrImage } from '#app/components/qr-image.tsx'

// No form that posts here: an anonymous caller goes to the login first, then any other method
// than GET is a 405 page with one log line.
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: posterStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const survey = findSurveyBySlug(getDb(), params.slug ?? '')
	invariantResponse(survey, 404)
	const { locale, t } = await getRequestT(request, 'surveys')
	const posterLang = normalizeLocale(new URL(request.url).searchParams.get('posterLang')) ?? locale
	const words = getT(posterLang, 'surveys')
	return {
		poster: surveyPosterView(getDb(), survey, posterLang, getEnv().PUBLIC_URL),
		posterLang,
		invitation: words('poster.invitation'),
		orVisit: words('poster.orVisit'),
		qrAlt: words('poster.qrAlt'),
		title: pageTitle(locale, t('poster.pageTitle')),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? siteName(metaLocale(matches)) }]

export default function SurveyPoster() {
	const { poster, posterLang, invitation, orVisit, qrAlt } = useLoaderData<typeof loader>()
	const { t } = useTranslation(['surveys', 'common'])
	return (
		<div className="survey-poster-page">
			<div className="poster-controls">
				<p className="breadcrumb">
					<Link to="/admin">← {t('poster.back')}</Link>
				</p>
				<h1>{t('poster.pageTitle')}</h1>
				<Form method="get" className="poster-language">
					<label htmlFor="poster-lang">{t('poster.language')}</label>
					<select id="poster-lang" name="posterLang" defaultValue={posterLang}>
						{LOCALES.map((locale) => (
							<option key={locale} value={locale}>
								{t(`common:language.${locale}`)}
							</option>
						))}
					</select>
					<button type="submit" className="button secondary small">
						{t('poster.show')}
					</button>
					<button type="button" className="button small" onClick={() => window.print()}>
						{t('poster.print')}
					</button>
				</Form>
				<p className="muted">{t('poster.printHint')}</p>
			</div>
			<article className="poster" lang={posterLang} aria-label={poster.title}>
				<h2 className="poster-title" lang={poster.titleLang ?? undefined}>
					{poster.title}
				</h2>
				<p className="poster-invitation">{invitation}</p>
				<QrImage qr={poster.qr} label={qrAlt} className="poster-qr" />
				<p className="poster-url">
					<span className="poster-or">{orVisit}</span>
					<br />
					<span className="poster-address">{poster.url}</span>
				</p>
			</article>
		</div>
	)
}
