// The admin's survey builder as a plain form (issue 15), so it works without JavaScript: every
// field is a named input, a question is a group of `q{i}.…` fields, and adding, removing or
// moving a question is a POST that answers with the form changed (nothing is stored until Save).
// This file turns a survey into the form's values, applies those button presses, and turns the
// values into the JSON API's body, so the same schema (survey-definition.ts) checks both; an
// issue's path in that body maps back to the field that shows it.
import { toBelgradeLocalInput, fromBelgradeLocalInput } from './format.ts'
import type { SurveyDefinition, SurveyQuestion } from './survey-definition.ts'
import { QUESTION_KINDS, SURVEY_STATUSES, type SurveyStatus } from './vocabulary.ts'

export type SurveyFormValues = Record<string, string>

/** The fields of one question row, as the form names them after `q{i}.`. */
// `door` and `hidden` are the event questions' (event-question-form.ts); a survey leaves them empty.
const QUESTION_FIELDS = ['id', 'kind', 'label', 'labelEn', 'options', 'optionsEn', 'values', 'required', 'min', 'max', 'door', 'hidden'] as const
type QuestionField = (typeof QUESTION_FIELDS)[number]
export type QuestionRow = Record<QuestionField, string>

const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)

export const isChoiceKind = (kind: string) => kind === 'single' || kind === 'multi'

/** A question as the builder edits it: a survey's, or an event's with its door and hidden flags. */
type EditableQuestion = Omit<SurveyQuestion, 'kind' | 'buckets'> & { kind: string; door?: boolean; hidden?: boolean }

export function questionRow(q: EditableQuestion): QuestionRow {
	return {
		id: q.id,
		kind: q.kind,
		label: q.label['sr-Latn'],
		labelEn: q.label.en ?? '',
		options: (q.options ?? []).map((o) => o.label['sr-Latn']).join('\n'),
		optionsEn: (q.options ?? []).map((o) => o.label.en ?? '').join('\n'),
		values: (q.options ?? []).map((o) => o.value).join('\n'),
		required: q.required ? 'on' : '',
		min: q.min === undefined ? '' : String(q.min),
		max: q.max === undefined ? '' : String(q.max),
		door: q.door ? 'on' : '',
		hidden: q.hidden ? 'on' : '',
	}
}

/** The form's values for a survey (or a template): Serbian Latin and English texts, times in Belgrade. */
export function surveyFormValues(
	survey: SurveyDefinition & { event: string | null; status: SurveyStatus; opensAt: Date | null; closesAt: Date | null },
): SurveyFormValues {
	const values: SurveyFormValues = {
		title: survey.title['sr-Latn'],
		titleEn: survey.title.en ?? '',
		description: survey.description?.['sr-Latn'] ?? '',
		descriptionEn: survey.description?.en ?? '',
		event: survey.event ?? '',
		status: survey.status,
		opensAt: survey.opensAt ? toBelgradeLocalInput(survey.opensAt) : '',
		closesAt: survey.closesAt ? toBelgradeLocalInput(survey.closesAt) : '',
	}
	return writeQuestionRows(values, survey.questions.map(questionRow))
}

/** The question rows the form carries, in order. */
export function readQuestionRows(values: SurveyFormValues): QuestionRow[] {
	const count = Math.min(Number.parseInt(values.questions ?? '0', 10) || 0, 200)
	return Array.from({ length: count }, (_, i) => Object.fromEntries(QUESTION_FIELDS.map((f) => [f, values[`q${i}.${f}`] ?? ''])) as QuestionRow)
}

/** The values with these question rows (and no others). */
export function writeQuestionRows(values: SurveyFormValues, rows: readonly QuestionRow[]): SurveyFormValues {
	const rest = Object.fromEntries(Object.entries(values).filter(([key]) => !/^q\d+\./.test(key)))
	rows.forEach((row, i) => QUESTION_FIELDS.forEach((f) => (rest[`q${i}.${f}`] = row[f])))
	rest.questions = String(rows.length)
	return rest
}

/** A question id not used yet: q1, q2, … */
function freshId(rows: readonly QuestionRow[]): string {
	const used = new Set(rows.map((r) => r.id))
	let n = rows.length + 1
	while (used.has(`q${n}`)) n++
	return `q${n}`
}

/** The builder's buttons: `add` (a question of the kind chosen in `newKind`), `remove:i`, `up:i`, `down:i`. */
export type BuilderIntent = { kind: 'add' } | { kind: 'remove' | 'up' | 'down'; index: number }

export function parseBuilderIntent(intent: string | undefined): BuilderIntent | null {
	if (intent === 'add') return { kind: 'add' }
	const match = /^(remove|up|down):(\d{1,3})$/.exec(intent ?? '')
	return match ? { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) } : null
}

