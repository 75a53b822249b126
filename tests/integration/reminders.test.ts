// Reminders before an event, the thank-you after it and the one-click stop, against the built
// server and a real SMTP server. The clock is the test's: `cli sweep --now ISO` queues what is
// due at that time, and the server's own worker delivers it (events lie in the future, so the
// server's own minute sweep, on the real clock, finds nothing due for them).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { dbRun, dbValue } from '#tests/support/database.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { startMailServer, TEST_MAIL_FROM, type ReceivedMail, type TestMailServer } from '#tests/support/mail-server.ts'
import { NEXT_YEAR, organizerApi, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let smtp: TestMailServer
let server: TestServer
let api: OrganizerApi

beforeAll(async () => {
	smtp = await startMailServer()
	server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: TEST_MAIL_FROM, CONTACT_EMAIL: 'centar@sajam.test' } })
	api = await organizerApi(server)
}, 60_000)

afterAll(async () => {
	await server?.stop()
	await smtp?.close()
})

// Wednesday 10 June, 10:00–13:00 in Belgrade (UTC+2).
const STARTS = `${NEXT_YEAR}-06-10T08:00:00.000Z`
const ENDS = `${NEXT_YEAR}-06-10T11:00:00.000Z`
const REMINDER_AT = new Date(Date.parse(STARTS) - 24 * 3_600_000)
const FOLLOW_UP_AT = new Date(Date.parse(ENDS) + 2 * 3_600_000)
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000).toISOString()

async function register(slug: string, name: string, email: string, locale = 'sr-Latn') {
	const response = await fetch(`${server.url}/api/v1/events/${slug}/registrations`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ name, email, partySize: 1, locale, consent: { privacy: true } }),
	})
	expect(response.status, await response.clone().text()).toBe(201)
	const mail = await smtp.waitFor((m) => m.envelope.to.includes(email), 15_000)
	const token = new RegExp(`${server.url}/tickets/([A-Za-z0-9_-]+)`).exec(mail.parsed.text ?? '')![1]!
	return { mail, token }
}

async function sweep(now: string) {
	const result = await server.cli(['sweep', '--now', now])
	expect(result.code, result.stderr).toBe(0)
	return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { reminders: number; followUps: number; setupReminders: number }
}

/** A header as it came over the wire (mailparser folds List-* headers into an object of its own), unfolded. */
const header = (mail: ReceivedMail, name: string) => {
	const head = mail.raw
		.toString('utf8')
		.split('\r\n\r\n')[0]!
		.replace(/\r\n[ \t]+/g, ' ')
	const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
	return line?.slice(name.length + 1).trim()
}

const mailsTo = (email: string, subject: RegExp) => smtp.to(email).filter((m) => subject.test(m.parsed.subject ?? ''))

