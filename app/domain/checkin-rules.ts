// What a scan at the door means. Pure and free of Node APIs: the server decides with it, and the
// offline scanner in the browser imports the same function, so a verdict shown offline is the one
// the server would have given. Times are arguments; nothing here reads a clock.
import { toBelgradeLocalInput } from './format.ts'
import { TIME_ZONE } from './locale.ts'
import type { RegistrationStatus } from './vocabulary.ts'

export const SCAN_RESULTS = ['ok', 'already_checked_in', 'invalid', 'wrong_event', 'cancelled', 'not_confirmed'] as const
export type ScanResult = (typeof SCAN_RESULTS)[number]

/** Results that let the visitor in (green or amber); every other one is a refusal (red). */
export const ADMITTING_RESULTS: readonly ScanResult[] = ['ok', 'already_checked_in']

/** Results the organizer sees as failed attempts in the scan log. */
export const REFUSED_RESULTS: readonly ScanResult[] = ['invalid', 'wrong_event', 'cancelled', 'not_confirmed']

/**
 * Whether the answer to a scan names the visitor (name, party size). Not for a code that is no
 * ticket of ours, and not for another event's visitor: they are none of this door's business.
 */
export function namesRegistration(result: ScanResult): boolean {
	return result !== 'invalid' && result !== 'wrong_event'
}

/** The colour a scanner shows for a result. */
export function verdictTone(result: ScanResult): 'green' | 'amber' | 'red' {
	return result === 'ok' ? 'green' : result === 'already_checked_in' ? 'amber' : 'red'
}

/**
 * What the signature check said about the scanned text. `valid: true` means the code was signed
 * by one of our keys (or, on the server, that it is exactly a ticket code we stored), and names the
 * event and registration it was issued for.
 */
export type ScanVerification = { valid: false } | { valid: true; eventId: number; registrationId: number }

/**
 * The ticket the code points to, as the deciding side knows it. `currentCode` is whether the
 * scanned text is the registration's current ticket code (server: equal to `ticketCode`; offline:
 * the SHA-256 of the text equals the dataset's `codeHash`). A cancelled ticket has no current code;
 * a reissued one has another, so its old code is not current.
 */
export type TicketState = {
	id: number
	eventId: number
	status: RegistrationStatus
	currentCode: boolean
	/** When the ticket was first checked in (the scan time of the earliest admitted scan), if it was. */
	checkedInAt: Date | null
	/** Which device (or actor) that first check-in came from. */
	checkedInBy: string | null
}

export type ScanInput = {
	verification: ScanVerification
	/** The registration the verification names; undefined when there is none (or no valid code). */
	ticket: TicketState | undefined
	/** The event the scanner works for; null when it is not limited to one (an organizer's token). */
	scannerEventId: number | null
	/** When the scan happened (the device's time). */
	scannedAt: Date
}

export type ScanVerdict =
	| { result: 'ok'; registrationId: number; eventId: number; firstCheckedInAt: Date; setsCheckIn: true; replacesLaterCheckIn: boolean }
	| { result: 'already_checked_in'; registrationId: number; eventId: number; firstCheckedInAt: Date; firstCheckedInBy: string | null; setsCheckIn: false }
	| { result: 'cancelled' | 'not_confirmed'; registrationId: number; eventId: number; setsCheckIn: false }
	| { result: 'wrong_event'; registrationId: number | null; eventId: number; setsCheckIn: false }
	| { result: 'invalid'; setsCheckIn: false }

/**
 * The verdict for one scan. In order: a code we did not sign (or an altered one) is `invalid`; a
 * genuine code of another event is `wrong_event`; a cancelled registration, or a code that is no
 * longer the registration's current one (cancelled, then re-registered or reissued), is
 * `cancelled`; a waiting-list registration is `not_confirmed`; a ticket first checked in at or
 * before this scan is `already_checked_in` with that first time; anything else is `ok`.
 *
 * Scans are decided in the order they happened where possible, but an offline device may sync a
 * scan made *before* the check-in the server already has. That earlier scan is the real first
 * entry: it is `ok`, takes over the check-in (`replacesLaterCheckIn`), and the later one becomes a
 * duplicate (see isDuplicateScan).
 */
export function decideScan(input: ScanInput): ScanVerdict {
	const { verification, ticket, scannerEventId, scannedAt } = input
	if (!verification.valid) return { result: 'invalid', setsCheckIn: false }
	if (scannerEventId !== null && verification.eventId !== scannerEventId) {
		return { result: 'wrong_event', registrationId: ticket?.id ?? null, eventId: verification.eventId, setsCheckIn: false }
	}
	// A signed code whose registration is gone (or does not belong to the event it names) is not a ticket.
	if (!ticket || ticket.id !== verification.registrationId || ticket.eventId !== verification.eventId) {
		return { result: 'invalid', setsCheckIn: false }
	}
	const base = { registrationId: ticket.id, eventId: ticket.eventId }
	if (ticket.status === 'cancelled' || (ticket.status === 'confirmed' && !ticket.currentCode)) {
		return { result: 'cancelled', ...base, setsCheckIn: false }
	}
	if (ticket.status !== 'confirmed') return { result: 'not_confirmed', ...base, setsCheckIn: false }
	if (ticket.checkedInAt && ticket.checkedInAt.getTime() <= scannedAt.getTime()) {
		return { result: 'already_checked_in', ...base, firstCheckedInAt: ticket.checkedInAt, firstCheckedInBy: ticket.checkedInBy, setsCheckIn: false }
	}
	return { result: 'ok', ...base, firstCheckedInAt: scannedAt, setsCheckIn: true, replacesLaterCheckIn: ticket.checkedInAt !== null }
}

