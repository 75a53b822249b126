// POST /api/v1/registrations/{id}/checkin/undo (organizer): undoes a mistaken check-in →
// {registration: {id, name, partySize, event, checkedInAt: null}, undone}; 409 not_checked_in.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { undoCheckin } from '#app/services/commands/checkin.server.ts'
import { apiError, asApiError, idParam, methodNotAllowed } from '#app/http/api.server.ts'
import { requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']

export async function loader({ request }: LoaderFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'organizer')
	const id = idParam(params.id)
	if (id === null) return apiError(request, 404, 'not_found')
	try {
		return Response.json(undoCheckin(getDb(), id, principal.actor))
	} catch (error) {
		throw await asApiError(request, error)
	}
}
