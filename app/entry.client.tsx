// First: zod may not compile parsers with `new Function` under the pages' CSP.
import '#app/utils/zod-jitless.ts'
import { RemixBrowser } from '@remix-run/react'
import i18next, { type BackendModule } from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { DEFAULT_LOCALE, normalizeLocale, type Locale } from '#app/domain/locale.ts'
import { i18nOptions, provideI18n } from '#app/utils/i18n.ts'
import { catalogUrl } from '#app/utils/i18n-urls.ts'

async function fetchCatalog(url: string): Promise<Record<string, unknown>> {
	const response = await fetch(url)
	if (!response.ok) throw new Error(`catalog ${url}: ${response.status}`)
	return (await response.json()) as Record<string, unknown>
}

/** Any other namespace or language (a client-side navigation to another page) is fetched when asked for. */
const lazyCatalogs: BackendModule = {
	type: 'backend',
	init() {},
	read(language, namespace, callback) {
		const url = catalogUrl(language as Locale, namespace)
		if (!url) return callback(new Error(`no catalog ${language}/${namespace}`), false)
		fetchCatalog(url).then(
			(data) => callback(null, data),
			(error: Error) => callback(error, false),
		)
	},
}

async function start() {
	// The server wrote the page's language into <html lang> and, as preloads, the catalogs it used.
	const locale = normalizeLocale(document.documentElement.lang) ?? DEFAULT_LOCALE
	const links = [...document.querySelectorAll<HTMLLinkElement>('link[data-i18n-ns]')]
	const bundles = await Promise.all(links.map(async (link) => [link.dataset.i18nNs!, await fetchCatalog(link.href)] as const))
	const i18n = i18next.createInstance()
	await i18n.use(lazyCatalogs).init({
		...i18nOptions,
		// The catalogs agree (tests/unit/catalogs.test.ts): no second language to fetch as a fallback.
		fallbackLng: false,
		lng: locale,
		ns: bundles.map(([namespace]) => namespace),
		resources: { [locale]: Object.fromEntries(bundles) },
		partialBundledLanguages: true,
	})
	provideI18n(() => i18n)
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
}

void start()
