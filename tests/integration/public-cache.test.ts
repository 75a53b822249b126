// The public page cache (server/page-cache.mjs, decision 0011): an anonymous GET of a public page
// is answered from the last render while the data is unchanged, with an ETag (304 on
// If-None-Match) and a fresh CSP nonce; a change shows on the next request after its commit; a
// request with the session cookie, a private link, any other method and any answer that sets a
// cookie never come from it; two languages are never mixed.
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import publicEn from '#app/locales/en/public.json'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbRun } from '#tests/support/database.ts'
import { createEventViaApi, createPublishedWorkshop, PUBLISHED_WORKSHOP, uniqueTitle } from '#tests/support/events.ts'
import { createPublishedFair } from '#tests/support/fair-fixtures.ts'
import { logInCookie } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
})

afterAll(async () => {
	await server?.stop()
})

const EN = { 'Accept-Language': 'en' }
/** The lang cookie as the server writes it (Remix's cookie encoding of a JSON string). */
const langCookie = (lang: string) => `lang=${encodeURIComponent(Buffer.from(JSON.stringify(lang)).toString('base64'))}`

async function get(path: string, headers: Record<string, string> = EN, method = 'GET') {
	const response = await fetch(server.url + path, { method, headers, redirect: 'manual' })
	const body = Buffer.from(await response.arrayBuffer())
	return { status: response.status, headers: response.headers, body, html: body.toString('utf8') }
}

const placesLeft = (n: number) => publicEn.places.remaining_other.replace('{{formatted}}', String(n))
const nonceOf = (html: string) => /<script nonce="([^"]+)"/.exec(html)?.[1]
/** The headers, with this answer's nonce and date left out. */
function comparable(headers: Headers) {
	const nonce = /'nonce-([^']+)'/.exec(headers.get('content-security-policy') ?? '')?.[1]
	return [...headers]
		.filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name))
		.map(([name, value]) => [name, nonce ? value.replaceAll(nonce, 'NONCE') : value])
		.sort()
}

describe('anonymous public pages', () => {
	test('a hit answers like the miss: same headers and bytes, a fresh nonce in the header and the page; HEAD the same headers', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		const fair = await createPublishedFair(server, organizer)
		for (const path of [
			'/',
			`/events/${event.slug}`,
			`/fairs/${fair.slug}/exhibitors`,
			`/fairs/${fair.slug}/apply`,
			'/privacy',
			'/calendar.ics',
			'/api/v1/events',
		]) {
			const miss = await get(path)
			const hit = await get(path)
			const head = await get(path, EN, 'HEAD')
			expect(miss.status, path).toBe(200)
			expect(hit.status, path).toBe(200)
			expect(miss.headers.get('etag'), path).toMatch(/^W\/"[\w-]+"$/)
			expect(comparable(hit.headers), path).toEqual(comparable(miss.headers))
			expect(comparable(head.headers), path).toEqual(comparable(miss.headers))
			expect(head.body.length).toBe(0)
			expect(miss.headers.get('x-content-type-options'), path).toBe('nosniff')
			// The API, the feed and the pages without JavaScript (decision 0012) carry no nonce.
			const [missNonce, hitNonce] = [nonceOf(miss.html), nonceOf(hit.html)]
			if (path.startsWith('/api/') || path.endsWith('.ics') || !path.endsWith('/apply')) {
				expect(missNonce, path).toBeUndefined()
				expect(hit.html, path).toBe(miss.html)
				continue
			}
			expect(missNonce, path).toBeDefined()
			expect(hitNonce, path).not.toBe(missNonce)
			expect(hit.headers.get('content-security-policy'), path).toContain(`'nonce-${hitNonce}'`)
			expect(hit.html.split(`nonce="${hitNonce}"`).length, path).toBe(miss.html.split(`nonce="${missNonce}"`).length)
			expect(hit.html.replaceAll(hitNonce!, 'N'), path).toBe(miss.html.replaceAll(missNonce!, 'N'))
		}
	})

	test('If-None-Match with the ETag answers 304 without a body, for pages, the calendar feed and the API', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		for (const path of ['/', `/events/${event.slug}`, '/calendar.ics', '/api/v1/events']) {
			const first = await get(path)
			const etag = first.headers.get('etag')!
			const again = await get(path, { ...EN, 'If-None-Match': etag })
			expect(again.status, path).toBe(304)
			expect(again.body.length, path).toBe(0)
			expect(again.headers.get('etag'), path).toBe(etag)
			// A browser keeps the headers of a 304 over the stored page's: a new nonce would break it.
			expect(again.headers.get('content-security-policy'), path).toBeNull()
			expect((await get(path, { ...EN, 'If-None-Match': 'W/"something-else"' })).status, path).toBe(200)
		}
	})

	test('gzip: the compressed answer is the page with its own nonce', async () => {
		// The application form still hydrates: its inline scripts carry the nonce.
		const fair = await createPublishedFair(server, organizer)
		const path = `/fairs/${fair.slug}/apply`
		await get(path)
		for (let i = 0; i < 2; i++) {
			const response = await fetch(server.url + path, { headers: { ...EN, 'Accept-Encoding': 'gzip' } })
			// fetch decompresses; the raw bytes are read again below to check the gzip stream itself.
			expect(response.headers.get('content-encoding')).toBe('gzip')
			const html = await response.text()
			expect(html).toContain('</html>')
			expect(response.headers.get('content-security-policy')).toContain(`'nonce-${nonceOf(html)}'`)
		}
		const raw = await new Promise<Buffer>((resolve, reject) => {
			import('node:http').then(({ get: httpGet }) =>
				httpGet(server.url + path, { headers: { ...EN, 'Accept-Encoding': 'gzip' } }, (res) => {
					const chunks: Buffer[] = []
					res.on('data', (c: Buffer) => chunks.push(c))
					res.on('end', () => resolve(Buffer.concat(chunks)))
				}).on('error', reject),
			)
		})
		const html = gunzipSync(raw).toString('utf8')
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
		expect(html.endsWith('</html>')).toBe(true)
	})
})

