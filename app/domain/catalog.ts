import { latinToCyrillic } from './transliterate.ts'

export type Catalog = { [key: string]: string | Catalog }

/** Keys whose values are names of languages in their own script: never transliterated. */
const KEEP_AS_WRITTEN = new Set(['language.sr-Latn', 'language.en'])

export function deriveCyrillicCatalog(latin: Catalog, prefix = ''): Catalog {
	const out: Catalog = {}
	for (const [key, value] of Object.entries(latin)) {
		const full = prefix ? `${prefix}.${key}` : key
		if (typeof value === 'string') out[key] = KEEP_AS_WRITTEN.has(full) ? value : latinToCyrillic(value)
		else out[key] = deriveCyrillicCatalog(value, full)
	}
	return out
}

/** Every leaf key of a catalog, dotted: "nav.events". */
export function catalogKeys(catalog: Catalog, prefix = ''): string[] {
	return Object.entries(catalog).flatMap(([key, value]) => {
		const full = prefix ? `${prefix}.${key}` : key
		return typeof value === 'string' ? [full] : catalogKeys(value, full)
	})
}
