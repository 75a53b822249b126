// The events API over real HTTP against the built server (CONTRACT.md, "JSON API" and "Events").
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import enApi from '#app/locales/en/api.json'
import enCommon from '#app/locales/en/common.json'
import srApi from '#app/locales/sr-Latn/api.json'
import srCommon from '#app/locales/sr-Latn/common.json'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { dbRun } from '#tests/support/database.ts'
import { createEventViaApi, uniqueTitle } from '#tests/support/events.ts'
import { apiCall, cliToken, expectApiError, type ApiOptions, type ApiResult } from '#tests/support/api-client.ts'

let server: TestServer
let organizer: string
let scanner: string
let admin: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)

const createToken = (role: string) => cliToken(server, role)

/** A valid body; each call a new title, so slugs do not collide between tests. */
function eventBody(overrides: Record<string, unknown> = {}) {
	return {
		title: uniqueTitle('Radionica izrade sapuna'),
		kind: 'workshop',
		startsAt: '2030-12-05T10:00:00+01:00',
		endsAt: '2030-12-05T13:00:00+01:00',
		venue: 'Centar za socijalno preduzetništvo',
		capacity: 30,
		...overrides,
	}
}

/** The event as the API answered it (the contract's Event has no database id). */
async function createEvent(overrides: Record<string, unknown> = {}) {
	const { id: _id, ...event } = await createEventViaApi(server, organizer, eventBody(overrides))
	return event
}

beforeAll(async () => {
	server = await startServer()
	;[organizer, scanner, admin] = await Promise.all([createToken('organizer'), createToken('scanner'), createToken('admin')])
})

afterAll(async () => {
	await server?.stop()
})

describe('POST /api/v1/events', () => {
	test('creates a draft event and answers 201 with the Event shape', async () => {
		const result = await api('POST', '/api/v1/events', {
			token: organizer,
			body: eventBody({ title: 'Okrugli sto o zapošljavanju', kind: 'roundtable', capacity: 40 }),
		})
		expect(result.status, JSON.stringify(result.body)).toBe(201)
		const event = result.body.event
		for (const key of [
			'slug',
			'title',
			'kind',
			'startsAt',
			'endsAt',
			'venue',
			'capacity',
			'registered',
			'remaining',
			'waitlisted',
			'maxPartySize',
			'waitlist',
			'status',
			'url',
		]) {
			expect(event, key).toHaveProperty(key)
		}
		expect(event).toMatchObject({
			slug: 'okrugli-sto-o-zaposljavanju',
			title: 'Okrugli sto o zapošljavanju',
			kind: 'roundtable',
			venue: { name: 'Centar za socijalno preduzetništvo', address: '', city: 'Kruševac' },
			capacity: 40,
			registered: 0,
			remaining: 40,
			waitlisted: 0,
			maxPartySize: 1,
			waitlist: true,
			status: 'draft',
			url: `${server.url}/events/okrugli-sto-o-zaposljavanju`,
		})
		// The offset is honoured: 10:00 in Belgrade (+01:00 in December) is 09:00 UTC.
		expect(new Date(event.startsAt).toISOString()).toBe('2030-12-05T09:00:00.000Z')
		expect(new Date(event.endsAt).toISOString()).toBe('2030-12-05T12:00:00.000Z')
		expect(event.startsAt).toMatch(/(Z|[+-]\d\d:\d\d)$/)
	})

	test('takes a venue object, an explicit slug, unlimited capacity and the optional fields', async () => {
		const event = await createEvent({
			slug: 'sajam-2030',
			kind: 'fair',
			venue: { name: 'Kulturni centar', address: 'Trg kosovskih junaka 1', city: 'Kruševac' },
			capacity: null,
			maxPartySize: 5,
			waitlist: false,
			status: 'published',
		})
		expect(event).toMatchObject({
			slug: 'sajam-2030',
			kind: 'fair',
			venue: { name: 'Kulturni centar', address: 'Trg kosovskih junaka 1', city: 'Kruševac' },
			capacity: null,
			remaining: null,
			maxPartySize: 5,
			waitlist: false,
			status: 'published',
		})
	})

	test('an admin token may create too', async () => {
		const result = await api('POST', '/api/v1/events', { token: admin, body: eventBody() })
		expect(result.status).toBe(201)
	})

	test('a slug that is taken is a 409 conflict', async () => {
		await createEvent({ slug: 'zauzeto' })
		const result = await api('POST', '/api/v1/events', { token: organizer, body: eventBody({ slug: 'zauzeto' }) })
		expectApiError(result, 409, 'slug_taken')
		expect(result.body.fields?.slug).toHaveLength(1)
	})

	test('the same title twice gets a second, different slug', async () => {
		const body = eventBody({ title: 'Info dan za udruženja' })
		const first = await api('POST', '/api/v1/events', { token: organizer, body })
		const second = await api('POST', '/api/v1/events', { token: organizer, body })
		expect([first.status, second.status]).toEqual([201, 201])
		expect(second.body.event.slug).not.toBe(first.body.event.slug)
	})
})

