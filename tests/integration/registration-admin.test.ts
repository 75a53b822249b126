// The organizer's registrations page and CSV export, over real HTTP against the built server, as a
// browser without JavaScript uses them: log in, GET the page, POST its small forms, follow the
// redirect. The outbox is read (read-only) from the server's database file.
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import srApi from '#app/locales/sr-Latn/api.json'
import srAdmin from '#app/locales/sr-Latn/admin.json'
import { createEventViaApi, uniqueTitle } from '#tests/support/events.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { FORM, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
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
		expect(response.headers.get('cache-control')).toBe('no-store')
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
				c.partySize,
				c.status,
				c.language,
				c.registeredAt,
				c.confirmedAt,
				c.cancelledAt,
				c.source,
				c.consentPhotos,
				c.consentNewsletter,
				c.consentResearch,
			].join(';'),
		)
		expect(lines[0]).not.toMatch(/pol|starost|opštin|ranjiv|gender|age|municipal|vulnerab/i)
		expect(lines.slice(1, -1).map((l) => Number(l.split(';')[0]))).toEqual([rid.ana, rid.bojan, rid.djordje, rid.vesna])
		const [ana, , djordje, vesna] = lines.slice(1, -1)
		expect(djordje).toContain(';"Đorđe ""Đoka"" Petrović; Niš";djoka@example.rs;3;')
		expect(vesna).toContain(`;"'=HYPERLINK(""x"")";vesna@example.rs;1;`)
		const s = srAdmin.registrations
		const time = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`
		expect(ana).toMatch(
			new RegExp(`^${rid.ana};Ana Jovanović;ana@example.rs;2;${s.status.cancelled};sr-Latn;${time};${time};${time};${s.source.organizer};ne;ne;ne$`),
		)
		expect(vesna).toMatch(new RegExp(`;${s.status.confirmed};sr-Latn;${time};${time};;${s.source.organizer};ne;ne;ne$`))
		// Belgrade wall-clock time of the stored instant.
		const stored = db.prepare('SELECT created_at FROM registrations WHERE id = ?').get(rid.ana) as { created_at: number }
		const belgrade = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Belgrade', dateStyle: 'short', timeStyle: 'medium' }).format(stored.created_at)
		expect(ana!.split(';')[6]).toBe(belgrade)

		const comma = await (await fetch(`${server.url}/admin/events/${event.id}/registrations.csv?delimiter=comma`, { headers: { Cookie: cookie } })).text()
		expect(comma.split('\r\n')[0]).toBe(lines[0]!.replaceAll(';', ','))
		expect(comma).toContain(',"Đorđe ""Đoka"" Petrović; Niš",djoka@example.rs,3,')
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
		expect(csv).toContain(`;Milena Stanković;milena@example.rs;3;${s.status.confirmed};sr-Cyrl;`)
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
