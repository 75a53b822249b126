import { randomBytes } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { startBackgroundWork } from '#app/utils/boot.server.ts'
import { contentSecurityPolicy, setSecurityHeaders } from '#app/http/http-headers.server.ts'
import { sharedI18n } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/i18n.server.ts'
import { NonceProvider } from '#app/utils/nonce.ts'

export { apiRefusal, pageRefusal } from '#app/http/refusals.server.ts'
export { listenerEnv } from '#app/utils/env.server.ts'
export { stopBackgroundWork } from '#app/utils/boot.server.ts'

export const streamTimeout = 5_000

// Migrations, the first admin and (later) the outbox worker: once, when the server starts.
// A bad environment or a failed migration stops the process instead of serving broken pages.
startBackgroundWork().catch((error: unknown) => {
	console.error(error)
	process.exit(1)
})

/**
 * What Remix logs. A refusal (404, 403, any 4xx thrown as a Response) is the client's doing:
 * server.mjs writes one line for it (method, path, status), so nothing here. A request the client
 * abandoned is not an error either. Everything else is a bug, with its stack.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
	if (request.signal.aborted) return
	if (isRouteErrorResponse(error) && error.status < 500) return
	console.error(isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error)
}

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const locale = await getLocale(request)
	const i18n = sharedI18n(locale)
	// server.mjs makes the nonce; under `remix vite:dev` (no server.mjs) the page makes its own.
	const nonce = typeof loadContext?.cspNonce === 'string' && loadContext.cspNonce ? loadContext.cspNonce : randomBytes(16).toString('base64')
	// Bots and no-JS readers get the whole page at once; browsers get it streamed.
	const readyEvent = isbot(request.headers.get('user-agent') || '') || remixContext.isSpaMode ? 'onAllReady' : 'onShellReady'

	return new Promise((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<I18nextProvider i18n={i18n}>
					<RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
				</I18nextProvider>
			</NonceProvider>,
			{
				nonce: nonce || undefined,
				[readyEvent]() {
					shellRendered = true
					const body = new PassThrough()
					const stream = createReadableStreamFromReadable(body)
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' }))
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
