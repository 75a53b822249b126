// /fairs/{slug}/map/background: the venue image under a fair's floor plan. Public once the plan is
// published (the map shows it); before that only for organizers (the plan editor shows it).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { hasRole } from '#app/domain/roles.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findFairForOrganizer } from '#app/services/queries/fair-settings.server.ts'
import { getPlanBackground, getPlanInfo } from '#app/services/queries/floor-plan.server.ts'
import { getOptionalUser } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { errorResponse, invariantResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export async function loader({ params, request }: LoaderFunctionArgs) {
	const db = getDb()
	let event
	try {
		event = findFairForOrganizer(db, params.slug ?? '')
	} catch (error) {
		if (error instanceof ServiceError) throw errorResponse(404)
		throw error
	}
	const isPublic = event.status !== 'draft' && getPlanInfo(db, event.id).publishedAt !== null
	if (!isPublic) {
		const user = await getOptionalUser(request)
		invariantResponse(user && hasRole(user.role, 'organizer'), 404)
	}
	const image = getPlanBackground(db, event.id)
	invariantResponse(image, 404)
	const etag = `"${image.updatedAt.getTime().toString(36)}-${image.bytes.length}"`
	const headers = {
		// The type was decided from the bytes at upload (image-check.ts).
		'Content-Type': image.mime,
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Cache-Control': isPublic ? 'public, max-age=300' : 'private, no-store',
		ETag: etag,
	}
	if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers })
	return new Response(new Uint8Array(image.bytes), { headers: { ...headers, 'Content-Length': String(image.bytes.length) } })
}
