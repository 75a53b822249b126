// The check-in contract between the scanner phone and the server (docs/api.md, Check-in): the
// bodies the server accepts, as zod schemas it parses with and the phone types what it sends by,
// and the answers it gives. Both sides import this module, so neither can change the wire alone.
// The verdict rule and its results are checkin-rules.ts; the text of a QR, ticket-code.ts.
import { z } from 'zod'
import { SCAN_RESULTS, type ScanResult } from './checkin-rules.ts'
import { SlugSchema } from './slug.ts'
import type { RegistrationStatus } from './vocabulary.ts'

import { MAX_BATCH_SCANS, MAX_SCANNED_CODE_LENGTH } from './checkin-limits.ts'

// The plain limits live in checkin-limits.ts (zod-free, for the phone); server code keeps importing them here.
export {
	CHECKIN_SEARCH_LIMIT,
	MAX_BATCH_BYTES,
	MAX_BATCH_SCANS,
	MAX_SCANNED_CODE_LENGTH,
	MAX_SEARCH_QUERY_LENGTH,
	MIN_SEARCH_QUERY_LENGTH,
} from './checkin-limits.ts'

/** A device chooses its own id (random, kept in its storage) and its nonces. */
const deviceId = z.string().trim().min(1).max(100)
const nonce = z.string().trim().min(1).max(100)
const isoDateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v))
// An empty scan is still a scan (and is recorded as invalid), so only the length is limited.
const code = z.string().max(MAX_SCANNED_CODE_LENGTH)

// ---- What the phone sends ----

/** POST /api/v1/checkins */
export const ScanApiSchema = z.strictObject({
	code,
	event: SlugSchema.optional(),
	deviceId: deviceId.optional(),
	nonce: nonce.optional(),
	scannedAt: isoDateTime.optional(),
})
export type ScanApiBody = z.infer<typeof ScanApiSchema>

/**
 * One queued scan of POST /api/v1/checkins/batch. Besides a scanned `code`, a scan may be a manual
 * check-in made offline from the name search (`registrationId` instead of `code`). `localResult` is
 * the verdict the device showed, if it kept it: it tells a real duplicate from a known re-entry.
 */
export const BatchScanSchema = z
	.strictObject({
		nonce,
		code: code.optional(),
		registrationId: z.number().int().positive().optional(),
		scannedAt: isoDateTime,
		event: SlugSchema.optional(),
		localResult: z.enum(SCAN_RESULTS).optional(),
	})
	.refine((v) => (v.code === undefined) !== (v.registrationId === undefined), { params: { key: 'codeOrRegistration' }, path: ['code'] })
export type BatchScan = z.infer<typeof BatchScanSchema>

/** POST /api/v1/checkins/batch */
export const ScanBatchApiSchema = z.strictObject({
	deviceId,
	event: SlugSchema.optional(),
	scans: z.array(BatchScanSchema).max(MAX_BATCH_SCANS),
})
export type ScanBatchApiBody = z.infer<typeof ScanBatchApiSchema>

/** POST /api/v1/registrations/{id}/checkin: a manual check-in from the name search. */
export const ManualCheckinApiSchema = z.strictObject({
	deviceId: deviceId.optional(),
	nonce: nonce.optional(),
	scannedAt: isoDateTime.optional(),
})
export type ManualCheckinApiBody = z.infer<typeof ManualCheckinApiSchema>

/** The bodies as the phone writes them (JSON: times as ISO text), before the server parses them. */
export type ScanApiRequest = z.input<typeof ScanApiSchema>
export type BatchScanRequest = z.input<typeof BatchScanSchema>
export type ScanBatchApiRequest = z.input<typeof ScanBatchApiSchema>
export type ManualCheckinApiRequest = z.input<typeof ManualCheckinApiSchema>

/**
 * A scan as the server decides it, whichever of the three bodies brought it: a scanned `code`, or
 * (`code: null`) a manual check-in of `registrationId`.
 */
export type ScanRequest = {
	code: string | null
	registrationId?: number
	/** The event where the scanner stands (slug), if it names one. */
	event?: string
	deviceId?: string | null
	nonce?: string | null
	scannedAt?: Date | null
	/** Made offline and sent in a batch. */
	offline?: boolean
	localResult?: ScanResult
}

// ---- What the server answers ----

/** An answer the organizer marked for the door (issue 18): the question and the answer, in the scanner's language. */
export type DoorAnswer = { label: string; text: string }

/** A registration as a verdict names it; `door` only when it has answers for the door. */
export type ScannedRegistration = { id: number; name: string; partySize: number; event: string; door?: DoorAnswer[] }

