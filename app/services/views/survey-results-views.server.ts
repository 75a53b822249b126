// A survey's results for the organizers (issue 15): the page /admin/surveys/{slug}/results and its
// exports. Everything shown comes from the suppressed results (domain/survey-results.ts): a count
// hidden there ("< 5") stays hidden here, no bar is drawn to its length, and no share is given
// where the count or the number who answered is hidden. Bars are scaled to the number who
// answered when it is shown, else to the largest shown count, so a bar's length never says more
// than the numbers printed next to it. Responses per day (Belgrade) are suppressed the same way,
// as one breakdown of all responses. The free-text answers are read a page at a time (50, in the
// order of their text, issue 21); the exports that carry them all are the raw rows (admins).
//
// The exports: results.csv / .xlsx are one long table (a block of rows per question: "answered",
// then one row per answer), with the method note after it (CSV) or on a sheet of its own (XLSX);
// responses.csv / .xlsx are the raw anonymous rows (admins only): the hour, the event, one column
// per question in the reader's language.
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { TFunction } from 'i18next'
import { CSV_BOM, CSV_LINE_END, csvDateTime, csvRecord, toCsv, type CsvCell, type CsvDelimiter } from '#app/domain/csv.ts'
import { formatNumber, formatPercent, formatShortDate } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { suppressBreakdown, type Suppressed } from '#app/domain/small-cells.ts'
import { answerKeys, type SurveyResults } from '#app/domain/survey-results.ts'
import type { SurveyState } from '#app/domain/survey-rules.ts'
import {
	localizeSurvey,
	surveyResponseEvents,
	surveyResponseTimes,
	surveyResponseTextRows,
	surveyResultsFor,
	surveyTextAnswers,
	surveyQuestions,
	surveyStateOf,
	type LocalizedQuestion,
} from '#app/services/queries/surveys.server.ts'
import type { SurveyRow } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'

export const SMALL_CELL_TEXT = '< 5'

/** One answer's line: its label, the count (null: hidden), the texts shown and the bar's length. */
export type ResultLine = {
	key: string
	label: string
	count: Suppressed
	countText: string
	/** null when the count or the number who answered is hidden. */
	shareText: string | null
	/** 0–100, of the bar's full length; null for a hidden count (a hatched empty bar). */
	bar: number | null
}

export type LikertSegment = { point: number; label: string; hidden: boolean; width: number }

export type QuestionView = {
	id: string
	kind: LocalizedQuestion['kind']
	label: string
	answeredText: string
	lines: ResultLine[]
	/** likert5 only: the diverging bar, left (points 2, 1 outwards) and right (4, 5); 3 is split between both. */
	likert?: { left: LikertSegment[]; right: LikertSegment[] }
	texts?: string[]
	/** text only: which page of its answers is shown, and the pages before and after it (null: none). */
	textPage?: { page: number; rangeText: string | null; previous: number | null; next: number | null }
}

/** Free-text answers shown per page and question (issue 21: 30,000 answers are not one page). */
export const TEXTS_PER_PAGE = 50
/** The highest page asked for that is read: beyond it the first page is shown. */
const MAX_TEXT_PAGE = 100_000

/** Which question's texts are paged to which page (`?texts={questionId}&page=n`); anything else is page 1. */
export function textsPageOf(params: URLSearchParams): { questionId: string | null; page: number } {
	const questionId = params.get('texts')
	const raw = params.get('page') ?? '1'
	const page = /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1
	return questionId ? { questionId, page: page <= MAX_TEXT_PAGE ? page : 1 } : { questionId: null, page: 1 }
}

export type EventFilter = { slug: string | null; options: string[] }

export type SurveyResultsPage = {
	slug: string
	title: string
	state: SurveyState
	responses: number
	responsesText: string
	event: EventFilter
	questions: QuestionView[]
	days: ResultLine[]
}