describe('GET /api/v1/events', () => {
	test('lists published upcoming events soonest first, never drafts', async () => {
		const later = await createEvent({ startsAt: '2031-03-10T18:00:00+01:00', endsAt: '2031-03-10T20:00:00+01:00', status: 'published' })
		const sooner = await createEvent({ startsAt: '2031-03-01T18:00:00+01:00', endsAt: '2031-03-01T20:00:00+01:00', status: 'published' })
		const draft = await createEvent({ startsAt: '2031-03-05T18:00:00+01:00', endsAt: '2031-03-05T20:00:00+01:00' })

		const list = await api('GET', '/api/v1/events')
		expect(list.status).toBe(200)
		const slugs: string[] = list.body.events.map((e: { slug: string }) => e.slug)
		expect(slugs).toContain(later.slug)
		expect(slugs).toContain(sooner.slug)
		expect(slugs).not.toContain(draft.slug)
		expect(slugs.indexOf(sooner.slug)).toBeLessThan(slugs.indexOf(later.slug))
		const starts = list.body.events.map((e: { startsAt: string }) => Date.parse(e.startsAt))
		expect(starts).toEqual([...starts].sort((a, b) => a - b))
		for (const event of list.body.events) expect(event.status).toBe('published')

		const published = await api('PATCH', `/api/v1/events/${draft.slug}`, { token: organizer, body: { status: 'published' } })
		expect(published.status).toBe(200)
		expect(published.body.event.status).toBe('published')
		const again = await api('GET', '/api/v1/events')
		const slugsAgain: string[] = again.body.events.map((e: { slug: string }) => e.slug)
		expect(slugsAgain.indexOf(sooner.slug)).toBeLessThan(slugsAgain.indexOf(draft.slug))
		expect(slugsAgain.indexOf(draft.slug)).toBeLessThan(slugsAgain.indexOf(later.slug))
	})

	test('an event that has ended is not listed', async () => {
		const past = await createEvent({ startsAt: '2020-01-10T10:00:00+01:00', endsAt: '2020-01-10T12:00:00+01:00', status: 'published' })
		const list = await api('GET', '/api/v1/events')
		expect(list.body.events.map((e: { slug: string }) => e.slug)).not.toContain(past.slug)
	})
})

