import { z } from 'zod'

export const LoginSchema = z.object({
	email: z.string().trim().max(200).pipe(z.email()),
	password: z.string().min(1).max(200),
	redirectTo: z.string().optional(),
})

/** Only our own paths: "/admin/events/3", never "//evil.example" or "https://...". */
export function safeRedirect(to: string | null | undefined, fallback = '/admin'): string {
	if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
	return to
}
