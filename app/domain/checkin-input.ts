// The bodies of the check-in API (CONTRACT.md, Check-in). One set of rules, so the scanner page can
// check what it queues with the same schema the server parses with.
import { z } from 'zod'
import { SLUG_PATTERN } from './slug.ts'
import { SCAN_RESULTS } from './checkin-rules.ts'

/** A batch holds at most this many scans: a long day offline on one phone, with room to spare. */
export const MAX_BATCH_SCANS = 10_000
/** The body of a full batch: 10,000 scans of about 250 bytes each, and room. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024
/** A QR code holds at most about 4,300 characters; the stored copy is cut to 300 (MAX_STORED_CODE_LENGTH). */
export const MAX_SCANNED_CODE_LENGTH = 4_400
export const MAX_SEARCH_QUERY_LENGTH = 100
export const MIN_SEARCH_QUERY_LENGTH = 2

const custom = (key: string) => ({ params: { key } })

const eventSlug = z
	.string()
	.trim()
	.toLowerCase()
	.min(2)
	.max(80)
	.refine((v) => SLUG_PATTERN.test(v), custom('slug'))
/** A device chooses its own id (random, kept in its storage) and its nonces. */
const deviceId = z.string().trim().min(1).max(100)
const nonce = z.string().trim().min(1).max(100)
const isoDateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v))
// An empty scan is still a scan (and is recorded as invalid), so only the length is limited.
const code = z.string().max(MAX_SCANNED_CODE_LENGTH)

/** POST /api/v1/checkins */
export const ScanApiSchema = z.strictObject({
	code,
	event: eventSlug.optional(),
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
		event: eventSlug.optional(),
		localResult: z.enum(SCAN_RESULTS).optional(),
	})
	.refine((v) => (v.code === undefined) !== (v.registrationId === undefined), { ...custom('codeOrRegistration'), path: ['code'] })
export type BatchScan = z.infer<typeof BatchScanSchema>

/** POST /api/v1/checkins/batch */
export const ScanBatchApiSchema = z.strictObject({
	deviceId,
	event: eventSlug.optional(),
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

/** GET /api/v1/events/{slug}/checkins/log?filter= */
export const SCAN_LOG_FILTERS = ['all', 'flagged', 'duplicates', 'refused', 'undone'] as const
export type ScanLogFilter = (typeof SCAN_LOG_FILTERS)[number]

/** The query of the scan log; other parameters (?lang=) are ignored. */
export const ScanLogQuerySchema = z.object({
	filter: z.enum(SCAN_LOG_FILTERS).default('all'),
	before: z.coerce.number<string>().int().positive().optional(),
	limit: z.coerce.number<string>().int().min(1).max(500).optional(),
})
export type ScanLogQuery = z.infer<typeof ScanLogQuerySchema>

/** POST /api/v1/events/{slug}/scanner-links: a link for one volunteer's phone, until `expiresAt`. */
export const ScannerLinkApiSchema = z.strictObject({
	expiresAt: isoDateTime,
	label: z.string().trim().min(1).max(120).optional(),
})
export type ScannerLinkApiBody = z.infer<typeof ScannerLinkApiSchema>