describe('GET /api/v1/events/{slug}', () => {
	test('a published event is public', async () => {
		const created = await createEvent({ status: 'published' })
		const result = await api('GET', `/api/v1/events/${created.slug}`)
		expect(result.status).toBe(200)
		expect(result.body.event).toEqual(created)
	})

	test('a draft is not found for the public, but visible to an organizer', async () => {
		const draft = await createEvent()
		expectApiError(await api('GET', `/api/v1/events/${draft.slug}`), 404, 'not_found')
		expectApiError(await api('GET', `/api/v1/events/${draft.slug}`, { token: scanner }), 404, 'not_found')
		expectApiError(await api('GET', `/api/v1/events/${draft.slug}`, { token: 'sjm_wrong' }), 404, 'not_found')
		const seen = await api('GET', `/api/v1/events/${draft.slug}`, { token: organizer })
		expect(seen.status).toBe(200)
		expect(seen.body.event.slug).toBe(draft.slug)
	})

	test('an unknown slug is 404', async () => {
		expectApiError(await api('GET', '/api/v1/events/nema-ga'), 404, 'not_found')
		expectApiError(await api('GET', `/api/v1/events/${encodeURIComponent('šđč ž')}`), 404, 'not_found')
	})
})

describe('PATCH /api/v1/events/{slug}', () => {
	test('changes capacity and venue; only a change of time or place raises the sequence', async () => {
		const created = await createEvent({ capacity: 10, status: 'published' })
		expect(created.sequence).toBe(0)

		const capacity = await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, body: { capacity: 25 } })
		expect(capacity.status, JSON.stringify(capacity.body)).toBe(200)
		expect(capacity.body.event).toMatchObject({ capacity: 25, remaining: 25, sequence: 0 })

		const venue = await api('PATCH', `/api/v1/events/${created.slug}`, {
			token: organizer,
			body: { venue: { name: 'Sala Doma omladine', address: 'Vidovdanska 2' } },
		})
		expect(venue.status, JSON.stringify(venue.body)).toBe(200)
		expect(venue.body.event.venue).toEqual({ name: 'Sala Doma omladine', address: 'Vidovdanska 2', city: 'Kruševac' })
		expect(venue.body.event.sequence).toBe(1)

		const time = await api('PATCH', `/api/v1/events/${created.slug}`, {
			token: organizer,
			body: { startsAt: '2030-12-05T11:00:00+01:00', endsAt: '2030-12-05T14:00:00+01:00' },
		})
		expect(time.status).toBe(200)
		expect(time.body.event.sequence).toBe(2)
		expect(time.body.event.startsAt).toBe('2030-12-05T10:00:00.000Z')

		const unlimited = await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, body: { capacity: null } })
		expect(unlimited.body.event).toMatchObject({ capacity: null, remaining: null, sequence: 2 })

		const stored = await api('GET', `/api/v1/events/${created.slug}`)
		expect(stored.body.event).toEqual(unlimited.body.event)
	})

	test('an empty patch changes nothing', async () => {
		const created = await createEvent()
		const result = await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, body: {} })
		expect(result.status).toBe(200)
		expect(result.body.event).toEqual(created)
	})

	test('renaming to a slug that is taken is a 409; to a free one moves the event', async () => {
		const a = await createEvent()
		const b = await createEvent()
		expectApiError(await api('PATCH', `/api/v1/events/${a.slug}`, { token: organizer, body: { slug: b.slug } }), 409, 'slug_taken')
		const moved = await api('PATCH', `/api/v1/events/${a.slug}`, { token: organizer, body: { slug: `${a.slug}-novo` } })
		expect(moved.status).toBe(200)
		expect(moved.body.event.url).toBe(`${server.url}/events/${a.slug}-novo`)
		expectApiError(await api('GET', `/api/v1/events/${a.slug}`, { token: organizer }), 404, 'not_found')
	})

	test('an end before the stored start is 422 on endsAt', async () => {
		const created = await createEvent()
		const result = await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, body: { endsAt: '2030-12-04T10:00:00+01:00' } })
		expectApiError(result, 422, 'invalid_fields')
		expect(result.body.fields.endsAt).toEqual(['Kraj ne može biti pre početka.'])
	})

	test('capacity below the persons already registered is refused with its own message', async () => {
		const created = await createEvent({ capacity: 10 })
		// No registration API yet: put five confirmed persons straight into the server's database.
		dbRun(server, 'UPDATE events SET confirmed_persons = 5 WHERE slug = ?', created.slug)
		const result = await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, body: { capacity: 3 } })
		expectApiError(result, 409, 'capacity_below_registered')
		expect(result.body.message).toBe(srApi.errors.capacity_below_registered)
		expect(result.body.fields).toEqual({ capacity: [srApi.errors.capacity_below_registered] })
		const ok = await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, body: { capacity: 5 } })
		expect(ok.body.event).toMatchObject({ capacity: 5, registered: 5, remaining: 0 })
	})

	test('a cancelled event can be read but no longer changed', async () => {
		const created = await createEvent({ status: 'published' })
		const cancelled = await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, body: { status: 'cancelled' } })
		expect(cancelled.status).toBe(200)
		expect(cancelled.body.event.status).toBe('cancelled')
		expect((await api('GET', `/api/v1/events/${created.slug}`)).body.event.status).toBe('cancelled')
		expectApiError(await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, body: { capacity: 50 } }), 409, 'event_cancelled')
	})

	test('an unknown slug is 404', async () => {
		expectApiError(await api('PATCH', '/api/v1/events/nema-ga', { token: organizer, body: { capacity: 5 } }), 404, 'not_found')
	})
})

