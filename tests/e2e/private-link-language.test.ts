// A private link opens in the language its owner chose when they registered or applied, whatever
// the browser that opens it says (CONTRACT.md, Stable URLs), unless ?lang= says otherwise: a
// visitor registers in Cyrillic on a phone set to English and opens the mailed link there; an
// exhibitor applies in English on a Serbian browser and the link is opened on another one.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import applicationCyrl from '#app/locales/sr-Cyrl/application.json'
import applicationEn from '#app/locales/en/application.json'
import ticketCyrl from '#app/locales/sr-Cyrl/ticket.json'
import ticketEn from '#app/locales/en/ticket.json'
import { bodyText, checkPageErrorsAfterEach, startJourneyServers, type JourneyServers } from '#tests/support/journey.ts'
import type { ReceivedMail, TestMailServer } from '#tests/support/mail-server.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { waitForHydration } from '#tests/support/browser.ts'
import type { TestServer } from '#tests/support/server.ts'

let servers: JourneyServers | undefined
let server: TestServer
let smtp: TestMailServer
let browser: Browser
let api: OrganizerApi

const VENUE = { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' }

beforeAll(async () => {
	servers = await startJourneyServers()
	;({ server, smtp, browser } = servers)
	api = await organizerApi(server)
})

afterAll(() => servers?.close())

const contexts = checkPageErrorsAfterEach()

const mailText = (mail: ReceivedMail) => mail.parsed.text ?? ''
const linkIn = (mail: ReceivedMail, pattern: RegExp) => mailText(mail).match(pattern)?.[0]

test('a ticket registered in Cyrillic opens in Cyrillic on an English phone; ?lang=en switches it; the .ics is Cyrillic', async () => {
	await api.create({
		title: 'Radionica keramike za početnike',
		slug: 'radionica-jezik',
		kind: 'workshop',
		summary: 'Osnove rada sa glinom.',
		startsAt: `${NEXT_YEAR}-09-12T17:00:00+02:00`,
		endsAt: `${NEXT_YEAR}-09-12T19:00:00+02:00`,
		venue: VENUE,
		capacity: 20,
		status: 'published',
	})
	// A phone set to English; the visitor picks Cyrillic on the event page and registers.
	const { page } = await contexts.phone(browser, { locale: 'en-US' })
	await page.goto(`${server.url}/events/radionica-jezik?lang=sr-Cyrl`)
	expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl')
	await page.locator('form.registration-form input[name=name]').fill('Милица Јовановић')
	await page.locator('form.registration-form input[name=email]').fill('milica@example.rs')
	await page.locator('form.registration-form input[name=consentPrivacy]').check()
	await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/tickets/')), page.locator('form.registration-form button[type=submit]').click()])

	const mail = await smtp.waitFor((m) => m.envelope.to.includes('milica@example.rs'))
	const link = linkIn(mail, /https?:\/\/[^\s)]+\/tickets\/[A-Za-z0-9_-]{43}/)
	expect(link, mailText(mail)).toBeDefined()
	const ticketPath = new URL(link!).pathname

	// Another English phone that remembers English (the cookie) opens the mailed link: Cyrillic.
	const other = await contexts.phone(browser, { locale: 'en-US' })
	await other.page.goto(`${server.url}/?lang=en`)
	expect(await other.page.locator('html').getAttribute('lang')).toBe('en')
	const opened = await other.page.goto(`${server.url}${ticketPath}`)
	expect(opened?.status()).toBe(200)
	expect(opened?.headers()['cache-control']).toContain('no-store')
	expect(await other.page.locator('html').getAttribute('lang')).toBe('sr-Cyrl')
	expect(await other.page.title()).toContain(ticketCyrl.metaTitle)
	expect(await bodyText(other.page)).toContain('Радионица керамике за почетнике')

	// The calendar file in Cyrillic too, though the browser and its cookie say English.
	const ics = await other.page.request.get(`${server.url}${ticketPath}/ticket.ics`)
	expect(ics.status()).toBe(200)
	expect(await ics.text()).toMatch(/^SUMMARY:Радионица керамике за почетнике/m)

	// The language switcher (plain links with ?lang=) turns the page English, and its own links keep it.
	await Promise.all([other.page.waitForURL((url) => url.searchParams.get('lang') === 'en'), other.page.locator('.lang-switch a[hreflang=en]').click()])
	expect(await other.page.locator('html').getAttribute('lang')).toBe('en')
	expect(await other.page.title()).toContain(ticketEn.metaTitle)
	const cancelHref = await other.page.locator(`a[href*="confirm=cancel"]`).getAttribute('href')
	expect(new URL(cancelHref!, server.url).searchParams.get('lang')).toBe('en')
	const icsHref = await other.page.locator('a[href*="ticket.ics"]').first().getAttribute('href')
	const icsEn = await other.page.request.get(new URL(icsHref!, server.url).href)
	expect(await icsEn.text()).toMatch(/^SUMMARY:Radionica keramike za početnike/m)

	// Without ?lang= the link is the visitor's own language again, whatever the cookie now says.
	await other.page.goto(`${server.url}${ticketPath}`)
	expect(await other.page.locator('html').getAttribute('lang')).toBe('sr-Cyrl')
})

