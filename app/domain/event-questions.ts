// An event's own questions on its registration form (issue 18): up to ten, of six kinds, each text
// written once in Serbian Latin (Cyrillic derived), English optional; each optional or required,
// shown to the volunteer at the door or not, asked or hidden. Plus one built-in question any event
// may switch on: accessibility needs (a choice of needs and a line for the rest). The question
// shapes, texts and option rules are the survey's (survey-definition.ts), the answer checks too
// (survey-rules.ts checkAnswer) for the kinds both have. Pure: the stored JSON in, rules out.
import { z } from 'zod'
import { issueKey } from './input-fields.ts'
import { formatNumber } from './format.ts'
import type { Locale } from './locale.ts'
import {
	checkQuestionShape,
	optionFromInput,
	questionFields,
	surveyText,
	surveyTextIn,
	TEXT_ANSWER_MAX,
	type SurveyOption,
	type SurveyText,
} from './survey-definition.ts'
import { checkAnswer, type AnswerIssue } from './survey-rules.ts'
import { EVENT_QUESTION_KINDS, type EventQuestionKind } from './vocabulary.ts'

export type EventQuestion = {
	id: string
	kind: EventQuestionKind
	label: SurveyText
	required: boolean
	/** `single` and `multi` only: the choices, in the order shown. */
	options?: SurveyOption[]
	/** `number` only: the allowed whole numbers (survey-definition.ts numberBounds). */
	min?: number
	max?: number
	/** The answer is shown to the volunteer at the door, beside the verdict. */
	door: boolean
	/** No longer asked; its answers are kept and shown. A question with answers can only be hidden. */
	hidden: boolean
	/** A question the application defines (its texts are in the catalogs, not here). */
	builtin?: 'accessibility'
}

/** The organizer's own questions (the built-in one does not count). */
export const MAX_EVENT_QUESTIONS = 10
/** The longest one-line answer, in characters. */
export const SHORT_TEXT_MAX = 200

/** The built-in accessibility question: its id, its line for other needs, and the needs offered. */
export const ACCESS_ID = 'access'
export const ACCESS_OTHER_ID = 'access-other'
export const ACCESS_NEEDS = ['wheelchair', 'sign_language', 'companion', 'seating', 'other'] as const
const RESERVED_IDS = new Set([ACCESS_ID, ACCESS_OTHER_ID])

export const EventQuestionInputSchema = z
	.strictObject({ ...questionFields, kind: z.enum(EVENT_QUESTION_KINDS), door: z.boolean().optional(), hidden: z.boolean().optional() })
	.superRefine((q, ctx) => {
		checkQuestionShape(q, ctx)
		if (RESERVED_IDS.has(q.id)) ctx.addIssue({ code: 'custom', path: ['id'], ...issueKey('questionId') })
	})

/** PUT /api/v1/events/{slug}/questions and the admin editor's Save: the whole list, in order. */
export const EventQuestionsBodySchema = z.strictObject({
	questions: z
		.array(EventQuestionInputSchema)
		.max(MAX_EVENT_QUESTIONS)
		.superRefine((questions, ctx) => {
			const seen = new Set<string>()
			questions.forEach((q, i) => {
				if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], ...issueKey('duplicateQuestion') })
				seen.add(q.id)
			})
		}),
	/** The built-in accessibility question: asked (true) or not (false); left out, it stays as it is. */
	accessibility: z.boolean().optional(),
})
export type EventQuestionsBody = z.output<typeof EventQuestionsBodySchema>

/** The built-in accessibility question and its line for other needs (texts from the `questions` catalog). */
export function accessibilityQuestions(hidden: boolean): EventQuestion[] {
	const blank = { 'sr-Latn': '', 'sr-Cyrl': '' }
	return [
		{
			id: ACCESS_ID,
			kind: 'multi',
			label: blank,
			required: false,
			options: ACCESS_NEEDS.map((value) => ({ value, label: blank })),
			door: true,
			hidden,
			builtin: 'accessibility',
		},
		{ id: ACCESS_OTHER_ID, kind: 'shortText', label: blank, required: false, door: true, hidden, builtin: 'accessibility' },
	]
}

/**
 * The list to store from a body: the organizer's questions in the order sent, then the built-in
 * ones when switched on, or kept hidden when switched off (their answers stay).
 */
