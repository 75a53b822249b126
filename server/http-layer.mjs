// The server's own HTTP rules, applied to every request before Remix or an API route sees it
// (CONTRACT.md, Security behaviour): body limits answered as 413, writes from another site
// answered as 403, cookie-authenticated API writes only as JSON, the headers every response
// carries, and one log line per refused request.
import { Transform } from 'node:stream'
import proxyaddr from 'proxy-addr'

const MiB = 1024 * 1024
export const LIMITS = Object.freeze({
	/** A page form (urlencoded, or anything that is not multipart). */
	form: 1 * MiB,
	/** A multipart upload (the application form's logo, the floor plan's background). */
	multipart: 4 * MiB,
	/** An API route's JSON body, unless the route module exports its own `maxBodyBytes`. */
	api: 64 * 1024,
})

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
export const isUnsafeMethod = (method) => UNSAFE_METHODS.has(method ?? 'GET')

const SESSION_COOKIE = /(?:^|;\s*)sajam_session=/

/** The limit for a page request's body: multipart gets room for an image, a form does not. */
export function pageBodyLimit(req) {
	return /^multipart\//i.test(req.headers['content-type'] ?? '') ? LIMITS.multipart : LIMITS.form
}

/** The declared body length, or null when there is none (a chunked body is counted as it comes). */
export function declaredLength(req) {
	const value = req.headers['content-length']
	if (value === undefined) return null
	const length = Number(value)
	return Number.isFinite(length) && length >= 0 ? length : null
}

/** Compiles TRUST_PROXY (Express syntax: addresses, subnets, names like "loopback", a hop count, "true") once. */
export function compileTrust(trustProxy) {
	const value = String(trustProxy).trim()
	if (value === 'true') return () => true
	if (value === 'false') return () => false
	if (/^\d+$/.test(value)) return (_address, hop) => hop < Number(value)
	return proxyaddr.compile(
		String(trustProxy)
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean),
	)
}

/**
 * The host this request was addressed to: X-Forwarded-Host when the peer is a trusted proxy,
 * else Host. An X-Forwarded-Host from anyone else is dropped from the request here, so that
 * nothing further down (Express, Remix) believes it either.
 */
export function effectiveHost(req, trust) {
	const forwarded = req.headers['x-forwarded-host']
	if (forwarded !== undefined) {
		if (trust(req.socket.remoteAddress ?? '', 0)) {
			const first = String(forwarded).split(',')[0]?.trim()
			if (first) return first.toLowerCase()
		} else delete req.headers['x-forwarded-host']
	}
	return (req.headers.host ?? '').toLowerCase()
}

/**
 * Whether a state-changing request comes from this site. `Origin` must be this site's origin
 * (the host the request was addressed to, or PUBLIC_URL); `Origin: null` (an opaque origin: a
 * sandboxed frame, a no-referrer page, a cross-site redirect) is not. Without Origin (curl, old
 * clients) the request passes unless the browser says it is cross-site (`Sec-Fetch-Site`).
 */
export function isSameSiteWrite(req, { trust, publicOrigin, strictFetchSite = false }) {
	const origin = req.headers.origin
	if (origin === undefined || origin === '') {
		const site = req.headers['sec-fetch-site']
		if (site === 'cross-site') return false
		if (strictFetchSite && site === 'same-site') return false
		return true
	}
	if (origin === 'null') return false
	let parsed
	try {
		parsed = new URL(origin)
	} catch {
		return false
	}
	if (parsed.origin === publicOrigin) return true
	const host = effectiveHost(req, trust)
	return host !== '' && parsed.host.toLowerCase() === host
}

/** A session-cookie API call: the cookie is there and no Authorization header speaks instead. */
export function isCookieAuthenticated(req) {
	return req.headers.authorization === undefined && SESSION_COOKIE.test(req.headers.cookie ?? '')
}

export const isJsonContentType = (value) => /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(value ?? '')

/**
 * Sends a refusal that the client can read even while it is still sending its body: the answer
 * first, then what is left of the body is read and dropped (never kept), so the connection ends
 * cleanly. Closing with unread data would reset the connection, and the client would lose the
 * answer. A client that does not stop sending within 10 s is cut off.
 */
export async function sendRefusal(req, res, response) {
	if (res.headersSent) return void drain(req)
	res.statusCode = response.status
	for (const [name, value] of response.headers) res.setHeader(name, value)
	const body = Buffer.from(await response.arrayBuffer())
	res.setHeader('Content-Length', body.length)
	// A client waiting for "100 Continue" was not told to send: it sends nothing, and the connection
	// ends with the answer (its body will never come to mark where the next request starts).
	if (expectsContinue(req) && !req.continueSent) {
		res.setHeader('Connection', 'close')
		res.end(req.method === 'HEAD' ? undefined : body)
		return
	}
	// The rest of the body is read (and dropped) before the answer: a client still sending, that
	// asked for the connection to close, would otherwise meet a closed socket (EPIPE) instead of
	// reading the refusal. A client that will not finish within DRAIN_TIMEOUT_MS is answered and cut.
	const finished = await drained(req)
	if (!finished) res.setHeader('Connection', 'close')
	res.end(req.method === 'HEAD' ? undefined : body)
	if (!finished) res.once('finish', () => req.socket?.destroy())
}

