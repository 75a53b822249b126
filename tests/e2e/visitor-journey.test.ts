// The visitor's whole journey, end to end, in Chromium on a 390 px phone: register through the
// event page, read the ticket mail that arrived over SMTP (QR decoded from the inline PNG and
// verified with the server's public key, the invite parsed), follow its link, see the QR, download
// the invite, cancel, and watch the next waitlisted party get the freed places (in registration
// order, the first that fits) with a mail of its own. Nothing of the app is mocked: the built
// server, its outbox worker, a real SMTP server and a real browser.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import ICAL from 'ical.js'
import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TicketClaims } from '#app/domain/ticket-code.ts'
import { verifyTicketCode } from '#app/domain/ticket-signature.ts'
import mail from '#app/locales/sr-Latn/mail.json'
import publicSr from '#app/locales/sr-Latn/public.json'
import ticketSr from '#app/locales/sr-Latn/ticket.json'
import { PHONE, waitForHydration } from '#tests/support/browser.ts'
import {
	bodyText,
	expectAccessible,
	expectNoSidewaysScroll,
	screenshot,
	startJourneyServers,
	useJourneySteps,
	type JourneyServers,
} from '#tests/support/journey.ts'
import type { ReceivedMail, TestMailServer } from '#tests/support/mail-server.ts'
import { outboxSettled, queuedTemplates } from '#tests/support/outbox.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import type { TestServer } from '#tests/support/server.ts'

const QR_CID = 'ticket-qr@sajam'

// pngjs comes with the qrcode package (the app's own QR library) and has no types of its own.
type DecodedPng = { width: number; height: number; data: Buffer }
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(data: Buffer): DecodedPng } } }

/** An evening workshop in September: 17:00–19:30 in Belgrade is 15:00–17:30 UTC. */
const EVENT = {
	slug: 'radionica-pletenja',
	title: 'Radionica pletenja za početnike',
	startsAt: `${NEXT_YEAR}-09-17T17:00:00+02:00`,
	endsAt: `${NEXT_YEAR}-09-17T19:30:00+02:00`,
	startUtc: `${NEXT_YEAR}-09-17T15:00:00.000Z`,
	endUtc: `${NEXT_YEAR}-09-17T17:30:00.000Z`,
}

// Capacity 2. Ana takes both places; Branko (a party of 2) and Cveta (1, without JavaScript) wait.
// When Ana cancels, Branko's party is first and fits: promoted; Cveta stays, now first in line.
const ANA = { name: 'Ana Jovanović', email: 'ana.jovanovic@primer.rs', partySize: 2 }
const BRANKO = { name: 'Branko Stojković', email: 'branko.stojkovic@primer.rs', partySize: 2 }
const CVETA = { name: 'Cveta Đorđević', email: 'cveta.djordjevic@primer.rs', partySize: 1 }
type Visitor = typeof ANA

let server: TestServer
let smtp: TestMailServer
let browser: Browser
let servers: JourneyServers | undefined
let api: OrganizerApi
let publicKeys: Map<number, KeyObject> | undefined
let eventId: number

/** What the steps hand on to each other. */
const journey = {
	ana: {} as { page: Page; token: string; code: string; link: string },
	branko: {} as { page: Page; token: string },
	cveta: {} as { page: Page; token: string },
}

beforeAll(async () => {
	servers = await startJourneyServers()
	;({ smtp, server, browser } = servers)
	api = await organizerApi(server)
	await api.create({
		title: EVENT.title,
		slug: EVENT.slug,
		kind: 'workshop',
		summary: 'Naučite osnovne bodove uz članice udruženja „Vunica“.',
		description: 'Igle i vunu obezbeđujemo mi.',
		startsAt: EVENT.startsAt,
		endsAt: EVENT.endsAt,
		venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
		capacity: 2,
		maxPartySize: 2,
		waitlist: true,
		status: 'published',
	})
})

afterAll(() => servers?.close())

const contexts = useJourneySteps()

/** A Serbian phone: 390 px, touch, Accept-Language sr-RS (→ Serbian Latin). */
const phone = (options: { javaScriptEnabled?: boolean } = {}) => contexts.phone(browser, options)

/** The text in the only QR code of a PNG image, or undefined if none can be read. */
function decodeQr(png: Buffer): string | undefined {
	const image = PNG.sync.read(png)
	const rgba = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length)
	return jsQR(rgba, image.width, image.height)?.data
}

