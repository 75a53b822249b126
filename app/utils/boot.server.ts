import { ensureBootstrapAdmin } from '#app/services/users.server.ts'
import { getDb } from './db.server.ts'
import { getEnv } from './env.server.ts'

const state = globalThis as unknown as { sajamBooted?: Promise<void> }

/**
 * What the server does once at start: parse the environment (a bad value stops it here),
 * open the database and apply pending migrations, create the first admin if asked to.
 */
export function startBackgroundWork(): Promise<void> {
	state.sajamBooted ??= (async () => {
		const env = getEnv()
		const db = getDb()
		await ensureBootstrapAdmin(db, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
	})()
	return state.sajamBooted
}
