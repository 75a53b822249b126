import { createCookie } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { LanguageDetector } from 'remix-i18next/server'
import { DEFAULT_LOCALE, LOCALES, normalizeLocale, type Locale } from '#app/domain/locale.ts'
import { findApplicationByManageToken } from '#app/services/queries/applications.server.ts'
import { findByManageToken } from '#app/services/queries/registrations.server.ts'
import { getDb } from './db.server.ts'
import { sharedI18n, type Namespace } from './i18n-catalogs.server.ts'

export const localeCookie = createCookie('lang', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	maxAge: 60 * 60 * 24 * 365,
})

// Order: an explicit ?lang= wins, then (on a private link) the language its owner chose, then the
// remembered choice, then the browser's languages.
const detector = new LanguageDetector({
	supportedLanguages: [...LOCALES],
	fallbackLanguage: DEFAULT_LOCALE,
	searchParamKey: 'lang',
	cookie: localeCookie,
	order: ['searchParams', 'cookie', 'header'],
})

/** /tickets/{token}… and /applications/{token}… (the page, its files, its edit page). */
const PRIVATE_LINK = /^\/(tickets|applications)\/([A-Za-z0-9_-]+)(?:[/.]|$)/

/**
 * The language the owner of a private link chose when they registered or applied; undefined for
 * any other address or an unknown link. The one place the private-link pages learn their language.
 */
export function privateLinkLocale(pathname: string): Locale | undefined {
	const match = PRIVATE_LINK.exec(pathname)
	if (!match) return undefined
	const [, kind, token] = match
	const owner = kind === 'tickets' ? findByManageToken(getDb(), token!) : findApplicationByManageToken(getDb(), token!)
	return normalizeLocale(owner?.locale)
}

/** The language of the answer to this request (the page, a file, a message). */
export async function getLocale(request: Request): Promise<Locale> {
	const url = new URL(request.url)
	const asked = normalizeLocale(url.searchParams.get('lang'))
	if (asked) return asked
	return privateLinkLocale(url.pathname) ?? normalizeLocale(await detector.detect(request)) ?? DEFAULT_LOCALE
}

/** The language the request chose with ?lang=, if any: a private page keeps it in its own links. */
export function explicitLocale(request: Request): Locale | undefined {
	return normalizeLocale(new URL(request.url).searchParams.get('lang'))
}

/** `href` with `lang=` added when the reader chose a language other than the link owner's. */
export function withLang(href: string, lang: Locale | undefined): string {
	if (!lang) return href
	return `${href}${href.includes('?') ? '&' : '?'}lang=${lang}`
}

/** When the request chose a language with ?lang=, the Set-Cookie that remembers it. */
export async function rememberLocaleHeader(request: Request): Promise<string | undefined> {
	const chosen = explicitLocale(request)
	if (!chosen) return undefined
	return localeCookie.serialize(chosen)
}

export function getT(locale: Locale, ns: Namespace | Namespace[] = 'common'): TFunction {
	return sharedI18n(locale).getFixedT(locale, ns)
}

export async function getRequestT(request: Request, ns: Namespace | Namespace[] = 'common') {
	const locale = await getLocale(request)
	return { locale, t: getT(locale, ns) }
}
