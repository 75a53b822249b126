// The public exhibitor catalogue (page, JSON API, logos) and the organizers' research view, over
// real HTTP against the built server. Applications come in through the public API; decisions,
// releases and consents are then set in the database file directly, so each case is exact.
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken, type ApiOptions } from '#tests/support/api-client.ts'
import { dbRun } from '#tests/support/database.ts'
import { eventIdOf, uniqueTitle } from '#tests/support/events.ts'
import { createPublishedFair, setFairSettings, submitApplication } from '#tests/support/fair-fixtures.ts'
import { NEXT_YEAR } from '#tests/support/organizer-api.ts'
import { addUserAndLogIn, logInCookie } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string
let adminCookie: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)

const sql = (statement: string, ...params: unknown[]) => dbRun(server, statement, ...params)

let counter = 0
/** A published fair ("Sajam zadruga N") on 3 October next year; its slug. */
async function createEvent(kind = 'fair') {
	const event = await createPublishedFair(server, organizer, {
		title: uniqueTitle('Sajam zadruga'),
		kind,
		startsAt: `${NEXT_YEAR}-10-03T10:00:00+02:00`,
		endsAt: `${NEXT_YEAR}-10-03T17:00:00+02:00`,
	})
	return event.slug
}

async function apply(slug: string, name: string, category: string, extra: Record<string, unknown> = {}) {
	const { id } = await submitApplication(server, slug, {
		organization: { name, legalForm: 'association', municipality: 'krusevac', companyNumber: '65794896', pib: '101134702', website: 'https://www.primer.rs' },
		contact: { name: 'Jelena Petrović', email: `kontakt${++counter}@primer.rs`, phone: '064 123 4567' },
		products: 'Med i džemovi',
		category,
		description: `Opis: ${name}`,
		consent: { privacy: true, catalogue: true, research: true },
		lawStatus: { apr: 'yes', ways: ['work_integration'], selfIdentified: true },
		staff: { employees: 3, women: 2, vulnerable: { roma: 1 }, volunteers: 2 },
		...extra,
	})
	return id
}

/** Accepted by the organizers and told so: the state that makes an application public. */
function acceptAndRelease(id: number) {
	sql("UPDATE applications SET status = 'accepted', released_status = 'accepted', decision_released_at = ? WHERE id = ?", Date.now(), id)
}

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
function attachLogo(id: number) {
	sql(
		'INSERT INTO application_images (token, application_id, mime, bytes, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)',
		randomBytes(16).toString('base64url'),
		id,
		'image/png',
		PNG,
		createHash('sha256').update(PNG).digest('hex'),
		Date.now(),
	)
}

const page = async (path: string, headers: Record<string, string> = {}) => {
	const response = await fetch(server.url + path, { headers, redirect: 'manual' })
	return { status: response.status, headers: response.headers, html: await response.text() }
}

let fair: string
const ids: Record<string, number> = {}

beforeAll(async () => {
	server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } })
	organizer = await cliToken(server, 'organizer')
	adminCookie = await logInCookie(server)
	fair = await createEvent()
	// Names chosen so Serbian order differs from code-point order: Č after C, Ž after Z.
	ids.public = await apply(fair, 'Zadruga Čajevi', 'food', { descriptionEn: 'Herbal teas from the Rasina district.' })
	ids.textiles = await apply(fair, 'Udruženje Vez', 'textiles')
	ids.zh = await apply(fair, 'Ženska zadruga Žitka', 'food')
	ids.staged = await apply(fair, 'Zadruga Neobjavljena', 'food')
	ids.noConsent = await apply(fair, 'Zadruga Bez Saglasnosti', 'food', { consent: { privacy: true, catalogue: false, research: false } })
	ids.waitlisted = await apply(fair, 'Zadruga Na Listi', 'food')
	ids.withdrawn = await apply(fair, 'Zadruga Povučena', 'food')
	ids.submitted = await apply(fair, 'Zadruga Čeka', 'food')
	for (const key of ['public', 'textiles', 'zh', 'noConsent', 'withdrawn']) acceptAndRelease(ids[key]!)
	// Decided, but not yet released: the exhibitor has not been told, so neither is the public.
	sql("UPDATE applications SET status = 'accepted' WHERE id = ?", ids.staged)
	sql("UPDATE applications SET status = 'waitlisted', released_status = 'waitlisted' WHERE id = ?", ids.waitlisted)
	sql("UPDATE applications SET withdrawn_at = ?, withdrawn_reason = 'exhibitor' WHERE id = ?", Date.now(), ids.withdrawn)
	for (const key of ['public', 'staged', 'noConsent']) attachLogo(ids[key]!)
	// Stands: the textiles exhibitor has been mailed stand A3; the tea one has B1, not yet mailed.
	const eventId = eventIdOf(server, fair)
	for (const [label, application, notified] of [
		['A3', ids.textiles, Date.now()],
		['B1', ids.public, null],
	] as const) {
		const stand = sql(
			'INSERT INTO stands (event_id, label, x, y, width, height, size_m2, created_at, updated_at) VALUES (?, ?, 0, 0, 3, 2, 6, ?, ?)',
			eventId,
			label,
			Date.now(),
			Date.now(),
		)
		sql(
			'INSERT INTO stand_assignments (application_id, event_id, stand_id, locked, assigned_at, notified_at) VALUES (?, ?, ?, 0, ?, ?)',
			application,
			eventId,
			stand.lastInsertRowid,
			Date.now(),
			notified,
		)
	}
})

