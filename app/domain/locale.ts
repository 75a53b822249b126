/** The languages Sajam speaks. Serbian Latin is the Center's working script and the default. */
export const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'sr-Latn'
export const TIME_ZONE = 'Europe/Belgrade'

/** Plain "sr" formats in Cyrillic in Intl, so the region and script are always spelled out. */
export const INTL_TAG: Record<Locale, string> = {
	'sr-Latn': 'sr-Latn-RS',
	'sr-Cyrl': 'sr-Cyrl-RS',
	en: 'en-GB',
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Accepts loose spellings people and programs send: "sr", "sr-latn", "sr-RS", "en-US"... */
export function normalizeLocale(value: string | null | undefined): Locale | undefined {
	if (!value) return undefined
	const v = value.trim().toLowerCase()
	if (v === 'sr-cyrl' || v.startsWith('sr-cyrl-')) return 'sr-Cyrl'
	if (v === 'sr' || v.startsWith('sr-')) return 'sr-Latn'
	if (v === 'en' || v.startsWith('en-')) return 'en'
	return undefined
}
