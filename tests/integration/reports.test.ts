// The funders' reports over real HTTP against the built server (issue 16): the participant report's
// numbers against a count this test makes itself from the registrations and check-ins it made
// (parties, people who did not answer), small cells hidden and not recoverable from the totals, the
// spreadsheet read back with exceljs, and bad input answered with the field named.
import ExcelJS from 'exceljs'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken, expectApiError, type ApiOptions } from '#tests/support/api-client.ts'
import { dbRun } from '#tests/support/database.ts'
import { createEventViaApi, PUBLISHED_WORKSHOP, uniqueTitle } from '#tests/support/events.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { addUserAndLogIn, getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { qrTextsInPdf } from '#tests/support/pdf-qr.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)

type Person = {
	event: string
	partySize: number
	checkIn: boolean
	demographics: { gender?: string; ageGroup?: string; municipality?: string; vulnerableGroup?: string }
}

const DIMENSIONS = ['gender', 'ageGroup', 'municipality', 'vulnerableGroup'] as const

/** A workshop on this Belgrade day, 10:00–13:00, parties up to 4. */
const workshopOn = async (day: string) =>
	(
		await createEventViaApi(server, organizer, {
			...PUBLISHED_WORKSHOP,
			title: uniqueTitle('Radionica'),
			startsAt: `${day}T10:00:00+01:00`,
			endsAt: `${day}T13:00:00+01:00`,
			capacity: 500,
			maxPartySize: 4,
		})
	).slug

let counter = 0
async function register(person: Person) {
	counter++
	const result = await api('POST', `/api/v1/events/${person.event}/registrations`, {
		body: {
			name: `Učesnik ${counter}`,
			email: `ucesnik${counter}@example.rs`,
			partySize: person.partySize,
			consent: { privacy: true },
			demographics: person.demographics,
		},
	})
	expect(result.status, result.text).toBe(201)
	if (person.checkIn) {
		const checkin = await api('POST', `/api/v1/registrations/${result.body.registration.id}/checkin`, { token: organizer, body: {} })
		expect(checkin.body.result, checkin.text).toBe('ok')
	}
}

/** The independent count: checked-in persons per answer, the rest of a party and non-answers as not stated. */
function expectedCounts(people: Person[], dimension: (typeof DIMENSIONS)[number]): Record<string, number> {
	const counts: Record<string, number> = {}
	for (const p of people) {
		if (!p.checkIn) continue
		const answer = p.demographics[dimension] ?? 'not_stated'
		counts[answer] = (counts[answer] ?? 0) + 1
		if (p.partySize > 1) counts.not_stated = (counts.not_stated ?? 0) + p.partySize - 1
	}
	return counts
}

let first: string
let second: string
let outside: string
const people: Person[] = []

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
	first = await workshopOn('2031-03-10')
	second = await workshopOn('2031-03-12')
	outside = await workshopOn('2031-04-02')
	const add = (n: number, person: Omit<Person, 'event'>, events = [first, second]) => {
		for (let i = 0; i < n; i++) people.push({ ...person, event: events[i % events.length]! })
	}
	// 12 women from Kruševac aged 25–34, checked in.
	add(12, { partySize: 1, checkIn: true, demographics: { gender: 'female', ageGroup: '25_34', municipality: 'krusevac', vulnerableGroup: 'none' } })
	// 6 men from Trstenik with a disability, checked in.
	add(6, { partySize: 1, checkIn: true, demographics: { gender: 'male', ageGroup: '50_64', municipality: 'trstenik', vulnerableGroup: 'disability' } })
	// 2 "other" from Brus (a small cell), checked in.
	add(2, { partySize: 1, checkIn: true, demographics: { gender: 'other', ageGroup: '15_24', municipality: 'brus', vulnerableGroup: 'none' } })
	// 3 parties of 3 who answered nothing, checked in: 9 not stated.
	add(3, { partySize: 3, checkIn: true, demographics: {} })
	// 2 parties of 2, a woman answering for herself: 2 women + 2 not stated.
	add(2, { partySize: 2, checkIn: true, demographics: { gender: 'female', municipality: 'cicevac' } })
	// Registered, never came: counted as registered only.
	add(4, { partySize: 2, checkIn: false, demographics: { gender: 'male', municipality: 'varvarin' } })
	// At an event outside the period: never counted.
	add(5, { partySize: 1, checkIn: true, demographics: { gender: 'female' } }, [outside])
	for (const person of people) await register(person)
}, 120_000)

