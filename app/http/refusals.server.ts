// The answers server.mjs gives before a request reaches Remix or an API route (server/http-layer.mjs):
// a body over the limit (413) and a write from another site (403), as a small page in the reader's
// language or as the API's JSON error. Exported through entry.server.tsx, so the plain-JS server
// can use the catalogs.
import { apiError } from '#app/http/api.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

export type PageRefusal = 'forbidden_origin' | 'payload_too_large'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function formatMiB(bytes: number, locale: string): string {
	const mib = bytes / (1024 * 1024)
	return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mib)} MB`
}

/** A plain page (no scripts) for a refused page request. */
export async function pageRefusal(request: Request, status: 403 | 413, kind: PageRefusal, values: { limitBytes?: number } = {}): Promise<Response> {
	const { locale, t } = await getRequestT(request, 'common')
	const title = kind === 'forbidden_origin' ? t('error.forbiddenTitle') : t('error.tooLargeTitle')
	const text =
		kind === 'forbidden_origin'
			? t('error.forbiddenText')
			: t('error.tooLargeText', { size: formatMiB(values.limitBytes ?? 1024 * 1024, locale === 'en' ? 'en-GB' : `${locale}-RS`) })
	const html = `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${escapeHtml(t('siteName'))}</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;margin:0;background:#fbf7ef;color:#1d2522}main{max-width:36rem;margin:3rem auto;padding:0 1.25rem}.code{color:#0d5447;font-weight:700;font-size:2rem;margin:0}a{display:inline-block;margin-top:1rem;padding:.6rem 1.1rem;background:#0d5447;color:#fff;border-radius:.4rem;text-decoration:none}</style>
</head>
<body>
<main>
<p class="code">${status}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="/">${escapeHtml(t('error.backHome'))}</a></p>
</main>
</body>
</html>
`
	return new Response(html, {
		status,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
			'Cache-Control': 'no-store',
			'Referrer-Policy': 'same-origin',
			Vary: 'Accept-Language, Cookie',
		},
	})
}

/** The JSON API's error body for a refusal made before the route ran. */
export function apiRefusal(request: Request, status: number, code: string): Promise<Response> {
	return apiError(request, status, code, { headers: { 'Cache-Control': 'no-store' } })
}
