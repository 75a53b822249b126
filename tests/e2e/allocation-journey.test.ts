// Stand allocation, end to end, in Chromium: a fair is set up through the JSON API (stands,
// applications, decisions released); the organizer publishes the plan, lets the solver propose an
// allocation on the desktop (the objective and, in words, why someone has no stand), saves it, pins
// one exhibitor by dragging it onto another stand on the SVG plan, allocates again (the pin holds)
// and saves. The stand mails arrive over SMTP with the label and a setup invite; a visitor opens
// the public map on a 390 px phone, taps a stand for its card and filters by category. The built
// server, its solver, its outbox worker, a real SMTP server and a real browser; nothing mocked.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import allocationSr from '#app/locales/sr-Latn/allocation.json'
import mailSr from '#app/locales/sr-Latn/mail.json'
import planSr from '#app/locales/sr-Latn/plan.json'
import { apiCall, type ApiOptions } from '#tests/support/api-client.ts'
import { PHONE, loginAsAdmin, waitForHydration } from '#tests/support/browser.ts'
import {
	bodyText,
	expectAccessible,
	expectNoSidewaysScroll,
	screenshot,
	startJourneyServers,
	useJourneySteps,
	type JourneyServers,
} from '#tests/support/journey.ts'
import type { ReceivedMail, TestMailServer } from '#tests/support/mail-server.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import type { TestServer } from '#tests/support/server.ts'

const FAIR = {
	slug: 'sajam-rasporeda-e2e',
	title: 'Sajam socijalnih preduzeća na Trgu',
	startsAt: `${NEXT_YEAR}-05-16T10:00:00+02:00`,
	endsAt: `${NEXT_YEAR}-05-16T18:00:00+02:00`,
}

// Two rows of 3 × 2 m stands on a 20 × 10 m square: A1–A3 side by side (neighbours), B1 and B2
// three metres further down. Two stands have power, one is accessible.
const STANDS = [
	{ label: 'A1', x: 1, y: 1, width: 3, height: 2, power: true },
	{ label: 'A2', x: 4, y: 1, width: 3, height: 2 },
	{ label: 'A3', x: 7, y: 1, width: 3, height: 2, accessible: true },
	{ label: 'B1', x: 1, y: 6, width: 3, height: 2, power: true },
	{ label: 'B2', x: 4, y: 6, width: 3, height: 2 },
]

type Exhibitor = { key: string; name: string; category: string; power?: boolean; sizeM2?: number; preferences: string[]; catalogue: boolean }
// The optimum is unique: Rasinka A1 (first wish), Iskra B1 (second), Leptir A2 (first), Tajna A3
// (first): 4 of 6 placed, preference cost 1. Župa needs 40 m² (no stand has it); Kovačnica needs
// power, and both stands with power go to exhibitors who wished for them.
const EXHIBITORS: Exhibitor[] = [
	{ key: 'rasinka', name: 'Socijalna zadruga Rasinka', category: 'food', power: true, preferences: ['A1'], catalogue: true },
	{ key: 'iskra', name: 'Udruženje „Iskra”', category: 'handicrafts', power: true, preferences: ['A1', 'B1'], catalogue: true },
	{ key: 'leptir', name: 'Radionica Leptir', category: 'textiles', preferences: ['A2'], catalogue: true },
	{ key: 'tajna', name: 'Udruženje Tajna', category: 'cosmetics', preferences: ['A3'], catalogue: false },
	{ key: 'zupa', name: 'Tkanje Župa', category: 'textiles', sizeM2: 40, preferences: [], catalogue: true },
	{ key: 'kovacnica', name: 'Kovačnica Struja', category: 'handicrafts', power: true, preferences: [], catalogue: true },
]
const emailOf = (e: Exhibitor) => `${e.key}@primer.rs`
const byKey = (key: string) => EXHIBITORS.find((e) => e.key === key)!

let server: TestServer
let smtp: TestMailServer
let browser: Browser
let servers: JourneyServers | undefined
let organizer: OrganizerApi
const ids = new Map<string, number>()
let eventId: string
let admin: { context: BrowserContext; page: Page }

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, { token: organizer.token, ...options })
const idOf = (key: string) => ids.get(key)!

