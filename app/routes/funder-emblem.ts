// /funder-emblem: the funder's emblem (EU) the admin uploaded in /admin/settings, for the reports,
// the public footer and the settings page. Public (it is on public pages), cacheable: the address
// carries the emblem's hash (?v=), a new emblem is a new address; the ETag answers a revalidation.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { funderEmblem } from '#app/services/queries/site-settings.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'

export const action = methodNotAllowed

export async function loader({ request }: LoaderFunctionArgs) {
	const emblem = funderEmblem(getDb())
	invariantResponse(emblem, 404)
	const etag = `"${emblem.meta.sha256}"`
	const headers = {
		// The type was decided from the bytes when the emblem was uploaded (image-check.ts): PNG or JPEG.
		'Content-Type': emblem.meta.mime,
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Cache-Control': 'public, max-age=3600',
		ETag: etag,
	}
	if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers })
	return new Response(new Uint8Array(emblem.bytes), { headers: { ...headers, 'Content-Length': String(emblem.bytes.length) } })
}
