// GET /api/v1/events (public): published upcoming events, soonest first.
// POST /api/v1/events (organizer): creates an event → 201 {event}.
import type { ActionFunctionArgs } from '@remix-run/node'
import { EventCreateApiSchema, eventInputFromApi } from '#app/domain/event-input.ts'
import { createEvent } from '#app/services/commands/events.server.ts'
import { listUpcomingEvents, toEventJson } from '#app/services/queries/events.server.ts'
import { asApiError, methodNotAllowed, readJsonBody } from '#app/http/api.server.ts'
import { requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']

export async function loader() {
	const { PUBLIC_URL } = getEnv()
	const events = listUpcomingEvents(getDb()).map((event) => toEventJson(event, PUBLIC_URL))
	return Response.json({ events })
}

export async function action({ request }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'organizer')
	const body = await readJsonBody(request, EventCreateApiSchema)
	try {
		const event = createEvent(getDb(), eventInputFromApi(body), principal.actor)
		return Response.json({ event: toEventJson(event, getEnv().PUBLIC_URL) }, { status: 201 })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