beforeAll(async () => {
	servers = await startJourneyServers({ RATE_LIMIT_PER_MINUTE: '0' })
	;({ smtp, server, browser } = servers)
	organizer = await organizerApi(server)
}, 60_000)

afterAll(() => servers?.close())

const contexts = useJourneySteps()

/** i18next-style interpolation of a catalog string, to look for the exact words on the page. */
function fill(template: string, values: Record<string, string | number>) {
	return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]))
}

/** The stand mail's subject ("Vaš štand na sajmu: A1 · …") as a pattern, for this stand or any. */
function allocationSubject(label?: string) {
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
	const [before, after] = mailSr.application.stand.subject.split('{{label}}') as [string, string]
	return new RegExp(`^${escape(before)}${label ? escape(label) : '\\S+'}${escape(after.replace('{{event}}', FAIR.title))}$`)
}

/** The stand mail to this exhibitor for this stand. */
const standMail = (e: Exhibitor, label: string) => (mail: ReceivedMail) =>
	mail.envelope.to.includes(emailOf(e)) && allocationSubject(label).test(mail.parsed.subject ?? '')

/** The text/calendar alternative or attachment of a mail, as text. */
function calendarPart(mail: ReceivedMail) {
	const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))
	return part?.content.toString('utf8')
}

type PreviewAssignment = { applicationId: number; standLabel: string; locked: boolean }

test('a fair with a floor plan, six applications and the decisions released, through the API', async () => {
	await organizer.create({
		title: FAIR.title,
		slug: FAIR.slug,
		kind: 'fair',
		summary: 'Socijalna preduzeća Rasinskog okruga predstavljaju i prodaju svoje proizvode.',
		startsAt: FAIR.startsAt,
		endsAt: FAIR.endsAt,
		venue: { name: 'Trg kosovskih junaka', address: 'Trg kosovskih junaka bb', city: 'Kruševac' },
		capacity: null,
		status: 'published',
	})
	const put = await api('PUT', `/api/v1/fairs/${FAIR.slug}/stands`, {
		body: { plan: { width: 20, height: 10 }, stands: STANDS.map((s) => ({ power: false, accessible: false, ...s })) },
	})
	expect(put.status, put.text).toBe(200)
	expect(put.body.stands.find((s: { label: string }) => s.label === 'A2').neighbours).toEqual(['A1', 'A3'])

	for (const [i, e] of EXHIBITORS.entries()) {
		const result = await apiCall(server.url, 'POST', `/api/v1/fairs/${FAIR.slug}/applications`, {
			headers: { 'Accept-Language': 'sr-RS' },
			body: {
				organization: { name: e.name, legalForm: 'informal_group', municipality: 'krusevac' },
				contact: { name: `Kontakt ${i + 1}`, email: emailOf(e) },
				products: 'Domaći proizvodi iz Rasinskog okruga',
				category: e.category,
				needs: { power: !!e.power, accessible: false, ...(e.sizeM2 ? { sizeM2: e.sizeM2 } : {}) },
				preferences: e.preferences,
				consent: { privacy: true, catalogue: e.catalogue },
			},
		})
		expect(result.status, result.text).toBe(201)
		ids.set(e.key, result.body.application.id)
	}
	for (const e of EXHIBITORS) {
		const decided = await api('POST', `/api/v1/applications/${idOf(e.key)}/decision`, { body: { decision: 'accepted' } })
		expect(decided.status, decided.text).toBe(200)
	}
	const released = await api('POST', `/api/v1/fairs/${FAIR.slug}/decisions/release`, { body: {} })
	expect(released.status, released.text).toBe(200)
	expect(released.body.released).toBe(EXHIBITORS.length)
})

