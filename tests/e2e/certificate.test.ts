// A participant checked in at a workshop with certificates opens their ticket page on a phone,
// downloads the certificate of attendance, and the QR printed on it (read from the PDF's embedded
// image with jsQR: no PDF rendering needed) opens /certificates/{code} in Chromium: "valid". A
// forged code: "not valid". Both pages pass axe-core; screenshots are kept.
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import reportsEn from '#app/locales/en/reports.json'
import reportsSr from '#app/locales/sr-Latn/reports.json'
import { apiCall } from '#tests/support/api-client.ts'
import { describeViolations, launchBrowser, runAxe, seriousViolations } from '#tests/support/browser.ts'
import { bodyText, screenshot, useJourneySteps } from '#tests/support/journey.ts'
import { NEXT_YEAR, organizerApi } from '#tests/support/organizer-api.ts'
import { qrTextsInPdf } from '#tests/support/pdf-qr.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let browser: Browser
let manageToken: string
let certificateUrl: string
const contexts = useJourneySteps()

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	const api = await organizerApi(server)
	const event = await api.create({
		title: 'Obuka: Osnove knjigovodstva za socijalna preduzeća',
		kind: 'workshop',
		startsAt: `${NEXT_YEAR}-03-12T10:00:00+01:00`,
		endsAt: `${NEXT_YEAR}-03-12T14:00:00+01:00`,
		venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
		capacity: 20,
		status: 'published',
		certificates: true,
	})
	const registered = await apiCall(server.url, 'POST', `/api/v1/events/${event.slug}/registrations`, {
		body: { name: 'Milica Jovanović', email: 'milica@example.rs', consent: { privacy: true } },
	})
	expect(registered.status, registered.text).toBe(201)
	manageToken = registered.body.registration.manageUrl.split('/').at(-1)
	const checkin = await apiCall(server.url, 'POST', `/api/v1/registrations/${registered.body.registration.id}/checkin`, { token: api.token, body: {} })
	expect(checkin.body.result).toBe('ok')
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

test('the participant downloads the certificate from the ticket page; its QR names a certificate page', async () => {
	const { page } = await contexts.phone(browser, { acceptDownloads: true })
	await page.goto(`${server.url}/tickets/${manageToken}`)
	const link = page.getByRole('link', { name: reportsSr.certificate.download })
	await expect(link.isVisible()).resolves.toBe(true)
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
	const bytes = new Uint8Array(readFileSync((await download.path())!))
	expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
	const texts = await qrTextsInPdf(bytes)
	expect(texts).toHaveLength(1)
	certificateUrl = texts[0]!
	expect(new URL(certificateUrl).pathname).toMatch(/^\/certificates\/[A-Za-z0-9_-]{108}$/)
})

test('the QR opens the check page in Chromium: valid, with the name, the event and the date', async () => {
	const { page } = await contexts.phone(browser)
	await page.goto(`${server.url}${new URL(certificateUrl).pathname}?lang=en`)
	const text = await bodyText(page)
	expect(text).toContain('valid: Milica Jovanović, Obuka: Osnove knjigovodstva za socijalna preduzeća')
	expect(text).toContain(`12 March ${NEXT_YEAR}`)
	expect(seriousViolations(await runAxe(page)), describeViolations(await runAxe(page))).toEqual([])
	await screenshot(page, 'certificate-valid-390')
})

test('a forged code: not valid', async () => {
	const { page } = await contexts.desktop(browser)
	const code = new URL(certificateUrl).pathname.split('/').at(-1)!
	const forged = code.slice(0, 20) + (code[20] === 'x' ? 'y' : 'x') + code.slice(21)
	await page.goto(`${server.url}/certificates/${forged}?lang=en`)
	const text = await bodyText(page)
	expect(text).toContain(reportsEn.certificate.notValidText)
	expect(text).not.toContain('Milica')
	expect(seriousViolations(await runAxe(page)), describeViolations(await runAxe(page))).toEqual([])
	await screenshot(page, 'certificate-not-valid-1280')
})
