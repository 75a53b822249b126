// The rules of answering a survey (issue 15): whether it takes answers at a moment (surveyState),
// what a valid set of answers is (parseAnswers, the same for the JSON API and the no-JS page,
// which first turns its form into the API's shape with answersFromForm), and the hour a response is
// kept under. Pure: the time is an argument.
import { numberBounds, QUESTION_ID, TEXT_ANSWER_MAX, type SurveyQuestion, type SurveyStatus } from './survey-definition.ts'

/** What the public sees: not published, published but not open yet, taking answers, or closed. */
export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed'

/**
 * A draft is a draft whatever its dates; a closed survey is closed. An open one is `scheduled`
 * before `opensAt`, `closed` from `closesAt` on, and `open` in between (dates are optional).
 */
export function surveyState(survey: { status: SurveyStatus; opensAt: Date | null; closesAt: Date | null }, now: Date): SurveyState {
	if (survey.status !== 'open') return survey.status
	if (survey.opensAt && now < survey.opensAt) return 'scheduled'
	if (survey.closesAt && now >= survey.closesAt) return 'closed'
	return 'open'
}

const HOUR_MS = 60 * 60 * 1000

/** The time a response is kept under: rounded DOWN to the whole hour, so it cannot be matched to a minute. */
export function roundDownToHour(time: Date): Date {
	return new Date(Math.floor(time.getTime() / HOUR_MS) * HOUR_MS)
}

/** One answer as stored: a scale point or number, an option's value, several values, a text. */
/**
 * The survey's public address; `eventSlug` adds `?event=` (the event the answers are for), `token`
 * a follow-up mail's one-time token (`t=`, from issueSurveyToken).
 */
export function surveyUrl(publicUrl: string, slug: string, eventSlug?: string | null, token?: string | null): string {
	const query = new URLSearchParams()
	if (eventSlug) query.set('event', eventSlug)
	if (token) query.set('t', token)
	const base = `${publicUrl.replace(/\/$/, '')}/surveys/${slug}`
	return query.size > 0 ? `${base}?${query}` : base
}

export type AnswerValue = number | string | string[]
export type Answers = Record<string, AnswerValue>

/** Why an answer was refused: a key of the common `validation` catalog and its values. */
export type AnswerIssue = { key: string; values?: Record<string, string | number> }

export type ParsedAnswers = { ok: true; answers: Answers } | { ok: false; issues: Record<string, AnswerIssue> }

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/** One answer against its question: the value as kept (null: none given), or why it is refused. */
export function checkAnswer(question: SurveyQuestion, value: unknown): { value: AnswerValue | null } | { issue: AnswerIssue } {
	switch (question.kind) {
		case 'likert5':
			if (isBlank(value)) return { value: null }
			if (typeof value !== 'number' || !Number.isInteger(value)) return { issue: { key: 'scalePoint' } }
			if (value < 1 || value > 5) return { issue: { key: 'scalePoint' } }
			return { value }
		case 'number': {
			if (isBlank(value)) return { value: null }
			if (typeof value !== 'number' || !Number.isFinite(value)) return { issue: { key: 'number' } }
			if (!Number.isInteger(value)) return { issue: { key: 'wholeNumber' } }
			const { min, max } = numberBounds(question)
			if (value < min) return { issue: { key: 'tooSmall', values: { min } } }
			if (value > max) return { issue: { key: 'tooBig', values: { max } } }
			return { value }
		}
		case 'single': {
			if (isBlank(value)) return { value: null }
			if (typeof value !== 'string' || !question.options?.some((o) => o.value === value)) return { issue: { key: 'choice' } }
			return { value }
		}
		case 'multi': {
			if (value === undefined || value === null) return { value: null }
			if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { issue: { key: 'choices' } }
			const values = value as string[]
			if (new Set(values).size !== values.length) return { issue: { key: 'choices' } }
			if (values.some((v) => !question.options?.some((o) => o.value === v))) return { issue: { key: 'choice' } }
			if (values.length === 0) return { value: null }
			// Kept in the question's order, so two equal answers are stored alike.
			return { value: question.options!.map((o) => o.value).filter((v) => values.includes(v)) }
		}
		case 'text': {
			if (isBlank(value)) return { value: null }
			if (typeof value !== 'string') return { issue: { key: 'type' } }
			const text = value.trim().replace(/\r\n?/g, '\n')
			if (text.length > TEXT_ANSWER_MAX) return { issue: { key: 'tooLong', values: { count: TEXT_ANSWER_MAX } } }
			return { value: text }
		}
	}
}

/**
 * Checks a body's `answers` against the survey's questions: an object keyed by question id, each
 * value of its question's kind; unknown ids are refused, a blank answer counts as none, and a
 * required question must have one. Every problem at once, keyed by question id (`_` when `answers`
 * itself is not an object).
 */
export function parseAnswers(questions: readonly SurveyQuestion[], input: unknown): ParsedAnswers {
	const issues: Record<string, AnswerIssue> = Object.create(null)
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, issues: { _: { key: 'type' } } }
	const byId = new Map(questions.map((q) => [q.id, q]))
	const answers: Answers = Object.create(null)
	for (const id of Object.keys(input)) {
		if (!byId.has(id)) issues[QUESTION_ID.test(id) ? id : id.slice(0, 40)] = { key: 'unknownQuestion' }
	}
	for (const question of questions) {
		const raw = Object.hasOwn(input, question.id) ? (input as Record<string, unknown>)[question.id] : undefined
		const result = checkAnswer(question, raw)
		if ('issue' in result) issues[question.id] = result.issue
		else if (result.value !== null) answers[question.id] = result.value
		else if (question.required) issues[question.id] = { key: 'required' }
	}
	if (Object.keys(issues).length > 0) return { ok: false, issues }
	return { ok: true, answers: { ...answers } }
}

/**
 * A page form's fields as the API's `answers`: `q.{id}` for each question (several for `multi`).
 * A scale point or number that is not a number stays a string, so parseAnswers names it.
 */
export function answersFromForm(questions: readonly SurveyQuestion[], form: { getAll(name: string): unknown[] }): Record<string, unknown> {
	const answers: Record<string, unknown> = {}
	for (const question of questions) {
		const values = form.getAll(`q.${question.id}`).filter((v): v is string => typeof v === 'string')
		if (question.kind === 'multi') {
			if (values.length > 0) answers[question.id] = values
			continue
		}
		const value = values[0]
		if (value === undefined || value.trim() === '') continue
		if (question.kind === 'likert5' || question.kind === 'number') {
			const trimmed = value.trim()
			const n = /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN
			answers[question.id] = Number.isNaN(n) ? trimmed : n
		} else answers[question.id] = value
	}
	return answers
}
