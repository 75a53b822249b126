// A survey's refused answers (InvalidAnswersError: an issue per question id) as messages in the
// reader's language, for the JSON API's 422 `fields` and the survey page's errors alike.
import type { TFunction } from 'i18next'
import type { AnswerIssue } from '#app/domain/survey-rules.ts'

export function answerIssueMessages(t: TFunction, issues: Record<string, AnswerIssue>): Record<string, string[]> {
	const fields: Record<string, string[]> = Object.create(null)
	for (const [id, issue] of Object.entries(issues)) fields[id] = [t(`common:validation.${issue.key}`, issue.values ?? {})]
	return fields
}
