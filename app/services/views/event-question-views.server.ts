// An event's own questions as a page shows them (issue 18): texts in the reader's language (English
// falls back to Serbian Latin, marked so the page can say lang="sr-Latn"), answers as words.
import type { EventRow } from '#db/schema/index.ts'
import { answerFieldName, SHORT_TEXT_MAX, type EventQuestion } from '#app/domain/event-questions.ts'
import { formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { numberBounds, surveyTextIn, TEXT_ANSWER_MAX } from '#app/domain/survey-definition.ts'
import type { EventQuestionKind } from '#app/domain/vocabulary.ts'
export { answerLines, answerText, type AnswerLine, type YesNoWords } from '#app/domain/event-questions.ts'
import { eventQuestions } from '#app/services/queries/event-questions.server.ts'

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