describe('a change shows on the next request after its commit', () => {
	test('a registration over HTTP changes the places left on the event page and in the API', async () => {
		const event = await createPublishedWorkshop(server, organizer, { capacity: 10, maxPartySize: 4 })
		const path = `/events/${event.slug}`
		const before = await get(path)
		expect(before.html).toContain(placesLeft(10))
		expect((await get(path)).html).toContain(placesLeft(10))
		const registered = await apiCall(server.url, 'POST', `/api/v1/events/${event.slug}/registrations`, {
			body: { name: 'Jelena Pavlović', email: 'jelena.cache@example.rs', partySize: 2, consent: { privacy: true } },
		})
		expect(registered.status, registered.text).toBe(201)
		const after = await get(path)
		expect(after.html).toContain(placesLeft(8))
		expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
		expect((await get(path, { ...EN, 'If-None-Match': before.headers.get('etag')! })).status).toBe(200)
		expect(JSON.parse((await get(`/api/v1/events/${event.slug}`)).html).event.registered).toBe(2)
	})

	test('a publish and an edit through the API show at once on the event page and the home page', async () => {
		const title = uniqueTitle('Skriveni događaj')
		const draft = await createEventViaApi(server, organizer, { ...PUBLISHED_WORKSHOP, title, status: 'draft' })
		const path = `/events/${draft.slug}`
		expect((await get(path)).status).toBe(404)
		expect((await get('/api/v1/events')).html).not.toContain(title)
		const published = await apiCall(server.url, 'PATCH', path.replace('/events/', '/api/v1/events/'), { token: organizer, body: { status: 'published' } })
		expect(published.status, published.text).toBe(200)
		expect((await get(path)).status).toBe(200)
		expect((await get('/api/v1/events')).html).toContain(title)
		const renamed = `${title} (novo)`
		const edited = await apiCall(server.url, 'PATCH', path.replace('/events/', '/api/v1/events/'), { token: organizer, body: { title: renamed } })
		expect(edited.status, edited.text).toBe(200)
		expect((await get(path)).html).toContain(renamed)
	})

	test('a write by another process (the CLI, another connection) shows too', async () => {
		const event = await createPublishedWorkshop(server, organizer, { capacity: 10 })
		const path = `/events/${event.slug}`
		expect((await get(path)).html).toContain(placesLeft(10))

		dbRun(server, 'UPDATE events SET capacity = 12 WHERE slug = ?', event.slug)
		expect((await get(path)).html).toContain(placesLeft(12))
	})
})

describe('never from the cache', () => {
	test('two languages of one address: each answer in its own language, by Accept-Language and by the lang cookie', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		for (const path of ['/', `/events/${event.slug}`]) {
			for (let round = 0; round < 2; round++) {
				expect((await get(path, { 'Accept-Language': 'en' })).html, path).toContain('<html lang="en"')
				expect((await get(path, { 'Accept-Language': 'sr' })).html, path).toContain('<html lang="sr-Latn"')
				expect((await get(path, { Cookie: langCookie('sr-Cyrl') })).html, path).toContain('<html lang="sr-Cyrl"')
				expect((await get(path, { Cookie: langCookie('en'), 'Accept-Language': 'sr' })).html, path).toContain('<html lang="en"')
			}
		}
	})

	test("an organizer's request (session cookie), a private link, an answer that sets a cookie: no ETag, never a 304", async () => {
		const event = await createPublishedWorkshop(server, organizer)
		const anonymous = await get('/')
		const etag = anonymous.headers.get('etag')!
		const cookie = await logInCookie(server)
		const private_: Record<string, string>[] = [{ Cookie: cookie }, { Cookie: `${cookie}; ${langCookie('en')}` }, { Authorization: `Bearer ${organizer}` }]
		for (const headers of private_) {
			const page = await get('/', { ...headers, 'If-None-Match': etag })
			expect(page.status).toBe(200)
			expect(page.headers.get('etag')).toBeNull()
		}
		const admin = await get('/admin', { Cookie: cookie })
		expect(admin.status).toBe(200)
		expect(admin.headers.get('etag')).toBeNull()
		expect(admin.headers.get('cache-control')).toBe('private, no-store')

		const registered = await apiCall(server.url, 'POST', `/api/v1/events/${event.slug}/registrations`, {
			body: { name: 'Marko Marković', email: 'marko.cache@example.rs', partySize: 1, consent: { privacy: true } },
		})
		const ticket = new URL(registered.body.registration.manageUrl).pathname
		for (let i = 0; i < 2; i++) {
			const page = await get(ticket)
			expect(page.status).toBe(200)
			expect(page.headers.get('etag')).toBeNull()
			expect(page.headers.get('cache-control')).toBe('private, no-store')
		}
		// ?lang= remembers the choice in a cookie: that answer is never kept or shared.
		for (let i = 0; i < 2; i++) {
			const page = await get('/?lang=en', {})
			expect(page.headers.getSetCookie().join()).toContain(langCookie('en'))
			expect(page.headers.get('etag')).toBeNull()
		}
	})
})
