// The server's HTTP rules that hold before any route runs (CONTRACT.md, Security behaviour; issue 10,
// sections 2, 3 and 5): bodies over the limit are answered 413 without being read into memory,
// writes from another site are a 403 (never Remix's blank 500), session-cookie API writes need our
// Origin and JSON, every response carries its headers, and a refused request is one log line.
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import enApi from '#app/locales/en/api.json'
import enCommon from '#app/locales/en/common.json'
import srApi from '#app/locales/sr-Latn/api.json'
import srApply from '#app/locales/sr-Latn/apply.json'
import srCommon from '#app/locales/sr-Latn/common.json'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { createPublishedFair } from '#tests/support/fair-fixtures.ts'
import { logInCookie } from '#tests/support/pages.ts'
import { ROOT, startServer, type TestServer } from '#tests/support/server.ts'
import { escapedByRefusalPage as html } from '#tests/support/html.ts'

let server: TestServer
let organizer: string
let eventSlug: string
let fairSlug: string
let ticketPath: string
let applicationPath: string
let sessionCookie: string

const KiB = 1024
const MiB = 1024 * KiB

/** The server's resident memory, in bytes. */
function rss(): number {
	const status = readFileSync(`/proc/${server.pid}/status`, 'utf8')
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
}

type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string; sent: number }

/**
 * Sends `size` bytes as a request body the way a hostile client would: all of it, without waiting
 * (no Expect: 100-continue), with a Content-Length or chunked. Resolves with the answer as soon as
 * it is complete; a reset connection rejects.
 */
function sendBig(
	path: string,
	{ size, chunked = false, headers = {} }: { size: number; chunked?: boolean; headers?: Record<string, string> },
): Promise<RawAnswer> {
	const url = new URL(server.url + path)
	return new Promise((resolve, reject) => {
		const request = http.request({
			host: url.hostname,
			port: url.port,
			path: url.pathname,
			method: 'POST',
			headers: { ...(chunked ? {} : { 'Content-Length': String(size) }), ...headers },
		})
		let sent = 0
		let answered = false
		const chunk = Buffer.alloc(64 * KiB, 'a')
		const write = () => {
			while (!answered && sent < size) {
				const piece = size - sent >= chunk.length ? chunk : chunk.subarray(0, size - sent)
				sent += piece.length
				if (!request.write(piece)) return void request.once('drain', write)
			}
			request.end()
		}
		request.on('response', (response) => {
			let text = ''
			response.setEncoding('utf8')
			response.on('data', (part) => (text += part))
			response.on('end', () => {
				answered = true
				resolve({ status: response.statusCode!, headers: response.headers, text, sent })
				request.destroy()
			})
			response.on('error', reject)
		})
		request.on('error', (error) => {
			if (!answered) reject(error)
		})
		write()
	})
}

function multipart(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type: string }) {
	const form = new FormData()
	for (const [name, value] of Object.entries(fields)) form.append(name, value)
	if (file) form.append('logo', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name)
	return form
}

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
	const venue = { name: 'Kulturni centar', address: 'Trg kosovskih junaka 1', city: 'Kruševac' }
	eventSlug = (await createPublishedFair(server, organizer, { title: 'Info dan', kind: 'promo', venue, capacity: 100 })).slug
	fairSlug = (await createPublishedFair(server, organizer, { title: 'Mini-sajam', venue })).slug
	const registered = await apiCall(server.url, 'POST', `/api/v1/events/${eventSlug}/registrations`, {
		body: { name: 'Ana Jovanović', email: 'ana@primer.rs', consent: { privacy: true } },
	})
	expect(registered.status, registered.text).toBe(201)
	ticketPath = new URL(registered.body.registration.manageUrl).pathname
	const applied = await apiCall(server.url, 'POST', `/api/v1/fairs/${fairSlug}/applications`, {
		body: {
			organization: { name: 'Neformalna grupa Rasina', legalForm: 'informal_group', municipality: 'krusevac' },
			contact: { name: 'Ana Jovanović', email: 'ana@primer.rs' },
			products: 'Sir i kajmak',
			category: 'food',
			needs: {},
			consent: { privacy: true },
		},
	})
	expect(applied.status, applied.text).toBe(201)
	applicationPath = new URL(applied.body.application.manageUrl).pathname
	sessionCookie = await logInCookie(server)
}, 60_000)

afterAll(async () => {
	await server?.stop()
})