test('the organizer publishes the plan, allocates, reads why two have no stand, and saves', async () => {
	const { context, page } = await contexts.desktop(browser)
	admin = { context, page }
	await loginAsAdmin(page, server, '/admin')
	const eventHref = await page.locator('a[href^="/admin/events/"]', { hasText: FAIR.title }).first().getAttribute('href')
	eventId = eventHref!.match(/\/admin\/events\/(\d+)/)![1]!

	// Publishing is the editor's own action (no API).
	await page.goto(`${server.url}/admin/events/${eventId}/plan`)
	await waitForHydration(page)
	await Promise.all([page.waitForURL((url) => url.search.includes('saved=publish')), page.locator('button[name=intent][value=publish]').click()])
	await page.locator('button[name=intent][value=unpublish]').waitFor()

	await page.goto(`${server.url}/admin/events/${eventId}/allocation`)
	await waitForHydration(page)
	expect(await page.locator('.alloc-svg [data-stand]').count()).toBe(STANDS.length)
	await page.locator('button[name=intent][value=allocate]').click()
	await page.locator('#preview-title').waitFor()
	const preview = page.locator('.alloc-preview')
	const text = (await preview.innerText()).replace(/\s+/g, ' ')
	expect(text).toContain(fill(allocationSr.preview.objective, { assigned: 4, total: 6 }))
	// The preference cost (1) told as people, and what the number means.
	expect(text).toContain(fill(allocationSr.preview.wishes, { first: 3, second: 1, third: 0, other: 0, none: 0 }))
	expect(text).toContain(fill(allocationSr.preview.costHint, { cost: 1 }))
	// Why two are left out, in words: no stand is big enough; both stands with power are taken.
	expect(text).toContain(fill(allocationSr.preview.noFit, { name: byKey('zupa').name, needs: fill(allocationSr.needs.size, { size: 40 }) }))
	const takenLine = fill(allocationSr.preview.taken, { name: byKey('kovacnica').name, list: '' })
	expect(text).toContain(takenLine)
	expect(text).toContain(fill(allocationSr.preview.takenItem, { label: 'A1', name: byKey('rasinka').name }))
	expect(text).toContain(fill(allocationSr.preview.takenItem, { label: 'B1', name: byKey('iskra').name }))
	for (const [key, label] of [
		['rasinka', 'A1'],
		['iskra', 'B1'],
		['leptir', 'A2'],
		['tajna', 'A3'],
	] as const) {
		expect(text).toContain(fill(allocationSr.preview.added, { name: byKey(key).name, to: label }))
	}
	// The proposal is on the plan, not saved yet.
	expect(await page.locator('.alloc-svg [data-stand="A2"] title').textContent()).toContain(byKey('leptir').name)
	const saved = await api('GET', `/api/v1/fairs/${FAIR.slug}/applications`)
	expect(saved.body.applications.filter((a: { standLabel?: string }) => a.standLabel)).toEqual([])
	await screenshot(page, 'allocation-preview-1280')

	await Promise.all([page.waitForURL((url) => url.searchParams.get('notice') === 'saved'), page.locator('button[name=intent][value=commit]').click()])
	await page.locator('.notice.success').waitFor()
	expect(await page.locator('.notice.success').innerText()).toContain(fill(allocationSr.notices.saved_other, { count: 4 }))
	await expect
		.poll(async () => (await page.locator(`#exhibitor-${idOf('leptir')} .alloc-stand`).innerText()).trim())
		.toContain(fill(allocationSr.list.stand, { label: 'A2' }))
})

test('the stand mails arrive over SMTP with the stand and a calendar invite for setting up', async () => {
	const mail = await smtp.waitFor(standMail(byKey('rasinka'), 'A1'), 15_000)
	expect(mail.parsed.text).toContain(`/fairs/${FAIR.slug}/map?stand=A1`)
	const ics = calendarPart(mail)
	expect(ics, `attachments: ${mail.parsed.attachments.map((a) => a.contentType).join(', ')}`).toBeDefined()
	expect(ics).toContain('METHOD:REQUEST')
	expect(ics).toMatch(/UID:stand-setup-/)
	expect(ics!.replace(/\r?\n[ \t]/g, '')).toMatch(/SUMMARY:[^\r\n]*A1/)
	expect(mail.raw.toString('latin1')).toMatch(/Content-Type: text\/calendar;[^\r\n]*(\r?\n[ \t][^\r\n]*)*method=REQUEST/i)
	await smtp.waitFor(standMail(byKey('leptir'), 'A2'), 15_000)
	// Nobody without a stand got a stand mail.
	const standSubject = allocationSubject()
	expect(
		smtp.messages.filter(
			(m) => [byKey('zupa'), byKey('kovacnica')].some((e) => m.envelope.to.includes(emailOf(e))) && standSubject.test(m.parsed.subject ?? ''),
		),
	).toEqual([])
})

