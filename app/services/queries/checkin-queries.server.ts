// The read side of check-in: the counts, the name search at the door, the offline dataset for the
// scanner, the organizer's scan log and the arrivals chart. Writes are in checkin.server.ts.
import { createHash, hash } from 'node:crypto'
import { and, count, desc, eq, gt, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { checkins, events, registrations, type EventRow } from '#db/schema/index.ts'
import { bucketArrivals, REFUSED_RESULTS, type ArrivalBucket, type ScanResult } from '#app/domain/checkin-rules.ts'
import type { ScanLogFilter } from '#app/domain/checkin-admin-input.ts'
import {
	CHECKIN_SEARCH_LIMIT,
	type CheckinSearchHit,
	type CheckinStats,
	type LegacyOfflineDataset,
	type OfflineDataset,
	type OfflineTicket,
} from '#app/domain/checkin-contract.ts'
import { type EventQuestion, type YesNoWords } from '#app/domain/event-questions.ts'
import type { Locale } from '#app/domain/locale.ts'
import { doorAnswers, eventQuestions } from '#app/services/queries/event-questions.server.ts'
import { CODE_HASH_BYTES, encodeOfflineTickets, OFFLINE_DATASET_VERSION } from '#app/domain/offline-dataset.ts'
import { searchWords } from '#app/domain/search-text.ts'
import type { Db } from '#app/utils/db.server.ts'
import { registerFold, wordsMatch } from '#app/services/queries/registration-queries.server.ts'
import { publicTicketKeys } from '#app/utils/ticket-keys.server.ts'

/** The live counts for the door and the organizer. Reads only; cheap enough to poll. */
export function checkinStats(db: Db, event: Pick<EventRow, 'id' | 'confirmedPersons'>): CheckinStats {
	const parties = db
		.select({
			registrations: count(),
			checkedIn: sql<number>`count(${registrations.checkedInAt})`,
			persons: sql<number>`coalesce(sum(CASE WHEN ${registrations.checkedInAt} IS NOT NULL THEN ${registrations.partySize} END), 0)`,
		})
		.from(registrations)
		.where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'confirmed')))
		.get()!
	const refusedList = sql.join(
		REFUSED_RESULTS.map((r) => sql`${r}`),
		sql`, `,
	)
	const scans = db
		.select({
			scans: count(),
			refused: sql<number>`coalesce(sum(${checkins.result} IN (${refusedList})), 0)`,
			duplicates: sql<number>`coalesce(sum(${checkins.duplicate}), 0)`,
			undone: sql<number>`count(${checkins.undoneAt})`,
			last: sql<number | null>`max(${checkins.recordedAt})`,
		})
		.from(checkins)
		.where(eq(checkins.eventId, event.id))
		.get()!
	const persons = Number(parties.persons)
	return {
		registered: event.confirmedPersons,
		checkedIn: Number(parties.checkedIn),
		persons,
		registrations: parties.registrations,
		expected: Math.max(0, event.confirmedPersons - persons),
		scans: scans.scans,
		refused: Number(scans.refused),
		duplicates: Number(scans.duplicates),
		undone: Number(scans.undone),
		lastScanAt: scans.last === null ? null : new Date(Number(scans.last)).toISOString(),
	}
}

export function emailHint(email: string | null): string {
	if (email === null) return ''
	const at = email.lastIndexOf('@')
	if (at <= 0) return '•••'
	return `${email.slice(0, 1)}•••${email.slice(at)}`
}

/**
 * Confirmed registrations of the event whose name or address holds every word of the query, in
 * any order, compared the way people in Serbia type (searchWords, foldForSearch): for the
 * volunteer whose visitor has no ticket at hand. "Jovanović Ana" finds Ana Jovanović.
 */
/** The scanner's language for the answers shown at the door (issue 18): the questions' texts in it, yes and no. */
export type DoorLanguage = { locale: Locale; words: YesNoWords }

export function searchForCheckin(
	db: Db,
	eventId: number,
	query: string,
	limit = CHECKIN_SEARCH_LIMIT,
	door?: DoorLanguage & { questions: readonly EventQuestion[] },
): CheckinSearchHit[] {
	const words = wordsMatch(db, searchWords(query))
	if (!words) return []
	registerFold(db)
	const rows = db
		.select({
			id: registrations.id,
			name: registrations.name,
			email: registrations.email,
			partySize: registrations.partySize,
			checkedInAt: registrations.checkedInAt,
			checkedInBy: registrations.checkedInBy,
			answers: registrations.answers,
		})
		.from(registrations)
		.where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed'), words))
		.orderBy(sql`sajam_fold(${registrations.name})`, registrations.id)
		.limit(limit)
		.all()
	return rows.map((row) => {
		const answers = door ? doorAnswers(door.questions, row.answers, door.locale, door.words) : []
		return {
			id: row.id,
			name: row.name,
			emailHint: emailHint(row.email),
			partySize: row.partySize,
			status: 'confirmed' as const,
			checkedInAt: row.checkedInAt?.toISOString() ?? null,
			checkedInBy: row.checkedInBy,
			...(answers.length > 0 ? { door: answers } : {}),
		}
	})
}

