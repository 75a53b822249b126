// A survey as an organizer writes it (issue 15): a title, an optional description and a short list
// of questions of five kinds, each text written once in Serbian Latin (Cyrillic derived with
// transliterate.ts), English optional. This file is the input schema (the JSON API's body; the
// admin builder turns its form into the same shape) and the stored shape; answering and the state
// at a moment are survey-rules.ts, results survey-results.ts, the two templates survey-templates.ts.
import { z } from 'zod'
import { issueKey, isoDateTime } from './input-fields.ts'
import type { Locale } from './locale.ts'
import { messageText, type MessageText } from './message-input.ts'
import { SlugSchema } from './slug.ts'
import { QUESTION_KINDS, SURVEY_STATUSES, type QuestionKind, type SurveyStatus } from './vocabulary.ts'

/** A text as each language reads it: Serbian Latin, its Cyrillic, and English when written. */
export type SurveyText = MessageText

export type SurveyOption = { value: string; label: SurveyText }

export type SurveyQuestion = {
	id: string
	kind: QuestionKind
	label: SurveyText
	required: boolean
	/** `single` and `multi` only: the choices, in the order shown. */
	options?: SurveyOption[]
	/** `number` only: the allowed whole numbers (defaults NUMBER_MIN and NUMBER_MAX). */
	min?: number
	max?: number
	/** `number` only: the upper bounds of the result buckets (survey-results.ts, DEFAULT_NUMBER_BUCKETS). */
	buckets?: number[]
}

export type SurveyDefinition = { title: SurveyText; description: SurveyText | null; questions: SurveyQuestion[] }

export const TITLE_MAX = 200
export const DESCRIPTION_MAX = 2000
export const LABEL_MAX = 500
export const OPTION_LABEL_MAX = 200
export const MAX_QUESTIONS = 50
export const MAX_OPTIONS = 30
/** The longest free-text answer, in characters. */
export const TEXT_ANSWER_MAX = 2000
/** A `number` question without its own bounds takes whole numbers from 0 to a million. */
export const NUMBER_MIN = 0
export const NUMBER_MAX = 1_000_000
const NUMBER_LIMIT = 1_000_000_000

/** A question's id: what the answers and the results are keyed by. */
export const QUESTION_ID = /^[A-Za-z0-9_-]{1,40}$/
/** An option's value (a `single` answer, an element of a `multi` answer, a results key). */
const OPTION_VALUE = /^[^\s\p{Cc}][^\p{Cc}]{0,79}$/u

/** A text in the API: a string (Serbian Latin) or {"sr-Latn", "sr-Cyrl"?, "en"?}. */
export function surveyTextSchema(max: number) {
	const part = z.string().trim().max(max)
	return z.union([part.min(1), z.strictObject({ 'sr-Latn': part.min(1), 'sr-Cyrl': part.optional(), en: part.optional() })])
}

const OptionValueSchema = z
	.string()
	.trim()
	.min(1)
	.max(80)
	.refine((v) => OPTION_VALUE.test(v), issueKey('format'))

export const OptionInputSchema = z.union([OptionValueSchema, z.strictObject({ value: OptionValueSchema, label: surveyTextSchema(OPTION_LABEL_MAX) })])

const whole = z.number().int().min(-NUMBER_LIMIT).max(NUMBER_LIMIT)

/** The fields every question has, here and on an event's registration form (event-questions.ts); `kind` is each one's own. */
export const questionFields = {
	id: z.string().refine((v) => QUESTION_ID.test(v), issueKey('questionId')),
	label: surveyTextSchema(LABEL_MAX),
	options: z.array(OptionInputSchema).min(2).max(MAX_OPTIONS).optional(),
	required: z.boolean().optional(),
	min: whole.optional(),
	max: whole.optional(),
}

type QuestionShape = { kind: string; options?: z.output<typeof OptionInputSchema>[]; min?: number; max?: number; buckets?: number[] }

