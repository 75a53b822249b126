// The Center's contact for people (CONTACT_EMAIL, overridden in /admin/settings): every mail's
// Reply-To, every invite's ORGANIZER, the footer of every page and the privacy notice. Over HTTP
// against the built server, with a real SMTP server.
import Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startMailServer, type ReceivedMail, type TestMailServer } from '#tests/support/mail-server.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { addUserAndLogIn, getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let smtp: TestMailServer
let server: TestServer
let api: OrganizerApi
let slug: string

beforeAll(async () => {
	smtp = await startMailServer()
	// MAIL_FROM with the default display name: Cyrillic mail shows it as Сајам.
	server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sajam <no-reply@sajam.test>', CONTACT_EMAIL: 'kontakt@csp.test' } })
	api = await organizerApi(server)
	const event = await api.create({
		title: 'Dan otvorenih vrata',
		kind: 'promo',
		startsAt: `${NEXT_YEAR}-05-12T10:00:00+02:00`,
		endsAt: `${NEXT_YEAR}-05-12T13:00:00+02:00`,
		venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
		capacity: 20,
		maxPartySize: 4,
		status: 'published',
	})
	slug = event.slug
})

afterAll(async () => {
	await server?.stop()
	await smtp?.close()
})

async function register(email: string, locale = 'sr-Latn') {
	const response = await fetch(`${server.url}/api/v1/events/${slug}/registrations`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ name: 'Milica Petrović', email, partySize: 1, locale, consent: { privacy: true } }),
	})
	expect(response.status, await response.clone().text()).toBe(201)
	return smtp.waitFor((m) => m.envelope.to.includes(email), 15_000)
}

/** The MIME parts' Content-Type lines of the raw message. */
const contentTypes = (mail: ReceivedMail) =>
	[...mail.raw.toString('utf8').matchAll(/^Content-Type: ([^\r\n]+(?:\r\n[ \t][^\r\n]+)*)/gim)].map((m) => m[1]!.replace(/\r\n[ \t]+/g, ' '))

/** The one calendar part of a mail (text/calendar with its METHOD), parsed. */
function invite(mail: ReceivedMail) {
	const calendarParts = contentTypes(mail).filter((type) => /^(text\/calendar|application\/ics)/i.test(type))
	expect(calendarParts, 'exactly one calendar part: the text/calendar alternative with its method').toHaveLength(1)
	expect(calendarParts[0]).toMatch(/^text\/calendar; charset=utf-8; method=(REQUEST|CANCEL)$/i)
	const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar')!
	const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')))
	return { method: calendar.getFirstPropertyValue('method'), vevent: calendar.getFirstSubcomponent('vevent')! }
}

