// The registrations API over real HTTP against the built server (CONTRACT.md, "Registrations"):
// the happy path, every refusal, Idempotency-Key, capacity under 200 parallel requests, cancelling
// twice and the order of promotion from the waiting list, and the per-IP rate limit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import enApi from '#app/locales/en/api.json'
import srApi from '#app/locales/sr-Latn/api.json'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { apiCall, cliToken, expectApiError, type ApiOptions } from '#tests/support/api-client.ts'
import { createPublishedWorkshop, uniqueTitle } from '#tests/support/events.ts'
import { queuedTemplates } from '#tests/support/outbox.ts'

let server: TestServer
let organizer: string
let scanner: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)

const createToken = (role: string) => cliToken(server, role)

/** A published workshop ("Radionica pletenja N", 30 places), `overrides` over it. */
const createEvent = (overrides: Record<string, unknown> = {}) =>
	createPublishedWorkshop(server, organizer, { title: uniqueTitle('Radionica pletenja'), ...overrides })

let visitorCounter = 0
function visitor(overrides: Record<string, unknown> = {}) {
	visitorCounter++
	return { name: `Posetilac ${visitorCounter}`, email: `posetilac${visitorCounter}@example.rs`, consent: { privacy: true }, ...overrides }
}

const register = (slug: string, body: unknown, headers: Record<string, string> = {}) => api('POST', `/api/v1/events/${slug}/registrations`, { body, headers })

async function eventJson(slug: string) {
	const result = await api('GET', `/api/v1/events/${slug}`, { token: organizer })
	expect(result.status).toBe(200)
	return result.body.event as { registered: number; remaining: number | null; waitlisted: number; capacity: number | null }
}

async function listRegistrations(slug: string, query = '') {
	const result = await api('GET', `/api/v1/events/${slug}/registrations${query}`, { token: organizer })
	expect(result.status, JSON.stringify(result.body)).toBe(200)
	return result.body.registrations as Array<{ id: number; status: string; partySize: number; email: string; position?: number }>
}

const outboxFor = (email: string) => queuedTemplates(server, email)

beforeAll(async () => {
	server = await startServer()
	;[organizer, scanner] = await Promise.all([createToken('organizer'), createToken('scanner')])
})

afterAll(async () => {
	await server?.stop()
})

