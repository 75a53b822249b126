// The organizers' review of exhibitor applications over real HTTP against the built server, with a
// real SMTP server: applications come in through the public API; decisions are made through the API
// and through the admin pages' plain form POSTs (no JavaScript, a session cookie); nobody gets a
// decision mail until the decisions are released, then each changed one exactly once. Also the
// reviews of two organizers (averages, disagreement), the list's filters, the guards and 404s.
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import srCommon from '#app/locales/sr-Latn/common.json'
import { withdrawApplication } from '#app/services/commands/application-lifecycle.server.ts'
import { openDatabase } from '#app/utils/db.server.ts'
import { apiCall, cliToken, type ApiOptions } from '#tests/support/api-client.ts'
import { dbRun } from '#tests/support/database.ts'
import { uniqueTitle } from '#tests/support/events.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { outboxSettled } from '#tests/support/outbox.ts'
import { addUserAndLogIn, getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startMailServer, type ReceivedMail, type TestMailServer } from '#tests/support/mail-server.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { escapedByReact as html } from '#tests/support/html.ts'

let server: TestServer
let mail: TestMailServer
let db: Database.Database
let organizerToken: string
let scannerToken: string
let admin: string
let second: string
let scanner: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)

const createEvent = (kind = 'fair') => createPublishedFair(server, organizerToken, { title: uniqueTitle('Mini-sajam socijalnog preduzetništva'), kind })

type Applied = { id: number; email: string; token: string }
let applicantCounter = 0
async function apply(
	slug: string,
	over: { category?: string; legalForm?: string; power?: boolean; accessible?: boolean; name?: string } = {},
): Promise<Applied> {
	applicantCounter++
	const email = `izlagac${applicantCounter}@example.rs`
	const registered = (over.legalForm ?? 'association') !== 'informal_group'
	const { id, token } = await submitApplication(server, slug, {
		organization: {
			name: over.name ?? `Udruženje ${applicantCounter}`,
			legalForm: over.legalForm ?? 'association',
			municipality: 'krusevac',
			...(registered ? { companyNumber: '28123456', pib: '101134702' } : {}),
		},
		contact: { name: `Kontakt ${applicantCounter}`, email },
		products: 'Ručni radovi',
		category: over.category ?? 'handicrafts',
		needs: { power: over.power ?? false, accessible: over.accessible ?? false },
		consent: { privacy: true },
	})
	return { id, email, token }
}

/** The outbox template of a mail that arrived, by its Message-ID <outbox-{id}.{nonce}@host>. */
function templateOf(m: ReceivedMail): string | undefined {
	const id = /<outbox-(\d+)\./.exec(m.parsed.messageId ? `<${m.parsed.messageId.replace(/^<|>$/g, '')}>` : '')?.[1]
	if (!id) return undefined
	return (db.prepare('SELECT template FROM outbox WHERE id = ?').get(Number(id)) as { template: string } | undefined)?.template
}

const arrived = (email: string, template: string) => mail.to(email).filter((m) => templateOf(m) === template)
const queued = (email: string, template: string) =>
	(db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE to_address = ? AND template = ?').get(email, template) as { n: number }).n

function waitForMail(email: string, template: string, nth = 1) {
	return mail.waitFor(() => arrived(email, template).length >= nth, 15_000)
}

const page = (path: string, cookie = admin) => getPage(server, path, { cookie })

const post = (path: string, fields: Record<string, string>, cookie = admin) => submitForm(server, path, fields, { cookie })

type ListRow = { id: number; status: string; released: string; reviews: number; average: string; disagreement: boolean }
function listRows(html: string): ListRow[] {
	return [
		...html.matchAll(
			/<tr data-application-id="(\d+)" data-status="(\w+)" data-released="(\w+)" data-reviews="(\d+)" data-average="([^"]*)" data-disagreement="(\w+)"/g,
		),
	].map((m) => ({
		id: Number(m[1]),
		status: m[2]!,
		released: m[3]!,
		reviews: Number(m[4]),
		average: m[5]!,
		disagreement: m[6] === 'true',
	}))
}
const pendingOf = (html: string) => Number(/data-release-pending="(\d+)"/.exec(html)?.[1])
const fingerprintOf = (html: string) => /name="pending" value="([^"]*)"/.exec(html)?.[1] ?? ''