/** The answer to one scan: POST /api/v1/checkins and POST /api/v1/registrations/{id}/checkin. */
export type ScanAnswer = {
	result: ScanResult
	/** With `ok`, `already_checked_in`, `cancelled` and `not_confirmed`. */
	registration?: ScannedRegistration
	/** ISO time of the ticket's first check-in: with `ok` (this scan) and `already_checked_in`. */
	firstCheckedInAt?: string
	/** The device of that first check-in (the "device …" in the amber verdict). */
	firstCheckedInBy?: string | null
	/** With `already_checked_in`: whether the event lets a checked-in visitor come back in. */
	reentryAllowed?: boolean
	/** True when this (deviceId, nonce) was recorded before: nothing new was recorded. */
	replayed: boolean
	/** The recorded scan's id (for the organizer's log). */
	checkinId: number
}

/** One scan of a batch, answered: `results` of POST /api/v1/checkins/batch, in the order of the request. */
export type BatchResult = Pick<ScanAnswer, 'result' | 'replayed' | 'checkinId' | 'firstCheckedInAt'> & { nonce: string }
export type BatchAnswer = { results: BatchResult[] }

/** GET /api/v1/events/{slug}/checkins/stats */
export type CheckinStats = {
	/** Persons in confirmed registrations. */
	registered: number
	/** Confirmed registrations (parties) checked in. */
	checkedIn: number
	/** Persons in those registrations. */
	persons: number
	/** Confirmed registrations (parties). */
	registrations: number
	/** Persons registered but not yet checked in. */
	expected: number
	/** Scans recorded at this event, and of them: refused ones, duplicates, undone check-ins. */
	scans: number
	refused: number
	duplicates: number
	undone: number
	/** When the latest scan was recorded (ISO), or null. */
	lastScanAt: string | null
}

/** One hit of GET /api/v1/events/{slug}/checkins/search?q=: a confirmed registration. */
export type CheckinSearchHit = {
	id: number
	name: string
	/** The address with most of its local part hidden (p•••@example.com): enough to tell two namesakes apart. */
	emailHint: string
	partySize: number
	status: 'confirmed'
	checkedInAt: string | null
	checkedInBy: string | null
	/** The answers marked for the door, when there are any (issue 18). */
	door?: DoorAnswer[]
}
export type CheckinSearchAnswer = { results: CheckinSearchHit[] }

/** A public key tickets are signed with (JWK, Ed25519), and its key id (ticket-code.ts). */
export type TicketKeyJwk = { keyId: number; kty: 'OKP'; crv: 'Ed25519'; x: string }

/** One registration of the offline dataset, as the phone works with it (decoded from OfflineColumns). */
export type OfflineTicket = {
	registrationId: number
	name: string
	partySize: number
	status: RegistrationStatus
	/** base64url of the first 96 bits of the current ticket code's SHA-256 (offline-dataset.ts); null when the registration has none (not confirmed). */
	codeHash: string | null
	checkedInAt: string | null
	checkedInBy: string | null
	/** The answers marked for the door, when there are any (issue 18). */
	door?: DoorAnswer[]
}

/**
 * The tickets of the offline dataset as columns (app/domain/offline-dataset.ts encodes and
 * decodes): entry i of each array is ticket i. A later field is one more optional column.
 */
export type OfflineColumns = {
	/** Registration ids, ascending, each as the difference to the previous one (the first: the id). */
	id: number[]
	/** Names, whitespace collapsed, at most MAX_OFFLINE_NAME_LENGTH characters. */
	name: string[]
	/** Persons in the party. */
	party: number[]
	/** One letter per ticket: c confirmed, w waitlisted, x cancelled. */
	status: string
	/** The current code's hash (OfflineTicket.codeHash); "" when there is none. */
	hash: string[]
	/** Only the checked-in tickets: [ticket index, ms after the event's start, index in `devices` or -1]. */
	checkedIn: [number, number, number][]
	/** The devices that checked tickets in (OfflineTicket.checkedInBy), each once. */
	devices: string[]
	/**
	 * The answers marked for the door (issue 18), only when some ticket has one: each question's
	 * text once (`labels`), then [ticket index, index in `labels`, the answer in words].
	 */
	door?: { labels: string[]; answers: [number, number, string][] }
}

type OfflineEvent = { id: number; slug: string; title: string; reentryAllowed: boolean; startsAt: string; endsAt: string }

/**
 * GET /api/v1/events/{slug}/checkins/offline?v=2: what a phone needs to decide offline exactly as
 * the server would (decideScan): the keys, and every registration of the event with its code's hash.
 */
export type OfflineDataset = {
	/** OFFLINE_DATASET_VERSION: a phone drops a kept dataset of another version and fetches again. */
	version: 2
	/** `startsAt`, `endsAt`: ISO times, so a scanner opened on another day can say so (eventDay). */
	event: OfflineEvent
	keys: TicketKeyJwk[]
	tickets: OfflineColumns
	generatedAt: string
}

/**
 * The same without `?v=2`: one object per ticket, with the whole SHA-256. Only for a scanner page
 * loaded before version 2 (until its next reload); to be removed in a later release.
 */
export type LegacyOfflineDataset = {
	event: OfflineEvent
	keys: TicketKeyJwk[]
	tickets: OfflineTicket[]
	generatedAt: string
}
