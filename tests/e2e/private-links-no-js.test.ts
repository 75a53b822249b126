// Every form on the private links, for real, in Chromium with JavaScript turned off (issue 10,
// section 2): a visitor registers and cancels in two steps, deletes their data, and a waitlisted
// visitor leaves the waiting list; an exhibitor edits the application through the magic link,
// confirms after the release, withdraws and deletes it, each in two steps. Each ends on the right
// page, never a 500. These pages keep their token out of Referer for other sites with
// `Referrer-Policy: same-origin`: under `no-referrer` the browser posted these forms with
// `Origin: null`, Remix's CSRF check threw, and every one of them ended on a blank 500.
import type { Browser, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import applicationSr from '#app/locales/sr-Latn/application.json'
import applySr from '#app/locales/sr-Latn/apply.json'
import ticketSr from '#app/locales/sr-Latn/ticket.json'
import { launchBrowser } from '#tests/support/browser.ts'
import { apiCall } from '#tests/support/api-client.ts'
import { bodyText, checkPageErrorsAfterEach } from '#tests/support/journey.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let browser: Browser
let api: OrganizerApi

const VENUE = { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' }
const WHEN = { startsAt: `${NEXT_YEAR}-10-08T17:00:00+02:00`, endsAt: `${NEXT_YEAR}-10-08T19:00:00+02:00` }

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	api = await organizerApi(server)
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

const contexts = checkPageErrorsAfterEach()

/** A phone with JavaScript off: every form is a plain browser POST and a full page load. */
async function noJsPage() {
	const { page, watch } = await contexts.phone(browser, { javaScriptEnabled: false })
	const documents: { method: string; url: string; status: number }[] = []
	page.on('response', (response: Response) => {
		if (response.request().resourceType() !== 'document') return
		documents.push({ method: response.request().method(), url: new URL(response.url()).pathname, status: response.status() })
	})
	return { page, watch, documents }
}

/** Clicks a submit button and waits for the page the POST leads to; returns that page's status. */
async function submit(page: Page, selector: string): Promise<number> {
	const button = page.locator(selector)
	expect(await button.count(), `${selector} on ${page.url()}`).toBe(1)
	const [response] = await Promise.all([page.waitForNavigation(), button.click()])
	return response?.status() ?? 0
}

/** Follows a link and waits for its page (200). */
async function follow(page: Page, selector: string) {
	const [response] = await Promise.all([page.waitForNavigation(), page.locator(selector).first().click()])
	expect(response?.status(), `${selector} on ${page.url()}`).toBe(200)
	return response!
}

function expectNoServerError(documents: { method: string; url: string; status: number }[]) {
	// Tokens are cut from the addresses so a failure message does not print them.
	const failed = documents.filter((d) => d.status >= 500).map((d) => `${d.method} ${d.url.replace(/\/(tickets|applications)\/[^/]+/, '/$1/…')} → ${d.status}`)
	expect(failed).toEqual([])
	// The POSTs did happen, through the browser.
	expect(documents.some((d) => d.method === 'POST')).toBe(true)
}

/** Registers through the event page's form in this (no-JS) page; ends on the ticket page. */
async function registerInBrowser(page: Page, slug: string, name: string, email: string) {
	await page.goto(`${server.url}/events/${slug}`)
	await page.locator('form.registration-form input[name=name]').fill(name)
	await page.locator('form.registration-form input[name=email]').fill(email)
	await page.locator('form.registration-form input[name=consentPrivacy]').check()
	const status = await submit(page, 'form.registration-form button[type=submit]')
	expect(status).toBe(200)
	expect(new URL(page.url()).pathname).toMatch(/^\/tickets\/[A-Za-z0-9_-]{40,}$/)
	return new URL(page.url()).pathname
}

describe('the ticket page without JavaScript', () => {
	test('cancel in two steps, then delete the data in two steps', async () => {
		const event = await api.create({ title: 'Radionica bez skripti', kind: 'workshop', ...WHEN, venue: VENUE, capacity: 10, status: 'published' })
		const { page, watch, documents } = await noJsPage()
		const ticket = await registerInBrowser(page, event.slug, 'Ana Jovanović', 'ana.nojs@primer.rs')
		const response = await page.goto(`${server.url}${ticket}`)
		expect(response?.headers()['referrer-policy']).toBe('same-origin')
		expect(await page.locator('meta[name=referrer]').getAttribute('content')).toBe('same-origin')

		// Step one is a link to the question, step two the POST.
		await follow(page, `a[href="${ticket}?confirm=cancel"]`)
		expect(await page.locator('#confirm-title').textContent()).toBe(ticketSr.cancel.title)
		expect(await submit(page, '.confirm-step button[name=intent][value=cancel]')).toBe(200)
		expect(page.url()).toBe(`${server.url}${ticket}?cancelled=1`)
		expect(await bodyText(page)).toContain(ticketSr.cancelledNotice)

		await follow(page, `a[href="${ticket}?confirm=delete"]`)
		expect(await submit(page, '.confirm-step button[name=intent][value=delete]')).toBe(200)
		expect(new URL(page.url()).pathname).toBe('/tickets/deleted')
		expect(await bodyText(page)).toContain(ticketSr.deleted.title)
		// The old link leads nowhere now.
		expect((await watch.expecting(/^HTTP 404 /, () => page.goto(`${server.url}${ticket}`)))?.status()).toBe(404)
		expectNoServerError(documents)
	})

	test('leave the waiting list in two steps', async () => {
		const event = await api.create({
			title: 'Okrugli sto sa jednim mestom',
			kind: 'roundtable',
			...WHEN,
			venue: VENUE,
			capacity: 1,
			waitlist: true,
			status: 'published',
		})
		const first = await fetch(`${server.url}/events/${event.slug}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ name: 'Prvi Posetilac', email: 'prvi@primer.rs', partySize: '1', consentPrivacy: 'on', website: '' }),
		})
		expect(first.status).toBe(302)
		const { page, documents } = await noJsPage()
		const ticket = await registerInBrowser(page, event.slug, 'Branko Stojković', 'branko.nojs@primer.rs')
		expect(await bodyText(page)).toContain(ticketSr.cancel.leaveWaitlist)

		await follow(page, `a[href="${ticket}?confirm=cancel"]`)
		expect(await page.locator('#confirm-title').textContent()).toBe(ticketSr.cancel.titleWaitlist)
		expect(await submit(page, '.confirm-step button[name=intent][value=cancel]')).toBe(200)
		expect(page.url()).toBe(`${server.url}${ticket}?cancelled=1`)
		expect(await bodyText(page)).toContain(ticketSr.cancelledNotice)
		expectNoServerError(documents)
	})
})

describe('the exhibitor’s magic link without JavaScript', () => {
	test('edit, confirm after the release, withdraw and delete, each ending on the right page', async () => {
		const fair = await api.create({
			title: 'Mini-sajam bez skripti',
			kind: 'fair',
			startsAt: `${NEXT_YEAR}-11-14T10:00:00+01:00`,
			endsAt: `${NEXT_YEAR}-11-14T18:00:00+01:00`,
			venue: VENUE,
			capacity: null,
			status: 'published',
		})
		const submitted = await apiCall(server.url, 'POST', `/api/v1/fairs/${fair.slug}/applications`, {
			body: {
				organization: { name: 'Udruženje Nit', legalForm: 'informal_group', municipality: 'krusevac' },
				contact: { name: 'Jelena Petrović', email: 'jelena.nojs@primer.rs' },
				products: 'Torbe od recikliranog tekstila',
				category: 'textiles',
				needs: {},
				consent: { privacy: true },
			},
		})
		expect(submitted.status, submitted.text).toBe(201)
		const { id, manageUrl } = submitted.body.application as { id: number; manageUrl: string }
		const self = new URL(manageUrl).pathname
		const { page, watch, documents } = await noJsPage()
		const response = await page.goto(`${server.url}${self}`)
		expect(response?.headers()['referrer-policy']).toBe('same-origin')

		// Edit: the whole form as a multipart POST, then back on the page with a notice.
		const edit = await follow(page, `a[href="${self}/edit"]`)
		expect(edit.headers()['referrer-policy']).toBe('same-origin')
		await page.locator('[name=products]').fill('Torbe i prostirke od recikliranog tekstila')
		expect(await submit(page, 'form.application-form button[type=submit]')).toBe(200)
		expect(page.url()).toBe(`${server.url}${self}?saved=1`)
		expect(await bodyText(page)).toContain(applySr.edit.saved)
		expect(await bodyText(page)).toContain('Torbe i prostirke od recikliranog tekstila')

		// The organizer accepts and releases; the exhibitor confirms.
		const decision = await apiCall(server.url, 'POST', `/api/v1/applications/${id}/decision`, { token: api.token, body: { decision: 'accepted' } })
		expect(decision.status, decision.text).toBe(200)
		const release = await apiCall(server.url, 'POST', `/api/v1/fairs/${fair.slug}/decisions/release`, { token: api.token, body: {} })
		expect(release.status, release.text).toBe(200)
		await page.goto(`${server.url}${self}`)
		expect(await submit(page, 'button[name=intent][value=confirm]')).toBe(200)
		expect(page.url()).toBe(`${server.url}${self}?confirmed=1`)
		expect(await bodyText(page)).toContain(applicationSr.notice.confirmed)

		// Withdraw: the first POST only asks, the second does it.
		expect(await submit(page, 'form:not(.confirm-actions) button[name=intent][value=withdraw]')).toBe(200)
		expect(await page.locator('#confirm-title').textContent()).toBe(applicationSr.withdraw.title)
		expect(await submit(page, '.confirm-actions button[name=intent][value=withdraw]')).toBe(200)
		expect(page.url()).toBe(`${server.url}${self}?withdrawn=1`)
		expect(await bodyText(page)).toContain(applicationSr.notice.withdrawn)

		// Delete, in two steps too.
		expect(await submit(page, 'form:not(.confirm-actions) button[name=intent][value=delete]')).toBe(200)
		expect(await page.locator('#confirm-title').textContent()).toBe(applicationSr.delete.title)
		expect(await submit(page, '.confirm-actions button[name=intent][value=delete]')).toBe(200)
		expect(new URL(page.url()).pathname).toBe('/applications/deleted')
		expect(await bodyText(page)).toContain(applicationSr.deleted.title)
		expect((await watch.expecting(/^HTTP 404 /, () => page.goto(`${server.url}${self}`)))?.status()).toBe(404)
		expectNoServerError(documents)
	})
})
