// The organizer's registrations page and CSV export, over real HTTP against the built server, as a
// browser without JavaScript uses them: log in, GET the page, POST its small forms, follow the
// redirect. The outbox is read (read-only) from the server's database file.
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import srApi from '#app/locales/sr-Latn/api.json'
import srAdmin from '#app/locales/sr-Latn/admin.json'
import srCommon from '#app/locales/sr-Latn/common.json'
import enMail from '#app/locales/en/mail.json'
import srMail from '#app/locales/sr-Latn/mail.json'
import cyrlMail from '#app/locales/sr-Cyrl/mail.json'
import { cliToken } from '#tests/support/api-client.ts'
import { createEventViaApi, uniqueTitle } from '#tests/support/events.ts'
import { startMailServer, type TestMailServer } from '#tests/support/mail-server.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { FORM, getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let mail: TestMailServer
let api: OrganizerApi
let cookie: string
let db: Database.Database

/** A published workshop ("Radionica šivenja N") through the organizer API; `fields` over it. */
const createEvent = (fields: Record<string, unknown>) =>
	createEventViaApi(server, api.token, {
		title: uniqueTitle('Radionica šivenja'),
		kind: 'workshop',
		startsAt: `${NEXT_YEAR}-03-10T10:00:00+01:00`,
		endsAt: `${NEXT_YEAR}-03-10T13:00:00+01:00`,
		venue: 'Centar za socijalno preduzetništvo',
		status: 'published',
		...fields,
	})

type Page = {
	status: number
	html: string
	rows: { id: number; status: string; position: number | null }[]
	counts: Record<string, { persons: number; parties: number }>
	remaining: string | undefined
	notice: string | undefined
}

async function openPage(eventId: number, search = '', as = cookie): Promise<Page> {
	const response = await fetch(`${server.url}/admin/events/${eventId}/registrations${search}`, { headers: { Cookie: as }, redirect: 'manual' })
	const html = await response.text()
	const rows = [...html.matchAll(/<tr data-registration-id="(\d+)" data-status="(\w+)"(?: data-position="(\d+)")?>/g)].map((m) => ({
		id: Number(m[1]),
		status: m[2]!,
		position: m[3] ? Number(m[3]) : null,
	}))
	const counts = Object.fromEntries(
		[...html.matchAll(/data-count="(\w+)" data-persons="(\d+)" data-parties="(\d+)"/g)].map((m) => [m[1], { persons: Number(m[2]), parties: Number(m[3]) }]),
	)
	return { status: response.status, html, rows, counts, remaining: /data-remaining="(\d*)"/.exec(html)?.[1], notice: /data-notice="(\w+)"/.exec(html)?.[1] }
}

/** Posts a form of the page; answers where the redirect goes (or the re-rendered page on an error). */
async function post(eventId: number, fields: Record<string, string>, search = '') {
	const answer = await submitForm(server, `/admin/events/${eventId}/registrations${search}`, fields, { cookie })
	const params = answer.location ? new URL(answer.location, server.url).searchParams : new URLSearchParams()
	return { ...answer, params }
}

function add(eventId: number, name: string, email: string, partySize = 1, extra: Record<string, string> = {}) {
	return post(eventId, { intent: 'add', name, email, partySize: String(partySize), locale: 'sr-Latn', informed: 'on', ...extra })
}

function mails(email: string, template: string) {
	return db.prepare('SELECT params FROM outbox WHERE to_address = ? AND template = ? ORDER BY id').all(email, template) as { params: string }[]
}

const ids = (page: Page) => page.rows.map((r) => r.id).sort((a, b) => a - b)

beforeAll(async () => {
	// A real SMTP server: the event's cancellation mail is read as it arrives (with the organizer's message).
	mail = await startMailServer()
	server = await startServer({ env: { SMTP_URL: mail.url } })
	api = await organizerApi(server)
	cookie = await logInCookie(server)
	db = new Database(server.dbPath, { readonly: true, fileMustExist: true })
})

afterAll(async () => {
	db?.close()
	await server?.stop()
	await mail?.close()
})