/** The rules between a question's fields: options for choices only and each once, bounds for numbers only and in order. */
export function checkQuestionShape(q: QuestionShape, ctx: z.RefinementCtx) {
	const choice = q.kind === 'single' || q.kind === 'multi'
	if (choice && !q.options) ctx.addIssue({ code: 'custom', path: ['options'], ...issueKey('optionsRequired') })
	if (!choice && q.options) ctx.addIssue({ code: 'custom', path: ['options'], ...issueKey('optionsNotAllowed') })
	if (q.options) {
		const seen = new Set<string>()
		q.options.forEach((option, i) => {
			const value = typeof option === 'string' ? option : option.value
			if (seen.has(value)) ctx.addIssue({ code: 'custom', path: ['options', i], ...issueKey('duplicateOption') })
			seen.add(value)
		})
	}
	for (const field of ['min', 'max', 'buckets'] as const) {
		if (q.kind !== 'number' && q[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], ...issueKey('numberOnly') })
	}
	if (q.min !== undefined && q.max !== undefined && q.min >= q.max) ctx.addIssue({ code: 'custom', path: ['max'], ...issueKey('maxNotAboveMin') })
	if (q.buckets && q.buckets.some((b, i) => i > 0 && b <= q.buckets![i - 1]!)) {
		ctx.addIssue({ code: 'custom', path: ['buckets'], ...issueKey('bucketsAscending') })
	}
}

export const QuestionInputSchema = z
	.strictObject({ ...questionFields, kind: z.enum(QUESTION_KINDS), buckets: z.array(whole).min(1).max(10).optional() })
	.superRefine(checkQuestionShape)

export type QuestionInput = z.output<typeof QuestionInputSchema>

const QuestionsSchema = z
	.array(QuestionInputSchema)
	.min(1)
	.max(MAX_QUESTIONS)
	.superRefine((questions, ctx) => {
		const seen = new Set<string>()
		questions.forEach((q, i) => {
			if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], ...issueKey('duplicateQuestion') })
			seen.add(q.id)
		})
	})

const nullableTime = z.union([isoDateTime, z.null()])

const surveyFields = {
	title: surveyTextSchema(TITLE_MAX),
	description: z.union([surveyTextSchema(DESCRIPTION_MAX), z.null()]),
	/** The event's slug, or null for a survey of its own. */
	event: z.union([SlugSchema, z.null()]),
	questions: QuestionsSchema,
	status: z.enum(SURVEY_STATUSES),
	opensAt: nullableTime,
	closesAt: nullableTime,
	/** The survey's own address (/surveys/{slug}); made from the title when left out. */
	slug: SlugSchema,
}

function datesInOrder(value: { opensAt?: Date | null; closesAt?: Date | null }, ctx: z.RefinementCtx) {
	if (value.opensAt && value.closesAt && value.closesAt <= value.opensAt)
		ctx.addIssue({ code: 'custom', path: ['closesAt'], ...issueKey('surveyClosesBeforeOpens') })
}

/** POST /api/v1/surveys. */
export const SurveyCreateSchema = z
	.strictObject({
		title: surveyFields.title,
		description: surveyFields.description.optional(),
		event: surveyFields.event.optional(),
		questions: surveyFields.questions,
		status: surveyFields.status.optional(),
		opensAt: surveyFields.opensAt.optional(),
		closesAt: surveyFields.closesAt.optional(),
		slug: surveyFields.slug.optional(),
	})
	.superRefine(datesInOrder)

/** PATCH /api/v1/surveys/{slug}: any field of the create body; only the fields sent change. */
export const SurveyPatchSchema = z
	.strictObject({
		title: surveyFields.title.optional(),
		description: surveyFields.description.optional(),
		event: surveyFields.event.optional(),
		questions: surveyFields.questions.optional(),
		status: surveyFields.status.optional(),
		opensAt: surveyFields.opensAt.optional(),
		closesAt: surveyFields.closesAt.optional(),
		slug: surveyFields.slug.optional(),
	})
	.superRefine(datesInOrder)

