// The funder's visibility block (issue 16): an admin uploads the EU emblem and writes the funding
// statement and the disclaimer in /admin/settings (a multipart form, no JavaScript); the block heads
// the reports and their spreadsheets, and shows in the public footer and the mail footer when ticked.
// Over HTTP against the built server, with a real SMTP server.
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startMailServer, type TestMailServer } from '#tests/support/mail-server.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { addUserAndLogIn, getPage, logInCookie } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let smtp: TestMailServer
let server: TestServer
let api: OrganizerApi
let slug: string
let eventId: number
let admin: string
let organizer: string

/** A real PNG (the app's icon): it stands in for the EU emblem. */
const EMBLEM = new Uint8Array(readFileSync(new URL('../../public/icon-192.png', import.meta.url)))
const STATEMENT_SR = 'Ovaj projekat finansira Evropska unija.'
const STATEMENT_EN = 'This project is funded by the European Union.'
const DISCLAIMER_SR = 'Sadržaj je isključiva odgovornost Centra za socijalno preduzetništvo i ne odražava nužno stavove Evropske unije.'

const FIELDS = {
	intent: 'funder',
	statementSr: STATEMENT_SR,
	statementEn: STATEMENT_EN,
	disclaimerSr: DISCLAIMER_SR,
	disclaimerEn: '',
}

/** The funder's card posted as a browser without JavaScript posts it (multipart, the file part even when empty). */
async function postFunder(cookie: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type: string }, lang = 'en') {
	const form = new FormData()
	for (const [name, value] of Object.entries(fields)) form.append(name, value)
	if (file) form.append('emblem', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name)
	else form.append('emblem', new Blob([], { type: 'application/octet-stream' }), '')
	const response = await fetch(`${server.url}/admin/settings?lang=${lang}`, { method: 'POST', body: form, redirect: 'manual', headers: { Cookie: cookie } })
	return { status: response.status, html: await response.text() }
}

function storedFunderKeys() {
	const db = new Database(server.dbPath, { readonly: true })
	const rows = db.prepare("SELECT key FROM site_settings WHERE key LIKE 'funder.%' ORDER BY key").all() as { key: string }[]
	db.close()
	return rows.map((r) => r.key)
}

let mailCount = 0
async function register(locale = 'sr-Latn') {
	const email = `posetilac${++mailCount}@primer.rs`
	const response = await fetch(`${server.url}/api/v1/events/${slug}/registrations`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ name: 'Milica Petrović', email, partySize: 1, locale, consent: { privacy: true } }),
	})
	expect(response.status, await response.clone().text()).toBe(201)
	return smtp.waitFor((m) => m.envelope.to.includes(email), 15_000)
}

beforeAll(async () => {
	smtp = await startMailServer()
	server = await startServer({ env: { SMTP_URL: smtp.url, RATE_LIMIT_PER_MINUTE: '0' } })
	api = await organizerApi(server)
	const event = await api.create({
		title: 'Dan otvorenih vrata',
		kind: 'promo',
		startsAt: `${NEXT_YEAR}-05-12T10:00:00+02:00`,
		endsAt: `${NEXT_YEAR}-05-12T13:00:00+02:00`,
		venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
		capacity: 50,
		maxPartySize: 4,
		status: 'published',
	})
	slug = event.slug
	eventId = event.id
	admin = await logInCookie(server)
	organizer = await addUserAndLogIn(server, 'organizerka@csp.test', 'organizer')
}, 60_000)

afterAll(async () => {
	await server?.stop()
	await smtp?.close()
})

