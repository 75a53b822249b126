// Refused answers to an event's own questions (InvalidAnswersError: an issue per question id) as
// messages in the reader's language, keyed by the field that shows them: `answers.{id}` in the
// JSON API, the form field `question-{id}` on the event page.
import type { TFunction } from 'i18next'
import type { AnswerIssue } from '#app/domain/survey-rules.ts'

/** The issues the event questions word their own way; the rest are the common validation messages. */
const OWN = new Set(['unknownQuestion', 'yesNo', 'oneLine'])

export function eventAnswerMessages(t: TFunction, issues: Record<string, AnswerIssue>, field: (id: string) => string): Record<string, string[]> {
	const fields: Record<string, string[]> = Object.create(null)
	for (const [id, issue] of Object.entries(issues)) {
		fields[field(id)] = [OWN.has(issue.key) ? t(`questions:answer.${issue.key}`) : t(`common:validation.${issue.key}`, issue.values ?? {})]
	}
	return fields
}
