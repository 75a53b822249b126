// A fair's settings over real HTTP against the built server: the organizer API (GET/PUT, 422 on a
// bad window, a category in use refused, events that are not fairs), and the admin page saving
// without JavaScript (a plain form POST), with its errors re-rendered and what was typed kept.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken, type ApiOptions, type ApiResult } from '#tests/support/api-client.ts'
import { dbGet, dbRun } from '#tests/support/database.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { FORM, logInCookie } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string
let cookie: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)
const query = <T>(statement: string, ...params: unknown[]) => dbGet<T>(server, statement, ...params)
const write = (statement: string, ...params: unknown[]) => void dbRun(server, statement, ...params)

let applicants = 0
/** A fair starting 10:00 on 5 December 2030, Belgrade time ("Mini-sajam N"); its slug and id. */
const createFair = (overrides: Record<string, unknown> = {}) =>
	createPublishedFair(server, organizer, { venue: { name: 'Trg kosovskih junaka', city: 'Kruševac' }, ...overrides })

const settingsOf = (slug: string, token = organizer) => api('GET', `/api/v1/fairs/${slug}/settings`, { token })
const putSettings = (slug: string, body: unknown, token = organizer) => api('PUT', `/api/v1/fairs/${slug}/settings`, { token, body })

function expectError(result: ApiResult, status: number, code: string) {
	expect(result.status, result.text).toBe(status)
	expect(result.body).toMatchObject({ error: code, message: expect.any(String) })
}

async function apply(slug: string, category: string) {
	await submitApplication(server, slug, {
		organization: { name: 'Neformalna grupa Duga', legalForm: 'informal_group', municipality: 'krusevac' },
		contact: { name: 'Mira Ilić', email: `mira${++applicants}@example.rs` },
		products: 'Knjige i kalendari',
		category,
		consent: { privacy: true },
	})
}

beforeAll(async () => {
	server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } })
	organizer = await cliToken(server, 'organizer')
	cookie = await logInCookie(server)
})

afterAll(async () => {
	await server?.stop()
})