/** The QR as the visitor's screen shows it, read back from a screenshot of the SVG. */
async function readQrOnPage(page: Page): Promise<string> {
	const qr = page.getByRole('img', { name: ticketSr.qrAlt, exact: true })
	expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg')
	const box = (await qr.boundingBox())!
	// Big enough to scan from a phone held up to a scanner, and inside the 390 px screen.
	expect(box.width).toBeGreaterThanOrEqual(180)
	expect(box.x).toBeGreaterThanOrEqual(0)
	expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
	const code = decodeQr(await qr.screenshot())
	expect(code, 'the QR on the page could not be read').toBeDefined()
	return code!
}

/**
 * The server's key ring as it wrote it into its data folder when it signed the first ticket. The
 * test keeps only the public halves, as a scanner at the door would.
 */
function serverPublicKeys(): Map<number, KeyObject> {
	if (publicKeys) return publicKeys
	const stored = JSON.parse(readFileSync(path.join(server.dataDir, 'ticket-keys.json'), 'utf8')) as { keys: { keyId: number; privateKeyPem: string }[] }
	expect(stored.keys.length).toBeGreaterThan(0)
	publicKeys = new Map(stored.keys.map((k) => [k.keyId, createPublicKey(createPrivateKey(k.privateKeyPem))]))
	return publicKeys
}

/** A signed ticket code that the server's public key accepts; one changed character is refused. */
function expectValidTicket(code: string): TicketClaims {
	const publicKeys = serverPublicKeys()
	const result = verifyTicketCode(code, publicKeys)
	expect(result).toMatchObject({ valid: true })
	const i = 40
	const tampered = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1)
	expect(verifyTicketCode(tampered, publicKeys).valid).toBe(false)
	return (result as { valid: true; claims: TicketClaims }).claims
}

/** The organizer's view of the event's numbers (confirmed and waitlisted persons). */
async function counts() {
	const event = (await (await fetch(`${server.url}/api/v1/events/${EVENT.slug}`)).json()).event as { registered: number; waitlisted: number; remaining: number }
	return { registered: event.registered, waitlisted: event.waitlisted, remaining: event.remaining }
}

type ApiRegistration = { id: number; email: string; status: string; position?: number; ticket?: { code: string } }

async function registrations(): Promise<ApiRegistration[]> {
	const response = await fetch(`${server.url}/api/v1/events/${EVENT.slug}/registrations`, { headers: { Authorization: `Bearer ${api.token}` } })
	expect(response.status).toBe(200)
	return (await response.json()).registrations
}

async function registrationOf(email: string) {
	const found = (await registrations()).find((r) => r.email === email)
	expect(found, `no registration for ${email}`).toBeDefined()
	return found!
}

