// The public page cache (docs/decisions/0011): an anonymous GET or HEAD of a public page (the home
// page, an event, a fair's exhibitors, map and application form, the calendar feed…) is answered
// from the bytes of the last render of the same address, language and host, as long as the data
// has not changed since (the build's data version: every committed write, in this process or
// another) and the minute it was rendered in has not ended (time-driven changes: an event that has
// started, a deadline that passed). Anything with a session cookie or an Authorization header,
// any other method, any private address and any answer that sets a cookie or says private/no-store
// is never kept nor served from here.
//
// A kept page still gets a fresh CSP nonce per response: the nonce's places in the bytes are
// remembered and overwritten (a nonce is always 24 characters). Gzip is prepared once: the bytes
// between the nonces are compressed ahead, and each nonce goes in as a stored deflate block.
import { createHash, randomBytes } from 'node:crypto'
import zlib from 'node:zlib'

/** The public addresses whose answer depends only on the address, the language and the data. */
const PUBLIC_PAGE =
	/^\/(?:|privacy|scan|calendar\.ics|events\/[^/]+(?:\/event\.ics)?|fairs\/[^/]+\/(?:exhibitors|map|apply)|api\/v1\/events(?:\/[^/]+)?|api\/v1\/fairs\/[^/]+\/exhibitors)$/
/** The only cookie an anonymous page may carry: the remembered language (part of the key). */
const LANG_COOKIE = /^\s*lang=([^;]*)\s*$/
const CACHEABLE_TYPE = /^(?:text\/html|text\/calendar|application\/json)\b/i
const NONCE_LENGTH = 24
const HEADERS_OF_304 = new Set(['etag', 'cache-control', 'vary', 'expires'])

/**
 * @param {object} options
 * @param {(req: import('node:http').IncomingMessage, nonce: string) => Promise<Response>} options.render renders the page (always as a GET)
 * @param {() => string} options.dataVersion changes whenever the data may have changed
 * @param {number} [options.maxEntries]
 * @param {() => number} [options.now] the clock (tests)
 */
export function createPageCache({ render, dataVersion, maxEntries = 2000, now = Date.now }) {
	/** @type {Map<string, Entry>} */
	const entries = new Map()
	/** Renders in flight, by key: concurrent misses of one page wait for one render. */
	const pending = new Map()

	/** The cache key of a request, or null when this request must not touch the cache. */
	function keyOf(req) {
		if (req.method !== 'GET' && req.method !== 'HEAD') return null
		if (req.headers.authorization !== undefined) return null
		const url = req.url ?? '/'
		const query = url.indexOf('?')
		const pathname = query === -1 ? url : url.slice(0, query)
		if (!PUBLIC_PAGE.test(pathname)) return null
		let lang = ''
		const cookie = req.headers.cookie
		if (cookie !== undefined && cookie !== '') {
			const match = LANG_COOKIE.exec(cookie)
			if (!match) return null
			lang = match[1]
		}
		const h = req.headers
		return `${h.host ?? ''}\n${h['x-forwarded-host'] ?? ''}\n${h['x-forwarded-proto'] ?? ''}\n${url}\n${lang}\n${h['accept-language'] ?? ''}`
	}

	/** Answers the request when it is a public page; false when it is none of the cache's business. */
	async function handle(req, res) {
		const key = keyOf(req)
		if (key === null) return false
		const version = dataVersion()
		const kept = entries.get(key)
		if (kept && kept.version === version && kept.expiresAt > now()) {
			send(req, res, kept, newNonce())
			return true
		}
		const inFlight = pending.get(key)
		if (inFlight) {
			const entry = await inFlight
			if (entry && entry.version === version) {
				send(req, res, entry, newNonce())
				return true
			}
		}
		const nonce = newNonce()
		const rendering = renderEntry(req, nonce, version)
		const shared = rendering.then((r) => (r.keep ? r.entry : null))
		pending.set(key, shared)
		let result
		try {
			result = await rendering
		} finally {
			if (pending.get(key) === shared) pending.delete(key)
		}
		if (result.keep) {
			entries.delete(key)
			entries.set(key, result.entry)
			if (entries.size > maxEntries) entries.delete(entries.keys().next().value)
		}
		send(req, res, result.entry, nonce, result.keep)
		return true
	}

	async function renderEntry(req, nonce, version) {
		const response = await render(req, nonce)
		const body = Buffer.from(await response.arrayBuffer())
		const headers = []
		for (const [name, value] of response.headers) {
			if (name === 'content-length' || name === 'content-encoding' || name === 'set-cookie') continue
			headers.push([name, value])
		}
		const cookies = response.headers.getSetCookie()
		for (const cookie of cookies) headers.push(['set-cookie', cookie])
		const keep =
			response.status === 200 &&
			cookies.length === 0 &&
			!/\b(?:private|no-store)\b/i.test(response.headers.get('cache-control') ?? '') &&
			CACHEABLE_TYPE.test(response.headers.get('content-type') ?? '')
		const entry = makeEntry({ status: response.status, statusText: response.statusText, headers, body, nonce, version, expiresAt: nextMinute(now()), keep })
		return { keep, entry }
	}

	return { handle, keyOf, size: () => entries.size, clear: () => entries.clear() }
}

/**
 * @typedef {object} Entry
 * @property {number} status
 * @property {string} statusText
 * @property {[string, string][]} headers
 * @property {Buffer} body the bytes as rendered, with `nonce` at `nonceAt`
 * @property {string} nonce
 * @property {number[]} nonceAt
 * @property {string} etag
 * @property {Buffer[] | null} gzip compressed pieces between the nonces (null: too small or not compressible)
 * @property {Buffer | null} gzipWhole the whole gzip answer when the page carries no nonce
 * @property {string} version
 * @property {number} expiresAt
 */