test('an application made in English on a Serbian browser opens in English on another Serbian browser, its edit page too; ?lang=sr-Cyrl switches it', async () => {
	await api.create({
		title: 'Mini-sajam jezika',
		slug: 'mini-sajam-jezik',
		kind: 'fair',
		summary: 'Socijalna preduzeća Rasinskog okruga.',
		startsAt: `${NEXT_YEAR}-06-13T10:00:00+02:00`,
		endsAt: `${NEXT_YEAR}-06-13T18:00:00+02:00`,
		venue: VENUE,
		capacity: null,
		status: 'published',
	})
	// A Serbian browser; the exhibitor picks English on the form and applies.
	const email = 'ana@example.rs'
	const applicant = await contexts.phone(browser, { locale: 'sr-RS' })
	const form = applicant.page
	await form.goto(`${server.url}/fairs/mini-sajam-jezik/apply?lang=en`)
	expect(await form.locator('html').getAttribute('lang')).toBe('en')
	await waitForHydration(form)
	const field = (name: string) => form.locator(`[name="${name}"]`)
	await field('organization.name').fill('Zadruga Ana')
	await field('organization.legalForm').selectOption('informal_group')
	await field('organization.municipality').selectOption('krusevac')
	await field('category').selectOption('textiles')
	await field('products').fill('Hand-woven rugs')
	await field('contact.name').fill('Ana Ilić')
	await field('contact.email').fill(email)
	await field('consent.privacy').check()
	await Promise.all([form.waitForURL((url) => url.pathname.startsWith('/applications/')), form.locator('form button[type=submit]').last().click()])
	expect(await form.locator('html').getAttribute('lang')).toBe('en')

	const mail = await smtp.waitFor((m) => m.envelope.to.includes(email))
	const link = linkIn(mail, /https?:\/\/[^\s)]+\/applications\/[A-Za-z0-9_-]{43}/)
	expect(link, mailText(mail)).toBeDefined()
	const path = new URL(link!).pathname

	// Another Serbian browser that remembers Latin Serbian opens the mailed link: English.
	const { page } = await contexts.phone(browser, { locale: 'sr-RS' })
	await page.goto(`${server.url}/?lang=sr-Latn`)
	const opened = await page.goto(`${server.url}${path}`)
	expect(opened?.status()).toBe(200)
	expect(opened?.headers()['cache-control']).toContain('no-store')
	expect(await page.locator('html').getAttribute('lang')).toBe('en')
	expect(await page.title()).toContain(applicationEn.metaTitle)
	await page.goto(`${server.url}${path}/edit`)
	expect(await page.locator('html').getAttribute('lang')).toBe('en')

	// ?lang=sr-Cyrl turns it Cyrillic, and the link to the edit page keeps the choice.
	await page.goto(`${server.url}${path}?lang=sr-Cyrl`)
	expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl')
	expect(await page.title()).toContain(applicationCyrl.metaTitle)
	const editHref = await page.locator(`a[href*="/edit"]`).first().getAttribute('href')
	expect(new URL(editHref!, server.url).searchParams.get('lang')).toBe('sr-Cyrl')
})
