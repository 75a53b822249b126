// The check-in contract's plain limits (docs/api.md, Check-in), apart from its zod schemas in
// checkin-contract.ts, which re-exports them: the scanner phone's code imports them from here, so
// the /scan page never loads zod (issue 17).

/** A batch holds at most this many scans: a long day offline on one phone, with room to spare. */
export const MAX_BATCH_SCANS = 10_000
/** The body of a full batch: 10,000 scans of about 250 bytes each, and room. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024
/** A QR code holds at most about 4,300 characters; the stored copy is cut to 300 (MAX_STORED_CODE_LENGTH). */
export const MAX_SCANNED_CODE_LENGTH = 4_400
export const MAX_SEARCH_QUERY_LENGTH = 100
export const MIN_SEARCH_QUERY_LENGTH = 2
/** The most hits a name search gives, on the server and in the phone's own list. */
export const CHECKIN_SEARCH_LIMIT = 20
