// /applications/{token}/logo: the application's logo or product photo, for the exhibitor's own page.
// The type is the one found in the bytes at upload (never the name the file came with), and
// nosniff keeps browsers from guessing another. The address holds the token, so the browser may
// keep a private copy but no shared cache may; the page adds the picture's hash (?v=) so a
// replaced logo is fetched anew.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { findManagedApplication } from '#app/services/views/application-page.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

const COMMON = {
	'Referrer-Policy': 'no-referrer',
	'X-Robots-Tag': 'noindex, nofollow',
	'X-Content-Type-Options': 'nosniff',
	'Content-Security-Policy': "default-src 'none'; sandbox",
} as const

const notFound = () => errorResponse(404, { ...COMMON, 'Cache-Control': 'private, no-store', 'Content-Type': 'text/plain; charset=utf-8' })

export async function loader({ request, params }: LoaderFunctionArgs) {
	const managed = findManagedApplication(getDb(), params.token ?? '')
	if (!managed?.image) return notFound()
	const { image } = managed
	const etag = `"${image.sha256}"`
	const headers = {
		...COMMON,
		'Cache-Control': 'private, max-age=3600',
		ETag: etag,
		'Content-Type': image.mime,
	}
	if (
		request.headers
			.get('If-None-Match')
			?.split(',')
			.some((tag) => tag.trim() === etag)
	)
		return new Response(null, { status: 304, headers })
	return new Response(new Uint8Array(image.bytes), {
		headers: { ...headers, 'Content-Length': String(image.bytes.length), 'Content-Disposition': 'inline' },
	})
}
