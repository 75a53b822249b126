// Browsers ask for /favicon.ico on their own; the icon is an SVG.
import { methodNotAllowed } from '#app/http/page-form.server.ts'

// Any other method than GET is a 405 with one log line (Remix's own 405 logs a stack trace).
export const action = methodNotAllowed

export function loader() {
	return new Response(null, { status: 301, headers: { Location: '/favicon.svg', 'Cache-Control': 'public, max-age=86400' } })
}
