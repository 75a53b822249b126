// GET /api/v1/events/{slug} (public; drafts only for organizers) → {event}.
// PATCH /api/v1/events/{slug} (organizer): any event field → {event}.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { EventPatchApiSchema, eventPatchFromApi } from '#app/domain/event-input.ts'
import { updateEvent } from '#app/services/commands/events.server.ts'
import { findEventBySlug, toEventJson } from '#app/services/queries/events.server.ts'
import { apiError, asApiError, methodNotAllowed, readJsonBody } from '#app/http/api.server.ts'
import { requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['GET', 'HEAD', 'PATCH']

/** An organizer who asks with credentials may see a draft; everyone else sees it as missing. */
async function maySeeDrafts(request: Request): Promise<boolean> {
	if (!request.headers.has('Authorization') && !request.headers.has('Cookie')) return false
	try {
		await requireApiRole(request, 'organizer')
		return true
	} catch {
		return false
	}
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const event = findEventBySlug(getDb(), params.slug ?? '')
	if (!event || (event.status === 'draft' && !(await maySeeDrafts(request)))) {
		return apiError(request, 404, 'not_found')
	}
	return Response.json({ event: toEventJson(event, getEnv().PUBLIC_URL) })
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'PATCH') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'organizer')
	const db = getDb()
	const current = findEventBySlug(db, params.slug ?? '')
	if (!current) return apiError(request, 404, 'not_found')
	const body = await readJsonBody(request, EventPatchApiSchema)
	try {
		const event = updateEvent(db, current.id, eventPatchFromApi(body), principal.actor)
		return Response.json({ event: toEventJson(event, getEnv().PUBLIC_URL) })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
