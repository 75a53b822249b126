// The page cache's own rules, without a server: a kept page is rendered again when the data
// version changes or the minute it was rendered in ends (time-driven changes), each answer gets its
// own nonce (also inside the prepared gzip), and concurrent misses share one render.
import { EventEmitter } from 'node:events'
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { createPageCache } from '../../server/page-cache.mjs'

type Answer = { status: number; headers: Record<string, unknown>; body: Buffer | undefined }

function fakeRequest(url: string, headers: Record<string, string> = {}) {
	return { method: 'GET', url, headers: { host: 'sajam.test', ...headers } }
}

/** Just enough of http.ServerResponse for the cache's send(). */
function fakeResponse(): { res: unknown; done: Promise<Answer> } {
	const headers: Record<string, unknown> = {}
	let resolve!: (answer: Answer) => void
	const done = new Promise<Answer>((r) => (resolve = r))
	const res = Object.assign(new EventEmitter(), {
		statusCode: 200,
		statusMessage: '',
		setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = value),
		appendHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = value),
		removeHeader: (name: string) => void delete headers[name.toLowerCase()],
		getHeaderNames: () => Object.keys(headers),
		end(body?: Buffer) {
			resolve({ status: res.statusCode, headers, body })
		},
	})
	return { res, done }
}

function setUp() {
	let clock = Date.UTC(2026, 11, 5, 10, 0, 30)
	let version = 'v1'
	let renders = 0
	const render = async (_req: unknown, nonce: string) => {
		renders++
		const html = `<!DOCTYPE html><html><body><p>${'Sajam '.repeat(400)}render ${renders}</p><script nonce="${nonce}">1</script><script nonce="${nonce}">2</script></body></html>`
		return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': `script-src 'nonce-${nonce}'` } })
	}
	const cache = createPageCache({ render, dataVersion: () => version, now: () => clock })
	const get = async (url = '/events/radionica', headers: Record<string, string> = {}) => {
		const { res, done } = fakeResponse()
		expect(await cache.handle(fakeRequest(url, headers), res)).toBe(true)
		return done
	}
	return {
		get,
		renders: () => renders,
		setVersion: (v: string) => (version = v),
		advance: (ms: number) => (clock += ms),
	}
}

describe('page cache', () => {
	test('kept until the data changes or the minute ends', async () => {
		const c = setUp()
		await c.get()
		await c.get()
		expect(c.renders()).toBe(1)
		c.setVersion('v2')
		await c.get()
		expect(c.renders()).toBe(2)
		c.advance(29_000) // 10:00:59
		await c.get()
		expect(c.renders()).toBe(2)
		c.advance(1_000) // 10:01:00, a new minute: an event may have started, a deadline passed
		expect((await c.get()).body!.toString()).toContain('render 3')
	})

	test('each answer has its own nonce, in the policy, the page and the gzip', async () => {
		const c = setUp()
		const nonces = new Set<string>()
		for (let i = 0; i < 3; i++) {
			const answer = await c.get('/', { 'accept-encoding': 'gzip, br' })
			expect(answer.headers['content-encoding']).toBe('gzip')
			const html = gunzipSync(answer.body!).toString()
			const nonce = /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))![1]!
			expect(html.split(`nonce="${nonce}"`)).toHaveLength(3)
			nonces.add(nonce)
		}
		expect(nonces.size).toBe(3)
	})

	test('concurrent misses share one render; a session cookie or another address is not the cache’s', async () => {
		const c = setUp()
		await Promise.all([c.get(), c.get(), c.get()])
		expect(c.renders()).toBe(1)
		const { res } = fakeResponse()
		const cache = createPageCache({ render: () => Promise.reject(new Error('no')), dataVersion: () => 'v' })
		expect(await cache.handle(fakeRequest('/', { cookie: 'sajam_session=abc' }), res)).toBe(false)
		expect(await cache.handle(fakeRequest('/admin'), res)).toBe(false)
		expect(await cache.handle(fakeRequest('/tickets/abc'), res)).toBe(false)
		expect(await cache.handle({ ...fakeRequest('/'), method: 'POST' }, res)).toBe(false)
	})
})
