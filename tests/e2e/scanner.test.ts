// The door scanner (/scan) in Chromium on a 390 px phone whose camera is Chromium's fake capture
// device playing a video of a real ticket's QR code (tests/support/fake-camera.ts). Nothing of the
// app is mocked: the built server, its API, the page, the ZXing .wasm served by us, IndexedDB and
// the service worker.
//
// One door, in order: a volunteer opens a scanner link a year before the event (the page says
// the event is not today, and scans all the same); Ana's ticket read through the camera is
// welcomed (green) and the counts show her party at once; held up while the camera reads it
// again, it stays one green welcome and one scan; read again after the re-read window (the page's
// clock is Playwright's, moved forward) it is "already checked in" (amber); forged, altered,
// cancelled and other-event codes are refused (red). A second phone loses the network, reloads the page from its
// service worker, scans Branko through the camera and Ana by code, queues both, and syncs when
// the network is back: the counts are exact. An expired or revoked link is refused, an organizer
// checks a visitor in by name, with and without JavaScript.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { REREAD_WINDOW_MS } from '#app/domain/checkin-rules.ts'
import { formatLongDate } from '#app/domain/format.ts'
import { readTicketCode } from '#app/domain/ticket-code.ts'
import { signTicketCode } from '#app/domain/ticket-signature.ts'
import scanSr from '#app/locales/sr-Latn/scan.json'
import { PHONE, launchBrowser, loginAsAdmin, newPhoneContext, waitForHydration, type PageErrorWatch } from '#tests/support/browser.ts'
import { launchBrowserWithCamera, writeQrVideo } from '#tests/support/fake-camera.ts'
import {
	checkPageErrorsAfterEach,
	expectAccessible,
	expectNoSidewaysScroll,
	screenshot,
	skipAfterFailedStep,
	type WatchedPage,
} from '#tests/support/journey.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

const FAIR = { slug: 'mini-sajam-test', title: 'Mini-sajam socijalnog preduzetništva' }
const OTHER = { slug: 'okrugli-sto-test', title: 'Okrugli sto o zapošljavanju' }

type Visitor = { name: string; email: string; partySize: number }
const ANA: Visitor = { name: 'Ana Jovanović', email: 'ana.jovanovic@primer.rs', partySize: 3 }
const BRANKO: Visitor = { name: 'Branko Stojković', email: 'branko.stojkovic@primer.rs', partySize: 2 }
const CVETA: Visitor = { name: 'Cveta Đorđević', email: 'cveta.djordjevic@primer.rs', partySize: 1 }
const DRAGAN: Visitor = { name: 'Dragan Marković', email: 'dragan.markovic@primer.rs', partySize: 1 }
const EVA: Visitor = { name: 'Eva Nikolić', email: 'eva.nikolic@primer.rs', partySize: 2 }
const GORAN: Visitor = { name: 'Goran Ilić', email: 'goran.ilic@primer.rs', partySize: 1 }

type ApiRegistration = { id: number; email: string; status: string; manageUrl: string; ticket?: { code: string } }
type Stats = { registered: number; checkedIn: number; persons: number; scans: number }

let server: TestServer
let api: OrganizerApi
let tempDir: string
const browsers: Browser[] = []
const codes = {} as Record<'ana' | 'branko' | 'cveta' | 'dragan' | 'eva' | 'goran', string>