describe('who may see it', () => {
	test('anonymous callers of the page, its forms and the CSV are sent to the login page', async () => {
		const { id } = await createEvent({ capacity: 10 })
		for (const [method, path] of [
			['GET', `/admin/events/${id}/registrations`],
			['POST', `/admin/events/${id}/registrations`],
			['GET', `/admin/events/${id}/registrations.csv`],
		] as const) {
			const response = await fetch(server.url + path, {
				method,
				redirect: 'manual',
				headers: method === 'POST' ? FORM : {},
				body:
					method === 'POST'
						? new URLSearchParams({ intent: 'add', name: 'Uljez', email: 'uljez@example.rs', partySize: '1', locale: 'sr-Latn', informed: 'on' })
						: undefined,
			})
			expect(response.status, `${method} ${path}`).toBe(302)
			expect(response.headers.get('location')).toBe(`/admin/login?redirectTo=${encodeURIComponent(path)}`)
		}
		expect(db.prepare('SELECT count(*) AS n FROM registrations WHERE email = ?').get('uljez@example.rs')).toEqual({ n: 0 })
	})

	test('a scanner account is refused (403)', async () => {
		const { id } = await createEvent({ capacity: 10 })
		const created = await server.cli(['user', 'add', '--email', 'skener@sajam.test', '--password', 'scanner-password', '--role', 'scanner'])
		expect(created.code, created.stderr).toBe(0)
		const scanner = await logInCookie(server, 'skener@sajam.test', 'scanner-password')
		expect((await openPage(id, '', scanner)).status).toBe(403)
		const csv = await fetch(`${server.url}/admin/events/${id}/registrations.csv`, { headers: { Cookie: scanner }, redirect: 'manual' })
		expect(csv.status).toBe(403)
	})

	test('an unknown event is a 404', async () => {
		expect((await openPage(999_999)).status).toBe(404)
		expect((await fetch(`${server.url}/admin/events/abc/registrations.csv`, { headers: { Cookie: cookie } })).status).toBe(404)
	})
})

