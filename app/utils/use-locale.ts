import { useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LOCALE, normalizeLocale, type Locale } from '#app/domain/locale.ts'

/**
 * The page's language, as the root loader decided it. On an error page caught by the root (its
 * loader did not run) it is the language the server rendered the messages in.
 */
export function useLocale(): Locale {
	const data = useRouteLoaderData('root') as { locale?: Locale } | undefined
	const { i18n } = useTranslation()
	return data?.locale ?? normalizeLocale(i18n.language) ?? DEFAULT_LOCALE
}
