// The production server: Express serving the built Remix app and its static files.
// `npm start` runs this. It exists (instead of remix-serve) to hand the routes the client's IP
// address for rate limits, to keep per-request overhead low, and to apply the HTTP rules that
// must hold before any route runs (server/http-layer.mjs: body limits, origin checks, headers).
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import http from 'node:http'
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import proxyaddr from 'proxy-addr'
import { createApiHandler } from './server/direct-routes.mjs'
import { createPageCache } from './server/page-cache.mjs'
import {
	applyResponseHeaders,
	compileTrust,
	countingStream,
	declaredLength,
	drain,
	effectiveHost,
	isSameSiteWrite,
	isUnsafeMethod,
	logClientErrors,
	allowBody,
	pageBodyLimit,
	sendRefusal,
} from './server/http-layer.mjs'

const root = path.dirname(fileURLToPath(import.meta.url))
const buildDir = path.resolve(root, process.env.REMIX_BUILD_DIR ?? 'build')
const build = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)

// The environment as the app validated it (app/utils/env.server.ts): a bad value stops the server
// here with zod's message, and every variable is read in one place.
const { port, host, publicUrl, trustProxy } = build.entry.module.listenerEnv()
// Behind a reverse proxy on the same machine (nginx, Caddy), X-Forwarded-For is the client.
// TRUST_PROXY can name other proxies (Express syntax: "loopback", an address, a hop count).
const trust = compileTrust(trustProxy)
const publicOrigin = new URL(publicUrl).origin
const mode = process.env.NODE_ENV ?? 'production'

/** A refusal page (403, 413) in the reader's language, from the build's catalogs. */
async function refusePage(req, res, status, kind, values) {
	const headers = new Headers()
	for (const name of ['accept-language', 'cookie']) if (typeof req.headers[name] === 'string') headers.set(name, req.headers[name])
	const url = new URL(req.url ?? '/', publicOrigin ?? 'http://localhost')
	await sendRefusal(req, res, await build.entry.module.pageRefusal(new Request(url, { headers }), status, kind, values))
}

function remixHeaders(nodeHeaders) {
	const headers = new Headers()
	for (const [name, values] of Object.entries(nodeHeaders)) {
		if (values === undefined) continue
		if (Array.isArray(values)) for (const value of values) headers.append(name, value)
		else headers.set(name, values)
	}
	return headers
}

async function sendRemixResponse(res, response) {
	res.statusMessage = response.statusText
	res.status(response.status)
	for (const [name, value] of response.headers.entries()) res.append(name, value)
	if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
	if (response.body) await writeReadableStreamToWritable(response.body, res)
	else res.end()
}

/**
 * Remix behind Express, as @remix-run/express does it, with two differences: the body reaches
 * Remix through a counter that answers 413 the moment it passes the page limit (a chunked body
 * has no Content-Length to refuse by), and the load context carries this response's CSP nonce.
 */
const handleRequest = createRequestHandler(build, mode)

