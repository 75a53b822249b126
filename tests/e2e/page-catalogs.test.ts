// Issue 17 / decision 0012: a hydrated page makes the browser fetch only the message catalogs its
// render used, in its own language (never the admin or mail texts on a public page), and hydrates
// with them without an error in all three languages; the language links still switch the page,
// and a client-side navigation to a page that needs other namespaces fetches them.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, loginAsAdmin, newPhoneContext, waitForHydration, watchPageErrors, type PageErrorWatch } from '#tests/support/browser.ts'
import { apiCall } from '#tests/support/api-client.ts'
import { seedDemo } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const

let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
let watch: PageErrorWatch
let fairSlug: string
let ticketPath: string

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	await seedDemo(server)
	const { body } = await apiCall(server.url, 'GET', '/api/v1/events')
	const events = body.events as { slug: string; kind: string }[]
	fairSlug = events.find((event) => event.kind === 'fair')!.slug
	const promo = events.find((event) => event.kind !== 'fair')!
	const registered = await apiCall(server.url, 'POST', `/api/v1/events/${promo.slug}/registrations`, {
		body: { name: 'Ana Marković', email: 'ana.markovic@example.rs', partySize: 1, consent: { privacy: true } },
	})
	expect(registered.status, registered.text).toBe(201)
	ticketPath = new URL(registered.body.registration.manageUrl).pathname
	context = await newPhoneContext(browser)
	watch = watchPageErrors(context)
	page = await context.newPage()
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

/** The catalogs the page names (namespace → address) and the catalogs the browser fetched while loading it. */
async function visit(path: string): Promise<{ named: Map<string, string>; fetched: string[] }> {
	const fetched: string[] = []
	const onRequest = (request: { url(): string }) => {
		const url = new URL(request.url())
		if (url.pathname.endsWith('.json') && url.pathname.startsWith('/assets/')) fetched.push(url.pathname)
	}
	page.on('request', onRequest)
	try {
		await page.goto(`${server.url}${path}`)
		await waitForHydration(page)
		// Hydration mismatches are reported asynchronously after the first commit.
		await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)))
	} finally {
		page.off('request', onRequest)
	}
	const links = await page
		.locator('link[data-i18n-ns]')
		.evaluateAll((elements) => elements.map((e) => [e.getAttribute('data-i18n-ns')!, new URL((e as HTMLLinkElement).href).pathname] as const))
	return { named: new Map(links), fetched }
}

describe('a hydrated page fetches only its own catalogs', () => {
	test.each(LOCALES)('%s: apply, map, scan, ticket and the admin dashboard hydrate without an error', async (locale) => {
		await context.clearCookies()
		await page.goto(`${server.url}/?lang=${locale}`)
		const publicPages = [`/fairs/${fairSlug}/apply`, `/fairs/${fairSlug}/map`, '/scan', ticketPath]
		for (const path of publicPages) {
			const { named, fetched } = await visit(path)
			// A ticket page speaks its owner's language (Serbian, Latin here), whatever the reader chose.
			if (path !== ticketPath) expect(await page.locator('html').getAttribute('lang'), path).toBe(locale)
			expect(named.has('common'), path).toBe(true)
			for (const namespace of ['admin', 'mail', 'survey-admin', 'accounts']) expect(named.has(namespace), `${path} names ${namespace}`).toBe(false)
			// Exactly the named catalogs (the preloads are used, nothing else is asked for).
			expect([...new Set(fetched)].sort(), path).toEqual([...named.values()].sort())
			watch.check()
		}
		expect((await visit(`/fairs/${fairSlug}/apply`)).named.has('apply')).toBe(true)
		expect((await visit('/scan')).named.has('scan')).toBe(true)
		await loginAsAdmin(page, server)
		const admin = await visit('/admin')
		expect(admin.named.has('admin')).toBe(true)
		expect(await page.locator('html').getAttribute('lang')).toBe(locale)
		watch.check()
		await context.clearCookies()
	})
})

describe('the language still switches', () => {
	test('the apply page from Serbian (Latin) to English and to Cyrillic', async () => {
		await visit(`/fairs/${fairSlug}/apply?lang=sr-Latn`)
		const latin = await page.locator('h1').textContent()
		await Promise.all([page.waitForURL(/lang=en/), page.locator('.lang-switch a[hreflang=en]').click()])
		await waitForHydration(page)
		expect(await page.locator('html').getAttribute('lang')).toBe('en')
		const english = await page.locator('h1').textContent()
		expect(english).not.toBe(latin)
		// The form's own texts come from the English catalogs after hydration too.
		expect(await page.locator('.lang-switch a[aria-current=true]').textContent()).toBe('English')
		await Promise.all([page.waitForURL(/lang=sr-Cyrl/), page.locator('.lang-switch a[hreflang=sr-Cyrl]').click()])
		await waitForHydration(page)
		expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl')
		expect(await page.locator('h1').textContent()).toMatch(/[\u0400-\u04FF]/)
		watch.check()
	})
})

describe('a client-side navigation fetches what the next page needs', () => {
	test('from the admin dashboard to an event of the admin', async () => {
		await context.clearCookies()
		await page.goto(`${server.url}/?lang=en`)
		await loginAsAdmin(page, server)
		await visit('/admin')
		const link = page.locator('main a[href^="/admin/events/"]').first()
		const target = await link.getAttribute('href')
		await Promise.all([page.waitForURL((url) => url.pathname === target), link.click()])
		await page.locator('h1').waitFor()
		await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)))
		// No raw key ("events.title") where a text belongs.
		expect(await page.locator('main').textContent()).not.toMatch(/\b[a-z]+\.[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+\b/)
		watch.check()
	})
})
