// The organizer's read side of registrations: the list (search, status filter, paging), the counts
// and the CSV export. Writes are in registrations.server.ts.
//
// Privacy: demographic answers never leave the database through this module. Every query names
// its columns; gender, age group, municipality and vulnerable group are not among them. They are
// reported elsewhere only as aggregates with small cells suppressed.
import type { TFunction } from 'i18next'
import { and, asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm'
import { registrations, type EventRow, type RegistrationStatus } from '#db/schema/index.ts'
import { REGISTRATION_STATUSES } from '#db/schema/registrations.ts'
import { remainingPlaces } from '#app/domain/capacity.ts'
import { answerLines, answerText, parseAnswerFilter, parseStoredAnswers, type EventQuestion, type YesNoWords } from '#app/domain/event-questions.ts'
import { surveyTextIn } from '#app/domain/survey-definition.ts'
import { eventQuestions } from '#app/services/queries/event-questions.server.ts'
import { CSV_BOM, CSV_LINE_END, csvDateTime, csvRecord, type CsvCell, type CsvDelimiter } from '#app/domain/csv.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { RegistrationListQuery, StatusFilter } from '#app/domain/registration-admin-input.ts'
import { foldForSearch, searchWords } from '#app/domain/search-text.ts'
import type { Db } from '#app/utils/db.server.ts'
import { findEventById } from '#app/services/queries/events.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'

export const REGISTRATIONS_PAGE_SIZE = 100

/** The columns an organizer sees. Not demographics, not the manage token, not the ticket code. */
const LISTED = {
	id: registrations.id,
	name: registrations.name,
	email: registrations.email,
	phone: registrations.phone,
	partySize: registrations.partySize,
	status: registrations.status,
	locale: registrations.locale,
	source: registrations.source,
	createdAt: registrations.createdAt,
	confirmedAt: registrations.confirmedAt,
	cancelledAt: registrations.cancelledAt,
	checkedInAt: registrations.checkedInAt,
	consentPhotos: registrations.consentPhotos,
	consentNewsletter: registrations.consentNewsletter,
	consentResearch: registrations.consentResearch,
	answers: registrations.answers,
}

/** The event behind an /admin/events/{id}/... address, whatever its status. */
export function eventFromParam(db: Db, idParam: string | undefined): EventRow | undefined {
	const id = Number(idParam)
	return Number.isSafeInteger(id) && id > 0 ? findEventById(db, id) : undefined
}

/** A registration, only if it belongs to this event (a form names its id; the address names the event). */
export function findRegistrationOfEvent(db: Db, eventId: number, registrationId: number) {
	return db
		.select(LISTED)
		.from(registrations)
		.where(and(eq(registrations.eventId, eventId), eq(registrations.id, registrationId)))
		.get()
}

export type StatusCount = { persons: number; parties: number }
export type RegistrationCounts = Record<RegistrationStatus, StatusCount>

/** Persons and parties (registrations) per status. */
export function registrationCounts(db: Db, eventId: number): RegistrationCounts {
	const rows = db
		.select({ status: registrations.status, parties: count(), persons: sql<number>`coalesce(sum(${registrations.partySize}), 0)` })
		.from(registrations)
		.where(eq(registrations.eventId, eventId))
		.groupBy(registrations.status)
		.all()
	const counts = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, { persons: 0, parties: 0 }])) as RegistrationCounts
	for (const row of rows) counts[row.status] = { persons: Number(row.persons), parties: row.parties }
	return counts
}

