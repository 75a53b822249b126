// An organizer writes a message to an event's visitors in the admin, previews it (the count and the
// mail in each language), confirms the count and sends it; the visitor reads it in the SMTP
// mailbox. No JavaScript is needed for any step; the pages are checked at 390 px and with axe.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import adminEn from '#app/locales/en/admin.json'
import { loginAsAdmin } from '#tests/support/browser.ts'
import {
	bodyText,
	expectAccessible,
	expectNoSidewaysScroll,
	screenshot,
	startJourneyServers,
	useJourneySteps,
	type JourneyServers,
} from '#tests/support/journey.ts'
import type { TestMailServer } from '#tests/support/mail-server.ts'
import { NEXT_YEAR, organizerApi } from '#tests/support/organizer-api.ts'
import type { TestServer } from '#tests/support/server.ts'

let servers: JourneyServers | undefined
let server: TestServer
let smtp: TestMailServer
let browser: Browser
let eventId: number

beforeAll(async () => {
	servers = await startJourneyServers({ CONTACT_EMAIL: 'kontakt@csp.test' })
	;({ server, smtp, browser } = servers)
	const api = await organizerApi(server)
	const event = await api.create({
		title: 'Radionica pletenja',
		kind: 'workshop',
		startsAt: `${NEXT_YEAR}-10-03T17:00:00+02:00`,
		endsAt: `${NEXT_YEAR}-10-03T19:00:00+02:00`,
		venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
		capacity: 20,
		status: 'published',
	})
	eventId = event.id
	for (const [email, locale] of [
		['ana@primer.rs', 'sr-Latn'],
		['jovan@primer.rs', 'sr-Cyrl'],
	] as const) {
		const response = await fetch(`${server.url}/api/v1/events/${event.slug}/registrations`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'Posetilac', email, partySize: 1, locale, consent: { privacy: true } }),
		})
		expect(response.status).toBe(201)
		await smtp.waitFor((m) => m.envelope.to.includes(email), 15_000)
	}
})

afterAll(() => servers?.close())

const contexts = useJourneySteps()

test('an organizer composes, previews and sends a message; the visitors read it in their language', async () => {
	const { page } = await contexts.phone(browser, { javaScriptEnabled: false, locale: 'en-US' })
	await loginAsAdmin(page, server, `/admin/events/${eventId}?lang=en`)
	await page.getByRole('link', { name: adminEn.messages.link, exact: true }).click()
	expect(new URL(page.url()).pathname).toBe(`/admin/events/${eventId}/messages`)
	await expectNoSidewaysScroll(page)

	// An empty subject is refused with the field named.
	await page.locator('select[name=audience]').selectOption('visitors:confirmed')
	await page.locator('textarea[name=body]').fill('Ponesite iglice.\n\nUputstvo: https://example.org/pletenje')
	await page.getByRole('button', { name: adminEn.messages.preview }).click()
	expect(await page.locator('#subject-error').innerText()).not.toBe('')

	await page.locator('input[name=subject]').fill('Šta poneti')
	await page.getByRole('button', { name: adminEn.messages.preview }).click()
	const preview = page.locator('[data-preview]')
	expect(await preview.locator('[data-recipients]').getAttribute('data-recipients')).toBe('2')
	const text = await bodyText(page)
	expect(text).toContain('Šta poneti')
	expect(text).toContain('Шта понети')
	expect(text).toContain('This message from the organizers is in Serbian only.')
	await expectNoSidewaysScroll(page)
	await screenshot(page, 'messages-preview-390')

	// Sending without ticking the count is refused; ticked, it goes.
	await page.getByRole('button', { name: adminEn.messages.send }).click()
	expect(await page.locator('#confirm-error').innerText()).not.toBe('')
	expect(smtp.messages.filter((m) => m.parsed.subject?.includes('Šta poneti'))).toHaveLength(0)
	await page.getByLabel('Send to 2 people').check()
	await page.getByRole('button', { name: adminEn.messages.send }).click()
	await page.waitForURL((url) => url.searchParams.has('sent'))
	expect(await page.locator('[data-notice=sent]').innerText()).toContain('2')
	expect(await bodyText(page)).toContain('Šta poneti')
	await screenshot(page, 'messages-sent-390')

	const latin = await smtp.waitFor((m) => m.envelope.to.includes('ana@primer.rs') && (m.parsed.subject ?? '').includes('Šta poneti'), 15_000)
	expect(latin.parsed.text).toContain('Ponesite iglice.')
	expect(latin.parsed.html).toContain('<a href="https://example.org/pletenje"')
	expect(latin.parsed.replyTo?.value[0]?.address).toBe('kontakt@csp.test')
	const cyrl = await smtp.waitFor((m) => m.envelope.to.includes('jovan@primer.rs') && (m.parsed.subject ?? '').includes('Шта понети'), 15_000)
	expect(cyrl.parsed.text).toContain('Понесите иглице.')

	// With JavaScript too, on a desktop: the page with its list passes axe.
	const desktop = await contexts.desktop(browser, { locale: 'en-US' })
	await loginAsAdmin(desktop.page, server, `/admin/events/${eventId}/messages?lang=en`)
	expect(await bodyText(desktop.page)).toContain('Šta poneti')
	await expectAccessible(desktop.page)
	await screenshot(desktop.page, 'messages-list-1280')
})
