// A page's <title> is "what the page is · the site's name", and the site's name is in the reader's
// script: "… · Sajam" in Latin and English, "… · Сајам" in Cyrillic. One helper, so no page ends a
// Cyrillic title in Latin.
import { DEFAULT_LOCALE, normalizeLocale, type Locale } from '#app/domain/locale.ts'
import { i18nFor } from '#app/utils/i18n.ts'

/** The site's name ("Sajam", "Сајам") in the reader's language. */
export function siteName(locale: Locale): string {
	return String(i18nFor(locale).getResource(locale, 'common', 'siteName'))
}

/** "part · part · site name"; empty parts are left out, so no data gives just the site's name. */
export function pageTitle(locale: Locale, ...parts: (string | null | undefined)[]): string {
	return [...parts.filter((part): part is string => Boolean(part)), siteName(locale)].join(' · ')
}

/** The reader's language inside a route's `meta`, from the root loader's data. */
export function metaLocale(matches: readonly { id: string; data?: unknown }[]): Locale {
	const root = matches.find((match) => match.id === 'root')?.data as { locale?: string } | undefined
	return normalizeLocale(root?.locale) ?? DEFAULT_LOCALE
}
