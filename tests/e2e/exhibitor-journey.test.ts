// An exhibitor's journey, end to end, in Chromium: a cooperative applies for a stand on a 390 px
// phone (with a logo), reads the "received" mail that arrived over SMTP and follows its magic link;
// an organizer reviews and accepts on the desktop, and nothing is mailed until the decisions are
// released; then the decision mail arrives, the exhibitor confirms on the phone, and the
// cooperative appears in the public catalogue. The built server, its outbox worker, a real SMTP
// server and a real browser; nothing mocked.
import { deflateSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import applicationSr from '#app/locales/sr-Latn/application.json'
import { PHONE, loginAsAdmin, waitForHydration } from '#tests/support/browser.ts'
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

const FAIR = {
	slug: 'mini-sajam-e2e',
	title: 'Mini-sajam socijalnog preduzetništva',
	startsAt: `${NEXT_YEAR}-06-13T10:00:00+02:00`,
	endsAt: `${NEXT_YEAR}-06-13T18:00:00+02:00`,
}
const COOP = {
	name: 'Socijalna zadruga Rasinka',
	email: 'jelena@rasinka.rs',
	contact: 'Jelena Petrović',
	products: 'Med, ajvar i džemovi od voća iz Rasinskog okruga',
}

let server: TestServer
let smtp: TestMailServer
let browser: Browser
let servers: JourneyServers | undefined
let api: OrganizerApi
const journey = {
	exhibitor: {} as { context: BrowserContext; page: Page; manageUrl: string },
	organizer: {} as { page: Page },
}

/** A real 64×64 PNG (a solid colour), built by hand so the test needs no image library. */
function pngLogo(): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
		return c >>> 0
	})
	const crc = (buf: Buffer) => {
		let c = 0xffffffff
		for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
		return (c ^ 0xffffffff) >>> 0
	}
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
		const out = Buffer.alloc(data.length + 12)
		out.writeUInt32BE(data.length, 0)
		body.copy(out, 4)
		out.writeUInt32BE(crc(body), data.length + 8)
		return out
	}
	const size = 64
	const header = Buffer.alloc(13)
	header.writeUInt32BE(size, 0)
	header.writeUInt32BE(size, 4)
	header[8] = 8 // bit depth
	header[9] = 2 // truecolour
	const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([0xe0, 0x9b, 0x2c]))])
	const pixels = Buffer.concat(Array.from({ length: size }, () => row))
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(pixels)),
		chunk('IEND', Buffer.alloc(0)),
	])
}

beforeAll(async () => {
	servers = await startJourneyServers()
	;({ smtp, server, browser } = servers)
	api = await organizerApi(server)
	await api.create({
		title: FAIR.title,
		slug: FAIR.slug,
		kind: 'fair',
		summary: 'Društvena preduzeća Rasinskog okruga predstavljaju i prodaju svoje proizvode.',
		startsAt: FAIR.startsAt,
		endsAt: FAIR.endsAt,
		venue: { name: 'Trg kosovskih junaka', address: 'Trg kosovskih junaka bb', city: 'Kruševac' },
		capacity: null,
		status: 'published',
	})
})

afterAll(() => servers?.close())

const contexts = useJourneySteps()

const mailText = (mail: ReceivedMail) => mail.parsed.text ?? ''
const mailTo = (address: string) => (mail: ReceivedMail) => mail.envelope.to.includes(address)
const linkIn = (mail: ReceivedMail, pattern: RegExp) => mailText(mail).match(pattern)?.[0]