beforeAll(async () => {
	mail = await startMailServer()
	server = await startServer({ env: { SMTP_URL: mail.url } })
	db = new Database(server.dbPath, { readonly: true, fileMustExist: true })
	organizerToken = await cliToken(server, 'organizer')
	scannerToken = await cliToken(server, 'scanner')
	admin = await logInCookie(server)
	second = await addUserAndLogIn(server, 'ana@sajam.test', 'organizer', 'Ana Organizatorka')
	scanner = await addUserAndLogIn(server, 'skener@sajam.test', 'scanner', 'Skener')
})

afterAll(async () => {
	db?.close()
	await server?.stop()
	await mail?.close()
})

describe('guards and addresses', () => {
	test('anonymous callers go to the login page; a scanner is refused (403)', async () => {
		const fair = await createEvent()
		const a = await apply(fair.slug)
		for (const path of [
			`/admin/events/${fair.id}/applications`,
			`/admin/events/${fair.id}/applications/${a.id}`,
			`/admin/events/${fair.id}/applications/${a.id}/logo`,
		]) {
			const anonymous = await page(path, '')
			expect(anonymous.status, path).toBe(302)
			expect(anonymous.location).toMatch(/^\/admin\/login\?redirectTo=/)
			expect((await page(path, scanner)).status, path).toBe(403)
		}
		const anonymousPost = await post(`/admin/events/${fair.id}/applications/${a.id}`, { intent: 'decision', decision: 'accepted' }, '')
		expect(anonymousPost.status).toBe(302)
		expect((await post(`/admin/events/${fair.id}/applications`, { intent: 'release', confirm: 'on', pending: '' }, scanner)).status).toBe(403)

		const decide = (token?: string) => api('POST', `/api/v1/applications/${a.id}/decision`, { token, body: { decision: 'accepted' } })
		expect((await decide()).status).toBe(401)
		expect((await decide('nonsense')).status).toBe(401)
		expect((await decide(scannerToken)).body).toMatchObject({ error: 'forbidden' })
		const release = (token?: string) => api('POST', `/api/v1/fairs/${fair.slug}/decisions/release`, { token })
		expect((await release()).status).toBe(401)
		expect((await release(scannerToken)).status).toBe(403)
		// Nothing changed by any of them.
		expect((db.prepare('SELECT status FROM applications WHERE id = ?').get(a.id) as { status: string }).status).toBe('submitted')
	})

	test("404 for events that are not fairs, unknown applications and another fair's application", async () => {
		const workshop = await createEvent('workshop')
		const fair = await createEvent()
		const other = await createEvent()
		const a = await apply(other.slug)
		expect((await page(`/admin/events/${workshop.id}/applications`)).status).toBe(404)
		expect((await page(`/admin/events/${fair.id}/applications/${a.id}`)).status).toBe(404)
		expect((await page(`/admin/events/${fair.id}/applications/999999`)).status).toBe(404)
		expect((await page(`/admin/events/${fair.id}/applications/abc`)).status).toBe(404)
		expect((await page(`/admin/events/${other.id}/applications/${a.id}/logo`)).status).toBe(404)
		expect((await api('POST', '/api/v1/applications/999999/decision', { token: organizerToken, body: { decision: 'accepted' } })).body).toMatchObject({
			error: 'not_found',
		})
		expect((await api('POST', '/api/v1/applications/x1/decision', { token: organizerToken, body: { decision: 'accepted' } })).status).toBe(404)
		expect((await api('POST', `/api/v1/fairs/${workshop.slug}/decisions/release`, { token: organizerToken })).body).toMatchObject({ error: 'not_a_fair' })
		expect((await api('POST', '/api/v1/fairs/no-such-fair/decisions/release', { token: organizerToken })).status).toBe(404)
		// The admin event page links to the applications of a fair only.
		expect((await page(`/admin/events/${fair.id}`)).html).toContain(`/admin/events/${fair.id}/applications"`)
		expect((await page(`/admin/events/${workshop.id}`)).html).not.toContain(`/admin/events/${workshop.id}/applications"`)
	})

	test('the decision body: 422 for bad fields, 400 for bad JSON, 409 for a withdrawn application', async () => {
		const fair = await createEvent()
		const a = await apply(fair.slug)
		const decide = (options: ApiOptions) => api('POST', `/api/v1/applications/${a.id}/decision`, { token: organizerToken, ...options })
		for (const body of [
			{},
			{ decision: 'maybe' },
			{ decision: 'withdrawn' },
			{ decision: 'accepted', note: 'x'.repeat(1001) },
			{ decision: 'accepted', status: 'accepted' },
			[],
		]) {
			const result = await decide({ body })
			expect(result.status, JSON.stringify(body)).toBe(422)
			expect(result.body.error).toBe('invalid_fields')
		}
		expect((await decide({ raw: '{"decision":' })).status).toBe(400)
		expect((await api('GET', `/api/v1/applications/${a.id}/decision`, { token: organizerToken })).status).toBe(405)

		const rw = openDatabase(server.dbPath, { runMigrations: false })
		try {
			withdrawApplication(rw, a.token)
		} finally {
			rw.$client.close()
		}
		const withdrawn = await decide({ body: { decision: 'accepted' } })
		expect(withdrawn.status).toBe(409)
		expect(withdrawn.body).toMatchObject({ error: 'application_withdrawn', message: expect.any(String) })
		// The admin form says so instead of failing.
		const form = await post(`/admin/events/${fair.id}/applications/${a.id}`, { intent: 'decision', decision: 'accepted' })
		expect(form.status).toBe(200)
	})
})

