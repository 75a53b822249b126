// An organizer at work in a real browser: logs in, creates an event through the form, fixes a
// mistake the form points out, publishes, changes the time, cancels. The same flow runs twice:
// with JavaScript (conform validates in the browser) and without it (plain HTML forms, the
// server's answer shows the same messages), because the Center's laptops are not always new.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import admin from '#app/locales/sr-Latn/admin.json'
import apiTexts from '#app/locales/sr-Latn/api.json'
import common from '#app/locales/sr-Latn/common.json'
import plan from '#app/locales/sr-Latn/plan.json'
import { apiCall } from '#tests/support/api-client.ts'
import {
	DESKTOP,
	PHONE,
	describeViolations,
	launchBrowser,
	loginAsAdmin,
	newDesktopContext,
	newPhoneContext,
	runAxe,
	scrollWidth,
	seriousViolations,
	waitForHydration,
	watchPageErrors,
	type PageErrorWatch,
} from '#tests/support/browser.ts'
import { createEventViaApi } from '#tests/support/events.ts'
import { createPublishedFair } from '#tests/support/fair-fixtures.ts'
import { standAt } from '#tests/support/stands.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let browser: Browser
let api: OrganizerApi
const watches: PageErrorWatch[] = []
const TAKEN_SLUG = 'zauzeta-adresa'

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	api = await organizerApi(server)
	await api.create({
		title: 'Događaj koji već zauzima adresu',
		slug: TAKEN_SLUG,
		kind: 'other',
		startsAt: `${NEXT_YEAR}-02-01T10:00:00+01:00`,
		endsAt: `${NEXT_YEAR}-02-01T12:00:00+01:00`,
		venue: 'Centar za socijalno preduzetništvo',
		capacity: null,
	})
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

afterEach(() => {
	for (const watch of watches) watch.check()
})

/**
 * A German browser: no language we speak, so the pages must fall back to Serbian Latin, the
 * default (headless Chromium would otherwise announce en-US).
 */
async function organizerContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
	const context = await newDesktopContext(browser, { javaScriptEnabled, locale: 'de-DE' })
	watches.push(watchPageErrors(context))
	return context
}

/** Clicks a submit button and waits for the page to settle, with or without JavaScript. */
async function submit(page: Page, button: ReturnType<Page['locator']>) {
	await button.click()
	await page.waitForLoadState('load')
}

async function text(page: Page, selector: string) {
	return (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim()
}

/** The error message the page links to the field (aria-describedby), as a screen reader reads it. */
async function describedError(page: Page, label: string): Promise<string> {
	const input = page.getByLabel(label, { exact: true })
	expect(await input.getAttribute('aria-invalid')).toBe('true')
	const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean)
	const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()))
	return texts.join(' ')
}

const f = admin.eventForm
const p = admin.eventPage

/** Logs in from an admin page the visitor was sent away from: wrong password first, then the right one. */
async function loginAfterRedirect(page: Page, target: string, javaScript: boolean) {
	const response = await page.goto(`${server.url}${target}`)
	expect(response?.ok()).toBe(true)
	const url = new URL(page.url())
	expect(url.pathname).toBe('/admin/login')
	expect(url.searchParams.get('redirectTo')).toBe(target)
	expect(await page.locator('html').getAttribute('lang')).toBe('sr-Latn')
	expect(await text(page, 'h1')).toBe(admin.login.title)
	if (javaScript) await waitForHydration(page)

	await page.getByLabel(admin.login.email, { exact: true }).fill(server.admin.email)
	await page.getByLabel(admin.login.password, { exact: true }).fill('not-the-password')
	await submit(page, page.getByRole('button', { name: admin.login.submit }))
	await page.getByRole('alert').filter({ hasText: admin.login.wrongCredentials }).waitFor()
	expect(new URL(page.url()).pathname).toBe('/admin/login')
	// The email stays; the server's page does not send the password back (with JavaScript the
	// browser keeps the field as it was: conform does not reset a field the server hid).
	expect(await page.getByLabel(admin.login.email, { exact: true }).inputValue()).toBe(server.admin.email)
	if (!javaScript) expect(await page.getByLabel(admin.login.password, { exact: true }).inputValue()).toBe('')

	await page.getByLabel(admin.login.password, { exact: true }).fill(server.admin.password)
	await Promise.all([page.waitForURL((u) => u.pathname === target), page.getByRole('button', { name: admin.login.submit }).click()])
	await page.waitForLoadState('load')
}