/** Waits until the outbox has nothing pending (the server's worker polls every few seconds). */
async function outboxSettled() {
	for (let i = 0; i < 100; i++) {
		if (dbValue<number>(server, "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')") === 0) return
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	throw new Error('the outbox did not settle')
}

describe('reminders, thank-yous and the one-click stop', () => {
	test('a reminder goes once at its time, not to the cancelled or the stopped; the thank-you only to the checked-in; a ticket mail still goes after a stop', async () => {
		const event = await api.create({
			title: 'Radionica podsetnika',
			kind: 'workshop',
			startsAt: STARTS,
			endsAt: ENDS,
			venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
			capacity: 30,
			status: 'published',
			followUpHoursAfter: 2,
		})
		expect(event).toMatchObject({ reminderHoursBefore: 24, followUpHoursAfter: 2 })

		const ana = await register(event.slug, 'Ana Jović', 'ana@primer.rs')
		const boris = await register(event.slug, 'Boris Ilić', 'boris@primer.rs', 'en')
		const cvijeta = await register(event.slug, 'Cvijeta Savić', 'cvijeta@primer.rs')
		const dejan = await register(event.slug, 'Dejan Marić', 'dejan@primer.rs')
		// A ticket mail is not optional: no stop link, no List-Unsubscribe.
		expect(header(ana.mail, 'List-Unsubscribe')).toBeUndefined()
		expect(ana.mail.parsed.text).not.toContain('/stop-mails')

		// Cvijeta cancels; Dejan stops the optional mails as a mail provider would (RFC 8058: no Origin, no cookie).
		expect((await fetch(`${server.url}/api/v1/tickets/${cvijeta.token}/cancel`, { method: 'POST' })).status).toBe(200)
		const page = await fetch(`${server.url}/tickets/${dejan.token}/stop-mails?lang=en`)
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain('Stop these mails')
		expect(html).toMatch(/<form method="post"/)
		const stop = await fetch(`${server.url}/tickets/${dejan.token}/stop-mails`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click',
		})
		expect(stop.status).toBe(200)
		expect(dbValue(server, 'SELECT optional_mail_stopped_at IS NOT NULL FROM registrations WHERE email = ?', 'dejan@primer.rs')).toBe(1)
		expect((await fetch(`${server.url}/tickets/not-a-token/stop-mails`, { method: 'POST', body: new URLSearchParams({ a: 'b' }) })).status).toBe(404)

		// Not before its time.
		expect(await sweep(minutes(REMINDER_AT, -1))).toEqual({ reminders: 0, followUps: 0, setupReminders: 0 })
		// At its time: Ana and Boris, in their languages, with the QR, the place, how to cancel and the stop link.
		expect(await sweep(minutes(REMINDER_AT, 1))).toEqual({ reminders: 2, followUps: 0, setupReminders: 0 })
		const reminder = await smtp.waitFor((m) => m.envelope.to.includes('ana@primer.rs') && /Podsetnik/.test(m.parsed.subject ?? ''), 15_000)
		expect(reminder.parsed.subject).toContain('Radionica podsetnika')
		expect(reminder.parsed.text).toContain('Jugovićeva 17')
		expect(reminder.parsed.text).toContain('10:00')
		expect(reminder.parsed.text).toContain('Otkažite')
		expect(reminder.parsed.attachments.some((a) => a.contentType === 'image/png' && a.cid === 'ticket-qr@sajam')).toBe(true)
		const unsubscribe = header(reminder, 'List-Unsubscribe')!
		expect(unsubscribe).toMatch(new RegExp(`^<${server.url}/tickets/[A-Za-z0-9_-]+/stop-mails>, <mailto:centar@sajam.test\\?subject=stop>$`))
		expect(header(reminder, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
		expect(reminder.parsed.text).toContain(unsubscribe.slice(1, unsubscribe.indexOf('>')))
		const english = await smtp.waitFor((m) => m.envelope.to.includes('boris@primer.rs') && /Reminder/.test(m.parsed.subject ?? ''), 15_000)
		expect(english.parsed.text).toContain('cancel')

		// Never twice.
		expect(await sweep(minutes(REMINDER_AT, 30))).toEqual({ reminders: 0, followUps: 0, setupReminders: 0 })
		await outboxSettled()
		expect(mailsTo('ana@primer.rs', /Podsetnik/)).toHaveLength(1)
		expect(mailsTo('boris@primer.rs', /Reminder/)).toHaveLength(1)
		expect(mailsTo('cvijeta@primer.rs', /Podsetnik/)).toHaveLength(0)
		expect(mailsTo('dejan@primer.rs', /Podsetnik/)).toHaveLength(0)
		void boris

		// The thank-you: Ana and Dejan were checked in, Boris was not; Dejan stopped these mails.
		dbRun(server, 'UPDATE registrations SET checked_in_at = ? WHERE email IN (?, ?)', Date.parse(STARTS) + 600_000, 'ana@primer.rs', 'dejan@primer.rs')
		expect(await sweep(minutes(FOLLOW_UP_AT, -1))).toMatchObject({ followUps: 0 })
		expect(await sweep(minutes(FOLLOW_UP_AT, 1))).toMatchObject({ followUps: 1 })
		const thanks = await smtp.waitFor((m) => m.envelope.to.includes('ana@primer.rs') && /Hvala/.test(m.parsed.subject ?? ''), 15_000)
		expect(header(thanks, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
		expect(await sweep(minutes(FOLLOW_UP_AT, 60))).toMatchObject({ followUps: 0 })

		// A change of time still reaches Dejan (tickets, changes and cancellations always go), without a stop link.
		await api.update(event.slug, { startsAt: `${NEXT_YEAR}-06-10T09:00:00.000Z`, endsAt: `${NEXT_YEAR}-06-10T12:00:00.000Z` })
		const changed = await smtp.waitFor((m) => m.envelope.to.includes('dejan@primer.rs') && /Izmen/.test(m.parsed.subject ?? ''), 15_000)
		expect(header(changed, 'List-Unsubscribe')).toBeUndefined()
		await outboxSettled()
		expect(mailsTo('boris@primer.rs', /Thank/)).toHaveLength(0)
		expect(mailsTo('dejan@primer.rs', /Hvala/)).toHaveLength(0)
	}, 120_000)

	test('the thank-you asks for the event’s open survey with a one-time link; the token is not kept once the mail is sent', async () => {
		const event = await api.create({
			title: 'Radionica sa anketom',
			kind: 'workshop',
			startsAt: STARTS,
			endsAt: ENDS,
			venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
			capacity: 30,
			status: 'published',
			followUpHoursAfter: 2,
			// No reminder: the other tests' sweeps must find nothing of this event.
			reminderHoursBefore: null,
		})
		const survey = await fetch(`${server.url}/api/v1/surveys`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${api.token}` },
			body: JSON.stringify({
				title: 'Utisci sa radionice',
				event: event.slug,
				status: 'open',
				questions: [{ id: 'useful', kind: 'likert5', label: 'Radionica je bila korisna.', required: true }],
			}),
		})
		expect(survey.status, await survey.clone().text()).toBe(201)
		const { slug } = ((await survey.json()) as { survey: { slug: string } }).survey
		await register(event.slug, 'Jelena Perić', 'jelena@primer.rs')
		await register(event.slug, 'Kate Brown', 'kate@primer.rs', 'en')
		dbRun(server, 'UPDATE registrations SET checked_in_at = ? WHERE email IN (?, ?)', Date.parse(STARTS) + 600_000, 'jelena@primer.rs', 'kate@primer.rs')
		expect(await sweep(minutes(FOLLOW_UP_AT, 1))).toMatchObject({ followUps: 2 })

		const linkIn = async (email: string, subject: RegExp) => {
			const mail = await smtp.waitFor((m) => m.envelope.to.includes(email) && subject.test(m.parsed.subject ?? ''), 15_000)
			const url = new RegExp(`${server.url}/surveys/${slug}\\?[^\\s"<>]+`).exec(mail.parsed.text ?? '')
			expect(url, mail.parsed.text).not.toBeNull()
			return new URL(url![0].replaceAll('&amp;', '&'))
		}
		const jelena = await linkIn('jelena@primer.rs', /Hvala/)
		const kate = await linkIn('kate@primer.rs', /Thank/)
		expect(jelena.searchParams.get('event')).toBe(event.slug)
		expect(kate.searchParams.get('lang')).toBe('en')
		const token = jelena.searchParams.get('t')!
		expect(token).toMatch(/^svy_/)
		expect(kate.searchParams.get('t')).not.toBe(token)

		// Sent: the outbox keeps no token that could tie a person to an answer.
		await outboxSettled()
		const kept = dbValue<number>(server, "SELECT count(*) FROM outbox WHERE template = 'event-follow-up' AND json_extract(params, '$.survey.token') <> ''")
		expect(kept).toBe(0)

		// The link's token answers once.
		const answer = (t: string) =>
			fetch(`${server.url}/api/v1/surveys/${slug}/responses`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ answers: { useful: 5 }, token: t, event: event.slug }),
			})
		expect((await answer(token)).status).toBe(201)
		expect((await answer(token)).status).toBe(409)
		expect(dbValue<number>(server, 'SELECT count(*) FROM survey_responses')).toBe(1)
	}, 120_000)

	test('no reminder for a registration that came in after the reminder time, nor when the event has none', async () => {
		// Starts in 10 hours: a registration now is inside the 24-hour window.
		const soon = new Date(Date.now() + 10 * 3_600_000)
		const event = await api.create({
			title: 'Uskoro radionica',
			kind: 'workshop',
			startsAt: soon.toISOString(),
			endsAt: new Date(soon.getTime() + 3_600_000).toISOString(),
			venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
			capacity: 30,
			status: 'published',
		})
		await register(event.slug, 'Kasni Gost', 'kasni@primer.rs')
		const off = await api.create({
			title: 'Radionica bez podsetnika',
			kind: 'workshop',
			startsAt: STARTS,
			endsAt: ENDS,
			venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
			capacity: 30,
			status: 'published',
			reminderHoursBefore: null,
		})
		expect((off as { reminderHoursBefore?: unknown }).reminderHoursBefore).toBeNull()
		await register(off.slug, 'Bez Podsetnika', 'bez@primer.rs')
		expect(await sweep(new Date().toISOString())).toMatchObject({ reminders: 0 })
		expect(await sweep(minutes(REMINDER_AT, 5))).toMatchObject({ reminders: 0 })
		await outboxSettled()
		expect(mailsTo('kasni@primer.rs', /Podsetnik/)).toHaveLength(0)
		expect(mailsTo('bez@primer.rs', /Podsetnik/)).toHaveLength(0)
	}, 60_000)

	test('an exhibitor’s stop link: a page with a button, a one-click POST, then “already stopped”', async () => {
		const fair = await createPublishedFair(server, api.token)
		const { application } = await submitApplication(server, fair.slug, {
			organization: { name: 'Zadruga Rasinka', legalForm: 'social_cooperative', municipality: 'krusevac', pib: '101134702', companyNumber: '65794896' },
			contact: { name: 'Jelena Petrović', email: 'jelena@rasinka.rs', phone: '064 123 4567' },
			products: 'Med, ajvar i džemovi',
			category: 'food',
			consent: { privacy: true, catalogue: true },
		})
		const path = `${new URL(application.manageUrl as string).pathname}/stop-mails`
		const before = await fetch(`${server.url}${path}?lang=en`)
		expect(before.status).toBe(200)
		expect(await before.text()).toContain('Stop reminders and messages for this fair?')
		const stop = await fetch(`${server.url}${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click',
		})
		expect(stop.status).toBe(200)
		expect(dbValue(server, 'SELECT optional_mail_stopped_at IS NOT NULL FROM applications WHERE id = ?', application.id)).toBe(1)
		expect(await (await fetch(`${server.url}${path}?lang=en`)).text()).toContain('already stopped')
	}, 60_000)
})