describe('manual add, counts, search, cancel and resend (4 places, parties up to 3)', () => {
	let event: { id: number; slug: string }
	const rid: Record<string, number> = {}

	beforeAll(async () => {
		event = await createEvent({ capacity: 4, maxPartySize: 3, waitlist: true })
	})

	test('adds while places last, then to the waiting list; each outcome is told after the redirect', async () => {
		const ana = await add(event.id, 'Ana Jovanović', 'ana@example.rs', 2)
		expect(ana.status).toBe(302)
		expect(ana.params.get('notice')).toBe('confirmed')
		rid.ana = Number(ana.params.get('rid'))
		const afterAna = await openPage(event.id, new URL(ana.location!, server.url).search)
		expect(afterAna.notice).toBe('confirmed')
		expect(afterAna.html).toContain('Ana Jovanović')
		expect(mails('ana@example.rs', 'registration-confirmed')).toHaveLength(1)

		const bojan = await add(event.id, 'Bojan Ilić', 'bojan@example.rs', 2)
		expect(bojan.params.get('notice')).toBe('confirmed')
		rid.bojan = Number(bojan.params.get('rid'))

		const djordje = await add(event.id, 'Đorđe "Đoka" Petrović; Niš', 'djoka@example.rs', 3)
		expect(djordje.params.get('notice')).toBe('waitlisted')
		rid.djordje = Number(djordje.params.get('rid'))
		const page = await openPage(event.id, new URL(djordje.location!, server.url).search)
		expect(page.notice).toBe('waitlisted')
		expect(page.html).toContain(srAdmin.registrations.notice.waitlisted.split('{{')[0])

		const vesna = await add(event.id, '=HYPERLINK("x")', 'vesna@example.rs', 1)
		expect(vesna.params.get('notice')).toBe('waitlisted')
		rid.vesna = Number(vesna.params.get('rid'))
		expect(mails('vesna@example.rs', 'registration-waitlisted')).toHaveLength(1)
	})

	test('the same address again is "already registered": nothing added, the manage link mailed again', async () => {
		const again = await add(event.id, 'Ana J.', 'ANA@example.rs', 1)
		expect(again.params.get('notice')).toBe('already_registered')
		expect(Number(again.params.get('rid'))).toBe(rid.ana)
		expect(mails('ana@example.rs', 'registration-link')).toHaveLength(1)
	})

	test('a party larger than the event allows, or no privacy confirmation: the form answers, nothing is added', async () => {
		const big = await add(event.id, 'Velika Porodica', 'velika@example.rs', 4)
		expect(big.status).toBe(200)
		expect(big.html).toContain(srApi.errors.party_too_large)
		const uninformed = await post(event.id, { intent: 'add', name: 'Neobavešten', email: 'neobavesten@example.rs', partySize: '1', locale: 'sr-Latn' })
		expect(uninformed.status).toBe(200)
		expect(uninformed.html).toMatch(/aria-invalid="true"[^>]*name="informed"|name="informed"[^>]*aria-invalid="true"/)
		expect(db.prepare(`SELECT count(*) AS n FROM registrations WHERE email IN ('velika@example.rs', 'neobavesten@example.rs')`).get()).toEqual({ n: 0 })
	})

	test('counts persons and parties per status, with places left; waiting positions in registration order', async () => {
		const page = await openPage(event.id)
		expect(page.counts).toEqual({
			confirmed: { persons: 4, parties: 2 },
			waitlisted: { persons: 4, parties: 2 },
			cancelled: { persons: 0, parties: 0 },
		})
		expect(page.remaining).toBe('0')
		// Newest first.
		expect(page.rows.map((r) => r.id)).toEqual([rid.vesna, rid.djordje, rid.bojan, rid.ana])
		expect(page.rows.filter((r) => r.status === 'waitlisted').map((r) => [r.id, r.position])).toEqual([
			[rid.vesna, 2],
			[rid.djordje, 1],
		])
	})

	test('searches names and addresses the way people type them, and filters by status', async () => {
		const find = async (search: string) => ids(await openPage(event.id, search))
		expect(await find('?q=petrovic')).toEqual([rid.djordje])
		expect(await find('?q=DJORDJE')).toEqual([rid.djordje])
		expect(await find(`?q=${encodeURIComponent('Ђорђе')}`)).toEqual([rid.djordje])
		expect(await find(`?q=${encodeURIComponent('đoka')}`)).toEqual([rid.djordje])
		expect(await find('?q=bojan%40')).toEqual([rid.bojan])
		expect(await find('?q=hyperlink')).toEqual([rid.vesna])
		expect(await find('?q=example.rs')).toEqual([rid.ana, rid.bojan, rid.djordje, rid.vesna])
		expect(await find('?status=waitlisted')).toEqual([rid.djordje, rid.vesna])
		expect(await find('?status=confirmed&q=ana')).toEqual([rid.ana])
		expect(await find('?status=cancelled')).toEqual([])
		// A hand-edited filter falls back to everything instead of failing.
		expect(await find('?status=bogus&page=-3')).toEqual([rid.ana, rid.bojan, rid.djordje, rid.vesna])
		const none = await openPage(event.id, '?q=nikoga')
		expect(none.rows).toEqual([])
		expect(none.html).toContain(srAdmin.registrations.noMatches)
	})

	test('cancelling frees the places at once: the first waiting party that fits is promoted', async () => {
		// From a filtered list: the redirect keeps the filter.
		const cancel = await post(event.id, { intent: 'cancel', registrationId: String(rid.ana) }, '?status=confirmed&q=ana')
		expect(cancel.status).toBe(302)
		expect(Object.fromEntries(cancel.params)).toEqual({ q: 'ana', status: 'confirmed', notice: 'cancelled', rid: String(rid.ana), promoted: '1' })
		const page = await openPage(event.id)
		// Đorđe's party of 3 does not fit in 2 places; Vesna (1) does.
		expect(page.counts).toEqual({
			confirmed: { persons: 3, parties: 2 },
			waitlisted: { persons: 3, parties: 1 },
			cancelled: { persons: 2, parties: 1 },
		})
		expect(page.remaining).toBe('1')
		expect(page.rows.find((r) => r.id === rid.djordje)).toMatchObject({ status: 'waitlisted', position: 1 })
		expect(page.rows.find((r) => r.id === rid.vesna)).toMatchObject({ status: 'confirmed', position: null })
		expect(mails('ana@example.rs', 'registration-cancelled')).toHaveLength(1)
		expect(mails('vesna@example.rs', 'registration-promoted')).toHaveLength(1)
	})

	test('cancelling twice frees the places once', async () => {
		const again = await post(event.id, { intent: 'cancel', registrationId: String(rid.ana) })
		expect(again.params.get('notice')).toBe('already_cancelled')
		expect((await openPage(event.id)).counts.confirmed).toEqual({ persons: 3, parties: 2 })
		expect(mails('ana@example.rs', 'registration-cancelled')).toHaveLength(1)
	})

	test('resend queues the ticket (or the waiting-list mail) again; not for a cancelled registration', async () => {
		const resend = await post(event.id, { intent: 'resend', registrationId: String(rid.bojan) })
		expect(resend.params.get('notice')).toBe('resent')
		expect(mails('bojan@example.rs', 'registration-confirmed')).toHaveLength(2)

		await post(event.id, { intent: 'resend', registrationId: String(rid.djordje) })
		const waiting = mails('djoka@example.rs', 'registration-waitlisted')
		expect(waiting).toHaveLength(2)
		expect(JSON.parse(waiting[1]!.params)).toMatchObject({ registration: { id: rid.djordje, position: 1 } })

		const cancelled = await post(event.id, { intent: 'resend', registrationId: String(rid.ana) })
		expect(cancelled.params.get('notice')).toBe('already_cancelled')
		expect(mails('ana@example.rs', 'registration-confirmed')).toHaveLength(1)
	})

	test("a registration of another event cannot be touched through this event's page", async () => {
		const other = await createEvent({ capacity: 10 })
		expect((await post(other.id, { intent: 'cancel', registrationId: String(rid.bojan) })).status).toBe(404)
		expect((await post(event.id, { intent: 'cancel', registrationId: 'abc' })).status).toBe(400)
		expect((await openPage(event.id)).rows.find((r) => r.id === rid.bojan)?.status).toBe('confirmed')
	})

	test('the CSV has every registration in registration order, formulas neutralised, no demographics', async () => {
		const response = await fetch(`${server.url}/admin/events/${event.id}/registrations.csv`, { headers: { Cookie: cookie } })
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="registrations-${event.slug}.csv"`)
		expect(response.headers.get('cache-control')).toBe('private, no-store')
		const bytes = Buffer.from(await response.arrayBuffer())
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		const lines = bytes.toString('utf8').slice(1).split('\r\n')
		expect(lines.at(-1)).toBe('')
		const c = srAdmin.registrations.csv
		expect(lines[0]).toBe(
			[
				c.id,
				c.name,
				c.email,
				c.phone,
				c.partySize,
				c.status,
				c.language,
				c.registeredAt,
				c.confirmedAt,
				c.cancelledAt,
				c.checkedInAt,
				c.source,
				c.consentPhotos,
				c.consentNewsletter,
				c.consentResearch,
			].join(';'),
		)
		expect(lines[0]).not.toMatch(/pol|starost|opštin|ranjiv|gender|age|municipal|vulnerab/i)
		expect(lines.slice(1, -1).map((l) => Number(l.split(';')[0]))).toEqual([rid.ana, rid.bojan, rid.djordje, rid.vesna])
		const [ana, , djordje, vesna] = lines.slice(1, -1)
		expect(djordje).toContain(';"Đorđe ""Đoka"" Petrović; Niš";djoka@example.rs;;3;')
		expect(vesna).toContain(`;"'=HYPERLINK(""x"")";vesna@example.rs;;1;`)
		const s = srAdmin.registrations
		const time = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`
		expect(ana).toMatch(
			new RegExp(`^${rid.ana};Ana Jovanović;ana@example.rs;;2;${s.status.cancelled};sr-Latn;${time};${time};${time};;${s.source.organizer};ne;ne;ne$`),
		)
		expect(vesna).toMatch(new RegExp(`;${s.status.confirmed};sr-Latn;${time};${time};;;${s.source.organizer};ne;ne;ne$`))
		// Belgrade wall-clock time of the stored instant.
		const stored = db.prepare('SELECT created_at FROM registrations WHERE id = ?').get(rid.ana) as { created_at: number }
		const belgrade = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Belgrade', dateStyle: 'short', timeStyle: 'medium' }).format(stored.created_at)
		expect(ana!.split(';')[7]).toBe(belgrade)

		const comma = await (await fetch(`${server.url}/admin/events/${event.id}/registrations.csv?delimiter=comma`, { headers: { Cookie: cookie } })).text()
		expect(comma.split('\r\n')[0]).toBe(lines[0]!.replaceAll(';', ','))
		expect(comma).toContain(',"Đorđe ""Đoka"" Petrović; Niš",djoka@example.rs,,3,')
	})
})