afterAll(async () => {
	await server?.stop()
})

const SHOWN = ['Udruženje Vez', 'Zadruga Čajevi', 'Ženska zadruga Žitka']
const NOT_SHOWN = ['Zadruga Neobjavljena', 'Zadruga Bez Saglasnosti', 'Zadruga Na Listi', 'Zadruga Povučena', 'Zadruga Čeka']

describe('GET /api/v1/fairs/{slug}/exhibitors', () => {
	test('only accepted, released, consenting, not withdrawn exhibitors, in Serbian order', async () => {
		const result = await api('GET', `/api/v1/fairs/${fair}/exhibitors`)
		expect(result.status, result.text).toBe(200)
		expect(result.body.exhibitors.map((e: { name: string }) => e.name)).toEqual(SHOWN)
		expect(result.headers.get('cache-control')).toMatch(/public/)
		const tea = result.body.exhibitors[1]
		expect(tea).toEqual({
			id: ids.public,
			name: 'Zadruga Čajevi',
			category: 'food',
			description: 'Opis: Zadruga Čajevi',
			descriptionEn: 'Herbal teas from the Rasina district.',
			municipality: 'krusevac',
			website: 'https://www.primer.rs',
			logoUrl: `${server.url}/fairs/${fair}/exhibitors/${ids.public}/logo`,
		})
		// A stand is public once its exhibitor has been told it.
		expect(result.body.exhibitors[0]).toMatchObject({ name: 'Udruženje Vez', standLabel: 'A3' })
		// Nothing private: no contact, no staff, no law status, no manage link.
		expect(result.text).not.toMatch(/primer\.rs"?,?"?contact|kontakt|Petrović|manage|staff|employees/)
	})

	test('an unknown fair, or an event that is not a fair, is 404', async () => {
		expect((await api('GET', '/api/v1/fairs/nema-takvog/exhibitors')).status).toBe(404)
		const workshop = await createEvent('workshop')
		const result = await api('GET', `/api/v1/fairs/${workshop}/exhibitors`)
		expect(result.status).toBe(404)
		expect(result.body.error).toEqual(expect.any(String))
	})
})

describe('the catalogue page', () => {
	test('shows exactly the public exhibitors, with counts per category', async () => {
		const { status, html } = await page(`/fairs/${fair}/exhibitors?lang=sr-Latn`)
		expect(status).toBe(200)
		for (const name of SHOWN) expect(html).toContain(name)
		for (const name of NOT_SHOWN) expect(html).not.toContain(name)
		expect(html).toContain(`href="/fairs/${fair}/exhibitors?category=food"`)
		expect(html).toContain(`/fairs/${fair}/exhibitors/${ids.public}/logo`)
		expect(html).toMatch(/rel="noopener nofollow"/)
		expect(html).toContain('Štand A3')
		expect(html).not.toContain('Štand B1')
		expect(html.indexOf('Udruženje Vez')).toBeLessThan(html.indexOf('Zadruga Čajevi'))
		expect(html.indexOf('Zadruga Čajevi')).toBeLessThan(html.indexOf('Ženska zadruga Žitka'))
	})

	test('?category= filters with a plain link, and says which filter is on', async () => {
		const { html } = await page(`/fairs/${fair}/exhibitors?category=textiles&lang=sr-Latn`)
		expect(html).toContain('Udruženje Vez')
		expect(html).not.toContain('Zadruga Čajevi')
		expect(html).toMatch(/aria-current="page"[^>]*>Tekstil/)
		// An unknown category shows everyone rather than nothing.
		const all = await page(`/fairs/${fair}/exhibitors?category=oruzje`)
		for (const name of SHOWN) expect(all.html).toContain(name)
	})

	test('English shows the English description; Cyrillic transliterates names', async () => {
		const en = await page(`/fairs/${fair}/exhibitors?lang=en`)
		expect(en.html).toContain('Herbal teas from the Rasina district.')
		expect(en.html).toContain('Food and honey')
		const cyrl = await page(`/fairs/${fair}/exhibitors?lang=sr-Cyrl`)
		expect(cyrl.html).toContain('Задруга Чајеви')
		expect(cyrl.html).not.toContain('Zadruga Čajevi')
	})

	test('an unknown fair or a non-fair is a 404 page', async () => {
		expect((await page('/fairs/nema-takvog/exhibitors')).status).toBe(404)
		const workshop = await createEvent('workshop')
		expect((await page(`/fairs/${workshop}/exhibitors`)).status).toBe(404)
	})

	test("the fair's event page links to it", async () => {
		const { html } = await page(`/events/${fair}`)
		expect(html).toContain(`href="/fairs/${fair}/exhibitors"`)
	})
})