test('the organizer pins Radionica Leptir to B2 by dragging it onto the plan', async () => {
	const { page } = admin
	const leptir = idOf('leptir')
	const handle = page.locator(`#exhibitor-${leptir} [data-drag-application="${leptir}"]`)
	const target = page.locator('.alloc-svg [data-stand="B2"] rect').first()
	await handle.scrollIntoViewIfNeeded()
	const from = (await handle.boundingBox())!
	const to = (await target.boundingBox())!
	expect(from, 'the drag handle is on screen').toBeTruthy()
	expect(to, 'stand B2 is on screen').toBeTruthy()
	await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
	await page.mouse.down()
	await page.mouse.move(from.x + from.width / 2 - 10, from.y + from.height / 2 + 5, { steps: 4 })
	// While dragging, a ghost follows the pointer and names the stand under it.
	await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 })
	await expect.poll(() => page.locator('.alloc-ghost').textContent()).toContain('B2')
	await screenshot(page, 'allocation-dragging-1280')
	await page.mouse.up()

	// The move posts the "move" form (pinned); the page shows the new stand with the padlock.
	await expect
		.poll(async () => (await page.locator(`#exhibitor-${leptir} .alloc-stand`).innerText()).replace(/\s+/g, ' '))
		.toContain(fill(allocationSr.list.stand, { label: 'B2' }))
	expect(await page.locator(`#exhibitor-${leptir} .alloc-stand .pill`, { hasText: allocationSr.list.locked }).count()).toBe(1)
	expect(await page.locator('.alloc-svg [data-stand="B2"] title').textContent()).toBe(
		`${fill(allocationSr.board.held, { label: 'B2', name: byKey('leptir').name })}, ${allocationSr.board.lockedMark}`,
	)
	expect(await page.locator('.alloc-svg [data-stand="A2"] title').textContent()).toBe(fill(allocationSr.board.free, { label: 'A2' }))

	// The API agrees: the application has B2, pinned; a preview keeps it there, locked.
	const list = await api('GET', `/api/v1/fairs/${FAIR.slug}/applications`)
	const application = list.body.applications.find((a: { id: number }) => a.id === leptir)
	expect(application).toMatchObject({ standLabel: 'B2' })
	const preview = await api('POST', `/api/v1/fairs/${FAIR.slug}/allocation`, { body: {} })
	expect(preview.status, preview.text).toBe(200)
	expect(preview.body.committed).toBe(false)
	expect(preview.body.assignments as PreviewAssignment[]).toContainEqual({ applicationId: leptir, standLabel: 'B2', locked: true })
	// Still the most placed; B2 was nobody's wish, so the cost is 1 + 3. Leptir was told A2, and
	// the move by hand clears that: it is not told B2 yet, so nobody counts as moved.
	expect(preview.body.objective).toEqual({ assigned: 4, moved: 0, preferenceCost: 4 })
})