describe('bodies over the limit are answered 413 before they are read', () => {
	test('100 MB to the login form and to the API: 413, and the server does not grow', async () => {
		// The first refusals load their code (the page, the catalogs); measure from after them.
		await sendBig('/admin/login', { size: 2 * MiB, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
		await sendBig('/admin/login', { size: 2 * MiB, chunked: true, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
		await sendBig('/api/v1/events', { size: 2 * MiB, chunked: true, headers: { 'Content-Type': 'application/json' } })
		const before = rss()
		const page = await sendBig('/admin/login', { size: 100 * MiB, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
		expect(page.status).toBe(413)
		expect(page.headers['content-type']).toMatch(/^text\/html/)
		expect(page.text).toContain(html(srCommon.error.tooLargeTitle))
		const api = await sendBig('/api/v1/events', { size: 100 * MiB, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${organizer}` } })
		expect(api.status).toBe(413)
		expect(JSON.parse(api.text)).toEqual({ error: 'payload_too_large', message: srApi.errors.payload_too_large })
		// Chunked, so there is no Content-Length to refuse by: the bytes are counted as they come.
		const chunkedPage = await sendBig('/admin/login', { size: 100 * MiB, chunked: true, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
		expect(chunkedPage.status).toBe(413)
		const chunkedApi = await sendBig('/api/v1/events', { size: 100 * MiB, chunked: true, headers: { 'Content-Type': 'application/json' } })
		expect(chunkedApi.status).toBe(413)
		expect(JSON.parse(chunkedApi.text).error).toBe('payload_too_large')
		// And again, so that whatever was kept would add up.
		await sendBig('/admin/login', { size: 100 * MiB, chunked: true, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
		await sendBig('/api/v1/events', { size: 100 * MiB, chunked: true, headers: { 'Content-Type': 'application/json' } })
		// 600 MB went by. What may stay is V8's young generation of dropped read buffers (bounded,
		// tens of MiB at most, whatever the traffic), never a body: one body kept would be 100 MB,
		// and before the fix the process grew by more than a gigabyte.
		expect(rss() - before).toBeLessThan(48 * MiB)
		// The server is still there and well.
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
	}, 60_000)

	test('a 70 KiB JSON body is 413 payload_too_large, answered (not a reset), also chunked', async () => {
		const body = JSON.stringify({ title: 'x'.repeat(70 * KiB) })
		const declared = await apiCall(server.url, 'POST', '/api/v1/events', { token: organizer, raw: body, headers: { 'Accept-Language': 'en' } })
		expect(declared.status).toBe(413)
		expect(declared.body).toEqual({ error: 'payload_too_large', message: enApi.errors.payload_too_large })
		const chunked = await sendBig('/api/v1/events', {
			size: 70 * KiB,
			chunked: true,
			headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${organizer}` },
		})
		expect(chunked.status).toBe(413)
		// Refused before any work: before the route looks at who is asking.
		const anonymous = await sendBig('/api/v1/events', { size: 70 * KiB, headers: { 'Content-Type': 'application/json' } })
		expect(anonymous.status).toBe(413)
		// A route that takes more (an offline scanner's batch) keeps its own limit.
		const batch = await sendBig('/api/v1/checkins/batch', {
			size: 70 * KiB,
			headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${organizer}` },
		})
		expect(batch.status).toBe(400)
	})

	test('a 2 MiB urlencoded form is 413, as a page in the reader language', async () => {
		const body = `email=${'a'.repeat(2 * MiB)}&password=x`
		const response = await fetch(`${server.url}/admin/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
			body,
		})
		expect(response.status).toBe(413)
		const text = await response.text()
		expect(text).toContain('<html lang="en"')
		expect(text).toContain(html(enCommon.error.tooLargeTitle))
		expect(response.headers.get('x-content-type-options')).toBe('nosniff')
	})

	test('a 5 MiB multipart upload is 413; 3 MiB reaches the application form and its own image check', async () => {
		const png = (size: number) => {
			const bytes = new Uint8Array(size)
			bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
			return { bytes, name: 'logo.png', type: 'image/png' }
		}
		const five = await fetch(`${server.url}/fairs/${fairSlug}/apply`, { method: 'POST', body: multipart({ 'organization.name': 'Zadruga' }, png(5 * MiB)) })
		expect(five.status).toBe(413)
		expect(await five.text()).toContain(html(srCommon.error.tooLargeTitle))
		const three = await fetch(`${server.url}/fairs/${fairSlug}/apply`, { method: 'POST', body: multipart({ 'organization.name': 'Zadruga' }, png(3 * MiB)) })
		expect(three.status).toBe(422)
		expect(await three.text()).toContain(html(srApply.errors.image_too_large))
	})
})

describe('a write from another site is a 403 page, never a 500', () => {
	test.each([
		['another site', 'https://evil.example'],
		['an opaque origin (null)', 'null'],
		['a look-alike host', 'http://127.0.0.1.evil.example'],
	])('the login form posted from %s', async (_what, origin) => {
		const response = await fetch(`${server.url}/admin/login`, {
			method: 'POST',
			headers: { Origin: origin, 'Accept-Language': 'en' },
			body: new URLSearchParams({ email: server.admin.email, password: server.admin.password }),
			redirect: 'manual',
		})
		expect(response.status).toBe(403)
		expect(response.headers.get('set-cookie')).toBeNull()
		const text = await response.text()
		expect(text).toContain('<html lang="en"')
		expect(text).toContain(html(enCommon.error.forbiddenTitle))
	})

	test('private link forms (cancel a ticket, withdraw an application) with Origin: null, also as single-fetch .data: 403, and nothing happens', async () => {
		const page = await fetch(`${server.url}${ticketPath}`, {
			method: 'POST',
			headers: { Origin: 'null' },
			body: new URLSearchParams({ intent: 'cancel' }),
			redirect: 'manual',
		})
		expect(page.status).toBe(403)
		expect(await page.text()).toContain(html(srCommon.error.forbiddenTitle))
		const data = await fetch(`${server.url}${ticketPath}.data`, {
			method: 'POST',
			headers: { Origin: 'https://evil.example' },
			body: new URLSearchParams({ intent: 'cancel' }),
			redirect: 'manual',
		})
		expect(data.status).toBe(403)
		const event = await apiCall(server.url, 'GET', `/api/v1/events/${eventSlug}`)
		expect(event.body.event.registered).toBe(1)
		const withdraw = await fetch(`${server.url}${applicationPath}`, {
			method: 'POST',
			headers: { Origin: 'null' },
			body: new URLSearchParams({ intent: 'withdraw' }),
			redirect: 'manual',
		})
		expect(withdraw.status).toBe(403)
	})

	test('behind a trusted proxy (loopback by default), the forwarded host is the site', async () => {
		const response = await fetch(`${server.url}/admin/login`, {
			method: 'POST',
			headers: { Origin: 'https://sajam.example', 'X-Forwarded-Host': 'sajam.example' },
			body: new URLSearchParams({ email: 'nobody@primer.rs', password: 'wrong password' }),
			redirect: 'manual',
		})
		expect(response.status).toBe(200)
		const other = await fetch(`${server.url}/admin/login`, {
			method: 'POST',
			headers: { Origin: 'https://evil.example', 'X-Forwarded-Host': 'sajam.example' },
			body: new URLSearchParams({ email: 'nobody@primer.rs', password: 'wrong password' }),
		})
		expect(other.status).toBe(403)
	})

	test('our own origin, and a browser form without Origin, are served', async () => {
		for (const headers of [{ Origin: server.url }, {}] as Record<string, string>[]) {
			const response = await fetch(`${server.url}/admin/login`, {
				method: 'POST',
				headers,
				body: new URLSearchParams({ email: server.admin.email, password: 'wrong password' }),
				redirect: 'manual',
			})
			expect(response.status).toBe(200)
		}
	})
})

describe('API writes carried by the session cookie', () => {
	const revoke = (headers: Record<string, string>, body = '{}') =>
		fetch(`${server.url}/api/v1/scanner-links/999999/revoke`, { method: 'POST', headers: { Cookie: sessionCookie, ...headers }, body })

	test('from another site: 403 forbidden_origin, in JSON', async () => {
		for (const headers of [
			{ Origin: 'https://evil.example', 'Content-Type': 'application/json' },
			{ Origin: 'null', 'Content-Type': 'application/json' },
			{ 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
		] as Record<string, string>[]) {
			const response = await revoke(headers)
			expect(response.status).toBe(403)
			expect((await response.json()).error).toBe('forbidden_origin')
		}
	})

	test('a text/plain form from our own site: 415 unsupported_media_type', async () => {
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
			const response = await revoke({ Origin: server.url, 'Content-Type': type }, '{"x":1}')
			expect(response.status).toBe(415)
			expect(await response.json()).toEqual({ error: 'unsupported_media_type', message: srApi.errors.unsupported_media_type })
		}
		const none = await fetch(`${server.url}/api/v1/scanner-links/999999/revoke`, { method: 'POST', headers: { Cookie: sessionCookie } })
		expect(none.status).toBe(415)
	})

	test('JSON from our own pages goes through; a Bearer token is not asked for any of this', async () => {
		const ours = await revoke({ Origin: server.url, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' })
		expect(ours.status).toBe(404)
		const token = await fetch(`${server.url}/api/v1/scanner-links/999999/revoke`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${organizer}`, Origin: 'https://tool.example', 'Content-Type': 'text/plain' },
			body: '{}',
		})
		expect(token.status).toBe(404)
	})
})

describe('headers on every kind of response', () => {
	test('nosniff everywhere: JSON, .ics, qr.svg, static files, the wasm, 404s, robots.txt', async () => {
		const page = await (await fetch(`${server.url}/`)).text()
		const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(page)![1]!
		const paths = [
			'/api/v1/events',
			'/api/v1/nothing-here',
			`/events/${eventSlug}/event.ics`,
			'/calendar.ics',
			`${ticketPath}/qr.svg`,
			`${ticketPath}/ticket.ics`,
			stylesheet,
			'/favicon.svg',
			'/scan-sw.js',
			'/no-such-page',
			'/robots.txt',
			'/healthz',
		]
		for (const path of paths) {
			const response = await fetch(server.url + path)
			await response.arrayBuffer()
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
		}
	})

	test('the versioned ZXing reader is immutable', async () => {
		const { version } = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/zxing-wasm/package.json'), 'utf8'))
		const name = `zxing_reader-${version}.wasm`
		const wasm = await fetch(`${server.url}/scanner/${name}`)
		expect(wasm.status, String(name)).toBe(200)
		expect(wasm.headers.get('cache-control')).toMatch(/immutable/)
		expect(wasm.headers.get('cache-control')).toMatch(/max-age=31536000/)
		expect(wasm.headers.get('x-content-type-options')).toBe('nosniff')
	})

	test('private, no-store on admin pages, their .data, and private links', async () => {
		const withCookie = { headers: { Cookie: sessionCookie }, redirect: 'manual' as const }
		for (const path of ['/admin', '/admin/login', '/admin.data', '/admin/events/new', '/admin/events/new.data', '/admin/outbox']) {
			const response = await fetch(server.url + path, withCookie)
			await response.arrayBuffer()
			expect(response.status, path).toBeLessThan(400)
			expect(response.headers.get('cache-control'), path).toBe('private, no-store')
		}
		for (const path of [
			ticketPath,
			`${ticketPath}.data`,
			applicationPath,
			`${applicationPath}.data`,
			`${applicationPath}/edit`,
			'/tickets/not-a-real-token-at-all-000000000000000000000',
			'/admin',
		]) {
			const response = await fetch(server.url + path, { redirect: 'manual' })
			await response.arrayBuffer()
			expect(response.headers.get('cache-control'), path).toBe('private, no-store')
		}
	})

	test('pages vary with the language and the cookie; the CSP has a nonce and no unsafe-inline for scripts', async () => {
		for (const path of ['/', `/events/${eventSlug}`, '/.data', '/no-such-page']) {
			const response = await fetch(server.url + path)
			await response.arrayBuffer()
			const vary = (response.headers.get('vary') ?? '').split(',').map((s) => s.trim().toLowerCase())
			expect(vary, path).toEqual(expect.arrayContaining(['accept-language', 'cookie']))
		}
		// /scan still hydrates (the home page needs no script since issue 17, decision 0012); served
		// twice, from the page cache the second time.
		const one = await fetch(`${server.url}/scan`)
		const two = await fetch(`${server.url}/scan`)
		const csp = one.headers.get('content-security-policy')!
		const scriptSrc = /script-src ([^;]+)/.exec(csp)![1]!
		expect(scriptSrc).not.toContain('unsafe-inline')
		expect(scriptSrc).not.toContain("'unsafe-eval'")
		const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)![1]!
		expect(two.headers.get('content-security-policy')).not.toContain(nonce)
		// Every script in the page carries this response's nonce.
		const text = await one.text()
		await two.arrayBuffer()
		const scripts = text.match(/<script\b[^>]*>/g) ?? []
		expect(scripts.length).toBeGreaterThan(0)
		for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
	})

	test('robots.txt keeps crawlers to the public pages', async () => {
		const response = await fetch(`${server.url}/robots.txt`)
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
		const lines = (await response.text()).split('\n').map((l) => l.trim())
		expect(lines).toContain('User-agent: *')
		for (const path of ['/admin', '/tickets', '/applications', '/scan', '/api']) expect(lines).toContain(`Disallow: ${path}`)
		expect(lines).not.toContain('Disallow: /')
	})
})

describe('logs', () => {
	test('a 404 (and any other refusal) is one line with method, path and status, never a stack', async () => {
		const marker = `no-such-page-${Date.now()}`
		expect((await fetch(`${server.url}/${marker}`)).status).toBe(404)
		expect((await fetch(`${server.url}/${marker}.data`)).status).toBe(404)
		expect((await fetch(`${server.url}/admin/login`, { method: 'POST', headers: { Origin: 'null' }, body: 'x=1' })).status).toBe(403)
		const privateMiss = await fetch(`${server.url}/tickets/secret-token-that-must-not-be-logged-000000`)
		expect(privateMiss.status).toBe(404)
		await server.outputSettled()
		const output = server.output()
		expect(output).toContain(`GET /${marker} 404`)
		expect(output).toMatch(/POST \/admin\/login 403/)
		expect(output).not.toContain('secret-token-that-must-not-be-logged')
		expect(output).not.toMatch(/^\s+at /m)
		expect(output).not.toContain('No route matches')
		expect(output).not.toContain('Error:')
	})
})
