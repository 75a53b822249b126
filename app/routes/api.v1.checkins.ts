// POST /api/v1/checkins (scanner+): one scan → {result, registration?, firstCheckedInAt?}.
// Every scan is recorded, whatever the result; a repeated (deviceId, nonce) records nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { ScanApiSchema } from '#app/domain/checkin-contract.ts'
import { recordScanGrouped } from '#app/services/commands/checkin.server.ts'
import { asApiError, methodNotAllowed, readJsonBody } from '#app/http/api.server.ts'
import { requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']

export async function loader({ request }: LoaderFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}

export async function action({ request }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'scanner')
	const body = await readJsonBody(request, ScanApiSchema)
	try {
		const answer = await recordScanGrouped(getDb(), body, { actor: principal.actor, tokenEventId: principal.eventId })
		return Response.json(answer, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
