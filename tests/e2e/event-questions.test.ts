// Questions per event at the door (issue 18), in Chromium: an organizer adds a question whose
// answer the door should see (the no-JS editor, with JavaScript on as organizers have it); a
// visitor answers it on a 390 px phone with JavaScript off; the scanner, its camera Chromium's
// fake capture device playing the visitor's QR code (tests/support/fake-camera.ts), shows the
// answer under the green verdict, online (the server's answer) and offline (the phone's dataset).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import scanSr from '#app/locales/sr-Latn/scan.json'
import { PHONE, launchBrowser, loginAsAdmin, waitForHydration } from '#tests/support/browser.ts'
import { launchBrowserWithCamera, writeQrVideo } from '#tests/support/fake-camera.ts'
import { expectAccessible, expectNoSidewaysScroll, screenshot, useJourneySteps, type WatchedPage } from '#tests/support/journey.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

const EVENT = { slug: 'radionica-pitanja', title: 'Radionica pravljenja sapuna' }
const QUESTION = { label: 'Alergije na sastojke', labelEn: 'Allergies to ingredients' }
const VISITOR = { name: 'Jelena Pavlović', email: 'jelena.pavlovic@primer.rs', answer: 'lavanda i kokos' }

let server: TestServer
let api: OrganizerApi
let tempDir: string
let eventId: number
let code: string
const browsers: Browser[] = []

beforeAll(async () => {
	tempDir = mkdtempSync(path.join(os.tmpdir(), 'sajam-questions-'))
	server = await startServer()
	api = await organizerApi(server)
	const created = await api.create({
		title: EVENT.title,
		slug: EVENT.slug,
		kind: 'workshop',
		startsAt: `${NEXT_YEAR}-05-16T10:00:00+02:00`,
		endsAt: `${NEXT_YEAR}-05-16T13:00:00+02:00`,
		venue: { name: 'Kulturni centar', address: 'Trg kosovskih junaka 1', city: 'Kruševac' },
		capacity: 30,
		maxPartySize: 1,
		status: 'published',
	})
	eventId = created.id
})

afterAll(async () => {
	for (const browser of browsers) await browser.close()
	await server?.stop()
	if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

const contexts = useJourneySteps()

async function scannerUrl(): Promise<string> {
	const response = await fetch(`${server.url}/api/v1/events/${EVENT.slug}/scanner-links`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ expiresAt: new Date(Date.now() + 12 * 3600_000).toISOString(), label: 'Ulaz' }),
	})
	expect(response.status).toBe(201)
	return ((await response.json()) as { url: string }).url
}

async function phoneWithCamera(name: string): Promise<WatchedPage> {
	const video = path.join(tempDir, `${name}.y4m`)
	writeQrVideo(code, video)
	const browser = await launchBrowserWithCamera(video)
	browsers.push(browser)
	return contexts.phone(browser, { permissions: ['camera'] })
}

async function greenVerdict(page: Page, source: 'local' | 'server') {
	const selector = `.scan-verdict[data-verdict="ok"][data-source="${source}"]`
	await page.locator(selector).waitFor({ timeout: 20_000 })
	return (await page.locator(selector).innerText()).replace(/\s+/g, ' ')
}

