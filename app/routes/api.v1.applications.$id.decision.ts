// POST /api/v1/applications/{id}/decision (organizer): body {decision, note?} → {application} with
// the new status at once. Staged: the exhibitor is emailed only when the fair's decisions are
// released (POST /api/v1/fairs/{slug}/decisions/release). 404 unknown, 409 withdrawn, 422 bad body.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { DecisionApiSchema } from '#app/domain/review-input.ts'
import { decideApplication } from '#app/services/commands/application-lifecycle.server.ts'
import { toApplicationJson } from '#app/services/queries/applications.server.ts'
import { findApplicationEventId } from '#app/services/queries/application-reviews.server.ts'
import { apiError, asApiError, idParam, methodNotAllowed, readJsonBody } from '#app/http/api.server.ts'
import { requireApiRole, requireTokenEvent } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['POST']

export async function loader({ request }: LoaderFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'organizer')
	const id = idParam(params.id)
	const eventId = id === null ? undefined : findApplicationEventId(getDb(), id)
	if (id === null || eventId === undefined) return apiError(request, 404, 'not_found')
	// A token limited to one event decides only that event's applications.
	await requireTokenEvent(request, principal, eventId)
	const body = await readJsonBody(request, DecisionApiSchema)
	try {
		const { application, event } = decideApplication(getDb(), id, body.decision, body.note ?? null, principal.actor)
		return Response.json({ application: toApplicationJson(application, event, getEnv().PUBLIC_URL) }, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