// The search compares folded text (see foldForSearch) inside SQLite, so counting and paging stay
// in SQL. The function is registered once per connection; it is pure, hence deterministic.
const foldRegistered = new WeakSet<object>()
export function registerFold(db: Db) {
	if (foldRegistered.has(db.$client)) return
	db.$client.function('sajam_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldForSearch(value) : value))
	foldRegistered.add(db.$client)
}

/**
 * Registrations whose name, address or phone holds every word of the query, in any order (searchWords,
 * searchMatches): "Jovanović Ana" finds Ana Jovanović. Each word is looked for literally (instr,
 * not LIKE: "%" and "_" are no wildcards). Undefined when the query has no words.
 */
export function wordsMatch(db: Db, words: readonly string[]): SQL | undefined {
	if (words.length === 0) return undefined
	registerFold(db)
	return and(
		...words.map(
			(word) =>
				sql`(instr(sajam_fold(${registrations.name}), ${word}) > 0 OR instr(sajam_fold(${registrations.email}), ${word}) > 0 OR instr(${registrations.phone}, ${word}) > 0)`,
		),
	)
}

/** The SQL condition of an answer filter (parseAnswerFilter): a choice among the answers, or yes / no. */
function answerCondition(questions: readonly EventQuestion[], filter: string): SQL | undefined {
	const parsed = parseAnswerFilter(questions, filter)
	if (!parsed) return undefined
	const path = `$."${parsed.question.id}"`
	if (parsed.question.kind === 'multi') {
		return sql`EXISTS (SELECT 1 FROM json_each(${registrations.answers}, ${path}) WHERE value = ${parsed.value})`
	}
	// JSON true and false read back as 1 and 0.
	const value = typeof parsed.value === 'boolean' ? (parsed.value ? 1 : 0) : parsed.value
	return sql`json_extract(${registrations.answers}, ${path}) = ${value}`
}

function listConditions(db: Db, eventId: number, filter: { q: string; status: StatusFilter; answer?: string }, questions: readonly EventQuestion[] = []) {
	const conditions = [eq(registrations.eventId, eventId)]
	if (filter.status !== 'all') conditions.push(eq(registrations.status, filter.status))
	const answer = filter.answer ? answerCondition(questions, filter.answer) : undefined
	if (answer) conditions.push(answer)
	const words = wordsMatch(db, searchWords(filter.q))
	if (words) conditions.push(words)
	return and(...conditions)
}

/** 1-based waiting-list positions by registration id, in registration order (as the service promotes). */
function waitlistPositions(db: Db, eventId: number): Map<number, number> {
	const queue = db
		.select({ id: registrations.id })
		.from(registrations)
		.where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'waitlisted')))
		.orderBy(asc(registrations.id))
		.all()
	return new Map(queue.map((row, index) => [row.id, index + 1]))
}

export type ListedRegistration = ReturnType<typeof listRegistrations>['rows'][number]

