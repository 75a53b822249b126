// Check-in over real HTTP against the built server (CONTRACT.md, "Check-in"; issue 4): the
// verdicts for real, forged, altered, cancelled and other-event codes, each scan recorded; scanner
// links limited to one event, expired and revoked ones refused; three offline devices syncing
// overlapping scans; stats, manual check-in by name, undo, and the organizer's log.
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken, type ApiOptions } from '#tests/support/api-client.ts'
import { dbAll, dbGet, dbValue } from '#tests/support/database.ts'
import { decodeOfflineTickets } from '#app/domain/offline-dataset.ts'
import { createPublishedFair } from '#tests/support/fair-fixtures.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)

/** A published fair ("Mini-sajam N", 500 places, parties up to 5), `overrides` over it. */
const createEvent = (overrides: Record<string, unknown> = {}) =>
	createPublishedFair(server, organizer, { venue: 'Kulturni centar Kruševac', capacity: 500, maxPartySize: 5, ...overrides })

type Ticket = { id: number; name: string; partySize: number; code: string; manageToken: string }
let visitorCounter = 0
async function register(slug: string, overrides: { name?: string; partySize?: number } = {}): Promise<Ticket> {
	visitorCounter++
	const result = await api('POST', `/api/v1/events/${slug}/registrations`, {
		body: {
			name: overrides.name ?? `Posetilac ${visitorCounter}`,
			email: `posetilac${visitorCounter}@example.rs`,
			partySize: overrides.partySize ?? 1,
			consent: { privacy: true },
		},
	})
	expect(result.status, JSON.stringify(result.body)).toBe(201)
	const r = result.body.registration
	return { id: r.id, name: r.name, partySize: r.partySize, code: r.ticket.code, manageToken: r.manageUrl.split('/').at(-1) }
}

const scan = (token: string, body: Record<string, unknown>) => api('POST', '/api/v1/checkins', { token, body })
const stats = (token: string, slug: string) => api('GET', `/api/v1/events/${slug}/checkins/stats`, { token })

const scansOf = (registrationId: number) =>
	dbAll<Record<string, any>>(server, 'SELECT * FROM checkins WHERE registration_id = ? ORDER BY scanned_at, id', registrationId)
const countScans = () => dbValue<number>(server, 'SELECT count(*) FROM checkins')

/** One character changed, to another valid base64url character. */
function alter(code: string, at = 40) {
	const next = code[at] === 'A' ? 'B' : 'A'
	return code.slice(0, at) + next + code.slice(at + 1)
}

let eventA: string
let eventB: string
let scannerA: string

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
	eventA = (await createEvent()).slug
	eventB = (await createEvent()).slug
	scannerA = await cliToken(server, 'scanner', ['--event', eventA, '--name', 'Ulaz 1'])
})

afterAll(async () => {
	await server?.stop()
})

