// What the e2e files share: steps that make one journey (a failed step skips the later ones),
// browser contexts whose page errors fail the step they happen in, screenshots kept for people to
// look at (test-results/screenshots/), and the checks every page gets (no sideways scroll on a
// phone, axe-core).
import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterEach, beforeEach, expect } from 'vitest'
import {
	PHONE,
	describeViolations,
	launchBrowser,
	newDesktopContext,
	newPhoneContext,
	runAxe,
	scrollWidth,
	seriousViolations,
	watchPageErrors,
	type PageErrorWatch,
} from '#tests/support/browser.ts'
import { startMailServer, TEST_MAIL_FROM, type TestMailServer } from '#tests/support/mail-server.ts'
import { ROOT, startServer, type TestServer } from '#tests/support/server.ts'

export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots')

export type JourneyServers = {
	smtp: TestMailServer
	server: TestServer
	browser: Browser
	/** Closes the browser and stops both servers. */
	close(): Promise<void>
}

/**
 * What a journey with mail runs against: a test SMTP server, the built server sending to it
 * (SMTP_URL, MAIL_FROM = TEST_MAIL_FROM, `env` over them) and Chromium.
 */
export async function startJourneyServers(env: Record<string, string> = {}): Promise<JourneyServers> {
	const smtp = await startMailServer()
	const [server, browser] = await Promise.allSettled([startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: TEST_MAIL_FROM, ...env } }), launchBrowser()])
	if (server.status === 'rejected' || browser.status === 'rejected') {
		if (browser.status === 'fulfilled') await browser.value.close()
		if (server.status === 'fulfilled') await server.value.stop()
		await smtp.close()
		throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason
	}
	return {
		smtp,
		server: server.value,
		browser: browser.value,
		async close() {
			await browser.value.close()
			await server.value.stop()
			await smtp.close()
		},
	}
}

export type WatchedPage = { context: BrowserContext; page: Page; watch: PageErrorWatch }

/** Opens browser contexts (Serbian unless `options.locale` says otherwise) whose page errors are checked after each test. */
export type WatchedContexts = {
	/** A phone: 390 px, touch. */
	phone(browser: Browser, options?: BrowserContextOptions): Promise<WatchedPage>
	/** A desktop: 1280 px. */
	desktop(browser: Browser, options?: BrowserContextOptions): Promise<WatchedPage>
}

/** Registers an afterEach that fails a test on the errors its pages reported (uncaught exceptions, console.error). */
export function checkPageErrorsAfterEach(): WatchedContexts {
	const watches: PageErrorWatch[] = []
	afterEach(() => {
		for (const watch of watches) watch.check()
	})
	const open = async (context: BrowserContext): Promise<WatchedPage> => {
		const watch = watchPageErrors(context)
		watches.push(watch)
		return { context, page: await context.newPage(), watch }
	}
	return {
		phone: async (browser, options = {}) => open(await newPhoneContext(browser, { locale: 'sr-RS', ...options })),
		desktop: async (browser, options = {}) => open(await newDesktopContext(browser, { locale: 'sr-RS', ...options })),
	}
}

/** The file's tests are the steps of one journey: after a failed step the later ones are skipped, not failed in a cascade. */
export function skipAfterFailedStep() {
	let failedStep: string | undefined
	beforeEach(({ task, skip, onTestFailed }) => {
		if (failedStep) skip(`an earlier step failed: ${failedStep}`)
		onTestFailed(() => {
			failedStep ??= task.name
		})
	})
}

/** Steps of one journey (see skipAfterFailedStep) in contexts whose page errors are checked after each step. */
export function useJourneySteps(): WatchedContexts {
	skipAfterFailedStep()
	return checkPageErrorsAfterEach()
}

/** Keeps a screenshot as test-results/screenshots/<name>.png (the whole page unless `fullPage: false`). */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}) {
	mkdirSync(SCREENSHOTS, { recursive: true })
	const file = path.join(SCREENSHOTS, `${name}.png`)
	await page.screenshot({ path: file, fullPage })
	expect(statSync(file).size).toBeGreaterThan(10_000)
}

/** The page's text, white space folded. */
export async function bodyText(page: Page) {
	return (await page.locator('body').innerText()).replace(/\s+/g, ' ')
}

export async function expectNoSidewaysScroll(page: Page) {
	expect(await scrollWidth(page), `${page.url()} scrolls sideways at ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width)
}

/** No serious axe-core violations; `what` names the page in the failure (its address if not given). */
export async function expectAccessible(page: Page, what?: string) {
	const serious = seriousViolations(await runAxe(page))
	expect(describeViolations(serious), `axe-core on ${what ?? page.url()}`).toBe('')
}