describe('staged decisions and their release', () => {
	test('nobody is emailed a decision until the release; then each changed one exactly once', async () => {
		const fair = await createEvent()
		const a = await apply(fair.slug)
		const b = await apply(fair.slug)
		const c = await apply(fair.slug)
		const untouched = await apply(fair.slug)
		for (const x of [a, b, c, untouched]) await waitForMail(x.email, 'application-received')

		// Through the API: the new status at once, for organizers.
		const first = await api('POST', `/api/v1/applications/${a.id}/decision`, { token: organizerToken, body: { decision: 'waitlisted' } })
		expect(first.status, first.text).toBe(200)
		expect(first.body.application).toMatchObject({ id: a.id, fair: fair.slug, status: 'waitlisted' })
		const changed = await api('POST', `/api/v1/applications/${a.id}/decision`, { token: organizerToken, body: { decision: 'accepted', note: 'Dobrodošli!' } })
		expect(changed.body.application.status).toBe('accepted')
		expect((await api('POST', `/api/v1/applications/${b.id}/decision`, { token: organizerToken, body: { decision: 'rejected' } })).status).toBe(200)
		// Through the admin page, as a plain form.
		const form = await post(`/admin/events/${fair.id}/applications/${c.id}`, {
			intent: 'decision',
			decision: 'waitlisted',
			note: 'Javićemo se ako se oslobodi mesto.',
		})
		expect(form.status).toBe(302)
		expect(form.location).toBe(`/admin/events/${fair.id}/applications/${c.id}?saved=decision`)
		const detail = await page(form.location!)
		expect(detail.html).toContain('data-application-status="waitlisted" data-released="none" data-staged="true"')
		// A bad decision from the form is re-rendered with its error, nothing saved.
		expect((await post(`/admin/events/${fair.id}/applications/${untouched.id}`, { intent: 'decision', decision: 'maybe' })).status).toBe(200)

		const list = await api('GET', `/api/v1/fairs/${fair.slug}/applications`, { token: organizerToken })
		expect(Object.fromEntries(list.body.applications.map((x: { id: number; status: string }) => [x.id, x.status]))).toEqual({
			[a.id]: 'accepted',
			[b.id]: 'rejected',
			[c.id]: 'waitlisted',
			[untouched.id]: 'submitted',
		})

		// Nothing queued, nothing arrived: only the "received" mails.
		await outboxSettled(server)
		for (const x of [a, b, c, untouched]) {
			expect(queued(x.email, 'application-decision')).toBe(0)
			expect(mail.to(x.email).map(templateOf)).toEqual(['application-received'])
		}

		// The list shows the staged decisions and what each exhibitor knows.
		let listPage = await page(`/admin/events/${fair.id}/applications`)
		expect(listPage.status).toBe(200)
		expect(pendingOf(listPage.html)).toBe(3)
		expect(listRows(listPage.html).map((r) => [r.id, r.status, r.released])).toEqual([
			[a.id, 'accepted', 'none'],
			[b.id, 'rejected', 'none'],
			[c.id, 'waitlisted', 'none'],
			[untouched.id, 'submitted', 'none'],
		])
		for (const x of [a, b, c]) expect(listPage.html).toContain(x.email)

		// Without the tick: refused, nothing released.
		const unticked = await post(`/admin/events/${fair.id}/applications`, { intent: 'release', pending: fingerprintOf(listPage.html) })
		expect(unticked.status).toBe(200)
		expect(unticked.html).toContain('id="release-error"')
		// With a list the organizer did not see (someone decided meanwhile): refused too.
		const stale = await post(`/admin/events/${fair.id}/applications`, { intent: 'release', confirm: 'on', pending: `${a.id}:accepted` })
		expect(stale.status).toBe(302)
		expect(stale.location).toContain('notice=release_changed')
		expect(queued(a.email, 'application-decision')).toBe(0)

		const released = await post(`/admin/events/${fair.id}/applications`, { intent: 'release', confirm: 'on', pending: fingerprintOf(listPage.html) })
		expect(released.status).toBe(302)
		expect(released.location).toBe(`/admin/events/${fair.id}/applications?notice=released&released=3`)
		const after = await page(released.location!)
		expect(after.html).toContain('data-released="3"')
		expect(pendingOf(after.html)).toBe(0)

		for (const x of [a, b, c]) await waitForMail(x.email, 'application-decision')
		await outboxSettled(server)
		for (const x of [a, b, c]) expect(arrived(x.email, 'application-decision')).toHaveLength(1)
		expect(arrived(untouched.email, 'application-decision')).toHaveLength(0)
		// The note to the exhibitor is in their mail.
		expect(arrived(a.email, 'application-decision')[0]!.parsed.text).toContain('Dobrodošli!')

		// A decision changed after the release: only that exhibitor is mailed again.
		expect((await api('POST', `/api/v1/applications/${b.id}/decision`, { token: organizerToken, body: { decision: 'waitlisted' } })).status).toBe(200)
		listPage = await page(`/admin/events/${fair.id}/applications`)
		expect(pendingOf(listPage.html)).toBe(1)
		expect(listRows(listPage.html).find((r) => r.id === b.id)).toMatchObject({ status: 'waitlisted', released: 'rejected' })
		const again = await api('POST', `/api/v1/fairs/${fair.slug}/decisions/release`, { token: organizerToken })
		expect(again.status, again.text).toBe(200)
		expect(again.body).toEqual({ released: 1 })
		await waitForMail(b.email, 'application-decision', 2)
		expect((await api('POST', `/api/v1/fairs/${fair.slug}/decisions/release`, { token: organizerToken })).body).toEqual({ released: 0 })
		await outboxSettled(server)
		expect(arrived(b.email, 'application-decision')).toHaveLength(2)
		for (const x of [a, c]) expect(arrived(x.email, 'application-decision')).toHaveLength(1)
		expect(arrived(untouched.email, 'application-decision')).toHaveLength(0)
	})
})