function makeEntry({ status, statusText, headers, body, nonce, version, expiresAt, keep }) {
	const nonceAt = []
	const needle = Buffer.from(nonce)
	for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + NONCE_LENGTH)) nonceAt.push(at)
	// The tag names the bytes without the nonce, which differs in every answer.
	const hash = createHash('sha256')
	let start = 0
	for (const at of nonceAt) {
		hash.update(body.subarray(start, at))
		start = at + NONCE_LENGTH
	}
	hash.update(body.subarray(start))
	const etag = `W/"${hash.digest('base64url').slice(0, 27)}"`
	const compressible = body.length >= 1024 && headers.some(([name, value]) => name === 'content-type' && /^(?:text\/|application\/json)/i.test(value))
	let gzip = null
	let gzipWhole = null
	// An answer sent once (not kept) is compressed as it goes, at the usual level.
	if (compressible && !keep) gzipWhole = zlib.gzipSync(body)
	else if (compressible) {
		if (nonceAt.length === 0) gzipWhole = zlib.gzipSync(body, { level: 9 })
		else {
			gzip = []
			let from = 0
			for (const at of nonceAt) {
				gzip.push(zlib.deflateRawSync(body.subarray(from, at), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }))
				from = at + NONCE_LENGTH
			}
			gzip.push(zlib.deflateRawSync(body.subarray(from), { level: 9 }))
		}
	}
	return { status, statusText, headers, body, nonce, nonceAt, etag, gzip, gzipWhole, version, expiresAt }
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03])

/** One gzip member: the prepared pieces with the nonce between them as stored blocks. */
function gzipWithNonce(entry, body, nonce) {
	const stored = Buffer.alloc(5 + NONCE_LENGTH)
	stored[0] = 0 // BFINAL 0, BTYPE 00 (stored); the previous piece ended on a byte boundary (sync flush)
	stored.writeUInt16LE(NONCE_LENGTH, 1)
	stored.writeUInt16LE(~NONCE_LENGTH & 0xffff, 3)
	stored.write(nonce, 5, 'latin1')
	const parts = [GZIP_HEADER]
	entry.gzip.forEach((piece, i) => {
		parts.push(piece)
		if (i < entry.gzip.length - 1) parts.push(stored)
	})
	const trailer = Buffer.alloc(8)
	trailer.writeUInt32LE(zlib.crc32(body), 0)
	trailer.writeUInt32LE(body.length >>> 0, 4)
	parts.push(trailer)
	return Buffer.concat(parts)
}

/** The entry's bytes with this answer's nonce. */
function withNonce(entry, nonce) {
	if (entry.nonceAt.length === 0 || nonce === entry.nonce) return entry.body
	const body = Buffer.from(entry.body)
	for (const at of entry.nonceAt) body.write(nonce, at, 'latin1')
	return body
}

/** Answers from an entry; one that is not kept (a 404, an answer that sets a cookie) gets no ETag. */
function send(req, res, entry, nonce, kept = true) {
	res.statusCode = entry.status
	if (entry.statusText) res.statusMessage = entry.statusText
	for (const [name, value] of entry.headers) {
		if (name === 'set-cookie') res.appendHeader(name, value)
		else res.setHeader(name, name === 'content-security-policy' ? value.replaceAll(entry.nonce, nonce) : value)
	}
	if (kept) res.setHeader('ETag', entry.etag)
	if (entry.gzip || entry.gzipWhole) res.setHeader('Vary', 'Accept-Encoding')
	if (kept && etagMatches(req.headers['if-none-match'], entry.etag)) {
		// A browser updates its stored answer's headers from a 304: a new nonce in the policy would no
		// longer match the nonce in the stored page. So only what validates it, nothing else.
		res.statusCode = 304
		for (const name of res.getHeaderNames()) if (!HEADERS_OF_304.has(name)) res.removeHeader(name)
		res.end()
		return
	}
	let body = withNonce(entry, nonce)
	if ((entry.gzip || entry.gzipWhole) && acceptsGzip(req.headers['accept-encoding'])) {
		body = entry.gzipWhole ?? gzipWithNonce(entry, body, nonce)
		res.setHeader('Content-Encoding', 'gzip')
	}
	res.setHeader('Content-Length', body.length)
	res.end(req.method === 'HEAD' ? undefined : body)
}

function etagMatches(header, etag) {
	if (!header) return false
	if (header.trim() === '*') return true
	const weak = etag.slice(2)
	return header.split(',').some((tag) => {
		const t = tag.trim()
		return t === etag || t === weak
	})
}

function acceptsGzip(header) {
	if (!header) return false
	const match = /(?:^|,)\s*gzip\s*(?:;\s*q=([0-9.]+))?/i.exec(header)
	return match !== null && (match[1] === undefined || Number(match[1]) > 0)
}

// Nonces come from a pool of random bytes, refilled 1,024 nonces at a time (one call instead of one per answer).
let pool = Buffer.alloc(0)
let poolAt = 0
function newNonce() {
	if (poolAt + 16 > pool.length) {
		pool = randomBytes(16 * 1024)
		poolAt = 0
	}
	poolAt += 16
	return pool.toString('base64', poolAt - 16, poolAt)
}
const nextMinute = (ms) => Math.floor(ms / 60_000) * 60_000 + 60_000
