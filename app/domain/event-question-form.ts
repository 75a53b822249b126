// The organizer's editor of an event's questions (issue 18) as a plain form, the survey builder's
// (survey-form.ts): the same `q{i}.…` rows, buttons and body, plus each question's door and
// hidden flags and the switch of the built-in accessibility question. The body is
// EventQuestionsBodySchema's, so the form and any other writer share one set of rules.
import { accessibilityOn, type EventQuestion } from './event-questions.ts'
import { questionBody, questionRow, readQuestionRows, writeQuestionRows, type SurveyFormValues } from './survey-form.ts'

/** The form's values for the event's questions (the built-in one is the `accessibility` switch). */
export function eventQuestionFormValues(questions: readonly EventQuestion[]): SurveyFormValues {
	const own = questions.filter((q) => !q.builtin)
	return writeQuestionRows({ accessibility: accessibilityOn(questions) ? 'on' : '' }, own.map(questionRow))
}

/** The form as EventQuestionsBodySchema's body. */
export function eventQuestionsBodyFromForm(values: SurveyFormValues): Record<string, unknown> {
	return {
		questions: readQuestionRows(values).map((row) => ({ ...questionBody(row), door: row.door === 'on', hidden: row.hidden === 'on' })),
		accessibility: values.accessibility === 'on',
	}
}
