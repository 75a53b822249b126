// The exhibitor's magic-link page /applications/{token} without JavaScript: plain HTML form posts
// over real HTTP against the built server. Decisions are set straight in the database file, the
// way the review screens will store them (staged: `status`; released: `released_status`).
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import enApplication from '#app/locales/en/application.json'
import srApply from '#app/locales/sr-Latn/apply.json'
import srApplication from '#app/locales/sr-Latn/application.json'
import srFair from '#app/locales/sr-Latn/fair.json'
import { cliToken } from '#tests/support/api-client.ts'
import { withDatabase } from '#tests/support/database.ts'
import { clearFairSettings, createPublishedFair, setFairSettings, submitApplication } from '#tests/support/fair-fixtures.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { escapedByReact as html } from '#tests/support/html.ts'

let server: TestServer
let organizer: string
let fair: { slug: string; title: string }

/** The sentence before the first interpolation, escaped: enough to recognise a message. */
const lead = (text: string) => html(text.split('{{')[0]!)

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

const db = <T>(run: (db: Database.Database) => T): T => withDatabase(server, run, { foreignKeys: true })

type Row = Record<string, unknown>
// The database keeps only the SHA-256 of a link's token.
const byLink = 'id = (SELECT application_id FROM private_links WHERE token_hash = ?)'
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex')
const row = (token: string) => db((d) => d.prepare(`SELECT * FROM applications WHERE ${byLink}`).get(sha256(token)) as Row | undefined)
const update = (token: string, set: string, ...params: unknown[]) =>
	db((d) => d.prepare(`UPDATE applications SET ${set} WHERE ${byLink}`).run(...params, sha256(token)))

let counter = 0
async function applyFor(overrides: Record<string, unknown> = {}) {
	counter++
	const { application, email, id } = await submitApplication(server, fair.slug, {
		organization: {
			name: `Zadruga Rasinka ${counter}`,
			legalForm: 'social_cooperative',
			municipality: 'krusevac',
			pib: '101134702',
			companyNumber: '65794896',
		},
		contact: { name: 'Jelena Petrović', email: `jelena${counter}@rasinka.rs`, phone: '064 123 4567' },
		products: 'Med, ajvar i džemovi',
		category: 'food',
		needs: { power: true, sizeM2: 6 },
		preferences: ['A3', 'B1'],
		consent: { privacy: true, catalogue: true },
		description: 'Radna integracija žena iz ruralnih sredina.',
		...overrides,
	})
	const token = /\/applications\/([A-Za-z0-9_-]{43})$/.exec(application.manageUrl)![1]!
	return { token, path: `/applications/${token}`, email, id }
}

async function page(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(server.url + path, { headers, redirect: 'manual' })
	return { response, text: await response.text() }
}

/** A form submit with scripts off: urlencoded, to the index route's action, redirects not followed. */
async function post(path: string, fields: Record<string, string>) {
	const response = await fetch(`${server.url}${path}?index`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
	})
	return { response, text: await response.text() }
}

function expectPrivate(response: Response) {
	expect(response.headers.get('cache-control')).toBe('private, no-store')
	expect(response.headers.get('referrer-policy')).toBe('same-origin')
	expect(response.headers.get('x-robots-tag')).toContain('noindex')
}

beforeAll(async () => {
	server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } })
	organizer = await cliToken(server, 'organizer')
	fair = await createPublishedFair(server, organizer, { title: 'Mini-sajam socijalnog preduzetništva' })
})

afterAll(async () => {
	await server?.stop()
})