describe('single scans', () => {
	test('ok, then already_checked_in with the first time; both recorded', async () => {
		const ticket = await register(eventA, { name: 'Jelena Marković', partySize: 3 })
		const first = await scan(scannerA, { code: ticket.code, deviceId: 'door-1', nonce: 'n-1' })
		expect(first.status, JSON.stringify(first.body)).toBe(200)
		expect(first.body).toMatchObject({ result: 'ok', registration: { id: ticket.id, name: 'Jelena Marković', partySize: 3, event: eventA } })
		const firstAt = first.body.firstCheckedInAt
		expect(Date.parse(firstAt)).toBeGreaterThan(Date.now() - 60_000)

		const again = await scan(scannerA, { code: ticket.code, deviceId: 'door-2', nonce: 'n-1' })
		expect(again.body).toMatchObject({
			result: 'already_checked_in',
			firstCheckedInAt: firstAt,
			firstCheckedInBy: 'door-1',
			reentryAllowed: true,
			replayed: false,
		})
		expect(again.body.registration.id).toBe(ticket.id)

		// The same (device, nonce) again: the first answer, nothing recorded.
		const before = countScans()
		const replay = await scan(scannerA, { code: ticket.code, deviceId: 'door-1', nonce: 'n-1' })
		expect(replay.body).toMatchObject({ result: 'ok', replayed: true, firstCheckedInAt: firstAt })
		expect(countScans()).toBe(before)
		expect(scansOf(ticket.id).map((s) => [s.result, s.device_id, s.duplicate])).toEqual([
			['ok', 'door-1', 0],
			['already_checked_in', 'door-2', 0],
		])
	})

	test('forged, altered, garbage, cancelled, waitlisted and other-event codes get their verdicts and are recorded', async () => {
		const genuine = await register(eventA)
		const cancelled = await register(eventA)
		const other = await register(eventB)
		expect((await api('POST', `/api/v1/tickets/${cancelled.manageToken}/cancel`)).status).toBe(200)
		const forged = randomBytes(81).toString('base64url')
		const cases: Array<[string, string]> = [
			[forged, 'invalid'],
			[alter(genuine.code), 'invalid'],
			[alter(genuine.code, 100), 'invalid'],
			[genuine.code.slice(0, -1), 'invalid'],
			['https://example.com/not-a-ticket', 'invalid'],
			['', 'invalid'],
			['x'.repeat(4000), 'invalid'],
			[cancelled.code, 'cancelled'],
			[other.code, 'wrong_event'],
		]
		const before = countScans()
		for (const [code, expected] of cases) {
			const result = await scan(scannerA, { code })
			expect(result.status, JSON.stringify(result.body)).toBe(200)
			expect(result.body.result, code.slice(0, 20)).toBe(expected)
		}
		expect(countScans()).toBe(before + cases.length)
		// Names only where the door may know them: the cancelled ticket's owner, not another event's visitor.
		expect((await scan(scannerA, { code: cancelled.code })).body.registration).toMatchObject({ id: cancelled.id })
		expect((await scan(scannerA, { code: other.code })).body.registration).toBeUndefined()
		// The genuine ticket was not touched by its altered copies.
		expect((await scan(scannerA, { code: genuine.code })).body.result).toBe('ok')
		const long = dbGet<{ n: number }>(server, "SELECT length(code) AS n FROM checkins WHERE code LIKE 'xxx%'")
		expect(long.n).toBe(300)
		const log = await api('GET', `/api/v1/events/${eventA}/checkins/log?filter=refused`, { token: organizer })
		expect(log.status).toBe(200)
		expect(log.body.entries.length).toBeGreaterThanOrEqual(cases.length)
		expect(log.body.entries.every((e: any) => e.flagged && e.codePreview.length <= 11)).toBe(true)
	})

	test('a waitlisted registration is not_confirmed; a reissued (old) code is cancelled', async () => {
		const { slug } = await createEvent({ capacity: 1 })
		const scanner = await cliToken(server, 'scanner', ['--event', slug])
		const holder = await register(slug)
		const waiting = await api('POST', `/api/v1/events/${slug}/registrations`, {
			body: { name: 'Na listi', email: `lista${visitorCounter}@example.rs`, consent: { privacy: true } },
		})
		expect(waiting.body.registration.status).toBe('waitlisted')
		const waitingId = waiting.body.registration.id
		// A waiting party has no code yet; picked by name at the door, it is not_confirmed.
		expect((await api('POST', `/api/v1/registrations/${waitingId}/checkin`, { token: scanner, body: {} })).body).toMatchObject({
			result: 'not_confirmed',
			registration: { id: waitingId },
		})
		// The holder is admitted, then cancels: the old code is refused and the promoted party's new one admits.
		expect((await scan(scanner, { code: holder.code })).body.result).toBe('ok')
		await api('POST', `/api/v1/tickets/${holder.manageToken}/cancel`)
		expect((await scan(scanner, { code: holder.code })).body.result).toBe('cancelled')
		const promoted = dbGet<{ status: string; ticket_code: string }>(server, 'SELECT status, ticket_code FROM registrations WHERE id = ?', waitingId)
		expect(promoted.status).toBe('confirmed')
		expect((await scan(scanner, { code: promoted.ticket_code })).body.result).toBe('ok')
	})

	test('the scanner names the event; an organizer token accepts any event unless it names one', async () => {
		const ticket = await register(eventB)
		expect((await scan(organizer, { code: ticket.code, event: eventA })).body.result).toBe('wrong_event')
		expect((await scan(organizer, { code: ticket.code })).body.result).toBe('ok')
		expect((await scan(organizer, { code: ticket.code, event: 'no-such-event' })).status).toBe(404)
	})

	test('bad bodies and wrong methods are refused without a 500', async () => {
		expect((await api('POST', '/api/v1/checkins', { token: scannerA, body: {} })).status).toBe(422)
		expect((await api('POST', '/api/v1/checkins', { token: scannerA, body: { code: 'x', extra: 1 } })).status).toBe(422)
		expect((await api('POST', '/api/v1/checkins', { token: scannerA, body: { code: 'x', scannedAt: '2030-12-05T10:00:00' } })).status).toBe(422)
		expect((await api('GET', '/api/v1/checkins', { token: scannerA })).status).toBe(405)
		expect((await api('GET', '/api/v1/checkins/batch', { token: scannerA })).status).toBe(405)
		expect((await api('POST', `/api/v1/events/${eventA}/checkins/stats`, { token: scannerA })).status).toBe(405)
		expect((await api('GET', '/api/v1/registrations/1/checkin', { token: scannerA })).status).toBe(405)
		expect((await api('POST', '/api/v1/registrations/abc/checkin', { token: scannerA, body: {} })).status).toBe(404)
		expect((await api('POST', '/api/v1/checkins', { body: { code: 'x' } })).status).toBe(401)
	})
})

