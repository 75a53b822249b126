// POST /api/v1/registrations/{id}/checkin/undo (organizer): undoes a mistaken check-in →
// {registration: {id, name, partySize, event, checkedInAt: null}, undone}; 409 not_checked_in.
import { undoCheckin } from '#app/services/commands/checkin.server.ts'
import { requireApiId } from '#app/http/api.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, role: 'organizer' }, async ({ request, params, principal }) =>
	Response.json(undoCheckin(getDb(), await requireApiId(request, params.id), principal.actor)),
)
