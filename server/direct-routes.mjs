// Fast path for the JSON API: requests under /api/ go straight to the route module's loader or
// action, skipping Express and Remix's document machinery (route ranking, request cloning,
// single-fetch handling). The route modules are the same ones Remix serves, so guards, parsing
// and services are untouched; only the dispatch is shorter. See docs/decisions/0004.
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import proxyaddr from 'proxy-addr'
import {
	allowBody,
	compileTrust,
	declaredLength,
	isCookieAuthenticated,
	isJsonContentType,
	isSameSiteWrite,
	isUnsafeMethod,
	LIMITS,
	sendRefusal,
} from './http-layer.mjs'

const gzipAsync = promisify(gzip)

/** Answers smaller than this go as they are: compressing them costs more than it saves. */
export const GZIP_FROM_BYTES = 8 * 1024

/** Whether an Accept-Encoding takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header) {
	if (typeof header !== 'string') return false
	return header.split(',').some((part) => {
		const [coding, ...params] = part.trim().toLowerCase().split(';')
		if (coding !== 'gzip' && coding !== '*') return false
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
		return !q || Number(q.slice(2)) > 0
	})
}

/** The build's resource routes (no component) under api/, with their full paths compiled. */
export function compileApiRoutes(build) {
	const routes = build.routes
	const fullPath = (id) => {
		const route = routes[id]
		const own = route.path ?? ''
		const parent = route.parentId && route.parentId !== 'root' ? fullPath(route.parentId) : ''
		return [parent, own].filter(Boolean).join('/')
	}
	const compiled = []
	for (const [id, route] of Object.entries(routes)) {
		if (route.module.default || route.index) continue
		const path = fullPath(id)
		if (!path.startsWith('api/')) continue
		const names = []
		const segments = path.split('/')
		const pattern = segments
			.map((segment) => {
				if (segment === '*') {
					names.push('*')
					return '(.*)'
				}
				if (segment.startsWith(':')) {
					names.push(segment.slice(1))
					return '([^/]+)'
				}
				return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			})
			.join('/')
		// Static segments outrank parameters, parameters outrank a splat (as in Remix's ranking).
		const score = segments.reduce((s, seg) => s + (seg === '*' ? -2 : seg.startsWith(':') ? 3 : 10), 0)
		compiled.push({ id, module: route.module, regex: new RegExp(`^/${pattern}/?$`), names, score })
	}
	return compiled.sort((a, b) => b.score - a.score)
}

export function matchApiRoute(compiled, pathname) {
	for (const route of compiled) {
		const match = route.regex.exec(pathname)
		if (!match) continue
		const params = {}
		route.names.forEach((name, i) => {
			try {
				params[name] = decodeURIComponent(match[i + 1])
			} catch {
				params[name] = match[i + 1]
			}
		})
		return { route, params }
	}
	return null
}

/** The body, or null as soon as it passes `limit` bytes (the rest is then left to drain, never kept). */
function readBody(req, limit) {
	return new Promise((resolve, reject) => {
		const chunks = []
		let size = 0
		const onData = (chunk) => {
			size += chunk.length
			if (size > limit) {
				req.off('data', onData)
				chunks.length = 0
				resolve(null)
				return
			}
			chunks.push(chunk)
		}
		req.on('data', onData)
		req.on('end', () => resolve(Buffer.concat(chunks)))
		req.on('error', reject)
	})
}

const isJson = (headers) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(headers.get('content-type') ?? '') || !headers.has('content-type')

/**
 * A Request whose body is already in memory. undici would wrap it in a web stream only for the
 * route to read it back at once; that was a tenth of an API call's CPU. text(), json() and
 * arrayBuffer() answer from the buffer (once, like a real body).
 */
class BufferedRequest extends Request {
	#body
	constructor(url, init, body) {
		super(url, init)
		this.#body = body
	}
	#take() {
		if (this.#body === null) return Promise.reject(new TypeError('Body is unusable: Body has already been read'))
		const body = this.#body
		this.#body = null
		return Promise.resolve(body)
	}
	get bodyUsed() {
		return this.#body === null
	}
	text() {
		return this.#take().then((body) => body.toString('utf8'))
	}
	json() {
		return this.text().then(JSON.parse)
	}
	arrayBuffer() {
		return this.#take().then((body) => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength))
	}
}

