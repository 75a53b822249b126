// POST /api/v1/fairs/{slug}/decisions/release (organizer) → {released: n}: every staged decision of
// the fair is told to its exhibitor together, one decision mail each (through the outbox). Releasing
// again with nothing new staged releases 0 and mails nobody.
import { releaseDecisions } from '#app/services/commands/application-lifecycle.server.ts'
import { findFair } from '#app/services/queries/applications.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { requireTokenEvent } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, role: 'organizer' }, async ({ request, params, principal }) => {
	const fair = findFair(getDb(), params.slug ?? '')
	await requireTokenEvent(request, principal, fair.event.id)
	const result = releaseDecisions(getDb(), fair.event.id, principal.actor)
	return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
})
