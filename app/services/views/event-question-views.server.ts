// An event's own questions as a page shows them (issue 18): texts in the reader's language (English
// falls back to Serbian Latin, marked so the page can say lang="sr-Latn"), answers as words.
import type { EventRow } from '#db/schema/index.ts'
import { ACCESS_ID, ACCESS_NEEDS, answerFieldName, SHORT_TEXT_MAX, type EventQuestion } from '#app/domain/event-questions.ts'
import { formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { numberBounds, surveyTextIn, TEXT_ANSWER_MAX } from '#app/domain/survey-definition.ts'
import type { EventQuestionKind } from '#app/domain/vocabulary.ts'
export { answerLines, answerText, type AnswerLine, type YesNoWords } from '#app/domain/event-questions.ts'
import { accessibilityNeeds, eventQuestions } from '#app/services/queries/event-questions.server.ts'
import type { Db } from '#app/utils/db.server.ts'

export type FormQuestionView = {
	id: string
	/** The form field's name (and the input's id). */
	name: string
	kind: EventQuestionKind
	label: string
	/** Set when the text is Serbian shown to an English reader. */
	lang: 'sr-Latn' | null
	required: boolean
	options: { value: string; label: string; lang: 'sr-Latn' | null }[]
	min: number | null
	max: number | null
	/** The limits in words: "from 0 to 1,000,000" for numbers, the longest text for texts. */
	minText: string | null
	maxText: string | null
	maxLength: number | null
}

function textIn(text: EventQuestion['label'], locale: Locale) {
	const { text: value, fallback } = surveyTextIn(text, locale)
	return { text: value, lang: fallback ? ('sr-Latn' as const) : null }
}

/** The questions the registration form asks (hidden ones left out), in order. */
export function formQuestionsView(event: Pick<EventRow, 'questions'>, locale: Locale): FormQuestionView[] {
	return eventQuestions(event)
		.filter((q) => !q.hidden)
		.map((q) => {
			const label = textIn(q.label, locale)
			const bounds = q.kind === 'number' ? numberBounds(q) : null
			return {
				id: q.id,
				name: answerFieldName(q.id),
				kind: q.kind,
				label: label.text,
				lang: label.lang,
				required: q.required,
				options: (q.options ?? []).map((o) => {
					const text = textIn(o.label, locale)
					return { value: o.value, label: text.text, lang: text.lang }
				}),
				min: bounds?.min ?? null,
				max: bounds?.max ?? null,
				minText: bounds ? formatNumber(bounds.min, locale) : null,
				maxText: bounds ? formatNumber(bounds.max, locale) : null,
				maxLength: q.kind === 'shortText' ? SHORT_TEXT_MAX : q.kind === 'text' ? TEXT_ANSWER_MAX : null,
			}
		})
}

export type AccessibilitySummaryView = {
	/** Registrations naming each need, in the catalog's order. */
	counts: { need: string; label: string; count: number; countText: string }[]
	/** Who needs what, in registration order. */
	rows: { id: number; name: string; partySize: number; needs: string; other: string | null }[]
}

/**
 * The accessibility needs of an event's live registrations, for the organizer before the event
 * (issue 18): null when the built-in question is not asked and nobody has answered it, or the
 * event is over.
 */
export function accessibilitySummaryView(db: Db, event: EventRow, locale: Locale, now = new Date()): AccessibilitySummaryView | null {
	const questions = eventQuestions(event)
	const question = questions.find((q) => q.id === ACCESS_ID)
	if (!question || event.endsAt < now) return null
	const rows = accessibilityNeeds(db, event.id)
	if (question.hidden && rows.length === 0) return null
	const label = (need: string) => surveyTextIn(question.options?.find((o) => o.value === need)?.label ?? { 'sr-Latn': need, 'sr-Cyrl': need }, locale).text
	return {
		counts: ACCESS_NEEDS.map((need) => {
			const count = rows.filter((r) => r.needs.includes(need)).length
			return { need, label: label(need), count, countText: formatNumber(count, locale) }
		}),
		rows: rows.map((r) => ({ id: r.id, name: r.name, partySize: r.partySize, needs: r.needs.map(label).join(', '), other: r.other })),
	}
}