describe('scanner links', () => {
	test('a link for event A cannot check in at, or read, event B', async () => {
		const ticketB = await register(eventB, { name: 'Marko Jovanović' })
		const checkedInAtB = (await stats(organizer, eventB)).body.checkedIn
		for (const path of ['stats', 'offline', 'search?q=marko']) {
			const result = await api('GET', `/api/v1/events/${eventB}/checkins/${path}`, { token: scannerA })
			expect(result.status, path).toBe(403)
			expect(result.body.error).toBe('wrong_event_token')
		}
		expect((await scan(scannerA, { code: ticketB.code, event: eventB })).body.error).toBe('wrong_event_token')
		const batch = await api('POST', '/api/v1/checkins/batch', {
			token: scannerA,
			body: { deviceId: 'door-x', scans: [{ nonce: 'b1', code: ticketB.code, scannedAt: new Date().toISOString(), event: eventB }] },
		})
		expect(batch.status).toBe(403)
		expect((await api('POST', `/api/v1/registrations/${ticketB.id}/checkin`, { token: scannerA, body: {} })).status).toBe(403)
		// Its scans of B's tickets are recorded as wrong_event, and B's ticket stays unused.
		expect((await scan(scannerA, { code: ticketB.code })).body.result).toBe('wrong_event')
		expect(scansOf(ticketB.id).map((s) => s.result)).toEqual(['wrong_event'])
		expect((await stats(organizer, eventB)).body.checkedIn).toBe(checkedInAtB)
		// A scanner may not do the organizer's part.
		expect((await api('GET', `/api/v1/events/${eventA}/checkins/log`, { token: scannerA })).status).toBe(403)
		expect((await api('POST', `/api/v1/registrations/${ticketB.id}/checkin/undo`, { token: scannerA })).status).toBe(403)
	})

	test("another event's scanner replaying a (device, nonce) pair learns nothing about that scan", async () => {
		const visitor = await register(eventA, { name: 'Snežana Ilić', partySize: 2 })
		const first = await scan(scannerA, { code: visitor.code, deviceId: 'door-9', nonce: 'secret-nonce' })
		expect(first.body).toMatchObject({ result: 'ok', registration: { name: 'Snežana Ilić' } })
		const scannerB = await cliToken(server, 'scanner', ['--event', eventB, '--name', 'Ulaz B'])
		const before = countScans()
		for (const attempt of [
			() => scan(scannerB, { code: 'anything', deviceId: 'door-9', nonce: 'secret-nonce' }),
			() =>
				api('POST', '/api/v1/checkins/batch', {
					token: scannerB,
					body: { deviceId: 'door-9', scans: [{ nonce: 'secret-nonce', code: 'anything', scannedAt: new Date().toISOString() }] },
				}),
		]) {
			const answer = await attempt()
			expect(answer.status).toBe(409)
			expect(answer.body.error).toBe('nonce_conflict')
			expect(JSON.stringify(answer.body)).not.toContain('Snežana')
		}
		expect(countScans()).toBe(before)
		// Another link for event A (a new one for the same door) still gets the first answer back.
		const scannerA2 = await cliToken(server, 'scanner', ['--event', eventA, '--name', 'Ulaz 1, nova veza'])
		expect((await scan(scannerA2, { code: visitor.code, deviceId: 'door-9', nonce: 'secret-nonce' })).body).toMatchObject({ result: 'ok', replayed: true })
	})

	test('an expired link is refused; so is a revoked one', async () => {
		const expired = await cliToken(server, 'scanner', ['--event', eventA, '--expires', '2020-01-01T00:00:00+01:00'])
		const ticket = await register(eventA)
		const refused = await scan(expired, { code: ticket.code })
		expect(refused.status).toBe(401)
		expect(refused.body.error).toBe('unauthorized')
		expect((await stats(expired, eventA)).status).toBe(401)

		const created = await api('POST', `/api/v1/events/${eventA}/scanner-links`, {
			token: organizer,
			body: { expiresAt: new Date(Date.now() + 3600_000).toISOString(), label: 'Volonterka Ana' },
		})
		expect(created.status, JSON.stringify(created.body)).toBe(201)
		expect(created.body.url).toBe(`${server.url}/scan?event=${eventA}#token=${created.body.token}`)
		const link = created.body.token as string
		expect((await scan(link, { code: ticket.code })).body.result).toBe('ok')
		const listed = await api('GET', `/api/v1/events/${eventA}/scanner-links`, { token: organizer })
		expect(listed.body.links[0]).toMatchObject({ id: created.body.link.id, label: 'Volonterka Ana', active: true, scans: 1 })
		const revoked = await api('POST', `/api/v1/scanner-links/${created.body.link.id}/revoke`, { token: organizer })
		expect(revoked.body.link).toMatchObject({ active: false })
		expect((await scan(link, { code: ticket.code })).status).toBe(401)
		const past = await api('POST', `/api/v1/events/${eventA}/scanner-links`, { token: organizer, body: { expiresAt: '2020-01-01T00:00:00Z' } })
		expect(past.status).toBe(422)
		expect(past.body.fields.expiresAt).toHaveLength(1)
	})
})

