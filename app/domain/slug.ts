import { z } from 'zod'
import { cyrillicToLatin } from './transliterate.ts'

const ASCII: Record<string, string> = { č: 'c', ć: 'c', đ: 'dj', š: 's', ž: 'z' }

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** An event's slug as a form or a body gives it (the message is the catalog's common:validation.slug). */
export const SlugSchema = z
	.string()
	.trim()
	.toLowerCase()
	.min(2)
	.max(80)
	.refine((v) => SLUG_PATTERN.test(v), { params: { key: 'slug' } })

/** "Mini-sajam socijalnog preduzetništva 2026" → "mini-sajam-socijalnog-preduzetnistva-2026" */
export function slugify(text: string, maxLength = 60): string {
	const ascii = cyrillicToLatin(text)
		.toLowerCase()
		.replace(/[čćđšž]/g, (ch) => ASCII[ch] ?? ch)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
	const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
	return slug.slice(0, maxLength).replace(/-+$/, '') || 'dogadjaj'
}

/** The slug itself when free, else slug-2, slug-3... */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
	if (!isTaken(base)) return base
	for (let n = 2; ; n++) {
		const candidate = `${base}-${n}`
		if (!isTaken(candidate)) return candidate
	}
}
