// POST /api/v1/registrations/{id}/checkin (scanner+): a manual check-in from the name search,
// body {deviceId?, nonce?, scannedAt?} → the same answer as a scan.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { ManualCheckinApiSchema } from '#app/domain/checkin-contract.ts'
import { manualCheckinGrouped } from '#app/services/commands/checkin.server.ts'
import { apiError, asApiError, idParam, methodNotAllowed, readJsonBody } from '#app/http/api.server.ts'
import { requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']

export async function loader({ request }: LoaderFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'scanner')
	const id = idParam(params.id)
	if (id === null) return apiError(request, 404, 'not_found')
	const body = await readJsonBody(request, ManualCheckinApiSchema)
	try {
		const answer = await manualCheckinGrouped(getDb(), id, body, { actor: principal.actor, tokenEventId: principal.eventId })
		return Response.json(answer, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
