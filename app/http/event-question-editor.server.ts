// The action of /admin/events/{id}/questions (issue 18), the survey builder's way: a button that
// changes the form (add, remove, move a question) answers with the changed form and stores nothing;
// Save checks the form with EventQuestionsBodySchema and stores it through saveEventQuestions.
// Removing an answered question is refused at once, with the reason, beside the question.
import { redirect } from '@remix-run/node'
import type { EventRow } from '#db/schema/index.ts'
import type { Actor } from '#app/domain/actor.ts'
import { eventQuestionsBodyFromForm } from '#app/domain/event-question-form.ts'
import { EventQuestionsBodySchema, MAX_EVENT_QUESTIONS } from '#app/domain/event-questions.ts'
import { applyBuilderIntent, formFieldOfIssue, parseBuilderIntent, readQuestionRows, type SurveyFormValues } from '#app/domain/survey-form.ts'
import { EVENT_QUESTION_KINDS } from '#app/domain/vocabulary.ts'
import { saveEventQuestions } from '#app/services/commands/event-questions.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { answeredQuestionIds } from '#app/services/queries/event-questions.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from './page-form.server.ts'

export type EventQuestionEditorAnswer = { values: SurveyFormValues; errors: Record<string, string[]> }

/** The form field beside which the editor shows a refusal about question `id`. */
const rowField = (values: SurveyFormValues, id: string) => {
	const index = readQuestionRows(values).findIndex((row) => row.id === id)
	return index < 0 ? '_' : `q${index}.label`
}

export async function eventQuestionEditorAction(request: Request, actor: Actor, event: EventRow) {
	const formData = await readPageForm(request)
	const values: SurveyFormValues = Object.fromEntries([...formData].map(([key, value]) => [key, String(value)]))
	const { t } = await getRequestT(request, ['questions', 'survey-admin', 'common', 'api'])
	const refuse = (field: string, message: string) => ({ values, errors: { [field]: [message] } }) satisfies EventQuestionEditorAnswer
	const change = parseBuilderIntent(values.intent)
	if (change) {
		const rows = readQuestionRows(values)
		if (change.kind === 'add' && rows.length >= MAX_EVENT_QUESTIONS) return refuse('questions', t('questions:editor.tooMany', { count: MAX_EVENT_QUESTIONS }))
		if (change.kind === 'remove') {
			const row = rows[change.index]
			if (row && answeredQuestionIds(getDb(), event.id).has(row.id)) return refuse(`q${change.index}.label`, t('api:errors.question_answered_removed'))
		}
		return { values: applyBuilderIntent(values, change, EVENT_QUESTION_KINDS), errors: {} } satisfies EventQuestionEditorAnswer
	}
	const parsed = EventQuestionsBodySchema.safeParse(eventQuestionsBodyFromForm(values), { error: makeZodErrorMap(t) })
	if (!parsed.success) {
		const errors: Record<string, string[]> = {}
		for (const issue of parsed.error.issues) (errors[formFieldOfIssue(issue.path)] ??= []).push(issue.message)
		return { values, errors } satisfies EventQuestionEditorAnswer
	}
	try {
		saveEventQuestions(getDb(), event.id, parsed.data, actor)
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		const field = error.field?.startsWith('questions.') ? rowField(values, error.field.slice('questions.'.length)) : '_'
		return refuse(field, t(`api:errors.${error.code}`))
	}
	return redirect(`/admin/events/${event.id}/questions?saved=1`)
}
