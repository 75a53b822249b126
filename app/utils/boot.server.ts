import { DRAFT_WINDOW_MS, purgeDraftImages } from '#app/services/commands/application-images.server.ts'
import { sweepApplicationDeadlines } from '#app/services/commands/application-lifecycle.server.ts'
import { createMailer, mailerConfigFromEnv, startMailWorker, type MailWorker } from '#app/services/workers/outbox-delivery.server.ts'
import { sweepReminders } from '#app/services/commands/reminders.server.ts'
import { purgeSurveyTokens } from '#app/services/commands/surveys.server.ts'
import { ensureBootstrapAdmin } from '#app/services/commands/users.server.ts'
import { getDb } from './db.server.ts'
import { getEnv } from './env.server.ts'

const state = globalThis as unknown as { sajamBooted?: Promise<void>; sajamMailWorker?: MailWorker; sajamDeadlineTimer?: NodeJS.Timeout }

/** Confirmation reminders and missed deadlines are checked this often (a minute late is fine). */
const DEADLINE_SWEEP_INTERVAL_MS = 60_000

/**
 * What the server does once at start: parse the environment (a bad value stops it here),
 * open the database and apply pending migrations, create the first admin if asked to, and start
 * delivering the outbox (woken by new mail, and every few seconds for retries; its timer does
 * not keep the process alive). A shutdown goes through stopBackgroundWork.
 */
export function startBackgroundWork(): Promise<void> {
	state.sajamBooted ??= (async () => {
		const env = getEnv()
		const db = getDb()
		await ensureBootstrapAdmin(db, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
		state.sajamMailWorker ??= startMailWorker(db, createMailer(mailerConfigFromEnv(env)))
		state.sajamDeadlineTimer ??= startDeadlineSweep(db)
	})()
	return state.sajamBooted
}

/**
 * Liveness and database check for the operator's monitoring (GET /healthz). Waits for the start-up
 * work (the first admin takes a memory-hard hash, a few hundred ms): ok means ready to use.
 */
export async function healthCheck(): Promise<{ ok: boolean; database: 'ok' | 'error' }> {
	try {
		await startBackgroundWork()
		getDb().$client.prepare('select 1').get()
		return { ok: true, database: 'ok' }
	} catch {
		return { ok: false, database: 'error' }
	}
}

function startDeadlineSweep(db: ReturnType<typeof getDb>) {
	let remindersRunning = false
	const sweep = () => {
		try {
			sweepApplicationDeadlines(db)
			purgeDraftImages(db, new Date(Date.now() - DRAFT_WINDOW_MS))
			purgeSurveyTokens(db)
		} catch (error) {
			// A failed sweep changes nothing (one transaction each); the next minute tries again.
			console.error('application deadline sweep failed:', error)
		}
		// Reminders, thank-yous and setup reminders: in batches, yielding between them; one run at a time.
		if (!remindersRunning) {
			remindersRunning = true
			sweepReminders(db)
				.catch((error) => console.error('reminder sweep failed:', error))
				.finally(() => (remindersRunning = false))
		}
	}
	setImmediate(sweep)
	const timer = setInterval(sweep, DEADLINE_SWEEP_INTERVAL_MS)
	timer.unref()
	return timer
}

/**
 * For a shutdown (SIGTERM, SIGINT): no new sweep, and the mail worker finishes the mail it is
 * sending and gives the rest of its batch back, so the next start sends each of them exactly once.
 * (A process killed outright leaves its batch claimed; it is retried when the lease runs out, and
 * the one mail that was on the wire may arrive twice, under the same Message-ID.)
 */
export async function stopBackgroundWork(): Promise<void> {
	if (state.sajamDeadlineTimer) clearInterval(state.sajamDeadlineTimer)
	await state.sajamMailWorker?.stop()
}

/** Delivers at once instead of at the worker's next tick (e.g. after an organizer's resend). */
export function kickMailWorker() {
	state.sajamMailWorker?.kick()
}
