// The organizer's check-in page and scanner links, over real HTTP against the built server, as a
// browser without JavaScript uses them: log in, GET the page, POST its small forms, follow the
// redirect. Registrations and scans are made the way the world makes them: the public API
// registers, the organizer's API lists ticket codes, a scanner token (CLI) or link scans.
import Database from 'better-sqlite3'
import jsQR from 'jsqr'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import { cliToken } from '#tests/support/api-client.ts'
import { createEventViaApi, uniqueTitle } from '#tests/support/events.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { FORM, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let api: OrganizerApi
let cookie: string
let db: Database.Database

/** A published info day ("Info dan N", 100 places, parties up to 4) through the organizer API; `fields` over it. */
const createEvent = (fields: Record<string, unknown> = {}) =>
	createEventViaApi(server, api.token, {
		title: uniqueTitle('Info dan'),
		kind: 'promo',
		startsAt: `${NEXT_YEAR}-03-10T10:00:00+01:00`,
		endsAt: `${NEXT_YEAR}-03-10T13:00:00+01:00`,
		venue: 'Centar za socijalno preduzetništvo',
		status: 'published',
		capacity: 100,
		maxPartySize: 4,
		...fields,
	})

let visitors = 0
/** Registers through the public API; answers the ticket code from the organizer's list. */
async function register(slug: string, name: string, partySize: number): Promise<{ id: number; code: string }> {
	visitors++
	const email = `posetilac${visitors}@example.rs`
	const created = await fetch(`${server.url}/api/v1/events/${slug}/registrations`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ name, email, partySize, consent: { privacy: true } }),
	})
	expect(created.status, await created.clone().text()).toBe(201)
	const list = await fetch(`${server.url}/api/v1/events/${slug}/registrations`, { headers: { Authorization: `Bearer ${api.token}` } })
	const { registrations } = (await list.json()) as { registrations: { id: number; email: string; ticket?: { code: string } }[] }
	const mine = registrations.find((r) => r.email === email)!
	expect(mine.ticket?.code).toBeTruthy()
	return { id: mine.id, code: mine.ticket!.code }
}

const scannerToken = (slug: string) => cliToken(server, 'scanner', ['--event', slug, '--name', `vrata ${slug}`])

async function scan(token: string, code: string, extra: Record<string, unknown> = {}) {
	const response = await fetch(`${server.url}/api/v1/checkins`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
		body: JSON.stringify({ code, ...extra }),
	})
	const text = await response.text()
	return { status: response.status, body: text ? JSON.parse(text) : null }
}

type CheckinPage = {
	status: number
	html: string
	counts: Record<string, Record<string, number>>
	rows: { id: number; result: string; flags: string[]; registrationId: number | null; canUndo: boolean }[]
	bars: { label: string; persons: number; parties: number }[]
	table: { start: string; persons: number; parties: number }[]
	notice: string | undefined
}

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))

async function openCheckin(eventId: number, search = '', as = cookie): Promise<CheckinPage> {
	const response = await fetch(`${server.url}/admin/events/${eventId}/checkin${search}`, { headers: { Cookie: as }, redirect: 'manual' })
	const html = await response.text()
	const counts: CheckinPage['counts'] = {}
	for (const m of html.matchAll(/<div data-count="(\w+)"([^>]*)>/g)) {
		counts[m[1]!] = Object.fromEntries(Object.entries(attrs(m[2]!)).map(([k, v]) => [k.replace(/^data-/, ''), Number(v)]))
	}
	// Each row up to the next one: whether it carries an undo form.
	const rowTags = [...html.matchAll(/<tr data-scan-id="(\d+)"[^>]*>/g)]
	const rows = rowTags.map((m, i) => {
		const a = attrs(m[0])
		const body = html.slice(m.index, rowTags[i + 1]?.index ?? html.indexOf('</tbody>', m.index))
		return {
			id: Number(a['data-scan-id']),
			result: a['data-result']!,
			flags: a['data-flags'] ? a['data-flags'].split(' ') : [],
			registrationId: a['data-registration-id'] ? Number(a['data-registration-id']) : null,
			canUndo: body.includes('name="intent" value="undo"'),
		}
	})
	const bars = [...html.matchAll(/<g data-bucket="([^"]+)" data-persons="(\d+)" data-parties="(\d+)">/g)].map((m) => ({
		label: m[1]!,
		persons: Number(m[2]),
		parties: Number(m[3]),
	}))
	const table = [...html.matchAll(/<tr data-start="([^"]+)" data-persons="(\d+)" data-parties="(\d+)">/g)].map((m) => ({
		start: m[1]!,
		persons: Number(m[2]),
		parties: Number(m[3]),
	}))
	return { status: response.status, html, counts, rows, bars, table, notice: /data-notice="(\w+)"/.exec(html)?.[1] }
}