describe('the magic-link page', () => {
	test('after submitting: thank-you notice, under review, the fair, what was sent, edit while open', async () => {
		const { path, email } = await applyFor()
		const { response, text } = await page(`${path}?submitted=1`)
		expect(response.status).toBe(200)
		expectPrivate(response)
		expect(text).toContain('<meta name="robots" content="noindex, nofollow"')
		expect(text).toContain(lead(srApplication.notice.submitted))
		expect(text).toContain(email)
		expect(text).toContain(html(srApplication.pill.submitted))
		expect(text).toContain(html(srApplication.state.submitted.title))
		expect(text).toContain(html(fair.title))
		expect(text).toContain(`href="/events/${fair.slug}"`)
		expect(text).toContain('2030')
		expect(text).toContain('Trg kosovskih junaka')
		for (const value of [
			'Med, ajvar i džemovi',
			srApply.legalForm.social_cooperative,
			srFair.category.food,
			'101134702',
			'A3, B1',
			srApplication.needs.power,
			'Radna integracija',
		]) {
			expect(text, value).toContain(html(value))
		}
		expect(text).toContain(`href="${path}/edit"`)
		expect(text).toContain(`href="${path}/data.json"`)
		expect(text).not.toContain(html(srApplication.confirm.button))
		// Without the parameter, no notice.
		expect((await page(path)).text).not.toContain(lead(srApplication.notice.submitted))
	})

	test('speaks English and Cyrillic on request', async () => {
		const { path } = await applyFor()
		expect((await page(`${path}?lang=en`)).text).toContain(html(enApplication.state.submitted.title))
		expect((await page(`${path}?lang=sr-Cyrl`)).text).toContain('Ваша пријава је на разматрању')
	})

	test('withdraw: the first POST asks, the second withdraws, a third changes nothing', async () => {
		const { path, token } = await applyFor()
		const ask = await post(path, { intent: 'withdraw' })
		expect(ask.response.status).toBe(200)
		expect(ask.text).toContain(html(srApplication.withdraw.title))
		expect(ask.text).toContain('name="sure" value="yes"')
		expect(row(token)!.status).toBe('submitted')

		const done = await post(path, { intent: 'withdraw', sure: 'yes' })
		expect(done.response.status).toBe(302)
		expect(done.response.headers.get('location')).toBe(`${path}?withdrawn=1`)
		const withdrawnAt = row(token)!.withdrawn_at
		expect(row(token)).toMatchObject({ status: 'withdrawn', withdrawn_reason: 'exhibitor' })

		const after = await page(`${path}?withdrawn=1`)
		expect(after.text).toContain(html(srApplication.notice.withdrawn))
		expect(after.text).toContain(html(srApplication.pill.withdrawn))
		expect(after.text).toContain(html(srApplication.state.withdrawn.title))
		expect(after.text).not.toContain(`href="${path}/edit"`)
		expect(after.text).not.toContain(`value="withdraw"`)

		const again = await post(path, { intent: 'withdraw', sure: 'yes' })
		expect(again.response.status).toBe(302)
		expect(row(token)).toMatchObject({ status: 'withdrawn', withdrawn_at: withdrawnAt })
	})

	test('withdrawing an accepted place says it goes to the waiting list', async () => {
		const { path } = await applyFor()
		const { token } = await applyFor()
		update(token, "status = 'accepted', released_status = 'accepted', confirm_by = ?", Date.now() + 86_400_000)
		const waiting = await applyFor()
		update(waiting.token, "status = 'waitlisted', released_status = 'waitlisted'")
		const accepted = `/applications/${token}`
		expect((await page(accepted)).text).toContain(html(srApplication.withdraw.introAccepted))
		expect((await post(accepted, { intent: 'withdraw' })).text).toContain(html(srApplication.withdraw.acceptedPlace))
		expect((await post(path, { intent: 'withdraw' })).text).not.toContain(html(srApplication.withdraw.acceptedPlace))
		expect((await post(accepted, { intent: 'withdraw', sure: 'yes' })).response.status).toBe(302)
		expect(row(waiting.token)).toMatchObject({ status: 'accepted', released_status: 'accepted' })
		expect((await page(waiting.path)).text).toContain(html(srApplication.confirm.button))
	})

	test('a staged decision is not visible until it is released', async () => {
		const { path, token } = await applyFor()
		update(token, "status = 'accepted', released_status = NULL, decision_note = 'Interna beleška o odluci'")
		const { text } = await page(path)
		expect(text).toContain(html(srApplication.state.submitted.title))
		expect(text).not.toContain(html(srApplication.pill.accepted))
		expect(text).not.toContain(html(srApplication.confirm.button))
		expect(text).not.toContain('Interna beleška')
		const data = await (await fetch(`${server.url}${path}/data.json`)).text()
		expect(JSON.parse(data).application.status).toBe('submitted')
		expect(data).not.toContain('accepted')
		expect(data).not.toContain('Interna beleška')

		// A staged rejection over a released waiting list still shows the waiting list.
		update(token, "status = 'rejected', released_status = 'waitlisted'")
		const waitlisted = await page(path)
		expect(waitlisted.text).toContain(html(srApplication.state.waitlisted.title))
		expect(waitlisted.text).not.toContain(html(srApplication.state.rejected.title))
	})

	test('released acceptance: confirm before the deadline, then the page says confirmed', async () => {
		const { path, token } = await applyFor()
		update(
			token,
			"status = 'accepted', released_status = 'accepted', decision_released_at = ?, confirm_by = ?, decision_note = 'Dobrodošli na sajam!'",
			Date.now(),
			Date.now() + 3 * 86_400_000,
		)
		const before = await page(path)
		expect(before.text).toContain(html(srApplication.pill.accepted))
		expect(before.text).toContain(html(srApplication.state.awaiting.title))
		expect(before.text).toContain(html(srApplication.confirm.button))
		expect(before.text).toContain('Dobrodošli na sajam!')

		const confirmed = await post(path, { intent: 'confirm' })
		expect(confirmed.response.status).toBe(302)
		expect(confirmed.response.headers.get('location')).toBe(`${path}?confirmed=1`)
		expect(row(token)!.confirmed_at).toEqual(expect.any(Number))
		const after = await page(`${path}?confirmed=1`)
		expect(after.text).toContain(html(srApplication.notice.confirmed))
		expect(after.text).toContain(html(srApplication.pill.confirmed))
		expect(after.text).toContain(html(srApplication.state.confirmed.title))
		expect(after.text).not.toContain(html(srApplication.confirm.button))
	})

	test('confirming after the deadline, or before acceptance, is refused with a message', async () => {
		const { path, token } = await applyFor()
		update(token, "status = 'accepted', released_status = 'accepted', confirm_by = ?", Date.now() - 1_000)
		const page1 = await page(path)
		expect(page1.text).toContain(html(srApplication.state.deadlinePassed.title))
		expect(page1.text).not.toContain(html(srApplication.confirm.button))
		const late = await post(path, { intent: 'confirm' })
		expect(late.response.status).toBe(409)
		// The deadline sweep may have withdrawn it in between: then it is no longer accepted.
		expect(
			[html(srApplication.errors.confirmation_closed), html(srApplication.errors.not_accepted)].some((m) => late.text.includes(m)),
			late.text.slice(0, 300),
		).toBe(true)
		expect(row(token)!.confirmed_at).toBeNull()

		const submitted = await applyFor()
		const early = await post(submitted.path, { intent: 'confirm' })
		expect(early.response.status).toBe(409)
		expect(early.text).toContain(html(srApplication.errors.not_accepted))
		expect(row(submitted.token)!.confirmed_at).toBeNull()
	})

	test('withdrawn because not confirmed in time is said so', async () => {
		const { path, token } = await applyFor()
		update(token, "status = 'withdrawn', released_status = 'accepted', withdrawn_reason = 'confirmation_missed', withdrawn_at = ?", Date.now())
		const { text } = await page(path)
		expect(text).toContain(html(srApplication.state.missed.title))
		expect(text).not.toContain(`value="withdraw"`)
	})

	test('the edit link is gone once applications close', async () => {
		const { path } = await applyFor()
		setFairSettings(server, fair.slug, { applications_close_at: Date.now() - 1_000 })
		try {
			const { text } = await page(path)
			expect(text).not.toContain(`href="${path}/edit"`)
			expect(text).toContain(html(srApplication.edit.closed))
		} finally {
			clearFairSettings(server, fair.slug)
		}
	})
})

