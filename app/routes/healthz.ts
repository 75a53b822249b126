import { sql } from 'drizzle-orm'
import { getDb } from '#app/utils/db.server.ts'
import { methodNotAllowed } from '#app/utils/page-form.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

/** Liveness and database check for the operator's monitoring. */
export function loader() {
	try {
		getDb().get(sql`select 1`)
		return Response.json({ ok: true, database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return Response.json({ ok: false, database: 'error' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
	}
}
