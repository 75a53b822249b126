// GET /admin/events/{id}/applications/{applicationId}/logo: an application's logo or product photo
// for the organizers' review, whatever the exhibitor's consents (the public catalogue has its own,
// consent-checked route). The type is the one found in the bytes at upload, never the file's name.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { findApplicationImage } from '#app/services/queries/application-images.server.ts'
import { findApplicationOfEvent } from '#app/services/queries/application-reviews.server.ts'
import { idParam } from '#app/http/api.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { requireAdminFair } from '#app/http/admin-event.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'

// No form here: an anonymous caller goes to the login first, as for the page; then any other
// method than GET is a 405 page with one log line (Remix's own 405 logs a stack trace).
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const id = idParam(params.applicationId)
	const application = id === null ? undefined : findApplicationOfEvent(getDb(), event.id, id)
	const image = application ? findApplicationImage(getDb(), application.id) : undefined
	invariantResponse(image, 404)
	return new Response(new Uint8Array(image.bytes), {
		headers: {
			'Content-Type': image.mime,
			'Content-Length': String(image.bytes.length),
			// Behind a login: never in a shared cache. The address changes with the picture (?v=).
			'Cache-Control': 'private, max-age=3600',
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'",
			'Content-Disposition': 'inline',
		},
	})
}