/** The event a filter asks for: undefined when none is asked for, null when it names no event of this survey's responses. */
export function resultsEvent(db: Db, survey: SurveyRow, slug: string | null): { id: number; slug: string } | null | undefined {
	if (!slug) return undefined
	return surveyResponseEvents(db, survey.id).find((e) => e.slug === slug) ?? null
}

const text = (count: Suppressed, locale: Locale) => (count === null ? SMALL_CELL_TEXT : formatNumber(count, locale))

/** Lines for a breakdown: shares of `answered` (when shown), bars scaled to it or to the largest shown count. */
function lines(entries: { key: string; label: string; count: Suppressed }[], answered: Suppressed, locale: Locale): ResultLine[] {
	const largest = Math.max(0, ...entries.map((e) => e.count ?? 0))
	const scale = answered ?? largest
	return entries.map(({ key, label, count }) => ({
		key,
		label,
		count,
		countText: text(count, locale),
		shareText: count === null || answered === null || answered === 0 ? null : formatPercent(count / answered, locale),
		bar: count === null ? null : scale > 0 ? Math.round((count / scale) * 1000) / 10 : 0,
	}))
}

function likertBar(question: LocalizedQuestion, counts: Record<string, Suppressed>, answered: Suppressed): QuestionView['likert'] {
	if (answered === null || answered === 0) return undefined
	const segment = (point: number, part = 1): LikertSegment => {
		const count = counts[String(point)] ?? null
		return {
			point,
			label: question.scale?.[point - 1]?.label ?? String(point),
			hidden: count === null,
			width: count === null ? 0 : Math.round(((count * part) / answered) * 1000) / 10,
		}
	}
	// Each half is 100 % wide at full agreement (or disagreement); the middle point is split in two.
	return { left: [segment(3, 0.5), segment(2), segment(1)], right: [segment(3, 0.5), segment(4), segment(5)] }
}

/** The page's data, in the reader's language. */
export async function surveyResultsPage(
	db: Db,
	survey: SurveyRow,
	locale: Locale,
	t: TFunction,
	filter: { slug: string | null; eventId?: number },
	textsPage: { questionId: string | null; page: number } = { questionId: null, page: 1 },
): Promise<SurveyResultsPage> {
	const localized = localizeSurvey(survey, locale)
	// The counts only: each text question's answers are read a page at a time below.
	const results = await surveyResultsFor(db, survey, { eventId: filter.eventId })
	const keys = surveyQuestions(survey).map(answerKeys)
	const questions = localized.questions.map((question, i): QuestionView => {
		const view = questionView(question, keys[i]!, results.questions[i]!, results, locale, t)
		if (question.kind !== 'text') return view
		const page = textsPage.questionId === question.id ? textsPage.page : 1
		return { ...view, ...textsOnPage(db, survey.id, question.id, filter.eventId, page, results.questions[i]!.answered, locale, t) }
	})
	const times = await surveyResponseTimes(db, survey.id, { eventId: filter.eventId })
	return {
		slug: survey.slug,
		title: localized.title,
		state: surveyStateOf(survey),
		responses: results.responses,
		responsesText: formatNumber(results.responses, locale),
		event: { slug: filter.slug, options: surveyResponseEvents(db, survey.id).map((e) => e.slug) },
		questions,
		days: perDay(times, results.responses, locale),
	}
}

function questionView(
	question: LocalizedQuestion,
	keys: string[],
	result: SurveyResults['questions'][number],
	results: SurveyResults,
	locale: Locale,
	t: TFunction,
): QuestionView {
	const answered = result.answered
	const answeredText =
		answered === null
			? t('survey-results:answered', { n: SMALL_CELL_TEXT })
			: t('survey-results:answeredOf', { n: formatNumber(answered, locale), responses: formatNumber(results.responses, locale) })
	const base = { id: question.id, kind: question.kind, label: question.label, answeredText }
	// In the question's order (an object's integer-like keys, "0" and "50", would come first).
	const entries = keys.map((key) => ({ key, label: answerLabel(question, key), count: result.counts[key] ?? null }))
	switch (question.kind) {
		case 'text':
			return { ...base, lines: [], texts: [] }
		case 'likert5': {
			const view: QuestionView = { ...base, lines: lines(entries, answered, locale) }
			const bar = likertBar(question, result.counts, answered)
			if (bar) view.likert = bar
			return view
		}
		default:
			return { ...base, lines: lines(entries, answered, locale) }
	}
}