function remixHandler() {
	return async (req, res, next) => {
		try {
			const [, forwardedPort] = req.get('X-Forwarded-Host')?.split(':') ?? []
			const [, hostPort] = req.get('host')?.split(':') ?? []
			const portNumber = Number.parseInt(forwardedPort ?? hostPort ?? '', 10)
			const url = new URL(`${req.protocol}://${req.hostname}${Number.isSafeInteger(portNumber) ? `:${portNumber}` : ''}${req.originalUrl}`)
			let controller = new AbortController()
			const init = { method: req.method, headers: remixHeaders(req.headers), signal: controller.signal }
			let tooLarge = false
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				const limit = pageBodyLimit(req)
				const counter = countingStream(limit, () => {
					tooLarge = true
					controller?.abort()
					req.unpipe(counter)
					void refusePage(req, res, 413, 'payload_too_large', { limitBytes: limit })
				})
				allowBody(req, res)
				req.pipe(counter)
				init.body = createReadableStreamFromReadable(counter)
				init.duplex = 'half'
			}
			res.on('finish', () => (controller = null))
			res.on('close', () => controller?.abort())
			const request = new Request(url.href, init)
			const loadContext = { clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown', cspNonce: randomBytes(16).toString('base64') }
			const response = await handleRequest(request, loadContext)
			// A 413 was already answered while the body came in; what Remix made of the rest is moot.
			if (tooLarge || res.headersSent) return void response.body?.cancel().catch(() => {})
			await sendRemixResponse(res, response)
		} catch (error) {
			next(error)
		}
	}
}

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', trust)
app.use(compression())
// Fingerprinted assets never change; everything else in public/ may, except the scanner's ZXing
// reader, whose file name carries its version (scripts/copy-zxing-wasm.mjs).
app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y', index: false }))
app.use(
	express.static(path.join(buildDir, 'client'), {
		maxAge: '1h',
		index: false,
		setHeaders(res, file) {
			if (/\/scanner\/zxing_reader-[^/]+\.wasm$/.test(file)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
		},
	}),
)
app.all('*', remixHandler())

const handleApi = createApiHandler(build, { trustProxy, publicOrigin })

/** The address Remix sees, as Express would make it (protocol and host from a trusted proxy). */
function pageUrl(req) {
	const trusted = trust(req.socket.remoteAddress ?? '', 0)
	const forwardedProto = trusted
		? String(req.headers['x-forwarded-proto'] ?? '')
				.split(',')[0]
				?.trim()
		: ''
	const protocol = req.socket.encrypted ? 'https' : forwardedProto || 'http'
	return `${protocol}://${effectiveHost(req, trust) || 'localhost'}${req.url ?? '/'}`
}

// Anonymous GETs of public pages, answered from the last render while the data is unchanged
// (server/page-cache.mjs, docs/decisions/0011). A HEAD is rendered as the GET it describes.
const pageCache = createPageCache({
	dataVersion: build.entry.module.currentDataVersion,
	render: (req, nonce) =>
		req.url?.startsWith('/api/')
			? handleApi.loaderResponse(req, new URL(pageUrl(req)))
			: handleRequest(new Request(pageUrl(req), { method: 'GET', headers: remixHeaders(req.headers) }), {
					clientIp: proxyaddr(req, trust),
					cspNonce: nonce,
				}),
})

/** The checks every request passes before any route runs. Returns false when it was answered. */
async function admit(req, res) {
	const pathname = (req.url ?? '/').split('?')[0] ?? '/'
	if (pathname.startsWith('/api/') || !isUnsafeMethod(req.method)) return true
	// A page write from another site (or from an opaque origin) is refused here, as a page: Remix's
	// own check would throw and answer a blank 500. Past this point Remix need not check again.
	if (!isSameSiteWrite(req, { trust, publicOrigin })) {
		res.logNote = `origin ${JSON.stringify(String(req.headers.origin ?? `sec-fetch-site ${req.headers['sec-fetch-site']}`))} is not this site`
		await refusePage(req, res, 403, 'forbidden_origin')
		return false
	}
	delete req.headers.origin
	const limit = pageBodyLimit(req)
	if ((declaredLength(req) ?? 0) > limit) {
		await refusePage(req, res, 413, 'payload_too_large', { limitBytes: limit })
		return false
	}
	return true
}

/** GET /healthz without Express, Remix or Fetch objects (the same check as app/routes/healthz.ts). */
async function health(req, res) {
	const result = await build.entry.module.healthCheck()
	const body = JSON.stringify(result)
	res.writeHead(result.ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) })
	res.end(req.method === 'HEAD' ? undefined : body)
}

async function handle(req, res) {
	applyResponseHeaders(req, res)
	if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return health(req, res)
	logClientErrors(req, res)
	try {
		if (!(await admit(req, res))) return
		// A public page from the cache; /api/ (and /healthz) straight to its route module; everything
		// else through Express and Remix.
		if (await pageCache.handle(req, res)) return
		if (!(await handleApi(req, res))) app(req, res)
	} catch (error) {
		console.error(error)
		if (!res.headersSent) res.writeHead(500, { Connection: 'close' }).end()
		drain(req)
	}
}

const server = http.createServer(handle)
// Expect: 100-continue (curl, for bodies over 1 MiB) is answered only once a route is about to
// read the body (allowBody), so a refused body is never sent at all.
server.on('checkContinue', (req, res) => void handle(req, res))
server.listen(port, host, () => {
	console.log(`Sajam listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
})
// Shutdown: stop taking requests, let the mail worker finish the mail on the wire (the rest of its
// batch goes back to the outbox for the next start), then exit; at most 5 s in any case.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		const closed = new Promise((resolve) => server.close(resolve))
		server.closeIdleConnections()
		Promise.all([closed, build.entry.module.stopBackgroundWork()]).then(
			() => process.exit(0),
			(error) => {
				console.error('shutdown:', error)
				process.exit(1)
			},
		)
		setTimeout(() => process.exit(0), 5000).unref()
	})
}
