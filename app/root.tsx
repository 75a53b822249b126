import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
	isRouteErrorResponse,
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	useRouteError,
} from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { SiteFooter, SiteHeader } from '#app/components/site-chrome.tsx'
import { getLocale, rememberLocaleHeader } from '#app/utils/i18n.server.ts'
import styles from '#app/styles/app.css?url'
import { useLocale } from '#app/utils/use-locale.ts'
import { methodNotAllowed } from '#app/utils/page-form.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: styles },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
	{ rel: 'apple-touch-icon', href: '/icon-192.png' },
	{ rel: 'alternate', type: 'text/calendar', href: '/calendar.ics', title: 'Sajam' },
]

// A POST to / (without ?index) lands here: a 405 page with one log line, not Remix's stack trace.
export const action = methodNotAllowed

export async function loader({ request }: LoaderFunctionArgs) {
	const locale = await getLocale(request)
	const setCookie = await rememberLocaleHeader(request)
	return Response.json({ locale }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined)
}

export function Layout({ children }: { children: React.ReactNode }) {
	const locale = useLocale()
	const { i18n } = useTranslation()
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
				<ScrollRestoration />
				<Scripts />
			</body>
		</html>
	)
}

export default function App() {
	return (
		<>
			<SiteHeader />
			<main id="main" className="site-main">
				<Outlet />
			</main>
			<SiteFooter />
		</>
	)
}

/** What the error page says for a status the visitor (or their browser) caused; others are ours. */
const CLIENT_ERRORS: Record<number, { title: string; text: string }> = {
	400: { title: 'error.badRequestTitle', text: 'error.badRequestText' },
	404: { title: 'error.notFoundTitle', text: 'error.notFoundText' },
	405: { title: 'error.methodNotAllowedTitle', text: 'error.methodNotAllowedText' },
	413: { title: 'error.tooLargeTitle', text: 'error.tooLargeText' },
	415: { title: 'error.unsupportedTitle', text: 'error.unsupportedText' },
}

export function ErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const messages = CLIENT_ERRORS[status] ?? { title: 'error.genericTitle', text: 'error.genericText' }
	// A refused request (4xx) was logged once where it was refused; only our own failures are errors.
	if (status >= 500) console.error(error)
	return (
		<>
			<SiteHeader />
			<main id="main" className="site-main">
				<section className="container narrow error-page">
					<p className="error-code">{status}</p>
					<h1>{t(messages.title)}</h1>
					<p>{t(messages.text)}</p>
					<p>
						<a className="button" href="/">
							{t('error.backHome')}
						</a>
					</p>
				</section>
			</main>
			<SiteFooter />
		</>
	)
}
