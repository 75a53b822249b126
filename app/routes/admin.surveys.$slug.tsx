// /admin/surveys/{slug}: the builder for a stored survey. Once it has answers its texts and
// questions are read-only (the answers are keyed by them); its status and dates still change.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SurveyEditor } from '#app/components/survey-editor.tsx'
import { findSurveyBySlug } from '#app/services/queries/surveys.server.ts'
import { surveyEditorPage, surveyEventChoices } from '#app/services/views/survey-admin-views.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { surveyBuilderAction } from '#app/http/survey-builder.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

function requireSurvey(slug: string | undefined) {
	const survey = findSurveyBySlug(getDb(), slug ?? '')
	invariantResponse(survey, 404)
	return survey
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const survey = requireSurvey(params.slug)
	const { locale, t } = await getRequestT(request, 'survey-admin')
	const db = getDb()
	const page = surveyEditorPage(db, survey, getEnv().PUBLIC_URL)
	return { title: pageTitle(locale, `${t('editor.titleEdit')}: ${page.values.title}`), ...page, events: surveyEventChoices(db, locale) }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const survey = requireSurvey(params.slug)
	return surveyBuilderAction(request, { kind: 'user', id: user.id }, survey)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export default function EditSurvey() {
	const data = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const [search] = useSearchParams()
	const { t } = useTranslation('survey-admin')
	const notice = search.get('created') ? t('editor.created') : search.get('saved') ? t('editor.saved') : null
	return (
		<>
			<SurveyEditor
				values={answer?.values ?? data.values}
				errors={answer?.errors ?? {}}
				locked={data.locked}
				events={data.events}
				heading={t('editor.titleEdit')}
				notice={answer ? null : notice}
				publicUrl={data.url}
			/>
			<p className="link-row">
				<Link to={`/admin/surveys/${data.slug}/results`}>{t('list.results')}</Link> · <Link to={`/admin/surveys/${data.slug}/poster`}>{t('list.poster')}</Link>
			</p>
		</>
	)
}
