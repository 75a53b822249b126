// Waiting for something that will happen (a mail delivered, a row written): polls a probe until it
// answers, and fails with what was awaited when it does not in time. Not for showing that
// something did NOT happen: assert on the state that would have changed instead.

/** Polls `probe` every `intervalMs` until it answers a truthy value, which it returns; throws after `timeoutMs`. */
export async function waitUntil<T>(
	probe: () => T | undefined | null | false,
	what: string,
	options: { timeoutMs?: number; intervalMs?: number; explain?: () => string } = {},
): Promise<T> {
	const { timeoutMs = 15_000, intervalMs = 50 } = options
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const value = probe()
		if (value) return value
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${options.explain ? `\n${options.explain()}` : ''}`)
		await new Promise((resolve) => setTimeout(resolve, intervalMs))
	}
}
