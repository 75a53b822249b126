// A survey's results (issue 15), honest and safe to show: per question the counts of each answer,
// with the research view's small-cell suppression (small-cells.ts): a count from 1 to 4 is null,
// and so is any other count from which a hidden one could be worked out with a total.
//
// - `single`, `likert5` ("1".."5"), `number` (buckets): one breakdown per question whose total
//   is `answered`, the respondents who answered it (suppressBreakdown).
// - `multi`: a respondent may choose several options, so the options do not add up to anything;
//   each option is its own line "chosen / not chosen" against `answered`, so neither a small
//   "chosen" nor a small "not chosen" can be read.
// - `text`: no counts; `answered` only, and the texts themselves for organizers who ask for them,
//   sorted alphabetically so their order says nothing about when or with what they were given.
// - `responses`, the number of responses, is always shown.
//
// Number buckets: DEFAULT_NUMBER_BUCKETS are upper bounds 0, 4, 9, 19, 49, 99, giving "0", "1-4",
// "5-9", "10-19", "20-49", "50-99", "100+" for the default range (0 to a million); a question
// may set its own `buckets`; bounds outside its min..max are dropped. A bucket is "a-b", "a" when
// a = b, and "a+" for the last one when the question has no `max` of its own.
import { MIN_SHOWN_COUNT, suppressBreakdown, type Suppressed } from './small-cells.ts'
import { numberBounds, type SurveyQuestion } from './survey-definition.ts'
import type { QuestionKind } from './vocabulary.ts'

export const DEFAULT_NUMBER_BUCKETS = [0, 4, 9, 19, 49, 99] as const
export const LIKERT_POINTS = ['1', '2', '3', '4', '5'] as const

export type QuestionResult = {
	id: string
	kind: QuestionKind
	/** Respondents who answered this question; null when small (or, rarely, to protect a hidden count). */
	answered: Suppressed
	/** Answer → respondents, in the question's order; null when hidden. Empty for `text`. */
	counts: Record<string, Suppressed>
	/** `text` only, and only when asked for: the answers, sorted. */
	texts?: string[]
}

export type SurveyResults = { responses: number; questions: QuestionResult[] }

export type NumberBucket = { key: string; from: number; to: number }

/** The result buckets of a `number` question, in order. */
export function numberBuckets(question: Pick<SurveyQuestion, 'min' | 'max' | 'buckets'>): NumberBucket[] {
	const { min, max } = numberBounds(question)
	const bounds = (question.buckets ?? DEFAULT_NUMBER_BUCKETS).filter((b) => b >= min && b < max)
	const buckets: NumberBucket[] = []
	let from = min
	for (const to of bounds) {
		buckets.push({ key: from === to ? String(from) : `${from}-${to}`, from, to })
		from = to + 1
	}
	const open = question.max === undefined
	buckets.push({ key: open ? `${from}+` : from === max ? String(from) : `${from}-${max}`, from, to: max })
	return buckets
}

/** The answer keys of a question: its option values, the scale points or its buckets (none for text). */
export function answerKeys(question: SurveyQuestion): string[] {
	switch (question.kind) {
		case 'likert5':
			return [...LIKERT_POINTS]
		case 'single':
		case 'multi':
			return (question.options ?? []).map((o) => o.value)
		case 'number':
			return numberBuckets(question).map((b) => b.key)
		case 'text':
			return []
	}
}

const small = (n: number) => n > 0 && n < MIN_SHOWN_COUNT

/**
 * The results of `responses` (each a response's stored answers) for `questions`. `includeText`
 * adds the free-text answers (organizers only).
 */
/** Serbian collation, made once: the same order as localeCompare(…, 'sr'), without a collator per comparison. */
const serbianOrder = new Intl.Collator('sr')

export function surveyResults(
	questions: readonly SurveyQuestion[],
	responses: readonly Record<string, unknown>[],
	options: { includeText?: boolean } = {},
): SurveyResults {
	return { responses: responses.length, questions: questions.map((q) => questionResult(q, responses, options.includeText ?? false)) }
}

function questionResult(question: SurveyQuestion, responses: readonly Record<string, unknown>[], includeText: boolean): QuestionResult {
	const given = responses.map((r) => (Object.hasOwn(r, question.id) ? r[question.id] : undefined)).filter((v) => v !== undefined && v !== null)
	const answered = given.length
	const keys = answerKeys(question)
	const base = { id: question.id, kind: question.kind }
	switch (question.kind) {
		case 'text': {
			const result: QuestionResult = { ...base, answered: small(answered) ? null : answered, counts: {} }
			if (includeText) result.texts = given.map(String).sort(serbianOrder.compare)
			return result
		}
		case 'multi': {
			const counts: Record<string, Suppressed> = {}
			let totalHidden = false
			for (const key of keys) {
				const chosen = given.filter((v) => Array.isArray(v) && v.includes(key)).length
				const line = suppressBreakdown({ chosen, notChosen: answered - chosen })
				counts[key] = line.cells.chosen
				if (line.total === null) totalHidden = true
			}
			return { ...base, answered: totalHidden || small(answered) ? null : answered, counts }
		}
		default: {
			const raw: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]))
			const buckets = question.kind === 'number' ? numberBuckets(question) : null
			for (const value of given) {
				const key = buckets ? buckets.find((b) => typeof value === 'number' && value >= b.from && value <= b.to)?.key : String(value)
				if (key !== undefined && key in raw) raw[key]! += 1
			}
			const { cells, total } = suppressBreakdown(raw)
			return { ...base, answered: total, counts: cells }
		}
	}
}