describe('reviews', () => {
	test('two organizers score; the list and the detail show averages and disagreement', async () => {
		const fair = await createEvent()
		const split = await apply(fair.slug, { name: 'Zadruga Podeljenih Mišljenja' })
		const agreed = await apply(fair.slug)
		const none = await apply(fair.slug)
		const review = (x: Applied, scores: [number, number, number], cookie: string, note = '') =>
			post(
				`/admin/events/${fair.id}/applications/${x.id}`,
				{ intent: 'review', fit: String(scores[0]), quality: String(scores[1]), novelty: String(scores[2]), note },
				cookie,
			)

		const saved = await review(split, [5, 5, 5], admin, 'Odlična priča o radnoj integraciji.')
		expect(saved.status).toBe(302)
		expect(saved.location).toBe(`/admin/events/${fair.id}/applications/${split.id}?saved=review`)
		expect((await review(split, [3, 3, 2], second, 'Proizvodi su slični drugima.')).status).toBe(302)
		expect((await review(agreed, [4, 4, 4], admin)).status).toBe(302)
		expect((await review(agreed, [3, 4, 4], second)).status).toBe(302)
		// Out of range or missing: re-rendered with the error, nothing saved.
		const bad = await review(none, [7, 3, 3], admin)
		expect(bad.status).toBe(200)
		expect(bad.html).toMatch(/aria-invalid="true"/)
		const missing = await post(`/admin/events/${fair.id}/applications/${none.id}`, { intent: 'review', fit: '3' })
		expect(missing.status).toBe(200)
		// A score is picked from radio buttons: "choose one", never "enter a number".
		for (const answer of [bad, missing]) {
			expect(answer.html).toContain(html(srCommon.validation.choice))
			expect(answer.html).not.toContain(html(srCommon.validation.number))
		}
		// Revising one's own review replaces it: still one row per reviewer.
		expect((await review(agreed, [4, 5, 4], admin)).status).toBe(302)

		const rows = db.prepare('SELECT application_id AS a, reviewer_id AS r, fit, quality, novelty FROM application_reviews ORDER BY id').all() as { a: number }[]
		expect(rows.filter((r) => r.a === agreed.id)).toHaveLength(2)
		expect(rows.filter((r) => r.a === none.id)).toHaveLength(0)

		const list = listRows((await page(`/admin/events/${fair.id}/applications`)).html)
		// split: overall 5 and 8/3 → mean 3.83, range 2.33 → disagreement.
		expect(list.find((r) => r.id === split.id)).toMatchObject({ reviews: 2, average: '3,8', disagreement: true })
		// agreed: 13/3 and 11/3 → mean 4, range 0.67 → no disagreement.
		expect(list.find((r) => r.id === agreed.id)).toMatchObject({ reviews: 2, average: '4', disagreement: false })
		expect(list.find((r) => r.id === none.id)).toMatchObject({ reviews: 0, average: '', disagreement: false })

		// The detail shows every reviewer's scores and notes; each sees their own marked.
		const detail = await page(`/admin/events/${fair.id}/applications/${split.id}`, second)
		expect(detail.html).toContain('data-reviews="2" data-average="3,8" data-disagreement="true"')
		expect(detail.html).toContain('Odlična priča o radnoj integraciji.')
		expect(detail.html).toContain('Proizvodi su slični drugima.')
		expect(detail.html.match(/data-review-mine="true"/g)).toHaveLength(1)
		expect(detail.html).toContain('Ana Organizatorka')
		// Sorted by score: the best average first, the unreviewed last.
		expect(listRows((await page(`/admin/events/${fair.id}/applications?sort=score`)).html).map((r) => r.id)).toEqual([agreed.id, split.id, none.id])
		// English numbers in English.
		expect((await page(`/admin/events/${fair.id}/applications?lang=en`)).html).toContain('data-average="3.8"')
	})

	test("an application's logo is shown to organizers from the guarded route", async () => {
		const fair = await createEvent()
		const a = await apply(fair.slug)
		const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
		dbRun(
			server,
			'INSERT INTO application_images (token, application_id, mime, bytes, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)',
			't'.repeat(22),
			a.id,
			'image/png',
			png,
			'ab'.repeat(32),
			Date.now(),
		)
		const detail = await page(`/admin/events/${fair.id}/applications/${a.id}`)
		const src = /<img src="([^"]+\/logo\?v=[^"]+)"/.exec(detail.html)?.[1]
		expect(src).toBe(`/admin/events/${fair.id}/applications/${a.id}/logo?v=${'ab'.repeat(6)}`)
		const response = await fetch(server.url + src!.replace(/&amp;/g, '&'), { headers: { Cookie: admin } })
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('image/png')
		expect(response.headers.get('cache-control')).toContain('private')
		expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true)
	})
})

