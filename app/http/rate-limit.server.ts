// Per-client limit on public POSTs (registrations, applications, cancellations):
// RATE_LIMIT_PER_MINUTE requests per client IP in a sliding minute; 0 turns it off.
// In memory: one server process is the whole deployment.
import type { AppLoadContext } from '@remix-run/node'
import { getEnv } from '#app/utils/env.server.ts'

const WINDOW_MS = 60_000
const buckets = new Map<string, number[]>()
let lastSweep = 0

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number }

/** The client's address as the server (server.mjs) saw it, behind trusted proxies. */
export function clientIp(context: AppLoadContext | undefined): string {
	const ip = (context as { clientIp?: unknown } | undefined)?.clientIp
	return typeof ip === 'string' && ip ? ip : 'unknown'
}

/** Counts one request from this client and says whether it is within the limit. */
export function takeRateLimit(context: AppLoadContext | undefined, now = Date.now()): RateLimitVerdict {
	const limit = getEnv().RATE_LIMIT_PER_MINUTE
	if (limit === 0) return { ok: true }
	if (now - lastSweep > WINDOW_MS) {
		for (const [key, times] of buckets) if (times[times.length - 1]! <= now - WINDOW_MS) buckets.delete(key)
		lastSweep = now
	}
	const key = clientIp(context)
	const times = (buckets.get(key) ?? []).filter((t) => t > now - WINDOW_MS)
	if (times.length >= limit) {
		buckets.set(key, times)
		return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + WINDOW_MS - now) / 1000)) }
	}
	times.push(now)
	buckets.set(key, times)
	return { ok: true }
}

/**
 * The answer to a refused request (this limit or the login limit): 429, and when to try again.
 * For `data(body, tooManyRequests(seconds))`, or its status and headers for the API's error.
 */
export function tooManyRequests(retryAfterSeconds: number) {
	return { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } } as const
}

/**
 * A page's `headers()`: the headers it starts from (its loader's, or fixed ones), with the
 * action's Retry-After passed on, so a limited POST tells the client when to try again.
 */
export function passRetryAfter(actionHeaders: Headers, base?: HeadersInit): Headers {
	const headers = new Headers(base)
	const retryAfter = actionHeaders.get('Retry-After')
	if (retryAfter) headers.set('Retry-After', retryAfter)
	return headers
}

export function resetRateLimitsForTests() {
	buckets.clear()
}