async function call(method: string, url: string, token: string | undefined, body?: unknown) {
	const headers: Record<string, string> = {}
	if (token) headers.Authorization = `Bearer ${token}`
	if (body !== undefined) headers['Content-Type'] = 'application/json'
	const response = await fetch(server.url + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
	const text = await response.text()
	return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

async function register(slug: string, visitor: Visitor): Promise<ApiRegistration> {
	const created = await call('POST', `/api/v1/events/${slug}/registrations`, undefined, { ...visitor, consent: { privacy: true } })
	expect(created.status, JSON.stringify(created.body)).toBe(201)
	const list = await call('GET', `/api/v1/events/${slug}/registrations`, api.token)
	const found = (list.body.registrations as ApiRegistration[]).find((r) => r.email === visitor.email)!
	expect(found.status).toBe('confirmed')
	expect(found.ticket?.code).toMatch(/^[A-Za-z0-9_-]{108}$/)
	// The private link exists only in the answer that created it (lists cannot rebuild it).
	return { ...found, manageUrl: created.body.registration.manageUrl }
}

async function stats(slug = FAIR.slug): Promise<Stats> {
	const answer = await call('GET', `/api/v1/events/${slug}/checkins/stats`, api.token)
	expect(answer.status).toBe(200)
	return answer.body
}

/** A scanner link for an event, made through the organizer API: {token, url, link: {id}}. */
async function scannerLink(slug: string, hours = 12): Promise<{ token: string; url: string; link: { id: number } }> {
	const answer = await call('POST', `/api/v1/events/${slug}/scanner-links`, api.token, {
		expiresAt: new Date(Date.now() + hours * 3600_000).toISOString(),
		label: 'Ulaz A',
	})
	expect(answer.status, JSON.stringify(answer.body)).toBe(201)
	expect(answer.body.url).toContain('/scan?')
	return answer.body
}

beforeAll(async () => {
	tempDir = mkdtempSync(path.join(os.tmpdir(), 'sajam-scanner-'))
	server = await startServer()
	api = await organizerApi(server)
	for (const event of [FAIR, OTHER]) {
		await api.create({
			title: event.title,
			slug: event.slug,
			kind: event === FAIR ? 'fair' : 'roundtable',
			startsAt: `${NEXT_YEAR}-05-16T10:00:00+02:00`,
			endsAt: `${NEXT_YEAR}-05-16T18:00:00+02:00`,
			venue: { name: 'Kulturni centar', address: 'Trg kosovskih junaka 1', city: 'Kruševac' },
			capacity: 100,
			maxPartySize: 4,
			status: 'published',
		})
	}
	codes.ana = (await register(FAIR.slug, ANA)).ticket!.code
	codes.branko = (await register(FAIR.slug, BRANKO)).ticket!.code
	const cveta = await register(FAIR.slug, CVETA)
	codes.cveta = cveta.ticket!.code
	const manageToken = cveta.manageUrl.split('/').at(-1)!
	expect((await call('POST', `/api/v1/tickets/${manageToken}/cancel`, undefined, {})).status).toBe(200)
	codes.dragan = (await register(FAIR.slug, DRAGAN)).ticket!.code
	codes.eva = (await register(FAIR.slug, EVA)).ticket!.code
	codes.goran = (await register(OTHER.slug, GORAN)).ticket!.code
})

afterAll(async () => {
	for (const browser of browsers) await browser.close()
	await server?.stop()
	if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

// The steps are one door's day: after a failed step the later ones are skipped, not failed in a cascade.
skipAfterFailedStep()
const contexts = checkPageErrorsAfterEach()

let plain: Promise<Browser> | undefined

/** One Chromium without a camera, shared by the steps that need none. */
function plainBrowser(): Promise<Browser> {
	plain ??= launchBrowser().then((browser) => {
		browsers.push(browser)
		return browser
	})
	return plain
}

/** A Chromium whose camera shows this ticket's QR code, and a phone context allowed to use it. */
async function phoneWithCamera(code: string, name: string): Promise<WatchedPage> {
	const video = path.join(tempDir, `${name}.y4m`)
	writeQrVideo(code, video)
	const browser = await launchBrowserWithCamera(video)
	browsers.push(browser)
	return contexts.phone(browser, { permissions: ['camera'] })
}

/** What the phone's screen shows (not the whole page), as test-results/screenshots/<name>-390.png. */
const phoneScreenshot = (page: Page, name: string) => screenshot(page, `${name}-${PHONE.width}`, { fullPage: false })

const verdict = (page: Page) => page.locator('.scan-verdict')

/** The first of the scanner's counts: persons inside, as the page shows it now. */
const personsShown = (page: Page, source: 'server' | 'phone' = 'server') =>
	page.locator(`[data-testid=counts][data-source=${source}] strong`).first().innerText()

/** Waits for the verdict overlay with this result, from this source; returns its text. */
async function expectVerdict(page: Page, result: string, source: 'local' | 'server' | 'any' = 'server', timeout = 15_000) {
	const selector = `.scan-verdict[data-verdict="${result}"]${source === 'any' ? '' : `[data-source="${source}"]`}`
	await page.locator(selector).waitFor({ timeout })
	return (await page.locator(selector).innerText()).replace(/\s+/g, ' ')
}

async function dismissVerdict(page: Page) {
	if (await verdict(page).count()) await page.getByRole('button', { name: scanSr.verdict.dismiss }).click()
	await verdict(page).waitFor({ state: 'detached' })
}

/** Types a code into the code field (as a handheld scanner would) and submits it. */
async function enterCode(page: Page, code: string) {
	await page.getByLabel(scanSr.manual.codeLabel, { exact: true }).fill(code)
	await page.getByRole('button', { name: scanSr.manual.codeSubmit }).click()
}

async function queued(page: Page): Promise<number> {
	return Number(await page.locator('.scanner').getAttribute('data-queued'))
}

/** The dataset for this event is in IndexedDB (the status line says how many tickets it holds). */
async function waitForDataset(page: Page) {
	await page.getByText(/^Spisak ulaznica na telefonu:/).waitFor({ timeout: 15_000 })
}

// Chromium reports a refused API call (401) as a console error; the page expects it here.
const REFUSED = /^HTTP 401 /

describe('scanner link, camera and verdicts', () => {
	let page: Page
	let watch: PageErrorWatch
	let link: { token: string; url: string; link: { id: number } }
	const requested: string[] = []

	test('a scanner link authorises the phone and leaves the address bar at once', async () => {
		const phone = await phoneWithCamera(codes.ana, 'ana')
		page = phone.page
		watch = phone.watch
		phone.context.on('request', (request) => requested.push(request.url()))
		// The page's clock (Date, timers, performance.now) runs as usual until a step moves it on.
		await page.clock.install()
		link = await scannerLink(FAIR.slug)
		await page.goto(link.url)
		await waitForHydration(page)
		await waitForDataset(page)
		await page.waitForURL(`${server.url}/scan?event=${FAIR.slug}`)
		const stored = await page.evaluate(() => localStorage.getItem('sajam-scan-link'))
		expect(JSON.parse(stored!)).toMatchObject({ token: link.token, event: FAIR.slug })
		await expect.poll(() => page.locator('.scan-event-title').first().innerText()).toBe(FAIR.title)
		expect(await page.locator('[data-testid=network]').innerText()).toBe(scanSr.status.online)
		await expectNoSidewaysScroll(page)
		await expectAccessible(page)
	})

	test('opened a year before the event, the scanner says it is not today, with the date', async () => {
		const notice = page.getByTestId('not-today')
		await notice.waitFor()
		expect(await notice.getAttribute('data-day')).toBe('before')
		const text = (await notice.innerText()).replace(/\s+/g, ' ')
		expect(text).toContain(scanSr.notToday.before)
		const date = formatLongDate(new Date(`${NEXT_YEAR}-05-16T10:00:00+02:00`), 'sr-Latn')
		expect(date).toMatch(/^[a-z]+, 16\. maj \d{4}\.$/)
		expect(text).toContain(scanSr.notToday.date.replace('{{date}}', date))
		expect(text).toContain(scanSr.notToday.still)
		// Scanning stays possible (the next steps scan).
		expect(await page.getByRole('button', { name: scanSr.start }).isEnabled()).toBe(true)
		await expectNoSidewaysScroll(page)
		await phoneScreenshot(page, 'scan-not-today')
	})

	test('the first read through the camera is a green welcome with name and party size', async () => {
		await page.getByRole('button', { name: scanSr.start }).click()
		await page.locator('.scan-camera[data-reading=true]').waitFor({ timeout: 15_000 })
		const text = await expectVerdict(page, 'ok', 'any')
		expect(text).toContain(scanSr.verdict.title.ok)
		expect(text).toContain(ANA.name)
		expect(text).toContain(scanSr.verdict.party_few.replace('{{count}}', '3'))
		await phoneScreenshot(page, 'scan-green')
		// The server agrees, and counts her party.
		await expectVerdict(page, 'ok', 'server')
		expect(await stats()).toMatchObject({ checkedIn: 1, persons: ANA.partySize, scans: 1 })
		// The page's counts too, at once (not at the next refresh, 30 s later).
		await expect.poll(() => personsShown(page), { timeout: 2_000 }).toBe(String(ANA.partySize))
	})

	test('the ZXing reader came from our own origin, and nothing from anywhere else', async () => {
		const wasm = requested.filter((url) => url.endsWith('.wasm'))
		expect(wasm.length).toBeGreaterThan(0)
		for (const url of wasm) expect(url).toMatch(new RegExp(`^${server.url}/scanner/zxing_reader-[0-9.]+\\.wasm$`))
		const foreign = requested.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:'))
		expect(foreign).toEqual([])
		const response = await fetch(wasm[0]!)
		expect(response.headers.get('content-type')).toBe('application/wasm')
	})

	test('the ticket still held up is read again: the same green welcome, no second scan', async () => {
		const scansSent = () => requested.filter((url) => url === `${server.url}/api/v1/checkins`).length
		expect(scansSent()).toBe(1)
		// The welcome goes by itself, the camera keeps reading underneath.
		await verdict(page).waitFor({ state: 'detached', timeout: 5_000 })
		// The same code is ignored for about three seconds, then read again: still Ana's arrival.
		const text = await expectVerdict(page, 'ok', 'server', 5_000)
		expect(text).toContain(scanSr.verdict.title.ok)
		expect(text).toContain(ANA.name)
		await phoneScreenshot(page, 'scan-green-held')
		// Nothing was queued or sent, and the log has the one scan.
		expect(await queued(page)).toBe(0)
		expect(scansSent()).toBe(1)
		expect(await stats()).toMatchObject({ checkedIn: 1, scans: 1 })
	})

	test('the same ticket read again after the window is amber: already checked in, at what time, on which device', async () => {
		// Ten seconds on the page's clock: the camera reads the code again, now a second entry.
		await page.clock.fastForward(REREAD_WINDOW_MS)
		const text = await expectVerdict(page, 'already_checked_in', 'any', 20_000)
		expect(text).toContain(scanSr.verdict.title.already_checked_in)
		expect(text).toContain(ANA.name)
		expect(text).toMatch(/Ušao\/la u \d\d:\d\d \(uređaj ovaj telefon\)/)
		await phoneScreenshot(page, 'scan-amber')
		await expectVerdict(page, 'already_checked_in', 'server')
		await page.getByRole('button', { name: scanSr.camera.close }).first().click()
		await page.locator('.scan-camera').waitFor({ state: 'detached' })
		await dismissVerdict(page)
		expect(await stats()).toMatchObject({ checkedIn: 1, persons: ANA.partySize, scans: 2 })
		await phoneScreenshot(page, 'scan-camera-closed')
	})

	test('forged, altered, cancelled and other-event codes are refused in red', async () => {
		// Forged: a well-formed code signed with a key that is not ours (same key id).
		const read = readTicketCode(codes.ana)
		if (!read.readable) throw new Error(`not a ticket code: ${read.reason}`)
		const { claims } = read
		const { privateKey } = generateKeyPairSync('ed25519')
		const forged = signTicketCode({ keyId: claims.keyId, eventId: claims.eventId, registrationId: claims.registrationId, nonce: randomBytes(6) }, privateKey)
		// Altered: Branko's real code with one character of the signed part changed (another registration id).
		const i = 12
		const altered = codes.branko.slice(0, i) + (codes.branko[i] === 'A' ? 'B' : 'A') + codes.branko.slice(i + 1)
		const cases = [
			{ code: forged, result: 'invalid', title: scanSr.verdict.title.invalid },
			{ code: altered, result: 'invalid', title: scanSr.verdict.title.invalid },
			{ code: 'https://example.com/not-a-ticket', result: 'invalid', title: scanSr.verdict.title.invalid },
			{ code: codes.cveta, result: 'cancelled', title: scanSr.verdict.title.cancelled },
			{ code: codes.goran, result: 'wrong_event', title: scanSr.verdict.title.wrong_event },
		]
		for (const { code, result, title } of cases) {
			await enterCode(page, code)
			// Decided on the phone at once, then confirmed by the server.
			const text = await expectVerdict(page, result, 'any')
			expect(text).toContain(title)
			expect(await verdict(page).evaluate((el) => el.classList.contains('red'))).toBe(true)
			await expectVerdict(page, result, 'server')
			if (result === 'wrong_event') {
				// Another event's visitor is none of this door's business: no name.
				expect(text).not.toContain(GORAN.name)
				await phoneScreenshot(page, 'scan-red')
			}
			if (result === 'cancelled') expect(text).toContain(CVETA.name)
			await dismissVerdict(page)
		}
		expect(await stats()).toMatchObject({ checkedIn: 1, persons: ANA.partySize })
		expect(await stats(OTHER.slug)).toMatchObject({ checkedIn: 0 })
		await expect.poll(() => queued(page)).toBe(0)
	})

	test('a link for one event cannot check in at another, even through the API', async () => {
		const other = await call('POST', '/api/v1/checkins', link.token, { code: codes.goran, event: OTHER.slug })
		expect(other.status).toBe(403)
		const stats = await call('GET', `/api/v1/events/${OTHER.slug}/checkins/stats`, link.token)
		expect(stats.status).toBe(403)
	})

	test('a revoked link is refused with a clear message, and the names leave the phone', async () => {
		const revoked = await call('POST', `/api/v1/scanner-links/${link.link.id}/revoke`, api.token, {})
		expect(revoked.status).toBe(200)
		await watch.expecting(REFUSED, async () => {
			await page.reload()
			await waitForHydration(page)
			await page.getByText(scanSr.problem.expired).waitFor()
		})
		expect(await page.getByRole('button', { name: scanSr.start }).count()).toBe(0)
		const dataset = (slug: string) =>
			page.evaluate(
				(slug) =>
					new Promise<unknown>((resolve) => {
						const open = indexedDB.open('sajam-scan')
						open.onsuccess = () => {
							const get = open.result.transaction('datasets').objectStore('datasets').get(slug)
							get.onsuccess = () => resolve(get.result ?? null)
						}
					}),
				slug,
			)
		await expect.poll(() => dataset(FAIR.slug)).toBeNull()
		await page.getByRole('button', { name: scanSr.problem.forget }).click()
		await page.waitForURL(`${server.url}/scan`)
		expect(await page.evaluate(() => localStorage.getItem('sajam-scan-link'))).toBeNull()
	})
})

describe('offline', () => {
	let context: BrowserContext
	let page: Page

	test('the page, its scripts and the QR reader are kept by the service worker', async () => {
		;({ context, page } = await phoneWithCamera(codes.branko, 'branko'))
		const link = await scannerLink(FAIR.slug)
		await page.goto(link.url)
		await waitForHydration(page)
		await waitForDataset(page)
		await expect
			.poll(
				() =>
					page.evaluate(async () => {
						const keys = (await caches.keys()).length ? await (await caches.open((await caches.keys())[0]!)).keys() : []
						const paths = keys.map((request) => new URL(request.url))
						return {
							controlled: navigator.serviceWorker.controller !== null,
							page: paths.some((url) => url.pathname === '/scan' && url.search === location.search),
							wasm: paths.some((url) => url.pathname.endsWith('.wasm')),
							scripts: paths.filter((url) => url.pathname.startsWith('/assets/')).length > 3,
						}
					}),
				{ timeout: 20_000 },
			)
			.toEqual({ controlled: true, page: true, wasm: true, scripts: true })
	})

	test('offline, the page reloads from the phone and a camera scan is welcomed and queued', async () => {
		await context.setOffline(true)
		await page.reload()
		await waitForHydration(page)
		await page.locator('[data-testid=network]', { hasText: scanSr.status.offline }).waitFor()
		await waitForDataset(page)
		await page.getByRole('button', { name: scanSr.start }).click()
		const text = await expectVerdict(page, 'ok', 'local', 20_000)
		expect(text).toContain(BRANKO.name)
		expect(text).toContain(scanSr.verdict.pending)
		await page.getByRole('button', { name: scanSr.camera.close }).first().click()
		await page.locator('.scan-camera').waitFor({ state: 'detached' })
		await dismissVerdict(page)
		const waiting = await queued(page)
		expect(waiting).toBeGreaterThanOrEqual(1)
		// Ana was let in by the other phone before this one went offline: amber, from the phone's list.
		await enterCode(page, codes.ana)
		expect(await expectVerdict(page, 'already_checked_in', 'local')).toContain(ANA.name)
		await dismissVerdict(page)
		await expect.poll(() => queued(page)).toBe(waiting + 1)
		const label = await page.locator('[data-testid=queued]').innerText()
		expect(label).toMatch(new RegExp(`^${waiting + 1} skeniranja? č`))
		// Offline, the phone counts from its own list: Ana's party (from the list) and Branko's (its own scan).
		expect(await page.locator('[data-testid=counts][data-source=phone] strong').first().innerText()).toBe(String(ANA.partySize + BRANKO.partySize))
		await page.evaluate(() => window.scrollTo(0, 0))
		await phoneScreenshot(page, 'scan-offline-queued')
		// Nothing reached the server yet.
		expect(await stats()).toMatchObject({ checkedIn: 1, persons: ANA.partySize })
	})

	test('back online, the queue is synced and the counts are exact', async () => {
		await context.setOffline(false)
		await expect.poll(() => queued(page), { timeout: 20_000 }).toBe(0)
		await page.locator('[data-testid=network]', { hasText: scanSr.status.online }).waitFor()
		await page.locator('[data-testid=last-sync]').waitFor()
		// Registered persons: Ana 3, Branko 2, Dragan 1, Eva 2 (Cveta cancelled). Ana's offline amber
		// scan was shown amber at the door, so it is no duplicate.
		expect(await stats()).toMatchObject({ registered: 8, checkedIn: 2, persons: ANA.partySize + BRANKO.partySize })
		// The page shows the server's counts again: persons inside first.
		await expect.poll(() => page.locator('[data-testid=counts][data-source=server] strong').first().innerText(), { timeout: 10_000 }).toBe('5')
	})
})

describe('refused links', () => {
	let page: Page
	let watch: PageErrorWatch

	beforeAll(async () => {
		;({ page, watch } = await contexts.phone(await plainBrowser()))
	})

	test('an expired link is refused with a clear message', async () => {
		const made = await server.cli(['token', 'create', '--role', 'scanner', '--event', FAIR.slug, '--expires', new Date(Date.now() - 60_000).toISOString()])
		expect(made.code, made.stderr).toBe(0)
		const token = made.stdout.trim().split('\n').at(-1)!
		// The older form of the link, ?key=: turned into the fragment form before anything renders.
		await watch.expecting(REFUSED, async () => {
			await page.goto(`${server.url}/scan?key=${encodeURIComponent(token)}&event=${FAIR.slug}`)
			await waitForHydration(page)
			// The page takes the token out of the address in an effect after hydration: wait for it.
			await page.waitForURL(`${server.url}/scan?event=${FAIR.slug}`)
			await page.getByText(scanSr.problem.expired).waitFor()
		})
		expect(await page.getByRole('button', { name: scanSr.start }).count()).toBe(0)
	})
})

describe('organizer', () => {
	test('a logged-in organizer picks the event and checks a visitor in by name', async () => {
		const { page } = await contexts.phone(await plainBrowser())
		await loginAsAdmin(page, server, '/scan')
		await page.waitForURL(`${server.url}/scan`)
		await waitForHydration(page)
		await page.getByLabel(scanSr.pick.label).selectOption(FAIR.slug)
		await page.getByRole('button', { name: scanSr.pick.submit }).click()
		await page.waitForURL(`${server.url}/scan?event=${FAIR.slug}`)
		await waitForHydration(page)
		await waitForDataset(page)
		await page.getByLabel(scanSr.manual.label).fill('dragan')
		await page.getByRole('button', { name: scanSr.manual.submit, exact: true }).click()
		const row = page.locator('.scan-results li', { hasText: DRAGAN.name })
		await row.waitFor()
		expect(await row.innerText()).toContain('d•••@primer.rs')
		expect(await personsShown(page)).toBe(String(ANA.partySize + BRANKO.partySize))
		await row.getByRole('button', { name: scanSr.manual.checkIn }).click()
		expect(await expectVerdict(page, 'ok', 'server')).toContain(DRAGAN.name)
		expect(await stats()).toMatchObject({ checkedIn: 3, persons: ANA.partySize + BRANKO.partySize + DRAGAN.partySize })
		// The page's counts follow at once (not at the next refresh, 30 s later).
		await expect.poll(() => personsShown(page), { timeout: 2_000 }).toBe(String(ANA.partySize + BRANKO.partySize + DRAGAN.partySize))
	})

	test('the name search takes the surname first, online and offline', async () => {
		const { context, page } = await contexts.phone(await plainBrowser())
		const link = await scannerLink(FAIR.slug)
		await page.goto(link.url)
		await waitForHydration(page)
		await waitForDataset(page)
		const hits = () => page.locator('.scan-results li').allInnerTexts()
		async function search(q: string) {
			await page.getByLabel(scanSr.manual.label).fill(q)
			await page.getByRole('button', { name: scanSr.manual.submit, exact: true }).click()
		}
		await search('Jovanović Ana')
		await expect.poll(hits).toHaveLength(1)
		expect((await hits())[0]).toContain(ANA.name)
		expect((await hits())[0]).toContain('a•••@primer.rs')
		// Offline: the names on this phone, with the same rule.
		await context.setOffline(true)
		await page.locator('[data-testid=network]', { hasText: scanSr.status.offline }).waitFor()
		await search('stojkovic BRANKO')
		await page.getByText(scanSr.manual.offlineNote).waitFor()
		await expect.poll(async () => (await hits()).map((hit) => hit.split('\n')[0])).toEqual([BRANKO.name])
		await search('Stojković Ana')
		await page.locator('.empty-state', { hasText: scanSr.manual.none }).waitFor()
		expect(await hits()).toEqual([])
		await context.setOffline(false)
	})

	test('without JavaScript, the organizer finds a visitor by name and checks them in with a form', async () => {
		const context = await newPhoneContext(await plainBrowser(), { locale: 'sr-RS', javaScriptEnabled: false })
		const page = await context.newPage()
		await loginAsAdmin(page, server, `/scan?event=${FAIR.slug}`)
		await page.waitForURL(`${server.url}/scan?event=${FAIR.slug}`)
		expect(await page.locator('noscript').count()).toBeGreaterThan(0)
		// Here too the page says the event is not today.
		expect(await page.getByTestId('not-today').innerText()).toContain(scanSr.notToday.before)
		await page.getByLabel(scanSr.manual.label).fill('Nikolić')
		await page.getByRole('button', { name: scanSr.manual.submit, exact: true }).click()
		const row = page.locator('.scan-results li', { hasText: EVA.name })
		await row.waitFor()
		await row.getByRole('button', { name: scanSr.manual.checkIn }).click()
		await page.locator('.notice.success', { hasText: EVA.name }).waitFor()
		expect(await stats()).toMatchObject({ checkedIn: 4, persons: ANA.partySize + BRANKO.partySize + DRAGAN.partySize + EVA.partySize })
		// Again: already checked in, with the time.
		await page.locator('.scan-results li', { hasText: EVA.name }).getByRole('button', { name: scanSr.manual.checkIn }).click()
		await page.locator('.notice', { hasText: scanSr.verdict.title.already_checked_in }).waitFor()
		expect(await stats()).toMatchObject({ checkedIn: 4 })
	})
})

describe("the event's day", () => {
	const eventDayAt = (hhmm: string, day = 16) => new Date(`${NEXT_YEAR}-05-${day}T${hhmm}:00+02:00`)

	/** A phone whose clock reads `now`, opening a new scanner link. */
	async function openAt(now: Date) {
		const { page } = await contexts.phone(await plainBrowser())
		await page.clock.install({ time: now })
		await page.goto((await scannerLink(FAIR.slug)).url)
		await waitForHydration(page)
		await waitForDataset(page)
		return page
	}

	test('on the day, even before the doors open, no notice', async () => {
		const page = await openAt(eventDayAt('07:30'))
		expect(await page.getByTestId('not-today').count()).toBe(0)
	})

	test('the day after, the scanner says the event is over, with its date', async () => {
		const page = await openAt(eventDayAt('09:00', 17))
		const notice = page.getByTestId('not-today')
		await notice.waitFor()
		expect(await notice.getAttribute('data-day')).toBe('after')
		const text = (await notice.innerText()).replace(/\s+/g, ' ')
		expect(text).toContain(scanSr.notToday.after)
		expect(text).toContain(formatLongDate(eventDayAt('10:00'), 'sr-Latn'))
		expect(await page.getByRole('button', { name: scanSr.start }).count()).toBe(1)
	})
})
