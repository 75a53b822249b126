// Reading surveys (issue 15): one by slug, the organizer's list, the open survey of an event, the
// results (suppressed, survey-results.ts), the raw anonymous rows for exports, a template in the
// three languages, and the JSON API's shapes. Changes are commands/surveys.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, ne, sql } from 'drizzle-orm'
import { events, surveyResponses, surveys, type SurveyRow } from '#db/schema/index.ts'
import type { Locale } from '#app/domain/locale.ts'
import {
	QUESTION_ID,
	numberBounds,
	parseStoredQuestions,
	parseStoredText,
	surveyTextIn,
	type SurveyDefinition,
	type SurveyQuestion,
	type SurveyText,
} from '#app/domain/survey-definition.ts'
import { surveyResults, type SurveyResults } from '#app/domain/survey-results.ts'
import { surveyState, surveyUrl, type SurveyState } from '#app/domain/survey-rules.ts'

export { surveyUrl }
import { surveyFromTemplate, type SurveyTemplateName } from '#app/domain/survey-templates.ts'
import { LOCALES } from '#app/domain/locale.ts'
import { type Db } from '#app/utils/db.server.ts'
import { getT } from '#app/utils/i18n.server.ts'

export function findSurveyBySlug(db: Db, slug: string): SurveyRow | undefined {
	return db.select().from(surveys).where(eq(surveys.slug, slug)).get()
}

export function findSurveyById(db: Db, id: number): SurveyRow | undefined {
	return db.select().from(surveys).where(eq(surveys.id, id)).get()
}

/** What the public may see: any survey but a draft (a closed or scheduled one says so). */
export function findPublicSurvey(db: Db, slug: string): SurveyRow | undefined {
	const survey = findSurveyBySlug(db, slug)
	return survey && survey.status !== 'draft' ? survey : undefined
}

export function countSurveyResponses(db: Db, surveyId: number): number {
	return db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)).get()?.n ?? 0
}

export type SurveyListItem = SurveyRow & { eventSlug: string | null; responses: number }

/** Every survey, newest first, with its event's slug and its number of responses (the organizer's list). */
export function listSurveys(db: Db): SurveyListItem[] {
	const rows = db
		.select({ survey: surveys, eventSlug: events.slug })
		.from(surveys)
		.leftJoin(events, eq(events.id, surveys.eventId))
		.orderBy(desc(surveys.createdAt), desc(surveys.id))
		.all()
	const counts = new Map(
		db
			.select({ surveyId: surveyResponses.surveyId, n: count() })
			.from(surveyResponses)
			.groupBy(surveyResponses.surveyId)
			.all()
			.map((r) => [r.surveyId, r.n]),
	)
	return rows.map(({ survey, eventSlug }) => ({ ...survey, eventSlug, responses: counts.get(survey.id) ?? 0 }))
}

/**
 * The survey a visitor of this event is asked to fill in now (for the thank-you mail): the most
 * recently created survey attached to the event that is open at `now`; undefined when none.
 */
export function openSurveyForEvent(db: Db, eventId: number, now = new Date()): SurveyRow | undefined {
	return db
		.select()
		.from(surveys)
		.where(and(eq(surveys.eventId, eventId), eq(surveys.status, 'open')))
		.orderBy(desc(surveys.createdAt), desc(surveys.id))
		.all()
		.find((survey) => surveyState(survey, now) === 'open')
}

export function surveyStateOf(survey: SurveyRow, now = new Date()): SurveyState {
	return surveyState(survey, now)
}

export function surveyQuestions(survey: SurveyRow): SurveyQuestion[] {
	return parseStoredQuestions(survey.questions)
}

/** One anonymous response as an export gives it: the hour, the event it was answered for, the answers. */
export type SurveyResponseExportRow = { submittedAt: Date; event: string | null; answers: Record<string, unknown> }

/**
 * The raw anonymous rows (for the organizer's exports), in the order of the hour they were sent
 * and then of their answers, so the row order says nothing finer than the hour. `eventId` keeps
 * the responses given for that event.
 */
export function surveyResponseRows(db: Db, surveyId: number, options: { eventId?: number } = {}): SurveyResponseExportRow[] {
	return surveyResponseTextRows(db, surveyId, options).map((row) => ({ ...row, answers: JSON.parse(row.answers) as Record<string, unknown> }))
}

/** The same rows with their answers as the JSON text kept: a large export parses them a batch at a time. */
export function surveyResponseTextRows(
	db: Db,
	surveyId: number,
	options: { eventId?: number } = {},
): { submittedAt: Date; event: string | null; answers: string }[] {
	const where =
		options.eventId === undefined
			? eq(surveyResponses.surveyId, surveyId)
			: and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.eventId, options.eventId))
	return db
		.select({ submittedAt: surveyResponses.submittedAt, event: events.slug, answers: surveyResponses.answers })
		.from(surveyResponses)
		.leftJoin(events, eq(events.id, surveyResponses.eventId))
		.where(where)
		.orderBy(asc(surveyResponses.submittedAt), asc(surveyResponses.answers))
		.all()
}

