import type { EventRow } from '#db/schema/index.ts'
import { eventFromParam } from '#app/services/queries/registration-queries.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'

/** The event behind an /admin/events/{id}/... address, or a 404 that ends the request. */
export function requireAdminEvent(idParam: string | undefined): EventRow {
	const event = eventFromParam(getDb(), idParam)
	invariantResponse(event, 404)
	return event
}

/**
 * The fair behind an /admin/events/{id}/... page that only a fair has (settings, plan, allocation,
 * applications), drafts included; a 404 for an unknown event or one of another kind. The API's
 * twin is requireApiFair.
 */
export function requireAdminFair(idParam: string | undefined): EventRow {
	const event = requireAdminEvent(idParam)
	invariantResponse(event.kind === 'fair', 404)
	return event
}
