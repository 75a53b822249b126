// The exhibitor application form (/fairs/{slug}/apply) and its edit page (/applications/{token}/edit)
// without JavaScript: multipart posts over real HTTP against the built server, as a browser with
// scripts off sends them. Bad fields, fake or oversize images and closed windows answer with the
// page and its messages, never a 500.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import enApply from '#app/locales/en/apply.json'
import cyrlCommon from '#app/locales/sr-Cyrl/common.json'
import srApply from '#app/locales/sr-Latn/apply.json'
import srCommon from '#app/locales/sr-Latn/common.json'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import { withdrawApplication } from '#app/services/commands/application-lifecycle.server.ts'
import { openDatabase } from '#app/utils/db.server.ts'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbAll, dbRun } from '#tests/support/database.ts'
import { createPublishedFair, setFairSettings } from '#tests/support/fair-fixtures.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { escapedByReact as html } from '#tests/support/html.ts'

let server: TestServer
let organizer: string

/** A published fair ("Mini-sajam N"), `overrides` over it; its slug. */
const createFair = async (overrides: Record<string, unknown> = {}) => (await createPublishedFair(server, organizer, overrides)).slug

/** What the database keeps of a link or draft token. */
const sha256 = (token: string | undefined) =>
	createHash('sha256')
		.update(token ?? '')
		.digest('hex')

const sql = (statement: string, ...params: unknown[]): unknown[] => dbAll(server, statement, ...params)
const run = (statement: string, ...params: unknown[]) => void dbRun(server, statement, ...params)

const VALID: Record<string, string | string[]> = {
	'organization.name': 'Zadruga Rasinka',
	'organization.legalForm': 'social_cooperative',
	'organization.municipality': 'krusevac',
	'organization.companyNumber': '65794896',
	'organization.pib': '101134702',
	'organization.foundedYear': '2019',
	'organization.website': 'www.rasinka.rs',
	'organization.social[0]': 'https://instagram.com/rasinka',
	'organization.social[1]': '',
	'organization.social[2]': '',
	'lawStatus.apr': 'pending',
	'lawStatus.aprDate': '2026-03-01',
	'lawStatus.ways': ['work_integration', 'local_development'],
	'lawStatus.selfIdentified': 'on',
	'staff.employees': '6',
	'staff.women': '5',
	'staff.vulnerable.roma': '2',
	'staff.volunteers': '3',
	category: 'food',
	products: 'Med, ajvar i džemovi',
	description: 'Radna integracija žena iz ruralnih sredina.',
	descriptionEn: '',
	'needs.power': 'on',
	'needs.sizeM2': '6',
	'needs.chairs': '2',
	'preferences[0]': 'kod ulaza',
	'preferences[1]': '',
	'preferences[2]': '',
	selling: 'yes',
	'contact.name': 'Jelena Petrović',
	'contact.email': 'jelena@rasinka.rs',
	'contact.phone': '064 123 4567',
	'consent.privacy': 'on',
	'consent.catalogue': 'on',
	website: '',
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(7)])
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(300).fill(3)])

type FileEntry = { bytes: Uint8Array; name: string; type: string }

async function post(path: string, fields: Record<string, string | string[]>, file?: FileEntry, headers: Record<string, string> = {}) {
	const form = new FormData()
	for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v)
	if (file) form.append('logo', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name)
	else form.append('logo', new Blob([], { type: 'application/octet-stream' }), '')
	const response = await fetch(`${server.url}${path}`, { method: 'POST', body: form, redirect: 'manual', headers })
	return { response, text: await response.text() }
}

/** The value attribute of the input with this name, as the page re-rendered it. */
function inputValue(page: string, name: string) {
	const match = new RegExp(`<input[^>]*name="${name.replace(/[.[\]]/g, '\\$&')}"[^>]*>`).exec(page)
	return match ? /value="([^"]*)"/.exec(match[0])?.[1] : undefined
}

beforeAll(async () => {
	server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } })
	organizer = await cliToken(server, 'organizer')
}, 60_000)

afterAll(async () => {
	await server?.stop()
})

