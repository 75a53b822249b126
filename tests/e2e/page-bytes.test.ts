// Every public page of the demo, and a visitor's ticket page, in the three languages: the HTML that
// arrives holds no NUL byte (React 18's stream once padded its 2,048-byte views with zeros, issue
// 19), and each Cyrillic page hydrates in Chromium without an error. tests/unit/streaming-bytes
// covers every byte alignment; this covers the real pages with real data.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, newPhoneContext, waitForHydration, watchPageErrors, type PageErrorWatch } from '#tests/support/browser.ts'
import { apiCall } from '#tests/support/api-client.ts'
import { seedDemo } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const
// A browser's user agent: bots get the page in one piece, browsers get it streamed.
const CHROME_UA = 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0 Mobile Safari/537.36'

let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
let watch: PageErrorWatch
let pages: string[] = []

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	await seedDemo(server)
	const { body } = await apiCall(server.url, 'GET', '/api/v1/events')
	const events = body.events as { slug: string; kind: string }[]
	expect(events.length).toBeGreaterThan(2)
	const fair = events.find((event) => event.kind === 'fair')!
	// A ticket of the demo's first promo event, so the private page is checked too.
	const promo = events.find((event) => event.kind !== 'fair')!
	const registered = await apiCall(server.url, 'POST', `/api/v1/events/${promo.slug}/registrations`, {
		body: { name: 'Јелена Павловић', email: 'jelena.pavlovic@example.rs', partySize: 1, consent: { privacy: true } },
	})
	expect(registered.status, registered.text).toBe(201)
	const ticketPath = new URL(registered.body.registration.manageUrl).pathname
	pages = [
		'/',
		'/privacy',
		...events.map((event) => `/events/${event.slug}`),
		`/fairs/${fair.slug}/apply`,
		`/fairs/${fair.slug}/exhibitors`,
		`/fairs/${fair.slug}/map`,
		'/scan',
		'/admin/login',
		ticketPath,
	]
	context = await newPhoneContext(browser)
	watch = watchPageErrors(context)
	page = await context.newPage()
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

describe('pages carry no NUL bytes', () => {
	test.each(LOCALES)('%s: every public page and a ticket page', async (locale) => {
		const found: string[] = []
		for (const path of pages) {
			const response = await fetch(`${server.url}${path}?lang=${locale}`, { headers: { Accept: 'text/html', 'User-Agent': CHROME_UA } })
			expect(response.status, path).toBe(200)
			const bytes = Buffer.from(await response.arrayBuffer())
			const nul = bytes.indexOf(0)
			if (nul !== -1) found.push(`${path}: byte ${nul} (…${bytes.subarray(Math.max(0, nul - 40), nul).toString('utf8')}␀…)`)
		}
		expect(found).toEqual([])
	})
})

describe('Cyrillic pages hydrate without an error', () => {
	test('every public page and a ticket page', async () => {
		for (const path of pages) {
			await page.goto(`${server.url}${path}?lang=sr-Cyrl`)
			await waitForHydration(page)
			// Hydration mismatches are reported asynchronously after the first commit.
			await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)))
			expect(await page.locator('html').getAttribute('lang'), path).toBe('sr-Cyrl')
			watch.check()
		}
	})
})

describe('error pages hydrate without an error', () => {
	test.each(LOCALES)('%s: an unknown address (also under /admin), event and ticket', async (locale) => {
		for (const path of ['/no-such-page', '/admin/no-such-page', '/events/no-such-event', '/tickets/no-such-ticket-token-000000000000000']) {
			await watch.expecting(/^HTTP 404 /, async () => {
				const response = await page.goto(`${server.url}${path}?lang=${locale}`)
				expect(response?.status(), path).toBe(404)
				await waitForHydration(page)
				await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)))
			})
			expect(await page.locator('html').getAttribute('lang'), path).toBe(locale)
			watch.check()
		}
	})
})
