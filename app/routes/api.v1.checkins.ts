// POST /api/v1/checkins (scanner+): one scan → {result, registration?, firstCheckedInAt?}.
// Every scan is recorded, whatever the result; a repeated (deviceId, nonce) records nothing.
import { ScanApiSchema } from '#app/domain/checkin-contract.ts'
import { recordScanGrouped } from '#app/services/commands/checkin.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { withDoorAnswers } from '#app/http/event-answers.server.ts'

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, role: 'scanner', body: ScanApiSchema }, async ({ request, body, principal }) => {
	const answer = await recordScanGrouped(getDb(), body, { actor: principal.actor, tokenEventId: principal.eventId })
	return Response.json(await withDoorAnswers(request, answer), { headers: { 'Cache-Control': 'no-store' } })
})
