// Refused answers to an event's own questions (InvalidAnswersError: an issue per question id) as
// messages in the reader's language, keyed by the field that shows them: `answers.{id}` in the
// JSON API, the form field `question-{id}` on the event page.
import type { TFunction } from 'i18next'
import type { AnswerIssue } from '#app/domain/survey-rules.ts'
import type { ScannedRegistration } from '#app/domain/checkin-contract.ts'
import type { YesNoWords } from '#app/domain/event-questions.ts'
import type { Locale } from '#app/domain/locale.ts'
import { doorAnswersOf } from '#app/services/queries/event-questions.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

/** The issues the event questions word their own way; the rest are the common validation messages. */
const OWN = new Set(['unknownQuestion', 'yesNo', 'oneLine'])

export function eventAnswerMessages(t: TFunction, issues: Record<string, AnswerIssue>, field: (id: string) => string): Record<string, string[]> {
	const fields: Record<string, string[]> = Object.create(null)
	for (const [id, issue] of Object.entries(issues)) {
		fields[field(id)] = [OWN.has(issue.key) ? t(`questions:answer.${issue.key}`) : t(`common:validation.${issue.key}`, issue.values ?? {})]
	}
	return fields
}

/** The scanner's language for the answers shown at the door: the request's locale, and yes / no in it. */
export async function doorLanguage(request: Request): Promise<{ locale: Locale; words: YesNoWords }> {
	const { t, locale } = await getRequestT(request, 'questions')
	return { locale, words: { yes: t('questions:yes'), no: t('questions:no') } }
}

/** A scan's answer with the door-visible answers of the registration it names (issue 18). */
export async function withDoorAnswers<T extends { registration?: ScannedRegistration }>(request: Request, answer: T): Promise<T> {
	if (!answer.registration) return answer
	const { locale, words } = await doorLanguage(request)
	const door = doorAnswersOf(getDb(), answer.registration.id, locale, words)
	return door.length > 0 ? { ...answer, registration: { ...answer.registration, door } } : answer
}
