// Counting failures in a sliding window, per key (an email address, a client IP). Used for the
// login limit: after `max` failures for one key within `windowMs`, that key is held until the
// oldest of them leaves the window. Pure: the caller passes the time and keeps the instance.

export type AttemptLimitOptions = { max: number; windowMs: number }
export type AttemptVerdict = { ok: true } | { ok: false; retryAfterSeconds: number }

export class AttemptLimit {
	private readonly failures = new Map<string, number[]>()
	private lastSweep = 0

	constructor(private readonly options: AttemptLimitOptions) {}

	private recent(key: string, now: number): number[] {
		const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs)
		if (times.length) this.failures.set(key, times)
		else this.failures.delete(key)
		return times
	}

	/** Whether any of these keys is held now; if so, for how long (the longest of them). */
	check(keys: string[], now: number): AttemptVerdict {
		let retryAfterMs = 0
		for (const key of keys) {
			const times = this.recent(key, now)
			if (times.length >= this.options.max) {
				// Held until enough failures leave the window for one more try.
				const freeAt = times[times.length - this.options.max]! + this.options.windowMs
				retryAfterMs = Math.max(retryAfterMs, freeAt - now)
			}
		}
		return retryAfterMs > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { ok: true }
	}

	/** Counts one failure against each key. */
	fail(keys: string[], now: number) {
		this.sweep(now)
		for (const key of keys) this.failures.set(key, [...this.recent(key, now), now])
	}

	/** Forgets a key's failures (a successful login forgets its address, never its IP). */
	clear(key: string) {
		this.failures.delete(key)
	}

	/** Drops keys with nothing left in the window, so memory stays bounded by recent traffic. */
	private sweep(now: number) {
		if (now - this.lastSweep < this.options.windowMs) return
		this.lastSweep = now
		for (const [key, times] of this.failures) if (times[times.length - 1]! <= now - this.options.windowMs) this.failures.delete(key)
	}

	get size() {
		return this.failures.size
	}
}
