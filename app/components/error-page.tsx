// The error page's message: which status, what it means for the reader, the way back. The root
// ErrorBoundary wraps it in the site's header and footer; a route's own boundary (the private links)
// shows it inside the page for the statuses it has nothing better to say about.
import { isRouteErrorResponse } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '#app/domain/locale.ts'
import { i18nFor } from '#app/utils/i18n.ts'
import { pageTitle } from '#app/utils/page-title.ts'

/** What the page says for a status the visitor (or their browser) caused; any other is ours. */
const CLIENT_ERRORS: Record<number, { title: string; text: string }> = {
	400: { title: 'error.badRequestTitle', text: 'error.badRequestText' },
	404: { title: 'error.notFoundTitle', text: 'error.notFoundText' },
	405: { title: 'error.methodNotAllowedTitle', text: 'error.methodNotAllowedText' },
	413: { title: 'error.tooLargeTitle', text: 'error.tooLargeText' },
	415: { title: 'error.unsupportedTitle', text: 'error.unsupportedText' },
}

/** The error page's <title> ("Page not found · Sajam") in the reader's language. */
export function errorPageTitle(error: unknown, locale: Locale): string {
	const status = isRouteErrorResponse(error) ? error.status : 500
	const key = (CLIENT_ERRORS[status] ?? { title: 'error.genericTitle' }).title
	return pageTitle(locale, i18nFor(locale).getFixedT(locale, 'common')(key))
}

export function ErrorMessage({ error }: { error: unknown }) {
	const { t } = useTranslation('common')
	const status = isRouteErrorResponse(error) ? error.status : 500
	const messages = CLIENT_ERRORS[status] ?? { title: 'error.genericTitle', text: 'error.genericText' }
	// A refused request (4xx) was logged once where it was refused; only our own failures are errors.
	if (status >= 500) console.error(error)
	return (
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
	)
}
