// The message catalogs' public addresses ("/assets/apply-<hash>.json"), by language and namespace,
// for the pages the browser hydrates (entry.server.tsx preloads them, entry.client.tsx fetches them).
// Apart from i18n.ts: only Vite builds know import.meta.glob (the CLI's esbuild bundle does not).
// Each is a file of its own (vite.config.ts never inlines a catalog), cached for good like the scripts.
import type { Locale } from '#app/domain/locale.ts'

const urls = import.meta.glob<string>('../locales/*/*.json', { query: '?url', import: 'default', eager: true })

/** The address of one catalog. */
export function catalogUrl(locale: Locale, namespace: string): string | undefined {
	return urls[`../locales/${locale}/${namespace}.json`]
}
