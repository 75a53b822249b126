// The floor plan over real HTTP against the built server: PUT /api/v1/fairs/{slug}/stands (and its
// 422s with field paths), stands matched by label so a moved stand keeps its exhibitor, the
// organizer's no-JS editor form, and the public map before and after publishing, which names only
// exhibitors in the public catalogue. Assignments are written straight into the database file
// (the allocation is another part of the product).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken, type ApiOptions, type ApiResult } from '#tests/support/api-client.ts'
import { dbAll, dbRun } from '#tests/support/database.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { standAt } from '#tests/support/stands.ts'

let server: TestServer
let organizer: string
let cookie: string
const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)

/** A published fair ("Mini-sajam N"), `overrides` over it. */
const createEvent = (overrides: Record<string, unknown> = {}) => createPublishedFair(server, organizer, overrides)

const query = (statement: string, ...params: unknown[]) => dbAll(server, statement, ...params)
const run = (statement: string, ...params: unknown[]) => dbRun(server, statement, ...params)

async function applyAs(slug: string, name: string, catalogue: boolean, category = 'food') {
	const { id } = await submitApplication(server, slug, {
		organization: { name, legalForm: 'association', municipality: 'krusevac', companyNumber: '28123456', pib: '101134702' },
		contact: { name: 'Jelena Petrović', email: `${name.replace(/\W/g, '').toLowerCase()}@example.rs` },
		products: 'Med i džemovi',
		category,
		consent: { privacy: true, catalogue },
	})
	return id
}

/** Accepted and released, as if the organizers decided and released the decisions. */
const acceptAndRelease = (id: number) => run(`UPDATE applications SET status = 'accepted', released_status = 'accepted' WHERE id = ?`, id)

/** An assignment the exhibitor has been told of (the public map names only those). */
function assign(eventId: number, applicationId: number, label: string) {
	const stand = query('SELECT id FROM stands WHERE event_id = ? AND label = ?', eventId, label)[0] as { id: number }
	run(
		'INSERT INTO stand_assignments (application_id, event_id, stand_id, locked, assigned_at, notified_at) VALUES (?, ?, ?, 0, ?, ?)',
		applicationId,
		eventId,
		stand.id,
		Date.now(),
		Date.now(),
	)
	return stand.id
}

/** A stand of 3 × 2 m unless told otherwise. */
const stand = (label: string, x: number, y: number, width = 3, height = 2, extra: Parameters<typeof standAt>[5] = {}) =>
	standAt(label, x, y, width, height, extra)
const putStands = (slug: string, body: unknown, token = organizer) => api('PUT', `/api/v1/fairs/${slug}/stands`, { token, body })

function expect422(result: ApiResult, paths: string[]) {
	expect(result.status, result.text).toBe(422)
	expect(result.body.error).toBe('invalid_fields')
	expect(Object.keys(result.body.fields).sort()).toEqual([...paths].sort())
}

const page = (path: string, as: string | null = cookie) => getPage(server, path, { cookie: as })

const postForm = (path: string, fields: Record<string, string>) => submitForm(server, path, fields, { cookie })

function formRows(rows: Array<Record<string, string>>) {
	const fields: Record<string, string> = {}
	rows.forEach((row, i) => {
		for (const [k, v] of Object.entries(row)) fields[`stands[${i}].${k}`] = v
	})
	return fields
}

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
	cookie = await logInCookie(server)
})

afterAll(async () => {
	await server?.stop()
})