describe('the apply page', () => {
	test('shows the form in sections, with the fair categories and the Rasina district first', async () => {
		const slug = await createFair()
		const response = await fetch(`${server.url}/fairs/${slug}/apply`)
		expect(response.status).toBe(200)
		const page = await response.text()
		expect(page).toMatch(/enctype="multipart\/form-data"/i)
		for (const key of ['organization', 'law', 'people', 'fair', 'contact', 'consents'] as const) expect(page).toContain(html(srApply.section[key]))
		expect(page).toMatch(/<optgroup label="Rasinski okrug">.*Kruševac.*<\/optgroup>/s)
		expect(page).toContain('href="/privacy"')
		expect(page).toContain('name="consent.catalogue"')
		expect(page).not.toMatch(/name="consent\.(catalogue|research)"[^>]*checked/)
		const event = await (await fetch(`${server.url}/events/${slug}`)).text()
		expect(event).toContain(`href="/fairs/${slug}/apply"`)
	})

	test('a full valid submit stores the application and goes to its manage page', async () => {
		const slug = await createFair()
		const { response } = await post(`/fairs/${slug}/apply`, VALID)
		expect(response.status).toBe(302)
		const location = response.headers.get('location') ?? ''
		expect(location).toMatch(/^\/applications\/[A-Za-z0-9_-]{40,}\?submitted=1$/)
		const token = location.split('/')[2]!.split('?')[0]!
		const [row] = sql('SELECT * FROM applications WHERE id = (SELECT application_id FROM private_links WHERE token_hash = ?)', sha256(token)) as Record<
			string,
			unknown
		>[]
		expect(row).toMatchObject({
			org_name: 'Zadruga Rasinka',
			pib: '101134702',
			needs_power: 1,
			needs_chairs: 2,
			selling: 1,
			consent_catalogue: 1,
			consent_research: 0,
			locale: 'sr-Latn',
		})
		expect(JSON.parse(row!.staff as string)).toEqual({ employees: 6, women: 5, vulnerable: { roma: 2 }, volunteers: 3 })
		expect(JSON.parse(row!.preferences as string)).toEqual(['kod ulaza'])
	})

	test('bad fields re-render with messages next to them, a summary, and every value kept', async () => {
		const slug = await createFair()
		const bad = { ...VALID, 'organization.pib': '101134703', 'organization.companyNumber': '1234', 'staff.women': '9', 'preferences[0]': 'Hol' }
		const { response, text } = await post(`/fairs/${slug}/apply`, bad)
		expect(response.status).toBe(422)
		expect(text).toContain(html(srCommon.validation.pib))
		expect(text).toContain(html(srCommon.validation.companyNumber))
		expect(text).toContain(html(srCommon.validation.womenOverEmployees))
		expect(text).toContain(html(srApply.errorSummary))
		expect(text).toContain('href="#application-form-organization.pib"')
		expect(text).toMatch(/id="application-form-organization\.pib"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="application-form-organization\.pib"/)
		expect(inputValue(text, 'organization.pib')).toBe('101134703')
		expect(inputValue(text, 'organization.name')).toBe('Zadruga Rasinka')
		expect(inputValue(text, 'staff.women')).toBe('9')
		expect(inputValue(text, 'preferences[0]')).toBe('Hol')
		expect(text).toMatch(/<input[^>]*id="application-form-lawStatus\.ways-local_development"[^>]*checked=""/)
		expect(sql('SELECT id FROM applications WHERE event_id = (SELECT id FROM events WHERE slug = ?)', slug)).toHaveLength(0)
	})

	test('missing required fields and the privacy notice are refused', async () => {
		const slug = await createFair()
		const { response, text } = await post(`/fairs/${slug}/apply`, { ...VALID, 'organization.name': '', 'consent.privacy': '' })
		expect(response.status).toBe(422)
		expect(text).toContain(html(srCommon.validation.required))
		expect(text).toContain(html(srCommon.validation.privacyRequired))
	})

	test('messages follow the language: English and Cyrillic', async () => {
		const slug = await createFair()
		const bad = { ...VALID, 'organization.pib': '101134703' }
		const en = await post(`/fairs/${slug}/apply?lang=en`, bad)
		expect(en.response.status).toBe(422)
		expect(en.text).toContain(html(enApply.errorSummary))
		expect(en.text).not.toContain(html(srCommon.validation.pib))
		const cyrl = await post(`/fairs/${slug}/apply?lang=sr-Cyrl`, bad)
		expect(cyrl.text).toContain(html(cyrlCommon.validation.pib))
	})

	test('an oversize image or a text file named .png is a field error, never a 500', async () => {
		const slug = await createFair()
		const big = new Uint8Array(2 * 1024 * 1024 + 10)
		big.set(PNG.slice(0, 8))
		const oversize = await post(`/fairs/${slug}/apply`, VALID, { bytes: big, name: 'logo.png', type: 'image/png' })
		expect(oversize.response.status).toBe(422)
		expect(oversize.text).toContain(html(srApply.errors.image_too_large))
		expect(inputValue(oversize.text, 'organization.name')).toBe('Zadruga Rasinka')
		const fake = await post(`/fairs/${slug}/apply`, VALID, { bytes: new TextEncoder().encode('<?php echo 1; ?>'), name: 'logo.png', type: 'image/png' })
		expect(fake.response.status).toBe(422)
		expect(fake.text).toContain(html(srApply.errors.image_not_allowed))
		expect(sql('SELECT id FROM applications WHERE event_id = (SELECT id FROM events WHERE slug = ?)', slug)).toHaveLength(0)
		expect(sql('SELECT id FROM application_images WHERE mime NOT IN (?, ?, ?)', 'image/png', 'image/jpeg', 'image/webp')).toHaveLength(0)
	})

	test('a good image sent with a failing form is kept as a draft and attached on success', async () => {
		const slug = await createFair()
		// A wrong PIB check digit: the applicant is real (name, contact, privacy valid), so the image waits.
		const first = await post(`/fairs/${slug}/apply`, { ...VALID, 'organization.pib': '101134703' }, { bytes: PNG, name: 'logo.png', type: 'image/png' })
		expect(first.response.status).toBe(422)
		const token = inputValue(first.text, 'logoToken')
		expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
		expect(first.text).toContain('PNG')
		expect(sql('SELECT application_id FROM application_images WHERE token = ?', sha256(token))).toEqual([{ application_id: null }])
		const second = await post(`/fairs/${slug}/apply`, { ...VALID, logoToken: token! })
		expect(second.response.status).toBe(302)
		const manage = (second.response.headers.get('location') ?? '').split('/')[2]!.split('?')[0]!
		const [app] = sql('SELECT id FROM applications WHERE id = (SELECT application_id FROM private_links WHERE token_hash = ?)', sha256(manage)) as {
			id: number
		}[]
		expect(sql('SELECT application_id, mime FROM application_images WHERE token = ?', sha256(token))).toEqual([{ application_id: app!.id, mime: 'image/png' }])
	})

	test('a file sent with an empty or anonymous form is not kept: nothing is stored', async () => {
		const slug = await createFair()
		const drafts = () => (sql('SELECT count(*) AS n FROM application_images WHERE application_id IS NULL') as { n: number }[])[0]!.n
		const before = drafts()
		for (const fields of [{}, { ...VALID, 'contact.email': 'not an email' }, { ...VALID, 'consent.privacy': '' }]) {
			const answer = await post(`/fairs/${slug}/apply`, fields, { bytes: PNG, name: 'logo.png', type: 'image/png' })
			expect(answer.response.status).toBe(422)
			expect(inputValue(answer.text, 'logoToken') ?? '').toBe('')
			expect(answer.text).toContain(html(srApply.errors.image_not_kept))
		}
		expect(drafts()).toBe(before)
	})

	test("one client's drafts are capped: past 8 MiB the form asks for the file again", async () => {
		const slug = await createFair()
		// A valid PNG signature with 1.9 MiB of filler: four fit in the budget, the fifth does not.
		const big = new Uint8Array(1.9 * 1024 * 1024)
		big.set(PNG.subarray(0, 8))
		const client = { 'X-Forwarded-For': '203.0.113.77' }
		const failing = { ...VALID, 'organization.pib': '101134703' }
		for (let i = 0; i < 4; i++) {
			const kept = await post(`/fairs/${slug}/apply`, failing, { bytes: big, name: 'logo.png', type: 'image/png' }, client)
			expect(inputValue(kept.text, 'logoToken')).toMatch(/^[A-Za-z0-9_-]{22}$/)
		}
		const refused = await post(`/fairs/${slug}/apply`, failing, { bytes: big, name: 'logo.png', type: 'image/png' }, client)
		expect(refused.response.status).toBe(422)
		expect(inputValue(refused.text, 'logoToken') ?? '').toBe('')
		expect(refused.text).toContain(html(srApply.errors.image_not_kept))
		// Another client still can; and a valid application with an image is never refused by the cap.
		const other = await post(`/fairs/${slug}/apply`, failing, { bytes: big, name: 'logo.png', type: 'image/png' }, { 'X-Forwarded-For': '203.0.113.78' })
		expect(inputValue(other.text, 'logoToken')).toMatch(/^[A-Za-z0-9_-]{22}$/)
		const saved = await post(
			`/fairs/${slug}/apply`,
			{ ...VALID, 'contact.email': 'druga@rasinka.rs' },
			{ bytes: big, name: 'logo.png', type: 'image/png' },
			client,
		)
		expect(saved.response.status).toBe(302)
	})

	test('a closed window, an unknown fair and an event that is not a fair get a clear page', async () => {
		const slug = await createFair()
		setFairSettings(server, slug, { applications_close_at: Date.now() - 60_000 })
		const page = await fetch(`${server.url}/fairs/${slug}/apply`)
		expect(page.status).toBe(200)
		const text = await page.text()
		expect(text).toContain(html(srApply.closed.title))
		expect(text).not.toContain('name="organization.name"')
		const refused = await post(`/fairs/${slug}/apply`, VALID)
		expect(refused.response.status).toBe(409)
		expect(await fetch(`${server.url}/events/${slug}`).then((r) => r.text())).not.toContain(`/fairs/${slug}/apply`)
		expect((await fetch(`${server.url}/fairs/no-such-fair/apply`)).status).toBe(404)
		const promo = await createFair({ kind: 'promo', capacity: 10 })
		expect((await fetch(`${server.url}/fairs/${promo}/apply`)).status).toBe(404)
		expect((await post(`/fairs/${promo}/apply`, VALID)).response.status).toBe(404)
	})

	test('the honeypot stores nothing', async () => {
		const slug = await createFair()
		const { response } = await post(`/fairs/${slug}/apply`, { ...VALID, website: 'http://spam.example' })
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toBe(`/fairs/${slug}/apply`)
		expect(sql('SELECT id FROM applications WHERE event_id = (SELECT id FROM events WHERE slug = ?)', slug)).toHaveLength(0)
	})
})