/** The base64url SHA-256 of a ticket code: what the legacy offline dataset carries instead of the code. */
export function ticketCodeHash(code: string): string {
	return hash('sha256', code, 'base64url')
}

/** The first 96 bits of it (offline-dataset.ts says why that is enough): what version 2 carries. */
export function shortTicketCodeHash(code: string): string {
	return createHash('sha256').update(code).digest().subarray(0, CODE_HASH_BYTES).toString('base64url')
}

type OfflineEventRow = Pick<EventRow, 'id' | 'slug' | 'title' | 'reentryAllowed' | 'startsAt' | 'endsAt'>

/** Registrations of the offline dataset read per batch, with a turn of the event loop between. */
const OFFLINE_BATCH = 1000

/**
 * Every registration of the event, by id, read 1,000 at a time with a turn of the event loop
 * between batches (like registrationsCsvStream): at 30,000 registrations, building the dataset
 * (the rows, 30,000 hashes) no longer holds scans and pages up while it runs. Not a snapshot: a
 * check-in recorded meanwhile shows in its row or not, as it would a moment earlier or later.
 */
async function offlineRows(
	db: Db,
	event: OfflineEventRow,
	codeHash: (code: string) => string,
	door?: DoorLanguage & { questions: readonly EventQuestion[] },
): Promise<OfflineTicket[]> {
	const tickets: OfflineTicket[] = []
	let afterId = 0
	for (;;) {
		const rows = db
			.select({
				id: registrations.id,
				name: registrations.name,
				partySize: registrations.partySize,
				status: registrations.status,
				ticketCode: registrations.ticketCode,
				checkedInAt: registrations.checkedInAt,
				checkedInBy: registrations.checkedInBy,
				answers: registrations.answers,
			})
			.from(registrations)
			.where(and(eq(registrations.eventId, event.id), gt(registrations.id, afterId)))
			.orderBy(registrations.id)
			.limit(OFFLINE_BATCH)
			.all()
		for (const row of rows) {
			// Only a ticket that can be let in carries its answers to the door.
			const answers = door && row.status === 'confirmed' ? doorAnswers(door.questions, row.answers, door.locale, door.words) : []
			tickets.push({
				registrationId: row.id,
				name: row.name,
				partySize: row.partySize,
				status: row.status,
				codeHash: row.status === 'confirmed' && row.ticketCode ? codeHash(row.ticketCode) : null,
				checkedInAt: row.checkedInAt?.toISOString() ?? null,
				checkedInBy: row.checkedInBy,
				...(answers.length > 0 ? { door: answers } : {}),
			})
		}
		if (rows.length < OFFLINE_BATCH) return tickets
		afterId = rows[rows.length - 1]!.id
		await new Promise((resolve) => setImmediate(resolve))
	}
}

function offlineEvent(event: OfflineEventRow) {
	return {
		id: event.id,
		slug: event.slug,
		title: event.title,
		reentryAllowed: event.reentryAllowed,
		startsAt: event.startsAt.toISOString(),
		endsAt: event.endsAt.toISOString(),
	}
}

/**
 * What a scanner needs to decide offline exactly as the server would (decideScan): the signing
 * keys, and every registration of the event with a hash of its current code, as columns
 * (offline-dataset.ts). A cancelled or reissued ticket's code does not hash to a listed hash: that
 * is how the revocation travels. Names go to the volunteer's phone; addresses and the codes
 * themselves do not.
 */
export async function offlineDataset(
	db: Db,
	event: OfflineEventRow & Partial<Pick<EventRow, 'questions'>>,
	now = new Date(),
	/** The scanner's language: with it, the answers marked for the door travel too (issue 18). */
	door?: DoorLanguage,
): Promise<OfflineDataset> {
	const head = offlineEvent(event)
	const questions = event.questions ? eventQuestions({ questions: event.questions }) : []
	const rows = await offlineRows(db, event, shortTicketCodeHash, door && questions.some((q) => q.door) ? { ...door, questions } : undefined)
	return { version: OFFLINE_DATASET_VERSION, event: head, keys: publicTicketKeys(), tickets: encodeOfflineTickets(rows, head), generatedAt: now.toISOString() }
}

/** The dataset as it was before version 2 (LegacyOfflineDataset), for a scanner page loaded before it. */
export async function legacyOfflineDataset(db: Db, event: OfflineEventRow, now = new Date()): Promise<LegacyOfflineDataset> {
	return { event: offlineEvent(event), keys: publicTicketKeys(), tickets: await offlineRows(db, event, ticketCodeHash), generatedAt: now.toISOString() }
}