describe('PUT /api/v1/fairs/{slug}/stands', () => {
	test('guards: anonymous 401, a scanner token 403, a bad token 401', async () => {
		const fair = await createEvent()
		const body = { stands: [stand('A1', 0, 0)] }
		expect((await api('PUT', `/api/v1/fairs/${fair.slug}/stands`, { body })).status).toBe(401)
		expect((await putStands(fair.slug, body, await cliToken(server, 'scanner'))).status).toBe(403)
		expect((await putStands(fair.slug, body, 'not-a-token')).status).toBe(401)
		expect((await api('GET', `/api/v1/fairs/${fair.slug}/stands`, { token: 'not-a-token' })).status).toBe(401)
	})

	test('replaces the stands and answers them with neighbours from the geometry', async () => {
		const fair = await createEvent()
		const result = await putStands(fair.slug, {
			stands: [stand('A2', 3, 0, 3, 2, { power: true }), stand('A1', 0, 0, 3, 2, { accessible: true, zone: 'Hol' }), stand('B1', 10, 10, 2, 2)],
		})
		expect(result.status, result.text).toBe(200)
		expect(result.body.stands).toEqual([
			{ label: 'A1', x: 0, y: 0, width: 3, height: 2, sizeM2: 6, power: false, accessible: true, zone: 'Hol', neighbours: ['A2'] },
			{ label: 'A2', x: 3, y: 0, width: 3, height: 2, sizeM2: 6, power: true, accessible: false, neighbours: ['A1'] },
			{ label: 'B1', x: 10, y: 10, width: 2, height: 2, sizeM2: 4, power: false, accessible: false, neighbours: [] },
		])
		expect(result.body.plan).toMatchObject({ width: 40, height: 25, published: false })
		expect(result.body.dropped).toEqual([])
		const get = await api('GET', `/api/v1/fairs/${fair.slug}/stands`, { token: organizer })
		expect(get.status).toBe(200)
		expect(get.body.stands.map((s: { label: string }) => s.label)).toEqual(['A1', 'A2', 'B1'])
		// The same shape goes back in (an export is an import).
		expect((await putStands(fair.slug, get.body)).status).toBe(200)
		const audit = query(`SELECT action FROM audit_log WHERE subject = ? AND action = 'plan.stands'`, `event:${fair.id}`)
		expect(audit).toHaveLength(2)
	})

	test('422 with field paths: overlapping, duplicate labels, outside the plan, bad numbers', async () => {
		const fair = await createEvent()
		const overlap = await putStands(fair.slug, { stands: [stand('A1', 0, 0), stand('A2', 2, 1)] })
		expect422(overlap, ['stands.1'])
		expect(overlap.body.fields['stands.1'][0]).toMatch(/A2.*A1/)
		expect422(await putStands(fair.slug, { stands: [stand('A1', 0, 0), stand(' a1 ', 5, 0)] }), ['stands.1.label'])
		expect422(await putStands(fair.slug, { stands: [stand('A1', 38, 0), stand('A2', 0, 24)] }), ['stands.0.x', 'stands.1.y'])
		expect422(await putStands(fair.slug, { stands: [stand('', 0, 0), { ...stand('A2', 5, 0), width: -1 }, { ...stand('A3', 9, 0), x: 'left' }] }), [
			'stands.0.label',
			'stands.1.width',
			'stands.2.x',
		])
		// With the plan's extent in the body, a bigger plan is fine.
		expect((await putStands(fair.slug, { plan: { width: 60, height: 30 }, stands: [stand('A1', 50, 20)] })).status).toBe(200)
		expect(query('SELECT width, height FROM floor_plans WHERE event_id = ?', fair.id)).toEqual([{ width: 60, height: 30 }])
		expect((await api('PUT', `/api/v1/fairs/${fair.slug}/stands`, { token: organizer, raw: '{"stands": [' })).status).toBe(400)
	})

	test('404 for an unknown event and for an event that is not a fair', async () => {
		const workshop = await createEvent({ kind: 'workshop', capacity: 20 })
		expect((await putStands('no-such-fair', { stands: [] })).status).toBe(404)
		const notFair = await putStands(workshop.slug, { stands: [] })
		expect(notFair.status).toBe(404)
		expect(notFair.body.error).toBe('not_a_fair')
		expect((await api('GET', `/api/v1/fairs/${workshop.slug}/stands`, { token: organizer })).status).toBe(404)
	})

	test('a moved stand keeps its assignment; a stand that is no longer listed drops its own', async () => {
		const fair = await createEvent()
		expect((await putStands(fair.slug, { stands: [stand('A1', 0, 0), stand('A2', 3, 0), stand('A3', 6, 0)] })).status).toBe(200)
		const kept = await applyAs(fair.slug, 'Zadruga Rasinka', true)
		const lost = await applyAs(fair.slug, 'Udruženje Iskra', true)
		acceptAndRelease(kept)
		acceptAndRelease(lost)
		const a1 = assign(fair.id, kept, 'A1')
		assign(fair.id, lost, 'A3')

		const result = await putStands(fair.slug, { stands: [stand('a1', 10, 5, 4, 3), stand('A2', 3, 0)] })
		expect(result.status, result.text).toBe(200)
		expect(result.body.dropped).toEqual([{ applicationId: lost, standLabel: 'A3' }])
		expect(result.body.stands[0]).toMatchObject({ label: 'a1', x: 10, y: 5, width: 4, height: 3, sizeM2: 12 })
		expect(query('SELECT application_id, stand_id FROM stand_assignments WHERE event_id = ? ORDER BY application_id', fair.id)).toEqual([
			{ application_id: kept, stand_id: a1 },
		])
		expect(query('SELECT id FROM stands WHERE event_id = ? AND label = ?', fair.id, 'a1')).toEqual([{ id: a1 }])
	})
})