describe('the funder’s visibility block', () => {
	test('organizers may not set it; a non-image or a too long text is refused with the field named, and nothing is stored', async () => {
		expect((await getPage(server, '/admin/settings', { cookie: organizer })).status).toBe(403)
		expect((await postFunder(organizer, { ...FIELDS, showPublic: 'on' }, { bytes: EMBLEM, name: 'eu.png', type: 'image/png' })).status).toBe(403)
		expect(storedFunderKeys()).toEqual([])

		const page = await getPage(server, '/admin/settings?lang=en', { cookie: admin })
		expect(page.status).toBe(200)
		expect(page.html).toContain('Funder visibility')
		expect(page.html).toMatch(/<form[^>]*enctype="multipart\/form-data"/i)

		// A script sent as a PNG, an SVG: refused by their bytes.
		const script = await postFunder(
			admin,
			{ ...FIELDS, showPublic: 'on' },
			{ bytes: new TextEncoder().encode('<svg onload="alert(1)"/>'), name: 'eu.png', type: 'image/png' },
		)
		expect(script.status).toBe(422)
		expect(script.html).toContain('The emblem must be a PNG or JPEG image.')
		expect(script.html).not.toContain('data-notice="funder-saved"')
		const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, ...new Array(40).fill(1)])
		expect((await postFunder(admin, FIELDS, { bytes: webp, name: 'eu.webp', type: 'image/webp' })).status).toBe(422)
		const big = new Uint8Array(600 * 1024)
		big.set(EMBLEM.subarray(0, 8))
		const tooBig = await postFunder(admin, FIELDS, { bytes: big, name: 'eu.png', type: 'image/png' })
		expect(tooBig.status).toBe(422)
		expect(tooBig.html).toContain('The emblem can be at most 500 KB.')

		const long = await postFunder(admin, { ...FIELDS, statementSr: 'a'.repeat(301) }, undefined, 'sr-Latn')
		expect(long.status).toBe(422)
		expect(long.html).toMatch(/<textarea[^>]*name="statementSr"[^>]*aria-invalid="true"/)
		expect(long.html).toMatch(/class="field-error"[^>]*>Najviše 300 znakova/)
		expect(storedFunderKeys()).toEqual([])
	})

	test('saved: on the reports and in their spreadsheet, in the public footer and the mail footer when ticked, gone on the very next request when unticked', async () => {
		// The home page is kept in the public page cache before the change.
		const before = await getPage(server, '/')
		expect(before.html).not.toContain('data-funder-block')
		expect((await getPage(server, '/')).html).not.toContain('data-funder-block')

		const saved = await postFunder(admin, { ...FIELDS, showPublic: 'on', showMail: 'on' }, { bytes: EMBLEM, name: 'eu.png', type: 'image/png' })
		expect(saved.status).toBe(200)
		expect(saved.html).toContain('data-notice="funder-saved"')
		expect(storedFunderKeys()).toEqual([
			'funder.disclaimer.sr',
			'funder.emblem',
			'funder.emblem-meta',
			'funder.show-mail',
			'funder.show-public',
			'funder.statement.en',
			'funder.statement.sr',
		])
		const db = new Database(server.dbPath, { readonly: true })
		const audit = db.prepare("SELECT actor, details FROM audit_log WHERE action = 'settings.funder'").all() as { actor: string; details: string }[]
		db.close()
		expect(audit).toHaveLength(1)
		expect(audit[0]!.actor).toMatch(/^user:\d+$/)
		expect(JSON.parse(audit[0]!.details)).toMatchObject({
			statementSr: STATEMENT_SR,
			showPublic: true,
			showMail: true,
			emblem: expect.stringMatching(/^[0-9a-f]{64}$/),
		})

		// The emblem: its own cacheable address, the bytes as uploaded, revalidated by its ETag.
		const emblemSrc = /<img[^>]*class="funder-emblem"[^>]*src="([^"]+)"/.exec(saved.html)?.[1] ?? /src="(\/funder-emblem\?v=[0-9a-f]+)"/.exec(saved.html)![1]!
		const emblem = await fetch(server.url + emblemSrc.replace(/&amp;/g, '&'))
		expect(emblem.status).toBe(200)
		expect(emblem.headers.get('content-type')).toBe('image/png')
		expect(emblem.headers.get('cache-control')).toMatch(/public/)
		expect(new Uint8Array(await emblem.arrayBuffer())).toEqual(EMBLEM)
		const etag = emblem.headers.get('etag')!
		expect((await fetch(`${server.url}/funder-emblem`, { headers: { 'If-None-Match': etag } })).status).toBe(304)

		// The public footer, at once (the cached home page is not served again), in the reader's language and script.
		const home = await getPage(server, '/')
		expect(home.html).toContain('data-funder-block')
		expect(home.html).toContain(STATEMENT_SR)
		expect(home.html).toContain('Sadržaj je isključiva odgovornost')
		expect((await getPage(server, '/?lang=sr-Cyrl')).html).toContain('Овај пројекат финансира Европска унија.')
		const english = await getPage(server, `/events/${slug}?lang=en`)
		expect(english.html).toContain(STATEMENT_EN)
		// No English disclaimer written: the Serbian one.
		expect(english.html).toContain('Sadržaj je isključiva odgovornost')

		// The reports page, for organizers too.
		const reports = await getPage(server, '/admin/reports?lang=en', { cookie: organizer })
		expect(reports.status).toBe(200)
		expect(reports.html).toMatch(/class="funder-block report-funder"/)
		expect(reports.html).toContain(STATEMENT_EN)
		expect(reports.html).toContain('alt="Emblem of the European Union"')
		// The participant list for the funders (admins) is headed by it too.
		const list = await getPage(server, `/admin/events/${eventId}/participants?lang=en`, { cookie: admin })
		expect(list.status).toBe(200)
		expect(list.html).toMatch(/class="funder-block list-funder"/)
		expect(list.html).toContain(STATEMENT_EN)

		// The spreadsheet's method sheet: the statement and the disclaimer.
		const xlsx = await fetch(`${server.url}/api/v1/reports/participants?from=${NEXT_YEAR}-01-01&to=${NEXT_YEAR}-12-31&format=xlsx&lang=sr-Latn`, {
			headers: { Authorization: `Bearer ${api.token}` },
		})
		expect(xlsx.status).toBe(200)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await xlsx.arrayBuffer())
		const method = workbook.getWorksheet('Metod')!
		const lines: unknown[] = []
		method.eachRow((row) => lines.push(row.getCell(1).value))
		expect(lines).toContain(STATEMENT_SR)
		expect(lines).toContain(DISCLAIMER_SR)

		// A real mail: the block in both parts, the emblem inline.
		const mail = await register('sr-Cyrl')
		expect(mail.parsed.text).toContain('Овај пројекат финансира Европска унија.')
		expect(mail.parsed.text).toContain('Садржај је искључива одговорност')
		expect(mail.parsed.html).toContain('src="cid:funder-emblem@sajam"')
		expect(mail.parsed.html).toContain('Овај пројекат финансира Европска унија.')
		const inline = mail.parsed.attachments.find((a) => a.cid === 'funder-emblem@sajam')
		expect(inline?.contentType).toBe('image/png')
		expect(new Uint8Array(inline!.content)).toEqual(EMBLEM)

		// Unticked (and the emblem kept: no file chosen): gone from the next page and the next mail, still on the reports.
		const unticked = await postFunder(admin, FIELDS)
		expect(unticked.status).toBe(200)
		expect(storedFunderKeys()).toContain('funder.emblem')
		expect((await getPage(server, '/')).html).not.toContain('data-funder-block')
		const plain = await register()
		expect(plain.parsed.text).not.toContain(STATEMENT_SR)
		expect(plain.parsed.html).not.toContain('cid:funder-emblem@sajam')
		expect(plain.parsed.attachments.some((a) => a.cid === 'funder-emblem@sajam')).toBe(false)
		expect((await getPage(server, '/admin/reports', { cookie: organizer })).html).toContain(STATEMENT_SR)

		// The emblem removed: its address answers 404.
		expect((await postFunder(admin, { ...FIELDS, removeEmblem: 'on' })).status).toBe(200)
		expect(storedFunderKeys()).not.toContain('funder.emblem')
		expect((await fetch(`${server.url}/funder-emblem`)).status).toBe(404)
	})
})