afterAll(async () => {
	await server?.stop()
})

const inPeriod = () => people.filter((p) => p.event !== outside)

describe('participant report', () => {
	test('the numbers are the check-ins this test made, small cells hidden and not recoverable', async () => {
		const result = await api('GET', '/api/v1/reports/participants?from=2031-03-01&to=2031-03-31', { token: organizer })
		expect(result.status, result.text).toBe(200)
		const report = result.body
		const mine = inPeriod()
		const persons = (list: Person[]) => list.reduce((s, p) => s + p.partySize, 0)
		expect(report.events.map((e: any) => e.slug)).toEqual([first, second])
		for (const slug of [first, second]) {
			const of = mine.filter((p) => p.event === slug)
			expect(report.events.find((e: any) => e.slug === slug)).toMatchObject({
				kind: 'workshop',
				registeredPersons: persons(of),
				checkedInPersons: persons(of.filter((p) => p.checkIn)),
			})
		}
		const checkedIn = persons(mine.filter((p) => p.checkIn))
		expect(report.totals).toEqual({ registeredPersons: persons(mine), checkedInPersons: checkedIn })
		expect(checkedIn).toBe(12 + 6 + 2 + 9 + 4)

		for (const dimension of DIMENSIONS) {
			const expected = expectedCounts(mine, dimension)
			const table: Record<string, number | null> = report.tables[dimension]
			// Every answer the form offers has a line, plus "not stated".
			expect(Object.keys(table)).toContain('not_stated')
			let hiddenSum = 0
			let hiddenCount = 0
			for (const [line, shown] of Object.entries(table)) {
				const count = expected[line] ?? 0
				if (count > 0 && count < 5) expect(shown, `${dimension}.${line}`).toBeNull()
				if (shown === null) {
					hiddenSum += count
					hiddenCount++
				} else expect(shown, `${dimension}.${line}`).toBe(count)
			}
			// Against the shown total: no hidden cell alone, and the hidden ones together at least 5.
			expect(hiddenCount === 0 || (hiddenCount >= 2 && hiddenSum >= 5), dimension).toBe(true)
			const shownSum = Object.values(table).reduce<number>((s, v) => s + (v ?? 0), 0)
			expect(shownSum + hiddenSum).toBe(checkedIn)
		}
		// Disability is reported as its own line: 6 men from Trstenik.
		expect(report.tables.vulnerableGroup.disability).toBe(6)
		// "other" (2) alone would be recoverable from the total: the smallest shown line (male, 6) is hidden with it.
		expect(report.tables.gender).toMatchObject({ female: 14, male: null, other: null, not_stated: 11 })
		// The Rasina district's municipalities come first, in the Center's order.
		expect(Object.keys(report.tables.municipality).slice(0, 6)).toEqual(['krusevac', 'aleksandrovac', 'brus', 'varvarin', 'trstenik', 'cicevac'])
	})

	test('a chosen set of events; a total under 5 hides the whole table', async () => {
		const chosen = await api('GET', `/api/v1/reports/participants?events=${outside}`, { token: organizer })
		expect(chosen.status, chosen.text).toBe(200)
		expect(chosen.body.totals).toEqual({ registeredPersons: 5, checkedInPersons: 5 })
		expect(chosen.body.tables.gender).toMatchObject({ female: 5, not_stated: 0 })

		const both = await api('GET', `/api/v1/reports/participants?events=${first},${outside}`, { token: organizer })
		expect(both.body.events.map((e: any) => e.slug)).toEqual([first, outside])

		const empty = await workshopOn('2031-05-05')
		const few = { partySize: 3, checkIn: true, demographics: { gender: 'female' } }
		await register({ ...few, event: empty })
		const small = await api('GET', `/api/v1/reports/participants?events=${empty}`, { token: organizer })
		expect(small.body.totals.checkedInPersons).toBe(3)
		for (const dimension of DIMENSIONS)
			expect(
				Object.values(small.body.tables[dimension]).every((v) => v === null),
				dimension,
			).toBe(true)
	})

	test('the spreadsheet has the same numbers, one sheet per table, hidden cells written "< 5"', async () => {
		const json = (await api('GET', '/api/v1/reports/participants?from=2031-03-01&to=2031-03-31&lang=en', { token: organizer })).body
		const response = await fetch(`${server.url}/api/v1/reports/participants?from=2031-03-01&to=2031-03-31&format=xlsx&lang=en`, {
			headers: { Authorization: `Bearer ${organizer}` },
		})
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await response.arrayBuffer())
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['Events', 'By sex', 'By age group', 'By municipality', 'By vulnerable group', 'Method'])
		const rowsOf = (sheet: ExcelJS.Worksheet) => {
			const rows: unknown[][] = []
			sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
			return rows
		}
		const events = rowsOf(workbook.worksheets[0]!)
		expect(events.at(-1)).toEqual(['Total', '', '', json.totals.registeredPersons, json.totals.checkedInPersons])
		const gender = rowsOf(workbook.worksheets[1]!)
		const byLabel = Object.fromEntries(gender.slice(2).map(([label, value]) => [label, value]))
		expect(byLabel).toMatchObject({ Female: 14, Male: '—', Other: '< 5', 'Not stated': 11, Total: json.totals.checkedInPersons })
		// Every table: the shown numbers in the order of the JSON's lines.
		for (const [index, dimension] of DIMENSIONS.entries()) {
			const values = rowsOf(workbook.worksheets[index + 1]!)
				.slice(2, -1)
				.map(([, value]) => value)
			expect(values.map((v) => (typeof v === 'number' ? v : null))).toEqual(Object.values(json.tables[dimension]))
			expect(values.filter((v) => typeof v !== 'number').every((v) => v === '< 5' || v === '—')).toBe(true)
		}
		expect(rowsOf(workbook.worksheets[5]!).flat().join(' ')).toMatch(/1 to 4/)
	})

	test('bad input: 422 or 404 naming the field; organizers only', async () => {
		const reversed = await api('GET', '/api/v1/reports/participants?from=2031-03-10&to=2031-03-01&lang=en', { token: organizer })
		expectApiError(reversed, 422, 'invalid_fields')
		expect(Object.keys(reversed.body.fields)).toEqual(['to'])
		expect(reversed.body.fields.to[0]).toMatch(/before its start/)

		const malformed = await api('GET', '/api/v1/reports/participants?from=2031-02-30&to=2031-03-01', { token: organizer })
		expectApiError(malformed, 422, 'invalid_fields')
		expect(Object.keys(malformed.body.fields)).toEqual(['from'])

		const nothing = await api('GET', '/api/v1/reports/participants', { token: organizer })
		expectApiError(nothing, 422, 'invalid_fields')
		expect(Object.keys(nothing.body.fields).sort()).toEqual(['from', 'to'])

		const unknown = await api('GET', `/api/v1/reports/participants?events=${first},nema-takvog&lang=en`, { token: organizer })
		expectApiError(unknown, 404, 'not_found')
		expect(unknown.body.fields.events[0]).toMatch(/nema-takvog/)

		const format = await api('GET', '/api/v1/reports/participants?from=2031-03-01&to=2031-03-31&format=pdf', { token: organizer })
		expect(Object.keys(format.body.fields)).toEqual(['format'])

		expectApiError(await api('GET', '/api/v1/reports/participants?from=2031-03-01&to=2031-03-31'), 401, 'unauthorized')
		const scanner = await cliToken(server, 'scanner')
		expectApiError(await api('GET', '/api/v1/reports/participants?from=2031-03-01&to=2031-03-31', { token: scanner }), 403, 'forbidden')
	})
})

