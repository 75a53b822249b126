import { createCookie } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { LanguageDetector } from 'remix-i18next/server'
import { DEFAULT_LOCALE, LOCALES, normalizeLocale, type Locale } from '#app/domain/locale.ts'
import { sharedI18n, type Namespace } from './i18n.ts'

export const localeCookie = createCookie('lang', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	maxAge: 60 * 60 * 24 * 365,
})

// Order: an explicit ?lang= wins, then the remembered choice, then the browser's languages.
const detector = new LanguageDetector({
	supportedLanguages: [...LOCALES],
	fallbackLanguage: DEFAULT_LOCALE,
	searchParamKey: 'lang',
	cookie: localeCookie,
	order: ['searchParams', 'cookie', 'header'],
})

export async function getLocale(request: Request): Promise<Locale> {
	return normalizeLocale(await detector.detect(request)) ?? DEFAULT_LOCALE
}

/** When the request chose a language with ?lang=, the Set-Cookie that remembers it. */
export async function rememberLocaleHeader(request: Request): Promise<string | undefined> {
	const chosen = normalizeLocale(new URL(request.url).searchParams.get('lang'))
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