const post = (path: string, fields: Record<string, string>, as = cookie) => submitForm(server, path, fields, { cookie: as })

/** Reads the QR drawn in the page (one <path> of whole-module runs) back into text with jsQR. */
function decodeQrSvg(html: string): string | null {
	const svg = /<svg class="scanner-qr" viewBox="0 0 (\d+) \1"[\s\S]*?<path d="([^"]+)"/.exec(html)
	if (!svg) return null
	const size = Number(svg[1])
	const scale = 4
	const pixels = new Uint8ClampedArray(size * scale * size * scale * 4).fill(255)
	for (const run of svg[2]!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
		const [x, y, length] = [Number(run[1]), Number(run[2]), Number(run[3])]
		for (let px = x * scale; px < (x + length) * scale; px++) {
			for (let py = y * scale; py < (y + 1) * scale; py++) {
				const i = (py * size * scale + px) * 4
				pixels[i] = pixels[i + 1] = pixels[i + 2] = 0
			}
		}
	}
	return jsQR(pixels, size * scale, size * scale)?.data ?? null
}

beforeAll(async () => {
	server = await startServer()
	api = await organizerApi(server)
	cookie = await logInCookie(server)
	db = new Database(server.dbPath, { readonly: true, fileMustExist: true })
})

afterAll(async () => {
	db?.close()
	await server?.stop()
})

describe('who may see it', () => {
	test('anonymous callers of both pages and their forms are sent to the login page', async () => {
		const { id } = await createEvent()
		for (const [method, path] of [
			['GET', `/admin/events/${id}/checkin`],
			['POST', `/admin/events/${id}/checkin`],
			['GET', `/admin/events/${id}/scanners`],
			['POST', `/admin/events/${id}/scanners`],
		] as const) {
			const response = await fetch(server.url + path, {
				method,
				redirect: 'manual',
				headers: method === 'POST' ? FORM : {},
				body: method === 'POST' ? new URLSearchParams({ intent: 'create', label: 'Uljez', expiry: 'hours4' }) : undefined,
			})
			expect(response.status, `${method} ${path}`).toBe(302)
			expect(response.headers.get('location')).toBe(`/admin/login?redirectTo=${encodeURIComponent(path)}`)
		}
		expect(db.prepare("SELECT count(*) AS n FROM api_tokens WHERE name = 'Uljez'").get()).toEqual({ n: 0 })
	})

	test('a scanner account is refused (403), an unknown event is a 404', async () => {
		const { id } = await createEvent()
		const created = await server.cli(['user', 'add', '--email', 'vrata@sajam.test', '--password', 'scanner-password', '--role', 'scanner'])
		expect(created.code, created.stderr).toBe(0)
		const scanner = await logInCookie(server, 'vrata@sajam.test', 'scanner-password')
		expect((await openCheckin(id, '', scanner)).status).toBe(403)
		expect((await fetch(`${server.url}/admin/events/${id}/scanners`, { headers: { Cookie: scanner }, redirect: 'manual' })).status).toBe(403)
		expect((await openCheckin(999_999)).status).toBe(404)
		expect((await fetch(`${server.url}/admin/events/abc/scanners`, { headers: { Cookie: cookie } })).status).toBe(404)
	})

	test('the event page links to the check-in page', async () => {
		const { id } = await createEvent()
		const html = await (await fetch(`${server.url}/admin/events/${id}`, { headers: { Cookie: cookie } })).text()
		expect(html).toContain(`href="/admin/events/${id}/checkin"`)
	})
})