/** One page of a text question's answers: read LIMIT/OFFSET, one row more to know whether a next page exists. */
function textsOnPage(
	db: Db,
	surveyId: number,
	questionId: string,
	eventId: number | undefined,
	page: number,
	answered: Suppressed,
	locale: Locale,
	t: TFunction,
): Pick<QuestionView, 'texts' | 'textPage'> {
	const offset = (page - 1) * TEXTS_PER_PAGE
	const read = surveyTextAnswers(db, surveyId, questionId, { eventId, limit: TEXTS_PER_PAGE + 1, offset })
	const texts = read.slice(0, TEXTS_PER_PAGE)
	const hasNext = read.length > TEXTS_PER_PAGE
	// The range is said only when the number who answered is shown (never beside a hidden "< 5").
	const rangeText =
		answered === null || texts.length === 0 || (page === 1 && !hasNext)
			? null
			: t('survey-results:texts.range', {
					from: formatNumber(offset + 1, locale),
					to: formatNumber(offset + texts.length, locale),
					total: formatNumber(answered, locale),
				})
	return { texts, textPage: { page, rangeText, previous: page > 1 ? page - 1 : null, next: hasNext ? page + 1 : null } }
}

/** An answer key in the reader's words: the option's label, the scale point's, or a bucket "1–4". */
function answerLabel(question: LocalizedQuestion, key: string): string {
	if (question.kind === 'likert5') return `${key} · ${question.scale?.[Number(key) - 1]?.label ?? ''}`
	if (question.options) return question.options.find((o) => o.value === key)?.label ?? key
	return key.replace('-', '–')
}

const belgradeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Responses per Belgrade day (only days with responses), suppressed as one breakdown of all responses. */
function perDay(times: readonly Date[], responses: number, locale: Locale): ResultLine[] {
	const counts = new Map<string, { n: number; first: Date }>()
	for (const at of times) {
		const day = belgradeDay.format(at)
		const entry = counts.get(day)
		if (entry) entry.n += 1
		else counts.set(day, { n: 1, first: at })
	}
	const days = [...counts.keys()].sort()
	const { cells } = suppressBreakdown(Object.fromEntries(days.map((d) => [d, counts.get(d)!.n])))
	return lines(
		days.map((d) => ({ key: d, label: formatShortDate(counts.get(d)!.first, locale), count: cells[d] ?? null })),
		responses,
		locale,
	)
}

// ---- exports -------------------------------------------------------------------------------

type ResultsRecord = [questionId: string, question: string, answer: string, count: number | string, share: number | null]

/** The results as records (the header first), the same for CSV and XLSX: a hidden count is "< 5". */
async function resultsRecords(
	db: Db,
	survey: SurveyRow,
	locale: Locale,
	t: TFunction,
	eventId?: number,
): Promise<{ header: string[]; records: ResultsRecord[] }> {
	const localized = localizeSurvey(survey, locale)
	const results = await surveyResultsFor(db, survey, { eventId })
	const keys = surveyQuestions(survey).map(answerKeys)
	const cell = (count: Suppressed) => (count === null ? SMALL_CELL_TEXT : count)
	const records: ResultsRecord[] = [['', t('survey-results:file.allResponses'), '', results.responses, null]]
	localized.questions.forEach((question, i) => {
		const result = results.questions[i]!
		records.push([question.id, question.label, t('survey-results:file.answeredRow'), cell(result.answered), null])
		for (const key of keys[i]!) {
			const count = result.counts[key] ?? null
			const share = count === null || result.answered === null || result.answered === 0 ? null : Math.round((count / result.answered) * 100)
			records.push([question.id, question.label, answerLabel(question, key), cell(count), share])
		}
	})
	const header = ['questionId', 'question', 'answer', 'count', 'sharePercent'].map((k) => t(`survey-results:file.${k}`))
	return { header, records }
}