/**
 * Whether a scan goes on the organizer's list of duplicates: a scan that was (or presumably was)
 * shown as a green welcome at the door although an earlier scan had already admitted the ticket,
 * the sign of a shared or copied QR code. An online scan got the server's answer, so it was
 * shown amber and is no duplicate. An offline device knows its own earlier scans, so without the
 * device's own verdict (`localResult`) a repeat from the device that made the first check-in is
 * presumed amber, one from another device green.
 */
export function isDuplicateScan(input: {
	result: ScanResult
	offline: boolean
	deviceId: string | null
	firstCheckedInBy: string | null
	localResult?: ScanResult | undefined
}): boolean {
	if (input.result !== 'already_checked_in' || !input.offline) return false
	if (input.localResult !== undefined) return input.localResult === 'ok'
	return input.deviceId === null || input.deviceId !== input.firstCheckedInBy
}

/**
 * A device's clock may be wrong. A scan time in the future (beyond a small allowance for clock
 * drift) is replaced by the time the server recorded it; a missing or unreadable one likewise.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 5 * 60 * 1000
export function effectiveScanTime(scannedAt: Date | null | undefined, recordedAt: Date): Date {
	if (!scannedAt || Number.isNaN(scannedAt.getTime())) return recordedAt
	return scannedAt.getTime() > recordedAt.getTime() + CLOCK_SKEW_ALLOWANCE_MS ? recordedAt : scannedAt
}

// ---- The camera at the door ----

/**
 * A visitor holds the ticket up for a while, and the camera reads it again every few seconds. The
 * same code read again on the same device within this window after the device's verdict on it is
 * the same arrival: the device shows that verdict again and records nothing new (no scan, no log
 * row). Read later, it is a new scan (a real second entry: amber).
 */
export const REREAD_WINDOW_MS = 10_000

/**
 * Whether a code read at `readAt` is the same arrival as this device's verdict on the same code at
 * `decidedAt` (times in ms on one clock; undefined: the device decided nothing on it lately). The
 * window runs from that verdict; reads inside it do not stretch it. A clock that went back is no
 * reason to swallow a scan: the read is then a new scan.
 */
export function isSameArrival(decidedAt: number | undefined, readAt: number, windowMs = REREAD_WINDOW_MS): boolean {
	return decidedAt !== undefined && readAt >= decidedAt && readAt - decidedAt < windowMs
}

// ---- The event's day, for the scanner ----

/** The Belgrade calendar date of an instant, "2026-12-05". */
function belgradeDate(date: Date): string {
	return toBelgradeLocalInput(date).slice(0, 10)
}

/**
 * Where today (Belgrade's calendar, at `now`) falls against the event's days: 'before' its first
 * day, 'during' one of its days (start to end, both Belgrade dates), or 'after' its last. A scanner
 * opened on another day says so, and still scans.
 */
export function eventDay(event: { startsAt: Date; endsAt: Date }, now: Date): 'before' | 'during' | 'after' {
	const today = belgradeDate(now)
	if (today < belgradeDate(event.startsAt)) return 'before'
	if (today > belgradeDate(event.endsAt)) return 'after'
	return 'during'
}

// ---- Arrivals per quarter hour, for the organizer's chart ----

export const ARRIVAL_BUCKET_MINUTES = 15

export type Arrival = { at: Date; persons: number }
export type ArrivalBucket = {
	/** Start of the quarter hour (ISO, UTC). */
	start: string
	/** The start as Belgrade wall-clock time, HH:MM. */
	label: string
	/** Registrations (tickets) checked in during the quarter hour. */
	registrations: number
	/** Persons (party sizes) checked in during the quarter hour. */
	persons: number
}

const labelFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/**
 * Arrivals counted per quarter hour of Belgrade time, from the first arrival's quarter to the
 * last one's, empty quarters included (a chart needs the gaps). Belgrade's offset from UTC is
 * a whole number of hours, so its quarter hours start exactly where UTC's do.
 */
export function bucketArrivals(arrivals: readonly Arrival[], minutes = ARRIVAL_BUCKET_MINUTES): ArrivalBucket[] {
	if (arrivals.length === 0) return []
	const size = minutes * 60_000
	const counts = new Map<number, { registrations: number; persons: number }>()
	let first = Infinity
	let last = -Infinity
	for (const arrival of arrivals) {
		const start = Math.floor(arrival.at.getTime() / size) * size
		first = Math.min(first, start)
		last = Math.max(last, start)
		const bucket = counts.get(start) ?? { registrations: 0, persons: 0 }
		bucket.registrations += 1
		bucket.persons += arrival.persons
		counts.set(start, bucket)
	}
	const buckets: ArrivalBucket[] = []
	for (let start = first; start <= last; start += size) {
		const bucket = counts.get(start) ?? { registrations: 0, persons: 0 }
		buckets.push({ start: new Date(start).toISOString(), label: labelFormat.format(new Date(start)), ...bucket })
	}
	return buckets
}