describe('POST /api/v1/events/{slug}/registrations', () => {
	test('registers and answers 201 with the Registration shape, a ticket whose QR and calendar work', async () => {
		const event = await createEvent({ maxPartySize: 3 })
		const result = await register(event.slug, {
			name: 'Jelena Marković',
			email: 'Jelena.Markovic@Example.rs',
			partySize: 3,
			locale: 'en',
			consent: { privacy: true, photos: true, newsletter: false },
			demographics: { gender: 'female', municipality: 'krusevac' },
		})
		expect(result.status, result.text).toBe(201)
		const registration = result.body.registration
		expect(registration).toMatchObject({
			id: expect.any(Number),
			event: event.slug,
			name: 'Jelena Marković',
			email: 'jelena.markovic@example.rs',
			partySize: 3,
			status: 'confirmed',
			locale: 'en',
		})
		expect(new Date(registration.createdAt).toISOString()).toBe(registration.createdAt)
		expect(registration.manageUrl).toMatch(new RegExp(`^${server.url}/tickets/[A-Za-z0-9_-]{43}$`))
		expect(registration.ticket.code).toMatch(/^[A-Za-z0-9_-]{108}$/)
		expect(registration.ticket.qrUrl).toBe(`${registration.manageUrl}/qr.svg`)
		expect(registration.ticket.calendarUrl).toBe(`${registration.manageUrl}/ticket.ics`)

		const qr = await fetch(registration.ticket.qrUrl)
		expect(qr.status).toBe(200)
		expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
		expect(await qr.text()).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"[\s\S]*<path d="M/)
		const ics = await fetch(registration.ticket.calendarUrl)
		expect(ics.status).toBe(200)
		expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/)
		expect(await ics.text()).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:20301205T090000Z[\s\S]*END:VEVENT/)

		const event2 = await eventJson(event.slug)
		expect(event2).toMatchObject({ registered: 3, remaining: 27, waitlisted: 0 })
		// The confirmation was queued for the visitor, in the same transaction.
		expect(outboxFor('jelena.markovic@example.rs')).toEqual(['registration-confirmed'])
	})

	test("the locale is the body's, else the request's language, else Serbian Latin", async () => {
		const event = await createEvent()
		expect((await register(event.slug, visitor({ locale: 'sr-Cyrl' }))).body.registration.locale).toBe('sr-Cyrl')
		expect((await register(event.slug, visitor(), { 'Accept-Language': 'en-US,en;q=0.9' })).body.registration.locale).toBe('en')
		expect((await register(event.slug, visitor())).body.registration.locale).toBe('sr-Latn')
	})

	test('a full event with a waiting list waitlists and says the position', async () => {
		const event = await createEvent({ capacity: 1 })
		expect((await register(event.slug, visitor())).body.registration.status).toBe('confirmed')
		const first = await register(event.slug, visitor())
		const second = await register(event.slug, visitor())
		expect(first.status).toBe(201)
		expect(first.body.registration).toMatchObject({ status: 'waitlisted', position: 1 })
		expect(first.body.registration.ticket).toBeUndefined()
		expect(second.body.registration).toMatchObject({ status: 'waitlisted', position: 2 })
	})

	test('409 already_registered: the link is mailed again, never returned', async () => {
		const event = await createEvent()
		const first = await register(event.slug, visitor({ email: 'dupla@example.rs' }))
		expect(first.status).toBe(201)
		const token = first.body.registration.manageUrl.split('/').at(-1)
		const again = await register(event.slug, visitor({ email: 'DUPLA@example.rs', name: 'Neko drugi' }))
		expectApiError(again, 409, 'already_registered')
		expect(again.body.message).toBe(srApi.errors.already_registered)
		expect(Object.keys(again.body).sort()).toEqual(['error', 'message'])
		expect(again.text).not.toContain(token)
		expect(again.text).not.toContain('/tickets/')
		expect(again.text).not.toContain('dupla@example.rs')
		expect(outboxFor('dupla@example.rs')).toEqual(['registration-confirmed', 'registration-link'])
		expect((await listRegistrations(event.slug)).filter((r) => r.email === 'dupla@example.rs')).toHaveLength(1)
	})

	test("409 sold_out when full without a waiting list, in the caller's language", async () => {
		const event = await createEvent({ capacity: 1, waitlist: false })
		expect((await register(event.slug, visitor())).status).toBe(201)
		const refused = await register(event.slug, visitor(), { 'Accept-Language': 'en' })
		expectApiError(refused, 409, 'sold_out')
		expect(refused.body.message).toBe(enApi.errors.sold_out)
		expect((await eventJson(event.slug)).registered).toBe(1)
	})

	test("409 registration_closed after the organizer's closing time, and once the event has started", async () => {
		const closing = await createEvent({ registrationClosesAt: '2020-01-01T10:00:00+01:00' })
		expectApiError(await register(closing.slug, visitor()), 409, 'registration_closed')
		const started = await createEvent({ startsAt: '2020-06-01T10:00:00+02:00', endsAt: '2030-06-01T12:00:00+02:00' })
		expectApiError(await register(started.slug, visitor()), 409, 'registration_closed')
	})

	test('404 for an unknown or draft event; 409 event_cancelled for a cancelled one', async () => {
		expectApiError(await register('nema-takvog-dogadjaja', visitor()), 404, 'not_found')
		const draft = await createEvent({ status: 'draft' })
		expectApiError(await register(draft.slug, visitor()), 404, 'not_found')
		const cancelled = await createEvent()
		expect((await api('PATCH', `/api/v1/events/${cancelled.slug}`, { token: organizer, body: { status: 'cancelled' } })).status).toBe(200)
		expectApiError(await register(cancelled.slug, visitor()), 409, 'event_cancelled')
	})

	test('422 with the field named: missing and malformed fields, no privacy consent, unknown fields', async () => {
		const event = await createEvent({ maxPartySize: 2 })
		const cases: [unknown, string][] = [
			[{ email: 'a@example.rs', consent: { privacy: true } }, 'name'],
			[visitor({ email: 'nije-adresa' }), 'email'],
			[visitor({ consent: { privacy: false } }), 'consent.privacy'],
			[visitor({ consent: {} }), 'consent.privacy'],
			[{ name: 'Bez saglasnosti', email: 'bez@example.rs' }, 'consent'],
			[visitor({ partySize: 0 }), 'partySize'],
			[visitor({ partySize: 1.5 }), 'partySize'],
			[visitor({ locale: 'de' }), 'locale'],
			[visitor({ demographics: { gender: 'unknown' } }), 'demographics.gender'],
			[visitor({ ticket: 'free' }), 'ticket'],
		]
		for (const [body, field] of cases) {
			const result = await register(event.slug, body)
			expectApiError(result, 422, 'invalid_fields')
			expect(Object.keys(result.body.fields), JSON.stringify(body)).toContain(field)
		}
		expect(await listRegistrations(event.slug)).toHaveLength(0)
	})

	test("422 on partySize above the event's maxPartySize, with the rule's message on the field", async () => {
		const event = await createEvent({ maxPartySize: 2 })
		const result = await register(event.slug, visitor({ partySize: 3 }), { 'Accept-Language': 'en' })
		expectApiError(result, 422, 'invalid_fields')
		expect(result.body.fields).toEqual({ partySize: [enApi.errors.party_too_large] })
		expect((await register(event.slug, visitor({ partySize: 2 }))).status).toBe(201)
	})

	test('400 for malformed JSON, 413 for a body over 64 KB, 405 for other methods', async () => {
		const event = await createEvent()
		expectApiError(await api('POST', `/api/v1/events/${event.slug}/registrations`, { raw: '{"name": "Ana",' }), 400, 'bad_json')
		const huge = JSON.stringify(visitor({ name: 'x'.repeat(70 * 1024) }))
		expectApiError(await api('POST', `/api/v1/events/${event.slug}/registrations`, { raw: huge }), 413, 'payload_too_large')
		const put = await api('PUT', `/api/v1/events/${event.slug}/registrations`, { body: visitor() })
		expectApiError(put, 405, 'method_not_allowed')
		expect(put.headers.get('allow')).toContain('POST')
		expect(await listRegistrations(event.slug)).toHaveLength(0)
	})
})

