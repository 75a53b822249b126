import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { startBackgroundWork } from '#app/utils/boot.server.ts'
import { sharedI18n } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/i18n.server.ts'

export const streamTimeout = 5_000

// Migrations, the first admin and (later) the outbox worker: once, when the server starts.
// A bad environment or a failed migration stops the process instead of serving broken pages.
startBackgroundWork().catch((error: unknown) => {
	console.error(error)
	process.exit(1)
})

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
) {
	const locale = await getLocale(request)
	const i18n = sharedI18n(locale)
	// Bots and no-JS readers get the whole page at once; browsers get it streamed.
	const readyEvent = isbot(request.headers.get('user-agent') || '') || remixContext.isSpaMode ? 'onAllReady' : 'onShellReady'

	return new Promise((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<I18nextProvider i18n={i18n}>
				<RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} />
			</I18nextProvider>,
			{
				[readyEvent]() {
					shellRendered = true
					const body = new PassThrough()
					const stream = createReadableStreamFromReadable(body)
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					setSecurityHeaders(responseHeaders)
					resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, streamTimeout + 1000)
	})
}

function setSecurityHeaders(headers: Headers) {
	// Everything the pages use comes from our own origin; inline styles for SVG plans only.
	headers.set(
		'Content-Security-Policy',
		"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
	)
	headers.set('X-Content-Type-Options', 'nosniff')
	// A route may ask for less (the ticket pages, whose address is the credential: no-referrer).
	if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'same-origin')
	headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()')
}