type Applicant = {
	legalForm: 'informal_group' | 'other'
	municipality: string
	research: boolean
	decision: 'accepted' | 'rejected' | null
	confirmed: boolean
	staff: { employees: number; women: number; vulnerable: Record<string, number> }
}

describe('exhibitor report', () => {
	let previousFair: string
	let fair: string
	const applicants: (Applicant & { fair: string })[] = []

	beforeAll(async () => {
		previousFair = (await createPublishedFair(server, organizer, { startsAt: '2031-06-06T10:00:00+02:00', endsAt: '2031-06-06T18:00:00+02:00' })).slug
		fair = (await createPublishedFair(server, organizer, { startsAt: '2032-06-04T10:00:00+02:00', endsAt: '2032-06-04T18:00:00+02:00' })).slug
		const add = (slug: string, n: number, a: Applicant) => {
			for (let i = 0; i < n; i++) applicants.push({ ...a, fair: slug })
		}
		const staff = { employees: 4, women: 2, vulnerable: { disability: 1 } }
		add(previousFair, 5, { legalForm: 'informal_group', municipality: 'krusevac', research: true, decision: 'accepted', confirmed: true, staff })
		add(fair, 6, { legalForm: 'informal_group', municipality: 'krusevac', research: true, decision: 'accepted', confirmed: true, staff })
		add(fair, 1, { legalForm: 'informal_group', municipality: 'krusevac', research: true, decision: 'accepted', confirmed: false, staff })
		add(fair, 6, { legalForm: 'other', municipality: 'brus', research: true, decision: 'rejected', confirmed: false, staff })
		add(fair, 2, { legalForm: 'other', municipality: 'trstenik', research: true, decision: null, confirmed: false, staff })
		// Without research consent: in the stages, never in the tables.
		add(fair, 3, { legalForm: 'informal_group', municipality: 'krusevac', research: false, decision: 'accepted', confirmed: true, staff })
		for (const [i, a] of applicants.entries()) {
			const submitted = await submitApplication(server, a.fair, {
				organization: { name: `Udruženje ${i}`, legalForm: a.legalForm, municipality: a.municipality },
				contact: { name: `Kontakt ${i}`, email: `izlagac${i}@example.rs` },
				products: 'Ručni radovi',
				category: 'handicrafts',
				needs: { power: false, accessible: false },
				consent: { privacy: true, catalogue: true, research: a.research },
				lawStatus: { apr: 'no', ways: [] },
				staff: a.staff,
			})
			if (a.decision) {
				const decided = await api('POST', `/api/v1/applications/${submitted.id}/decision`, { token: organizer, body: { decision: a.decision } })
				expect(decided.status, decided.text).toBe(200)
			}
			// Confirming is the exhibitor's button on the magic-link page; set here after the release.
			if (a.confirmed) (a as any).id = submitted.id
		}
		for (const slug of [previousFair, fair]) {
			const released = await api('POST', `/api/v1/fairs/${slug}/decisions/release`, { token: organizer, body: {} })
			expect(released.status, released.text).toBe(200)
		}
		for (const a of applicants) if (a.confirmed) dbRun(server, 'UPDATE applications SET confirmed_at = ? WHERE id = ?', Date.now(), (a as any).id)
	}, 120_000)

	test('the stages and tables of a fair next to the previous one equal an independent count', async () => {
		const result = await api('GET', `/api/v1/reports/exhibitors?fair=${fair}`, { token: organizer })
		expect(result.status, result.text).toBe(200)
		const report = result.body
		expect(report.fair.slug).toBe(fair)
		expect(report.previousFair.slug).toBe(previousFair)
		const stagesOf = (slug: string) => {
			const of = applicants.filter((a) => a.fair === slug)
			const accepted = of.filter((a) => a.decision === 'accepted')
			const confirmed = accepted.filter((a) => a.confirmed).length
			return { applicants: of.length, accepted: accepted.length, confirmed, present: confirmed }
		}
		expect(report.stages).toEqual({ [previousFair]: stagesOf(previousFair), [fair]: stagesOf(fair) })
		expect(report.presentMeans).toBe('confirmed')

		const counted = applicants.filter((a) => a.research)
		expect(report.consentedApplications).toBe(counted.length)
		const check = (dimension: string, key: string, pick: (a: Applicant) => number) => {
			const line = report.tables[dimension].find((l: any) => l.key === key)
			expect(line, `${dimension}.${key}`).toBeDefined()
			for (const slug of [previousFair, fair]) {
				const of = counted.filter((a) => a.fair === slug)
				const expected = {
					applicants: of.reduce((s, a) => s + pick(a), 0),
					exhibitors: of.filter((a) => a.decision === 'accepted').reduce((s, a) => s + pick(a), 0),
				}
				for (const part of ['applicants', 'exhibitors'] as const) {
					const shown = line.fairs[slug][part]
					if (expected[part] > 0 && expected[part] < 5) expect(shown, `${dimension}.${key}.${slug}.${part}`).toBeNull()
					if (shown !== null) expect(shown, `${dimension}.${key}.${slug}.${part}`).toBe(expected[part])
				}
			}
			return line
		}
		const one = () => 1
		expect(check('legalForm', 'informal_group', (a) => (a.legalForm === 'informal_group' ? 1 : 0)).fairs[fair]).toEqual({ applicants: 7, exhibitors: 7 })
		check('legalForm', 'other', (a) => (a.legalForm === 'other' ? 1 : 0))
		check('apr', 'no', one)
		check('municipality', 'krusevac', (a) => (a.municipality === 'krusevac' ? 1 : 0))
		// Trstenik (2 applicants, none accepted) is hidden.
		expect(check('municipality', 'trstenik', (a) => (a.municipality === 'trstenik' ? 1 : 0)).fairs[fair].applicants).toBeNull()
		expect(check('staff', 'employees', (a) => a.staff.employees).fairs[fair]).toEqual({ applicants: 60, exhibitors: 28 })
		check('staff', 'women', (a) => a.staff.women)
		check('staff', 'vulnerable:disability', (a) => a.staff.vulnerable.disability ?? 0)
	})

	test('the spreadsheet has a sheet per table with the same numbers', async () => {
		const json = (await api('GET', `/api/v1/reports/exhibitors?fair=${fair}`, { token: organizer })).body
		const response = await fetch(`${server.url}/api/v1/reports/exhibitors?fair=${fair}&format=xlsx&lang=en`, {
			headers: { Authorization: `Bearer ${organizer}` },
		})
		expect(response.status).toBe(200)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await response.arrayBuffer())
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['Fairs', 'By legal form', 'By status (2022 law)', 'By municipality', 'Staff', 'Method'])
		const rows = (index: number) => {
			const out: unknown[][] = []
			workbook.worksheets[index]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
			return out
		}
		expect(rows(0).slice(2)).toEqual([
			['Applied', json.stages[previousFair].applicants, json.stages[fair].applicants],
			['Accepted', json.stages[previousFair].accepted, json.stages[fair].accepted],
			['Confirmed participation', json.stages[previousFair].confirmed, json.stages[fair].confirmed],
			['Present (confirmed)', json.stages[previousFair].present, json.stages[fair].present],
		])
		for (const [index, dimension] of ['legalForm', 'apr', 'municipality', 'staff'].entries()) {
			const lines = rows(index + 1).slice(3)
			expect(lines.length).toBe(json.tables[dimension].length)
			lines.forEach((cells, i) => {
				const line = json.tables[dimension][i]
				const expected = [previousFair, fair].flatMap((slug) => [line.fairs[slug].applicants, line.fairs[slug].exhibitors])
				expect(cells.slice(1).map((v) => (typeof v === 'number' ? v : null))).toEqual(expected)
				expect(cells.slice(1).every((v) => typeof v === 'number' || v === '< 5' || v === '—')).toBe(true)
			})
		}
	})

	test('bad input: no fair 422, not a fair 404, both naming the field', async () => {
		const missing = await api('GET', '/api/v1/reports/exhibitors', { token: organizer })
		expectApiError(missing, 422, 'invalid_fields')
		expect(Object.keys(missing.body.fields)).toEqual(['fair'])
		const workshop = await api('GET', `/api/v1/reports/exhibitors?fair=${first}&lang=en`, { token: organizer })
		expectApiError(workshop, 404, 'not_found')
		expect(workshop.body.fields.fair[0]).toMatch(first)
		expectApiError(await api('GET', '/api/v1/reports/exhibitors?fair=nema-takvog', { token: organizer }), 404, 'not_found')
		expectApiError(await api('GET', `/api/v1/reports/exhibitors?fair=${fair}`), 401, 'unauthorized')
	})
})