test('a drag onto a stand that does not fit says why, under that stand, and the green notice goes', async () => {
	const { page } = admin
	// The drag before this one succeeded: its green notice is on the page.
	await page.locator('.notice.success').waitFor()
	const kovacnica = idOf('kovacnica')
	const handle = page.locator(`#exhibitor-${kovacnica} [data-drag-application="${kovacnica}"]`)
	const target = page.locator('.alloc-svg [data-stand="A2"] rect').first()
	await handle.scrollIntoViewIfNeeded()
	const from = (await handle.boundingBox())!
	const to = (await target.boundingBox())!
	await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
	await page.mouse.down()
	await page.mouse.move(from.x + from.width / 2 - 10, from.y + from.height / 2 + 5, { steps: 4 })
	await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 })
	await page.mouse.up()

	// Kovačnica needs power; A2 has none. The server's reason, in words, where the drag ended.
	const reason = fill(allocationSr.actions.doesNotFit, { label: 'A2', needs: allocationSr.needs.power })
	const refusal = page.locator('[role=alert] .alloc-refusal')
	await expect.poll(() => refusal.innerText().catch(() => '')).toContain(reason)
	expect(await refusal.getAttribute('data-refused-stand')).toBe('A2')
	expect(await page.locator('.notice.success').count()).toBe(0)
	const box = (await refusal.boundingBox())!
	const stand = (await target.boundingBox())!
	expect(box.y, 'the reason starts just under stand A2 (its outline may overlap)').toBeGreaterThanOrEqual(stand.y + stand.height - 4)
	expect(box.y).toBeLessThan(stand.y + stand.height + 40)
	expect(box.x).toBeLessThan(stand.x + stand.width)
	expect(box.x + box.width).toBeGreaterThan(stand.x)
	// Nothing changed: Kovačnica still has no stand, A2 is still free.
	expect(await page.locator('.alloc-svg [data-stand="A2"] title').textContent()).toBe(fill(allocationSr.board.free, { label: 'A2' }))
	await expectAccessible(page, 'the board with a refused drag')
	await screenshot(page, 'allocation-refused-drag-journey-1280', { fullPage: false })
})

test('allocating again keeps the pinned stand; saving mails the new stand', async () => {
	const { page } = admin
	const leptir = idOf('leptir')
	await page.goto(`${server.url}/admin/events/${eventId}/allocation`)
	await waitForHydration(page)
	await page.locator('button[name=intent][value=allocate]').click()
	await page.locator('#preview-title').waitFor()
	const text = (await page.locator('.alloc-preview').innerText()).replace(/\s+/g, ' ')
	expect(text).toContain(fill(allocationSr.preview.objective, { assigned: 4, total: 6 }))
	expect(text).not.toContain(fill(allocationSr.preview.moved, { name: byKey('leptir').name, from: 'B2', to: 'A2' }))
	expect(await page.locator('.alloc-svg [data-stand="B2"] title').textContent()).toContain(byKey('leptir').name)
	expect(await page.locator('.alloc-svg [data-stand="A2"] title').textContent()).toBe(fill(allocationSr.board.free, { label: 'A2' }))
	await screenshot(page, 'allocation-reallocated-1280')

	await Promise.all([page.waitForURL((url) => url.searchParams.get('notice') === 'saved'), page.locator('button[name=intent][value=commit]').click()])
	await page.locator('.notice.success').waitFor()
	await expect
		.poll(async () => (await page.locator(`#exhibitor-${leptir} .alloc-stand`).innerText()).replace(/\s+/g, ' '))
		.toContain(fill(allocationSr.list.stand, { label: 'B2' }))
	expect(await page.locator(`#exhibitor-${leptir} .alloc-stand .pill`, { hasText: allocationSr.list.locked }).count()).toBe(1)
	await screenshot(page, 'allocation-saved-1280')

	const list = await api('GET', `/api/v1/fairs/${FAIR.slug}/applications`)
	const stands = Object.fromEntries(
		list.body.applications.filter((a: { standLabel?: string }) => a.standLabel).map((a: { id: number; standLabel: string }) => [a.id, a.standLabel]),
	)
	expect(stands).toEqual({ [idOf('rasinka')]: 'A1', [idOf('iskra')]: 'B1', [leptir]: 'B2', [idOf('tajna')]: 'A3' })

	// Leptir is told about its new stand, with a new invite for the same setup slot.
	const moved = await smtp.waitFor(standMail(byKey('leptir'), 'B2'), 15_000)
	const first = smtp.messages.find(standMail(byKey('leptir'), 'A2'))!
	const uid = (mail: ReceivedMail) => calendarPart(mail)?.match(/UID:([^\r\n]+)/)?.[1]
	expect(uid(moved)).toBeDefined()
	expect(uid(moved)).toBe(uid(first))
	await admin.context.close()
})