describe('Idempotency-Key', () => {
	test('a repeated key returns the first answer and creates nothing', async () => {
		const event = await createEvent()
		const body = visitor()
		const key = 'klijent-42-pokusaj-1'
		const first = await register(event.slug, body, { 'Idempotency-Key': key })
		expect(first.status).toBe(201)
		const again = await register(event.slug, body, { 'Idempotency-Key': key })
		expect(again.status).toBe(201)
		// The same registration; its link is a fresh one (links are stored only as hashes, so the
		// first one cannot be read back), and both open the ticket.
		const { manageUrl: firstLink, ticket: firstTicket, ...firstRest } = first.body.registration
		const { manageUrl: againLink, ticket: againTicket, ...againRest } = again.body.registration
		expect(againRest).toEqual(firstRest)
		expect(againTicket.code).toBe(firstTicket.code)
		expect(againLink).toMatch(new RegExp(`^${server.url}/tickets/[A-Za-z0-9_-]{43}$`))
		expect(againTicket.qrUrl).toBe(`${againLink}/qr.svg`)
		for (const link of [firstLink, againLink]) expect((await fetch(link)).status).toBe(200)
		expect(again.headers.get('idempotent-replayed')).toBe('true')
		const list = await listRegistrations(event.slug)
		expect(list).toHaveLength(1)
		expect((await eventJson(event.slug)).registered).toBe(1)
		expect(outboxFor(body.email)).toEqual(['registration-confirmed'])

		// Without a key the same body is an ordinary second attempt: already registered.
		expectApiError(await register(event.slug, body), 409, 'already_registered')
	})

	test('a refusal is replayed too, and the same key with another body is refused', async () => {
		const event = await createEvent({ capacity: 1, waitlist: false })
		expect((await register(event.slug, visitor())).status).toBe(201)
		const body = visitor()
		const first = await register(event.slug, body, { 'Idempotency-Key': 'odbijen' })
		expectApiError(first, 409, 'sold_out')
		expect(await register(event.slug, body, { 'Idempotency-Key': 'odbijen' })).toMatchObject({ status: 409, body: first.body })

		const reused = await register(event.slug, visitor(), { 'Idempotency-Key': 'odbijen' })
		expectApiError(reused, 422, 'idempotency_key_reused')
		expect(await listRegistrations(event.slug)).toHaveLength(1)
	})

	test('a key over 200 characters is refused with 422 and nothing is created', async () => {
		const event = await createEvent()
		const result = await register(event.slug, visitor(), { 'Idempotency-Key': 'k'.repeat(201) })
		expectApiError(result, 422, 'invalid_fields')
		expect(Object.keys(result.body.fields)).toEqual(['Idempotency-Key'])
		expect(await listRegistrations(event.slug)).toHaveLength(0)
		expect((await register(event.slug, visitor(), { 'Idempotency-Key': 'k'.repeat(200) })).status).toBe(201)
	})

	test('keys are per event', async () => {
		const [a, b] = [await createEvent(), await createEvent()]
		const body = visitor()
		expect((await register(a.slug, body, { 'Idempotency-Key': 'isti' })).status).toBe(201)
		const other = await register(b.slug, body, { 'Idempotency-Key': 'isti' })
		expect(other.status).toBe(201)
		expect(other.body.registration.event).toBe(b.slug)
	})
})