describe('the report page /admin/reports', () => {
	test('shows the period, the totals, each table with bars and the method; a bad range names the field; organizers only', async () => {
		const cookie = await logInCookie(server)
		const page = await getPage(server, '/admin/reports?from=2031-03-01&to=2031-03-31&lang=en', { cookie })
		expect(page.status).toBe(200)
		const text = page.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
		expect(text).toContain('Participants')
		expect(text).toMatch(/Total 41 33/)
		expect(text).toMatch(/By sex Category Persons Share Female 14 Male — Other &lt; 5 Prefer not to say 0 Not stated 11 Total 33/)
		expect(text).toMatch(/from 1 to 4/)
		expect(page.html).toContain('href="/api/v1/reports/participants?from=2031-03-01&amp;to=2031-03-31&amp;format=xlsx&amp;lang=en"')
		// A bar for each shown count, none for a hidden one.
		expect(page.html.split('id="exhibitors-title"')[0]!.match(/<svg class="bar"/g)!.length).toBe(9)
		expect(page.html).toContain('href="/admin/reports"')

		const reversed = await getPage(server, '/admin/reports?from=2031-03-10&to=2031-03-01&lang=en', { cookie })
		expect(reversed.status).toBe(200)
		expect(reversed.html).toMatch(/id="to-error"[^>]*>The end of the period cannot be before its start/)
		expect(reversed.html).not.toContain('By sex')
		const notAFair = await getPage(server, `/admin/reports?fair=${first}&lang=en`, { cookie })
		expect(notAFair.status).toBe(200)
		expect(notAFair.html).toContain(`No fair with this address: ${first}.`)

		const scanner = await addUserAndLogIn(server, 'skener@example.rs', 'scanner')
		expect((await getPage(server, '/admin/reports', { cookie: scanner })).status).toBe(403)
		expect((await getPage(server, '/admin/reports')).status).toBe(302)
	})
})