export const SCAN_LOG_PAGE_SIZE = 100

export type ScanLogEntry = {
	id: number
	scannedAt: string
	recordedAt: string
	result: ScanResult
	method: 'scan' | 'manual'
	deviceId: string | null
	actor: string
	offline: boolean
	duplicate: boolean
	/** A duplicate, a refusal, an undone check-in, or a repeat where the event forbids re-entry. */
	flagged: boolean
	undoneAt: string | null
	undoneBy: string | null
	/** The start of the scanned text, enough to recognise it; a valid code is a credential, so never all of it. */
	codePreview: string
	registration: { id: number; name: string; partySize: number; event: string } | null
}

const refusedSql = () =>
	sql`${checkins.result} IN (${sql.join(
		REFUSED_RESULTS.map((r) => sql`${r}`),
		sql`, `,
	)})`

function filterCondition(filter: ScanLogFilter, reentryAllowed: boolean): SQL | undefined {
	switch (filter) {
		case 'all':
			return undefined
		case 'duplicates':
			return eq(checkins.duplicate, true)
		case 'refused':
			return refusedSql()
		case 'undone':
			return isNotNull(checkins.undoneAt)
		case 'flagged':
			return or(
				eq(checkins.duplicate, true),
				refusedSql(),
				isNotNull(checkins.undoneAt),
				reentryAllowed ? undefined : eq(checkins.result, 'already_checked_in'),
			)
	}
}

const CODE_PREVIEW_LENGTH = 10

/**
 * The organizer's scan log for one event, newest scan first, one page at a time: `before` is the
 * id of the last entry of the previous page. `nextBefore` is null on the last page.
 */
export function scanLog(
	db: Db,
	event: Pick<EventRow, 'id' | 'reentryAllowed'>,
	options: { filter?: ScanLogFilter; before?: number; limit?: number } = {},
): { entries: ScanLogEntry[]; nextBefore: number | null } {
	const filter = options.filter ?? 'all'
	const limit = Math.min(Math.max(1, options.limit ?? SCAN_LOG_PAGE_SIZE), 500)
	const conditions = [eq(checkins.eventId, event.id), filterCondition(filter, event.reentryAllowed)]
	if (options.before !== undefined) conditions.push(lt(checkins.id, options.before))
	const rows = db
		.select({
			scan: checkins,
			registrationName: registrations.name,
			partySize: registrations.partySize,
			ticketEvent: events.slug,
		})
		.from(checkins)
		.leftJoin(registrations, eq(registrations.id, checkins.registrationId))
		.leftJoin(events, eq(events.id, registrations.eventId))
		.where(and(...conditions))
		.orderBy(desc(checkins.id))
		.limit(limit + 1)
		.all()
	const page = rows.slice(0, limit)
	const entries = page.map(({ scan, registrationName, partySize, ticketEvent }) => {
		const refused = (REFUSED_RESULTS as readonly string[]).includes(scan.result)
		const forbiddenRepeat = !event.reentryAllowed && scan.result === 'already_checked_in'
		return {
			id: scan.id,
			scannedAt: scan.scannedAt.toISOString(),
			recordedAt: scan.recordedAt.toISOString(),
			result: scan.result,
			method: scan.method,
			deviceId: scan.deviceId,
			actor: scan.actor,
			offline: scan.offline,
			duplicate: scan.duplicate,
			flagged: scan.duplicate || refused || scan.undoneAt !== null || forbiddenRepeat,
			undoneAt: scan.undoneAt?.toISOString() ?? null,
			undoneBy: scan.undoneBy,
			codePreview: scan.code.length > CODE_PREVIEW_LENGTH ? `${scan.code.slice(0, CODE_PREVIEW_LENGTH)}…` : scan.code,
			registration:
				scan.registrationId !== null && registrationName !== null
					? { id: scan.registrationId, name: registrationName, partySize: partySize ?? 0, event: ticketEvent ?? '' }
					: null,
		}
	})
	return { entries, nextBefore: rows.length > limit ? page[page.length - 1]!.scan.id : null }
}

/** Arrivals per quarter hour (Belgrade time): the check-ins standing now, by their first entry. */
export function arrivals(db: Db, eventId: number): { buckets: ArrivalBucket[]; registrations: number; persons: number } {
	const rows = db
		.select({ at: registrations.checkedInAt, persons: registrations.partySize })
		.from(registrations)
		.where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed'), isNotNull(registrations.checkedInAt)))
		.all()
	const list = rows.map((row) => ({ at: row.at!, persons: row.persons }))
	return { buckets: bucketArrivals(list), registrations: list.length, persons: list.reduce((sum, a) => sum + a.persons, 0) }
}