/**
 * The results as GET /api/v1/surveys/{slug}/results gives them: counts per answer with small
 * cells suppressed; `includeText` adds the free-text answers (organizers only); `eventId` keeps
 * the responses given for that event.
 */
export async function surveyResultsFor(db: Db, survey: SurveyRow, options: { eventId?: number; includeText?: boolean } = {}): Promise<SurveyResults> {
	// Read and parsed 1,000 at a time with a turn of the event loop between (issue 21: 30,000
	// responses are about 90 ms to read and 80 ms of JSON.parse, too long for one turn).
	const answers: Record<string, unknown>[] = []
	const read = (after: number) =>
		db
			.select({ id: surveyResponses.id, answers: surveyResponses.answers })
			.from(surveyResponses)
			.where(responsesAfter(survey.id, options.eventId, after))
			.orderBy(asc(surveyResponses.id))
			.limit(PARSE_BATCH)
			.all()
	for await (const batch of responseBatches(read)) for (const row of batch) answers.push(JSON.parse(row.answers) as Record<string, unknown>)
	return surveyResults(surveyQuestions(survey), answers, { includeText: options.includeText })
}

const PARSE_BATCH = 1000

/**
 * A survey's responses (of one event, if asked) PARSE_BATCH at a time by id, a turn of the event
 * loop between reads: no read of every row at once. `read` gives the rows after an id, in the
 * order of ids (only the walk's order: callers count, they do not list).
 */
async function* responseBatches<T extends { id: number }>(read: (after: number) => T[]): AsyncGenerator<T[]> {
	let after = 0
	for (;;) {
		const rows = read(after)
		if (rows.length > 0) yield rows
		if (rows.length < PARSE_BATCH) return
		after = rows[rows.length - 1]!.id
		await new Promise<void>((resolve) => setImmediate(resolve))
	}
}

const responsesAfter = (surveyId: number, eventId: number | undefined, after: number) =>
	and(eq(surveyResponses.surveyId, surveyId), eventId === undefined ? undefined : eq(surveyResponses.eventId, eventId), gt(surveyResponses.id, after))

/**
 * One page of a text question's answers (the results page, issue 21): only the rows shown are read,
 * in the order of the text (SQLite's, by code point) then of the row, so the order says nothing
 * about when an answer came (decision 0014) and paging by offset shows each answer once.
 * `limit + 1` rows are asked for by the caller to know whether there is a next page.
 */
export function surveyTextAnswers(db: Db, surveyId: number, questionId: string, options: { eventId?: number; limit: number; offset: number }): string[] {
	if (!QUESTION_ID.test(questionId)) return []
	const value = sql<unknown>`json_extract(${surveyResponses.answers}, ${`$."${questionId}"`})`
	const where = and(
		eq(surveyResponses.surveyId, surveyId),
		options.eventId === undefined ? undefined : eq(surveyResponses.eventId, options.eventId),
		isNotNull(value),
	)
	return db
		.select({ value })
		.from(surveyResponses)
		.where(where)
		.orderBy(value, asc(surveyResponses.id))
		.limit(options.limit)
		.offset(options.offset)
		.all()
		.map((row) => String(row.value))
}

/** When each response came (no answers): the results page's responses per day, read in batches. */
export async function surveyResponseTimes(db: Db, surveyId: number, options: { eventId?: number } = {}): Promise<Date[]> {
	const times: Date[] = []
	const read = (after: number) =>
		db
			.select({ id: surveyResponses.id, submittedAt: surveyResponses.submittedAt })
			.from(surveyResponses)
			.where(responsesAfter(surveyId, options.eventId, after))
			.orderBy(asc(surveyResponses.id))
			.limit(PARSE_BATCH)
			.all()
	for await (const batch of responseBatches(read)) for (const row of batch) times.push(row.submittedAt)
	return times
}

/** The events that responses of this survey were given for (the results' event filter offers them). */
export function surveyResponseEvents(db: Db, surveyId: number): { id: number; slug: string }[] {
	return db
		.selectDistinct({ id: events.id, slug: events.slug })
		.from(surveyResponses)
		.innerJoin(events, eq(events.id, surveyResponses.eventId))
		.where(eq(surveyResponses.surveyId, surveyId))
		.orderBy(asc(events.slug))
		.all()
}

