// Printing for people without a phone or imejl (issue 18): an organizer opens the ticket sheet and
// the badge sheet of a fair, prints them with Chromium (page.pdf, A4, the page's own @page sizes),
// and the printed QR is read back from a screenshot of the print-emulated page and scanned at the
// door: admitted, then "already checked in". The PDFs and screenshots are kept in test-results/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import jsQR from 'jsqr'
import { PDFDocument } from 'pdf-lib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import printSr from '#app/locales/sr-Latn/print.json'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { PHONE, launchBrowser, loginAsAdmin, waitForHydration } from '#tests/support/browser.ts'
import { dbRun } from '#tests/support/database.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { expectAccessible, expectNoSidewaysScroll, screenshot, SCREENSHOTS, useJourneySteps } from '#tests/support/journey.ts'
import { logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

// pngjs comes with the qrcode package (the app's own QR library) and has no types of its own.
type DecodedPng = { width: number; height: number; data: Buffer }
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(data: Buffer): DecodedPng } } }

let server: TestServer
let manageToken: string
let browser: Browser
let fair: { id: number; slug: string }
let scanner: string
const contexts = useJourneySteps()
const PDFS = path.join(SCREENSHOTS, '..', 'pdf')

/** A4 at 96 px per inch, the size Chromium lays a printed A4 page out at. */
const A4_PX = { width: 794, height: 1123 }
/** PDF points per millimetre. */
const PT = 72 / 25.4

async function registerByOrganizer(cookie: string, fields: Record<string, string>) {
	const answer = await submitForm(server, `/admin/events/${fair.id}/registrations`, { intent: 'add', locale: 'sr-Latn', informed: 'on', ...fields }, { cookie })
	expect(answer.status, answer.html.slice(0, 300)).toBe(302)
	return Number(new URL(answer.location!, server.url).searchParams.get('rid'))
}

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	const organizer = await cliToken(server, 'organizer', ['--name', 'e2e'])
	fair = await createPublishedFair(server, organizer, { title: 'Mini-sajam socijalnih preduzeća', venue: 'Kulturni centar Kruševac', maxPartySize: 5 })
	scanner = await cliToken(server, 'scanner', ['--event', fair.slug, '--name', 'Ulaz'])
	// One visitor with imejl (not printed by default), one taken on the phone (printed), one cancelled.
	const web = await apiCall(server.url, 'POST', `/api/v1/events/${fair.slug}/registrations`, {
		body: { name: 'Milica Jovanović', email: 'milica@example.rs', partySize: 2, consent: { privacy: true } },
	})
	expect(web.status, web.text).toBe(201)
	manageToken = web.body.registration.manageUrl.split('/').at(-1)
	const cookie = await logInCookie(server)
	await registerByOrganizer(cookie, { name: 'Dragoljub Petrović', phone: '037 123 456', partySize: '3' })
	const cancelled = await registerByOrganizer(cookie, { name: 'Stana Otkazić', phone: '037 654 321', partySize: '1' })
	// Eight more taken on the phone: nine tickets need two sheets of eight.
	for (let i = 1; i <= 8; i++) await registerByOrganizer(cookie, { name: `Posetilac ${i}`, phone: `037 100 00${i}`, partySize: '1' })
	const cancel = await submitForm(server, `/admin/events/${fair.id}/registrations`, { intent: 'cancel', registrationId: String(cancelled) }, { cookie })
	expect(cancel.status).toBe(302)
	// Two accepted exhibitors of different categories, one still under review.
	const exhibitors = [
		['Zadruga Rasinka', 'food'],
		['Udruženje Vredne ruke', 'handicrafts'],
		['Pekara Na čekanju', 'food'],
	] as const
	for (const [i, [name, category]] of exhibitors.entries()) {
		const submitted = await submitApplication(server, fair.slug, {
			organization: { name, legalForm: 'association', municipality: 'krusevac', companyNumber: '28123456', pib: '101134702' },
			contact: { name: `Kontakt ${i}`, email: `izlagac${i}@primer.rs` },
			products: 'Med i rukotvorine',
			category,
			needs: { power: false, accessible: false },
			consent: { privacy: true },
		})
		if (i < 2) dbRun(server, "UPDATE applications SET status = 'accepted' WHERE id = ?", submitted.id)
	}
	mkdirSync(PDFS, { recursive: true })
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

/** The text in the only QR code of a PNG image, or undefined if none can be read. */
function decodeQr(png: Buffer): string | undefined {
	const image = PNG.sync.read(png)
	return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data
}

