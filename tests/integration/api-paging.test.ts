// Large events (issue 21): the API's lists come a page at a time with a cursor (CONTRACT.md,
// Registrations), and a client walking `next` gets every registration exactly once even while new
// ones arrive; the registrations CSV is streamed. Over HTTP against the built server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken, expectApiError } from '#tests/support/api-client.ts'
import { withDatabase } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
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

const api = (path: string) => apiCall(server.url, 'GET', path, { token: organizer })

/** Registrations written straight into the database; every tenth is on the waiting list. */
function addRegistrations(eventId: number, from: number, count: number) {
	withDatabase(server, (db) => {
		const insert = db.prepare(
			`INSERT INTO registrations (event_id, status, name, email, party_size, locale, privacy_accepted_at, source, created_at, ticket_code)
			 VALUES (?, ?, ?, ?, 1, 'sr-Latn', ?, 'web', ?, ?)`,
		)
		const now = Date.now()
		db.transaction(() => {
			for (let i = from; i < from + count; i++)
				insert.run(eventId, i % 10 === 9 ? 'waitlisted' : 'confirmed', `Posetilac ${i}`, `p${i}@primer.rs`, now, now, `T-${eventId}-${i}`)
		})()
	})
}

describe('paged lists', () => {
	test('walking `next` gives every registration exactly once, in order, while new ones arrive; waiting places count across pages', async () => {
		const event = await createPublishedWorkshop(server, organizer, { capacity: null })
		addRegistrations(event.id, 0, 2_500)
		const seen: { id: number; status: string; position?: number }[] = []
		let path = `/api/v1/events/${event.slug}/registrations?limit=1000`
		let pages = 0
		for (;;) {
			const page = await api(path)
			expect(page.status, page.text).toBe(200)
			expect(page.headers.get('cache-control')).toBe('private, no-store')
			seen.push(...page.body.registrations)
			pages++
			// New registrations arrive while the client walks: they come after it, once.
			if (pages === 1) addRegistrations(event.id, 2_500, 10)
			if (!page.body.next) break
			path = `/api/v1/events/${event.slug}/registrations?limit=1000&cursor=${encodeURIComponent(page.body.next)}`
		}
		expect(pages).toBe(3)
		expect(seen).toHaveLength(2_510)
		const ids = seen.map((r) => r.id)
		expect(new Set(ids).size).toBe(ids.length)
		expect(ids).toEqual([...ids].sort((a, b) => a - b))
		const positions = seen.filter((r) => r.status === 'waitlisted').map((r) => r.position)
		expect(positions).toEqual(Array.from({ length: 251 }, (_, i) => i + 1))

		// The default page is 1,000; ?status= still filters.
		const first = await api(`/api/v1/events/${event.slug}/registrations`)
		expect(first.body.registrations).toHaveLength(1_000)
		const waiting = await api(`/api/v1/events/${event.slug}/registrations?status=waitlisted&limit=300`)
		expect(waiting.body.registrations.map((r: { position: number }) => r.position)).toEqual(positions)
		expect(waiting.body.next).toBeNull()
	}, 60_000)

	test('a bad limit or cursor is a 422 naming the field', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		for (const [query, field] of [
			['limit=0', 'limit'],
			['limit=1001', 'limit'],
			['limit=many', 'limit'],
			['cursor=registrations.x', 'cursor'],
			['cursor=applications.12', 'cursor'],
			['cursor=%00', 'cursor'],
		] as const) {
			const answer = await api(`/api/v1/events/${event.slug}/registrations?${query}`)
			expectApiError(answer, 422, 'invalid_fields')
			expect(Object.keys(answer.body.fields), query).toEqual([field])
		}
	})

	test('a fair’s applications page the same way', async () => {
		const fair = await createPublishedFair(server, organizer)
		for (let i = 0; i < 3; i++)
			await submitApplication(server, fair.slug, {
				organization: { name: `Zadruga ${i}`, legalForm: 'association', municipality: 'krusevac', companyNumber: '28123456', pib: '101134702' },
				contact: { name: `Kontakt ${i}`, email: `zadruga${i}@primer.rs` },
				products: 'Med',
				category: 'food',
				needs: { power: false, accessible: false },
				consent: { privacy: true },
			})
		const first = await api(`/api/v1/fairs/${fair.slug}/applications?limit=2`)
		expect(first.status, first.text).toBe(200)
		expect(first.body.applications).toHaveLength(2)
		const second = await api(`/api/v1/fairs/${fair.slug}/applications?limit=2&cursor=${first.body.next}`)
		expect(second.body.applications.map((a: { organization: { name: string } }) => a.organization.name)).toEqual(['Zadruga 2'])
		expect(second.body.next).toBeNull()
		expectApiError(await api(`/api/v1/fairs/${fair.slug}/applications?cursor=registrations.1`), 422, 'invalid_fields')
	})
})

