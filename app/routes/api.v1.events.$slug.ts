// GET /api/v1/events/{slug} (public; drafts only for organizers) → {event}.
// PATCH /api/v1/events/{slug} (organizer): any event field → {event}.
import { EventPatchApiSchema, eventPatchFromApi } from '#app/domain/event-input.ts'
import { updateEvent } from '#app/services/commands/events.server.ts'
import { findEventBySlug, toEventJson } from '#app/services/queries/events.server.ts'
import { apiError } from '#app/http/api.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { maySeeDrafts } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['GET', 'HEAD', 'PATCH']

export const loader = apiLoader({}, async ({ request, params }) => {
	const event = findEventBySlug(getDb(), params.slug ?? '')
	if (!event || (event.status === 'draft' && !(await maySeeDrafts(request)))) {
		return apiError(request, 404, 'not_found')
	}
	return Response.json({ event: toEventJson(event, getEnv().PUBLIC_URL) })
})

export const action = apiAction({ allow: ALLOWED, role: 'organizer', scope: 'event', body: EventPatchApiSchema }, ({ event: current, principal, body }) => {
	const event = updateEvent(getDb(), current.id, eventPatchFromApi(body), principal.actor)
	return Response.json({ event: toEventJson(event, getEnv().PUBLIC_URL) })
})