test('one more exhibitor accepted after the stands were mailed: the preview names who moves and why (1280 px and 390 px)', async () => {
	// A small second fair: S1 has power. Pekara Zora (no needs, wishes S1 then S3) gets S1 and is
	// mailed it; then Varnica, which needs power, is accepted. Only moving Zora places Varnica.
	const slug = 'sajam-premestanja-e2e'
	await organizer.create({
		title: 'Jesenji sajam na Trgu',
		slug,
		kind: 'fair',
		summary: 'Jesenji sajam socijalnih preduzeća.',
		startsAt: `${NEXT_YEAR}-09-19T10:00:00+02:00`,
		endsAt: `${NEXT_YEAR}-09-19T18:00:00+02:00`,
		venue: { name: 'Trg kosovskih junaka', address: 'Trg kosovskih junaka bb', city: 'Kruševac' },
		capacity: null,
		status: 'published',
	})
	const put = await api('PUT', `/api/v1/fairs/${slug}/stands`, {
		body: {
			plan: { width: 14, height: 6 },
			stands: [
				{ label: 'S1', x: 1, y: 1, width: 3, height: 2, power: true, accessible: false },
				{ label: 'S2', x: 5, y: 1, width: 3, height: 2, power: false, accessible: false },
				{ label: 'S3', x: 9, y: 1, width: 3, height: 2, power: false, accessible: false },
			],
		},
	})
	expect(put.status, put.text).toBe(200)
	const apply = async (name: string, email: string, power: boolean, preferences: string[]) => {
		const result = await apiCall(server.url, 'POST', `/api/v1/fairs/${slug}/applications`, {
			headers: { 'Accept-Language': 'sr-RS' },
			body: {
				organization: { name, legalForm: 'informal_group', municipality: 'krusevac' },
				contact: { name: 'Kontakt', email },
				products: 'Domaći proizvodi',
				category: 'food',
				needs: { power, accessible: false },
				preferences,
				consent: { privacy: true, catalogue: true },
			},
		})
		expect(result.status, result.text).toBe(201)
		const id = result.body.application.id as number
		expect((await api('POST', `/api/v1/applications/${id}/decision`, { body: { decision: 'accepted' } })).status).toBe(200)
		return id
	}
	const zora = await apply('Pekara Zora', 'zora@primer.rs', false, ['S1', 'S3'])
	expect((await api('POST', `/api/v1/fairs/${slug}/decisions/release`, { body: {} })).status).toBe(200)
	const first = await api('POST', `/api/v1/fairs/${slug}/allocation`, { body: { commit: true } })
	expect(first.body.assignments).toEqual([{ applicationId: zora, standLabel: 'S1', locked: false }])
	expect(first.body.notified).toBe(1)
	const varnica = await apply('Kovački zanat Varnica', 'varnica@primer.rs', true, [])

	const expected = fill(allocationSr.preview.movedTold, {
		name: 'Pekara Zora',
		from: 'S1',
		to: 'S3',
		why: fill(allocationSr.preview.why.place_more_one, { count: 1 }),
	})
	for (const [kind, width] of [
		['desktop', 1280],
		['phone', 390],
	] as const) {
		const { context, page } = await contexts[kind](browser)
		await loginAsAdmin(page, server, '/admin')
		const href = await page.locator('a[href^="/admin/events/"]', { hasText: 'Jesenji sajam na Trgu' }).first().getAttribute('href')
		const allocationPage = `${server.url}${href!.match(/\/admin\/events\/\d+/)![0]}/allocation`
		await page.goto(allocationPage)
		await waitForHydration(page)
		await page.locator('button[name=intent][value=allocate]').click()
		await page.locator('#preview-title').waitFor()
		const text = (await page.locator('.alloc-preview').innerText()).replace(/\s+/g, ' ')
		expect(text).toContain(fill(allocationSr.preview.movedSome, { count: 1 }))
		expect(text).toContain(expected)
		expect(text).toContain(fill(allocationSr.preview.added, { name: 'Kovački zanat Varnica', to: 'S1' }))
		if (kind === 'phone') await expectNoSidewaysScroll(page)
		await screenshot(page, `allocation-movers-${width}`)

		// Back to the saved board: dragging Varnica (needs power) onto S2 is refused, in words, there.
		await page.goto(allocationPage)
		await waitForHydration(page)
		// From the tray of exhibitors without a stand, right under the plan.
		const handle = page.locator(`.alloc-tray [data-drag-application="${varnica}"]`)
		const target = page.locator('.alloc-svg [data-stand="S2"] rect').first()
		await handle.scrollIntoViewIfNeeded()
		const from = (await handle.boundingBox())!
		const to = (await target.boundingBox())!
		expect(to.y, 'stand S2 is on screen with the tray').toBeGreaterThan(60)
		await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
		await page.mouse.down()
		await page.mouse.move(from.x + from.width / 2 - 5, from.y + from.height / 2 - 5, { steps: 4 })
		await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 })
		await page.mouse.up()
		const reason = fill(allocationSr.actions.doesNotFit, { label: 'S2', needs: allocationSr.needs.power })
		await expect
			.poll(() =>
				page
					.locator('[role=alert] .alloc-refusal')
					.innerText()
					.catch(() => ''),
			)
			.toContain(reason)
		if (kind === 'phone') await expectNoSidewaysScroll(page)
		await screenshot(page, `allocation-refused-drag-${width}`, { fullPage: false })
		await context.close()
	}
	// Nothing was saved by the preview: Zora keeps S1.
	const applications = (await api('GET', `/api/v1/fairs/${slug}/applications`)).body.applications as Array<{ id: number; standLabel?: string }>
	expect(applications.find((a) => a.id === zora)?.standLabel).toBe('S1')
})