describe('offline sync from three devices', () => {
	test('overlapping offline scans: nothing lost, each person counted once, duplicates flagged, replays not recorded twice', async () => {
		const { slug } = await createEvent()
		const scanner = await cliToken(server, 'scanner', ['--event', slug])
		const tickets: Ticket[] = []
		for (let i = 0; i < 10; i++) tickets.push(await register(slug, { partySize: 1 + (i % 3) }))
		const stranger = await register(eventB)
		// Offline scans happened in the last hours (a scan time in the future is not believed).
		const base = Math.floor((Date.now() - 3 * 3600_000) / 60_000) * 60_000
		const time = (minute: number) => new Date(base + minute * 60_000).toISOString()
		type Queued = { nonce: string; code: string; scannedAt: string }
		// Device 1 (door-1): tickets 0-5; device 2: 4-7, and 4 twice; device 3: 5-9, plus junk.
		const queues: Record<string, Queued[]> = { 'door-1': [], 'door-2': [], 'door-3': [] }
		const add = (device: string, ticket: number, minute: number) =>
			queues[device]!.push({ nonce: `${device}-${queues[device]!.length}`, code: tickets[ticket]!.code, scannedAt: time(minute) })
		for (let t = 0; t <= 5; t++) add('door-1', t, 10 + t)
		add('door-2', 4, 8) // earlier than door-1's scan of 4 (minute 14)
		add('door-2', 4, 30) // the same device again: it knew
		for (let t = 5; t <= 7; t++) add('door-2', t, 20 + t)
		for (let t = 5; t <= 9; t++) add('door-3', t, 40 + t)
		queues['door-3']!.push({ nonce: 'door-3-junk', code: alter(tickets[9]!.code), scannedAt: time(50) })
		queues['door-3']!.push({ nonce: 'door-3-stranger', code: stranger.code, scannedAt: time(51) })

		// door-1 comes online for a moment and scans ticket 0 live (after its offline scan).
		const live = await scan(scanner, { code: tickets[0]!.code, deviceId: 'door-1', nonce: 'live-1', scannedAt: time(20) })
		expect(live.body.result).toBe('ok')

		const sync = (device: string, scans: Queued[]) => api('POST', '/api/v1/checkins/batch', { token: scanner, body: { deviceId: device, scans } })
		const before = countScans()
		// door-3 syncs first, then door-2, then door-1 (whose offline scan of ticket 0 predates its live one).
		const r3 = await sync('door-3', queues['door-3']!)
		const r2 = await sync('door-2', queues['door-2']!)
		const r1 = await sync('door-1', queues['door-1']!)
		for (const r of [r3, r2, r1]) expect(r.status, JSON.stringify(r.body)).toBe(200)
		const total = Object.values(queues).reduce((n, q) => n + q.length, 0)
		expect(countScans()).toBe(before + total)
		// Results come back in request order, one per scan.
		expect(r1.body.results.map((r: any) => r.nonce)).toEqual(queues['door-1']!.map((q) => q.nonce))
		expect(r3.body.results.slice(-2).map((r: any) => r.result)).toEqual(['invalid', 'wrong_event'])

		// Replays: the whole of door-2 again, plus one new scan; only the new one is recorded.
		const again = await sync('door-2', [...queues['door-2']!, { nonce: 'door-2-new', code: tickets[7]!.code, scannedAt: time(60) }])
		expect(again.body.results.slice(0, -1)).toEqual(r2.body.results.map((r: any) => ({ ...r, replayed: true })))
		expect(again.body.results.at(-1)).toMatchObject({ result: 'already_checked_in', replayed: false })
		expect(countScans()).toBe(before + total + 1)

		// Every ticket checked in once, at its earliest scan, wherever that came from.
		const s = await stats(scanner, slug)
		const persons = tickets.reduce((n, t) => n + t.partySize, 0)
		expect(s.body).toMatchObject({ registered: persons, checkedIn: 10, persons, registrations: 10, expected: 0 })
		const dataset = await api('GET', `/api/v1/events/${slug}/checkins/offline`, { token: scanner })
		const checkedInAt = new Map(dataset.body.tickets.map((t: any) => [t.registrationId, [t.checkedInAt, t.checkedInBy]]))
		const earliest: Record<number, [number, string]> = {}
		for (const [device, queue] of Object.entries(queues))
			for (const q of queue) {
				const index = tickets.findIndex((t) => t.code === q.code)
				if (index < 0) continue
				const minute = (Date.parse(q.scannedAt) - base) / 60_000
				if (!earliest[index] || minute < earliest[index]![0]) earliest[index] = [minute, device]
			}
		tickets.forEach((t, i) => expect(checkedInAt.get(t.id), `ticket ${i}`).toEqual([time(earliest[i]![0]), earliest[i]![1]]))

		// Duplicates: welcomes shown for a ticket an earlier scan had already admitted.
		const flagged = dbAll<{ id: number; device: string }>(
			server,
			'SELECT registration_id AS id, device_id AS device FROM checkins WHERE duplicate = 1 AND event_id = (SELECT id FROM events WHERE slug = ?)',
			slug,
		)
		expect(flagged.map((f) => `${f.device}:${tickets.findIndex((t) => t.id === f.id)}`).sort()).toEqual([
			'door-1:0', // the live scan at minute 20, overtaken by door-1's own offline scan at minute 10
			'door-1:4', // door-2 admitted 4 at minute 8; door-1 (another device) showed green at 14
			'door-2:5', // door-1 admitted 5 at minute 15
			'door-3:5',
			'door-3:6', // door-2 admitted 6 and 7 at minutes 26 and 27, door-3 at 46 and 47
			'door-3:7',
		])
		// door-2's own repeat of 4 (minute 30) was known to it: a plain repeat, not flagged.
		expect(scansOf(tickets[4]!.id).map((s) => [s.device_id, s.result, s.duplicate])).toEqual([
			['door-2', 'ok', 0],
			['door-1', 'already_checked_in', 1],
			['door-2', 'already_checked_in', 0],
		])
		const log = await api('GET', `/api/v1/events/${slug}/checkins/log?filter=duplicates`, { token: organizer })
		expect(log.body.entries).toHaveLength(flagged.length)
	})

	test('a batch of 10,000 scans is accepted in one request', async () => {
		const { slug } = await createEvent({ capacity: null })
		const scanner = await cliToken(server, 'scanner', ['--event', slug])
		const tickets = await Promise.all(Array.from({ length: 20 }, () => register(slug)))
		const scans = Array.from({ length: 10_000 }, (_, i) => ({
			nonce: `big-${i}`,
			code: tickets[i % 20]!.code,
			scannedAt: new Date(Date.now() - 3 * 3600_000 + i * 1000).toISOString(),
		}))
		const result = await api('POST', '/api/v1/checkins/batch', { token: scanner, body: { deviceId: 'big', scans } })
		expect(result.status, JSON.stringify(result.body).slice(0, 300)).toBe(200)
		expect(result.body.results.filter((r: any) => r.result === 'ok')).toHaveLength(20)
		expect(result.body.results.filter((r: any) => r.result === 'already_checked_in')).toHaveLength(9_980)
		const tooMany = await api('POST', '/api/v1/checkins/batch', {
			token: scanner,
			body: { deviceId: 'big', scans: [...scans, { ...scans[0], nonce: 'one-more' }] },
		})
		expect(tooMany.status).toBe(422)
	})
})

