// POST /api/v1/registrations/{id}/checkin (scanner+): a manual check-in from the name search,
// body {deviceId?, nonce?, scannedAt?} → the same answer as a scan.
import { ManualCheckinApiSchema } from '#app/domain/checkin-contract.ts'
import { manualCheckinGrouped } from '#app/services/commands/checkin.server.ts'
import { readJsonBody, requireApiId } from '#app/http/api.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { withDoorAnswers } from '#app/http/event-answers.server.ts'

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, role: 'scanner' }, async ({ request, params, principal }) => {
	const id = await requireApiId(request, params.id)
	const body = await readJsonBody(request, ManualCheckinApiSchema)
	const answer = await manualCheckinGrouped(getDb(), id, body, { actor: principal.actor, tokenEventId: principal.eventId })
	return Response.json(await withDoorAnswers(request, answer), { headers: { 'Cache-Control': 'no-store' } })
})