/** The page as the printer gets it: a PDF kept for people to look at, its pages' sizes in mm. */
async function printToPdf(page: Page, name: string) {
	const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
	writeFileSync(path.join(PDFS, `${name}.pdf`), bytes)
	const pdf = await PDFDocument.load(bytes)
	return pdf.getPages().map((p) => ({ width: Math.round(p.getWidth() / PT), height: Math.round(p.getHeight() / PT) }))
}

/** Print media at the paper's size in CSS pixels: what the sheet looks like printed. */
async function asPrinted(page: Page, size = A4_PX) {
	await page.emulateMedia({ media: 'print' })
	await page.setViewportSize(size)
}

async function scan(code: string, nonce: string) {
	const answer = await apiCall(server.url, 'POST', '/api/v1/checkins', { token: scanner, body: { code, deviceId: 'ulaz-1', nonce } })
	expect(answer.status, answer.text).toBe(200)
	return answer.body.result
}

test('the ticket sheet prints those without imejl on A4; its QR admits at the door once', async () => {
	const { page } = await contexts.desktop(browser)
	await loginAsAdmin(page, server, `/admin/events/${fair.id}/print/tickets`)
	await expect(page.locator('h1').textContent()).resolves.toBe(printSr.tickets.pageTitle)
	await expect(page.locator('[data-summary]').textContent()).resolves.toContain(printSr.tickets.printing.default)
	// By default the phone registrations: not the one with imejl, never the cancelled one.
	const slips = page.locator('.ticket-slip')
	await expect(slips.count()).resolves.toBe(9)
	await expect(page.locator('.ticket-sheet').count()).resolves.toBe(2)
	const slip = slips.filter({ hasText: 'Dragoljub Petrović' })
	await expect(slip.textContent()).resolves.toContain('3 osobe')
	await expect(slip.textContent()).resolves.toContain('Mini-sajam socijalnih preduzeća')
	await expect(page.locator('.print-sheets').textContent()).resolves.not.toContain('Milica Jovanović')
	await expect(page.locator('.print-sheets').textContent()).resolves.not.toContain('Stana Otkazić')
	await screenshot(page, 'print-tickets-screen-1280')
	await page.setViewportSize(PHONE)
	await expectNoSidewaysScroll(page)
	await screenshot(page, 'print-tickets-screen-390')

	await asPrinted(page)
	// Printed: nothing of the admin, only the sheet.
	await expect(page.locator('.print-controls').isVisible()).resolves.toBe(false)
	await expect(page.locator('header').first().isVisible()).resolves.toBe(false)
	const box = (await slip.locator('.slip-qr').boundingBox())!
	expect(box.width / (96 / 25.4)).toBeGreaterThanOrEqual(39) // the QR is 4 cm wide on paper
	// Every card inside its 95 × 69 mm: nothing cut off at the top or bottom.
	const overflowing = await slips.evaluateAll((els) => els.filter((el) => el.scrollHeight > el.clientHeight + 1).length)
	expect(overflowing).toBe(0)
	await screenshot(page, 'print-tickets-print-a4', { fullPage: true })
	const code = decodeQr(await slip.locator('.slip-qr').screenshot())
	expect(code, 'the printed QR could not be read').toBeDefined()
	expect(await printToPdf(page, 'tickets-default')).toEqual([
		{ width: 210, height: 297 },
		{ width: 210, height: 297 },
	])

	expect(await scan(code!, 'print-1')).toBe('ok')
	expect(await scan(code!, 'print-2')).toBe('already_checked_in')

	// All confirmed: ten, and still not the cancelled one.
	await page.emulateMedia({ media: 'screen' })
	await page.goto(`${server.url}/admin/events/${fair.id}/print/tickets?which=all`)
	await expect(slips.count()).resolves.toBe(10)
	await expect(page.locator('.print-sheets').textContent()).resolves.toContain('Milica Jovanović')
	await expect(page.locator('.print-sheets').textContent()).resolves.not.toContain('Stana Otkazić')
})

