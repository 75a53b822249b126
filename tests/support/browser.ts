// Real Chromium for the e2e tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
// download). Helpers for the two devices we care about (a cheap phone and a desktop), axe-core
// checks, failing on errors the page reports, and logging in as the test admin.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core'
import type { TestServer } from './server.ts'

export const CHROMIUM_PATH = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
]

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

export const PHONE = { width: 390, height: 844 } as const
export const DESKTOP = { width: 1280, height: 900 } as const

/** A mid-range phone: 390 px wide, touch, mobile viewport rules. */
export function newPhoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	return browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...options })
}

export function newDesktopContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	return browser.newContext({ viewport: DESKTOP, ...options })
}

export type AxeViolation = {
	id: string
	impact: 'minor' | 'moderate' | 'serious' | 'critical' | null
	help: string
	helpUrl: string
	nodes: { target: string[]; html: string; failureSummary?: string }[]
}

let axeSource: string | undefined

/** Runs axe-core (WCAG 2.x A/AA rules and best practices) on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
	axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
	// Evaluated through the DevTools protocol, not as an inline <script>: the pages' CSP (a nonce,
	// no 'unsafe-inline') would refuse a script tag.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe
		const result = await axe.run(document, { resultTypes: ['violations'] })
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			helpUrl: v.helpUrl,
			nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
		}))
	})
}

/** The violations a person would be blocked by: impact serious or critical. */
export function seriousViolations(violations: AxeViolation[]): AxeViolation[] {
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** One line per violation and node, to read in a failure message. */
export function describeViolations(violations: AxeViolation[]): string {
	return violations
		.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}`).join('\n')}`)
		.join('\n')
}

export type PageErrorWatch = {
	/** What the pages reported so far (uncaught exceptions, console.error, CSP violations, HTTP errors). */
	readonly errors: string[]
	/** Throws with every error seen since the last check, then forgets them. */
	check(): void
	/** Runs `fn` while errors matching `pattern` are expected (e.g. `/^HTTP 404 /` for a missing page). */
	expecting<T>(pattern: RegExp, fn: () => Promise<T>): Promise<T>
}

/** Reported by the pages to the console, so it reaches the watch like any console.error. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
	console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber)
})`

/**
 * Collects what goes wrong in every page of the context: uncaught exceptions, the page's own
 * console.error calls, CSP violations, and answers of 400 and above to the page's requests. Call
 * `check()` after each test (afterEach), so a broken hydration or a CSP refusal fails the test.
 *
 * Only structured facts count, never the wording of the browser's own log lines: those change
 * from one Chromium version to the next ("Failed to load resource: net::ERR_…"), and a request
 * that fails because the network is down is something the page must handle, not an error of
 * the page. The browser's log entries are told from the page's console calls by their arguments:
 * a page's console.error carries them, the browser's entries have none.
 */
export function watchPageErrors(context: BrowserContext): PageErrorWatch {
	const errors: string[] = []
	const expected: RegExp[] = []
	const record = (text: string) => {
		if (!expected.some((pattern) => pattern.test(text))) errors.push(text)
	}
	void context.addInitScript({ content: REPORT_CSP_VIOLATIONS })
	const watchPage = (page: Page) => {
		page.on('pageerror', (error) => record(`pageerror on ${page.url()}: ${error.stack ?? error.message}`))
		page.on('console', (message: ConsoleMessage) => {
			if (message.type() !== 'error' || message.args().length === 0) return
			const where = message.location()
			record(`console.error on ${page.url()}: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`)
		})
		page.on('response', (response) => {
			if (response.status() < 400) return
			const url = new URL(response.url())
			// Chromium asks for /favicon.ico on its own (we link an SVG icon); that is not the page's doing.
			if (url.pathname === '/favicon.ico') return
			record(`HTTP ${response.status()} ${response.request().method()} ${url.pathname}${url.search} on ${page.url()}`)
		})
	}
	context.pages().forEach(watchPage)
	context.on('page', watchPage)
	return {
		errors,
		check() {
			if (errors.length === 0) return
			const text = errors.splice(0).join('\n')
			throw new Error(`The page reported errors:\n${text}`)
		},
		async expecting(pattern, fn) {
			expected.push(pattern)
			try {
				return await fn()
			} finally {
				expected.splice(expected.indexOf(pattern), 1)
			}
		},
	}
}

/** Logs in through the login form (works with or without JavaScript); ends on /admin. */
export async function loginAsAdmin(page: Page, server: Pick<TestServer, 'url' | 'admin'>, redirectTo?: string) {
	const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''
	await page.goto(`${server.url}/admin/login${query}`)
	await page.locator('input[name=email]').fill(server.admin.email)
	await page.locator('input[name=password]').fill(server.admin.password)
	await Promise.all([page.waitForURL((url) => url.pathname !== '/admin/login'), page.locator('form button[type=submit]').click()])
	// With JavaScript the address changes a moment before the next page is rendered.
	await page.locator('input[name=password]').waitFor({ state: 'detached' })
}

/**
 * Waits until React has hydrated the page (the footer, rendered last, has its fiber), so a test
 * may touch the DOM without causing a hydration mismatch. A page that needs no JavaScript (a route
 * with STATIC_PAGE, app/utils/page-handle.ts) carries no script at all: it is ready once loaded.
 */
export async function waitForHydration(page: Page) {
	await page.waitForFunction(() => {
		const footer = document.querySelector('footer')
		if (footer === null) return false
		if (document.readyState !== 'loading' && document.querySelector('script') === null) return true
		return Object.keys(footer).some((key) => key.startsWith('__reactFiber$'))
	})
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))))
}

/** No sideways scrolling: the page is no wider than the viewport. */
export function scrollWidth(page: Page): Promise<number> {
	return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)
}
