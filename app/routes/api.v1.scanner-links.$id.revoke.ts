// POST /api/v1/scanner-links/{id}/revoke (organizer) → {link}: the link stops working at once.
import { revokeScannerLink } from '#app/services/commands/scanner-links.server.ts'
import { requireApiId } from '#app/http/api.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, role: 'organizer' }, async ({ request, params, principal }) =>
	Response.json({ link: revokeScannerLink(getDb(), await requireApiId(request, params.id), principal.actor) }),
)