describe('the edit page', () => {
	async function submitted() {
		const slug = await createFair()
		const { response } = await post(`/fairs/${slug}/apply`, VALID, { bytes: PNG, name: 'logo.png', type: 'image/png' })
		expect(response.status).toBe(302)
		return { slug, token: (response.headers.get('location') ?? '').split('/')[2]!.split('?')[0]! }
	}

	test('is prefilled, saves changes, replaces the logo', async () => {
		const { token } = await submitted()
		const page = await fetch(`${server.url}/applications/${token}/edit`)
		expect(page.status).toBe(200)
		const text = await page.text()
		expect(inputValue(text, 'organization.name')).toBe('Zadruga Rasinka')
		expect(inputValue(text, 'staff.employees')).toBe('6')
		expect(text).toContain(html(srApply.fair.logoCurrent))
		const bad = await post(`/applications/${token}/edit`, { ...VALID, 'staff.women': '60' })
		expect(bad.response.status).toBe(422)
		expect(bad.text).toContain(html(srCommon.validation.womenOverEmployees))
		const { response } = await post(
			`/applications/${token}/edit`,
			{ ...VALID, 'organization.name': 'Zadruga Rasinka Plus', 'staff.employees': '8' },
			{ bytes: JPEG, name: 'x.jpg', type: 'image/jpeg' },
		)
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toBe(`/applications/${token}?saved=1`)
		const [row] = sql(
			'SELECT id, org_name, staff FROM applications WHERE id = (SELECT application_id FROM private_links WHERE token_hash = ?)',
			sha256(token),
		) as { id: number; org_name: string; staff: string }[]
		expect(row!.org_name).toBe('Zadruga Rasinka Plus')
		expect(JSON.parse(row!.staff).employees).toBe(8)
		expect(sql('SELECT mime FROM application_images WHERE application_id = ?', row!.id)).toEqual([{ mime: 'image/jpeg' }])
	})

	test('is refused after the window closes and for a withdrawn application', async () => {
		const { slug, token } = await submitted()
		setFairSettings(server, slug, { applications_close_at: Date.now() - 60_000 })
		const page = await (await fetch(`${server.url}/applications/${token}/edit`)).text()
		expect(page).toContain(html(srApply.edit.closed))
		expect(page).not.toContain('name="organization.name"')
		const refused = await post(`/applications/${token}/edit`, { ...VALID, 'organization.name': 'Kasno' })
		expect(refused.response.status).toBe(409)
		expect(sql('SELECT org_name FROM applications WHERE id = (SELECT application_id FROM private_links WHERE token_hash = ?)', sha256(token))).toEqual([
			{ org_name: 'Zadruga Rasinka' },
		])

		const other = await submitted()
		const db = openDatabase(server.dbPath, { runMigrations: false })
		try {
			withdrawApplication(db, other.token)
		} finally {
			db.$client.close()
		}
		expect(await (await fetch(`${server.url}/applications/${other.token}/edit`)).text()).toContain(html(srApply.edit.withdrawn))
		expect((await post(`/applications/${other.token}/edit`, VALID)).response.status).toBe(409)
		expect((await fetch(`${server.url}/applications/${'x'.repeat(43)}/edit`)).status).toBe(404)
	})
})

