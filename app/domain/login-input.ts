import { z } from 'zod'

export const LoginSchema = z.object({
	email: z.string().trim().max(200).pipe(z.email()),
	password: z.string().min(1).max(200),
	redirectTo: z.string().optional(),
})

const PROBE_ORIGIN = 'http://x'

/**
 * Only a path on this site: "/admin/events/3?tab=x" stays; "//evil.example", "/\\evil",
 * "/\t/evil.example" (browsers drop tabs and newlines), "https://…", "javascript:…" and anything
 * that does not parse become `fallback`. Decided the way a browser would read the value: parsed
 * against a probe origin, and kept only if it stays on that origin. Never throws.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/admin'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2000) return fallback
	let url: URL
	try {
		url = new URL(to, PROBE_ORIGIN)
	} catch {
		return fallback
	}
	if (url.origin !== PROBE_ORIGIN) return fallback
	// Re-serialized by the parser: no raw control characters or backslashes reach a Location header.
	const path = url.pathname + url.search + url.hash
	return path.startsWith('/') && !path.startsWith('//') ? path : fallback
}