function methodLines(localized: { title: string }, t: TFunction, eventSlug: string | null, raw: boolean): string[][] {
	return [
		[t('survey-results:file.survey'), localized.title],
		[t('survey-results:file.event'), eventSlug ?? t('survey-results:file.allEvents')],
		[raw ? t('survey-results:file.responsesMethod') : t('survey-results:file.method')],
	]
}

export type ExportFilter = { eventId?: number; eventSlug: string | null }

/** results.csv: the long table, an empty line, then the survey, the filter and the method note. */
export async function surveyResultsCsv(
	db: Db,
	survey: SurveyRow,
	locale: Locale,
	t: TFunction,
	filter: ExportFilter,
	delimiter: CsvDelimiter = ';',
): Promise<string> {
	const { header, records } = await resultsRecords(db, survey, locale, t, filter.eventId)
	const note = methodLines(localizeSurvey(survey, locale), t, filter.eventSlug, false)
	return toCsv([header, ...records, [], ...note], { delimiter })
}

function styleHeader(sheet: ExcelJS.Worksheet) {
	sheet.getRow(1).font = { bold: true }
	sheet.views = [{ state: 'frozen', ySplit: 1 }]
}

function noteSheet(workbook: ExcelJS.Workbook, t: TFunction, lines: string[][]) {
	const sheet = workbook.addWorksheet(t('survey-results:file.sheetMethod'))
	sheet.getColumn(1).width = 18
	sheet.getColumn(2).width = 80
	for (const line of lines) sheet.addRow(line).alignment = { wrapText: true, vertical: 'top' }
	const last = sheet.lastRow
	if (last) sheet.mergeCells(last.number, 1, last.number, 2)
}