describe('a question for the door, from the organizer to the scanner', () => {
	test('the organizer adds a short-text question shown at the door', async () => {
		const browser = await launchBrowser()
		browsers.push(browser)
		const { page } = await contexts.desktop(browser)
		await loginAsAdmin(page, server, `/admin/events/${eventId}/questions`)
		await page.waitForURL(`**/admin/events/${eventId}/questions`)
		await waitForHydration(page)
		await page.locator('select[name=newKind]').selectOption('shortText')
		await page.locator('button[name=intent][value=add]').click()
		await page.locator('textarea[name="q0.label"]').fill(QUESTION.label)
		await page.locator('textarea[name="q0.labelEn"]').fill(QUESTION.labelEn)
		await page.locator('input[name="q0.door"]').check()
		await screenshot(page, 'event-questions-editor-1280')
		await page.locator('p > button[name=intent][value=save]').click()
		await page.locator('.notice.success').waitFor()
		await expectAccessible(page)
		const event = (await (await fetch(`${server.url}/api/v1/events/${EVENT.slug}`)).json()) as { event: { questions: { id: string; door: boolean }[] } }
		expect(event.event.questions).toMatchObject([{ id: 'q1', kind: 'shortText', door: true }])
	})

	test('a visitor answers it on a phone with JavaScript off', async () => {
		const browser = await launchBrowser()
		browsers.push(browser)
		const { page } = await contexts.phone(browser, { javaScriptEnabled: false })
		await page.goto(`${server.url}/events/${EVENT.slug}`)
		const field = page.getByLabel(QUESTION.label)
		await field.fill(VISITOR.answer)
		await page.locator('input[name=name]').fill(VISITOR.name)
		await page.locator('input[name=email]').fill(VISITOR.email)
		await page.locator('input[name=consentPrivacy]').check()
		await field.scrollIntoViewIfNeeded()
		await screenshot(page, `event-questions-form-${PHONE.width}`, { fullPage: false })
		await Promise.all([page.waitForURL('**/tickets/**'), page.locator('.registration-form button[type=submit]').click()])
		const list = await fetch(`${server.url}/api/v1/events/${EVENT.slug}/registrations`, { headers: { Authorization: `Bearer ${api.token}` } })
		const [registration] = ((await list.json()) as { registrations: { answers: unknown; ticket: { code: string } }[] }).registrations
		expect(registration!.answers).toEqual({ q1: VISITOR.answer })
		code = registration!.ticket.code
		// The same page as a reader with JavaScript sees it (axe and the width need a script): accessible, no sideways scroll.
		const { page: checked } = await contexts.phone(browser)
		await checked.goto(`${server.url}/events/${EVENT.slug}`)
		await expectNoSidewaysScroll(checked)
		await expectAccessible(checked)
	})

	test('offline, the scanner shows the answer under the green verdict, from the phone’s dataset', async () => {
		const { context, page } = await phoneWithCamera('offline')
		await page.goto(await scannerUrl())
		await waitForHydration(page)
		await page.getByText(/^Spisak ulaznica na telefonu:/).waitFor({ timeout: 15_000 })
		// The QR reader must be kept by the service worker before the network goes.
		await expect
			.poll(
				() =>
					page.evaluate(async () => {
						for (const name of await caches.keys()) {
							const keys = await (await caches.open(name)).keys()
							if (keys.some((request) => request.url.endsWith('.wasm'))) return true
						}
						return false
					}),
				{ timeout: 20_000 },
			)
			.toBe(true)
		await context.setOffline(true)
		await page.locator('[data-testid=network]', { hasText: scanSr.status.offline }).waitFor()
		await page.getByRole('button', { name: scanSr.start }).click()
		const text = await greenVerdict(page, 'local')
		expect(text).toContain(VISITOR.name)
		expect(text).toContain(`${QUESTION.label} ${VISITOR.answer}`)
		await screenshot(page, `event-questions-scan-offline-${PHONE.width}`, { fullPage: false })
	})

	test('online, the server’s green verdict shows it too', async () => {
		// A fresh ticket state: the offline scan above was never sent.
		const { page } = await phoneWithCamera('online')
		await page.goto(await scannerUrl())
		await waitForHydration(page)
		await page.getByText(/^Spisak ulaznica na telefonu:/).waitFor({ timeout: 15_000 })
		await page.getByRole('button', { name: scanSr.start }).click()
		const text = await greenVerdict(page, 'server')
		expect(text).toContain(VISITOR.name)
		expect(text).toContain(`${QUESTION.label} ${VISITOR.answer}`)
		await screenshot(page, `event-questions-scan-${PHONE.width}`, { fullPage: false })
	})
})