const mailTo = (visitor: Visitor, subject: string) => smtp.waitFor((m) => m.envelope.to.includes(visitor.email) && m.parsed.subject === subject, 15_000)
const subject = (key: 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled') => mail[key].subject.replace('{{event}}', EVENT.title)

/** The manage link in a mail: the server's own address, never another host. */
function manageLinkIn(received: ReceivedMail): { link: string; token: string } {
	const pattern = /https?:\/\/[^\s"'<>]+\/tickets\/([A-Za-z0-9_-]{40,64})/g
	const links = new Set([...(received.parsed.text ?? '').matchAll(pattern), ...String(received.parsed.html || '').matchAll(pattern)].map((m) => m[0]))
	expect([...links]).toHaveLength(1)
	const link = [...links][0]!
	expect(link.startsWith(`${server.url}/tickets/`), `${link} is not on ${server.url}`).toBe(true)
	return { link, token: link.split('/').at(-1)! }
}

/** The ticket in a ticket mail: a PNG shown inline by Content-ID, whose QR is the ticket code. */
function ticketInMail(received: ReceivedMail): string {
	const png = received.parsed.attachments.find((a) => a.contentType === 'image/png')
	expect(png, 'no PNG in the mail').toBeDefined()
	expect(png!.cid).toBe(QR_CID)
	expect(png!.related).toBe(true)
	expect(png!.content.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n')
	expect(String(received.parsed.html)).toContain(`src="cid:${QR_CID}"`)
	const code = decodeQr(png!.content)
	expect(code, 'the QR in the mail could not be read').toBeDefined()
	return code!
}

/** The invite in a ticket mail: a text/calendar part with method=REQUEST, for this visitor. */
function inviteInMail(received: ReceivedMail, visitor: Visitor) {
	const part = received.parsed.attachments.find((a) => a.contentType === 'text/calendar')
	expect(part, 'no text/calendar part in the mail').toBeDefined()
	const contentType = part!.headers.get('content-type') as { value: string; params: Record<string, string> }
	expect(contentType.params.method).toBe('REQUEST')
	const calendar = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')))
	expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
	const vevent = expectEvent(calendar)
	const attendees = vevent.getAllProperties('attendee')
	expect(attendees).toHaveLength(1)
	expect(attendees[0]!.getFirstValue()).toBe(`mailto:${visitor.email}`)
	expect(attendees[0]!.getParameter('cn')).toBe(visitor.name)
	expect(String(vevent.getFirstPropertyValue('organizer'))).toBe('mailto:no-reply@sajam.test')
	return vevent
}

/** The one VEVENT of a calendar: this event's UID, start and end. */
function expectEvent(calendar: ICAL.Component) {
	const vevents = calendar.getAllSubcomponents('vevent')
	expect(vevents).toHaveLength(1)
	const vevent = vevents[0]!
	expect(vevent.getFirstPropertyValue('uid')).toBe(`event-${eventId}@127.0.0.1`)
	expect((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(EVENT.startUtc)
	expect((vevent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe(EVENT.endUtc)
	expect(vevent.getFirstPropertyValue('summary')).toBe(EVENT.title)
	return vevent
}

/** Fills the registration form like a person: name, email, party size, the privacy box only. */
async function register(page: Page, visitor: Visitor) {
	const form = page.locator('form#registration-form')
	await form.getByLabel(publicSr.register.name, { exact: true }).fill(visitor.name)
	await form.getByLabel(publicSr.register.email, { exact: true }).fill(visitor.email)
	await form.getByLabel(publicSr.register.partySize, { exact: true }).selectOption(String(visitor.partySize))
	expect(await form.getByLabel(publicSr.register.locale, { exact: true }).inputValue()).toBe('sr-Latn')
	await form.getByLabel(publicSr.register.privacyAccept, { exact: true }).check()
	for (const label of [publicSr.register.consentPhotos, publicSr.register.consentNewsletter, publicSr.register.consentResearch]) {
		expect(await form.getByLabel(label, { exact: true }).isChecked()).toBe(false)
	}
}

/** Submits the form and waits for the ticket page it leads to; returns the manage token. */
async function submit(page: Page, button: string): Promise<string> {
	// The event page needs no JavaScript (issue 17): a plain POST, whose redirect keeps the form's #registration.
	await Promise.all([
		page.waitForURL(/\/tickets\/[A-Za-z0-9_-]+\?registered=1(#registration)?$/),
		page.getByRole('button', { name: button, exact: true }).tap(),
	])
	// With JavaScript the address changes a moment before the ticket page is rendered.
	await page.locator('.ticket-status').waitFor()
	return new URL(page.url()).pathname.split('/').at(-1)!
}

describe('a visitor registers on a phone, gets the ticket by mail, cancels, and the next in line is promoted', () => {
	test('Ana fills the form in Serbian (the page needs no JavaScript) and gets her ticket page with the QR', async () => {
		const { page } = await phone()
		const response = await page.goto(`${server.url}/events/${EVENT.slug}`)
		expect(response?.status()).toBe(200)
		await waitForHydration(page)
		expect(await page.locator('html').getAttribute('lang')).toBe('sr-Latn')
		expect(await page.locator('h1').innerText()).toBe(EVENT.title)
		const panel = page.locator('#registration')
		expect(await panel.locator('h2').innerText()).toBe(publicSr.register.title)
		expect((await panel.locator('.places').innerText()).trim()).toBe('Još 2 slobodna mesta.')
		await expectAccessible(page)
		await expectNoSidewaysScroll(page)

		await register(page, ANA)
		await screenshot(page, `journey-form-${PHONE.width}`)
		const token = await submit(page, publicSr.register.submit)
		expect(token.length).toBeGreaterThanOrEqual(22) // ≥ 128 bits in base64url

		expect(await page.locator('h1').innerText()).toBe(EVENT.title)
		expect(await page.locator('.ticket-status').innerText()).toBe(ticketSr.status.confirmed)
		expect(await page.getByRole('status').innerText()).toBe(ticketSr.registeredNotice.replace('{{email}}', ANA.email))
		expect(await page.locator('#ticket-title').innerText()).toBe(ticketSr.title)
		expect(await page.locator('.ticket-holder').innerText()).toContain(ANA.name)
		expect(await page.locator('.ticket-holder').innerText()).toContain('2 osobe')
		const code = await readQrOnPage(page)
		const claims = expectValidTicket(code)
		eventId = claims.eventId
		const fromApi = await registrationOf(ANA.email)
		expect(fromApi).toMatchObject({ status: 'confirmed', ticket: { code } })
		expect(claims.registrationId).toBe(fromApi.id)
		expect(await counts()).toEqual({ registered: 2, waitlisted: 0, remaining: 0 })

		await expectAccessible(page)
		await expectNoSidewaysScroll(page)
		await screenshot(page, `journey-ticket-${PHONE.width}`)
		journey.ana = { page, token, code, link: '' }
	})

	test('Branko (a party of 2) and Cveta (1, JavaScript off) go on the waiting list, told their places', async () => {
		const branko = (await phone()).page
		await branko.goto(`${server.url}/events/${EVENT.slug}`)
		await waitForHydration(branko)
		expect(await branko.locator('#registration h2').innerText()).toBe(publicSr.register.titleWaitlist)
		expect(await branko.locator('#registration').innerText()).toContain(publicSr.register.waitlistIntro)
		await expectAccessible(branko)
		await register(branko, BRANKO)
		const brankoToken = await submit(branko, publicSr.register.submitWaitlist)
		expect(await branko.locator('.ticket-status').innerText()).toBe(ticketSr.status.waitlisted)
		expect(await branko.locator('.ticket-position-number').innerText()).toBe('1')
		expect(await branko.getByRole('status').innerText()).toBe(ticketSr.waitlistedNotice.replace('{{position}}', '1').replace('{{email}}', BRANKO.email))
		expect(await branko.getByRole('img', { name: ticketSr.qrAlt }).count()).toBe(0)
		await expectAccessible(branko)
		await expectNoSidewaysScroll(branko)
		await screenshot(branko, `journey-waitlisted-${PHONE.width}`)

		// No JavaScript at all: the form posts, the server answers with the ticket page.
		const cveta = (await phone({ javaScriptEnabled: false })).page
		await cveta.goto(`${server.url}/events/${EVENT.slug}`)
		await register(cveta, CVETA)
		await Promise.all([
			// The browser keeps the form's #registration through the redirect (there is no such element there).
			cveta.waitForURL(/\/tickets\/[A-Za-z0-9_-]+\?registered=1(#registration)?$/),
			cveta.getByRole('button', { name: publicSr.register.submitWaitlist, exact: true }).tap(),
		])
		const cvetaToken = new URL(cveta.url()).pathname.split('/').at(-1)!
		expect(await cveta.locator('.ticket-status').innerText()).toBe(ticketSr.status.waitlisted)
		expect(await cveta.locator('.ticket-position-number').innerText()).toBe('2')

		expect(await counts()).toEqual({ registered: 2, waitlisted: 3, remaining: 0 })
		expect(await registrationOf(BRANKO.email)).toMatchObject({ status: 'waitlisted', position: 1 })
		expect(await registrationOf(CVETA.email)).toMatchObject({ status: 'waitlisted', position: 2 })
		journey.branko = { page: branko, token: brankoToken }
		journey.cveta = { page: cveta, token: cvetaToken }
	})

	test("the mails arrive over SMTP: Ana's ticket (QR, link, invite), the waiting list with positions", async () => {
		const ana = await mailTo(ANA, subject('confirmed'))
		expect(ana.envelope.to).toEqual([ANA.email])
		expect(ana.parsed.from?.value[0]?.address).toBe('no-reply@sajam.test')
		expect(ana.parsed.text).toContain(mail.confirmed.intro)
		expect(ana.parsed.text).toContain(mail.common.greeting.replace('{{name}}', ANA.name))
		const { link, token } = manageLinkIn(ana)
		expect(token).toBe(journey.ana.token)
		journey.ana.link = link
		// The QR in the mail is the same ticket as on the page, and it is genuine.
		const code = ticketInMail(ana)
		expect(code).toBe(journey.ana.code)
		expectValidTicket(code)
		inviteInMail(ana, ANA)

		const branko = await mailTo(BRANKO, subject('waitlisted'))
		expect(branko.parsed.text).toContain(mail.waitlisted.position.replace('{{position}}', '1'))
		expect(manageLinkIn(branko).token).toBe(journey.branko.token)
		// No ticket and no invite for a place not yet held: only the mark every mail carries.
		expect(branko.parsed.attachments.map((a) => a.cid)).toEqual(['logo@sajam'])
		const cveta = await mailTo(CVETA, subject('waitlisted'))
		expect(cveta.parsed.text).toContain(mail.waitlisted.position.replace('{{position}}', '2'))
		expect(manageLinkIn(cveta).token).toBe(journey.cveta.token)

		// One mail each, nothing sent twice.
		for (const visitor of [ANA, BRANKO, CVETA]) expect(smtp.to(visitor.email)).toHaveLength(1)
	})

	test('the link from the mail opens the ticket with its QR, and the invite downloads and parses', async () => {
		const { page } = journey.ana
		await page.goto(journey.ana.link)
		await waitForHydration(page)
		expect(new URL(page.url()).pathname).toBe(`/tickets/${journey.ana.token}`)
		expect(await page.locator('.ticket-status').innerText()).toBe(ticketSr.status.confirmed)
		expect(await readQrOnPage(page)).toBe(journey.ana.code)

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: publicSr.event.downloadIcs, exact: true }).tap()])
		expect(download.suggestedFilename()).toMatch(/\.ics$/)
		const ics = readFileSync((await download.path())!, 'utf8')
		const calendar = new ICAL.Component(ICAL.parse(ics))
		const vevent = expectEvent(calendar)
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED')
		expect(String(vevent.getFirstPropertyValue('description'))).toContain(journey.ana.link)
		expect(String(vevent.getFirstPropertyValue('description'))).toContain('2 osobe')
	})

	test('Ana cancels through the confirmation step; the page and the link say cancelled; again is harmless', async () => {
		const { page } = journey.ana
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('confirm') === 'cancel'),
			page.getByRole('link', { name: ticketSr.cancel.button, exact: true }).tap(),
		])
		await page.locator('#confirm-title').waitFor()
		expect(await page.locator('#confirm-title').innerText()).toBe(ticketSr.cancel.title)
		expect(await page.locator('.confirm-step').innerText()).toContain(ticketSr.cancel.text)
		// The confirmation step alone changes nothing.
		expect(await counts()).toEqual({ registered: 2, waitlisted: 3, remaining: 0 })
		await expectAccessible(page)
		await expectNoSidewaysScroll(page)
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('cancelled') === '1'),
			page.getByRole('button', { name: ticketSr.cancel.confirm, exact: true }).tap(),
		])
		await page.locator('.ticket-status', { hasText: ticketSr.status.cancelled }).waitFor()
		expect(await page.getByRole('status').innerText()).toBe(ticketSr.cancelledNotice)
		expect(await page.locator('#ticket-title').innerText()).toBe(ticketSr.cancelledTitle)
		expect(await page.getByRole('img', { name: ticketSr.qrAlt }).count()).toBe(0)
		expect(await page.getByRole('link', { name: ticketSr.cancel.button }).count()).toBe(0)
		await expectAccessible(page)
		await expectNoSidewaysScroll(page)
		await screenshot(page, `journey-cancelled-${PHONE.width}`)

		// The link from the mail, opened again later.
		await page.goto(journey.ana.link)
		expect(await page.locator('.ticket-status').innerText()).toBe(ticketSr.status.cancelled)
		expect(await bodyText(page)).not.toContain(ticketSr.cancelledNotice)
		expect(await page.getByRole('img', { name: ticketSr.qrAlt }).count()).toBe(0)
		// The ticket's files say so too: no QR, the calendar entry cancelled.
		expect((await fetch(`${journey.ana.link}/qr.svg`)).status).toBe(404)
		const ics = await (await fetch(`${journey.ana.link}/ticket.ics`)).text()
		expect(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED')
		// The code in the QR is revoked: the registration holds none any more.
		expect((await registrationOf(ANA.email)).ticket).toBeUndefined()

		// Cancelling again: the old confirmation address shows the cancelled ticket, not the step...
		await page.goto(`${journey.ana.link}?confirm=cancel`)
		expect(await page.locator('#confirm-title').count()).toBe(0)
		expect(await page.locator('.ticket-status').innerText()).toBe(ticketSr.status.cancelled)
		// ...and the same POST sent again (a double tap, the back button) frees nothing twice.
		const again = await page.request.post(journey.ana.link, { form: { intent: 'cancel' } })
		expect(again.status()).toBe(200)
		expect(new URL(again.url()).searchParams.get('cancelled')).toBe('1')
		const apiAgain = await fetch(`${server.url}/api/v1/tickets/${journey.ana.token}/cancel`, { method: 'POST' })
		expect(apiAgain.status).toBe(200)
		expect((await apiAgain.json()).promoted).toEqual([])
	})

	test("Branko's party, first in line and fitting, is promoted at once; Cveta is now first in line", async () => {
		// The counts right after the cancel: Ana's 2 places went to Branko's 2; Cveta waits.
		expect(await counts()).toEqual({ registered: 2, waitlisted: 1, remaining: 0 })
		expect(await registrationOf(ANA.email)).toMatchObject({ status: 'cancelled' })
		expect(await registrationOf(CVETA.email)).toMatchObject({ status: 'waitlisted', position: 1 })
		const brankoFromApi = await registrationOf(BRANKO.email)
		expect(brankoFromApi.status).toBe('confirmed')

		// Branko's page (he still has it open) shows the ticket when he looks again.
		const { page } = journey.branko
		await page.goto(`${server.url}/tickets/${journey.branko.token}`)
		await waitForHydration(page)
		expect(await page.locator('.ticket-status').innerText()).toBe(ticketSr.status.confirmed)
		expect(await page.locator('#ticket-title').innerText()).toBe(ticketSr.title)
		const code = await readQrOnPage(page)
		const claims = expectValidTicket(code)
		expect(claims).toMatchObject({ eventId, registrationId: brankoFromApi.id })
		expect(brankoFromApi.ticket?.code).toBe(code)
		await expectAccessible(page)
		await expectNoSidewaysScroll(page)

		// Cveta's page (no JavaScript) says she is next.
		const cveta = journey.cveta.page
		await cveta.goto(`${server.url}/tickets/${journey.cveta.token}`)
		expect(await cveta.locator('.ticket-status').innerText()).toBe(ticketSr.status.waitlisted)
		expect(await cveta.locator('.ticket-position-number').innerText()).toBe('1')

		// The promotion mail: the ticket (the same code) and the invite.
		const promoted = await mailTo(BRANKO, subject('promoted'))
		expect(promoted.parsed.text).toContain(mail.promoted.intro)
		// Each mail carries a link of its own (only hashes are stored); it opens Branko's ticket too.
		const promotedLink = manageLinkIn(promoted)
		expect(promotedLink.token).not.toBe(journey.branko.token)
		const promotedPage = await fetch(promotedLink.link)
		expect(promotedPage.status).toBe(200)
		expect(await promotedPage.text()).toContain(BRANKO.name)
		expect(ticketInMail(promoted)).toBe(code)
		inviteInMail(promoted, BRANKO)

		// Ana's cancellation mail, once, whatever the second cancel did; it removes her calendar entry.
		const cancelled = await mailTo(ANA, subject('cancelled'))
		const cancel = cancelled.parsed.attachments.find((a) => a.contentType === 'text/calendar')!
		const calendar = new ICAL.Component(ICAL.parse(cancel.content.toString('utf8')))
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
		expectEvent(calendar)
		// What was queued is all that can ever be sent: no second cancellation, nothing extra.
		await outboxSettled(server.dbPath)
		expect(queuedTemplates(server.dbPath, ANA.email)).toEqual(['registration-confirmed', 'registration-cancelled'])
		expect(queuedTemplates(server.dbPath, BRANKO.email)).toEqual(['registration-waitlisted', 'registration-promoted'])
		expect(queuedTemplates(server.dbPath, CVETA.email)).toEqual(['registration-waitlisted'])
		expect(smtp.to(ANA.email).map((m) => m.parsed.subject)).toEqual([subject('confirmed'), subject('cancelled')])
		expect(smtp.to(BRANKO.email).map((m) => m.parsed.subject)).toEqual([subject('waitlisted'), subject('promoted')])
		expect(smtp.to(CVETA.email).map((m) => m.parsed.subject)).toEqual([subject('waitlisted')])
	})
})