/** A request handler for node:http that answers /api/ requests, or returns false. */
export function createApiHandler(build, { trustProxy = 'loopback', publicOrigin = null } = {}) {
	const compiled = compileApiRoutes(build)
	const trust = compileTrust(trustProxy)
	/** The API's JSON error for a request refused before its route ran (localized by the build). */
	const refuse = async (req, res, url, status, code) => {
		const headers = new Headers()
		for (const name of ['accept-language', 'cookie']) if (typeof req.headers[name] === 'string') headers.set(name, req.headers[name])
		await sendRefusal(req, res, await build.entry.module.apiRefusal(new Request(url, { headers }), status, code))
		return true
	}
	/** The answer of a GET route's loader to this request, as a Response (for the public page cache). */
	async function loaderResponse(req, url) {
		const found = matchApiRoute(compiled, url.pathname)
		if (!found?.route.module.loader) return new Response(null, { status: 404 })
		const request = new Request(url, { method: 'GET', headers: nodeHeaders(req) })
		try {
			const result = await found.route.module.loader({ request, params: found.params, context: { clientIp: proxyaddr(req, trust) } })
			return result instanceof Response ? result : Response.json(result)
		} catch (error) {
			if (error instanceof Response) return error
			console.error(error)
			return Response.json({ error: 'internal', message: 'Internal error' }, { status: 500 })
		}
	}
	async function handleApi(req, res) {
		const host = req.headers.host ?? 'localhost'
		let url
		try {
			url = new URL(req.url ?? '/', `http://${host}`)
		} catch {
			return false
		}
		if (!url.pathname.startsWith('/api/')) return false
		const found = matchApiRoute(compiled, url.pathname)
		if (!found) return false
		const method = req.method ?? 'GET'
		if (isUnsafeMethod(method)) {
			// A browser's session cookie is sent by any page of the same site: a write carried by the
			// cookie must come from our own pages (Origin), and as JSON, which no plain form can send.
			if (isCookieAuthenticated(req)) {
				if (!isSameSiteWrite(req, { trust, publicOrigin, strictFetchSite: true })) {
					res.logNote = `cookie write from origin ${JSON.stringify(String(req.headers.origin ?? `sec-fetch-site ${req.headers['sec-fetch-site']}`))}`
					return refuse(req, res, url, 403, 'forbidden_origin')
				}
				if (!isJsonContentType(req.headers['content-type'])) return refuse(req, res, url, 415, 'unsupported_media_type')
			}
		}
		const limit = typeof found.route.module.maxBodyBytes === 'number' ? found.route.module.maxBodyBytes : LIMITS.api
		if (method !== 'GET' && method !== 'HEAD' && (declaredLength(req) ?? 0) > limit) return refuse(req, res, url, 413, 'payload_too_large')
		const controller = new AbortController()
		// Only a client that went away mid-request aborts it (an abort after a finished answer would
		// cost a DOMException per request for nothing).
		res.on('close', () => {
			if (!res.writableFinished) controller.abort()
		})
		let response
		try {
			const headers = nodeHeaders(req)
			const init = { method, headers, signal: controller.signal }
			let request
			if (method === 'GET' || method === 'HEAD') request = new Request(url, init)
			else {
				allowBody(req, res)
				const body = await readBody(req, limit)
				if (body === null) return refuse(req, res, url, 413, 'payload_too_large')
				// A JSON body is handed over as it is; anything else (a form) as a real stream.
				request = isJson(headers) ? new BufferedRequest(url, init, body) : new Request(url, { ...init, body })
			}
			const context = { clientIp: proxyaddr(req, trust) }
			const handler = method === 'GET' || method === 'HEAD' ? found.route.module.loader : found.route.module.action
			if (!handler) response = new Response(null, { status: 405 })
			else {
				const result = await handler({ request, params: found.params, context })
				response = result instanceof Response ? result : Response.json(result)
			}
		} catch (error) {
			if (error instanceof Response) response = error
			else {
				console.error(error)
				response = Response.json({ error: 'internal', message: 'Internal error' }, { status: 500 })
			}
		}
		res.statusCode = response.status
		for (const [name, value] of response.headers) {
			if (name === 'set-cookie') continue
			res.setHeader(name, value)
		}
		const cookies = response.headers.getSetCookie()
		if (cookies.length) res.setHeader('set-cookie', cookies)
		if (method === 'HEAD' || !response.body) return (res.end(), true)
		const body = Buffer.from(await response.arrayBuffer())
		// A large answer (a page of 1,000 registrations, the scanners' offline dataset) goes
		// compressed to a client that takes gzip: about a fifth of the bytes over a venue's weak
		// network. Compressed in libuv's thread pool, so the event loop does not wait for it.
		if (body.length >= GZIP_FROM_BYTES && !response.headers.has('content-encoding') && acceptsGzip(req.headers['accept-encoding'])) {
			const zipped = await gzipAsync(body, { level: 6 })
			res.setHeader('content-encoding', 'gzip')
			res.setHeader('vary', response.headers.has('vary') ? `${response.headers.get('vary')}, Accept-Encoding` : 'Accept-Encoding')
			res.setHeader('content-length', zipped.length)
			res.end(zipped)
			return true
		}
		res.setHeader('content-length', body.length)
		res.end(body)
		return true
	}
	handleApi.loaderResponse = loaderResponse
	return handleApi
}

function nodeHeaders(req) {
	const headers = new Headers()
	for (const [name, value] of Object.entries(req.headers)) {
		if (Array.isArray(value)) for (const v of value) headers.append(name, v)
		else if (value !== undefined) headers.set(name, value)
	}
	return headers
}
