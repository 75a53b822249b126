import { useRouteLoaderData } from '@remix-run/react'
import { DEFAULT_LOCALE, type Locale } from '#app/domain/locale.ts'

/** The page's language, as the root loader decided it. */
export function useLocale(): Locale {
	const data = useRouteLoaderData('root') as { locale?: Locale } | undefined
	return data?.locale ?? DEFAULT_LOCALE
}