/** `kinds`: the kinds a new question may have, the first the default (the survey's, or EVENT_QUESTION_KINDS). */
export function applyBuilderIntent(values: SurveyFormValues, intent: BuilderIntent, kinds: readonly string[] = QUESTION_KINDS): SurveyFormValues {
	const rows = readQuestionRows(values)
	if (intent.kind === 'add') {
		const kind = kinds.includes(values.newKind ?? '') ? values.newKind! : kinds[0]!
		const empty = Object.fromEntries(QUESTION_FIELDS.map((f) => [f, ''])) as QuestionRow
		rows.push({ ...empty, id: freshId(rows), kind })
	} else {
		const i = intent.index
		if (i >= rows.length) return values
		if (intent.kind === 'remove') rows.splice(i, 1)
		const j = intent.kind === 'up' ? i - 1 : i + 1
		if (intent.kind !== 'remove' && j >= 0 && j < rows.length) [rows[i], rows[j]] = [rows[j]!, rows[i]!]
	}
	return writeQuestionRows(values, rows)
}

/** A text as the API takes it: the Serbian string, or both when English was written. */
function apiText(latin: string, english: string): string | { 'sr-Latn': string; en: string } {
	const en = english.trim()
	return en ? { 'sr-Latn': latin, en } : latin
}

/** An option's value from its Serbian label: lower-case words joined by dashes, unique in the question. */
function optionValue(label: string, taken: Set<string>): string {
	const base =
		label
			.toLowerCase()
			.normalize('NFKC')
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'opcija'
	let value = base
	for (let n = 2; taken.has(value); n++) value = `${base}-${n}`
	taken.add(value)
	return value
}

/** A whole number typed in the form, or the text itself so the schema names what is wrong. */
const numberField = (text: string) => (/^-?\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : text)

/** A question row as the API's question (survey-definition.ts QuestionInputSchema's fields). */
export function questionBody(row: QuestionRow) {
	const body: Record<string, unknown> = { id: row.id, kind: row.kind, label: apiText(row.label.trim(), row.labelEn), required: row.required === 'on' }
	if (isChoiceKind(row.kind)) {
		const labels = lines(row.options)
		const english = row.optionsEn.split(/\r?\n/).map((l) => l.trim())
		// An option keeps the value it had (the answers are keyed by it); a new line gets one from its label.
		const kept = lines(row.values)
		const taken = new Set(kept.slice(0, labels.length))
		body.options = labels.map((label, j) => ({ value: kept[j] ?? optionValue(label, taken), label: apiText(label, english[j] ?? '') }))
	}
	if (row.kind === 'number') {
		if (row.min.trim()) body.min = numberField(row.min)
		if (row.max.trim()) body.max = numberField(row.max)
	}
	return body
}

/** A Belgrade time typed in the form as the API's ISO time; what does not read as a time is passed on for the schema to refuse. */
function timeField(text: string): string | null {
	if (!text.trim()) return null
	return fromBelgradeLocalInput(text)?.toISOString() ?? text
}

/**
 * The form as the JSON API's body (POST /api/v1/surveys, or PATCH without the questions of a
 * survey that has answers). Parse it with SurveyCreateSchema / SurveyPatchSchema.
 */
export function surveyBodyFromForm(values: SurveyFormValues, options: { withQuestions: boolean }): Record<string, unknown> {
	const description = (values.description ?? '').trim()
	const status = (SURVEY_STATUSES as readonly string[]).includes(values.status ?? '') ? values.status : 'draft'
	const body: Record<string, unknown> = {
		title: apiText((values.title ?? '').trim(), values.titleEn ?? ''),
		description: description ? apiText(description, values.descriptionEn ?? '') : null,
		event: values.event?.trim() ? values.event.trim() : null,
		status,
		opensAt: timeField(values.opensAt ?? ''),
		closesAt: timeField(values.closesAt ?? ''),
	}
	if (options.withQuestions) body.questions = readQuestionRows(values).map(questionBody)
	return body
}

/** The form field that shows an issue found at `path` in surveyBodyFromForm's body. */
export function formFieldOfIssue(path: readonly PropertyKey[]): string {
	const [head, index, field, sub] = path.map(String)
	if (head === 'title' || head === 'description') return index === 'en' ? `${head}En` : head
	if (head !== 'questions') return head ?? '_'
	if (index === undefined) return 'questions'
	if (field === 'label') return sub === 'en' ? `q${index}.labelEn` : `q${index}.label`
	if (field === 'options') return `q${index}.options`
	if (field === 'min' || field === 'max' || field === 'kind' || field === 'id') return `q${index}.${field}`
	return `q${index}.label`
}