type NewEvent = { title: string; slug: string; startsAt: string; endsAt: string; venueName: string }

/**
 * Fills the new-event form with the end before the start, expects the field error, fixes the end
 * but picks a page address already in use, expects the server's field error, fixes that and saves
 * and publishes. Returns the event's admin id.
 */
async function createThroughForm(page: Page, event: NewEvent, javaScript: boolean): Promise<number> {
	await page.goto(`${server.url}/admin/events/new`)
	expect(await text(page, 'h1')).toBe(f.newTitle)
	if (javaScript) await waitForHydration(page)
	await page.getByLabel(f.title, { exact: true }).fill(event.title)
	await page.getByLabel(f.titleEn, { exact: true }).fill(`${event.title} (EN)`)
	await page.getByLabel(f.kind, { exact: true }).selectOption('roundtable')
	await page.getByLabel(f.slug, { exact: true }).fill(event.slug)
	await page.getByLabel(f.summary, { exact: true }).fill('Razgovor o zapošljavanju osoba sa invaliditetom u Rasinskom okrugu.')
	await page.getByLabel(f.description, { exact: true }).fill('Prvi pasus.\n\nDrugi pasus.')
	await page.getByLabel(f.startsAt, { exact: true }).fill(event.startsAt)
	// One hour BEFORE the start: a typing mistake the form must catch.
	const wrongEnd = event.startsAt.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) - 1).padStart(2, '0')}`)
	await page.getByLabel(f.endsAt, { exact: true }).fill(wrongEnd)
	await page.getByLabel(f.venueName, { exact: true }).fill(event.venueName)
	await page.getByLabel(f.venueAddress, { exact: true }).fill('Jugovićeva 17')
	await page.getByLabel(f.capacity, { exact: true }).fill('40')
	await page.getByLabel(f.maxPartySize, { exact: true }).fill('2')

	const publish = page.locator('button[name=intent][value=publish]')
	expect(await publish.innerText()).toBe(f.saveAndPublish)
	const posts: string[] = []
	const recordPost = (request: Request) => {
		if (request.method() === 'POST') posts.push(request.resourceType())
	}
	page.on('request', recordPost)
	await submit(page, publish)
	await page.getByText(common.validation.endsBeforeStart).waitFor()
	expect(await describedError(page, f.endsAt)).toContain(common.validation.endsBeforeStart)
	expect(new URL(page.url()).pathname).toBe('/admin/events/new')
	// Nothing was saved, and what the organizer typed is still there (without JavaScript it came back from the server).
	expect((await api.listPublished()).some((e) => e.slug === event.slug)).toBe(false)
	expect(await page.getByLabel(f.title, { exact: true }).inputValue()).toBe(event.title)
	expect(await page.getByLabel(f.startsAt, { exact: true }).inputValue()).toBe(event.startsAt)
	expect(await page.getByLabel(f.capacity, { exact: true }).inputValue()).toBe('40')
	page.off('request', recordPost)
	// With JavaScript the browser caught it before sending anything; without, the server did.
	expect(posts).toEqual(javaScript ? [] : ['document'])

	// Fixed; but the address is taken, which only the server can know.
	await page.getByLabel(f.endsAt, { exact: true }).fill(event.endsAt)
	await page.getByLabel(f.slug, { exact: true }).fill(TAKEN_SLUG)
	await submit(page, publish)
	await page.getByText(apiTexts.errors.slug_taken).waitFor()
	expect(await describedError(page, f.slug)).toContain(apiTexts.errors.slug_taken)
	expect(await page.getByLabel(f.endsAt, { exact: true }).inputValue()).toBe(event.endsAt)
	expect(await page.getByText(common.validation.endsBeforeStart).count()).toBe(0)

	await page.getByLabel(f.slug, { exact: true }).fill(event.slug)
	await Promise.all([page.waitForURL((u) => /^\/admin\/events\/\d+$/.test(u.pathname)), publish.click()])
	// The URL changes a moment before React renders the new page: wait for the page's own text.
	await page.getByText(p.saved.published).waitFor()
	const url = new URL(page.url())
	expect(url.searchParams.get('saved')).toBe('published')
	expect(await page.getByRole('status').innerText()).toBe(p.saved.published)
	expect(await text(page, 'h1')).toBe(event.title)
	expect(await text(page, '.pill')).toBe(common.status.published)
	return Number(url.pathname.split('/').at(-1))
}

/** The /admin table row for the event: its status as shown. */
async function statusInAdminList(page: Page, title: string) {
	await page.goto(`${server.url}/admin`)
	const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) })
	expect(await row.count()).toBe(1)
	return (await row.locator('.pill').innerText()).trim()
}

/** Changes the event's time on its admin page and checks the page says it was saved. */
async function changeTime(page: Page, id: number, startsAt: string, endsAt: string) {
	await page.goto(`${server.url}/admin/events/${id}`)
	await page.getByLabel(f.startsAt, { exact: true }).fill(startsAt)
	await page.getByLabel(f.endsAt, { exact: true }).fill(endsAt)
	const save = page.locator('button[name=intent][value=save]')
	expect(await save.innerText()).toBe(f.save)
	await Promise.all([page.waitForURL((u) => u.searchParams.get('saved') === 'save'), save.click()])
	await page.getByText(p.saved.save).waitFor()
	expect(await page.getByRole('status').innerText()).toBe(p.saved.save)
	// The form shows what is now stored, not what was typed.
	expect(await page.getByLabel(f.startsAt, { exact: true }).inputValue()).toBe(startsAt)
	expect(await page.getByLabel(f.endsAt, { exact: true }).inputValue()).toBe(endsAt)
}

async function cancelEvent(page: Page, id: number) {
	await page.goto(`${server.url}/admin/events/${id}`)
	const confirm = page.getByLabel(p.confirmCancel, { exact: true })
	// The browser refuses the button while the box is unticked...
	expect(await confirm.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true)
	// ...and the server refuses a form that skipped the box.
	const refused = await page.request.post(`${server.url}/admin/events/${id}`, { form: { intent: 'cancel' } })
	expect(await refused.text()).toContain(p.confirmCancelRequired)

	// A message for the people registered; nobody is registered here, so the page says nobody was told.
	await page.getByLabel(p.cancelMessage, { exact: true }).fill('Sala je zauzeta. Novi termin javljamo uskoro.')
	await confirm.check()
	await Promise.all([page.waitForURL((u) => u.searchParams.get('saved') === 'cancel'), page.getByRole('button', { name: p.cancel, exact: true }).click()])
	const told = p.cancelledTold_other.replace('{{count}}', '0')
	await page.getByText(told).waitFor()
	expect(await page.getByRole('status').innerText()).toBe(told)
	expect(await text(page, '.pill')).toBe(common.status.cancelled)
	await page.getByText(p.cancelledReadOnly).waitFor()
	// A cancelled event cannot be edited any more: the form is gone.
	expect(await page.locator('button[name=intent][value=save]').count()).toBe(0)
}

describe.each([
	{ javaScript: true, name: 'with JavaScript' },
	{ javaScript: false, name: 'without JavaScript' },
])('organizer $name', ({ javaScript }) => {
	let context: BrowserContext
	let page: Page
	let id: number
	const key = javaScript ? 'js' : 'nojs'
	const event: NewEvent = {
		title: javaScript ? 'Okrugli sto: Zapošljavanje i inkluzija' : 'Okrugli sto: Zadruge u Rasinskom okrugu',
		slug: `okrugli-sto-${key}`,
		// March: Central European Time, UTC+1.
		startsAt: `${NEXT_YEAR}-03-12T17:00`,
		endsAt: `${NEXT_YEAR}-03-12T19:00`,
		venueName: 'Centar za socijalno preduzetništvo',
	}

	beforeAll(async () => {
		context = await organizerContext(javaScript)
		page = await context.newPage()
	})

	afterAll(async () => {
		await context?.close()
	})

	test('an anonymous visitor is sent to the login page; a wrong password is refused in Serbian; then back where they were', async () => {
		const target = javaScript ? '/admin' : '/admin/events/new'
		await loginAfterRedirect(page, target, javaScript)
		expect(new URL(page.url()).pathname).toBe(target)
		// With JavaScript the URL changes a moment before the new page is rendered.
		await page.locator('h1', { hasText: javaScript ? admin.events.title : f.newTitle }).waitFor()
		expect(await text(page, 'h1')).toBe(javaScript ? admin.events.title : f.newTitle)
	})

	test('creates an event: the end before the start is pointed out, then it is saved and published', async () => {
		id = await createThroughForm(page, event, javaScript)
		expect(id).toBeGreaterThan(0)
		expect(await statusInAdminList(page, event.title)).toBe(common.status.published)
		const stored = await api.get(event.slug)
		expect(stored).toMatchObject({ title: event.title, titleEn: `${event.title} (EN)`, kind: 'roundtable', status: 'published' })
		expect(stored.startsAt).toBe(`${NEXT_YEAR}-03-12T16:00:00.000Z`)
		expect(stored.endsAt).toBe(`${NEXT_YEAR}-03-12T18:00:00.000Z`)
	})

	test('changes the time of the event (into summer time)', async () => {
		expect(id).toBeGreaterThan(0)
		await changeTime(page, id, `${NEXT_YEAR}-07-02T17:30`, `${NEXT_YEAR}-07-02T19:00`)
		// July: Central European Summer Time, UTC+2.
		const stored = await api.get(event.slug)
		expect(stored.startsAt).toBe(`${NEXT_YEAR}-07-02T15:30:00.000Z`)
		expect(stored.endsAt).toBe(`${NEXT_YEAR}-07-02T17:00:00.000Z`)
		await page.goto(`${server.url}/events/${event.slug}`)
		expect(await text(page, 'aside')).toContain('17:30–19:00')
	})

	test('cancels the event with the confirmation box', async () => {
		expect(id).toBeGreaterThan(0)
		await cancelEvent(page, id)
		expect((await api.get(event.slug)).status).toBe('cancelled')
		expect(await statusInAdminList(page, event.title)).toBe(common.status.cancelled)
	})
})

describe('the plan editor keeps unsaved stands', () => {
	let context: BrowserContext
	let page: Page
	let fair: { id: number; slug: string; title: string }
	const editor = () => `${server.url}/admin/events/${fair.id}/plan`
	const back = () => page.locator('.breadcrumb a')
	const dialog = () => page.getByRole('dialog', { name: plan.editor.leave.title })
	const x = () => page.getByLabel(`${plan.field.x}, A1`, { exact: true })

	beforeAll(async () => {
		const created = await createPublishedFair(server, api.token)
		fair = { id: created.id, slug: created.slug, title: created.title }
		const put = await apiCall(server.url, 'PUT', `/api/v1/fairs/${fair.slug}/stands`, { token: api.token, body: { stands: [standAt('A1', 0, 0, 3, 2)] } })
		expect(put.status, put.text).toBe(200)
		context = await organizerContext(true)
		page = await context.newPage()
		await loginAsAdmin(page, server, `/admin/events/${fair.id}/plan`)
	})

	afterAll(async () => {
		await context?.close()
	})

	test('a link away asks first: "stay" keeps the change, "leave" goes; after saving nothing asks', async () => {
		await page.goto(editor())
		await waitForHydration(page)
		// Nothing changed yet: the link just goes.
		await Promise.all([page.waitForURL(`${server.url}/admin/events/${fair.id}`), back().click()])
		await page.goto(editor())
		await waitForHydration(page)

		await x().fill('5')
		await back().click()
		await dialog().waitFor()
		expect(await dialog().innerText()).toContain(plan.editor.leave.text)
		const violations = seriousViolations(await runAxe(page))
		expect(violations, describeViolations(violations)).toEqual([])
		await dialog().getByRole('button', { name: plan.editor.leave.stay }).click()
		await dialog().waitFor({ state: 'detached' })
		expect(page.url()).toBe(editor())
		expect(await x().inputValue()).toBe('5')

		await back().click()
		await dialog().waitFor()
		await Promise.all([page.waitForURL(`${server.url}/admin/events/${fair.id}`), dialog().getByRole('button', { name: plan.editor.leave.leave }).click()])
		// With JavaScript the address changes a moment before the new page is rendered.
		await page.locator('h1', { hasText: fair.title }).waitFor()

		// Saved, nothing is lost: no question.
		await page.goto(editor())
		await waitForHydration(page)
		await x().fill('6')
		await Promise.all([page.waitForURL((u) => u.searchParams.get('saved') === 'stands'), page.locator('button[name=intent][value=save]').click()])
		await page.locator('[data-notice="stands"]').waitFor()
		expect(await x().inputValue()).toBe('6')
		await Promise.all([page.waitForURL(`${server.url}/admin/events/${fair.id}`), back().click()])
		expect(await dialog().count()).toBe(0)
	})

	test("closing or reloading the page with unsaved stands gets the browser's prompt; after saving it does not", async () => {
		const tab = await context.newPage()
		await tab.goto(editor())
		await waitForHydration(tab)
		await tab.getByLabel(`${plan.field.x}, A1`, { exact: true }).fill('8')
		const asked = new Promise<string>((resolve) => tab.once('dialog', (d) => (resolve(d.type()), void d.dismiss())))
		await tab.close({ runBeforeUnload: true })
		expect(await asked).toBe('beforeunload')
		expect(tab.isClosed()).toBe(false)

		await Promise.all([tab.waitForURL((u) => u.searchParams.get('saved') === 'stands'), tab.locator('button[name=intent][value=save]').click()])
		await tab.locator('[data-notice="stands"]').waitFor()
		let prompted = false
		tab.once('dialog', (d) => ((prompted = true), void d.accept()))
		const closed = tab.waitForEvent('close')
		await tab.close({ runBeforeUnload: true })
		await closed
		expect(prompted).toBe(false)
	})
})

describe('the organizers’ header and dashboard on a phone', () => {
	test('the header is one compact block (under 120 px of 844), marks the current page, and the dashboard passes axe without sideways scrolling', async () => {
		const context = await newPhoneContext(browser, { locale: 'de-DE' })
		watches.push(watchPageErrors(context))
		try {
			const page = await context.newPage()
			await loginAsAdmin(page, server, '/admin')
			await page.locator('#todo-title').waitFor()
			await waitForHydration(page)
			const bottom = await page.evaluate(() => document.querySelector('.admin-bar')!.getBoundingClientRect().bottom)
			expect(bottom).toBeLessThanOrEqual(120)
			const nav = page.getByRole('navigation', { name: admin.nav.label })
			expect(await nav.locator('[aria-current="page"]').innerText()).toBe(admin.nav.events)
			expect(await scrollWidth(page)).toBeLessThanOrEqual(390)
			const violations = seriousViolations(await runAxe(page))
			expect(violations, describeViolations(violations)).toEqual([])

			// Every link of the bar is on its one line, reachable by scrolling it sideways.
			await page.goto(`${server.url}/admin/outbox`)
			expect(await nav.locator('[aria-current="page"]').count()).toBe(1)
			const tops = await nav.locator('a').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)))
			expect(new Set(tops).size).toBe(1)

			// The last link's page: the bar is scrolled so its link is in view, not past the edge.
			await page.goto(`${server.url}/admin/settings`)
			await waitForHydration(page)
			const current = nav.locator('[aria-current="page"]')
			await expect
				.poll(() => current.evaluate((a) => ({ left: Math.round(a.getBoundingClientRect().left), right: Math.round(a.getBoundingClientRect().right) })))
				.toSatisfy(({ left, right }: { left: number; right: number }) => left >= 0 && right <= 390)
		} finally {
			await context.close()
		}
	})
})

describe('the registrations list and the publish-in-the-past box, without JavaScript', () => {
	let context: BrowserContext
	let page: Page
	let cookie: string

	beforeAll(async () => {
		cookie = await logInCookie(server)
		context = await organizerContext(false)
		const [name, value] = cookie.split(';')[0]!.split('=')
		await context.addCookies([{ name: name!, value: value!, url: server.url }])
		page = await context.newPage()
	})

	afterAll(async () => {
		await context?.close()
	})

	test('fits the admin column at 1280 px and is readable on a 390 px phone: status and actions visible, no sideways scrolling', async () => {
		const event = await createEventViaApi(server, api.token, {
			title: 'Radionica izrade sapuna od prirodnih sastojaka',
			kind: 'workshop',
			startsAt: `${NEXT_YEAR}-04-10T10:00:00+02:00`,
			endsAt: `${NEXT_YEAR}-04-10T13:00:00+02:00`,
			venue: 'Centar za socijalno preduzetništvo',
			status: 'published',
			capacity: 6,
			maxPartySize: 3,
			waitlist: true,
		})
		const add = (fields: Record<string, string>) =>
			submitForm(server, `/admin/events/${event.id}/registrations`, { intent: 'add', partySize: '1', locale: 'sr-Latn', informed: 'on', ...fields }, { cookie })
		await add({ name: 'Ana Jovanović', email: 'ana.jovanovic.dugacka.adresa@primer-organizacije.rs', partySize: '2' })
		await add({ name: 'Radmila Stojanović', phone: '+381 (64) 123-45/67' })
		await add({ name: 'Bojan Ilić', email: 'bojan@example.rs', phone: '064 555 1234', partySize: '3' })
		await add({ name: 'Đorđe Petrović', email: 'djordje@example.rs', partySize: '3' })

		for (const viewport of [DESKTOP, PHONE]) {
			await page.setViewportSize(viewport)
			await page.goto(`${server.url}/admin/events/${event.id}/registrations`)
			const widths = await page.evaluate(() => {
				const wrap = document.querySelector<HTMLElement>('.registrations-wrap')!
				return { page: document.documentElement.scrollWidth, wrap: wrap.scrollWidth, wrapVisible: wrap.clientWidth }
			})
			expect(widths.page, `page at ${viewport.width}`).toBeLessThanOrEqual(viewport.width)
			expect(widths.wrap, `table at ${viewport.width}`).toBeLessThanOrEqual(widths.wrapVisible)
			const rows = page.locator('tr[data-registration-id]')
			expect(await rows.count()).toBe(4)
			for (const row of await rows.all()) {
				for (const part of [row.locator('.pill'), row.locator('summary')]) {
					const box = (await part.boundingBox())!
					expect(box, `${viewport.width}`).not.toBeNull()
					expect(box.x).toBeGreaterThanOrEqual(0)
					expect(box.x + box.width, `${viewport.width}: ${await part.innerText()}`).toBeLessThanOrEqual(viewport.width)
				}
			}
			// The one without an address: its phone, and a ticket to print instead of a mail to resend.
			const radmila = rows.filter({ hasText: 'Radmila Stojanović' })
			expect(await radmila.getByText('+381 (64) 123-45/67').isVisible()).toBe(true)
			expect(await radmila.getByRole('button', { name: admin.registrations.printTicket }).isVisible()).toBe(true)
			expect(await radmila.getByRole('button', { name: admin.registrations.resendTicket }).count()).toBe(0)
		}
		await page.setViewportSize(DESKTOP)
	})

	test('publishing a draft dated in the past asks for the box, and publishes once it is ticked', async () => {
		const draft = await createEventViaApi(server, api.token, {
			title: 'Prošlogodišnja radionica',
			kind: 'workshop',
			startsAt: `${new Date().getUTCFullYear() - 1}-05-10T10:00:00+02:00`,
			endsAt: `${new Date().getUTCFullYear() - 1}-05-10T12:00:00+02:00`,
			venue: 'Centar za socijalno preduzetništvo',
			status: 'draft',
			capacity: 10,
		})
		await page.goto(`${server.url}/admin/events/${draft.id}`)
		await page.getByText(p.pastStartWarning).waitFor()
		await submit(page, page.getByRole('button', { name: p.publish, exact: true }))
		await page.getByRole('alert').filter({ hasText: p.pastStartRequired }).waitFor()
		expect(await text(page, '.pill')).toBe(common.status.draft)
		await page.getByLabel(p.confirmPast, { exact: true }).check()
		await submit(page, page.getByRole('button', { name: p.publish, exact: true }))
		await page.getByText(p.saved.publish).waitFor()
		expect(await text(page, '.pill')).toBe(common.status.published)
	})
})