test('the badge sheet: A6 one per page, and 70×37 mm labels 3×8 that line up on A4', async () => {
	const { page } = await contexts.desktop(browser)
	await loginAsAdmin(page, server, `/admin/events/${fair.id}/print/badges`)
	// A fair's badges are its accepted exhibitors', with the colour legend of their categories.
	const badges = page.locator('.badge:not(.empty)')
	await expect(badges.count()).resolves.toBe(2)
	await expect(page.locator('.print-sheets').textContent()).resolves.not.toContain('Pekara Na čekanju')
	await expect(page.locator('.print-legend li').count()).resolves.toBe(2)
	const strips = await page.locator('.badge-strip').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor))
	expect(new Set(strips).size).toBe(2)
	await screenshot(page, 'print-badges-screen-1280')
	await asPrinted(page, { width: 397, height: 559 })
	await screenshot(page, 'print-badges-a6-print', { fullPage: true })
	expect(await printToPdf(page, 'badges-a6')).toEqual([
		{ width: 105, height: 148 },
		{ width: 105, height: 148 },
	])

	// Visitors on labels, with the ticket's QR, two used labels skipped on the started sheet.
	await page.emulateMedia({ media: 'screen' })
	await page.setViewportSize({ width: 1280, height: 900 })
	await page.goto(`${server.url}/admin/events/${fair.id}/print/badges?layout=labels&people=visitors&qr=1&skip=2`)
	await expect(badges.count()).resolves.toBe(10)
	await screenshot(page, 'print-badges-labels-screen-1280')
	await page.setViewportSize(PHONE)
	await expectNoSidewaysScroll(page)
	await screenshot(page, 'print-badges-labels-screen-390')
	await asPrinted(page)
	await screenshot(page, 'print-badges-labels-print-a4', { fullPage: true })
	expect(await printToPdf(page, 'badges-labels')).toEqual([{ width: 210, height: 297 }])
	// The grid: label n (0-based) at column n % 3, row ⌊n / 3⌋, 70 × 37 mm, from 0.5 mm below the top.
	const mm = 96 / 25.4
	const boxes = await page.locator('.badge-sheet .badge').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))
	expect(boxes).toHaveLength(12)
	for (const [n, b] of boxes.entries()) {
		expect(b.x / mm).toBeCloseTo((n % 3) * 70, 0)
		expect(b.y / mm).toBeCloseTo(0.5 + Math.floor(n / 3) * 37, 0)
		expect(b.width / mm).toBeCloseTo(70, 0)
		expect(b.height / mm).toBeCloseTo(37, 0)
	}
	// The small QR on a visitor's label scans like the ticket.
	const code = decodeQr(await page.locator('.badge').filter({ hasText: 'Dragoljub Petrović' }).locator('.badge-qr').screenshot())
	expect(code).toBeDefined()
	// The first test admitted this ticket already.
	expect(await scan(code!, 'label-1')).toBe('already_checked_in')
})

test('the visitor prints their own ticket: one page on A4 and on A6, the QR large and readable', async () => {
	const { page } = await contexts.phone(browser)
	await page.goto(`${server.url}/tickets/${manageToken}`)
	await waitForHydration(page)
	// With JavaScript the button prints; the shortcut is said next to it in any case.
	await expect(page.getByRole('button', { name: printSr.ticketPage.print }).isVisible()).resolves.toBe(true)
	await expectAccessible(page, 'ticket page')
	await screenshot(page, 'ticket-screen-390', { fullPage: false })
	// The emulated viewport is the page's printable area (12 mm margins): what fits in it fits on the page.
	for (const [paper, size, pdfSize] of [
		['a4', { width: 703, height: 1032 }, { format: 'A4' }],
		['a6', { width: 306, height: 469 }, { width: '105mm', height: '148mm' }],
	] as const) {
		await asPrinted(page, size)
		expect(await page.evaluate(() => document.documentElement.scrollHeight), `height on ${paper}`).toBeLessThanOrEqual(size.height)
		// Printed: the ticket and the event; no buttons, forms, navigation or personal data.
		for (const hidden of ['.site-header', '.breadcrumb', 'button', 'form', '#data-title', '.ticket-page .facts a']) {
			const visible = await page.locator(hidden).evaluateAll((els) => els.some((el) => (el as HTMLElement).offsetParent !== null))
			expect(visible, `${hidden} printed on ${paper}`).toBe(false)
		}
		await expect(page.locator('.ticket-holder').textContent()).resolves.toContain('Milica Jovanović')
		await expect(page.locator('.ticket-event').textContent()).resolves.toContain('Kulturni centar Kruševac')
		const qr = page.locator('.ticket-qr')
		const mm = (await qr.boundingBox())!.width / (96 / 25.4)
		expect(mm, `QR width on ${paper}`).toBeGreaterThanOrEqual(paper === 'a4' ? 100 : 50)
		expect(decodeQr(await qr.screenshot()), `QR on ${paper}`).toBeDefined()
		await screenshot(page, `ticket-print-${paper}`, { fullPage: true })
		const bytes = await page.pdf({ ...pdfSize, printBackground: true })
		writeFileSync(path.join(PDFS, `ticket-${paper}.pdf`), bytes)
		expect((await PDFDocument.load(bytes)).getPageCount(), `pages on ${paper}`).toBe(1)
	}
})
