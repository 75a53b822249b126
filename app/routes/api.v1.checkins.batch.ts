// POST /api/v1/checkins/batch (scanner+): an offline scanner's queue, {deviceId, scans: [...]} →
// {results: [{nonce, result, replayed}]}, in the order of the request. One transaction.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { MAX_BATCH_BYTES, ScanBatchApiSchema } from '#app/domain/checkin-contract.ts'
import { recordScanBatch } from '#app/services/commands/checkin.server.ts'
import { asApiError, methodNotAllowed, readJsonBody } from '#app/http/api.server.ts'
import { requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/** server.mjs refuses a longer body (413) before reading it; the default for the API is 64 KiB. */
export const maxBodyBytes = MAX_BATCH_BYTES

const ALLOWED = ['POST']

export async function loader({ request }: LoaderFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}

export async function action({ request }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'scanner')
	const body = await readJsonBody(request, ScanBatchApiSchema, { maxBytes: MAX_BATCH_BYTES })
	try {
		const results = recordScanBatch(getDb(), body, { actor: principal.actor, tokenEventId: principal.eventId })
		return Response.json({ results }, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