/** results.xlsx: sheet "Results" (the long table), sheet "Method" (the survey, the filter, the note). */
export async function surveyResultsXlsx(db: Db, survey: SurveyRow, locale: Locale, t: TFunction, filter: ExportFilter): Promise<Uint8Array<ArrayBuffer>> {
	const { header, records } = await resultsRecords(db, survey, locale, t, filter.eventId)
	const workbook = new ExcelJS.Workbook()
	const sheet = workbook.addWorksheet(t('survey-results:file.sheetResults'))
	sheet.addRow(header)
	for (const record of records) sheet.addRow(record.map((c) => (c === null ? null : c)))
	sheet.columns.forEach((column, i) => (column.width = [14, 48, 36, 12, 10][i]))
	styleHeader(sheet)
	noteSheet(workbook, t, methodLines(localizeSurvey(survey, locale), t, filter.eventSlug, false))
	return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** Raw rows formatted per batch, with a turn of the event loop between (issue 21). */
const EXPORT_BATCH = 1000
/** exceljs makes a row's XML and zips it as the row is committed: about 35 ms per 1,000 rows, so a quarter of that per turn. */
const XLSX_BATCH = 250
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

function responseHeader(survey: SurveyRow, locale: Locale, t: TFunction): string[] {
	return [t('survey-results:file.hour'), t('survey-results:file.event'), ...localizeSurvey(survey, locale).questions.map((q) => q.label)]
}

/**
 * The raw anonymous rows as records (the hour, the event, one column per question, labels in the
 * reader's language), 1,000 at a time. The rows are read and sorted by one query (their order hides
 * who answered when, see surveyResponseRows), then parsed and formatted a batch at a time with a
 * turn of the event loop between: 30,000 responses do not hold scans and pages up.
 */
async function* responseBatches(db: Db, survey: SurveyRow, locale: Locale, eventId?: number, batch = EXPORT_BATCH): AsyncGenerator<CsvCell[][]> {
	const localized = localizeSurvey(survey, locale)
	const rows = surveyResponseTextRows(db, survey.id, { eventId })
	const value = (question: LocalizedQuestion, answer: unknown): CsvCell => {
		if (answer === undefined || answer === null) return null
		if (question.kind === 'multi' && Array.isArray(answer)) return answer.map((v) => answerLabel(question, String(v))).join('; ')
		if (question.kind === 'single') return answerLabel(question, String(answer))
		if (typeof answer === 'number') return answer
		return String(answer)
	}
	for (let from = 0; from < rows.length; from += batch) {
		if (from > 0) await nextTurn()
		yield rows.slice(from, from + batch).map((row) => {
			const answers = JSON.parse(row.answers) as Record<string, unknown>
			return [csvDateTime(row.submittedAt), row.event, ...localized.questions.map((q) => value(q, answers[q.id]))]
		})
	}
}

/** responses.csv (admins): the raw anonymous rows, streamed a batch at a time. */
export function surveyResponsesCsv(
	db: Db,
	survey: SurveyRow,
	locale: Locale,
	t: TFunction,
	filter: ExportFilter,
	delimiter: CsvDelimiter = ';',
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder()
	let batches: AsyncGenerator<CsvCell[][]> | undefined
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!batches) {
				batches = responseBatches(db, survey, locale, filter.eventId)
				controller.enqueue(encoder.encode(CSV_BOM + csvRecord(responseHeader(survey, locale, t), delimiter) + CSV_LINE_END))
				return
			}
			const next = await batches.next()
			if (next.done) return controller.close()
			controller.enqueue(encoder.encode(next.value.map((record) => csvRecord(record, delimiter) + CSV_LINE_END).join('')))
		},
		async cancel() {
			await batches?.return(undefined)
		},
	})
}

/**
 * responses.xlsx (admins): sheet "Responses" (the raw rows as text and numbers), sheet "Method".
 * Written with exceljs's streaming writer, each row committed as it is made and the batches a turn
 * of the event loop apart: the file goes out while it is made, never held whole.
 */
export function surveyResponsesXlsx(db: Db, survey: SurveyRow, locale: Locale, t: TFunction, filter: ExportFilter): ReadableStream<Uint8Array> {
	const out = new PassThrough()
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
	const write = async () => {
		const header = responseHeader(survey, locale, t)
		const sheet = workbook.addWorksheet(t('survey-results:file.sheetResponses'), { views: [{ state: 'frozen', ySplit: 1 }] })
		sheet.columns = header.map((_, i) => ({ width: i === 0 ? 20 : 24 }))
		const first = sheet.addRow(header)
		first.font = { bold: true }
		first.commit()
		// A text answer is written as a string cell: exceljs never turns "=…" into a formula.
		for await (const batch of responseBatches(db, survey, locale, filter.eventId, XLSX_BATCH))
			for (const record of batch) sheet.addRow(record.map((c) => c ?? null)).commit()
		sheet.commit()
		const note = workbook.addWorksheet(t('survey-results:file.sheetMethod'))
		note.columns = [{ width: 18 }, { width: 80 }]
		const lines = methodLines(localizeSurvey(survey, locale), t, filter.eventSlug, true)
		lines.forEach((line, i) => {
			const row = note.addRow(line)
			row.alignment = { wrapText: true, vertical: 'top' }
			if (i === lines.length - 1) note.mergeCells(row.number, 1, row.number, 2)
			row.commit()
		})
		note.commit()
		await workbook.commit()
	}
	write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
	return Readable.toWeb(out) as ReadableStream<Uint8Array>
}
