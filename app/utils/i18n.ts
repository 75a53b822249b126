// The i18next set-up shared by server and browser, without the catalogs themselves: the server
// bundles every catalog (i18n-catalogs.server.ts); the browser fetches only the page's language and
// the namespaces the page used (entry.client.tsx, decision 0012), as JSON files with hashed names.
import type { i18n as I18n } from 'i18next'
import { DEFAULT_LOCALE, LOCALES, type Locale } from '#app/domain/locale.ts'

export const NAMESPACES = [
	'common',
	'public',
	'admin',
	'api',
	'mail',
	'ticket',
	'scan',
	'apply',
	'review',
	'exhibitors',
	'application',
	'fair',
	'plan',
	'allocation',
	'accounts',
	'surveys',
	'survey-templates',
	'survey-admin',
	'survey-results',
	'reports',
	'questions',
	'print',
] as const
export type Namespace = (typeof NAMESPACES)[number]

export const i18nOptions = {
	supportedLngs: [...LOCALES],
	fallbackLng: DEFAULT_LOCALE,
	// "sr-Latn" must not fall back through "sr" (which would mean nothing here).
	load: 'currentOnly' as const,
	nonExplicitSupportedLngs: false,
	defaultNS: 'common' as const,
	interpolation: { escapeValue: false }, // React escapes
	returnNull: false,
	initImmediate: false,
}

let source: ((locale: Locale) => I18n) | undefined

/** The server (every catalog) and the browser (the page's language) each say where instances come from. */
export function provideI18n(from: (locale: Locale) => I18n): void {
	source = from
}

/** The i18next instance for a language (shared; nobody calls changeLanguage on it on the server). */
export function i18nFor(locale: Locale): I18n {
	if (!source) throw new Error('i18n: no catalogs provided yet')
	return source(locale)
}