export function eventQuestionsFromBody(body: EventQuestionsBody, previous: readonly EventQuestion[]): EventQuestion[] {
	const own: EventQuestion[] = body.questions.map((q) => {
		const question: EventQuestion = {
			id: q.id,
			kind: q.kind,
			label: surveyText(q.label),
			required: q.required ?? false,
			door: q.door ?? false,
			hidden: q.hidden ?? false,
		}
		if (q.options) question.options = q.options.map(optionFromInput)
		if (q.kind === 'number') {
			if (q.min !== undefined) question.min = q.min
			if (q.max !== undefined) question.max = q.max
		}
		return question
	})
	const hadAccess = previous.some((q) => q.builtin === 'accessibility')
	const accessOn = body.accessibility ?? previous.some((q) => q.builtin === 'accessibility' && !q.hidden)
	if (accessOn) return [...own, ...accessibilityQuestions(false)]
	return hadAccess ? [...own, ...accessibilityQuestions(true)] : own
}

/** Whether the built-in accessibility question is asked. */
export const accessibilityOn = (questions: readonly EventQuestion[]) => questions.some((q) => q.id === ACCESS_ID && !q.hidden)

/** The stored JSON read back; a value the code wrote itself, so trusted. */
export function parseStoredEventQuestions(json: string | null | undefined): EventQuestion[] {
	return json ? (JSON.parse(json) as EventQuestion[]) : []
}

export type EventAnswerValue = string | number | boolean | string[]
export type EventAnswers = Record<string, EventAnswerValue>

export function parseStoredAnswers(json: string | null | undefined): EventAnswers {
	return json ? (JSON.parse(json) as EventAnswers) : {}
}

/**
 * What changing the list from `before` to `after` would break, given the ids that have answers:
 * an answered question removed, or its kind changed, or one of its options dropped. Null when fine.
 */
export function answeredQuestionChange(
	before: readonly EventQuestion[],
	after: readonly EventQuestion[],
	answered: ReadonlySet<string>,
): { id: string; reason: 'question_answered_removed' | 'question_answered_changed' } | null {
	for (const old of before) {
		if (!answered.has(old.id)) continue
		const now = after.find((q) => q.id === old.id)
		if (!now) return { id: old.id, reason: 'question_answered_removed' }
		if (now.kind !== old.kind) return { id: old.id, reason: 'question_answered_changed' }
		const values = new Set((now.options ?? []).map((o) => o.value))
		if ((old.options ?? []).some((o) => !values.has(o.value))) return { id: old.id, reason: 'question_answered_changed' }
	}
	return null
}

export type ParsedEventAnswers = { ok: true; answers: EventAnswers } | { ok: false; issues: Record<string, AnswerIssue> }

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

function checkEventAnswer(question: EventQuestion, value: unknown): { value: EventAnswerValue | null } | { issue: AnswerIssue } {
	switch (question.kind) {
		case 'yesNo':
			if (isBlank(value)) return { value: null }
			return typeof value === 'boolean' ? { value } : { issue: { key: 'yesNo' } }
		case 'shortText': {
			if (isBlank(value)) return { value: null }
			if (typeof value !== 'string') return { issue: { key: 'type' } }
			const text = value.trim()
			if (text.length > SHORT_TEXT_MAX) return { issue: { key: 'tooLong', values: { count: SHORT_TEXT_MAX } } }
			if (/[\r\n]/.test(text)) return { issue: { key: 'oneLine' } }
			return { value: text }
		}
		default:
			return checkAnswer({ ...question, kind: question.kind }, value)
	}
}

/**
 * Checks `answers` (an object keyed by question id) against the questions asked: hidden and
 * unknown ids are refused, a blank answer counts as none, a required question must have one.
 * Every problem at once, keyed by question id (`_` when `answers` is not an object).
 */