describe('counts, scan log and undo', () => {
	let event: { id: number; slug: string }
	let token: string
	const ticket: Record<string, { id: number; code: string }> = {}

	beforeAll(async () => {
		event = await createEvent()
		token = await scannerToken(event.slug)
		ticket.ana = await register(event.slug, 'Ana Jovanović', 2)
		ticket.milos = await register(event.slug, 'Miloš Petrović', 3)
		ticket.jelena = await register(event.slug, 'Jelena Ilić', 1)
		ticket.dragan = await register(event.slug, 'Dragan Nikolić', 1)
	})

	test('before any scan: nothing arrived of 7 persons in 4 registrations', async () => {
		const page = await openCheckin(event.id)
		expect(page.status).toBe(200)
		expect(page.counts.persons).toEqual({ arrived: 0, registered: 7 })
		expect(page.counts.parties).toEqual({ arrived: 0, registered: 4 })
		expect(page.counts.scans).toEqual({ scans: 0, problems: 0, undone: 0 })
		expect(page.rows).toEqual([])
		expect(page.bars).toEqual([])
	})

	test('scans through the API show up: counts, results newest first, problems flagged', async () => {
		expect((await scan(token, ticket.ana!.code)).body.result).toBe('ok')
		expect((await scan(token, ticket.milos!.code)).body.result).toBe('ok')
		expect((await scan(token, ticket.ana!.code)).body.result).toBe('already_checked_in')
		expect((await scan(token, 'SJM1.nije-prava-karta')).body.result).toBe('invalid')

		const page = await openCheckin(event.id)
		expect(page.counts.persons).toEqual({ arrived: 5, registered: 7 })
		expect(page.counts.parties).toEqual({ arrived: 2, registered: 4 })
		expect(page.counts.scans).toEqual({ scans: 4, problems: 1, undone: 0 })
		expect(page.html).toContain('data-percent="71"')
		expect(page.rows.map((r) => r.result)).toEqual(['invalid', 'already_checked_in', 'ok', 'ok'])
		expect(page.rows.map((r) => r.registrationId)).toEqual([null, ticket.ana!.id, ticket.milos!.id, ticket.ana!.id])
		expect(page.rows[0]!.flags).toEqual(['refused'])
		// Re-entry is allowed by default: a second scan is no problem, and only admitting scans can be undone.
		expect(page.rows.map((r) => r.canUndo)).toEqual([false, false, true, true])
		// The device column names the scanner token.
		expect(page.html).toContain(`vrata ${event.slug}`)

		const problems = await openCheckin(event.id, '?filter=flagged')
		expect(problems.rows.map((r) => r.result)).toEqual(['invalid'])
	})

	test('undo takes a check-in back out of the counts and marks its scan; a second undo says so', async () => {
		const undo = await post(`/admin/events/${event.id}/checkin?filter=all`, { intent: 'undo', registrationId: String(ticket.ana!.id) })
		expect(undo.status).toBe(302)
		expect(undo.location).toBe(`/admin/events/${event.id}/checkin?notice=undone&rid=${ticket.ana!.id}`)

		const page = await openCheckin(event.id, `?notice=undone&rid=${ticket.ana!.id}`)
		expect(page.notice).toBe('undone')
		expect(page.html).toContain('Ana Jovanović')
		expect(page.counts.persons).toEqual({ arrived: 3, registered: 7 })
		expect(page.counts.parties).toEqual({ arrived: 1, registered: 4 })
		expect(page.counts.scans).toMatchObject({ undone: 1 })
		const anaOk = page.rows.find((r) => r.registrationId === ticket.ana!.id && r.result === 'ok')!
		expect(anaOk.flags).toContain('undone')
		expect(anaOk.canUndo).toBe(false)
		expect((await openCheckin(event.id, '?filter=undone')).rows.map((r) => r.id)).toEqual([anaOk.id])

		const again = await post(`/admin/events/${event.id}/checkin`, { intent: 'undo', registrationId: String(ticket.ana!.id) })
		expect(again.location).toBe(`/admin/events/${event.id}/checkin?notice=not_checked_in&rid=${ticket.ana!.id}`)
		expect((await openCheckin(event.id)).counts.persons).toEqual({ arrived: 3, registered: 7 })

		// After the undo, her next scan is a first check-in again.
		expect((await scan(token, ticket.ana!.code)).body.result).toBe('ok')
		expect((await openCheckin(event.id)).counts.persons).toEqual({ arrived: 5, registered: 7 })
	})

	test('undo of a registration of another event, or a malformed form, changes nothing', async () => {
		const other = await createEvent()
		const stranger = await register(other.slug, 'Stranac Drugog', 1)
		const otherToken = await scannerToken(other.slug)
		expect((await scan(otherToken, stranger.code)).body.result).toBe('ok')
		expect((await post(`/admin/events/${event.id}/checkin`, { intent: 'undo', registrationId: String(stranger.id) })).status).toBe(404)
		expect((await post(`/admin/events/${event.id}/checkin`, { intent: 'undo', registrationId: 'x' })).status).toBe(400)
		expect((await openCheckin(other.id)).counts.persons).toEqual({ arrived: 1, registered: 1 })
	})
})

