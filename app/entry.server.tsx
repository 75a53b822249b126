import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { healthCheck, startBackgroundWork } from '#app/utils/boot.server.ts'
import { dataVersion, getDb } from '#app/utils/db.server.ts'
import { contentSecurityPolicy, setSecurityHeaders } from '#app/http/http-headers.server.ts'
import { sharedI18n, trackingI18n } from '#app/utils/i18n-catalogs.server.ts'
import { catalogUrl } from '#app/utils/i18n-urls.ts'
import { wantsHydration } from '#app/utils/page-handle.ts'
import { getLocale } from '#app/utils/i18n.server.ts'
import type { Locale } from '#app/domain/locale.ts'
import { NonceProvider } from '#app/utils/nonce.ts'

export { apiRefusal, pageRefusal } from '#app/http/refusals.server.ts'
export { listenerEnv } from '#app/utils/env.server.ts'
export { stopBackgroundWork } from '#app/utils/boot.server.ts'

/** The data's version, for the public page cache in server.mjs (app/utils/db.server.ts). */
export const currentDataVersion = () => dataVersion(getDb())
/** GET /healthz, answered by server.mjs without the Fetch objects (app/routes/healthz.ts is the same). */
export { healthCheck }

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
	// A page the browser hydrates needs the texts it was rendered with, in its language only: the render
	// notes the namespaces it used, and the page tells the browser to fetch just those (decision 0012).
	const hydrated = wantsHydration(remixContext.staticHandlerContext.matches.map((match) => ({ handle: remixContext.routeModules[match.route.id]?.handle })))
	const tracked = hydrated ? trackingI18n(locale) : null
	const i18n = tracked?.i18n ?? sharedI18n(locale)
	// server.mjs makes the nonce; under `remix vite:dev` (no server.mjs) the page makes its own.
	const nonce = typeof loadContext?.cspNonce === 'string' && loadContext.cspNonce ? loadContext.cspNonce : randomBytes(16).toString('base64')
	// Every reader gets the whole page at once, as one buffer (no route defers data, so there is
	// nothing to stream): Remix writes its stream scripts after the document (after </html>, invalid
	// HTML, the Nu checker's fatal error); here they move before </body>, where a browser's parser
	// puts them anyway. A finished page is also what the public-page cache keeps (server/page-cache.mjs).
	return new Promise((resolve, reject) => {
		let shellRendered = false
		const timer = setTimeout(() => abort(), streamTimeout + 1000)
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<I18nextProvider i18n={i18n}>
					<RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
				</I18nextProvider>
			</NonceProvider>,
			{
				nonce: nonce || undefined,
				// A finished Suspense boundary is written in place, however large (React's default moves
				// a boundary over 12.8 kB to the end of the document, as a script).
				progressiveChunkSize: Number.POSITIVE_INFINITY,
				onAllReady() {
					shellRendered = true
					const chunks: Buffer[] = []
					const sink = new Writable({
						write(chunk: Buffer, _encoding, callback) {
							chunks.push(chunk)
							callback()
						},
						final(callback) {
							clearTimeout(timer)
							let body = documentWithTrailerInBody(Buffer.concat(chunks))
							if (tracked) body = withCatalogLinks(body, locale, tracked.used())
							responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
							responseHeaders.set('Content-Length', String(body.length))
							responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' }))
							setSecurityHeaders(responseHeaders)
							// A Buffer is a Uint8Array; the DOM typings of BodyInit do not say so.
							resolve(new Response(body as unknown as BodyInit, { headers: responseHeaders, status: responseStatusCode }))
							callback()
						},
					})
					pipe(sink)
				},
				onShellError(error: unknown) {
					clearTimeout(timer)
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			},
		)
	})
}

const HEAD_END = Buffer.from('</head>')

/**
 * The document with, before </head>, one preload per catalog the render used ("common" always: the
 * titles' site name), which entry.client.tsx fetches before hydrating.
 */
function withCatalogLinks(html: Buffer, locale: Locale, used: ReadonlySet<string>): Buffer {
	const end = html.indexOf(HEAD_END)
	if (end === -1) return html
	const links = [...new Set(['common', ...used])]
		.map((namespace) => [namespace, catalogUrl(locale, namespace)] as const)
		.filter((entry): entry is readonly [string, string] => Boolean(entry[1]))
		.map(([namespace, url]) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${url}" data-i18n-ns="${namespace}"/>`)
		.join('')
	return Buffer.concat([html.subarray(0, end), Buffer.from(links), html.subarray(end)])
}

const DOCUMENT_END = Buffer.from('</body></html>')

/** The document with whatever followed </body></html> (Remix's stream scripts) moved before </body>. */
export function documentWithTrailerInBody(html: Buffer): Buffer {
	const end = html.lastIndexOf(DOCUMENT_END)
	if (end === -1 || end + DOCUMENT_END.length === html.length) return html
	return Buffer.concat([html.subarray(0, end), html.subarray(end + DOCUMENT_END.length), DOCUMENT_END])
}