describe('capacity under concurrency', () => {
	/** Fills `capacity - left` places first, then fires `count` registrations at once. */
	async function race(options: { capacity: number; left: number; waitlist: boolean; count: number; partySize?: () => number; maxPartySize?: number }) {
		const event = await createEvent({ capacity: options.capacity, waitlist: options.waitlist, maxPartySize: options.maxPartySize ?? 1 })
		for (let filled = 0; filled < options.capacity - options.left; filled++) {
			expect((await register(event.slug, visitor())).body.registration.status).toBe('confirmed')
		}
		const bodies = Array.from({ length: options.count }, () => visitor({ partySize: options.partySize?.() ?? 1 }))
		const results = await Promise.all(bodies.map((body) => register(event.slug, body)))
		return { event, results }
	}

	test('200 at once for the last 10 places, with a waiting list: exactly 10 confirmed, 190 waitlisted, no 5xx', async () => {
		const { event, results } = await race({ capacity: 25, left: 10, waitlist: true, count: 200 })
		expect(results.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([])
		expect(results.every((r) => r.status === 201)).toBe(true)
		const statuses = results.map((r) => r.body.registration.status)
		expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(10)
		expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(190)
		// Positions 1..190, each once.
		const positions = results.filter((r) => r.body.registration.status === 'waitlisted').map((r) => r.body.registration.position)
		expect(new Set(positions).size).toBe(190)
		expect(Math.max(...positions)).toBe(190)
		expect(await eventJson(event.slug)).toMatchObject({ registered: 25, remaining: 0, waitlisted: 190 })
		const list = await listRegistrations(event.slug, '?status=confirmed')
		expect(list.reduce((sum, r) => sum + r.partySize, 0)).toBe(25)
	})

	test('200 at once for the last 10 places, without a waiting list: 10 confirmed, 190 × 409 sold_out', async () => {
		const { event, results } = await race({ capacity: 10, left: 10, waitlist: false, count: 200 })
		expect(results.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([])
		expect(results.filter((r) => r.status === 201)).toHaveLength(10)
		const refused = results.filter((r) => r.status !== 201)
		expect(refused).toHaveLength(190)
		for (const r of refused) expectApiError(r, 409, 'sold_out')
		expect(await eventJson(event.slug)).toMatchObject({ registered: 10, remaining: 0, waitlisted: 0 })
		expect(await listRegistrations(event.slug)).toHaveLength(10)
	})

	test('parties of 1 to 4 persons racing for 10 places never overbook', async () => {
		let i = 0
		const { event, results } = await race({ capacity: 12, left: 10, waitlist: true, count: 200, maxPartySize: 4, partySize: () => (i++ % 4) + 1 })
		expect(results.filter((r) => r.status !== 201).map((r) => r.text)).toEqual([])
		const confirmed = results.filter((r) => r.body.registration.status === 'confirmed')
		const persons = confirmed.reduce((sum, r) => sum + r.body.registration.partySize, 0)
		expect(persons).toBeLessThanOrEqual(10)
		expect(persons).toBeGreaterThan(0)
		const after = await eventJson(event.slug)
		expect(after.registered).toBe(2 + persons)
		expect(after.registered).toBeLessThanOrEqual(12)
		const all = await listRegistrations(event.slug, '?status=confirmed')
		expect(all.reduce((sum, r) => sum + r.partySize, 0)).toBe(after.registered)
		// Nobody who still waits would fit into what is left: places are never left idle.
		const waiting = await listRegistrations(event.slug, '?status=waitlisted')
		expect(waiting.every((r) => r.partySize > (after.remaining ?? 0))).toBe(true)
	})
})

describe('POST /api/v1/tickets/{manageToken}/cancel', () => {
	const tokenOf = (registration: { manageUrl: string }) => registration.manageUrl.split('/').at(-1)!
	const cancel = (token: string) => api('POST', `/api/v1/tickets/${token}/cancel`)

	test('frees the places once, and promotes the first waiting party that fits, in order', async () => {
		const event = await createEvent({ capacity: 3, maxPartySize: 2 })
		const a = (await register(event.slug, visitor({ partySize: 2 }))).body.registration
		const b = (await register(event.slug, visitor({ partySize: 1 }))).body.registration
		const c = (await register(event.slug, visitor({ partySize: 2 }))).body.registration
		const d = (await register(event.slug, visitor({ partySize: 1 }))).body.registration
		const e = (await register(event.slug, visitor({ partySize: 1 }))).body.registration
		expect([a, b, c, d, e].map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted'])

		// One place frees: C (2) does not fit yet and keeps its place; D (1) goes ahead.
		const first = await cancel(tokenOf(b))
		expect(first.status, first.text).toBe(200)
		expect(first.body.registration).toMatchObject({ id: b.id, status: 'cancelled' })
		expect(first.body.registration.ticket).toBeUndefined()
		expect(first.body.promoted).toEqual([d.id])
		expect(await eventJson(event.slug)).toMatchObject({ registered: 3, waitlisted: 3 })

		// Twice: the same registration, nothing freed, nobody promoted.
		const second = await cancel(tokenOf(b))
		expect(second.status).toBe(200)
		expect(second.body).toEqual({ registration: first.body.registration, promoted: [] })
		expect(await eventJson(event.slug)).toMatchObject({ registered: 3, waitlisted: 3 })

		// Two places free: C, first in line, now fits; E stays first on the list.
		expect((await cancel(tokenOf(a))).body.promoted).toEqual([c.id])
		expect(await eventJson(event.slug)).toMatchObject({ registered: 3, waitlisted: 1 })
		const waiting = await listRegistrations(event.slug, '?status=waitlisted')
		expect(waiting).toMatchObject([{ id: e.id, position: 1 }])
		const confirmed = await listRegistrations(event.slug, '?status=confirmed')
		expect(confirmed.map((r) => r.id).sort()).toEqual([c.id, d.id].sort())
		expect(outboxFor(d.email)).toEqual(['registration-waitlisted', 'registration-promoted'])

		// The cancelled ticket no longer has a QR.
		expect((await fetch(`${b.manageUrl}/qr.svg`)).status).toBe(404)
	})

	test('404 for an unknown token, 405 for GET', async () => {
		expectApiError(await cancel('a'.repeat(43)), 404, 'not_found')
		expectApiError(await cancel('kratak'), 404, 'not_found')
		const get = await api('GET', `/api/v1/tickets/${'a'.repeat(43)}/cancel`)
		expectApiError(get, 405, 'method_not_allowed')
		expect(get.headers.get('allow')).toBe('POST')
	})
})

describe('GET /api/v1/events/{slug}/registrations', () => {
	test('organizers only: 401 without a token, 403 for a scanner', async () => {
		const event = await createEvent()
		expectApiError(await api('GET', `/api/v1/events/${event.slug}/registrations`), 401, 'unauthorized')
		expectApiError(await api('GET', `/api/v1/events/${event.slug}/registrations`, { token: scanner }), 403, 'forbidden')
		expectApiError(await api('GET', '/api/v1/events/nema-ga/registrations', { token: organizer }), 404, 'not_found')
	})

	test('lists in registration order, filters by ?status=, refuses an unknown status', async () => {
		const event = await createEvent({ capacity: 1 })
		const emails = [visitor(), visitor(), visitor()]
		for (const body of emails) await register(event.slug, body)
		const all = await listRegistrations(event.slug)
		expect(all.map((r) => r.email)).toEqual(emails.map((b) => b.email))
		expect(all.map((r) => r.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted'])
		expect(all[0]).toHaveProperty('ticket.code')
		// Private links are stored only as hashes: an organizer's list cannot hand them out.
		expect(all[0]).toMatchObject({ manageUrl: null, ticket: { qrUrl: null, calendarUrl: null } })
		expect((await listRegistrations(event.slug, '?status=waitlisted')).map((r) => r.position)).toEqual([1, 2])
		expect(await listRegistrations(event.slug, '?status=cancelled')).toEqual([])
		const bad = await api('GET', `/api/v1/events/${event.slug}/registrations?status=maybe`, { token: organizer })
		expectApiError(bad, 422, 'invalid_fields')
		expect(Object.keys(bad.body.fields)).toEqual(['status'])
	})
})

describe('rate limit', () => {
	let limited: TestServer

	beforeAll(async () => {
		limited = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3' } })
	})

	afterAll(async () => {
		await limited?.stop()
	})

	test('the 4th public POST in a minute gets 429 rate_limited with Retry-After, and creates nothing', async () => {
		const post = (path: string, body: unknown) =>
			fetch(limited.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
		// Three POSTs of any kind from this address (an unknown event still counts).
		for (let i = 0; i < 3; i++) expect((await post('/api/v1/events/nema-ga/registrations', visitor())).status).toBe(404)
		const fourth = await post('/api/v1/events/nema-ga/registrations', visitor())
		expect(fourth.status).toBe(429)
		expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
		expect(Number(fourth.headers.get('retry-after'))).toBeLessThanOrEqual(60)
		expect(await fourth.json()).toMatchObject({ error: 'rate_limited', message: srApi.errors.rate_limited })
		// Cancelling through the API is a public POST too.
		expect((await post(`/api/v1/tickets/${'a'.repeat(43)}/cancel`, {})).status).toBe(429)
		// Reading is not limited.
		expect((await fetch(`${limited.url}/api/v1/events`)).status).toBe(200)
	})
})