describe('at the door and for the organizer', () => {
	test('search by name as people type it, manual check-in, stats, undo', async () => {
		const { slug } = await createEvent()
		const scanner = await cliToken(server, 'scanner', ['--event', slug])
		const djordje = await register(slug, { name: 'Đorđe Petrović', partySize: 2 })
		await register(slug, { name: 'Ana Đorđević' })
		const cancelled = await register(slug, { name: 'Đorđe Otkazani' })
		await api('POST', `/api/v1/tickets/${cancelled.manageToken}/cancel`)

		const found = await api('GET', `/api/v1/events/${slug}/checkins/search?q=djordje%20petrovic`, { token: scanner })
		expect(found.status).toBe(200)
		expect(found.body.results).toEqual([
			{
				id: djordje.id,
				name: 'Đorđe Petrović',
				emailHint: expect.stringMatching(/^p•••@example\.rs$/),
				partySize: 2,
				status: 'confirmed',
				checkedInAt: null,
				checkedInBy: null,
			},
		])
		const cyrillic = await api('GET', `/api/v1/events/${slug}/checkins/search?q=${encodeURIComponent('Ђорђ')}`, { token: scanner })
		expect(cyrillic.body.results.map((r: any) => r.name)).toEqual(['Ana Đorđević', 'Đorđe Petrović'])
		// Surname first, any order: every word must be in the name or the address.
		const names = async (q: string) =>
			(await api('GET', `/api/v1/events/${slug}/checkins/search?q=${encodeURIComponent(q)}`, { token: scanner })).body.results.map((r: any) => r.name)
		expect(await names('Petrović Đorđe')).toEqual(['Đorđe Petrović'])
		expect(await names('petrovic djordje')).toEqual(['Đorđe Petrović'])
		expect(await names('ĐORĐEVIĆ ana')).toEqual(['Ana Đorđević'])
		expect(await names('  đorđe   petrović  ')).toEqual(['Đorđe Petrović'])
		expect(await names('Petrović Ana')).toEqual([])
		// A word of the address counts too (the phone has no addresses; the server has).
		expect(await names('ana posetilac')).toEqual(['Ana Đorđević'])
		// A cancelled registration is not found, whatever the order.
		expect(await names('Otkazani Đorđe')).toEqual([])
		expect((await api('GET', `/api/v1/events/${slug}/checkins/search?q=a`, { token: scanner })).status).toBe(422)

		const manual = await api('POST', `/api/v1/registrations/${djordje.id}/checkin`, { token: scanner, body: { deviceId: 'door-1' } })
		expect(manual.body).toMatchObject({ result: 'ok', registration: { id: djordje.id, partySize: 2 } })
		expect((await scan(scanner, { code: djordje.code })).body).toMatchObject({ result: 'already_checked_in', firstCheckedInAt: manual.body.firstCheckedInAt })
		expect((await api('POST', `/api/v1/registrations/${cancelled.id}/checkin`, { token: scanner, body: {} })).body.result).toBe('cancelled')
		expect(scansOf(djordje.id)[0]).toMatchObject({ method: 'manual', code: '' })

		const counted = await stats(scanner, slug)
		expect(counted.body).toMatchObject({ registered: 3, checkedIn: 1, persons: 2, registrations: 2, expected: 1 })

		const undo = await api('POST', `/api/v1/registrations/${djordje.id}/checkin/undo`, { token: organizer })
		expect(undo.status, JSON.stringify(undo.body)).toBe(200)
		expect(undo.body).toMatchObject({ registration: { id: djordje.id, checkedInAt: null }, undone: 1 })
		expect((await stats(scanner, slug)).body).toMatchObject({ checkedIn: 0, persons: 0, undone: 1 })
		const twice = await api('POST', `/api/v1/registrations/${djordje.id}/checkin/undo`, { token: organizer })
		expect(twice.status).toBe(409)
		expect(twice.body.error).toBe('not_checked_in')
		// After the undo the ticket admits again.
		expect((await scan(scanner, { code: djordje.code })).body.result).toBe('ok')
		expect((await stats(scanner, slug)).body).toMatchObject({ checkedIn: 1, persons: 2 })

		const arrivals = await api('GET', `/api/v1/events/${slug}/checkins/arrivals`, { token: organizer })
		expect(arrivals.body).toMatchObject({ registrations: 1, persons: 2 })
		expect(arrivals.body.buckets).toHaveLength(1)
	})

	test('the offline dataset lists every registration with a hash of its current code only', async () => {
		const { slug } = await createEvent()
		const scanner = await cliToken(server, 'scanner', ['--event', slug])
		const kept = await register(slug, { name: 'Milica Ilić' })
		const gone = await register(slug)
		await api('POST', `/api/v1/tickets/${gone.manageToken}/cancel`)
		const dataset = await api('GET', `/api/v1/events/${slug}/checkins/offline`, { token: scanner })
		expect(dataset.status).toBe(200)
		expect(dataset.body.event).toMatchObject({ slug, reentryAllowed: true })
		// The event's times, so a scanner opened on another day can say so.
		const { startsAt, endsAt } = dataset.body.event
		expect(new Date(startsAt).toISOString()).toBe(startsAt)
		expect(new Date(endsAt).getTime()).toBeGreaterThan(new Date(startsAt).getTime())
		expect(startsAt).toBe(new Date(dbValue<number>(server, 'SELECT starts_at FROM events WHERE slug = ?', slug)).toISOString())
		expect(dataset.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', keyId: expect.any(Number) })
		expect(dataset.body.keys[0].d).toBeUndefined()
		const hash = createHash('sha256').update(kept.code).digest('base64url')
		expect(dataset.body.tickets).toEqual([
			{ registrationId: kept.id, name: 'Milica Ilić', partySize: 1, status: 'confirmed', codeHash: hash, checkedInAt: null, checkedInBy: null },
			{ registrationId: gone.id, name: expect.any(String), partySize: 1, status: 'cancelled', codeHash: null, checkedInAt: null, checkedInBy: null },
		])
		expect(JSON.stringify(dataset.body)).not.toContain(kept.code)
		expect(JSON.stringify(dataset.body)).not.toContain('@example.rs')
	})

	test("version 2 of the offline dataset: the same tickets as columns, with 96 bits of the current code's hash", async () => {
		const { slug } = await createEvent()
		const scanner = await cliToken(server, 'scanner', ['--event', slug])
		const kept = await register(slug, { name: 'Milica Ilić' })
		const gone = await register(slug)
		await api('POST', `/api/v1/tickets/${gone.manageToken}/cancel`)
		expect((await scan(scanner, { code: kept.code, deviceId: 'door-1' })).body.result).toBe('ok')
		const dataset = await api('GET', `/api/v1/events/${slug}/checkins/offline?v=2`, { token: scanner })
		expect(dataset.status).toBe(200)
		expect(dataset.body).toMatchObject({ version: 2, event: { slug, reentryAllowed: true }, keys: [{ kty: 'OKP', crv: 'Ed25519' }] })
		const hash = createHash('sha256').update(kept.code).digest().subarray(0, 12).toString('base64url')
		const checkedInAt = dbValue<number>(server, 'SELECT checked_in_at FROM registrations WHERE id = ?', kept.id)
		expect(decodeOfflineTickets(dataset.body)).toEqual([
			{
				registrationId: kept.id,
				name: 'Milica Ilić',
				partySize: 1,
				status: 'confirmed',
				codeHash: hash,
				checkedInAt: new Date(checkedInAt).toISOString(),
				checkedInBy: 'door-1',
			},
			{ registrationId: gone.id, name: expect.any(String), partySize: 1, status: 'cancelled', codeHash: null, checkedInAt: null, checkedInBy: null },
		])
		expect(dataset.body.tickets.status).toBe('cx')
		expect(JSON.stringify(dataset.body)).not.toContain(kept.code)
		expect(JSON.stringify(dataset.body)).not.toContain('@example.rs')
	})

	test('an event that forbids re-entry: the repeat says so and is flagged for the organizer', async () => {
		const event = await createEvent({ reentryAllowed: false })
		expect(event.reentryAllowed).toBe(false)
		const scanner = await cliToken(server, 'scanner', ['--event', event.slug])
		const ticket = await register(event.slug)
		await scan(scanner, { code: ticket.code })
		expect((await scan(scanner, { code: ticket.code })).body).toMatchObject({ result: 'already_checked_in', reentryAllowed: false })
		const flagged = await api('GET', `/api/v1/events/${event.slug}/checkins/log?filter=flagged`, { token: organizer })
		expect(flagged.body.entries.map((e: any) => e.result)).toEqual(['already_checked_in'])
	})
})