test("on a 390 px phone the public map shows the plan, a tapped stand's card, and filters by category", async () => {
	const { context, page } = await contexts.phone(browser)
	await page.goto(`${server.url}/fairs/${FAIR.slug}/map`)
	await waitForHydration(page)
	await expectNoSidewaysScroll(page)
	const svg = page.locator('svg.map-svg')
	expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width)
	// The exhibitors in the catalogue are named on the plan; the one without consent is "occupied".
	const stand = (label: string) => svg.locator(`a[href*="stand=${label}"]`)
	expect(await stand('A1').getAttribute('aria-label')).toContain(byKey('rasinka').name)
	expect(await stand('B2').getAttribute('aria-label')).toContain(byKey('leptir').name)
	expect(await stand('A3').getAttribute('aria-label')).toContain(planSr.map.occupied)
	expect(await bodyText(page)).not.toContain(byKey('tajna').name)
	expect(await svg.locator('a').count()).toBe(4)
	await expectAccessible(page, 'the public map')
	await screenshot(page, `map-${PHONE.width}`)

	// A tap on stand A1 opens its card without a page load.
	await stand('A1').tap()
	await page.waitForURL((url) => url.searchParams.get('stand') === 'A1')
	const card = page.locator('#stand-card')
	await card.waitFor()
	expect(await card.locator('#stand-card-title').innerText()).toBe(fill(planSr.map.standTitle, { label: 'A1' }))
	expect(await card.innerText()).toContain(byKey('rasinka').name)
	await expectNoSidewaysScroll(page)
	await expectAccessible(page, 'the map with a card')
	await screenshot(page, `map-card-${PHONE.width}`)

	// Textiles only: Leptir's stand stays, the others are dimmed; the list below says the same.
	await page.goto(`${server.url}/fairs/${FAIR.slug}/map`)
	await waitForHydration(page)
	await page.locator('#map-category').selectOption('textiles')
	await Promise.all([page.waitForURL((url) => url.searchParams.get('category') === 'textiles'), page.locator('form.map-filters button[type=submit]').tap()])
	await page.locator('[data-matching="1"]').waitFor()
	expect(await stand('B2').getAttribute('class')).not.toContain('dimmed')
	expect(await stand('A1').getAttribute('class')).toContain('dimmed')
	expect(await page.locator('.map-list tbody tr').count()).toBe(1)
	expect(await page.locator('.map-list tbody tr[data-stand="B2"]').innerText()).toContain(byKey('leptir').name)
	await expectNoSidewaysScroll(page)
	await expectAccessible(page, 'the filtered map')
	await screenshot(page, `map-filtered-${PHONE.width}`)
	await context.close()
})
