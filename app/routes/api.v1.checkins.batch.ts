// POST /api/v1/checkins/batch (scanner+): an offline scanner's queue, {deviceId, scans: [...]} →
// {results: [{nonce, result, replayed}]}, in the order of the request. One transaction.
import { MAX_BATCH_BYTES, ScanBatchApiSchema } from '#app/domain/checkin-contract.ts'
import { recordScanBatch } from '#app/services/commands/checkin.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/** server.mjs refuses a longer body (413) before reading it; the default for the API is 64 KiB. */
export const maxBodyBytes = MAX_BATCH_BYTES

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, role: 'scanner', body: ScanBatchApiSchema, maxBytes: MAX_BATCH_BYTES }, ({ body, principal }) => {
	const results = recordScanBatch(getDb(), body, { actor: principal.actor, tokenEventId: principal.eventId })
	return Response.json({ results }, { headers: { 'Cache-Control': 'no-store' } })
})