describe('large answers', () => {
	test('go gzip-compressed to a client that takes it, and as they are to one that does not', async () => {
		const event = await createPublishedWorkshop(server, organizer, { capacity: null })
		addRegistrations(event.id, 0, 500)
		const scanner = await cliToken(server, 'scanner', ['--event', event.slug])
		const offline = (encoding: string) =>
			fetch(`${server.url}/api/v1/events/${event.slug}/checkins/offline`, { headers: { Authorization: `Bearer ${scanner}`, 'Accept-Encoding': encoding } })
		const zipped = await offline('gzip')
		expect(zipped.headers.get('content-encoding')).toBe('gzip')
		expect(zipped.headers.get('vary')).toContain('Accept-Encoding')
		const plain = await offline('identity')
		expect(plain.headers.get('content-encoding')).toBeNull()
		const [a, b] = [await zipped.json(), await plain.json()]
		expect(a.tickets).toHaveLength(500)
		expect({ ...a, generatedAt: null }).toEqual({ ...b, generatedAt: null })
		// A small answer is not worth it.
		const small = await fetch(`${server.url}/api/v1/events/${event.slug}`, { headers: { 'Accept-Encoding': 'gzip' } })
		expect(small.headers.get('content-encoding')).toBeNull()
	})
})

describe("the scanners' offline dataset", () => {
	test('is compact (under 60 KiB per 1,000 tickets as sent) and goes gzip-compressed to a scanner link', async () => {
		const event = await createPublishedWorkshop(server, organizer, { capacity: null })
		const n = 2_000
		withDatabase(server, (db) => {
			const insert = db.prepare(
				`INSERT INTO registrations (event_id, status, name, email, party_size, locale, privacy_accepted_at, source, created_at, ticket_code, checked_in_at, checked_in_by)
				 VALUES (?, ?, ?, ?, ?, 'sr-Latn', ?, 'web', ?, ?, ?, ?)`,
			)
			const now = Date.now()
			db.transaction(() => {
				for (let i = 0; i < n; i++) {
					const checkedIn = i % 3 === 0
					insert.run(
						event.id,
						i % 10 === 9 ? 'cancelled' : 'confirmed',
						`Posetilac Prezimenić ${i}`,
						`p${i}@primer.rs`,
						1 + (i % 4),
						now,
						now,
						i % 10 === 9 ? null : `T-${event.id}-${i}-${'x'.repeat(100)}`,
						checkedIn ? now + i * 1_000 : null,
						checkedIn ? `scan-device-${i % 5}` : null,
					)
				}
			})()
		})
		const link = await apiCall(server.url, 'POST', `/api/v1/events/${event.slug}/scanner-links`, {
			token: organizer,
			body: { expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(), label: 'Ulaz' },
		})
		expect(link.status, link.text).toBe(201)
		const offline = (encoding: string) =>
			fetch(`${server.url}/api/v1/events/${event.slug}/checkins/offline?v=2`, {
				headers: { Authorization: `Bearer ${link.body.token}`, 'Accept-Encoding': encoding },
			})
		const plain = await offline('identity')
		expect(plain.status).toBe(200)
		expect(plain.headers.get('content-encoding')).toBeNull()
		const raw = Buffer.from(await plain.arrayBuffer())
		const dataset = JSON.parse(raw.toString('utf8'))
		expect(dataset.version).toBe(2)
		expect(dataset.tickets.id).toHaveLength(n)
		expect(dataset.tickets.checkedIn).toHaveLength(Math.ceil(n / 3))
		const perThousand = (bytes: number) => (bytes / n) * 1000
		expect(perThousand(raw.length)).toBeLessThan(60 * 1024)

		const zipped = await offline('gzip, deflate, br')
		expect(zipped.headers.get('content-encoding')).toBe('gzip')
		expect(zipped.headers.get('vary')).toContain('Accept-Encoding')
		expect(zipped.headers.get('cache-control')).toBe('private, no-store')
		// fetch unzips by itself: the bytes on the wire are the Content-Length.
		expect(perThousand(Number(zipped.headers.get('content-length')))).toBeLessThan(25 * 1024)
		expect({ ...(await zipped.json()), generatedAt: null }).toEqual({ ...dataset, generatedAt: null })
	})
})

describe('the registrations CSV', () => {
	test('is streamed whole: the header and every row of a large event', async () => {
		const event = await createPublishedWorkshop(server, organizer, { capacity: null })
		addRegistrations(event.id, 0, 3_000)
		const response = await fetch(`${server.url}/admin/events/${event.id}/registrations.csv`, { headers: { Cookie: await logInCookie(server) } })
		expect(response.status).toBe(200)
		expect(response.headers.get('cache-control')).toBe('private, no-store')
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
		const lines = text.split('\r\n').filter(Boolean)
		expect(lines[0]!.startsWith('\uFEFF')).toBe(true)
		expect(lines).toHaveLength(3_001)
		expect(new Set(lines.slice(1).map((line) => line.split(';')[0])).size).toBe(3_000)
		expect(lines.at(-1)).toContain('Posetilac 2999')
	}, 60_000)
})