describe('arrivals per 15 minutes', () => {
	test('the chart and its table count each quarter hour (Belgrade time), gaps included', async () => {
		const event = await createEvent()
		const token = await scannerToken(event.slug)
		const year = NEXT_YEAR - 2 // certainly past: the scan times are the devices' own
		const at = (hhmm: string) => `${year}-11-20T${hhmm}:00+01:00`
		const scans: [string, number, string][] = [
			['Petar', 2, '10:03'],
			['Vesna', 1, '10:14'],
			['Nikola', 4, '10:31'],
			['Ivana', 1, '10:52'],
			['Marko', 3, '10:59'],
		]
		for (const [name, partySize, hhmm] of scans) {
			const { code } = await register(event.slug, name, partySize)
			expect((await scan(token, code, { scannedAt: at(hhmm) })).body.result).toBe('ok')
		}
		// A refused scan and a repeat are no arrivals.
		await scan(token, 'nesto-sasvim-drugo', { scannedAt: at('10:20') })

		const page = await openCheckin(event.id)
		expect(page.bars).toEqual([
			{ label: '10:00', persons: 3, parties: 2 },
			{ label: '10:15', persons: 0, parties: 0 },
			{ label: '10:30', persons: 4, parties: 1 },
			{ label: '10:45', persons: 4, parties: 2 },
		])
		expect(page.table).toEqual([
			{ start: `${year}-11-20T09:00:00.000Z`, persons: 3, parties: 2 },
			{ start: `${year}-11-20T09:15:00.000Z`, persons: 0, parties: 0 },
			{ start: `${year}-11-20T09:30:00.000Z`, persons: 4, parties: 1 },
			{ start: `${year}-11-20T09:45:00.000Z`, persons: 4, parties: 2 },
		])
		expect(page.html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"[\s\S]*?<title id="\1">/)
		expect(page.html).toContain('10:30–10:45')
	})
})

describe('scanner links', () => {
	test('a link is made with a QR of its address, works for its event only, and stops after revoke', async () => {
		const event = await createEvent()
		const other = await createEvent()
		const guest = await register(event.slug, 'Gordana Stanković', 2)
		const outsider = await register(other.slug, 'Zoran Đorđević', 1)

		const created = await post(`/admin/events/${event.id}/scanners`, { intent: 'create', label: 'Glavni ulaz – Marija', expiry: 'hours4' })
		expect(created.status).toBe(200)
		const url = /data-created-link="([^"]+)"/.exec(created.html)?.[1]?.replaceAll('&amp;', '&')
		expect(url).toBeDefined()
		expect(url!.startsWith(`${server.url}/scan?event=${event.slug}`)).toBe(true)
		// The QR on the page carries exactly the address shown beside it.
		expect(decodeQrSvg(created.html)).toBe(url)
		const token = decodeURIComponent(/[#&?](?:token|key)=([^&]+)/.exec(url!)![1]!)

		const row = db.prepare('SELECT id, expires_at AS expiresAt, event_id AS eventId, role FROM api_tokens WHERE name = ?').get('Glavni ulaz – Marija') as {
			id: number
			expiresAt: number
			eventId: number
			role: string
		}
		expect(row).toMatchObject({ eventId: event.id, role: 'scanner' })
		expect(Math.abs(row.expiresAt - (Date.now() + 4 * 3600_000))).toBeLessThan(60_000)

		expect((await scan(token, guest.code)).body.result).toBe('ok')
		expect((await scan(token, outsider.code)).body.result).toBe('wrong_event')
		const page = await openCheckin(event.id)
		expect(page.counts.persons).toEqual({ arrived: 2, registered: 2 })
		expect(page.html).toContain('Glavni ulaz – Marija')
		// The refused ticket is named by its event's title (in the reader's script), not by its address.
		const cyrillic = await (await fetch(`${server.url}/admin/events/${event.id}/checkin?lang=sr-Cyrl`, { headers: { Cookie: cookie } })).text()
		expect(cyrillic).toContain(` · ${latinToCyrillic(other.title)}`)
		expect(cyrillic).not.toContain(` · ${other.slug}`)
		// The Cyrillic admin names its own event in Cyrillic too (check-in, scanner links, registrations).
		const cyrillicPage = async (path: string) => (await fetch(`${server.url}${path}?lang=sr-Cyrl`, { headers: { Cookie: cookie } })).text()
		const others = await Promise.all(['/scanners', '/registrations'].map((tail) => cyrillicPage(`/admin/events/${event.id}${tail}`)))
		for (const html of [cyrillic, ...others]) {
			expect(html).toContain(latinToCyrillic(event.title))
			expect(html).not.toContain(event.title)
		}
		// The event's own page: its heading in Cyrillic (the edit form keeps the Latin original); the dashboard too.
		expect(await cyrillicPage(`/admin/events/${event.id}`)).toContain(`<h1>${latinToCyrillic(event.title)}</h1>`)
		expect(await cyrillicPage('/admin')).toContain(latinToCyrillic(event.title))

		const list = await (await fetch(`${server.url}/admin/events/${event.id}/scanners`, { headers: { Cookie: cookie } })).text()
		expect(list).toContain(`data-link-id="${row.id}" data-state="active"`)

		// Another event's page cannot revoke it.
		expect((await post(`/admin/events/${other.id}/scanners`, { intent: 'revoke', linkId: String(row.id) })).status).toBe(404)
		expect((await scan(token, guest.code)).status).toBe(200)

		const revoked = await post(`/admin/events/${event.id}/scanners`, { intent: 'revoke', linkId: String(row.id) })
		expect(revoked.status).toBe(302)
		expect(revoked.location).toBe(`/admin/events/${event.id}/scanners?revoked=${row.id}`)
		const after = await scan(token, guest.code)
		expect(after.status).toBe(401)
		expect(after.body).toMatchObject({ error: 'unauthorized' })

		const listed = await (await fetch(`${server.url}/admin/events/${event.id}/scanners?revoked=${row.id}`, { headers: { Cookie: cookie } })).text()
		expect(listed).toContain(`data-link-id="${row.id}" data-state="revoked"`)
		expect(listed).toContain('data-notice="revoked"')
	})

	test('the expiry choices: end of the event day by default, until the end, or a custom time in the future', async () => {
		const event = await createEvent()
		const page = await (await fetch(`${server.url}/admin/events/${event.id}/scanners`, { headers: { Cookie: cookie } })).text()
		const radios = [...page.matchAll(/<input[^>]*type="radio"[^>]*>/g)].map((m) => attrs(m[0]))
		expect(radios.map((r) => r.value)).toEqual(['day', 'event', 'hours4', 'custom'])
		expect(radios.filter((r) => 'checked' in r).map((r) => r.value)).toEqual(['day'])

		const expiryOf = (label: string) => (db.prepare('SELECT expires_at AS e FROM api_tokens WHERE name = ?').get(label) as { e: number } | undefined)?.e
		expect((await post(`/admin/events/${event.id}/scanners`, { intent: 'create', label: 'Dan', expiry: 'day' })).status).toBe(200)
		expect(new Date(expiryOf('Dan')!).toISOString()).toBe(`${NEXT_YEAR}-03-10T22:59:00.000Z`)
		await post(`/admin/events/${event.id}/scanners`, { intent: 'create', label: 'Kraj', expiry: 'event' })
		expect(new Date(expiryOf('Kraj')!).toISOString()).toBe(`${NEXT_YEAR}-03-10T12:00:00.000Z`)
		await post(`/admin/events/${event.id}/scanners`, { intent: 'create', label: 'Po meri', expiry: 'custom', expiresAt: `${NEXT_YEAR}-03-11T09:30` })
		expect(new Date(expiryOf('Po meri')!).toISOString()).toBe(`${NEXT_YEAR}-03-11T08:30:00.000Z`)

		const past = await post(`/admin/events/${event.id}/scanners`, { intent: 'create', label: 'Prošlost', expiry: 'custom', expiresAt: '2020-01-01T10:00' })
		expect(past.status).toBe(200)
		expect(past.html).not.toContain('data-created-link')
		expect(past.html).toContain('aria-invalid="true"')
		expect(expiryOf('Prošlost')).toBeUndefined()

		const noLabel = await post(`/admin/events/${event.id}/scanners`, { intent: 'create', label: ' ', expiry: 'day' })
		expect(noLabel.html).not.toContain('data-created-link')
		expect(noLabel.html).toContain('id="scanner-link-label-error"')
	})
})
