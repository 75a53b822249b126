import { sql } from 'drizzle-orm'
import { startBackgroundWork } from '#app/utils/boot.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

/**
 * Liveness and database check for the operator's monitoring. Waits for the start-up work (the
 * first admin takes a memory-hard hash, a few hundred ms): "ok" means the server is ready to use.
 */
export async function loader() {
	try {
		await startBackgroundWork()
		getDb().get(sql`select 1`)
		return Response.json({ ok: true, database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return Response.json({ ok: false, database: 'error' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
	}
}