test('a cooperative applies for a stand on a phone, with its logo', async () => {
	const { context, page, watch } = await contexts.phone(browser)
	await page.goto(`${server.url}/events/${FAIR.slug}`)
	await page.locator(`a[href^="/fairs/${FAIR.slug}/apply"]`).first().click()
	await page.waitForURL((url) => url.pathname === `/fairs/${FAIR.slug}/apply`)
	await waitForHydration(page)
	await expectNoSidewaysScroll(page)
	await expectAccessible(page, 'the application form')

	const field = (name: string) => page.locator(`[name="${name}"]`)
	await field('organization.name').fill(COOP.name)
	await field('organization.legalForm').selectOption('social_cooperative')
	await field('organization.companyNumber').fill('65794896')
	// A wrong check digit first: the form says so and keeps everything typed.
	await field('organization.pib').fill('101134703')
	await field('organization.municipality').selectOption('krusevac')
	await field('organization.foundedYear').fill('2019')
	await page.locator('[name="lawStatus.apr"][value="pending"]').check()
	await page.locator('[name="lawStatus.ways"][value="work_integration"]').check()
	await field('staff.employees').fill('6')
	await field('staff.women').fill('5')
	await field('staff.vulnerable.roma').fill('2')
	await field('category').selectOption('food')
	await field('products').fill(COOP.products)
	await field('description').fill('Radna integracija žena iz seoskih sredina kroz preradu voća.')
	await page.locator('input[type=file]').setInputFiles({ name: 'rasinka.png', mimeType: 'image/png', buffer: pngLogo() })
	await field('needs.power').check()
	await field('contact.name').fill(COOP.contact)
	await field('contact.email').fill(COOP.email)
	await field('contact.phone').fill('064 123 4567')
	await field('consent.privacy').check()
	await field('consent.catalogue').check()
	await field('consent.research').check()
	// The server checks the form (the browser checks only the logo, decision 0012): a 422 that marks the field.
	await watch.expecting(/^HTTP 422 POST /, async () => {
		await page.locator('form button[type=submit]').last().click()
		await page.locator('[aria-invalid="true"][name="organization.pib"]').waitFor()
	})
	expect(await field('organization.name').inputValue()).toBe(COOP.name)
	expect(await field('products').inputValue()).toBe(COOP.products)
	await screenshot(page, `apply-errors-${PHONE.width}`)

	await field('organization.pib').fill('101134702')
	// The logo chosen before is kept; it need not be chosen again.
	await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/applications/')), page.locator('form button[type=submit]').last().click()])
	expect(new URL(page.url()).searchParams.get('submitted')).toBe('1')
	await page.getByText(applicationSr.state.submitted.title).waitFor()
	await expect.poll(() => page.locator('img[src*="/logo"]').count()).toBeGreaterThan(0)
	await expectNoSidewaysScroll(page)
	await screenshot(page, `application-submitted-${PHONE.width}`)

	// The mail with the magic link arrived, in Serbian, with the same link.
	const received = await smtp.waitFor(mailTo(COOP.email))
	const manageUrl = linkIn(received, /https?:\/\/[^\s)]+\/applications\/[A-Za-z0-9_-]{43}/)
	expect(manageUrl, mailText(received)).toBeDefined()
	expect(new URL(manageUrl!).pathname).toBe(new URL(page.url()).pathname)
	journey.exhibitor = { context, page, manageUrl: manageUrl! }
})

