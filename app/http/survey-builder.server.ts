// The survey builder's action (/admin/surveys/new and /admin/surveys/{slug}): a button that changes
// the form (add, remove, move a question) answers with the changed form and stores nothing; Save
// checks the form as the JSON API's body, with the API's schema and messages, and creates or
// changes the survey through the same commands. Each refusal names its field.
import { redirect } from '@remix-run/node'
import { SurveyCreateSchema, SurveyPatchSchema, surveyDraftFromBody, surveyPatchFromBody } from '#app/domain/survey-definition.ts'
import { applyBuilderIntent, formFieldOfIssue, parseBuilderIntent, surveyBodyFromForm, type SurveyFormValues } from '#app/domain/survey-form.ts'
import type { Actor } from '#app/domain/actor.ts'
import type { SurveyRow } from '#db/schema/index.ts'
import { createSurvey, updateSurvey } from '#app/services/commands/surveys.server.ts'
import { countSurveyResponses } from '#app/services/queries/surveys.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from './page-form.server.ts'

export type SurveyBuilderAnswer = { values: SurveyFormValues; errors: Record<string, string[]> }

export async function surveyBuilderAction(request: Request, actor: Actor, survey: SurveyRow | null) {
	const formData = await readPageForm(request)
	const values: SurveyFormValues = Object.fromEntries([...formData].map(([key, value]) => [key, String(value)]))
	const locked = survey !== null && countSurveyResponses(getDb(), survey.id) > 0
	const change = parseBuilderIntent(values.intent)
	if (change) return { values: locked ? values : applyBuilderIntent(values, change), errors: {} } satisfies SurveyBuilderAnswer

	const { t } = await getRequestT(request, ['survey-admin', 'common', 'api'])
	const errors: Record<string, string[]> = {}
	const refuse = (field: string, message: string) =>
		({ values, errors: { ...errors, [field]: [...(errors[field] ?? []), message] } }) satisfies SurveyBuilderAnswer
	const body = surveyBodyFromForm(values, { withQuestions: !locked })
	if (!locked && (body.questions as unknown[]).length === 0) return refuse('questions', t('editor.noQuestions'))
	const schema = survey ? SurveyPatchSchema : SurveyCreateSchema
	const parsed = schema.safeParse(body, { error: makeZodErrorMap(t) })
	if (!parsed.success) {
		for (const issue of parsed.error.issues) (errors[formFieldOfIssue(issue.path)] ??= []).push(issue.message)
		return { values, errors } satisfies SurveyBuilderAnswer
	}
	try {
		const db = getDb()
		const saved = survey
			? updateSurvey(db, survey.id, surveyPatchFromBody(parsed.data), actor)
			: createSurvey(db, surveyDraftFromBody(parsed.data as typeof SurveyCreateSchema._zod.output), actor)
		return redirect(`/admin/surveys/${saved.slug}?${survey ? 'saved' : 'created'}=1`)
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		return refuse(error.field ?? '_', t(`api:errors.${error.code}`))
	}
}
