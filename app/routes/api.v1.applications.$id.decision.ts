// POST /api/v1/applications/{id}/decision (organizer): body {decision, note?} → {application} with
// the new status at once. Staged: the exhibitor is emailed only when the fair's decisions are
// released (POST /api/v1/fairs/{slug}/decisions/release). 404 unknown, 409 withdrawn, 422 bad body.
import { DecisionApiSchema } from '#app/domain/review-input.ts'
import { decideApplication } from '#app/services/commands/application-lifecycle.server.ts'
import { toApplicationJson } from '#app/services/queries/applications.server.ts'
import { readJsonBody } from '#app/http/api.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { requireApiApplication } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, role: 'organizer' }, async ({ request, params, principal }) => {
	// A token limited to one event decides only that event's applications.
	const { id } = await requireApiApplication(request, principal, params.id)
	const body = await readJsonBody(request, DecisionApiSchema)
	const { application, event } = decideApplication(getDb(), id, body.decision, body.note ?? null, principal.actor)
	return Response.json({ application: toApplicationJson(application, event, getEnv().PUBLIC_URL) }, { headers: { 'Cache-Control': 'no-store' } })
})