describe('words on the page', () => {
	test("a category the fair renamed shows the fair's own words; an edit's ?saved=1 says so", async () => {
		const { path } = await applyFor()
		const categories = JSON.stringify([{ code: 'food', label: 'Med i pčelinji proizvodi', labelEn: 'Honey and bee products' }, 'other'])
		setFairSettings(server, fair.slug, { categories })
		try {
			expect((await page(path)).text).toContain('Med i pčelinji proizvodi')
			expect((await page(`${path}?lang=en`)).text).toContain('Honey and bee products')
		} finally {
			clearFairSettings(server, fair.slug)
		}
		expect((await page(`${path}?saved=1`)).text).toContain(html(srApply.edit.saved))
	})
})

describe('the stand on the plan', () => {
	// A published plan makes every later application's preferences name its stands: unpublish it.
	afterEach(() => db((d) => d.prepare('UPDATE floor_plans SET published_at = NULL').run()))
	/** A plan of three stands with `label` for this application; notifiedAt null until told. */
	function giveStand(id: number, label: string, { notifiedAt = null as number | null, published = true } = {}) {
		return db((d) => {
			const { event_id: eventId } = d.prepare('SELECT event_id FROM applications WHERE id = ?').get(id) as { event_id: number }
			const now = Date.now()
			d.prepare(
				'INSERT INTO floor_plans (event_id, width, height, published_at, updated_at) VALUES (?, 30, 20, ?, ?) ON CONFLICT (event_id) DO UPDATE SET published_at = excluded.published_at',
			).run(eventId, published ? now : null, now)
			const insert = d.prepare(
				'INSERT INTO stands (event_id, label, x, y, width, height, size_m2, power, accessible, zone, created_at, updated_at) VALUES (?, ?, ?, 2, 3, 2, 6, ?, ?, ?, ?, ?)',
			)
			const standId = Number(insert.run(eventId, label, 2, 1, 1, 'Trg', now, now).lastInsertRowid)
			insert.run(eventId, `${label}x`, 6, 0, 0, null, now, now)
			insert.run(eventId, `${label}y`, 10, 0, 0, null, now, now)
			d.prepare('INSERT INTO stand_assignments (application_id, event_id, stand_id, locked, assigned_at, notified_at) VALUES (?, ?, ?, 0, ?, ?)').run(
				id,
				eventId,
				standId,
				now,
				notifiedAt,
			)
			return standId
		})
	}
	const notify = (id: number, at: number | null) => db((d) => d.prepare('UPDATE stand_assignments SET notified_at = ? WHERE application_id = ?').run(at, id))
	const locator = (label: string) => `aria-label="${html(srApplication.stand.planLabel.replace('{{label}}', label))}"`

	test('shown only once the exhibitor was told the stand: label, zone, setup time, the plan and the public map link', async () => {
		const { path, token, id } = await applyFor()
		update(token, "status = 'accepted', released_status = 'accepted', decision_released_at = ?, confirm_by = ?", Date.now(), Date.now() + 3 * 86_400_000)
		giveStand(id, 'S1')
		setFairSettings(server, fair.slug, { setup_minutes_before: 90 })
		try {
			// Allocated but not announced: nothing of the stand, in the page or the download.
			const before = await page(path)
			expect(before.text).not.toContain(html(srApplication.stand.title))
			expect(before.text).not.toContain('stand-locator')
			const dataBefore = await (await fetch(`${server.url}${path}/data.json`)).json()
			expect(dataBefore.application.stand).toBeNull()

			notify(id, Date.now())
			const after = await page(path)
			expect(after.text).toContain(html(srApplication.stand.title))
			expect(after.text).toMatch(/<span class="stand-label"[^>]*>S1<\/span>/)
			expect(after.text).toContain('Trg')
			expect(after.text).toContain('6 m²')
			// The fair starts at 10:00 Belgrade time; setting up 90 minutes before.
			expect(after.text).toContain('od 08:30')
			expect(after.text).toMatch(/datetime="2030-12-05T07:30:00.000Z"/i)
			expect(after.text).toMatch(/<svg[^>]*class="stand-locator"[^>]*role="img"/)
			expect(after.text).toContain(locator('S1'))
			// Theirs labelled in the picture; the others only outlines, without their labels.
			expect(after.text).toMatch(/<text[^>]*>S1<\/text>/)
			expect(after.text).not.toContain('>S1x<')
			expect(after.text).toContain(`href="/fairs/${fair.slug}/map?stand=S1"`)
			expect((await page(`${path}?lang=en`)).text).toContain(html(enApplication.stand.title))

			const data = await (await fetch(`${server.url}${path}/data.json`)).json()
			expect(data.application.stand).toEqual({ label: 'S1', zone: 'Trg', sizeM2: 6, setupStartsAt: '2030-12-05T07:30:00.000Z', notifiedAt: expect.any(String) })

			// The plan taken down: the card stays, the public link goes.
			db((d) => d.prepare('UPDATE floor_plans SET published_at = NULL WHERE event_id = (SELECT id FROM events WHERE slug = ?)').run(fair.slug))
			const unpublished = await page(path)
			expect(unpublished.text).toContain(locator('S1'))
			expect(unpublished.text).not.toContain('/map?stand=')

			// Moved to a stand not yet announced: hidden again until the next stand mail.
			notify(id, null)
			expect((await page(path)).text).not.toContain(locator('S1'))
		} finally {
			clearFairSettings(server, fair.slug)
		}
	})

	test('not while the acceptance is staged, nor for a withdrawn application', async () => {
		const staged = await applyFor()
		update(staged.token, "status = 'accepted', released_status = NULL")
		giveStand(staged.id, 'S2', { notifiedAt: Date.now() })
		const stagedPage = await page(staged.path)
		expect(stagedPage.text).not.toContain(locator('S2'))
		expect(stagedPage.text).not.toContain(html(srApplication.stand.title))
		expect((await (await fetch(`${server.url}${staged.path}/data.json`)).json()).application.stand).toBeNull()

		const withdrawn = await applyFor({ preferences: [] }) // the plan above is published: no wishes by label
		update(withdrawn.token, "status = 'accepted', released_status = 'accepted', confirm_by = ?", Date.now() + 86_400_000)
		giveStand(withdrawn.id, 'S3', { notifiedAt: Date.now() })
		expect((await page(withdrawn.path)).text).toContain(locator('S3'))
		// Set straight in the database, so the assignment row stays: the page must still hide it.
		update(withdrawn.token, "status = 'withdrawn', withdrawn_reason = 'exhibitor', withdrawn_at = ?", Date.now())
		const after = await page(withdrawn.path)
		expect(after.text).toContain(html(srApplication.state.withdrawn.title))
		expect(after.text).not.toContain(locator('S3'))
		expect(after.text).not.toContain(html(srApplication.stand.title))
		expect((await (await fetch(`${server.url}${withdrawn.path}/data.json`)).json()).application.stand).toBeNull()
	})

	test('withdrawing through the page gives the stand up', async () => {
		const { path, token, id } = await applyFor()
		update(token, "status = 'accepted', released_status = 'accepted', confirm_by = ?", Date.now() + 86_400_000)
		giveStand(id, 'S4', { notifiedAt: Date.now() })
		expect((await post(path, { intent: 'withdraw', sure: 'yes' })).response.status).toBe(302)
		expect(db((d) => d.prepare('SELECT count(*) AS n FROM stand_assignments WHERE application_id = ?').get(id))).toEqual({ n: 0 })
		expect((await page(path)).text).not.toContain(locator('S4'))
	})
})

