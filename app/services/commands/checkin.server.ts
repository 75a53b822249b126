// Check-in at the door: every scan recorded, the first admitting scan of a ticket sets its
// check-in, and offline scans synced later are put in the order they happened. The verdict rules
// are decideScan's (app/domain/checkin-rules.ts), shared with the offline scanner. Each change is
// one synchronous transaction; single scans from the API share commits through writeInBatch.
// The reads (stats, search, offline dataset, log, arrivals) are in checkin-queries.server.ts and
// scanner links in scanner-links.server.ts; both are re-exported here.
import { MAX_STORED_CODE_LENGTH, type CheckinMethod } from '#db/schema/checkins.ts'
import {
	decideScan,
	effectiveScanTime,
	isDuplicateScan,
	namesRegistration,
	type ScanResult,
	type ScanVerification,
	type TicketState,
} from '#app/domain/checkin-rules.ts'
import type { BatchResult, BatchScan, ScanAnswer, ScanRequest } from '#app/domain/checkin-contract.ts'
import { writeInBatch, writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { actorLabel, type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { checkTicketCode } from '#app/utils/ticket-keys.server.ts'

/** Who scans: the actor (a scanner link's token, a logged-in organizer) and the event a token is limited to. */
export type Scanner = { actor: Actor; tokenEventId: number | null }

type TicketRow = {
	id: number
	event_id: number
	status: TicketState['status']
	name: string
	party_size: number
	ticket_code: string | null
	checked_in_at: number | null
	checked_in_by: string | null
}
type EventInfo = { id: number; slug: string; reentry_allowed: number }
type CheckinLookup = { id: number; result: ScanResult; registration_id: number | null; scanned_at: number; event_id: number | null; actor: string }

// The hot path's statements, prepared once per connection. Plain SQL: mapping rows through the
// ORM costs more than these indexed lookups do.
function buildStatements(db: Db) {
	const sqlite = db.$client
	const ticketColumns = 'id, event_id, status, name, party_size, ticket_code, checked_in_at, checked_in_by'
	return {
		ticketByCode: sqlite.prepare<[string], TicketRow>(`SELECT ${ticketColumns} FROM registrations WHERE ticket_code = ?`),
		ticketById: sqlite.prepare<[number], TicketRow>(`SELECT ${ticketColumns} FROM registrations WHERE id = ?`),
		eventById: sqlite.prepare<[number], EventInfo>('SELECT id, slug, reentry_allowed FROM events WHERE id = ?'),
		eventBySlug: sqlite.prepare<[string], EventInfo>('SELECT id, slug, reentry_allowed FROM events WHERE slug = ?'),
		byNonce: sqlite.prepare<[string, string], CheckinLookup>(
			'SELECT id, result, registration_id, scanned_at, event_id, actor FROM checkins WHERE device_id = ? AND nonce = ? AND nonce IS NOT NULL',
		),
		insert: sqlite.prepare<
			[number | null, number | null, string, CheckinMethod, ScanResult, string | null, string | null, number, number, number, number, string],
			{ id: number }
		>(
			`INSERT INTO checkins (event_id, registration_id, code, method, result, device_id, nonce, scanned_at, recorded_at, offline, duplicate, actor)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		),
		setCheckedIn: sqlite.prepare<[number | null, string | null, number]>('UPDATE registrations SET checked_in_at = ?, checked_in_by = ? WHERE id = ?'),
		// The admitting scans after a new, earlier first entry were welcomes for a ticket already used.
		flagLaterAdmissions: sqlite.prepare<[number, number, number]>(
			`UPDATE checkins SET duplicate = 1 WHERE registration_id = ? AND result = 'ok' AND undone_at IS NULL AND scanned_at > ? AND id <> ?`,
		),
	}
}
type Statements = ReturnType<typeof buildStatements>
const statementCache = new WeakMap<object, Statements>()
function statements(db: Db): Statements {
	let built = statementCache.get(db.$client)
	if (!built) statementCache.set(db.$client, (built = buildStatements(db)))
	return built
}

function ticketState(row: TicketRow, code: string | null): TicketState {
	return {
		id: row.id,
		eventId: row.event_id,
		status: row.status,
		// A manual pick names the registration itself, so it stands for its current code.
		currentCode: row.ticket_code !== null && (code === null || row.ticket_code === code),
		checkedInAt: row.checked_in_at === null ? null : new Date(row.checked_in_at),
		checkedInBy: row.checked_in_by,
	}
}

/**
 * The event where the scanner stands: the one the request names, else the token's. A token
 * limited to one event may not act for another (403 `wrong_event_token`).
 */
export function resolveScannerEvent(db: Db, slug: string | undefined, scanner: Scanner): number | null {
	if (slug === undefined) return scanner.tokenEventId
	const event = statements(db).eventBySlug.get(slug)
	if (!event) throw new ServiceError('not_found', 404)
	if (scanner.tokenEventId !== null && event.id !== scanner.tokenEventId) throw new ServiceError('wrong_event_token', 403)
	return event.id
}

type Context = { st: Statements; events: Map<number, EventInfo | undefined>; now: Date; actor: string }

function eventInfo(ctx: Context, id: number): EventInfo | undefined {
	if (!ctx.events.has(id)) ctx.events.set(id, ctx.st.eventById.get(id))
	return ctx.events.get(id)
}

function answerFor(ctx: Context, result: ScanResult, ticket: TicketRow | undefined, checkinId: number, replayed: boolean, firstAt: Date | null): ScanAnswer {
	const answer: ScanAnswer = { result, replayed, checkinId }
	if (ticket && namesRegistration(result)) {
		const event = eventInfo(ctx, ticket.event_id)
		answer.registration = { id: ticket.id, name: ticket.name, partySize: ticket.party_size, event: event?.slug ?? '' }
		if ((result === 'ok' || result === 'already_checked_in') && firstAt) {
			answer.firstCheckedInAt = firstAt.toISOString()
			answer.firstCheckedInBy = ticket.checked_in_by
		}
		if (result === 'already_checked_in') answer.reentryAllowed = Boolean(event?.reentry_allowed ?? 1)
	}
	return answer
}

/** The first answer again, for a (deviceId, nonce) already recorded. */
function replay(ctx: Context, previous: CheckinLookup): ScanAnswer {
	const ticket = previous.registration_id === null ? undefined : ctx.st.ticketById.get(previous.registration_id)
	const firstAt = previous.result === 'ok' ? new Date(previous.scanned_at) : ticket?.checked_in_at ? new Date(ticket.checked_in_at) : null
	return answerFor(ctx, previous.result, ticket, previous.id, true, firstAt)
}

/** Decides, records and applies one scan. Runs inside the caller's transaction. */
function recordOne(ctx: Context, scan: ScanRequest, scannerEventId: number | null): ScanAnswer {
	const { st, now } = ctx
	const deviceId = scan.deviceId ?? null
	const nonce = scan.nonce ?? null
	if (deviceId !== null && nonce !== null) {
		const previous = st.byNonce.get(deviceId, nonce)
		if (previous) {
			// A scan is sent again by the scanner that sent it: the same link or login, or one for the
			// same event. Anyone else naming that (device, nonce) learns nothing about it.
			const sameScanner = previous.actor === ctx.actor || (scannerEventId !== null && previous.event_id === scannerEventId)
			if (!sameScanner) throw new ServiceError('nonce_conflict', 409)
			return replay(ctx, previous)
		}
	}
	const scannedAt = effectiveScanTime(scan.scannedAt, now)
	const code = scan.code === null ? null : scan.code.trim()
	let row: TicketRow | undefined
	let verification: ScanVerification
	if (code === null) {
		row = scan.registrationId === undefined ? undefined : st.ticketById.get(scan.registrationId)
		verification = row ? { valid: true, eventId: row.event_id, registrationId: row.id } : { valid: false }
	} else {
		// A code we stored is one we issued: the signature check (~0.3 ms) is needed only for the
		// others, to tell an old (cancelled, reissued) code from a forged or altered one.
		row = code.length > 0 ? st.ticketByCode.get(code) : undefined
		if (row) verification = { valid: true, eventId: row.event_id, registrationId: row.id }
		else {
			const checked = checkTicketCode(code)
			verification = checked.valid ? { valid: true, eventId: checked.claims.eventId, registrationId: checked.claims.registrationId } : { valid: false }
			if (checked.valid) row = st.ticketById.get(checked.claims.registrationId)
		}
	}
	const verdict = decideScan({ verification, ticket: row ? ticketState(row, code) : undefined, scannerEventId, scannedAt })
	const offline = scan.offline ?? false
	const duplicate =
		verdict.result === 'already_checked_in' &&
		isDuplicateScan({ result: verdict.result, offline, deviceId, firstCheckedInBy: verdict.firstCheckedInBy, localResult: scan.localResult })
	const ticket = verdict.result === 'invalid' ? undefined : row
	const eventId = scannerEventId ?? ticket?.event_id ?? null
	const method: CheckinMethod = code === null ? 'manual' : 'scan'
	const stored = (scan.code ?? '').slice(0, MAX_STORED_CODE_LENGTH)
	const { id } = st.insert.get(
		eventId,
		ticket?.id ?? null,
		stored,
		method,
		verdict.result,
		deviceId,
		nonce,
		scannedAt.getTime(),
		now.getTime(),
		offline ? 1 : 0,
		duplicate ? 1 : 0,
		ctx.actor,
	)!
	let firstAt: Date | null = null
	if (verdict.result === 'ok' && row) {
		const by = deviceId ?? ctx.actor
		st.setCheckedIn.run(scannedAt.getTime(), by, row.id)
		if (verdict.replacesLaterCheckIn) st.flagLaterAdmissions.run(row.id, scannedAt.getTime(), id)
		row = { ...row, checked_in_at: scannedAt.getTime(), checked_in_by: by }
		firstAt = scannedAt
	} else if (verdict.result === 'already_checked_in') firstAt = verdict.firstCheckedInAt
	return answerFor(ctx, verdict.result, ticket ? row : undefined, id, false, firstAt)
}

function context(tx: Db, actor: Actor, now: Date): Context {
	return { st: statements(tx), events: new Map(), now, actor: actorLabel(actor) }
}

/**
 * One scan from a scanner (POST /api/v1/checkins). Recorded whatever the verdict; the first
 * admitting scan sets the check-in, later ones answer `already_checked_in` with the first time.
 * A (deviceId, nonce) seen before records nothing and answers as the first time.
 */
export function recordScan(db: Db, scan: ScanRequest, scanner: Scanner, now = new Date()): ScanAnswer {
	return writeTransaction(db, (tx) => {
		const ctx = context(tx, scanner.actor, now)
		const scannerEventId = resolveScannerEvent(tx, scan.event, scanner)
		return recordOne(ctx, { ...scan, deviceId: scan.deviceId ?? ctx.actor }, scannerEventId)
	})
}

/**
 * recordScan with group commit: the scans of one event-loop turn share a transaction and one
 * disk flush (writeInBatch), so a busy door does not wait for the disk scan by scan.
 */
export function recordScanGrouped(db: Db, scan: ScanRequest, scanner: Scanner): Promise<ScanAnswer> {
	return writeInBatch(db, (tx) => recordScan(tx, scan, scanner))
}

/**
 * An offline scanner's queue (POST /api/v1/checkins/batch), in one transaction. Scans are decided
 * in the order they happened (scannedAt), so that of several devices' scans of one ticket the
 * earliest sets the check-in and the others are kept and flagged as duplicates. A nonce already
 * recorded is not recorded again (`replayed`, with the first result). Results come back in the
 * order they were sent in. Every named event is checked before anything is recorded: a refused
 * batch stays whole in the device's queue.
 */
export function recordScanBatch(
	db: Db,
	batch: { deviceId: string; event?: string; scans: readonly BatchScan[] },
	scanner: Scanner,
	now = new Date(),
): BatchResult[] {
	return writeTransaction(db, (tx) => {
		const ctx = context(tx, scanner.actor, now)
		const scannerEvents = new Map<string | undefined, number | null>()
		const eventFor = (slug: string | undefined) => {
			if (!scannerEvents.has(slug)) scannerEvents.set(slug, resolveScannerEvent(tx, slug, scanner))
			return scannerEvents.get(slug)!
		}
		for (const scan of batch.scans) eventFor(scan.event ?? batch.event)
		const order = batch.scans.map((scan, index) => ({ scan, index, at: effectiveScanTime(scan.scannedAt, now).getTime() }))
		order.sort((a, b) => a.at - b.at || a.index - b.index)
		const results = new Array<BatchResult>(batch.scans.length)
		for (const { scan, index } of order) {
			const answer = recordOne(
				ctx,
				{
					code: scan.code ?? null,
					registrationId: scan.registrationId,
					deviceId: batch.deviceId,
					nonce: scan.nonce,
					scannedAt: scan.scannedAt,
					offline: true,
					localResult: scan.localResult,
				},
				eventFor(scan.event ?? batch.event),
			)
			results[index] = {
				nonce: scan.nonce,
				result: answer.result,
				replayed: answer.replayed,
				checkinId: answer.checkinId,
				...(answer.firstCheckedInAt ? { firstCheckedInAt: answer.firstCheckedInAt } : {}),
			}
		}
		if (order.length) recordAudit(tx, scanner.actor, 'checkin.sync', `device:${batch.deviceId}`, { scans: order.length }, now)
		return results
	})
}

/**
 * A volunteer checks in a visitor found by name (a dead phone, a lost ticket). Decided like a scan
 * of the ticket's current code and recorded as a manual check-in. 404 for an unknown registration;
 * a token limited to another event gets 403.
 */
export function manualCheckin(
	db: Db,
	registrationId: number,
	scan: Pick<ScanRequest, 'deviceId' | 'nonce' | 'scannedAt'>,
	scanner: Scanner,
	now = new Date(),
): ScanAnswer {
	return writeTransaction(db, (tx) => {
		const ctx = context(tx, scanner.actor, now)
		const row = ctx.st.ticketById.get(registrationId)
		if (!row) throw new ServiceError('not_found', 404)
		if (scanner.tokenEventId !== null && row.event_id !== scanner.tokenEventId) throw new ServiceError('wrong_event_token', 403)
		const answer = recordOne(ctx, { code: null, registrationId, ...scan, deviceId: scan.deviceId ?? ctx.actor }, row.event_id)
		if (!answer.replayed && answer.result === 'ok') recordAudit(tx, scanner.actor, 'checkin.manual', `registration:${registrationId}`, null, now)
		return answer
	})
}

/** manualCheckin with group commit (see recordScanGrouped). */
export function manualCheckinGrouped(db: Db, registrationId: number, scan: Parameters<typeof manualCheckin>[2], scanner: Scanner): Promise<ScanAnswer> {
	return writeInBatch(db, (tx) => manualCheckin(tx, registrationId, scan, scanner))
}

export type UndoResult = { registration: { id: number; name: string; partySize: number; event: string; checkedInAt: null }; undone: number }

/**
 * An organizer undoes a mistaken check-in: the registration is no longer checked in, and the
 * scans that admitted it are marked undone (kept in the log). 409 `not_checked_in` if it was not.
 */
export function undoCheckin(db: Db, registrationId: number, actor: Actor, now = new Date()): UndoResult {
	return writeTransaction(db, (tx) => {
		const ctx = context(tx, actor, now)
		const row = ctx.st.ticketById.get(registrationId)
		if (!row) throw new ServiceError('not_found', 404)
		if (row.checked_in_at === null) throw new ServiceError('not_checked_in', 409)
		ctx.st.setCheckedIn.run(null, null, row.id)
		const undone = tx.$client
			.prepare(`UPDATE checkins SET undone_at = ?, undone_by = ? WHERE registration_id = ? AND result = 'ok' AND undone_at IS NULL`)
			.run(now.getTime(), ctx.actor, row.id).changes
		recordAudit(tx, actor, 'checkin.undo', `registration:${row.id}`, { checkedInAt: new Date(row.checked_in_at).toISOString(), by: row.checked_in_by }, now)
		const event = eventInfo(ctx, row.event_id)
		return { registration: { id: row.id, name: row.name, partySize: row.party_size, event: event?.slug ?? '', checkedInAt: null }, undone }
	})
}
