// GET /api/v1/events (public): published upcoming events, soonest first.
// POST /api/v1/events (organizer): creates an event → 201 {event}.
import { EventCreateApiSchema, eventInputFromApi } from '#app/domain/event-input.ts'
import { createEvent } from '#app/services/commands/events.server.ts'
import { listUpcomingEvents, toEventJson } from '#app/services/queries/events.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']

export const loader = apiLoader({}, () => {
	const { PUBLIC_URL } = getEnv()
	const events = listUpcomingEvents(getDb()).map((event) => toEventJson(event, PUBLIC_URL))
	return Response.json({ events })
})

export const action = apiAction({ allow: ALLOWED, role: 'organizer', body: EventCreateApiSchema }, ({ principal, body }) => {
	const event = createEvent(getDb(), eventInputFromApi(body), principal.actor)
	return Response.json({ event: toEventJson(event, getEnv().PUBLIC_URL) }, { status: 201 })
})