describe('data, logo and erasure', () => {
	test('download my data: JSON attachment with the application as the exhibitor knows it, logo as metadata', async () => {
		const { path, token, id, email } = await applyFor()
		db((d) =>
			d
				.prepare("INSERT INTO application_images (token, application_id, mime, bytes, sha256, created_at) VALUES (?, ?, 'image/png', ?, 'abc123', ?)")
				.run(`img${id}`.padEnd(22, 'x'), id, PNG, Date.now()),
		)
		const response = await fetch(`${server.url}${path}/data.json`)
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toMatch(/^application\/json/)
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="sajam-.+\.json"$/)
		expectPrivate(response)
		const body = await response.json()
		expect(body.application).toMatchObject({
			id,
			status: 'submitted',
			organization: { name: expect.stringContaining('Zadruga Rasinka'), legalForm: 'social_cooperative', municipality: 'krusevac', pib: '101134702' },
			contact: { email, name: 'Jelena Petrović' },
			category: 'food',
			products: 'Med, ajvar i džemovi',
			needs: { power: true, sizeM2: 6 },
			preferences: ['A3', 'B1'],
			consent: { catalogue: true, research: false, privacyNoticeAcknowledgedAt: expect.any(String) },
			manageUrl: `${server.url}${path}`,
			logo: { mimeType: 'image/png', sizeBytes: PNG.length, sha256: 'abc123', url: `${server.url}${path}/logo` },
		})
		expect(body.fair).toMatchObject({ slug: fair.slug, title: fair.title })
		expect(body.controller.name).toContain('Kruševac')
		expect(JSON.stringify(body)).not.toMatch(/review|score|novelty/i)
		expect(row(token)).toBeDefined()
	})

	test('the logo: its bytes with the stored type, nosniff, private caching; shown on the page', async () => {
		const { path, id } = await applyFor()
		expect((await page(`${path}/logo`)).response.status).toBe(404)
		db((d) =>
			d
				.prepare("INSERT INTO application_images (token, application_id, mime, bytes, sha256, created_at) VALUES (?, ?, 'image/png', ?, 'def4567890abcdef', ?)")
				.run(`img${id}`.padEnd(22, 'y'), id, PNG, Date.now()),
		)
		const response = await fetch(`${server.url}${path}/logo`)
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('image/png')
		expect(response.headers.get('x-content-type-options')).toBe('nosniff')
		expect(response.headers.get('cache-control')).toMatch(/^private/)
		expect(response.headers.get('referrer-policy')).toBe('no-referrer')
		expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true)
		const etag = response.headers.get('etag')!
		expect((await fetch(`${server.url}${path}/logo`, { headers: { 'If-None-Match': etag } })).status).toBe(304)
		const { text } = await page(path)
		expect(text).toContain(`src="${path}/logo?v=def4567890ab"`)
	})

	test('delete my data: asks first, then removes the application and its logo; the old link is 404', async () => {
		const { path, token, id } = await applyFor()
		db((d) =>
			d
				.prepare("INSERT INTO application_images (token, application_id, mime, bytes, sha256, created_at) VALUES (?, ?, 'image/png', ?, 'feed', ?)")
				.run(`img${id}`.padEnd(22, 'z'), id, PNG, Date.now()),
		)
		const ask = await post(path, { intent: 'delete' })
		expect(ask.response.status).toBe(200)
		expect(ask.text).toContain(html(srApplication.delete.title))
		expect(row(token)).toBeDefined()

		const done = await post(path, { intent: 'delete', sure: 'yes' })
		expect(done.response.status).toBe(302)
		expect(done.response.headers.get('location')).toBe('/applications/deleted')
		const deleted = await page('/applications/deleted')
		expect(deleted.response.status).toBe(200)
		expect(deleted.text).toContain(html(srApplication.deleted.title))

		expect(row(token)).toBeUndefined()
		expect(db((d) => d.prepare('SELECT count(*) AS n FROM application_images WHERE application_id = ?').get(id))).toEqual({ n: 0 })
		for (const suffix of ['', '/data.json', '/logo']) {
			const { response } = await page(path + suffix)
			expect(response.status, suffix).toBe(404)
			expect(response.headers.get('cache-control'), suffix).toBe('private, no-store')
		}
		expect((await post(path, { intent: 'delete', sure: 'yes' })).response.status).toBe(404)
	})
})