const DRAIN_TIMEOUT_MS = 10_000

/** Resolves true once the request body has been read to its end (and dropped), false after the timeout. */
function drained(req) {
	if (req.complete || req.destroyed) return Promise.resolve(true)
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS)
		timer.unref()
		const done = () => {
			clearTimeout(timer)
			resolve(true)
		}
		req.once('end', done)
		req.once('close', done)
		req.resume()
	})
}

/** Reads and drops the rest of a request body; gives up on a client that will not stop after 10 s. */
export function drain(req) {
	if (req.complete || req.destroyed) return
	req.resume()
	const timer = setTimeout(() => req.socket?.destroy(), 10_000)
	timer.unref()
	req.once('end', () => clearTimeout(timer))
	req.once('close', () => clearTimeout(timer))
}

export const expectsContinue = (req) => /^100-continue$/i.test(String(req.headers.expect ?? '').trim())

/** Tells a client waiting with `Expect: 100-continue` to send its body (only when we mean to read it). */
export function allowBody(req, res) {
	if (expectsContinue(req) && !res.headersSent && !req.continueSent) {
		req.continueSent = true
		res.writeContinue()
	}
}

/** A Transform that passes a body through and fails once more than `limit` bytes came. */
export function countingStream(limit, onOverflow) {
	let size = 0
	return new Transform({
		transform(chunk, _encoding, callback) {
			size += chunk.length
			if (size > limit) {
				onOverflow()
				callback(Object.assign(new Error('Payload too large'), { status: 413 }))
			} else callback(null, chunk)
		},
	})
}

// Private links carry their credential in the path; a log line names the kind of page, not the token.
const PRIVATE_SEGMENT = /^(\/(?:api\/v1\/)?(?:tickets|applications))\/[^/]+/
export function loggablePath(url) {
	const path = (url ?? '/').split('?')[0] ?? '/'
	return path.replace(PRIVATE_SEGMENT, '$1/…').slice(0, 300)
}

const PRIVATE_PREFIX = /^\/(?:admin|tickets|applications)(?:[/.]|$)/
const STATIC_PREFIX = /^\/(?:assets|scanner)\/|^\/[\w.-]+\.(?:svg|png|ico|js|webmanifest|txt|wasm)$/

/**
 * Applies the headers every response gets, whoever wrote it (Express's static files, Remix, the
 * API fast path, a refusal): nosniff everywhere; `private, no-store` behind the login and on
 * private links (a route's own `private, …` for an image under a private link stays);
 * `Vary: Accept-Language, Cookie` on what the server renders in a negotiated language.
 */
export function applyResponseHeaders(req, res) {
	const writeHead = res.writeHead
	res.writeHead = function (...args) {
		if (!this.headersSent) finalHeaders(req, this)
		return writeHead.apply(this, args)
	}
}

function finalHeaders(req, res) {
	res.setHeader('X-Content-Type-Options', 'nosniff')
	const path = (req.url ?? '/').split('?')[0] ?? '/'
	if (path.startsWith('/api/')) return
	if (PRIVATE_PREFIX.test(path)) {
		const current = String(res.getHeader('cache-control') ?? '')
		const type = String(res.getHeader('content-type') ?? '')
		const pageOrData = path.endsWith('.data') || type.startsWith('text/html') || type.includes('x-script')
		// A download or an image may keep what its route chose, as long as no shared cache may keep it.
		if (pageOrData || !/\b(?:private|no-store)\b/.test(current)) res.setHeader('Cache-Control', 'private, no-store')
	}
	if (!STATIC_PREFIX.test(path)) addVary(res, ['Accept-Language', 'Cookie'])
}

function addVary(res, names) {
	const current = res.getHeader('vary')
	const list = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
	for (const name of names) if (!list.some((v) => v.toLowerCase() === name.toLowerCase())) list.push(name)
	res.setHeader('Vary', list.join(', '))
}

/** One line for each refused request (4xx): method, path, status. Never a stack. */
export function logClientErrors(req, res) {
	res.once('finish', () => {
		if (res.statusCode >= 400 && res.statusCode < 500)
			console.log(`${req.method} ${loggablePath(req.url)} ${res.statusCode}${res.logNote ? ` (${res.logNote})` : ''}`)
	})
}
