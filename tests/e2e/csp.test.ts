// The pages run under a Content-Security-Policy whose scripts are our own files and the inline
// scripts carrying this response's nonce: no 'unsafe-inline', no eval (zod's compiled parsers are
// off in the browser). In Chromium, the public pages, a form's client-side validation, the scanner
// and the admin hydrate and report no CSP violation.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, loginAsAdmin, waitForHydration } from '#tests/support/browser.ts'
import { checkPageErrorsAfterEach, type WatchedPage } from '#tests/support/journey.ts'
import { organizerApi, seedDemo, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let api: OrganizerApi
let browser: Browser
let fairSlug: string
let promoSlug: string

const contexts = checkPageErrorsAfterEach()

declare global {
	interface Window {
		__cspViolations?: string[]
	}
}

/** A desktop page that records every `securitypolicyviolation` its documents report. */
async function watchedPage(): Promise<WatchedPage> {
	const watched = await contexts.desktop(browser)
	await watched.context.addInitScript(() => {
		window.__cspViolations = []
		document.addEventListener('securitypolicyviolation', (event) => {
			window.__cspViolations!.push(
				`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
			)
		})
	})
	return watched
}

async function expectNoViolations(page: Page) {
	// A violation is reported asynchronously; give it a frame to arrive.
	await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)))
	expect(await page.evaluate(() => window.__cspViolations ?? ['the recorder did not run']), page.url()).toEqual([])
}

/** Opens a page, checks it came with the nonce policy, waits for React, and checks for violations. */
async function visit(page: Page, path: string) {
	const response = await page.goto(server.url + path)
	expect(response?.status(), path).toBe(200)
	const csp = (await response!.allHeaders())['content-security-policy'] ?? ''
	expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
	expect(/script-src ([^;]+)/.exec(csp)?.[1], path).not.toContain('unsafe-inline')
	await waitForHydration(page)
	await expectNoViolations(page)
}

beforeAll(async () => {
	server = await startServer()
	await seedDemo(server)
	api = await organizerApi(server)
	const events = await api.listPublished()
	fairSlug = events.find((e) => e.kind === 'fair')!.slug
	promoSlug = events.find((e) => e.kind !== 'fair')!.slug
	browser = await launchBrowser()
}, 90_000)

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

test('the public pages hydrate and validate forms in the browser without a CSP violation', async () => {
	const { page, watch } = await watchedPage()
	await visit(page, '/')
	// The event page needs no JavaScript (issue 17): it carries no script, and an empty
	// registration is checked by the server, whose answer marks the fields.
	await visit(page, `/events/${promoSlug}`)
	expect(await page.locator('script').count()).toBe(0)
	await watch.expecting(/^HTTP 400 POST /, async () => {
		await page.locator('form[method=post] button[type=submit]').first().click()
		await page.locator('[aria-invalid=true]').first().waitFor()
	})
	await expectNoViolations(page)
	// The application form is hydrated (its logo is checked before upload) but has no zod in the
	// browser (decision 0012): the server checks an empty form and its answer marks the fields.
	await visit(page, `/fairs/${fairSlug}/apply`)
	await watch.expecting(/^HTTP 422 POST /, async () => {
		await page.locator('form[method=post] button[type=submit]').last().click()
		await page.locator('[aria-invalid=true]').first().waitFor()
	})
	await expectNoViolations(page)
	await visit(page, `/fairs/${fairSlug}/map`)
	await visit(page, '/privacy')
	// A client-side navigation loads route modules and data under the same policy.
	await page.goto(`${server.url}/`)
	await waitForHydration(page)
	await page.locator(`a[href="/events/${promoSlug}"]`).first().click()
	await page.waitForURL(`${server.url}/events/${promoSlug}`)
	await expectNoViolations(page)
}, 60_000)

test('the scanner opened from a scanner link runs (service worker, ZXing, IndexedDB) without a CSP violation', async () => {
	const { page } = await watchedPage()
	const response = await fetch(`${server.url}/api/v1/events/${promoSlug}/scanner-links`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ expiresAt: new Date(Date.now() + 3600_000).toISOString(), label: 'CSP' }),
	})
	expect(response.status).toBe(201)
	const link = (await response.json()) as { url: string }
	await page.goto(link.url)
	await page.waitForURL(`${server.url}/scan?event=${promoSlug}`)
	await waitForHydration(page)
	await page.locator('.scan-event-title').first().waitFor()
	// Typing a code checks it with the scanner's zod schemas and asks the API with JSON.
	await expectNoViolations(page)
}, 60_000)

test('the admin (logged in with the session cookie) hydrates without a CSP violation', async () => {
	const { page } = await watchedPage()
	await loginAsAdmin(page, server)
	await waitForHydration(page)
	await expectNoViolations(page)
	await visit(page, '/admin/events/new')
	await visit(page, '/admin/outbox')
	// The scanner page of an organizer calls the API with the session cookie (JSON, same origin).
	await page.goto(`${server.url}/scan?event=${promoSlug}`)
	await waitForHydration(page)
	await page.locator('.scan-event-title').first().waitFor()
	await expectNoViolations(page)
}, 60_000)
