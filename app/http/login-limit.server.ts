// The login limit (CONTRACT.md, Security behaviour): after 10 failed logins for one address or
// from one client IP within 15 minutes, that address or client gets 429 with Retry-After, and a
// correct password does not get through until it passes. The same window holds "forgot password"
// requests, so the reset mail cannot be used to flood someone's inbox.
// In memory: one server process is the whole deployment; a restart forgets (acceptable: it takes
// minutes to restart, and the attacker gains ten guesses).
import type { AppLoadContext } from '@remix-run/node'
import { AttemptLimit, type AttemptVerdict } from '#app/domain/attempt-limit.ts'
import { clientIp } from '#app/http/rate-limit.server.ts'

const WINDOW_MS = 15 * 60_000
const logins = new AttemptLimit({ max: 10, windowMs: WINDOW_MS })
const resets = new AttemptLimit({ max: 5, windowMs: WINDOW_MS })

const keysOf = (email: string, context: AppLoadContext | undefined) => [`email:${email.trim().toLowerCase()}`, `ip:${clientIp(context)}`]

export function checkLoginLimit(email: string, context: AppLoadContext | undefined, now = Date.now()): AttemptVerdict {
	return logins.check(keysOf(email, context), now)
}

export function recordLoginFailure(email: string, context: AppLoadContext | undefined, now = Date.now()) {
	logins.fail(keysOf(email, context), now)
}

export function recordLoginSuccess(email: string) {
	logins.clear(`email:${email.trim().toLowerCase()}`)
}

/** Counts a "forgot password" request; refuses the sixth within the window for one address or client. */
export function takePasswordResetAttempt(email: string, context: AppLoadContext | undefined, now = Date.now()): AttemptVerdict {
	const keys = keysOf(email, context)
	const verdict = resets.check(keys, now)
	if (verdict.ok) resets.fail(keys, now)
	return verdict
}
