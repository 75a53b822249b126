// Guards. Each one either returns who is asking or throws the Response that ends the request:
// a redirect to the login page for pages, a JSON error for the API.
import { createCookie, redirect } from '@remix-run/node'
import type { EventRow, Role, UserRow } from '#db/schema/index.ts'
import { hasRole } from '#app/domain/roles.ts'
import { findActiveToken } from '#app/services/commands/api-tokens.server.ts'
import type { Actor } from '#app/domain/actor.ts'
import { findApplicationEventId } from '#app/services/queries/application-reviews.server.ts'
import { findEventBySlug } from '#app/services/queries/events.server.ts'
import { findFairForOrganizer } from '#app/services/queries/fair-settings.server.ts'
import { SESSION_DAYS, getSessionUser } from '#app/services/commands/users.server.ts'
import { apiError, asApiError, idParam } from '#app/http/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'

let cookie: ReturnType<typeof createCookie> | undefined

export function sessionCookie() {
	const env = getEnv()
	cookie ??= createCookie('sajam_session', {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: env.PUBLIC_URL.startsWith('https://'),
		secrets: [env.SESSION_SECRET],
		maxAge: SESSION_DAYS * 24 * 3600,
	})
	return cookie
}

export async function getSessionId(request: Request): Promise<string | null> {
	const value = await sessionCookie().parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value.length > 0 ? value : null
}

export async function getOptionalUser(request: Request): Promise<UserRow | null> {
	const id = await getSessionId(request)
	return id ? getSessionUser(getDb(), id) : null
}

function loginRedirect(request: Request) {
	const url = new URL(request.url)
	const back = url.pathname + url.search
	return redirect(`/admin/login?redirectTo=${encodeURIComponent(back)}`)
}

/** For /admin pages: the logged-in staff member, or a redirect to the login page. */
export async function requireUser(request: Request): Promise<UserRow> {
	const user = await getOptionalUser(request)
	if (!user) throw loginRedirect(request)
	return user
}

/** For /admin pages that need a role; a user with too little gets 403. */
export async function requireRole(request: Request, role: Role): Promise<UserRow> {
	const user = await requireUser(request)
	invariantResponse(hasRole(user.role, role), 403)
	return user
}

export type ApiPrincipal = { actor: Actor; role: Role; eventId: number | null }

/**
 * For non-public /api routes: a Bearer token, or the session cookie of a logged-in staff member
 * (so the scanner page can call the API). 401 without either, 403 when the role is too low.
 */
export async function requireApiRole(request: Request, role: Role): Promise<ApiPrincipal> {
	const header = request.headers.get('Authorization')
	let principal: ApiPrincipal | null = null
	if (header) {
		const match = /^Bearer\s+(\S+)$/i.exec(header.trim())
		const token = match ? findActiveToken(getDb(), match[1]!) : null
		if (!token) throw await apiError(request, 401, 'unauthorized')
		principal = { actor: { kind: 'token', id: token.id }, role: token.role, eventId: token.eventId }
	} else {
		const user = await getOptionalUser(request)
		if (user) principal = { actor: { kind: 'user', id: user.id }, role: user.role, eventId: null }
	}
	if (!principal) throw await apiError(request, 401, 'unauthorized')
	if (!hasRole(principal.role, role)) throw await apiError(request, 403, 'forbidden')
	return principal
}

/**
 * For /api routes about one event (/api/v1/events/{slug}/...): requireApiRole, then the event.
 * 404 for an unknown event; 403 `wrong_event_token` for a token limited to another event.
 */
export async function requireApiEventRole(request: Request, role: Role, slug: string | undefined): Promise<ApiPrincipal & { event: EventRow }> {
	const principal = await requireApiRole(request, role)
	const event = findEventBySlug(getDb(), slug ?? '')
	if (!event) throw await apiError(request, 404, 'not_found')
	await requireTokenEvent(request, principal, event.id)
	return { ...principal, event }
}

/**
 * For /api routes about one fair (/api/v1/fairs/{slug}/...), after the role: the fair, drafts
 * included (findFairForOrganizer), or 404 `not_found` / `not_a_fair`; 403 `wrong_event_token` for
 * a token limited to another event. Without a principal (a public read) only the lookup. The
 * admin pages' twin is requireAdminFair.
 */
export async function requireApiFair(request: Request, principal: ApiPrincipal | null, slug: string | undefined): Promise<EventRow> {
	let event: EventRow
	try {
		event = findFairForOrganizer(getDb(), slug ?? '')
	} catch (error) {
		throw await asApiError(request, error)
	}
	if (principal) await requireTokenEvent(request, principal, event.id)
	return event
}

/**
 * For /api/v1/applications/{id}/...: the application's id and its fair's; 404 `not_found` for an
 * unknown application (or an id that is not a positive integer), 403 `wrong_event_token` for a
 * token limited to another event.
 */
export async function requireApiApplication(request: Request, principal: ApiPrincipal, idValue: string | undefined): Promise<{ id: number; eventId: number }> {
	const id = idParam(idValue)
	const eventId = id === null ? undefined : findApplicationEventId(getDb(), id)
	if (id === null || eventId === undefined) throw await apiError(request, 404, 'not_found')
	await requireTokenEvent(request, principal, eventId)
	return { id, eventId }
}

/** A token limited to one event acts on that event only: 403 `wrong_event_token` for any other. */
export async function requireTokenEvent(request: Request, principal: ApiPrincipal, eventId: number): Promise<void> {
	if (principal.eventId !== null && principal.eventId !== eventId) throw await apiError(request, 403, 'wrong_event_token')
}

/** A public read that also shows drafts to an organizer who asks with credentials; to anyone else a draft is missing. */
export async function maySeeDrafts(request: Request): Promise<boolean> {
	if (!request.headers.has('Authorization') && !request.headers.has('Cookie')) return false
	try {
		await requireApiRole(request, 'organizer')
		return true
	} catch {
		return false
	}
}