export type SurveyCreateBody = z.output<typeof SurveyCreateSchema>
export type SurveyPatchBody = z.output<typeof SurveyPatchSchema>

/** A text as kept: the Cyrillic derived when not written, an empty English left out. */
export function surveyText(input: string | { 'sr-Latn': string; 'sr-Cyrl'?: string; en?: string }): SurveyText {
	return messageText(input)
}

/** An option from the API's shape: a bare value is its own Serbian label. */
export function optionFromInput(option: z.output<typeof OptionInputSchema>): SurveyOption {
	return typeof option === 'string' ? { value: option, label: surveyText(option) } : { value: option.value, label: surveyText(option.label) }
}

/** A question from the API's shape to the stored one (options as {value, label}, `required` false by default). */
export function questionFromInput(q: QuestionInput): SurveyQuestion {
	const question: SurveyQuestion = { id: q.id, kind: q.kind, label: surveyText(q.label), required: q.required ?? false }
	if (q.options) question.options = q.options.map(optionFromInput)
	if (q.kind === 'number') {
		if (q.min !== undefined) question.min = q.min
		if (q.max !== undefined) question.max = q.max
		if (q.buckets) question.buckets = q.buckets
	}
	return question
}

/** The smallest and largest answer a `number` question takes. */
export function numberBounds(question: Pick<SurveyQuestion, 'min' | 'max'>): { min: number; max: number } {
	const min = question.min ?? Math.min(NUMBER_MIN, question.max ?? NUMBER_MIN)
	const max = question.max ?? Math.max(NUMBER_MAX, min + 1)
	return { min, max }
}

/** A text in the reader's language: English falls back to Serbian Latin (`fallback` says so). */
export function surveyTextIn(text: SurveyText, locale: Locale): { text: string; fallback: boolean } {
	if (locale === 'en') return text.en ? { text: text.en, fallback: false } : { text: text['sr-Latn'], fallback: true }
	return { text: text[locale], fallback: false }
}

/** The stored JSON of a text or question list, read back; a row the code wrote itself, so trusted. */
export function parseStoredText(json: string): SurveyText
export function parseStoredText(json: string | null): SurveyText | null
export function parseStoredText(json: string | null): SurveyText | null {
	return json === null ? null : (JSON.parse(json) as SurveyText)
}

export function parseStoredQuestions(json: string): SurveyQuestion[] {
	return JSON.parse(json) as SurveyQuestion[]
}

export type { QuestionKind, SurveyStatus }

/** A new survey as the commands take it (the API's body, or the admin builder's form, resolved to stored shapes). */
export type SurveyDraft = SurveyDefinition & {
	/** The event's slug, or null. */
	event: string | null
	status: SurveyStatus
	opensAt: Date | null
	closesAt: Date | null
	/** Made from the Serbian title when left out. */
	slug?: string
}

/** A change: only the fields present change. */
export type SurveyPatch = Partial<SurveyDraft>

export function surveyDraftFromBody(body: SurveyCreateBody): SurveyDraft {
	return {
		title: surveyText(body.title),
		description: body.description ? surveyText(body.description) : null,
		questions: body.questions.map(questionFromInput),
		event: body.event ?? null,
		status: body.status ?? 'draft',
		opensAt: body.opensAt ?? null,
		closesAt: body.closesAt ?? null,
		...(body.slug ? { slug: body.slug } : {}),
	}
}

export function surveyPatchFromBody(body: SurveyPatchBody): SurveyPatch {
	const patch: SurveyPatch = {}
	if (body.title !== undefined) patch.title = surveyText(body.title)
	if (body.description !== undefined) patch.description = body.description === null ? null : surveyText(body.description)
	if (body.questions !== undefined) patch.questions = body.questions.map(questionFromInput)
	if (body.event !== undefined) patch.event = body.event
	if (body.status !== undefined) patch.status = body.status
	if (body.opensAt !== undefined) patch.opensAt = body.opensAt
	if (body.closesAt !== undefined) patch.closesAt = body.closesAt
	if (body.slug !== undefined) patch.slug = body.slug
	return patch
}