describe('the plan editor without JavaScript', () => {
	test('is for organizers, and only for fairs', async () => {
		const fair = await createEvent()
		const workshop = await createEvent({ kind: 'workshop', capacity: 20 })
		const anonymous = await page(`/admin/events/${fair.id}/plan`, null)
		expect(anonymous.status).toBe(302)
		expect((await page(`/admin/events/${workshop.id}/plan`)).status).toBe(404)
		const admin = await page(`/admin/events/${fair.id}`)
		expect(admin.html).toContain(`href="/admin/events/${fair.id}/plan"`)
		expect((await page(`/admin/events/${workshop.id}`)).html).not.toContain(`/admin/events/${workshop.id}/plan`)
	})

	test('saves the table with one POST, skipping empty rows and deleting ticked ones; errors come back with the values typed', async () => {
		const fair = await createEvent()
		const editor = `/admin/events/${fair.id}/plan`
		const empty = await page(editor)
		expect(empty.status).toBe(200)
		expect(empty.html).toContain('name="stands[0].label"')

		const saved = await postForm(editor, {
			intent: 'save',
			...formRows([
				{ label: 'A1', x: '0', y: '0', width: '3', height: '2', sizeM2: '', power: 'on', zone: 'Hol' },
				{ label: 'A2', x: '3', y: '0', width: '2,5', height: '2', sizeM2: '5' },
				{ label: 'X9', x: '20', y: '20', width: '1', height: '1', delete: 'on' },
				{ label: '', x: '', y: '', width: '', height: '', sizeM2: '' },
			]),
		})
		expect(saved.status, saved.html.slice(0, 500)).toBe(302)
		expect(saved.location).toBe(`${editor}?saved=stands&dropped=0`)
		expect(query('SELECT label, x, width, size_m2 AS size, power, zone FROM stands WHERE event_id = ? ORDER BY label', fair.id)).toEqual([
			{ label: 'A1', x: 0, width: 3, size: 6, power: 1, zone: 'Hol' },
			{ label: 'A2', x: 3, width: 2.5, size: 5, power: 0, zone: null },
		])
		const after = await page(saved.location!)
		expect(after.html).toContain('value="A2"')
		expect(after.html).toContain('data-notice="stands"')

		const refused = await postForm(editor, {
			intent: 'save',
			...formRows([
				{ label: 'A1', x: '0', y: '0', width: '3', height: '2' },
				{ label: 'A2', x: '1', y: '1', width: '3', height: '2' },
				{ label: 'a1', x: '10', y: '0', width: '3', height: '2' },
			]),
		})
		expect(refused.status).toBe(200)
		expect(refused.html).toContain('Štand A2 se preklapa sa štandom A1.')
		expect(refused.html).toContain('Oznaka štanda „a1” je već upotrebljena.')
		expect(refused.html).toContain('value="a1"')
		expect(refused.html).toMatch(/id="stand-2-label"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="stand-2-label"/)
		expect(query('SELECT COUNT(*) AS n FROM stands WHERE event_id = ?', fair.id)).toEqual([{ n: 2 }])
	})

	test('plan size, publishing, and a refused background image', async () => {
		const fair = await createEvent()
		const editor = `/admin/events/${fair.id}/plan`
		await postForm(editor, { intent: 'save', ...formRows([{ label: 'A1', x: '30', y: '0', width: '3', height: '2' }]) })
		const tooSmall = await postForm(editor, { intent: 'extent', width: '20', height: '20' })
		expect(tooSmall.status).toBe(200)
		expect((await postForm(editor, { intent: 'extent', width: '50', height: '30' })).location).toBe(`${editor}?saved=extent`)
		expect(query('SELECT width, height FROM floor_plans WHERE event_id = ?', fair.id)).toEqual([{ width: 50, height: 30 }])

		const form = new FormData()
		form.set('intent', 'background')
		form.set('file', new Blob(['<script>alert(1)</script>'], { type: 'image/png' }), 'plan.png')
		const fake = await fetch(server.url + editor, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie }, body: form })
		expect(fake.status).toBe(200)
		expect(await fake.text()).toContain('Dozvoljene su samo slike u formatu PNG, JPEG ili WebP.')

		expect((await postForm(editor, { intent: 'publish' })).location).toBe(`${editor}?saved=publish`)
		expect(query('SELECT published_at IS NOT NULL AS published FROM floor_plans WHERE event_id = ?', fair.id)).toEqual([{ published: 1 }])
	})
})