describe('GET and PUT /api/v1/fairs/{slug}/settings', () => {
	test('a new fair has the defaults, with category names in every language', async () => {
		const { slug } = await createFair()
		const result = await settingsOf(slug)
		expect(result.status, result.text).toBe(200)
		expect(result.body.settings).toMatchObject({
			applicationsOpenAt: null,
			applicationsCloseAt: null,
			standCount: null,
			setupMinutesBefore: 60,
			confirmationDays: 7,
		})
		expect(result.body.settings.categories.map((c: { code: string }) => c.code)).toEqual([
			'food',
			'handicrafts',
			'textiles',
			'upcycling',
			'cosmetics',
			'plants',
			'services',
			'other',
		])
		expect(result.body.settings.categories[0]).toEqual({
			code: 'food',
			label: null,
			labelEn: null,
			names: { 'sr-Latn': 'Hrana i med', 'sr-Cyrl': 'Храна и мед', en: 'Food and honey' },
		})
	})

	test('PUT stores the settings and GET gives them back unchanged', async () => {
		const { slug, id } = await createFair()
		const body = {
			applicationsOpenAt: '2030-10-01T08:00:00+02:00',
			applicationsCloseAt: '2030-11-20T23:59:00+01:00',
			categories: ['food', { code: 'plants', label: 'Cveće i rasad' }, { label: 'Knjige i džepni kalendari', labelEn: 'Books and pocket calendars' }],
			standCount: 24,
			setupMinutesBefore: 90,
			confirmationDays: 5,
		}
		const put = await putSettings(slug, body)
		expect(put.status, put.text).toBe(200)
		const expected = {
			applicationsOpenAt: '2030-10-01T06:00:00.000Z',
			applicationsCloseAt: '2030-11-20T22:59:00.000Z',
			categories: [
				{ code: 'food', label: null, labelEn: null, names: { 'sr-Latn': 'Hrana i med', 'sr-Cyrl': 'Храна и мед', en: 'Food and honey' } },
				{ code: 'plants', label: 'Cveće i rasad', labelEn: null, names: { 'sr-Latn': 'Cveće i rasad', 'sr-Cyrl': 'Цвеће и расад', en: 'Cveće i rasad' } },
				{
					code: 'custom-knjige-i-dzepni-kalendari',
					label: 'Knjige i džepni kalendari',
					labelEn: 'Books and pocket calendars',
					names: { 'sr-Latn': 'Knjige i džepni kalendari', 'sr-Cyrl': 'Књиге и џепни календари', en: 'Books and pocket calendars' },
				},
			],
			standCount: 24,
			setupMinutesBefore: 90,
			confirmationDays: 5,
		}
		expect(put.body.settings).toEqual(expected)
		expect((await settingsOf(slug)).body.settings).toEqual(expected)
		// What GET answers can be sent back unchanged.
		expect((await putSettings(slug, expected)).body.settings).toEqual(expected)
		expect(query('SELECT categories FROM fair_settings WHERE event_id = ?', id)).toEqual({
			categories: JSON.stringify([
				'food',
				{ code: 'plants', label: 'Cveće i rasad' },
				{ code: 'custom-knjige-i-dzepni-kalendari', label: 'Knjige i džepni kalendari', labelEn: 'Books and pocket calendars' },
			]),
		})
		expect(query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'fair.settings' AND subject = ?", `event:${id}`).n).toBe(2)
	})

	test('a bad window is 422 on the field; nothing is stored', async () => {
		const { slug, id } = await createFair()
		const reversed = await putSettings(slug, { applicationsOpenAt: '2030-11-10T10:00:00+01:00', applicationsCloseAt: '2030-11-01T10:00:00+01:00' })
		expectError(reversed, 422, 'invalid_fields')
		expect(Object.keys(reversed.body.fields)).toEqual(['applicationsCloseAt'])
		const afterStart = await putSettings(slug, { applicationsCloseAt: '2030-12-05T10:00:01+01:00' })
		expectError(afterStart, 422, 'invalid_fields')
		expect(Object.keys(afterStart.body.fields)).toEqual(['applicationsCloseAt'])
		const junk = await putSettings(slug, { standCount: -3, categories: [], colour: 'red' })
		expectError(junk, 422, 'invalid_fields')
		expect(Object.keys(junk.body.fields).sort()).toEqual(['categories', 'colour', 'standCount'])
		expect(query('SELECT count(*) AS n FROM fair_settings WHERE event_id = ?', id)).toEqual({ n: 0 })
	})

	test('a category an application chose cannot be removed (409), but can be renamed', async () => {
		const { slug } = await createFair()
		expect((await putSettings(slug, { categories: ['food', { label: 'Knjige' }] })).status).toBe(200)
		await apply(slug, 'custom-knjige')
		const removed = await putSettings(slug, { categories: ['food'] })
		expectError(removed, 409, 'category_in_use')
		expect(removed.body.fields).toEqual({ categories: [expect.any(String)] })
		const renamed = await putSettings(slug, { categories: ['food', { code: 'custom-knjige', label: 'Knjige i stripovi' }] })
		expect(renamed.status, renamed.text).toBe(200)
		expect(renamed.body.settings.categories.map((c: { code: string; label: string | null }) => [c.code, c.label])).toEqual([
			['food', null],
			['custom-knjige', 'Knjige i stripovi'],
		])
		// A standard category in use too, even by a withdrawn application: its data still name it.
		await apply(slug, 'food')
		write("UPDATE applications SET status = 'withdrawn' WHERE category = 'food'")
		expectError(await putSettings(slug, { categories: [{ code: 'custom-knjige', label: 'Knjige' }] }), 409, 'category_in_use')
	})

	test('events that are not fairs, unknown slugs, and callers who are not organizers', async () => {
		const promo = await createFair({ kind: 'promo' })
		expectError(await settingsOf(promo.slug), 404, 'not_a_fair')
		expectError(await putSettings(promo.slug, {}), 404, 'not_a_fair')
		expectError(await settingsOf('no-such-fair'), 404, 'not_found')
		const draft = await createFair({ status: 'draft' })
		expect((await settingsOf(draft.slug)).status).toBe(200)
		expectError(await api('GET', `/api/v1/fairs/${draft.slug}/settings`), 401, 'unauthorized')
		const scanner = await cliToken(server, 'scanner')
		expectError(await putSettings(draft.slug, {}, scanner), 403, 'forbidden')
		expectError(await api('POST', `/api/v1/fairs/${draft.slug}/settings`, { token: organizer, body: {} }), 405, 'method_not_allowed')
	})
})

describe('/admin/events/{id}/fair without JavaScript', () => {
	const page = (id: number, init: RequestInit = {}) =>
		fetch(`${server.url}/admin/events/${id}/fair`, { redirect: 'manual', ...init, headers: { Cookie: cookie, ...init.headers } })
	const post = (id: number, fields: Record<string, string>) => page(id, { method: 'POST', headers: FORM, body: new URLSearchParams(fields) })

	test('the page shows the settings; the event page links to it; other events are 404', async () => {
		const { id } = await createFair()
		const response = await page(id)
		expect(response.status).toBe(200)
		const html = await response.text()
		expect(html).toContain('name="applicationsOpenAt"')
		expect(html).toContain('name="categories[0].label"')
		expect(html).toContain('value="Hrana i med"')
		expect(await (await fetch(`${server.url}/admin/events/${id}`, { headers: { Cookie: cookie } })).text()).toContain(`href="/admin/events/${id}/fair"`)
		const promo = await createFair({ kind: 'promo' })
		expect((await page(promo.id)).status).toBe(404)
		expect(await (await fetch(`${server.url}/admin/events/${promo.id}`, { headers: { Cookie: cookie } })).text()).not.toContain(
			`/admin/events/${promo.id}/fair`,
		)
		expect((await fetch(`${server.url}/admin/events/${id}/fair`, { redirect: 'manual' })).status).toBe(302)
	})

	test('a plain POST saves: window in Belgrade time, a renamed, a removed and a new category', async () => {
		const { id, slug } = await createFair()
		const response = await post(id, {
			applicationsOpenAt: '2030-10-01T08:00',
			applicationsCloseAt: '2030-11-20T23:59',
			standCount: '18',
			setupMinutesBefore: '45',
			confirmationDays: '10',
			'categories[0].code': 'food',
			'categories[0].label': 'Hrana i med',
			'categories[0].labelEn': 'Food and honey',
			'categories[0].position': '2',
			'categories[1].code': 'handicrafts',
			'categories[1].label': 'Rukotvorine',
			'categories[1].labelEn': 'Crafts',
			'categories[1].position': '1',
			'categories[2].code': 'textiles',
			'categories[2].label': 'Tekstil',
			'categories[2].labelEn': 'Textiles',
			'categories[2].position': '3',
			'categories[2].remove': 'on',
			'categories[3].code': '',
			'categories[3].label': 'Knjige',
			'categories[3].labelEn': '',
			'categories[3].position': '4',
			'categories[4].code': '',
			'categories[4].label': '',
			'categories[4].labelEn': '',
			'categories[4].position': '5',
		})
		expect(response.status, await response.clone().text()).toBe(302)
		expect(response.headers.get('location')).toBe(`/admin/events/${id}/fair?saved=1`)
		const { settings } = (await settingsOf(slug)).body
		expect(settings).toMatchObject({
			applicationsOpenAt: '2030-10-01T06:00:00.000Z',
			applicationsCloseAt: '2030-11-20T22:59:00.000Z',
			standCount: 18,
			setupMinutesBefore: 45,
			confirmationDays: 10,
		})
		expect(settings.categories.map((c: { code: string; label: string | null }) => [c.code, c.label])).toEqual([
			['handicrafts', 'Rukotvorine'],
			['food', null],
			['custom-knjige', 'Knjige'],
		])
		const html = await (await page(id)).text()
		expect(html).toContain('value="2030-10-01T08:00"')
		expect(html).toContain('value="Knjige"')
	})

	test('errors come back with the values typed; a category in use is refused on the page too', async () => {
		const { id, slug } = await createFair()
		const bad = await post(id, {
			applicationsOpenAt: '2030-11-10T10:00',
			applicationsCloseAt: '2030-11-01T10:00',
			setupMinutesBefore: '60',
			confirmationDays: '7',
			'categories[0].code': 'food',
			'categories[0].label': 'Hrana i med',
		})
		expect(bad.status).toBe(200)
		const html = await bad.text()
		expect(html).toContain('Prijave moraju da se zatvore posle otvaranja.')
		expect(html).toContain('value="2030-11-01T10:00"')
		expect(html).toMatch(/aria-invalid="true"[^>]*name="applicationsCloseAt"|name="applicationsCloseAt"[^>]*aria-invalid="true"/)
		expect(query('SELECT count(*) AS n FROM fair_settings WHERE event_id = ?', id)).toEqual({ n: 0 })

		await apply(slug, 'food')
		const inUse = await post(id, {
			setupMinutesBefore: '60',
			confirmationDays: '7',
			'categories[0].code': 'food',
			'categories[0].remove': 'on',
			'categories[1].label': 'Knjige',
		})
		expect(inUse.status).toBe(200)
		expect(await inUse.text()).toContain('ne može da se ukloni')
		expect(query('SELECT count(*) AS n FROM fair_settings WHERE event_id = ?', id)).toEqual({ n: 0 })
	})
})
