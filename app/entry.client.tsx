// First: zod may not compile parsers with `new Function` under the pages' CSP.
import '#app/utils/zod-jitless.ts'
import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { DEFAULT_LOCALE, normalizeLocale } from '#app/domain/locale.ts'
import { createI18n } from '#app/utils/i18n.ts'

// The server wrote the page's language into <html lang>; the catalogs are bundled.
const i18n = createI18n(normalizeLocale(document.documentElement.lang) ?? DEFAULT_LOCALE)

startTransition(() => {
	hydrateRoot(
		document,
		<I18nextProvider i18n={i18n}>
			<StrictMode>
				<RemixBrowser />
			</StrictMode>
		</I18nextProvider>,
	)
})
