// The organizer's print pages (issue 18) over HTTP against the built server: who may open them, who
// is printed (never a cancelled registration, nothing for a cancelled event), the choices of the
// GET forms, and that the printed code is the ticket's own. The printing itself (PDF, QR read back
// and scanned) is in tests/e2e/print-sheets.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import printEn from '#app/locales/en/print.json'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbRun } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { addUserAndLogIn, getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizerToken: string
let admin: string
let organizer: string
let event: { id: number; slug: string }
let other: { id: number; slug: string }
const ids: Record<string, number> = {}
let manageToken: string

async function addByOrganizer(eventId: number, fields: Record<string, string>) {
	const answer = await submitForm(
		server,
		`/admin/events/${eventId}/registrations`,
		{ intent: 'add', locale: 'sr-Latn', informed: 'on', partySize: '1', ...fields },
		{ cookie: admin },
	)
	expect(answer.status, answer.html.slice(0, 300)).toBe(302)
	return Number(new URL(answer.location!, server.url).searchParams.get('rid'))
}

beforeAll(async () => {
	server = await startServer()
	organizerToken = await cliToken(server, 'organizer')
	admin = await logInCookie(server)
	organizer = await addUserAndLogIn(server, 'organizerka@sajam.test', 'organizer')
	event = await createPublishedWorkshop(server, organizerToken, { maxPartySize: 4 })
	other = await createPublishedWorkshop(server, organizerToken, { maxPartySize: 4 })
	const web = await apiCall(server.url, 'POST', `/api/v1/events/${event.slug}/registrations`, {
		body: { name: 'Vesna Imejlović', email: 'vesna@primer.rs', partySize: 2, consent: { privacy: true } },
	})
	expect(web.status, web.text).toBe(201)
	ids.web = web.body.registration.id
	manageToken = web.body.registration.manageUrl.split('/').at(-1)
	ids.phone = await addByOrganizer(event.id, { name: 'Radmila Telefonić', phone: '037 111 222', partySize: '3' })
	// Registered by an organizer with an imejl address: printed by default too (the person asked at the desk).
	ids.desk = await addByOrganizer(event.id, { name: 'Desanka Šalterić', email: 'desanka@primer.rs' })
	ids.cancelled = await addByOrganizer(event.id, { name: 'Otkazana Osoba', phone: '037 333 444' })
	const cancel = await submitForm(
		server,
		`/admin/events/${event.id}/registrations`,
		{ intent: 'cancel', registrationId: String(ids.cancelled) },
		{ cookie: admin },
	)
	expect(cancel.status).toBe(302)
	await addByOrganizer(other.id, { name: 'Druga Priredba', phone: '037 555 666' })
})

afterAll(async () => {
	await server?.stop()
})

const tickets = (eventId: number, query = '') => `/admin/events/${eventId}/print/tickets?lang=en${query}`
const badges = (eventId: number, query = '') => `/admin/events/${eventId}/print/badges?lang=en${query}`
const printedTickets = (html: string) => [...html.matchAll(/data-ticket="(\d+)"/g)].map((m) => Number(m[1]))

describe('who may open the print pages', () => {
	test('anonymous (a visitor with only a ticket link) goes to the login; a scanner is refused; an unknown event is 404', async () => {
		const scanner = await addUserAndLogIn(server, 'skener@sajam.test', 'scanner')
		for (const path of [tickets(event.id), badges(event.id)]) {
			const anonymous = await getPage(server, path)
			expect(anonymous.status, path).toBe(302)
			expect(anonymous.location).toContain('/admin/login')
			// The visitor's own ticket link is no key to the organizer's pages.
			expect((await getPage(server, path, { cookie: `ticket=${manageToken}` })).status).toBe(302)
			expect((await getPage(server, path, { cookie: scanner })).status, path).toBe(403)
			const page = await getPage(server, path, { cookie: organizer })
			expect(page.status, path).toBe(200)
			expect(page.headers.get('cache-control')).toBe('private, no-store')
			expect((await submitForm(server, path, {}, { cookie: organizer })).status).toBe(405)
		}
		expect((await getPage(server, tickets(999_999), { cookie: organizer })).status).toBe(404)
		expect((await getPage(server, badges(999_999), { cookie: organizer })).status).toBe(404)
		expect((await getPage(server, '/admin/events/abc/print/tickets', { cookie: organizer })).status).toBe(404)
	})
})

