// /fairs/{slug}/exhibitors/{id}/logo: an exhibitor's logo or product photo, for the public
// catalogue. Only for an application in that fair's catalogue (accepted, released, consented, not
// withdrawn): anything else is 404, so ids cannot be walked to see other applicants' images.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { findApplicationImage } from '#app/services/queries/application-images.server.ts'
import { findCatalogueFair, isInCatalogue } from '#app/services/queries/exhibitors.server.ts'
import { idParam } from '#app/http/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export async function loader({ params, request }: LoaderFunctionArgs) {
	const db = getDb()
	const fair = findCatalogueFair(db, params.slug ?? '')
	const id = idParam(params.id)
	invariantResponse(fair && id !== null && isInCatalogue(db, fair.event.id, id), 404)
	const image = findApplicationImage(db, id)
	invariantResponse(image, 404)
	const etag = `"${image.sha256}"`
	const headers = {
		// The type was decided from the bytes when the image was uploaded (image-check.ts).
		'Content-Type': image.mime,
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Cache-Control': 'public, max-age=300',
		ETag: etag,
	}
	if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers })
	return new Response(new Uint8Array(image.bytes), { headers: { ...headers, 'Content-Length': String(image.bytes.length) } })
}
