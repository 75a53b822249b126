// The outbox as the built server runs it: its own worker delivers mail after a registration
// (no CLI, no test code calling delivery), to a real SMTP server; organizers see and resend
// mail in /admin/outbox.
import ICAL from 'ical.js'
import { afterEach, describe, expect, test } from 'vitest'
import { dbRun } from '#tests/support/database.ts'
import { startMailServer, TEST_MAIL_FROM } from '#tests/support/mail-server.ts'
import { NEXT_YEAR, organizerApi } from '#tests/support/organizer-api.ts'
import { logInCookie } from '#tests/support/pages.ts'
import { startServer } from '#tests/support/server.ts'

const cleanups: (() => unknown)[] = []

afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('the built server', () => {
	test('delivers by itself after a registration, and organizers see the outbox in /admin', async () => {
		const smtp = await startMailServer()
		cleanups.push(() => smtp.close())
		const server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: TEST_MAIL_FROM } })
		cleanups.push(() => server.stop())
		const api = await organizerApi(server)
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
		const response = await fetch(`${server.url}/api/v1/events/${event.slug}/registrations`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'Milica Petrović', email: 'milica@primer.rs', partySize: 2, locale: 'sr-Cyrl', consent: { privacy: true } }),
		})
		expect(response.status, await response.clone().text()).toBe(201)
		const mail = await smtp.waitFor((m) => m.envelope.to.includes('milica@primer.rs'), 10_000)
		expect(mail.parsed.subject).toBe('Пријава потврђена: Дан отворених врата')
		expect(mail.parsed.attachments.find((a) => a.contentType === 'image/png')?.related).toBe(true)
		const ics = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar' || a.contentType === 'application/ics')!.content.toString('utf8')
		const calendar = new ICAL.Component(ICAL.parse(ics))
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
		const vevent = calendar.getFirstSubcomponent('vevent')!
		expect(vevent.getFirstProperty('attendee')!.getFirstValue()).toBe('mailto:milica@primer.rs')
		expect((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(`${NEXT_YEAR}-05-12T08:00:00.000Z`)
		expect(mail.parsed.text).toContain(`${server.url}/tickets/`)

		// The outbox page: organizers only, the mail listed as sent.
		expect((await fetch(`${server.url}/admin/outbox`, { redirect: 'manual' })).status).toBe(302)
		const cookie = await logInCookie(server)
		const page = await fetch(`${server.url}/admin/outbox?status=sent&lang=en`, { headers: { Cookie: cookie } })
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain('Outgoing mail')
		expect(html).toContain('milica@primer.rs')
		expect(html).toContain('Milica Petrović')
		expect(html).toContain('Confirmation and ticket')
		// Resending a sent mail sends a copy.
		const id = /name="id" value="(\d+)"/.exec(html)![1]!
		const resend = await fetch(`${server.url}/admin/outbox`, {
			method: 'POST',
			headers: { Cookie: cookie },
			body: new URLSearchParams({ intent: 'resend', id, status: 'sent' }),
			redirect: 'manual',
		})
		expect(resend.status).toBe(302)
		expect(resend.headers.get('location')).toBe('/admin/outbox?status=sent&notice=resent')
		await smtp.waitFor((m) => m.envelope.to.includes('milica@primer.rs') && m.parsed.messageId !== mail.parsed.messageId, 15_000)
		expect(smtp.to('milica@primer.rs')).toHaveLength(2)
	})

	test('without SMTP_URL, the outbox page says in the reader’s language which file the mail went to', async () => {
		const server = await startServer()
		cleanups.push(() => server.stop())
		const api = await organizerApi(server)
		const event = await api.create({
			title: 'Radionica pletenja',
			kind: 'workshop',
			startsAt: `${NEXT_YEAR}-06-02T10:00:00+02:00`,
			endsAt: `${NEXT_YEAR}-06-02T12:00:00+02:00`,
			venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
			capacity: 12,
			status: 'published',
		})
		const response = await fetch(`${server.url}/api/v1/events/${event.slug}/registrations`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'Vesna Ilić', email: 'vesna@primer.rs', consent: { privacy: true } }),
		})
		expect(response.status, await response.clone().text()).toBe(201)
		const cookie = await logInCookie(server)
		const expectations = [
			['sr-Latn', 'Zapisana u datoteku mail/outbox-'],
			['sr-Cyrl', 'Записана у датотеку mail/outbox-'],
			['en', 'Written to the file mail/outbox-'],
		] as const
		// The server's own worker writes the mail soon after the registration.
		const sentPage = () => fetch(`${server.url}/admin/outbox?status=sent&lang=en`, { headers: { Cookie: cookie } }).then((r) => r.text())
		for (let tries = 0; !(await sentPage()).includes('vesna@primer.rs'); tries++) {
			expect(tries, 'the mail is written within 15 s').toBeLessThan(300)
			await new Promise((resolve) => setTimeout(resolve, 50))
		}
		for (const [locale, text] of expectations) {
			const html = await (await fetch(`${server.url}/admin/outbox?status=sent&lang=${locale}`, { headers: { Cookie: cookie } })).text()
			expect(html, locale).toContain(text)
			expect(html, locale).not.toContain('SMTP_URL not set')
		}

		// A reminder withheld at delivery (the person stopped these mails): its own status, and the
		// reason in the reader's language, not a failure to act on.
		dbRun(
			server,
			`INSERT INTO outbox (template, locale, to_address, to_name, params, status, last_error, next_attempt_at, created_at)
			 VALUES ('event-reminder', 'sr-Latn', 'odjavljena@primer.rs', 'Odjavljena', '{}', 'withheld', 'mails_stopped', ?, ?)`,
			Date.now(),
			Date.now(),
		)
		for (const [locale, status, reason] of [
			['sr-Latn', 'zadržana', 'Nije poslata: osoba je odjavila ove imejlove.'],
			['en', 'withheld', 'Not sent: the person stopped these emails.'],
		] as const) {
			const html = await (await fetch(`${server.url}/admin/outbox?status=withheld&lang=${locale}`, { headers: { Cookie: cookie } })).text()
			expect(html, locale).toContain('odjavljena@primer.rs')
			expect(html, locale).toContain(`>${status}</span>`)
			expect(html, locale).toContain(reason)
			expect(html, locale).not.toContain('vesna@primer.rs')
		}
	})
})