describe('search, and the catalogue and the map linked both ways', () => {
	const names = (html: string) => SHOWN.filter((name) => html.includes(name))

	test('the catalogue searches names, descriptions and category names, every word in any order, in both scripts (GET form)', async () => {
		const form = await page(`/fairs/${fair}/exhibitors?lang=sr-Latn`)
		expect(form.html).toMatch(/<form[^>]*method="get"[^>]*action="\/fairs\/[^"]+\/exhibitors"/)
		expect(form.html).toContain('name="q"')
		// "med" is in the category's name "Hrana i med": both food exhibitors, not the textiles one.
		expect(names((await page(`/fairs/${fair}/exhibitors?lang=sr-Latn&q=med`)).html)).toEqual(['Zadruga Čajevi', 'Ženska zadruga Žitka'])
		// Every word, in any order, across the name and the description ("Opis: Udruženje Vez").
		expect(names((await page(`/fairs/${fair}/exhibitors?lang=sr-Latn&q=${encodeURIComponent('vez opis')}`)).html)).toEqual(['Udruženje Vez'])
		expect(names((await page(`/fairs/${fair}/exhibitors?lang=sr-Latn&q=${encodeURIComponent('vez zitka')}`)).html)).toEqual([])
		// A Cyrillic query finds Latin text; on the Cyrillic page a Latin query finds the Cyrillic name.
		expect(names((await page(`/fairs/${fair}/exhibitors?lang=sr-Latn&q=${encodeURIComponent('чајеви')}`)).html)).toEqual(['Zadruga Čajevi'])
		const cyrillic = await page(`/fairs/${fair}/exhibitors?lang=sr-Cyrl&q=zitka`)
		expect(cyrillic.html).toContain('Женска задруга Житка')
		expect(cyrillic.html).not.toContain('Задруга Чајеви')
		// English: the English description and the English category name.
		const english = await page(`/fairs/${fair}/exhibitors?lang=en&q=herbal`)
		expect(english.html).toContain('Zadruga Čajevi')
		expect(english.html).not.toContain('Ženska zadruga Žitka')
		// The category filter keeps the search, and the search the category.
		const both = await page(`/fairs/${fair}/exhibitors?lang=sr-Latn&category=food&q=zitka`)
		expect(names(both.html)).toEqual(['Ženska zadruga Žitka'])
		expect(both.html).toContain('<input type="hidden" name="category" value="food"/>')
		expect(both.html).toContain(`href="/fairs/${fair}/exhibitors?category=textiles&amp;q=zitka"`)
		const none = await page(`/fairs/${fair}/exhibitors?lang=sr-Latn&q=nepostojece`)
		expect(none.html).toContain('Nijedan izlagač ne odgovara pretrazi.')
	})

	test('a stand links to the published map with it chosen; the map links back to the catalogue entry; the map searches the same way', async () => {
		const eventId = eventIdOf(server, fair)
		// Before the plan is published, the stand is plain text.
		expect((await page(`/fairs/${fair}/exhibitors?lang=sr-Latn`)).html).not.toContain(`/fairs/${fair}/map?stand=`)
		sql('INSERT INTO floor_plans (event_id, width, height, published_at, updated_at) VALUES (?, 40, 25, ?, ?)', eventId, Date.now(), Date.now())
		// B1 (the tea cooperative's) is now mailed too, so the map names it.
		sql('UPDATE stand_assignments SET notified_at = ? WHERE application_id = ?', Date.now(), ids.public)
		try {
			const catalogue = await page(`/fairs/${fair}/exhibitors?lang=sr-Latn`)
			expect(catalogue.html).toContain(`href="/fairs/${fair}/map?stand=A3#stand-card"`)
			expect(catalogue.html).toContain(`href="/fairs/${fair}/map"`)
			expect(catalogue.html).toContain(`id="exhibitor-${ids.textiles}"`)

			const map = await page(`/fairs/${fair}/map?lang=sr-Latn`)
			expect(map.html).toContain(`href="/fairs/${fair}/exhibitors"`)
			const card = await page(`/fairs/${fair}/map?stand=A3&lang=sr-Latn`)
			expect(card.html).toContain(`href="/fairs/${fair}/exhibitors#exhibitor-${ids.textiles}"`)

			// "med" finds the food stand by its category's name; a Cyrillic category name finds the textiles one.
			const med = await page(`/fairs/${fair}/map?lang=sr-Latn&q=med`)
			expect(med.html).toContain('data-matching="1"')
			expect(med.html).toContain('data-stand="B1"')
			expect(med.html).not.toContain('data-stand="A3"')
			const textiles = await page(`/fairs/${fair}/map?lang=sr-Latn&q=${encodeURIComponent('текстил')}`)
			expect(textiles.html).toContain('data-matching="1"')
			expect(textiles.html).toContain('data-stand="A3"')
			const words = await page(`/fairs/${fair}/map?lang=sr-Latn&q=${encodeURIComponent('vez opis')}`)
			expect(words.html).toContain('data-matching="1"')
			expect(words.html).toContain('data-stand="A3"')
		} finally {
			sql('UPDATE stand_assignments SET notified_at = NULL WHERE application_id = ?', ids.public)
			sql('DELETE FROM floor_plans WHERE event_id = ?', eventId)
		}
	})
})

