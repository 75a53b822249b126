// Fast path for the JSON API: requests under /api/ go straight to the route module's loader or
// action, skipping Express and Remix's document machinery (route ranking, request cloning,
// single-fetch handling). The route modules are the same ones Remix serves, so guards, parsing
// and services are untouched; only the dispatch is shorter. See docs/decisions/0004.
import proxyaddr from 'proxy-addr'

const MAX_BODY_BYTES = 8 * 1024 * 1024

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

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = []
		let size = 0
		req.on('data', (chunk) => {
			size += chunk.length
			if (size > MAX_BODY_BYTES) {
				reject(Object.assign(new Error('too large'), { status: 413 }))
				req.destroy()
				return
			}
			chunks.push(chunk)
		})
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
export function createApiHandler(build, { trustProxy = 'loopback' } = {}) {
	const compiled = compileApiRoutes(build)
	const trust = proxyaddr.compile(trustProxy.split(',').map((s) => s.trim()))
	return async function handleApi(req, res) {
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
		const controller = new AbortController()
		// Only a client that went away mid-request aborts it (an abort after a finished answer would
		// cost a DOMException per request for nothing).
		res.on('close', () => {
			if (!res.writableFinished) controller.abort()
		})
		const method = req.method ?? 'GET'
		let response
		try {
			const headers = new Headers()
			for (const [name, value] of Object.entries(req.headers)) {
				if (Array.isArray(value)) for (const v of value) headers.append(name, v)
				else if (value !== undefined) headers.set(name, value)
			}
			const init = { method, headers, signal: controller.signal }
			let request
			if (method === 'GET' || method === 'HEAD') request = new Request(url, init)
			else {
				const body = await readBody(req)
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
			else if (error?.status === 413) response = Response.json({ error: 'payload_too_large', message: 'Payload too large' }, { status: 413 })
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
		if (method === 'HEAD' || !response.body) return res.end(), true
		const body = Buffer.from(await response.arrayBuffer())
		res.setHeader('content-length', body.length)
		res.end(body)
		return true
	}
}
