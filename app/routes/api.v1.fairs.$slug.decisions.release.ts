// POST /api/v1/fairs/{slug}/decisions/release (organizer) → {released: n}: every staged decision of
// the fair is told to its exhibitor together, one decision mail each (through the outbox). Releasing
// again with nothing new staged releases 0 and mails nobody.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { releaseDecisions } from '#app/services/commands/application-lifecycle.server.ts'
import { findFair } from '#app/services/queries/applications.server.ts'
import { asApiError, methodNotAllowed } from '#app/http/api.server.ts'
import { requireApiRole, requireTokenEvent } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']

export async function loader({ request }: LoaderFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'organizer')
	try {
		const fair = findFair(getDb(), params.slug ?? '')
		await requireTokenEvent(request, principal, fair.event.id)
		const result = releaseDecisions(getDb(), fair.event.id, principal.actor)
		return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