describe("the list's filters", () => {
	test('status, category, legal form and needs filter; counts cover the whole fair', async () => {
		const fair = await createEvent()
		const food = await apply(fair.slug, { category: 'food', power: true })
		const textiles = await apply(fair.slug, { category: 'textiles', legalForm: 'social_cooperative', accessible: true })
		const both = await apply(fair.slug, { category: 'food', legalForm: 'informal_group', power: true, accessible: true })
		expect((await api('POST', `/api/v1/applications/${textiles.id}/decision`, { token: organizerToken, body: { decision: 'accepted' } })).status).toBe(200)
		const ids = async (search: string) => listRows((await page(`/admin/events/${fair.id}/applications${search}`)).html).map((r) => r.id)

		expect(await ids('')).toEqual([food.id, textiles.id, both.id])
		expect(await ids('?category=food')).toEqual([food.id, both.id])
		expect(await ids('?legalForm=social_cooperative')).toEqual([textiles.id])
		expect(await ids('?status=accepted')).toEqual([textiles.id])
		expect(await ids('?status=submitted&category=food')).toEqual([food.id, both.id])
		expect(await ids('?needs=power')).toEqual([food.id, both.id])
		expect(await ids('?needs=power&needs=accessible')).toEqual([both.id])
		expect(await ids('?category=plants')).toEqual([])
		// A hand-edited address falls back to the whole list instead of failing.
		expect(await ids('?status=bogus&sort=%3Cx%3E')).toEqual([food.id, textiles.id, both.id])

		const html = (await page(`/admin/events/${fair.id}/applications?category=food`)).html
		expect(html).toContain('data-count="total" data-value="3"')
		expect(html).toContain('data-count="accepted" data-value="1"')
		expect(html).toContain('data-count="submitted" data-value="2"')

		// Previous / next follow the filtered list.
		const detail = (await page(`/admin/events/${fair.id}/applications/${food.id}?category=food`)).html
		expect(detail).toMatch(new RegExp(`rel="next"[^>]*href="/admin/events/${fair.id}/applications/${both.id}\\?category=food"`))
		expect(detail).not.toContain('rel="prev"')
	})
})
