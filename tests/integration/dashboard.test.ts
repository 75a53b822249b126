// The organizers' dashboard (/admin) over HTTP against the built server: the events coming up
// soonest first with their numbers (checked-in persons from the event's day on), the past ones
// folded away, and "needs doing" with a link for each thing waiting: applications to review, staged
// decisions, acceptances not confirmed (with the nearest deadline), mails that failed. States the
// API cannot make (a past check-in, a failed mail, an acceptance told) are written into the file.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatDateTime } from '#app/domain/format.ts'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbRun } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { getPage, logInCookie } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string
let cookie: string
const run = (statement: string, ...params: unknown[]) => dbRun(server, statement, ...params)
const HOUR = 3_600_000

let applicants = 0
async function apply(slug: string) {
	applicants++
	const { id } = await submitApplication(server, slug, {
		organization: { name: `Zadruga ${applicants}`, legalForm: 'association', municipality: 'krusevac', companyNumber: '28123456', pib: '101134702' },
		contact: { name: 'Jelena Petrović', email: `zadruga${applicants}@example.rs` },
		products: 'Med i džemovi',
		category: 'food',
		consent: { privacy: true, catalogue: true },
	})
	return id
}

let visitors = 0
async function register(slug: string, partySize: number) {
	visitors++
	const result = await apiCall(server.url, 'POST', `/api/v1/events/${slug}/registrations`, {
		body: { name: `Posetilac ${visitors}`, email: `posetilac${visitors}@example.rs`, partySize, consent: { privacy: true } },
	})
	expect(result.status, result.text).toBe(201)
	return result.body.registration.id as number
}

/** The part of the page between two markers (a section), to tell the lists apart. */
function between(html: string, from: string, to?: string) {
	const start = html.indexOf(from)
	expect(start, from).toBeGreaterThanOrEqual(0)
	const end = to ? html.indexOf(to, start) : html.length
	return html.slice(start, end < 0 ? html.length : end)
}
const eventIds = (html: string) => [...html.matchAll(/data-event="(\d+)"/g)].map((m) => Number(m[1]))

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
	cookie = await logInCookie(server)
})

afterAll(async () => {
	await server?.stop()
})

describe('/admin, the dashboard', () => {
	test('with nothing waiting it says so', async () => {
		const page = await getPage(server, '/admin', { cookie })
		expect(page.status).toBe(200)
		expect(page.html).toContain('data-tasks="0"')
		expect(page.html).toContain('Ništa ne čeka na vas.')
	})

	test('the next events soonest first with their numbers, the past ones folded below, and what needs doing with links', async () => {
		// Made in the wrong order on purpose: the page sorts them.
		const later = await createPublishedWorkshop(server, organizer, { startsAt: '2031-05-10T10:00:00+02:00', endsAt: '2031-05-10T12:00:00+02:00' })
		const fair = await createPublishedFair(server, organizer, { startsAt: '2031-04-01T10:00:00+02:00', endsAt: '2031-04-01T18:00:00+02:00' })
		const today = await createPublishedWorkshop(server, organizer, { maxPartySize: 5 })
		const oldest = await createPublishedWorkshop(server, organizer, { startsAt: '2020-01-10T10:00:00+01:00', endsAt: '2020-01-10T12:00:00+01:00' })
		const lastMonth = await createPublishedWorkshop(server, organizer, { startsAt: '2021-06-10T10:00:00+02:00', endsAt: '2021-06-10T12:00:00+02:00' })

		// Today's workshop: three registrations (2 + 1 + 4 persons), the first two checked in.
		const a = await register(today.slug, 2)
		const b = await register(today.slug, 1)
		await register(today.slug, 4)
		const now = Date.now()
		run('UPDATE events SET starts_at = ?, ends_at = ? WHERE id = ?', now - HOUR, now + 3 * HOUR, today.id)
		run('UPDATE registrations SET checked_in_at = ? WHERE id IN (?, ?)', now, a, b)

		// The fair: two applications to review, one decision staged, two acceptances told and not confirmed, one confirmed.
		await apply(fair.slug)
		await apply(fair.slug)
		const staged = await apply(fair.slug)
		run(`UPDATE applications SET status = 'accepted' WHERE id = ?`, staged)
		const soon = new Date(now + 2 * 24 * HOUR)
		for (const [id, confirmBy, confirmedAt] of [
			[await apply(fair.slug), now + 5 * 24 * HOUR, null],
			[await apply(fair.slug), soon.getTime(), null],
			[await apply(fair.slug), now + 24 * HOUR, now],
		] as const) {
			run(
				`UPDATE applications SET status = 'accepted', released_status = 'accepted', decision_released_at = ?, confirm_by = ?, confirmed_at = ? WHERE id = ?`,
				now,
				confirmBy,
				confirmedAt,
				id,
			)
		}
		run(
			`INSERT INTO outbox (template, locale, to_address, params, status, attempts, next_attempt_at, last_error, created_at) VALUES ('ticket', 'sr-Latn', 'x@example.rs', '{}', 'failed', 12, ?, 'refused', ?)`,
			now,
			now,
		)

		const page = await getPage(server, '/admin', { cookie })
		expect(page.status).toBe(200)
		const html = page.html

		// What needs doing, each with its link.
		const todo = between(html, 'id="todo-title"', 'id="upcoming-title"')
		expect(todo).toContain(`href="/admin/events/${fair.id}/applications?status=submitted">${fair.title}: 2 prijave čekaju pregled</a>`)
		expect(todo).toContain(`href="/admin/events/${fair.id}/applications#release-title">${fair.title}: 1 odluka još nije objavljena</a>`)
		expect(todo).toContain(
			`href="/admin/events/${fair.id}/applications?status=accepted">${fair.title}: 2 prihvaćena izlagača nisu potvrdila učešće; najbliži rok je ${formatDateTime(soon, 'sr-Latn')}</a>`,
		)
		expect(todo).toContain('href="/admin/outbox?status=failed">1 poruka nije mogla da bude poslata</a>')

		// Coming up, soonest first: today's workshop, the fair, the later workshop.
		const upcoming = between(html, 'id="upcoming-title"', 'class="dashboard-past"')
		expect(eventIds(upcoming)).toEqual([today.id, fair.id, later.id])
		const todayRow = between(upcoming, `data-event="${today.id}"`, '</tr>')
		expect(todayRow).toContain('danas')
		expect(todayRow).toMatch(/data-label="Prijavljeno"[^>]*>7 \/ 30</)
		expect(todayRow).toMatch(/data-label="Ušlo"[^>]*>3</)
		expect(between(upcoming, `data-event="${fair.id}"`, '</tr>')).toContain('još nije počeo')

		// The past ones, latest first, in a closed <details>, with their check-ins.
		const past = between(html, 'class="dashboard-past"')
		expect(past).toMatch(/^class="dashboard-past"><summary>Prošli događaji \(2\)<\/summary>/)
		expect(eventIds(past)).toEqual([lastMonth.id, oldest.id])
		expect(between(past, `data-event="${oldest.id}"`, '</tr>')).toMatch(/data-label="Ušlo"[^>]*>0</)
	})
})