describe('bad links and bad input', () => {
	test('an unknown or malformed token is a 404 page, never a 500', async () => {
		for (const path of [
			`/applications/${'x'.repeat(43)}`,
			'/applications/kratko',
			`/applications/${'x'.repeat(300)}`,
			'/applications/%E2%80%AEabc',
			"/applications/'%20OR%201=1--",
			`/applications/${'x'.repeat(43)}/data.json`,
			`/applications/${'x'.repeat(43)}/logo`,
		]) {
			const { response, text } = await page(path)
			expect(response.status, path).toBe(404)
			expect(response.headers.get('cache-control'), path).toBe('private, no-store')
			if (!path.endsWith('.json') && !path.endsWith('/logo')) expect(text, path).toContain(html(srApplication.notFound.title))
		}
		for (const intent of ['withdraw', 'confirm', 'delete']) {
			expect((await post(`/applications/${'x'.repeat(43)}`, { intent, sure: 'yes' })).response.status, intent).toBe(404)
		}
	})

	test('an unknown intent is refused without changing anything', async () => {
		const { path, token } = await applyFor()
		for (const fields of [{ intent: 'accept' }, {}, { intent: 'withdraw', sure: 'maybe' }]) {
			const { response } = await post(path, fields as Record<string, string>)
			expect(response.status, JSON.stringify(fields)).toBe(400)
		}
		expect(row(token)!.status).toBe('submitted')
	})
})
