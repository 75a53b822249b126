import { healthCheck } from '#app/utils/boot.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

/**
 * Liveness and database check for the operator's monitoring: "ok" means the server is ready to
 * use. server.mjs answers GET /healthz itself with the same check (no Request/Response objects);
 * this route is what Remix would answer (and what the guard test lists).
 */
export async function loader() {
	const health = await healthCheck()
	return Response.json(health, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