describe('registrations made through the public API', () => {
	test('are listed with their source and consents; their demographic answers appear nowhere', async () => {
		const event = await createEvent({ capacity: 10, maxPartySize: 4 })
		const response = await fetch(`${server.url}/api/v1/events/${event.slug}/registrations`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				name: 'Milena Stanković',
				email: 'milena@example.rs',
				partySize: 3,
				locale: 'sr-Cyrl',
				consent: { privacy: true, photos: true, newsletter: false, research: true },
				demographics: { gender: 'female', ageGroup: '50_64', municipality: 'aleksandrovac', vulnerableGroup: 'rural_women' },
			}),
		})
		expect(response.status, await response.clone().text()).toBe(201)
		const { registration } = (await response.json()) as { registration: { id: number } }
		const page = await openPage(event.id, '?q=stankovic')
		expect(page.rows).toEqual([{ id: registration.id, status: 'confirmed', position: null }])
		expect(page.counts.confirmed).toEqual({ persons: 3, parties: 1 })
		const s = srAdmin.registrations
		expect(page.html).toContain(s.source.api)
		expect(page.html).toContain(`✓ ${s.consent.photos}, ✓ ${s.consent.research}`)
		const csv = await (await fetch(`${server.url}/admin/events/${event.id}/registrations.csv`, { headers: { Cookie: cookie } })).text()
		expect(csv).toContain(`;Milena Stanković;milena@example.rs;;3;${s.status.confirmed};sr-Cyrl;`)
		for (const text of [page.html, csv]) {
			for (const answer of ['female', '50_64', 'aleksandrovac', 'Aleksandrovac', 'rural_women']) expect(text).not.toContain(answer)
		}
	})
})