/** The slugs of the events of these ids (surveys' events, for the API). */
function eventSlugs(db: Db, ids: number[]): Map<number, string> {
	if (ids.length === 0) return new Map()
	return new Map(
		db
			.select({ id: events.id, slug: events.slug })
			.from(events)
			.where(inArray(events.id, ids))
			.all()
			.map((e) => [e.id, e.slug]),
	)
}

/** An event by slug that a survey may belong to or a response be given for (any but a draft… or a draft, for organizers). */
export function findSurveyEvent(db: Db, slug: string, options: { drafts: boolean }): { id: number; slug: string } | undefined {
	const where = options.drafts ? eq(events.slug, slug) : and(eq(events.slug, slug), ne(events.status, 'draft'))
	return db.select({ id: events.id, slug: events.slug }).from(events).where(where).get()
}

/** The slug of the survey's own event, or null. */
export function surveyEventSlug(db: Db, survey: Pick<SurveyRow, 'eventId'>): string | null {
	return survey.eventId === null ? null : (eventSlugs(db, [survey.eventId]).get(survey.eventId) ?? null)
}

/** The Survey object of the JSON API, as organizers see it: every language, the stored questions. */
export function toSurveyJson(db: Db, survey: SurveyRow, publicUrl: string, now = new Date()) {
	const eventSlug = surveyEventSlug(db, survey)
	const responses = countSurveyResponses(db, survey.id)
	return {
		slug: survey.slug,
		url: surveyUrl(publicUrl, survey.slug),
		title: parseStoredText(survey.title),
		description: parseStoredText(survey.description),
		event: eventSlug,
		status: survey.status,
		state: surveyState(survey, now),
		opensAt: survey.opensAt?.toISOString() ?? null,
		closesAt: survey.closesAt?.toISOString() ?? null,
		questions: surveyQuestions(survey),
		responses,
		locked: responses > 0,
		createdAt: survey.createdAt.toISOString(),
		updatedAt: survey.updatedAt.toISOString(),
	}
}

/** The five labelled points of the agreement scale in a language. */
export function likertScale(locale: Locale): { value: number; label: string }[] {
	const t = getT(locale, 'surveys')
	return [1, 2, 3, 4, 5].map((value) => ({ value, label: t(`scale.${value}`) }))
}

export type LocalizedQuestion = {
	id: string
	kind: SurveyQuestion['kind']
	label: string
	required: boolean
	options?: { value: string; label: string }[]
	scale?: { value: number; label: string }[]
	min?: number
	max?: number
}

/** A survey in the reader's language; `fallback` when English was asked for and some text is only in Serbian. */
export function localizeSurvey(survey: SurveyRow, locale: Locale) {
	let fallback = false
	const pick = (text: SurveyText) => {
		const picked = surveyTextIn(text, locale)
		fallback ||= picked.fallback
		return picked.text
	}
	const description = parseStoredText(survey.description)
	const scale = likertScale(locale)
	const questions = surveyQuestions(survey).map((q): LocalizedQuestion => {
		const out: LocalizedQuestion = { id: q.id, kind: q.kind, label: pick(q.label), required: q.required }
		if (q.options) out.options = q.options.map((o) => ({ value: o.value, label: pick(o.label) }))
		if (q.kind === 'likert5') out.scale = scale
		if (q.kind === 'number') Object.assign(out, numberBounds(q))
		return out
	})
	return {
		title: pick(parseStoredText(survey.title)),
		description: description ? pick(description) : null,
		questions,
		fallback,
	}
}

/** The public GET's Survey: texts in the caller's language (`lang` is the language they are in). */
export function toPublicSurveyJson(db: Db, survey: SurveyRow, locale: Locale, publicUrl: string, now = new Date()) {
	const localized = localizeSurvey(survey, locale)
	const eventSlug = surveyEventSlug(db, survey)
	return {
		slug: survey.slug,
		url: surveyUrl(publicUrl, survey.slug),
		lang: locale === 'en' && localized.fallback ? 'sr-Latn' : locale,
		title: localized.title,
		description: localized.description,
		event: eventSlug,
		state: surveyState(survey, now),
		opensAt: survey.opensAt?.toISOString() ?? null,
		closesAt: survey.closesAt?.toISOString() ?? null,
		questions: localized.questions,
	}
}

/**
 * A template (survey-templates.ts) as a survey definition in the three languages, for the
 * organizer to copy and edit: the words come from the `survey-templates` catalogs.
 */
export function surveyTemplate(name: SurveyTemplateName): SurveyDefinition {
	const [latn, cyrl, en] = LOCALES.map((locale) => getT(locale, 'survey-templates'))
	return surveyFromTemplate(name, (key) => ({ 'sr-Latn': latn!(key), 'sr-Cyrl': cyrl!(key), en: en!(key) }))
}