describe('logos', () => {
	test("a catalogue exhibitor's logo is served, with its checked type", async () => {
		const response = await fetch(`${server.url}/fairs/${fair}/exhibitors/${ids.public}/logo`)
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('image/png')
		expect(response.headers.get('x-content-type-options')).toBe('nosniff')
		expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true)
	})

	test('anything not in the catalogue is 404, even with an image', async () => {
		for (const id of [ids.staged, ids.noConsent, ids.textiles, ids.waitlisted, 999_999]) {
			expect((await fetch(`${server.url}/fairs/${fair}/exhibitors/${id}/logo`)).status, `application ${id}`).toBe(404)
		}
		expect((await fetch(`${server.url}/fairs/${fair}/exhibitors/abc/logo`)).status).toBe(404)
		const other = await createEvent()
		expect((await fetch(`${server.url}/fairs/${other}/exhibitors/${ids.public}/logo`)).status).toBe(404)
	})
})

describe('the research view', () => {
	test('anonymous callers are sent to the login page; a scanner is refused', async () => {
		for (const path of ['/admin/research', '/admin/research.csv']) {
			const response = await fetch(server.url + path, { redirect: 'manual' })
			expect(response.status, path).toBe(302)
			expect(response.headers.get('location')).toBe(`/admin/login?redirectTo=${encodeURIComponent(path)}`)
		}
		const scanner = await addUserAndLogIn(server, 'skener@sajam.test', 'scanner')
		expect((await page('/admin/research', { Cookie: scanner })).status).toBe(403)
		expect((await page('/admin/research.csv', { Cookie: scanner })).status).toBe(403)
	})

	test('loads for an organizer, says only consenting applications count, and hides small cells', async () => {
		const { status, html } = await page(`/admin/research?lang=sr-Latn`, { Cookie: adminCookie })
		expect(status).toBe(200)
		expect(html).toContain('Istraživački pregled')
		expect(html).toMatch(/saglasnost za korišćenje podataka u istraživanju/)
		expect(html).toContain('&lt;5')
		expect(html).toContain('href="/admin/research"') // the nav link
	})

	test('the CSV has a BOM, semicolons, and the same hidden cells', async () => {
		const response = await fetch(`${server.url}/admin/research.csv?lang=sr-Latn`, { headers: { Cookie: adminCookie } })
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="research/)
		const bytes = Buffer.from(await response.arrayBuffer())
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		const text = bytes.toString('utf8').slice(1)
		const lines = text.trimEnd().split('\r\n')
		expect(lines[0]).toBe('Pregled;Sajam ili godina;Obeležje;Vrednost;Prijavljeni;Izlagači')
		expect(text).toContain(';<5')
		// Seven applications with research consent in one fair: no count from 1 to 4 appears.
		for (const line of lines.slice(1)) {
			const [, , , , applicants, exhibitors] = line.split(';')
			for (const cell of [applicants, exhibitors]) expect(cell === '<5' || cell === '—' || cell === '0' || Number(cell) >= 5, line).toBe(true)
		}
		expect(text).not.toContain('Zadruga')
	})

	test('categories the organizers renamed show under their own names, also across years', async () => {
		const categories = JSON.stringify(['food', { code: 'textiles', label: 'Vez i tkanje', labelEn: 'Embroidery and weaving' }])
		setFairSettings(server, fair, { categories })
		const csv = await (await fetch(`${server.url}/admin/research.csv?lang=sr-Latn`, { headers: { Cookie: adminCookie } })).text()
		expect(csv.match(/;Vez i tkanje;/g)?.length, 'per fair and across years').toBeGreaterThanOrEqual(2)
		const { html } = await page('/admin/research?lang=en', { Cookie: adminCookie })
		expect(html).toContain('Embroidery and weaving')
	})
})