describe('the ticket sheet', () => {
	test('by default prints those without imejl or registered by an organizer, and says so', async () => {
		const page = await getPage(server, tickets(event.id), { cookie: organizer })
		expect(printedTickets(page.html).sort()).toEqual([ids.phone, ids.desk].sort())
		expect(page.html).toContain(printEn.tickets.printing.default)
		expect(page.html).toContain('Tickets to print: 2 · A4 sheets: 1')
		expect(page.html).toContain('Radmila Telefonić')
		expect(page.html).toContain('3 people')
		// A card's QR is the very drawing of the person's ticket page: the same code, the same modules.
		const all = await getPage(server, tickets(event.id, '&which=all'), { cookie: organizer })
		const card = all.html.slice(all.html.indexOf(`data-ticket="${ids.web}"`))
		const ticketPage = await getPage(server, `/tickets/${manageToken}`)
		const drawing = (html: string) => /<path d="([^"]+)" fill="#000"/.exec(html)?.[1]
		expect(drawing(card)).toBeDefined()
		expect(drawing(card)).toBe(drawing(ticketPage.html.slice(ticketPage.html.indexOf('class="ticket-qr"'))))
	})

	test('a cancelled registration is never printed, whatever is chosen; another event’s people neither', async () => {
		for (const query of ['', '&which=all', `&which=selected&r=${ids.cancelled}&r=${ids.web}`]) {
			const page = await getPage(server, tickets(event.id, query), { cookie: organizer })
			expect(page.status).toBe(200)
			expect(printedTickets(page.html)).not.toContain(ids.cancelled)
			expect(page.html).not.toContain('Otkazana Osoba')
			expect(page.html).not.toContain('Druga Priredba')
		}
		const all = await getPage(server, tickets(event.id, '&which=all'), { cookie: organizer })
		expect(printedTickets(all.html).sort()).toEqual([ids.web, ids.phone, ids.desk].sort())
		const selected = await getPage(server, tickets(event.id, `&which=selected&r=${ids.cancelled}&r=${ids.web}`), { cookie: organizer })
		expect(printedTickets(selected.html)).toEqual([ids.web])
		// A hand-edited address falls back to the default instead of failing.
		const odd = await getPage(server, tickets(event.id, '&which=everything&r=x&sheetLang=de'), { cookie: organizer })
		expect(odd.status).toBe(200)
		expect(printedTickets(odd.html).sort()).toEqual([ids.phone, ids.desk].sort())
	})

	test('the cards speak the sheet’s language; nothing prints for a cancelled event', async () => {
		const serbian = await getPage(server, tickets(event.id, '&sheetLang=sr-Cyrl'), { cookie: organizer })
		expect(serbian.html).toContain('Улазница')
		expect(serbian.html).toContain('3 особе')
		const cancelledEvent = await createPublishedWorkshop(server, organizerToken, { maxPartySize: 4 })
		await addByOrganizer(cancelledEvent.id, { name: 'Zakasnela Prijava', phone: '037 777 888' })
		dbRun(server, "UPDATE events SET status = 'cancelled' WHERE id = ?", cancelledEvent.id)
		const page = await getPage(server, tickets(cancelledEvent.id), { cookie: organizer })
		expect(page.status).toBe(200)
		expect(printedTickets(page.html)).toEqual([])
		expect(page.html).toContain(printEn.tickets.cancelledEvent)
	})
})

describe('the badges', () => {
	test('a workshop’s badges are its visitors’, on labels with QR when asked; cancelled ones are left out', async () => {
		const page = await getPage(server, badges(event.id, '&layout=labels&qr=1&copies=2&skip=1'), { cookie: organizer })
		expect(page.status).toBe(200)
		expect(page.html).toContain('Badges: 6 · pages: 1')
		expect(page.html).not.toContain('Otkazana Osoba')
		expect(page.html.match(/class="badge-qr"/g)).toHaveLength(6)
		expect(page.html.match(/class="badge empty"/g)).toHaveLength(1)
		// A workshop has no exhibitors: asking for them still shows its visitors.
		const asked = await getPage(server, badges(event.id, '&people=exhibitors'), { cookie: organizer })
		expect(asked.html).toContain('Radmila Telefonić')
		expect(asked.html).not.toContain('class="badge-qr"')
	})
})