describe('stand preferences', () => {
	/** A published plan with three stands, as the plan editor and its publish button leave it. */
	function publishPlan(slug: string) {
		const [event] = sql('SELECT id FROM events WHERE slug = ?', slug) as { id: number }[]
		const now = Date.now()
		run('INSERT INTO floor_plans (event_id, width, height, published_at, updated_at) VALUES (?, 20, 10, ?, ?)', event!.id, now, now)
		const stand = (label: string, x: number, power: number, accessible: number, zone: string | null) =>
			run(
				'INSERT INTO stands (event_id, label, x, y, width, height, size_m2, power, accessible, zone, created_at, updated_at) VALUES (?, ?, ?, 1, 3, 2, 6, ?, ?, ?, ?, ?)',
				event!.id,
				label,
				x,
				power,
				accessible,
				zone,
				now,
				now,
			)
		stand('A3', 1, 1, 1, 'Trg')
		stand('B1', 5, 0, 0, null)
		stand('B12', 9, 1, 0, 'Hol')
	}
	const storedPreferences = (location: string) => {
		const token = location.split('/')[2]!.split('?')[0]!
		const [row] = sql('SELECT preferences FROM applications WHERE id = (SELECT application_id FROM private_links WHERE token_hash = ?)', sha256(token)) as {
			preferences: string
		}[]
		return JSON.parse(row!.preferences) as string[]
	}

	test('on a published plan: three selects listing the stands, the plan with its labels, a link to the map', async () => {
		const slug = await createFair()
		publishPlan(slug)
		const page = await (await fetch(`${server.url}/fairs/${slug}/apply`)).text()
		for (const i of [0, 1, 2]) expect(page).toMatch(new RegExp(`<select[^>]*name="preferences\\[${i}\\]"`))
		expect(page).not.toMatch(/<input[^>]*name="preferences\[0\]"/)
		expect(page).toContain(html(srApply.fair.choice['1']))
		expect(page).toContain(html(srApply.fair.choice['3']))
		expect(page).toContain('<option value="A3">A3 · 6 m² · struja · pristupačan · Trg</option>')
		expect(page).toContain('<option value="B1">B1 · 6 m²</option>')
		expect(page).toMatch(/<svg[^>]*class="preference-plan"[\s\S]*>B12<\/text>[\s\S]*<\/svg>/)
		expect(page).toContain(`href="/fairs/${slug}/map"`)
		const en = await (await fetch(`${server.url}/fairs/${slug}/apply?lang=en`)).text()
		expect(en).toContain('<option value="A3">A3 · 6 m² · power · accessible · Trg</option>')
	})

	test('an unknown stand is refused next to its field; a known one is stored as the plan spells it', async () => {
		const slug = await createFair()
		publishPlan(slug)
		const bad = await post(`/fairs/${slug}/apply`, { ...VALID, 'preferences[0]': 'A3', 'preferences[1]': 'kod ulaza' })
		expect(bad.response.status).toBe(422)
		expect(bad.text).toContain(html(srCommon.validation.noSuchStand.replace('{{label}}', 'kod ulaza')))
		expect(bad.text).toContain('href="#application-form-preferences[1]"')
		expect(bad.text).toMatch(/<option value="A3" selected="">/)
		const good = await post(`/fairs/${slug}/apply`, { ...VALID, 'preferences[0]': 'b12', 'preferences[1]': '', 'preferences[2]': ' a3' })
		expect(good.response.status).toBe(302)
		const location = good.response.headers.get('location') ?? ''
		expect(storedPreferences(location)).toEqual(['B12', 'A3'])
		// The edit page shows them chosen; a refused label there is refused the same way.
		const token = location.split('/')[2]!.split('?')[0]!
		const edit = await (await fetch(`${server.url}/applications/${token}/edit`)).text()
		expect(edit).toMatch(/<select[^>]*name="preferences\[0\]"[^>]*>[\s\S]*?<option value="B12" selected="">/)
		const refused = await post(`/applications/${token}/edit`, { ...VALID, 'preferences[0]': 'Z9' })
		expect(refused.response.status).toBe(422)
		expect(refused.text).toContain(html(srCommon.validation.noSuchStand.replace('{{label}}', 'Z9')))
	})

	test('the API refuses a stand that is not on the published plan (422 preferences.0)', async () => {
		const slug = await createFair()
		publishPlan(slug)
		const body = {
			organization: { name: 'Udruženje Ruke', legalForm: 'informal_group', municipality: 'krusevac' },
			contact: { name: 'Ana Jović', email: 'ana@ruke.rs' },
			products: 'Tkani ćilimi',
			category: 'handicrafts',
			consent: { privacy: true },
		}
		const refused = await apiCall(server.url, 'POST', `/api/v1/fairs/${slug}/applications`, { body: { ...body, preferences: ['X9', 'b1'] } })
		expect(refused.status, refused.text).toBe(422)
		expect(refused.body.error).toBe('invalid_fields')
		expect(Object.keys(refused.body.fields)).toEqual(['preferences.0'])
		const accepted = await apiCall(server.url, 'POST', `/api/v1/fairs/${slug}/applications`, { body: { ...body, preferences: ['b1'] } })
		expect(accepted.status, accepted.text).toBe(201)
		expect(
			sql('SELECT preferences FROM applications WHERE org_name = ? AND event_id = (SELECT id FROM events WHERE slug = ?)', 'Udruženje Ruke', slug),
		).toEqual([{ preferences: '["B1"]' }])
	})

	test('without a published plan: one zone field, stored as the first preference', async () => {
		const slug = await createFair()
		const page = await (await fetch(`${server.url}/fairs/${slug}/apply`)).text()
		expect(page).toContain(html(srApply.fair.zone))
		expect(page).toContain(html(srApply.fair.zoneLater))
		expect(page).toMatch(/<input[^>]*name="preferences\[0\]"/)
		expect(page).not.toMatch(/name="preferences\[1\]"/)
		expect(page).not.toContain('<select id="application-form-preferences')
		const { response } = await post(`/fairs/${slug}/apply`, {
			'preferences[0]': 'Hol',
			...Object.fromEntries(Object.entries(VALID).filter(([k]) => !k.startsWith('preferences'))),
		})
		expect(response.status).toBe(302)
		expect(storedPreferences(response.headers.get('location') ?? '')).toEqual(['Hol'])

		// The plan is published later: the edit page says what the exhibitor wrote before.
		publishPlan(slug)
		const token = (response.headers.get('location') ?? '').split('/')[2]!.split('?')[0]!
		const edit = await (await fetch(`${server.url}/applications/${token}/edit`)).text()
		expect(edit).toContain(html(srApply.fair.earlierWishes.replace('{{wishes}}', '„Hol“')))
	})
})

// Issue 13: the apply page's tab said only the fair's name; it says what the page is, and ends in
// the site's name in the reader's script.
describe('the apply page title', () => {
	test('"Prijava za štand: {fair} · Sajam", in English and in Cyrillic too', async () => {
		const fair = await createPublishedFair(server, organizer)
		const title = async (query: string) => /<title>([^<]*)<\/title>/.exec(await (await fetch(`${server.url}/fairs/${fair.slug}/apply${query}`)).text())?.[1]
		expect(await title('')).toBe(html(`Prijava za štand: ${fair.title} · Sajam`))
		expect(await title('?lang=en')).toBe(html(`Stand application: ${fair.title} · Sajam`))
		expect(await title('?lang=sr-Cyrl')).toBe(html(`Пријава за штанд: ${latinToCyrillic(fair.title)} · Сајам`))
	})
})