test('an organizer scores and accepts; nobody is emailed until the decisions are released', async () => {
	const { page } = await contexts.desktop(browser)
	await loginAsAdmin(page, server, '/admin')
	const eventHref = await page.locator('a[href^="/admin/events/"]', { hasText: FAIR.title }).first().getAttribute('href')
	const eventId = eventHref!.match(/\/admin\/events\/(\d+)/)![1]
	await page.goto(`${server.url}/admin/events/${eventId}/applications`)
	await waitForHydration(page)
	await page.locator('a', { hasText: COOP.name }).first().click()
	await page.waitForURL((url) => /\/applications\/\d+$/.test(url.pathname))
	// With JavaScript the address changes a moment before the detail page is rendered.
	await expect.poll(() => bodyText(page)).toContain(COOP.products)
	await expect.poll(() => page.locator('img[src*="/logo"]').count()).toBeGreaterThan(0)

	// A review on the rubric: 5, 4, 4.
	for (const [criterion, score] of [
		['fit', 5],
		['quality', 4],
		['novelty', 4],
	] as const) {
		await page.locator(`input[type=radio][name="${criterion}"][value="${score}"]`).check()
	}
	await Promise.all([
		page.waitForURL((url) => url.search.includes('saved=')),
		page.locator('form:has(input[name=intent][value=review]) button[type=submit]').click(),
	])
	// With JavaScript the address changes a moment before the page is rendered again.
	await expect.poll(() => bodyText(page)).toMatch(/4[,.]3/)

	// The decision is staged: the exhibitor's page still says "under review", no mail goes out.
	await page.locator('#decision-accepted').check()
	await page.locator('form:has(input[name=intent][value=decision]) textarea').fill('Dobrodošli! Štand vam je pored ulaza.')
	await Promise.all([
		page.waitForURL((url) => url.search.includes('saved=')),
		page.locator('form:has(input[name=intent][value=decision]) button[type=submit]').click(),
	])
	await page.locator('[data-staging-hint]').waitFor()
	await journey.exhibitor.page.reload()
	await journey.exhibitor.page.getByText(applicationSr.state.submitted.title).waitFor()
	// A decision is staged, not sent: nothing but the "received" mail was queued for the exhibitor.
	await outboxSettled(server.dbPath)
	expect(queuedTemplates(server.dbPath, COOP.email), 'only the "received" mail before the release').toEqual(['application-received'])
	expect(smtp.messages.filter(mailTo(COOP.email))).toHaveLength(1)
	await screenshot(page, 'review-detail-1280')

	// One action releases the decisions: now the decision mail goes out.
	await page.goto(`${server.url}/admin/events/${eventId}/applications`)
	await waitForHydration(page)
	await page.locator('[data-release-item]', { hasText: COOP.name }).waitFor()
	await page.locator('#release-confirm').check()
	await Promise.all([
		page.waitForURL((url) => url.search.includes('released=')),
		page.locator('form:has(input[name=intent][value=release]) button[type=submit]').click(),
	])
	await page.locator('[data-notice=released][data-released="1"]').waitFor()
	await screenshot(page, 'review-list-1280')
	const decision = await smtp.waitFor((m) => mailTo(COOP.email)(m) && m !== smtp.messages.find(mailTo(COOP.email)))
	expect(mailText(decision)).toContain('Dobrodošli! Štand vam je pored ulaza.')
	// Each mail carries a link of its own (only hashes are stored); it opens the same application.
	const decisionLink = linkIn(decision, /https?:\/\/[^\s)]+\/applications\/[A-Za-z0-9_-]{43}/)
	expect(decisionLink).toBeDefined()
	expect(decisionLink).not.toBe(journey.exhibitor.manageUrl)
	const decisionPage = await fetch(decisionLink!)
	expect(decisionPage.status).toBe(200)
	expect(await decisionPage.text()).toContain(COOP.name)
	journey.organizer = { page }
})

test('the exhibitor confirms on the phone and appears in the public catalogue', async () => {
	const { page } = journey.exhibitor
	await page.goto(journey.exhibitor.manageUrl)
	await waitForHydration(page)
	expect(await bodyText(page)).toContain(applicationSr.state.awaiting.title)
	expect(await bodyText(page)).toContain('Dobrodošli! Štand vam je pored ulaza.')
	await page.locator('button[name=intent][value=confirm]').click()
	await page.getByText(applicationSr.state.confirmed.title).waitFor()
	await expectNoSidewaysScroll(page)
	await expectAccessible(page, 'the magic-link page')
	await screenshot(page, `application-confirmed-${PHONE.width}`)

	await page.goto(`${server.url}/fairs/${FAIR.slug}/exhibitors`)
	await page.getByText(COOP.name).first().waitFor()
	await expectNoSidewaysScroll(page)
	await expectAccessible(page, 'the catalogue')
	await screenshot(page, `catalogue-${PHONE.width}`)
	await journey.exhibitor.context.close()
})