describe('the public map', () => {
	test('404 for an unknown slug, a draft fair or another kind of event; "not published yet" before publishing', async () => {
		const workshop = await createEvent({ kind: 'workshop', capacity: 20 })
		const draft = await createEvent({ status: 'draft' })
		expect((await page('/fairs/no-such-fair/map', null)).status).toBe(404)
		expect((await page(`/fairs/${workshop.slug}/map`, null)).status).toBe(404)
		expect((await page(`/fairs/${draft.slug}/map`, null)).status).toBe(404)
		const fair = await createEvent()
		await putStands(fair.slug, { stands: [stand('A1', 0, 0)] })
		const before = await page(`/fairs/${fair.slug}/map`, null)
		expect(before.status).toBe(200)
		expect(before.html).toContain('data-plan="unpublished"')
		expect(before.html).not.toContain('A1')
		const publicApi = await api('GET', `/api/v1/fairs/${fair.slug}/stands`)
		expect(publicApi.status).toBe(404)
		expect(publicApi.body.error).toBe('plan_not_published')
	})

	test('after publishing: names only consented, released exhibitors; the card, the filter and the search', async () => {
		const fair = await createEvent()
		await putStands(fair.slug, { stands: [stand('A1', 0, 0), stand('A2', 3, 0), stand('A3', 6, 0), stand('A4', 9, 0), stand('B1', 0, 5)] })
		const shown = await applyAs(fair.slug, 'Zadruga Đurđevak', true, 'food')
		const noConsent = await applyAs(fair.slug, 'Udruženje Tajna', false, 'handicrafts')
		const unreleased = await applyAs(fair.slug, 'Radionica Skrivena', true, 'textiles')
		const crafts = await applyAs(fair.slug, 'Udruženje Iskra', true, 'handicrafts')
		acceptAndRelease(shown)
		acceptAndRelease(noConsent)
		acceptAndRelease(crafts)
		run(`UPDATE applications SET status = 'accepted' WHERE id = ?`, unreleased)
		assign(fair.id, shown, 'A1')
		assign(fair.id, noConsent, 'A2')
		assign(fair.id, unreleased, 'A3')
		assign(fair.id, crafts, 'A4')
		const editor = `/admin/events/${fair.id}/plan`
		expect((await postForm(editor, { intent: 'publish' })).status).toBe(302)

		const map = await page(`/fairs/${fair.slug}/map`, null)
		expect(map.status).toBe(200)
		expect((await page(`/events/${fair.slug}`, null)).html).toContain(`href="/fairs/${fair.slug}/map"`)
		expect(map.html).toContain('Zadruga Đurđevak')
		expect(map.html).toContain('Udruženje Iskra')
		expect(map.html).not.toContain('Udruženje Tajna')
		expect(map.html).not.toContain('Radionica Skrivena')
		expect(map.html).toContain('data-stand="A2"')
		expect(map.html).toContain('data-stand="A3"')
		expect(map.html).not.toContain('data-stand="B1"') // free stands are not in the list
		expect(map.html).toContain('href="?stand=A1#stand-card"')

		const card = await page(`/fairs/${fair.slug}/map?stand=a1`, null)
		expect(card.html).toContain('id="stand-card"')
		expect(card.html).toMatch(/<h2 id="stand-card-title">Štand A1<\/h2>/)
		const hidden = await page(`/fairs/${fair.slug}/map?stand=A2`, null)
		expect(hidden.html).toContain('Ovaj štand je zauzet.')
		expect(hidden.html).not.toContain('Udruženje Tajna')

		// A stand its exhibitor has not been told yet is "taken", without a name.
		run('UPDATE stand_assignments SET notified_at = NULL WHERE application_id = ?', shown)
		expect((await page(`/fairs/${fair.slug}/map`, null)).html).not.toContain('Zadruga Đurđevak')
		run('UPDATE stand_assignments SET notified_at = ? WHERE application_id = ?', Date.now(), shown)

		// Search in Cyrillic without diacritics finds the Latin name; the category filter dims the rest.
		const search = await page(`/fairs/${fair.slug}/map?q=${encodeURIComponent('ђурђе')}`, null)
		expect(search.html).toContain('data-matching="1"')
		expect(search.html).toContain('data-stand="A1"')
		expect(search.html).not.toContain('data-stand="A4"')
		const byCategory = await page(`/fairs/${fair.slug}/map?category=handicrafts`, null)
		expect(byCategory.html).toContain('data-matching="1"')
		expect(byCategory.html).toContain('data-stand="A4"')
		expect(byCategory.html).toMatch(/class="map-stand dimmed"[^>]*aria-label="Štand A1/)

		const publicApi = await api('GET', `/api/v1/fairs/${fair.slug}/stands`)
		expect(publicApi.status).toBe(200)
		expect(publicApi.body.stands).toHaveLength(5)
		expect(publicApi.text).not.toContain('Tajna')

		const cyrillic = await page(`/fairs/${fair.slug}/map?lang=sr-Cyrl`, null)
		expect(cyrillic.html).toContain('Задруга Ђурђевак')
	})
})

describe('landmarks', () => {
	const landmarkRows = (rows: Array<Record<string, string>>) => {
		const fields: Record<string, string> = {}
		rows.forEach((row, i) => {
			for (const [k, v] of Object.entries(row)) fields[`landmarks[${i}].${k}`] = v
		})
		return fields
	}

	test('the editor saves them live (no draft); the public map draws them and lists them in the legend; the API adds them', async () => {
		const fair = await createEvent()
		const editor = `/admin/events/${fair.id}/plan`
		await putStands(fair.slug, { stands: [stand('A1', 4, 2)] })
		expect((await postForm(editor, { intent: 'publish' })).status).toBe(302)
		const empty = await page(editor)
		expect(empty.html).toContain('name="landmarks[0].kind"')
		expect(empty.html).toContain('ne u nacrt plana')

		const saved = await postForm(editor, {
			intent: 'landmarks',
			...landmarkRows([
				{ kind: 'entrance', label: 'Glavni ulaz', x: '0', y: '10', width: '2', height: '3' },
				{ kind: 'stage', label: '', x: '20', y: '15', width: '8', height: '5' },
				{ kind: 'info', label: 'Sto', x: '30', y: '1', width: '1', height: '1', delete: 'on' },
				{ kind: '', label: '', x: '', y: '', width: '', height: '' },
			]),
		})
		expect(saved.status, saved.html.slice(0, 500)).toBe(302)
		expect(saved.location).toBe(`${editor}?saved=landmarks#plan-landmarks-title`)
		expect(query('SELECT kind, label, x, y, width, height FROM plan_landmarks WHERE event_id = ? ORDER BY id', fair.id)).toEqual([
			{ kind: 'entrance', label: 'Glavni ulaz', x: 0, y: 10, width: 2, height: 3 },
			{ kind: 'stage', label: null, x: 20, y: 15, width: 8, height: 5 },
		])
		// Live, not a draft: the public plan did not get a draft.
		expect(query('SELECT draft_json FROM floor_plans WHERE event_id = ?', fair.id)).toEqual([{ draft_json: null }])
		const after = await page(`${editor}?saved=landmarks`)
		expect(after.html).toContain('data-notice="landmarks"')
		expect(after.html).toContain('value="Glavni ulaz"')
		expect(after.html).toContain('class="plan-landmark landmark-entrance"')

		const map = await page(`/fairs/${fair.slug}/map`, null)
		expect(map.html).toContain('class="plan-landmark landmark-entrance"')
		expect(map.html).toContain('class="plan-landmark landmark-stage"')
		expect(map.html).toMatch(/data-landmark="entrance"[^>]*>.*↓ Glavni ulaz \(Ulaz\)/)
		expect(map.html).toMatch(/data-landmark="stage"[^>]*>.*★ Bina/)
		const english = await page(`/fairs/${fair.slug}/map?lang=en`, null)
		expect(english.html).toMatch(/data-landmark="stage"[^>]*>.*★ Stage/)
		expect(english.html).toContain('↓ Glavni ulaz (Entrance)')
		const cyrillic = await page(`/fairs/${fair.slug}/map?lang=sr-Cyrl`, null)
		expect(cyrillic.html).toContain('↓ Главни улаз (Улаз)')

		const publicApi = await api('GET', `/api/v1/fairs/${fair.slug}/stands`)
		expect(publicApi.status).toBe(200)
		expect(publicApi.body.landmarks).toEqual([
			{ kind: 'entrance', label: 'Glavni ulaz', x: 0, y: 10, width: 2, height: 3 },
			{ kind: 'stage', label: null, x: 20, y: 15, width: 8, height: 5 },
		])
		// The PUT ignores them: they stay.
		expect((await putStands(fair.slug, { ...publicApi.body })).status).toBe(200)
		expect(query('SELECT COUNT(*) AS n FROM plan_landmarks WHERE event_id = ?', fair.id)).toEqual([{ n: 2 }])
	})

	test('bad rows come back with messages and the values typed; nothing is saved', async () => {
		const fair = await createEvent()
		const editor = `/admin/events/${fair.id}/plan`
		await postForm(editor, { intent: 'extent', width: '40', height: '25' })
		const refused = await postForm(editor, {
			intent: 'landmarks',
			...landmarkRows([
				{ kind: 'stage', label: 'Bina', x: '38', y: '0', width: '5', height: '3' },
				{ kind: '', label: 'Bez vrste', x: '1', y: '1', width: '1', height: '1' },
				{ kind: 'info', label: '', x: '1', y: '1', width: '0', height: 'abc' },
			]),
		})
		expect(refused.status).toBe(200)
		expect(refused.html).toContain('Oznaka izlazi van plana (40 × 25 m).')
		expect(refused.html).toContain('Izaberite vrstu oznake.')
		expect(refused.html).toContain('id="landmark-errors"')
		expect(refused.html).toContain('value="Bez vrste"')
		expect(refused.html).toMatch(/id="landmark-2-width"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="landmark-2-width"/)
		expect(refused.html).toMatch(/id="landmark-2-height"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="landmark-2-height"/)
		expect(query('SELECT COUNT(*) AS n FROM plan_landmarks WHERE event_id = ?', fair.id)).toEqual([{ n: 0 }])
	})
})

describe('a published plan changes through a draft', () => {
	/** A published fair with stands A1 (assigned to an exhibitor the public may see) and A2. */
	async function publishedFair() {
		const fair = await createEvent()
		await putStands(fair.slug, { stands: [stand('A1', 0, 0), stand('A2', 3, 0)] })
		const exhibitor = await applyAs(fair.slug, 'Zadruga Bosiljak', true)
		acceptAndRelease(exhibitor)
		assign(fair.id, exhibitor, 'A1')
		const editor = `/admin/events/${fair.id}/plan`
		expect((await postForm(editor, { intent: 'publish' })).status).toBe(302)
		return { fair, editor, exhibitor }
	}
	const mapOf = async (slug: string) => (await page(`/fairs/${slug}/map`, null)).html.replace(/nonce="[^"]*"/g, '')
	const liveLabels = async (slug: string) => (await api('GET', `/api/v1/fairs/${slug}/stands`)).body.stands.map((s: { label: string }) => s.label)
	/** The editor's table: A2 moved, A1 gone, Z9 new. */
	const changedRows = formRows([
		{ label: 'A2', x: '10', y: '10', width: '3', height: '2' },
		{ label: 'Z9', x: '20', y: '0', width: '4', height: '2' },
	])

	test('saving a published plan keeps the public map, the API and the stands as they were; the editor shows the draft', async () => {
		const { fair, editor } = await publishedFair()
		const mapBefore = await mapOf(fair.slug)
		const saved = await postForm(editor, { intent: 'save', ...changedRows })
		expect(saved.status, saved.html.slice(0, 300)).toBe(302)
		expect(saved.location).toBe(`${editor}?saved=draft&dropped=0`)

		expect(await mapOf(fair.slug)).toBe(mapBefore)
		expect(mapBefore).toContain('Zadruga Bosiljak')
		expect(mapBefore).not.toContain('Z9')
		expect(await liveLabels(fair.slug)).toEqual(['A1', 'A2'])
		expect(query('SELECT label, x FROM stands WHERE event_id = ? ORDER BY label', fair.id)).toEqual([
			{ label: 'A1', x: 0 },
			{ label: 'A2', x: 3 },
		])
		expect(query('SELECT COUNT(*) AS n FROM stand_assignments WHERE event_id = ?', fair.id)).toEqual([{ n: 1 }])
		// The application form's stand choices read the live plan too.
		expect((await page(`/fairs/${fair.slug}/apply`, null)).html).not.toContain('Z9')

		const shown = await page(saved.location!)
		expect(shown.html).toContain('data-draft="true"')
		expect(shown.html).toContain('Neobjavljene izmene — javnost vidi objavljeni plan.')
		expect(shown.html).toContain('value="Z9"')
		expect(shown.html).not.toContain('value="A1"')
		// Publishing would take A1 from its exhibitor: the editor says so before.
		expect(shown.html).toContain('štand A1: Zadruga Bosiljak')
		expect(shown.html).toContain('value="publishDraft"')
		expect(shown.html).toContain('value="discardDraft"')

		// A second save and a new size change the draft, still not the live plan.
		expect((await postForm(editor, { intent: 'extent', width: '60', height: '30' })).status).toBe(302)
		expect(query('SELECT width FROM floor_plans WHERE event_id = ?', fair.id)).toEqual([{ width: 40 }])
		expect(await mapOf(fair.slug)).toBe(mapBefore)
	})

	test('publishing the draft makes it the live plan, with the same rule as a save for assigned stands', async () => {
		const { fair, editor, exhibitor } = await publishedFair()
		await postForm(editor, { intent: 'save', ...changedRows })
		const published = await postForm(editor, { intent: 'publishDraft' })
		expect(published.location).toBe(`${editor}?saved=draftPublished&dropped=1`)
		expect(await liveLabels(fair.slug)).toEqual(['A2', 'Z9'])
		const map = await mapOf(fair.slug)
		expect(map).toContain('Z9')
		expect(map).not.toContain('Zadruga Bosiljak')
		expect(query('SELECT application_id FROM stand_assignments WHERE application_id = ?', exhibitor)).toEqual([])
		expect(query('SELECT draft_json FROM floor_plans WHERE event_id = ?', fair.id)).toEqual([{ draft_json: null }])
		const after = await page(published.location!)
		expect(after.html).not.toContain('data-draft="true"')
		expect(after.html).toContain('data-notice="draftPublished"')
		const audit = query(`SELECT action FROM audit_log WHERE subject = ? AND action LIKE 'plan.draft%' ORDER BY id`, `event:${fair.id}`)
		expect(audit).toEqual([{ action: 'plan.draft' }, { action: 'plan.draft_publish' }])
	})

	test('while a draft waits, the API cannot replace the stands under it (409); after discarding it can', async () => {
		const { fair, editor } = await publishedFair()
		await postForm(editor, { intent: 'save', ...changedRows })
		const refused = await putStands(fair.slug, { stands: [stand('B1', 0, 0)] })
		expect(refused.status, refused.text).toBe(409)
		expect(refused.body).toMatchObject({ error: 'plan_draft_pending' })
		expect(await liveLabels(fair.slug)).toEqual(['A1', 'A2'])
		await postForm(editor, { intent: 'discardDraft' })
		expect((await putStands(fair.slug, { stands: [stand('A1', 0, 0), stand('B1', 6, 0)] })).status).toBe(200)
		expect(await liveLabels(fair.slug)).toEqual(['A1', 'B1'])
	})

	test('discarding the draft restores the published plan in the editor; the live plan never changed', async () => {
		const { fair, editor } = await publishedFair()
		const mapBefore = await mapOf(fair.slug)
		await postForm(editor, { intent: 'save', ...changedRows })
		const discarded = await postForm(editor, { intent: 'discardDraft' })
		expect(discarded.location).toBe(`${editor}?saved=draftDiscarded`)
		expect(query('SELECT draft_json FROM floor_plans WHERE event_id = ?', fair.id)).toEqual([{ draft_json: null }])
		const shown = await page(editor)
		expect(shown.html).not.toContain('data-draft="true"')
		expect(shown.html).toContain('value="A1"')
		expect(shown.html).not.toContain('value="Z9"')
		expect(await mapOf(fair.slug)).toBe(mapBefore)
		// Publishing with no draft changes nothing.
		expect((await postForm(editor, { intent: 'publishDraft' })).location).toBe(`${editor}?saved=draftPublished&dropped=0`)
		expect(await liveLabels(fair.slug)).toEqual(['A1', 'A2'])
	})
})