describe('certificates of attendance', () => {
	/** A workshop (10:00–13:00) with certificates on or off; a registration in this language, checked in or not. */
	async function participant(options: { certificates: boolean; checkIn: boolean; locale?: string; name?: string }) {
		const event = await createEventViaApi(server, organizer, {
			...PUBLISHED_WORKSHOP,
			title: uniqueTitle('Obuka'),
			startsAt: '2031-09-15T10:00:00+02:00',
			endsAt: '2031-09-15T13:00:00+02:00',
			certificates: options.certificates,
		})
		counter++
		const registered = await api('POST', `/api/v1/events/${event.slug}/registrations`, {
			body: { name: options.name ?? 'Đorđe Živković', email: `polaznik${counter}@example.rs`, locale: options.locale ?? 'sr-Latn', consent: { privacy: true } },
		})
		expect(registered.status, registered.text).toBe(201)
		const registration = registered.body.registration
		if (options.checkIn) {
			const checkin = await api('POST', `/api/v1/registrations/${registration.id}/checkin`, { token: organizer, body: {} })
			expect(checkin.body.result).toBe('ok')
		}
		return {
			event,
			id: registration.id as number,
			token: (registration.manageUrl as string).split('/').at(-1)!,
			ticketCode: registration.ticket.code as string,
		}
	}

	const certificatePath = (token: string) => `/tickets/${token}/certificate.pdf`

	test('the event edit form turns certificates on and off', async () => {
		const { event } = await participant({ certificates: false, checkIn: false })
		const cookie = await logInCookie(server)
		const fields = {
			title: event.title,
			kind: 'workshop',
			venueName: 'Centar za socijalno preduzetništvo',
			venueCity: 'Kruševac',
			startsAt: '2031-09-15T10:00',
			endsAt: '2031-09-15T13:00',
			maxPartySize: '1',
		}
		const on = await submitForm(server, `/admin/events/${event.id}`, { ...fields, certificates: 'on' }, { cookie })
		expect(on.status, on.html.slice(0, 300)).toBe(302)
		expect((await api('GET', `/api/v1/events/${event.slug}`)).body.event.certificates).toBe(true)
		expect((await getPage(server, `/admin/events/${event.id}`, { cookie })).html).toMatch(/name="certificates"[^>]*checked/)
		expect((await submitForm(server, `/admin/events/${event.id}`, fields, { cookie })).status).toBe(302)
		expect((await api('GET', `/api/v1/events/${event.slug}`)).body.event.certificates).toBe(false)
	})

	test('a checked-in participant gets a PDF in the ticket language whose QR checks as valid; the event says certificates: true', async () => {
		const p = await participant({ certificates: true, checkIn: true, locale: 'sr-Cyrl' })
		expect((await api('GET', `/api/v1/events/${p.event.slug}`)).body.event.certificates).toBe(true)
		const ticketPage = await getPage(server, `/tickets/${p.token}`)
		expect(ticketPage.html).toContain(`href="/tickets/${p.token}/certificate.pdf"`)

		const response = await fetch(server.url + certificatePath(p.token))
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('application/pdf')
		const bytes = new Uint8Array(await response.arrayBuffer())
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
		const pdf = await PDFDocument.load(bytes)
		expect(pdf.getPageCount()).toBe(1)
		// In the ticket's script: the Cyrillic title, the name as the person wrote it.
		expect(pdf.getTitle()).toBe('Потврда о учешћу – Đorđe Živković')
		expect(pdf.getAuthor()).toBe('Центар за социјално предузетништво Крушевац')

		const [url] = await qrTextsInPdf(bytes)
		expect(url).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/certificates/[A-Za-z0-9_-]{108}$`))
		const check = await getPage(server, `${new URL(url!).pathname}?lang=en`)
		expect(check.status).toBe(200)
		expect(check.html).toMatch(/data-result="valid">valid: Đorđe Živković, Obuka \d+, Monday, 15 September 2031</)

		// Altered by one character, made up, a ticket's code: not valid, never a 500.
		const code = new URL(url!).pathname.split('/').at(-1)!
		const altered = code.slice(0, 50) + (code[50] === 'A' ? 'B' : 'A') + code.slice(51)
		for (const forged of [altered, 'abc', p.ticketCode, `${code}x`, '%E2%82%AC', 'A'.repeat(108)]) {
			const page = await getPage(server, `/certificates/${forged}?lang=en`)
			expect(page.status, forged).toBe(200)
			expect(page.html, forged).toMatch(/data-result="not-valid">not valid</)
			expect(page.html).not.toContain('Živković')
		}

		// An undone check-in withdraws the certificate.
		expect((await api('POST', `/api/v1/registrations/${p.id}/checkin/undo`, { token: organizer, body: {} })).status).toBe(200)
		expect((await getPage(server, `${new URL(url!).pathname}?lang=en`)).html).toMatch(/data-result="not-valid"/)
		expect((await fetch(server.url + certificatePath(p.token))).status).toBe(404)
	})

	test('404 for a participant not checked in, for an event without certificates, for an unknown ticket', async () => {
		const notIn = await participant({ certificates: true, checkIn: false })
		expect((await fetch(server.url + certificatePath(notIn.token))).status).toBe(404)
		expect((await getPage(server, `/tickets/${notIn.token}`)).html).not.toContain('certificate.pdf')
		const off = await participant({ certificates: false, checkIn: true })
		expect((await fetch(server.url + certificatePath(off.token))).status).toBe(404)
		expect((await fetch(server.url + certificatePath('nema-takvog'))).status).toBe(404)
		// Turned on later through the API: the certificate is there.
		expect((await api('PATCH', `/api/v1/events/${off.event.slug}`, { token: organizer, body: { certificates: true } })).status).toBe(200)
		const later = await fetch(server.url + certificatePath(off.token) + '?lang=en')
		expect(later.status).toBe(200)
		expect((await PDFDocument.load(new Uint8Array(await later.arrayBuffer()))).getTitle()).toBe('Certificate of attendance – Đorđe Živković')
	})
})