describe('authentication and roles', () => {
	test('no token is 401, for creating and for changing', async () => {
		const created = await createEvent()
		expectApiError(await api('POST', '/api/v1/events', { body: eventBody() }), 401, 'unauthorized')
		expectApiError(await api('PATCH', `/api/v1/events/${created.slug}`, { body: { capacity: 1 } }), 401, 'unauthorized')
	})

	test('a wrong or malformed token is 401', async () => {
		for (const header of ['Bearer sjm_not-a-real-token', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', `Bearer ${organizer}x`, 'Bearer ' + 'a'.repeat(5000)]) {
			const result = await api('POST', '/api/v1/events', { body: eventBody(), headers: { Authorization: header } })
			expectApiError(result, 401, 'unauthorized')
		}
	})

	test('a scanner token is 403', async () => {
		const created = await createEvent()
		expectApiError(await api('POST', '/api/v1/events', { token: scanner, body: eventBody() }), 403, 'forbidden')
		expectApiError(await api('PATCH', `/api/v1/events/${created.slug}`, { token: scanner, body: { capacity: 1 } }), 403, 'forbidden')
	})

	test('the guard comes before the body: no token and a broken body is still 401', async () => {
		expectApiError(await api('POST', '/api/v1/events', { raw: '{not json' }), 401, 'unauthorized')
	})
})

describe('bad input', () => {
	test('malformed JSON is 400 bad_json', async () => {
		for (const raw of ['{not json', '', '{"title": "x",}', "{'title': 'x'}"]) {
			expectApiError(await api('POST', '/api/v1/events', { token: organizer, raw }), 400, 'bad_json')
		}
		const created = await createEvent()
		expectApiError(await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, raw: '{' }), 400, 'bad_json')
	})

	test('invalid fields are 422 with a message per field, in Serbian by default', async () => {
		const result = await api('POST', '/api/v1/events', {
			token: organizer,
			body: eventBody({ kind: 'party', capacity: -1, startsAt: '2030-12-05T10:00:00+01:00', endsAt: '2030-12-05T09:00:00+01:00' }),
		})
		expectApiError(result, 422, 'invalid_fields')
		expect(result.body.message).toBe(srApi.errors.invalid_fields)
		expect(Object.keys(result.body.fields).sort()).toEqual(['capacity', 'kind'])
		expect(result.body.fields.kind).toEqual([srCommon.validation.choice])
		expect(result.body.fields.capacity).toEqual([srCommon.validation.tooSmall.replace('{{min}}', '1')])

		// The end-before-start rule runs once the fields themselves are valid.
		const order = await api('POST', '/api/v1/events', {
			token: organizer,
			body: eventBody({ startsAt: '2030-12-05T10:00:00+01:00', endsAt: '2030-12-05T09:00:00+01:00' }),
		})
		expectApiError(order, 422, 'invalid_fields')
		expect(order.body.fields).toEqual({ endsAt: [srCommon.validation.endsBeforeStart] })
	})

	test('messages are in English with Accept-Language: en or ?lang=en', async () => {
		const body = eventBody({ startsAt: '2030-12-05T10:00:00+01:00', endsAt: '2030-12-05T09:00:00+01:00' })
		const byHeader = await api('POST', '/api/v1/events', { token: organizer, body, headers: { 'Accept-Language': 'en-GB,en;q=0.9' } })
		const byQuery = await api('POST', '/api/v1/events?lang=en', { token: organizer, body })
		for (const result of [byHeader, byQuery]) {
			expectApiError(result, 422, 'invalid_fields')
			expect(result.body.message).toBe(enApi.errors.invalid_fields)
			expect(result.body.fields).toEqual({ endsAt: [enCommon.validation.endsBeforeStart] })
		}
		expectApiError(await api('GET', '/api/v1/events/nema-ga?lang=en'), 404, 'not_found')
		expect((await api('GET', '/api/v1/events/nema-ga?lang=en')).body.message).toBe(enApi.errors.not_found)
		expect((await api('POST', '/api/v1/events', { body, headers: { 'Accept-Language': 'en' } })).body.message).toBe(enApi.errors.unauthorized)
	})

	test('missing required fields, times without an offset and unknown fields are named', async () => {
		const missing = await api('POST', '/api/v1/events', { token: organizer, body: {} })
		expectApiError(missing, 422, 'invalid_fields')
		expect(Object.keys(missing.body.fields).sort()).toEqual(['capacity', 'endsAt', 'kind', 'startsAt', 'title', 'venue'])

		const local = await api('POST', '/api/v1/events', { token: organizer, body: eventBody({ startsAt: '2030-12-05T10:00:00' }) })
		expectApiError(local, 422, 'invalid_fields')
		expect(local.body.fields.startsAt).toEqual([srCommon.validation.isoDateTime])

		const unknown = await api('POST', '/api/v1/events', { token: organizer, body: eventBody({ price: 100 }) })
		expectApiError(unknown, 422, 'invalid_fields')
		expect(Object.keys(unknown.body.fields)).toEqual(['price'])
	})

	test('an oversized body is 413', async () => {
		const raw = JSON.stringify(eventBody({ description: 'x'.repeat(100 * 1024) }))
		expectApiError(await api('POST', '/api/v1/events', { token: organizer, raw }), 413, 'payload_too_large')
		const created = await createEvent()
		expectApiError(await api('PATCH', `/api/v1/events/${created.slug}`, { token: organizer, raw }), 413, 'payload_too_large')
	})

	test('hostile bodies never cause a 500', async () => {
		const created = await createEvent()
		const bodies = [
			'null',
			'[]',
			'"x"',
			'1',
			'true',
			'{}',
			'['.repeat(5000) + ']'.repeat(5000),
			'{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
			JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }),
			'{"__proto__": {"status": "published"}}',
			JSON.stringify(eventBody({ capacity: 1e308 })),
			JSON.stringify(eventBody({ capacity: 2.5 })),
			JSON.stringify(eventBody({ capacity: '30' })),
			JSON.stringify(eventBody({ capacity: 0 })),
			// eslint-disable-next-line no-loss-of-precision -- a number past 2^53 is the input under test
			JSON.stringify(eventBody({ capacity: 9_007_199_254_740_993 })),
			'{"title": "Velika radionica", "kind": "workshop", "startsAt": "2030-12-05T10:00:00+01:00", "endsAt": "2030-12-05T11:00:00+01:00", "venue": "Sala", "capacity": 1e400}',
			JSON.stringify(eventBody({ maxPartySize: -5 })),
			JSON.stringify(eventBody({ maxPartySize: 1e9 })),
			JSON.stringify(eventBody({ waitlist: 'yes' })),
			JSON.stringify(eventBody({ status: 'cancelled' })),
			JSON.stringify(eventBody({ title: 42 })),
			JSON.stringify(eventBody({ title: ['a', 'b'] })),
			JSON.stringify(eventBody({ title: '\u0000\u0000\u0000' })),
			JSON.stringify(eventBody({ kind: null })),
			JSON.stringify(eventBody({ venue: null })),
			JSON.stringify(eventBody({ venue: 5 })),
			JSON.stringify(eventBody({ venue: {} })),
			JSON.stringify(eventBody({ venue: { name: ['x'] } })),
			JSON.stringify(eventBody({ slug: '../../etc/passwd' })),
			JSON.stringify(eventBody({ slug: 'A B' })),
			JSON.stringify(eventBody({ startsAt: 'tomorrow' })),
			JSON.stringify(eventBody({ startsAt: 1_700_000_000_000 })),
			JSON.stringify(eventBody({ startsAt: '2030-02-30T10:00:00+01:00' })),
			JSON.stringify(eventBody({ startsAt: '2030-12-05T10:00:00+99:99' })),
			JSON.stringify(eventBody({ startsAt: '+275760-09-13T00:00:00.000Z' })),
			JSON.stringify(eventBody({ startsAt: '9999-12-31T23:59:59+14:00', endsAt: '9999-12-31T23:59:59-12:00' })),
			JSON.stringify(eventBody({ startsAt: '0000-01-01T00:00:00Z', endsAt: '0000-01-01T01:00:00Z' })),
			JSON.stringify(eventBody({ registrationClosesAt: 'never' })),
		]
		const failures: string[] = []
		for (const raw of bodies) {
			for (const [method, path] of [
				['POST', '/api/v1/events'],
				['PATCH', `/api/v1/events/${created.slug}`],
			] as const) {
				const result = await api(method, path, { token: organizer, raw })
				const ok = result.status === 200 || result.status === 201 || (result.status < 500 && typeof result.body?.error === 'string')
				if (!ok) failures.push(`${method} ${raw.slice(0, 80)} → ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`)
			}
		}
		expect(failures).toEqual([])
	})

	test('hostile headers and paths never cause a 500', async () => {
		const cases: ApiResult[] = [
			await api('POST', '/api/v1/events', { token: organizer, raw: JSON.stringify(eventBody()), headers: { 'Content-Type': 'text/plain' } }),
			await api('GET', '/api/v1/events?lang=xx-INVALID'),
			await api('GET', '/api/v1/events', { headers: { 'Accept-Language': '*;q=abc,,,;;' } }),
			await api('GET', '/api/v1/events/%E2%82'),
			await api('GET', `/api/v1/events/${'a'.repeat(4000)}`),
			await api('GET', '/api/v1/events', { headers: { Cookie: 'sajam_session=garbage; lang=xx' } }),
		]
		for (const result of cases) expect(result.status, JSON.stringify(result.body)).toBeLessThan(500)
	})

	test('a method a resource does not have is 405 with Allow', async () => {
		const put = await api('PUT', '/api/v1/events', { token: organizer, body: eventBody() })
		expectApiError(put, 405, 'method_not_allowed')
		expect(put.headers.get('allow')).toContain('POST')
		const created = await createEvent()
		const del = await api('DELETE', `/api/v1/events/${created.slug}`, { token: organizer })
		expectApiError(del, 405, 'method_not_allowed')
		expect(del.headers.get('allow')).toContain('PATCH')
		expect((await api('GET', `/api/v1/events/${created.slug}`, { token: organizer })).status).toBe(200)
	})

	test('an unknown /api path is a JSON 404 for any method', async () => {
		for (const [method, path] of [
			['GET', '/api/nothing'],
			['GET', '/api/v2/events'],
			['POST', '/api/v1/nothing/here'],
			['DELETE', '/api/v1'],
			['PATCH', '/api'],
		]) {
			expectApiError(await api(method!, path!, { token: organizer, body: method === 'GET' ? undefined : {} }), 404, 'not_found')
		}
	})
})