export function parseEventAnswers(
	questions: readonly EventQuestion[],
	input: unknown,
	/** `required: false`: an organizer taking a registration by hand need not have every answer. */
	options: { required: boolean } = { required: true },
): ParsedEventAnswers {
	const issues: Record<string, AnswerIssue> = Object.create(null)
	const given: unknown = input ?? {}
	if (typeof given !== 'object' || given === null || Array.isArray(given)) return { ok: false, issues: { _: { key: 'type' } } }
	const asked = questions.filter((q) => !q.hidden)
	const byId = new Map(asked.map((q) => [q.id, q]))
	const answers: EventAnswers = Object.create(null)
	for (const id of Object.keys(given)) if (!byId.has(id)) issues[id.slice(0, 40)] = { key: 'unknownQuestion' }
	for (const question of asked) {
		const raw = Object.hasOwn(given, question.id) ? (given as Record<string, unknown>)[question.id] : undefined
		const result = checkEventAnswer(question, raw)
		if ('issue' in result) issues[question.id] = result.issue
		else if (result.value !== null) answers[question.id] = result.value
		else if (question.required && options.required) issues[question.id] = { key: 'required' }
	}
	if (Object.keys(issues).length > 0) return { ok: false, issues }
	return { ok: true, answers: { ...answers } }
}

/**
 * The organizer's list filter `{questionId}:{value}` (choice and yes/no questions only), read
 * against the questions: the question and the stored value to look for, or null.
 */
export function parseAnswerFilter(questions: readonly EventQuestion[], filter: string): { question: EventQuestion; value: string | boolean } | null {
	const colon = filter.indexOf(':')
	if (colon < 1) return null
	const question = questions.find((q) => q.id === filter.slice(0, colon))
	const value = filter.slice(colon + 1)
	if (!question) return null
	if (question.kind === 'yesNo') return value === 'yes' || value === 'no' ? { question, value: value === 'yes' } : null
	if (question.kind !== 'single' && question.kind !== 'multi') return null
	return question.options?.some((o) => o.value === value) ? { question, value } : null
}

/** The page form's field of a question. */
export const answerFieldName = (id: string) => `question-${id}`

/**
 * The registration form's fields as the API's `answers`: `question-{id}` for each asked question
 * (several for `multi`; `yes`/`no` for yes/no). A number that does not read as one stays a string,
 * so parseEventAnswers names it.
 */
export function answersFromForm(questions: readonly EventQuestion[], form: { getAll(name: string): unknown[] }): Record<string, unknown> {
	const answers: Record<string, unknown> = {}
	for (const question of questions) {
		if (question.hidden) continue
		const values = form.getAll(answerFieldName(question.id)).filter((v): v is string => typeof v === 'string')
		if (question.kind === 'multi') {
			if (values.length > 0) answers[question.id] = values
			continue
		}
		const value = values[0]
		if (value === undefined || value.trim() === '') continue
		if (question.kind === 'number') {
			const trimmed = value.trim()
			answers[question.id] = /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed
		} else if (question.kind === 'yesNo') answers[question.id] = value === 'yes' ? true : value === 'no' ? false : value
		else answers[question.id] = value
	}
	return answers
}

/** A question's own text in the reader's language (English falls back to Serbian Latin); built-in ones are the catalog's. */
export function questionTextIn(text: SurveyText, locale: Locale): string {
	return surveyTextIn(text, locale).text
}

/** Words for yes and no, in the reader's language (the caller's `questions` catalog). */
export type YesNoWords = { yes: string; no: string }

/** One answer in words: option labels, yes/no, a number in the reader's format, or the text. */
export function answerText(question: EventQuestion, value: EventAnswers[string], locale: Locale, words: YesNoWords): string {
	const option = (v: string) => {
		const found = question.options?.find((o) => o.value === v)
		return found ? surveyTextIn(found.label, locale).text : v
	}
	if (typeof value === 'boolean') return value ? words.yes : words.no
	if (typeof value === 'number') return formatNumber(value, locale)
	if (Array.isArray(value)) return value.map(option).join(', ')
	return question.kind === 'single' ? option(value) : value
}

export type AnswerLine = { id: string; label: string; text: string }

/** A registration's answers as lines (in the questions' order), all or only those for the door. */
export function answerLines(
	questions: readonly EventQuestion[],
	answersJson: string | null,
	locale: Locale,
	words: YesNoWords,
	only: 'all' | 'door' = 'all',
): AnswerLine[] {
	const answers = parseStoredAnswers(answersJson)
	return questions
		.filter((q) => (only === 'door' ? q.door : true) && answers[q.id] !== undefined)
		.map((q) => ({ id: q.id, label: surveyTextIn(q.label, locale).text, text: answerText(q, answers[q.id]!, locale, words) }))
}

export { TEXT_ANSWER_MAX }
