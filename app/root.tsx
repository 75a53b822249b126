// First: zod must know it may not compile parsers before any schema is built in the browser.
import '#app/utils/zod-jitless.ts'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError } from '@remix-run/react'
import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage, errorPageTitle } from '#app/components/error-page.tsx'
import { metaLocale } from '#app/utils/page-title.ts'
import { wantsHydration } from '#app/utils/page-handle.ts'
import { SiteFooter, SiteHeader } from '#app/components/site-chrome.tsx'
import { getLocale, rememberLocaleHeader } from '#app/utils/i18n.server.ts'
import styles from '#app/styles/app.css?url'
import { useNonce } from '#app/utils/nonce.ts'
import { useLocale } from '#app/utils/use-locale.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { centerContact, funderVisibility } from '#app/services/queries/site-settings.server.ts'
import { funderBlockView } from '#app/domain/funder-visibility.ts'
import { addressFor } from '#app/domain/center-contact-address.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: styles },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
	{ rel: 'apple-touch-icon', href: '/icon-192.png' },
	{ rel: 'alternate', type: 'text/calendar', href: '/calendar.ics', title: 'Sajam' },
]

// The error page's title (a route's own meta names every other page).
export const meta: MetaFunction<typeof loader> = ({ error, matches }) => (error ? [{ title: errorPageTitle(error, metaLocale(matches)) }] : [])

// A POST to / (without ?index) lands here: a 405 page with one log line, not Remix's stack trace.
export const action = methodNotAllowed

export async function loader({ request }: LoaderFunctionArgs) {
	const locale = await getLocale(request)
	const setCookie = await rememberLocaleHeader(request)
	// The Center's contact, in the footer of every page; the address already in the page's script
	// (so the browser needs no transliteration code, decision 0012).
	const stored = centerContact(getDb(), getEnv())
	const contact = stored?.address ? { ...stored, address: addressFor(stored.address, locale) } : stored
	// The funder's visibility block, when the admin ticked it for the footer of public pages.
	const funderSettings = funderVisibility(getDb())
	const funder = funderSettings.showPublic ? funderBlockView(funderSettings, locale) : null
	return Response.json({ locale, contact, funder }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined)
}

export function Layout({ children }: { children: React.ReactNode }) {
	const locale = useLocale()
	const { i18n } = useTranslation()
	const nonce = useNonce()
	// A page whose route says it needs no JavaScript (STATIC_PAGE) gets none: no runtime, no inline script.
	const hydrate = wantsHydration(useMatches())
	// Keep the browser's i18next on the page's language after client-side navigation.
	useEffect(() => {
		if (i18n.language !== locale) void i18n.changeLanguage(locale)
	}, [locale, i18n])
	return (
		<html lang={locale} dir="ltr">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="theme-color" content="#0d5447" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				{hydrate ? (
					<>
						<ScrollRestoration nonce={nonce} />
						<Scripts nonce={nonce} />
					</>
				) : null}
			</body>
		</html>
	)
}

export default function App() {
	// A page (or the footer's funder block) may need a catalog the browser has not fetched yet
	// (decision 0012): its useTranslation suspends until it arrives. This boundary catches that, so
	// an update React renders synchronously cannot unwind to the root with no tree to show (React
	// error 345); in a navigation's transition the old page simply stays until the catalog is in.
	return (
		<Suspense fallback={null}>
			<SiteHeader />
			<main id="main" className="site-main">
				<Outlet />
			</main>
			<SiteFooter />
		</Suspense>
	)
}

export function ErrorBoundary() {
	const error = useRouteError()
	return (
		<>
			<SiteHeader />
			<main id="main" className="site-main">
				<ErrorMessage error={error} />
			</main>
			<SiteFooter />
		</>
	)
}
