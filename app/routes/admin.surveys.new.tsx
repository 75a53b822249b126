// /admin/surveys/new: the builder for a new survey, empty or filled from a template
// (?template=afterEvent|community, ?event=slug); Save creates it as a draft (or as its status says).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SurveyEditor } from '#app/components/survey-editor.tsx'
import { isSurveyTemplate, newSurveyFormValues, surveyEventChoices } from '#app/services/views/survey-admin-views.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { surveyBuilderAction } from '#app/http/survey-builder.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { locale, t } = await getRequestT(request, 'survey-admin')
	const search = new URL(request.url).searchParams
	const template = search.get('template')
	const events = surveyEventChoices(getDb(), locale)
	const event = events.some((e) => e.slug === search.get('event')) ? search.get('event') : null
	return { title: pageTitle(locale, t('editor.titleNew')), values: newSurveyFormValues(isSurveyTemplate(template) ? template : null, event), events }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	return surveyBuilderAction(request, { kind: 'user', id: user.id }, null)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export default function NewSurvey() {
	const data = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('survey-admin')
	return (
		<SurveyEditor
			values={answer?.values ?? data.values}
			errors={answer?.errors ?? {}}
			locked={false}
			events={data.events}
			heading={t('editor.titleNew')}
			notice={null}
			publicUrl={null}
		/>
	)
}