describe('edges of manual add', () => {
	test('without a waiting list a full event is sold out: nothing is added', async () => {
		const event = await createEvent({ capacity: 1, waitlist: false })
		expect((await add(event.id, 'Prvi Gost', 'prvi@example.rs')).params.get('notice')).toBe('confirmed')
		const second = await add(event.id, 'Drugi Gost', 'drugi@example.rs')
		expect(second.params.get('notice')).toBe('sold_out')
		expect(second.params.get('rid')).toBeNull()
		const page = await openPage(event.id, `?${second.params}`)
		expect(page.notice).toBe('sold_out')
		expect(page.rows).toHaveLength(1)
		expect(page.counts.confirmed).toEqual({ persons: 1, parties: 1 })
	})

	test('an organizer may add someone after registration has closed for visitors', async () => {
		const event = await createEvent({ capacity: 5, registrationClosesAt: `${new Date().getUTCFullYear() - 1}-01-01T10:00:00+01:00` })
		expect((await add(event.id, 'Kasni Gost', 'kasni@example.rs')).params.get('notice')).toBe('confirmed')
	})

	test('a draft event takes no registrations: the page says so, a forced POST is refused', async () => {
		const draft = await createEvent({ capacity: 5, status: 'draft' })
		const page = await openPage(draft.id)
		expect(page.status).toBe(200)
		expect(page.html).toContain(srAdmin.registrations.add.notOpen)
		expect(page.html).not.toContain('name="informed"')
		const forced = await add(draft.id, 'Rani Gost', 'rani@example.rs')
		expect(forced.status).toBe(200)
		expect(forced.html).toContain(srApi.errors.not_found)
		expect(db.prepare('SELECT count(*) AS n FROM registrations WHERE event_id = ?').get(draft.id)).toEqual({ n: 0 })
	})

	test('a large event is paged 100 at a time, newest first; search works across pages', async () => {
		const event = await createEvent({ capacity: null, maxPartySize: 1 })
		for (let i = 0; i < 105; i++) expect((await add(event.id, `Posetilac ${i}`, `posetilac${i}@example.rs`)).status).toBe(302)
		const first = await openPage(event.id)
		expect(first.rows).toHaveLength(100)
		expect(first.counts.confirmed).toEqual({ persons: 105, parties: 105 })
		expect(first.remaining).toBe('')
		expect(first.html).toContain('href="/admin/events/' + event.id + '/registrations?page=2"')
		const second = await openPage(event.id, '?page=2')
		expect(second.rows).toHaveLength(5)
		expect(new Set([...ids(first), ...ids(second)]).size).toBe(105)
		expect(Math.min(...ids(first))).toBeGreaterThan(Math.max(...ids(second)))
		// Past the end: the last page.
		expect(ids(await openPage(event.id, '?page=99'))).toEqual(ids(second))
		expect((await openPage(event.id, '?q=posetilac10')).rows).toHaveLength(6)
	})
})

/** The CSV's records (after the BOM), split on `;` (no field here holds one). */
async function csvRecords(eventId: number) {
	const text = await (await fetch(`${server.url}/admin/events/${eventId}/registrations.csv`, { headers: { Cookie: cookie } })).text()
	return text
		.slice(1)
		.split('\r\n')
		.filter(Boolean)
		.map((line) => line.split(';'))
}