/** One page of an event's registrations, newest first, with each waiting party's position. */
export function listRegistrations(
	db: Db,
	eventId: number,
	query: Pick<RegistrationListQuery, 'q' | 'status' | 'page'> & { answer?: string },
	pageSize = REGISTRATIONS_PAGE_SIZE,
	questions: readonly EventQuestion[] = [],
) {
	const where = listConditions(db, eventId, query, questions)
	const total = db.select({ n: count() }).from(registrations).where(where).get()?.n ?? 0
	const pageCount = Math.max(1, Math.ceil(total / pageSize))
	const page = Math.min(query.page, pageCount)
	const rows = db
		.select(LISTED)
		.from(registrations)
		.where(where)
		.orderBy(desc(registrations.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all()
	const positions = rows.some((r) => r.status === 'waitlisted') ? waitlistPositions(db, eventId) : new Map<number, number>()
	return {
		total,
		page,
		pageCount,
		rows: rows.map((row) => ({ ...row, position: positions.get(row.id) ?? null })),
	}
}

const countView = (c: StatusCount, locale: Locale) => ({ ...c, personsText: formatNumber(c.persons, locale), partiesText: formatNumber(c.parties, locale) })

/**
 * Everything the registrations page shows, formatted for the organizer's language: the counts,
 * capacity and places left, one page of the list, and the registration a notice is about.
 */
/** `words`: yes and no in the organizer's language, for yes/no answers. */
export function registrationsPage(db: Db, event: EventRow, query: RegistrationListQuery, locale: Locale, words: YesNoWords = { yes: '✓', no: '✗' }) {
	const questions = eventQuestions(event)
	const list = listRegistrations(db, event.id, query, REGISTRATIONS_PAGE_SIZE, questions)
	const counts = registrationCounts(db, event.id)
	const remaining = remainingPlaces(event.capacity, event.confirmedPersons)
	const subject = query.rid ? findRegistrationOfEvent(db, event.id, query.rid) : undefined
	return {
		event: {
			id: event.id,
			slug: event.slug,
			title: eventTitleIn(event, locale),
			status: event.status,
			maxPartySize: event.maxPartySize,
			waitlist: event.waitlist,
			capacity: event.capacity === null ? null : formatNumber(event.capacity, locale),
			remaining: remaining === null ? null : { value: remaining, text: formatNumber(remaining, locale) },
		},
		counts: {
			confirmed: countView(counts.confirmed, locale),
			waitlisted: countView(counts.waitlisted, locale),
			cancelled: countView(counts.cancelled, locale),
		},
		total: list.total,
		totalText: formatNumber(list.total, locale),
		page: list.page,
		pageCount: list.pageCount,
		rows: list.rows.map((row) => ({
			id: row.id,
			name: row.name,
			email: row.email,
			phone: row.phone,
			partySize: row.partySize,
			status: row.status,
			position: row.position,
			source: row.source,
			locale: row.locale,
			registeredAt: formatDateTime(row.createdAt, locale),
			registeredAtIso: row.createdAt.toISOString(),
			/** When the party was first admitted at the door (Belgrade time), or null. */
			checkedInAt: row.checkedInAt ? formatDateTime(row.checkedInAt, locale) : null,
			checkedInAtIso: row.checkedInAt ? row.checkedInAt.toISOString() : null,
			consents: { photos: row.consentPhotos, newsletter: row.consentNewsletter, research: row.consentResearch },
			/** The answers to the event's own questions, in words (issue 18). */
			answers: answerLines(questions, row.answers, locale, words),
		})),
		/** The list's answer filter: the choice and yes/no questions, each option as `{id}:{value}`. */
		answerFilters: questions
			.filter((q) => q.kind === 'single' || q.kind === 'multi' || q.kind === 'yesNo')
			.map((q) => ({
				id: q.id,
				label: surveyTextIn(q.label, locale).text,
				options: (q.kind === 'yesNo' ? ['yes', 'no'] : (q.options ?? []).map((o) => o.value)).map((value) => ({
					value: `${q.id}:${value}`,
					label: q.kind === 'yesNo' ? words[value as 'yes' | 'no'] : answerText(q, value, locale, words),
				})),
			})),
		subject: subject
			? {
					name: subject.name,
					email: subject.email,
					partySize: subject.partySize,
					status: subject.status,
					position: subject.status === 'waitlisted' ? (waitlistPositions(db, event.id).get(subject.id) ?? null) : null,
				}
			: null,
	}
}

/**
 * The event's registrations as a CSV file (see csv.ts for the format), in registration order,
 * headers and words in the organizer's language, times in Belgrade time. No demographics.
 */
/** Rows of an export read per batch: memory stays bounded whatever the event's size. */
const EXPORT_BATCH = 1000

/**
 * The registrations CSV as a stream (issue 21): the header, then the rows read 1,000 at a time by
 * id, each batch written as it is read, with a turn of the event loop between batches so check-ins
 * and pages are answered while a large export runs. Rows added meanwhile are included when they
 * come after the last one read; a snapshot is not needed for a list that only grows.
 */
export function registrationsCsvStream(
	db: Db,
	eventId: number,
	t: TFunction,
	delimiter: CsvDelimiter = ';',
	/** The event's own questions (issue 18): one column each, headed by its text, answers in words. */
	asked: { questions: readonly EventQuestion[]; locale: Locale } = { questions: [], locale: 'sr-Latn' },
): ReadableStream<Uint8Array> {
	const yesNo = (value: boolean) => t(value ? 'admin:registrations.csv.yes' : 'admin:registrations.csv.no')
	const words: YesNoWords = { yes: t('admin:registrations.csv.yes'), no: t('admin:registrations.csv.no') }
	const header = [
		'id',
		'name',
		'email',
		'phone',
		'partySize',
		'status',
		'language',
		'registeredAt',
		'confirmedAt',
		'cancelledAt',
		'checkedInAt',
		'source',
		'consentPhotos',
		'consentNewsletter',
		'consentResearch',
	]
		.map((key) => t(`admin:registrations.csv.${key}`))
		.concat(asked.questions.map((q) => surveyTextIn(q.label, asked.locale).text))
	const encoder = new TextEncoder()
	const answerCells = (json: string | null) => {
		const answers = parseStoredAnswers(json)
		return asked.questions.map((q) => (answers[q.id] === undefined ? null : answerText(q, answers[q.id]!, asked.locale, words)))
	}
	let afterId = 0
	let started = false
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true
				controller.enqueue(encoder.encode(CSV_BOM + csvRecord(header, delimiter) + CSV_LINE_END))
				return
			}
			// Let whatever waits (a scan, a page) go first.
			await new Promise((resolve) => setImmediate(resolve))
			const rows = db
				.select(LISTED)
				.from(registrations)
				.where(and(eq(registrations.eventId, eventId), gt(registrations.id, afterId)))
				.orderBy(asc(registrations.id))
				.limit(EXPORT_BATCH)
				.all()
			if (rows.length === 0) return controller.close()
			afterId = rows[rows.length - 1]!.id
			let chunk = ''
			for (const row of rows) {
				const cells: CsvCell[] = [
					row.id,
					row.name,
					row.email,
					row.phone,
					row.partySize,
					t(`admin:registrations.status.${row.status}`),
					row.locale,
					csvDateTime(row.createdAt),
					csvDateTime(row.confirmedAt),
					csvDateTime(row.cancelledAt),
					csvDateTime(row.checkedInAt),
					t(`admin:registrations.source.${row.source}`),
					yesNo(row.consentPhotos),
					yesNo(row.consentNewsletter),
					yesNo(row.consentResearch),
					...answerCells(row.answers),
				]
				chunk += csvRecord(cells, delimiter) + CSV_LINE_END
			}
			controller.enqueue(encoder.encode(chunk))
		},
	})
}