describe('the Center’s contact', () => {
	test('CONTACT_EMAIL is every mail’s Reply-To and the invite’s ORGANIZER; cancelling sends a CANCEL with a higher SEQUENCE', async () => {
		const mail = await register('milica@primer.rs', 'sr-Cyrl')
		expect(mail.parsed.replyTo?.value).toEqual([{ address: 'kontakt@csp.test', name: 'Центар за социјално предузетништво Крушевац' }])
		expect(mail.parsed.text).toContain('Одговорите на ову поруку или пишите на kontakt@csp.test.')
		// The default sender name in the mail's script.
		expect(mail.parsed.from?.value).toEqual([{ address: 'no-reply@sajam.test', name: 'Сајам' }])
		const request = invite(mail)
		expect(request.method).toBe('REQUEST')
		const organizer = request.vevent.getFirstProperty('organizer')!
		expect(organizer.getFirstValue()).toBe('mailto:kontakt@csp.test')
		expect(organizer.getParameter('cn')).toBe('Центар за социјално предузетништво Крушевац')
		// One Message-ID per row, with the database's random part.
		expect(mail.parsed.messageId).toMatch(/^<outbox-\d+\.[A-Za-z0-9_-]{12}@127\.0\.0\.1>$/)

		// Cancelling through the manage link: a CANCEL newer by SEQUENCE than the REQUEST.
		const token = /\/tickets\/([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')![1]!
		const cancelled = await fetch(`${server.url}/api/v1/tickets/${token}/cancel`, { method: 'POST' })
		expect(cancelled.status, await cancelled.clone().text()).toBe(200)
		const cancelMail = await smtp.waitFor((m) => m.envelope.to.includes('milica@primer.rs') && m !== mail, 15_000)
		const cancel = invite(cancelMail)
		expect(cancel.method).toBe('CANCEL')
		expect(cancel.vevent.getFirstPropertyValue('uid')).toBe(request.vevent.getFirstPropertyValue('uid'))
		expect(Number(cancel.vevent.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(request.vevent.getFirstPropertyValue('sequence')))
		expect(cancelMail.parsed.replyTo?.value[0]?.address).toBe('kontakt@csp.test')
		expect(cancelMail.parsed.messageId).not.toBe(mail.parsed.messageId)

		// Registering again: the new REQUEST is newer than that CANCEL, so the entry comes back.
		const again = await register('milica@primer.rs', 'sr-Cyrl').then(async () =>
			smtp.waitFor((m) => m.envelope.to.includes('milica@primer.rs') && m !== mail && m !== cancelMail, 15_000),
		)
		expect(Number(invite(again).vevent.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(cancel.vevent.getFirstPropertyValue('sequence')))
	})

	test('the footer of every page and the privacy notice show it', async () => {
		for (const path of ['/', '/privacy', `/events/${slug}`]) {
			const page = await getPage(server, path)
			expect(page.status, path).toBe(200)
			expect(page.html, path).toContain('href="mailto:kontakt@csp.test"')
		}
		const privacy = await getPage(server, '/privacy?lang=en')
		expect(privacy.html).toContain('contact us as below')
		expect(privacy.html).not.toContain('write to us at that address')
	})

	test('an organizer may not open the settings; an admin sets a contact that overrides CONTACT_EMAIL', async () => {
		const organizer = await addUserAndLogIn(server, 'organizerka@csp.test', 'organizer')
		expect((await getPage(server, '/admin/settings', { cookie: organizer })).status).toBe(403)
		expect((await submitForm(server, '/admin/settings', { email: 'evil@example.org' }, { cookie: organizer })).status).toBe(403)
		expect((await getPage(server, '/admin', { cookie: organizer })).html).not.toContain('href="/admin/settings"')

		const admin = await logInCookie(server)
		expect((await getPage(server, '/admin', { cookie: admin })).html).toContain('href="/admin/settings"')
		const form = await getPage(server, '/admin/settings?lang=en', { cookie: admin })
		expect(form.status).toBe(200)
		expect(form.html).toContain('kontakt@csp.test')
		// A wrong value: the form again with a message in the reader's language, nothing stored.
		const wrong = await submitForm(server, '/admin/settings?lang=en', { email: 'not-an-address', phone: '12', address: '' }, { cookie: admin })
		expect(wrong.status).toBe(200)
		expect(wrong.html).toContain('Enter a phone number starting with +381 or 0')
		expect(wrong.html).not.toContain('data-notice="saved"')

		const saved = await submitForm(
			server,
			'/admin/settings',
			{ email: 'info@csp.test', phone: '037 123 456', address: 'Jugovićeva 17, 37000 Kruševac' },
			{ cookie: admin },
		)
		expect(saved.status).toBe(200)
		expect(saved.html).toContain('data-notice="saved"')
		const db = new Database(server.dbPath, { readonly: true })
		const audit = db.prepare("SELECT actor, details FROM audit_log WHERE action = 'settings.contact'").all() as { actor: string; details: string }[]
		db.close()
		expect(audit).toHaveLength(1)
		expect(audit[0]!.actor).toMatch(/^user:\d+$/)
		expect(JSON.parse(audit[0]!.details)).toEqual({ email: 'info@csp.test', phone: '037 123 456', address: 'Jugovićeva 17, 37000 Kruševac' })

		const home = await getPage(server, '/')
		expect(home.html).toContain('href="mailto:info@csp.test"')
		expect(home.html).toContain('href="tel:037123456"')
		expect(home.html).not.toContain('kontakt@csp.test')
		const privacy = await getPage(server, '/privacy')
		expect(privacy.html).toContain('href="mailto:info@csp.test"')
		expect(privacy.html).toContain('Jugovićeva 17, 37000 Kruševac')

		const mail = await register('jovan@primer.rs')
		expect(mail.parsed.replyTo?.value[0]?.address).toBe('info@csp.test')
		expect(invite(mail).vevent.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:info@csp.test')

		// Emptied, the address falls back to CONTACT_EMAIL.
		await submitForm(server, '/admin/settings', { email: '', phone: '', address: '' }, { cookie: admin })
		expect((await getPage(server, '/')).html).toContain('href="mailto:kontakt@csp.test"')
	})
})