describe('taken at the door or on the phone: a name and a phone number, no email address', () => {
	let event: { id: number; slug: string }
	let rid: number

	beforeAll(async () => {
		event = await createEvent({ capacity: 10, maxPartySize: 3 })
	})

	test('is stored and confirmed with its phone; nothing goes to the outbox; the page says nothing was sent', async () => {
		const added = await post(event.id, {
			intent: 'add',
			name: 'Radmila Stojanović',
			email: '',
			phone: '+381 (64) 123-45/67',
			partySize: '2',
			locale: 'sr-Latn',
			informed: 'on',
		})
		expect(added.status, added.html.slice(0, 500)).toBe(302)
		expect(added.params.get('notice')).toBe('confirmed')
		rid = Number(added.params.get('rid'))
		const row = db.prepare('SELECT email, phone, status, party_size, ticket_code FROM registrations WHERE id = ?').get(rid) as Record<string, unknown>
		expect(row).toMatchObject({ email: null, phone: '+381 (64) 123-45/67', status: 'confirmed', party_size: 2 })
		expect(row.ticket_code).toBeTruthy()
		expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE registration_id = ?').get(rid)).toEqual({ n: 0 })

		const page = await openPage(event.id, new URL(added.location!, server.url).search)
		expect(page.notice).toBe('confirmed')
		expect(page.html).toContain(srAdmin.registrations.notice.confirmedNoEmail.split('{{')[0])
		expect(page.rows).toEqual([{ id: rid, status: 'confirmed', position: null }])
		expect(page.html).toContain('+381 (64) 123-45/67')
		expect(page.html).toContain('href="tel:+381641234567"')
		// No address: no resend button; the ticket can be printed instead.
		expect(page.html).not.toContain('name="intent" value="resend"')
		expect(page.html).toContain(`data-print-ticket="${rid}"`)
		expect(page.counts.confirmed).toEqual({ persons: 2, parties: 1 })
		// The phone is searchable.
		expect((await openPage(event.id, '?q=123-45')).rows.map((r) => r.id)).toEqual([rid])
	})

	test('neither an address nor a phone, or a phone that is not one: the form answers, nothing is added', async () => {
		const none = await post(event.id, { intent: 'add', name: 'Niko Nikić', email: '', phone: '', partySize: '1', locale: 'sr-Latn', informed: 'on' })
		expect(none.status).toBe(200)
		expect(none.html).toContain(srCommon.validation.emailOrPhone)
		const bad = await post(event.id, { intent: 'add', name: 'Niko Nikić', phone: 'zovi me', partySize: '1', locale: 'sr-Latn', informed: 'on' })
		expect(bad.status).toBe(200)
		expect(bad.html).toContain(srCommon.validation.phoneLoose)
		expect(db.prepare(`SELECT count(*) AS n FROM registrations WHERE name = 'Niko Nikić'`).get()).toEqual({ n: 0 })
	})

	test('a second registration without an address is a new one (nothing to match it by)', async () => {
		const second = await post(event.id, { intent: 'add', name: 'Radmila Stojanović', phone: '037 123 456', partySize: '1', locale: 'sr-Latn', informed: 'on' })
		expect(second.params.get('notice')).toBe('confirmed')
		expect(Number(second.params.get('rid'))).not.toBe(rid)
		// A forced resend to a registration without an address is refused, and mails nothing.
		expect((await post(event.id, { intent: 'resend', registrationId: String(rid) })).status).toBe(400)
		expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE event_id = ?').get(event.id)).toEqual({ n: 0 })
	})

	test('"Print ticket" opens the ticket page with its QR, through a newly minted private link', async () => {
		const print = await post(event.id, { intent: 'print', registrationId: String(rid) })
		expect(print.status).toBe(302)
		expect(print.location).toMatch(/^\/tickets\/[\w-]{20,}$/)
		const ticket = await getPage(server, print.location!)
		expect(ticket.status).toBe(200)
		expect(ticket.html).toMatch(/<svg class="ticket-qr"[^>]*viewBox="0 0 \d+ \d+"/)
		expect(ticket.html).toContain('Radmila Stojanović')
		expect(ticket.html).toContain('+381 (64) 123-45/67')
		const qr = await fetch(`${server.url}${print.location}/qr.svg`)
		expect(qr.status).toBe(200)
		expect(qr.headers.get('content-type')).toContain('image/svg+xml')
		// Audited; still nothing mailed.
		expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'registration.ticket_link' AND subject = ?`).get(`registration:${rid}`)).toEqual({
			n: 1,
		})
		expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE registration_id = ?').get(rid)).toEqual({ n: 0 })
	})

	test('the JSON API gives its email as null and its phone', async () => {
		const list = await fetch(`${server.url}/api/v1/events/${event.slug}/registrations`, { headers: { Authorization: `Bearer ${api.token}` } })
		const { registrations } = (await list.json()) as { registrations: { id: number; email: string | null; phone: string | null }[] }
		expect(registrations.find((r) => r.id === rid)).toMatchObject({ email: null, phone: '+381 (64) 123-45/67' })
	})

	test('checked in at the door: the list and the CSV show when (Belgrade time); the CSV has the phone', async () => {
		const code = (db.prepare('SELECT ticket_code FROM registrations WHERE id = ?').get(rid) as { ticket_code: string }).ticket_code
		const token = await cliToken(server, 'scanner', ['--event', event.slug, '--name', `vrata ${event.slug}`])
		const scanned = await fetch(`${server.url}/api/v1/checkins`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
			body: JSON.stringify({ code }),
		})
		expect(scanned.status).toBe(200)
		expect(((await scanned.json()) as { result: string }).result).toBe('ok')
		const stored = (db.prepare('SELECT checked_in_at FROM registrations WHERE id = ?').get(rid) as { checked_in_at: number }).checked_in_at
		expect(stored).toBeGreaterThan(0)

		const page = await openPage(event.id)
		expect(page.html).toContain(`data-checked-in="${new Date(stored).toISOString()}"`)
		const shown = new Intl.DateTimeFormat('sr-Latn', { timeZone: 'Europe/Belgrade', dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(stored)
		expect(page.html).toContain(`<time dateTime="${new Date(stored).toISOString()}">${shown}</time>`)
		expect(page.html).toContain(srAdmin.registrations.table.checkedIn)

		const [header, ...rows] = await csvRecords(event.id)
		const c = srAdmin.registrations.csv
		const at = (name: string) => header!.indexOf(name)
		const mine = rows.find((r) => Number(r[0]) === rid)!
		expect(mine[at(c.email)]).toBe('')
		// The formula guard: a leading + gets an apostrophe, so a spreadsheet shows it as text.
		expect(mine[at(c.phone)]).toBe("'+381 (64) 123-45/67")
		const belgrade = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Belgrade', dateStyle: 'short', timeStyle: 'medium' }).format(stored)
		expect(mine[at(c.checkedInAt)]).toBe(belgrade)
		// Not checked in: an empty field.
		expect(rows.find((r) => Number(r[0]) !== rid)![at(c.checkedInAt)]).toBe('')
	})

	test('a phone number that starts like a formula is neutralised in the CSV', async () => {
		const added = await post(event.id, { intent: 'add', name: 'Plus Broj', phone: '+381 64 555 1234', partySize: '1', locale: 'sr-Latn', informed: 'on' })
		const id = Number(added.params.get('rid'))
		const mine = (await csvRecords(event.id)).find((r) => Number(r[0]) === id)!
		expect(mine).toContain("'+381 64 555 1234")
	})
})

describe('the event page: publishing in the past and cancelling with a message', () => {
	const lastYear = new Date().getUTCFullYear() - 1
	const eventForm = (title: string, extra: Record<string, string> = {}) => ({
		title,
		kind: 'workshop',
		startsAt: `${lastYear}-06-01T10:00`,
		endsAt: `${lastYear}-06-01T12:00`,
		venueName: 'Centar za socijalno preduzetništvo',
		venueCity: 'Kruševac',
		maxPartySize: '1',
		...extra,
	})
	const eventsTitled = (title: string) => db.prepare('SELECT id, status FROM events WHERE title = ?').all(title) as { id: number; status: string }[]

	test('creating an event as published with a start in the past is refused until "yes, publish it in the past" is ticked', async () => {
		const title = uniqueTitle('Prošlogodišnja radionica')
		const refused = await submitForm(server, '/admin/events/new', { ...eventForm(title), intent: 'publish' }, { cookie })
		expect(refused.status).toBe(200)
		expect(refused.html).toContain(srAdmin.eventPage.pastStartRequired.split('„')[0])
		expect(refused.html).toContain(srAdmin.eventPage.pastStartWarning)
		expect(refused.html).toMatch(/<input[^>]*name="confirmPast"/)
		expect(eventsTitled(title)).toEqual([])
		// As a draft: no question asked.
		const draftTitle = uniqueTitle('Prošlogodišnji nacrt')
		expect((await submitForm(server, '/admin/events/new', { ...eventForm(draftTitle), intent: 'draft' }, { cookie })).status).toBe(302)
		const confirmed = await submitForm(server, '/admin/events/new', { ...eventForm(title), intent: 'publish', confirmPast: 'on' }, { cookie })
		expect(confirmed.status).toBe(302)
		expect(eventsTitled(title)).toMatchObject([{ status: 'published' }])
	})

	test('publishing a draft whose start has passed: the warning and the box are on the page; without the tick it stays a draft', async () => {
		const draft = await createEvent({ capacity: 5, status: 'draft', startsAt: `${lastYear}-06-01T10:00:00+02:00`, endsAt: `${lastYear}-06-01T12:00:00+02:00` })
		const page = await getPage(server, `/admin/events/${draft.id}`, { cookie })
		expect(page.html).toContain(srAdmin.eventPage.pastStartWarning)
		expect(page.html).toContain('id="confirmPastPublish"')
		const refused = await submitForm(server, `/admin/events/${draft.id}`, { intent: 'publish' }, { cookie })
		expect(refused.status).toBe(200)
		expect(refused.html).toContain('id="publish-error"')
		expect((db.prepare('SELECT status FROM events WHERE id = ?').get(draft.id) as { status: string }).status).toBe('draft')
		const published = await submitForm(server, `/admin/events/${draft.id}`, { intent: 'publish', confirmPast: 'on' }, { cookie })
		expect(published.status).toBe(302)
		expect((db.prepare('SELECT status FROM events WHERE id = ?').get(draft.id) as { status: string }).status).toBe('published')
		// A future draft shows no such box.
		const future = await createEvent({ capacity: 5, status: 'draft' })
		expect((await getPage(server, `/admin/events/${future.id}`, { cookie })).html).not.toContain('id="confirmPastPublish"')
	})

	test('moving a published event into the past through the edit form asks the same', async () => {
		const event = await createEvent({ capacity: 5 })
		const title = (db.prepare('SELECT title FROM events WHERE id = ?').get(event.id) as { title: string }).title
		const edit = { ...eventForm(title), slug: event.slug, intent: 'save' }
		const refused = await submitForm(server, `/admin/events/${event.id}`, edit, { cookie })
		expect(refused.status).toBe(200)
		expect(refused.html).toMatch(/<input[^>]*name="confirmPast"/)
		expect((db.prepare('SELECT starts_at FROM events WHERE id = ?').get(event.id) as { starts_at: number }).starts_at).toBeGreaterThan(Date.now())
		expect((await submitForm(server, `/admin/events/${event.id}`, { ...edit, confirmPast: 'on' }, { cookie })).status).toBe(302)
	})

	test('cancelling with a message: everyone registered with an address is mailed it (escaped, in their language); the page says how many', async () => {
		const event = await createEvent({ capacity: 10 })
		const person = (name: string, email: string, locale: string) =>
			post(event.id, { intent: 'add', name, email, partySize: '1', locale, informed: 'on' }).then((a) => Number(a.params.get('rid')))
		await person('Jovana Lazić', 'jovana@example.rs', 'sr-Latn')
		await person('Ben Smith', 'ben@example.com', 'en')
		await person('Вук Караџић', 'vuk@example.rs', 'sr-Cyrl')
		await post(event.id, { intent: 'add', name: 'Stana Bez Adrese', phone: '064 765 4321', partySize: '1', locale: 'sr-Latn', informed: 'on' })
		const gone = await person('Otkazala Ranije', 'ranije@example.rs', 'sr-Latn')
		await post(event.id, { intent: 'cancel', registrationId: String(gone) })

		const message = 'Sala je poplavljena <b>noćas</b> & "ne radi".\n\nNovi termin javljamo uskoro.'
		const tooLong = await submitForm(server, `/admin/events/${event.id}`, { intent: 'cancel', confirmCancel: 'on', message: 'x'.repeat(1001) }, { cookie })
		expect(tooLong.status).toBe(200)
		expect((db.prepare('SELECT status FROM events WHERE id = ?').get(event.id) as { status: string }).status).toBe('published')

		const cancelled = await submitForm(server, `/admin/events/${event.id}`, { intent: 'cancel', confirmCancel: 'on', message }, { cookie })
		expect(cancelled.status).toBe(302)
		expect(cancelled.location).toBe(`/admin/events/${event.id}?saved=cancel&mailed=3&withoutEmail=1`)
		const page = await getPage(server, cancelled.location!, { cookie })
		expect(page.html).toContain('data-mailed="3" data-without-email="1"')
		expect(page.html).toContain(srAdmin.eventPage.cancelledTold_few.replace('{{count}}', '3'))
		expect(page.html).toContain(srAdmin.eventPage.cancelledWithoutEmail_one.replace('{{count}}', '1'))

		const queued = db
			.prepare(`SELECT to_address, params FROM outbox WHERE event_id = ? AND template = 'event-cancelled' ORDER BY to_address`)
			.all(event.id) as {
			to_address: string
			params: string
		}[]
		expect(queued.map((q) => q.to_address)).toEqual(['ben@example.com', 'jovana@example.rs', 'vuk@example.rs'])
		for (const q of queued) expect(JSON.parse(q.params).message).toBe(message)

		for (const [address, label] of [
			['jovana@example.rs', srMail.eventCancelled.message],
			['ben@example.com', enMail.eventCancelled.message],
			['vuk@example.rs', cyrlMail.eventCancelled.message],
		] as const) {
			const received = await mail.waitFor((m) => m.envelope.to.includes(address) && m.parsed.text?.includes('poplavljena') === true)
			expect(received.parsed.text).toContain(label)
			expect(received.parsed.text).toContain('Sala je poplavljena <b>noćas</b> & "ne radi".')
			expect(received.parsed.text).toContain('Novi termin javljamo uskoro.')
			const html = String(received.parsed.html)
			expect(html).toContain('Sala je poplavljena &#60;b&#62;noćas&#60;/b&#62; &#38; &#34;ne radi&#34;.')
			expect(html).not.toContain('<b>noćas</b>')
		}
		expect(mail.to('ranije@example.rs').filter((m) => m.parsed.text?.includes('poplavljena'))).toEqual([])
	})

	test('cancelling without a message mails the usual cancellation', async () => {
		const event = await createEvent({ capacity: 10 })
		await post(event.id, { intent: 'add', name: 'Petar Perić', email: 'petar.bez.poruke@example.rs', partySize: '1', locale: 'sr-Latn', informed: 'on' })
		const cancelled = await submitForm(server, `/admin/events/${event.id}`, { intent: 'cancel', confirmCancel: 'on', message: '' }, { cookie })
		expect(cancelled.location).toBe(`/admin/events/${event.id}?saved=cancel&mailed=1&withoutEmail=0`)
		const received = await mail.waitFor((m) => m.envelope.to.includes('petar.bez.poruke@example.rs'))
		expect(received.parsed.text).not.toContain(srMail.eventCancelled.message)
		const page = await getPage(server, cancelled.location!, { cookie })
		expect(page.html).toContain(srAdmin.eventPage.cancelledTold_one.replace('{{count}}', '1'))
	})
})
