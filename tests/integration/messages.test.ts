// Messages to an audience (CONTRACT.md, Talking to people): an organizer writes once in Serbian
// Latin, each recipient gets it in their language through the outbox, with the Center's contact
// as Reply-To. Over HTTP against the built server, with a real SMTP server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken, expectApiError } from '#tests/support/api-client.ts'
import { dbRun, dbValue } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startMailServer, type ReceivedMail, type TestMailServer } from '#tests/support/mail-server.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let smtp: TestMailServer
let server: TestServer
let organizer: string

beforeAll(async () => {
	smtp = await startMailServer()
	server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sajam <no-reply@sajam.test>', CONTACT_EMAIL: 'kontakt@csp.test' } })
	organizer = await cliToken(server, 'organizer')
})

afterAll(async () => {
	await server?.stop()
	await smtp?.close()
})

const api = (method: string, path: string, options: Parameters<typeof apiCall>[3] = {}) => apiCall(server.url, method, path, { token: organizer, ...options })

async function register(slug: string, email: string, locale: string) {
	const result = await apiCall(server.url, 'POST', `/api/v1/events/${slug}/registrations`, {
		body: { name: `Posetilac ${email.split('@')[0]}`, email, partySize: 1, locale, consent: { privacy: true } },
	})
	expect(result.status, result.text).toBe(201)
	// The confirmation first, so the message is the only other mail to this address.
	await smtp.waitFor((m) => m.envelope.to.includes(email), 15_000)
	return result.body.registration.id as number
}

const messageMails = () => dbValue<number>(server, "SELECT count(*) FROM outbox WHERE template IN ('event-message', 'fair-message')")
const mailTo = (email: string, subjectPart: string) =>
	smtp.waitFor((m) => m.envelope.to.includes(email) && (m.parsed.subject ?? '').includes(subjectPart), 15_000)

describe('a message to an event’s visitors', () => {
	let slug: string
	let eventId: number

	beforeAll(async () => {
		const event = await createPublishedWorkshop(server, organizer)
		slug = event.slug
		eventId = event.id
		const ids = {
			latin: await register(slug, 'latin@primer.rs', 'sr-Latn'),
			cyrl: await register(slug, 'cyrl@primer.rs', 'sr-Cyrl'),
			english: await register(slug, 'english@primer.rs', 'en'),
			absent: await register(slug, 'absent@primer.rs', 'sr-Latn'),
			stopped: await register(slug, 'stopped@primer.rs', 'sr-Latn'),
			door: await register(slug, 'door@primer.rs', 'sr-Latn'),
		}
		const now = Date.now()
		for (const id of [ids.latin, ids.cyrl, ids.english, ids.stopped, ids.door])
			dbRun(server, 'UPDATE registrations SET checked_in_at = ? WHERE id = ?', now, id)
		// Stopped optional mails, and a registration without an address (as at the door): never recipients.
		dbRun(server, 'UPDATE registrations SET optional_mail_stopped_at = ? WHERE id = ?', now, ids.stopped)
		dbRun(server, 'UPDATE registrations SET email = NULL WHERE id = ?', ids.door)
	})

	test('a preview counts the recipients and queues nothing', async () => {
		const before = messageMails()
		const preview = await api('POST', `/api/v1/events/${slug}/messages`, { body: { subject: 'Parking', body: 'Tekst.', audience: 'checked_in' } })
		expect(preview.status, preview.text).toBe(200)
		expect(preview.body).toEqual({ recipients: 3 })
		expect((await api('POST', `/api/v1/events/${slug}/messages`, { body: { subject: 'P', body: 'T', audience: 'all' } })).body).toEqual({ recipients: 4 })
		expect((await api('POST', `/api/v1/events/${slug}/messages`, { body: { subject: 'P', body: 'T', audience: 'not_checked_in' } })).body).toEqual({
			recipients: 1,
		})
		expect(messageMails()).toBe(before)
		expect(dbValue<number>(server, 'SELECT count(*) FROM event_messages WHERE event_id = ?', eventId)).toBe(0)
	})

	test('checked_in reaches exactly the checked-in registrations, each in their language, with Reply-To; a retry sends nothing twice', async () => {
		const body = {
			subject: 'Hvala što ste došli',
			body: 'Dragi posetioci, hvala vam.\n\nFotografije su na https://example.org/foto?a=1&b=2 <b>ovde</b>.',
			audience: 'checked_in',
			send: true,
		}
		const headers = { 'Idempotency-Key': 'poruka-1' }
		const sent = await api('POST', `/api/v1/events/${slug}/messages`, { body, headers })
		expect(sent.status, sent.text).toBe(202)
		expect(sent.body).toEqual({ message: { id: expect.any(Number), recipients: 3 } })
		const retry = await api('POST', `/api/v1/events/${slug}/messages`, { body, headers })
		expect(retry.status).toBe(202)
		expect(retry.body).toEqual(sent.body)
		expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
		expect(dbValue<number>(server, "SELECT count(*) FROM outbox WHERE template = 'event-message' AND event_id = ?", eventId)).toBe(3)
		const kept = dbValue<string>(server, "SELECT audience || ':' || recipients || ':' || author FROM event_messages WHERE event_id = ?", eventId)
		expect(kept).toMatch(/^checked_in:3:token:\d+$/)

		const latin = await mailTo('latin@primer.rs', 'Hvala što ste došli')
		expect(latin.parsed.text).toContain('Dragi posetioci, hvala vam.')
		expect(latin.parsed.replyTo?.value[0]?.address).toBe('kontakt@csp.test')
		// Links in the HTML part, everything else escaped.
		expect(latin.parsed.html).toContain('<a href="https://example.org/foto?a=1&#38;b=2"')
		expect(latin.parsed.html).toContain('&#60;b&#62;ovde&#60;/b&#62;')
		expect(latin.parsed.html).not.toContain('<b>ovde')

		const cyrl = await mailTo('cyrl@primer.rs', 'Хвала што сте дошли')
		expect(cyrl.parsed.text).toContain('Драги посетиоци, хвала вам.')
		expect(cyrl.parsed.replyTo?.value[0]?.address).toBe('kontakt@csp.test')

		const english = await mailTo('english@primer.rs', 'Hvala što ste došli')
		expect(english.parsed.text).toContain('This message from the organizers is in Serbian only.')
		expect(english.parsed.text).toContain('Dragi posetioci, hvala vam.')

		await server.outputSettled()
		for (const email of ['absent@primer.rs', 'stopped@primer.rs'])
			expect(smtp.to(email).filter((m: ReceivedMail) => m.parsed.subject?.includes('Hvala'))).toEqual([])
	})

	test('English readers get the English text when one was written', async () => {
		const sent = await api('POST', `/api/v1/events/${slug}/messages`, {
			body: {
				subject: { 'sr-Latn': 'Promena sale', en: 'The room changed' },
				body: { 'sr-Latn': 'Sala 2.', en: 'Room 2.' },
				audience: 'checked_in',
				send: true,
			},
		})
		expect(sent.status, sent.text).toBe(202)
		const english = await mailTo('english@primer.rs', 'The room changed')
		expect(english.parsed.text).toContain('Room 2.')
		expect(english.parsed.text).not.toContain('Serbian only')
		expect((await mailTo('cyrl@primer.rs', 'Промена сале')).parsed.text).toContain('Сала 2.')
	})

	test('empty fields are refused with the field named; an audience of 0 cannot be sent', async () => {
		const before = messageMails()
		const empty = await api('POST', `/api/v1/events/${slug}/messages`, { body: { subject: ' ', body: 'Tekst', audience: 'all', send: true } })
		expectApiError(empty, 422, 'invalid_fields')
		expect(Object.keys(empty.body.fields)).toContain('subject')
		const noBody = await api('POST', `/api/v1/events/${slug}/messages`, { body: { subject: 'Naslov', body: { 'sr-Latn': '' }, audience: 'all', send: true } })
		expectApiError(noBody, 422, 'invalid_fields')
		expect(Object.keys(noBody.body.fields).join()).toMatch(/^body/)
		expectApiError(await api('POST', `/api/v1/events/${slug}/messages`, { body: { subject: 'N', body: 'T', audience: 'everyone' } }), 422, 'invalid_fields')
		// Nobody is on the waiting list.
		expect((await api('POST', `/api/v1/events/${slug}/messages`, { body: { subject: 'N', body: 'T', audience: 'waitlisted' } })).body).toEqual({
			recipients: 0,
		})
		expectApiError(
			await api('POST', `/api/v1/events/${slug}/messages`, { body: { subject: 'N', body: 'T', audience: 'waitlisted', send: true } }),
			409,
			'no_recipients',
		)
		expect(messageMails()).toBe(before)
		expect(dbValue<number>(server, 'SELECT count(*) FROM event_messages WHERE event_id = ?', eventId)).toBe(2)
	})

	test('the admin page refuses a send whose count changed since the preview, or without the box ticked', async () => {
		const cookie = await logInCookie(server)
		const before = messageMails()
		const form = { audience: 'visitors:all', subject: 'Podsetnik', body: 'Vidimo se.', subjectEn: '', bodyEn: '', intent: 'send' }
		const unticked = await submitForm(server, `/admin/events/${eventId}/messages?lang=en`, { ...form, recipients: '4' }, { cookie })
		expect(unticked.status).toBe(200)
		expect(unticked.html).toContain('Confirm sending by ticking the box')
		// The preview said 3, there are 4 now: nothing is sent, the page says why.
		const changed = await submitForm(server, `/admin/events/${eventId}/messages?lang=en`, { ...form, recipients: '3', confirm: 'on' }, { cookie })
		expect(changed.status).toBe(200)
		expect(changed.html).toContain('The number of recipients changed since the preview')
		expect(messageMails()).toBe(before)
		const sent = await submitForm(server, `/admin/events/${eventId}/messages?lang=en`, { ...form, recipients: '4', confirm: 'on' }, { cookie })
		expect(sent.status).toBe(302)
		expect(messageMails()).toBe(before + 4)
		// A double-click: the preview's form (with its one-time key) posted twice sends one message.
		const sendKey = crypto.randomUUID()
		const url = `/admin/events/${eventId}/messages?lang=en`
		const twice = await Promise.all([1, 2].map(() => submitForm(server, url, { ...form, recipients: '4', confirm: 'on', sendKey }, { cookie })))
		expect(twice.map((answer) => answer.status)).toEqual([302, 302])
		expect(twice[0]!.location).toBe(twice[1]!.location)
		expect(messageMails()).toBe(before + 8)
	})

	test('only an organizer may send', async () => {
		expect((await apiCall(server.url, 'POST', `/api/v1/events/${slug}/messages`, { body: { subject: 'N', body: 'T', audience: 'all' } })).status).toBe(401)
	})
})

describe('a message to a fair’s exhibitors', () => {
	test('only released decisions count', async () => {
		const fair = await createPublishedFair(server, organizer)
		const ids: number[] = []
		for (const i of [0, 1, 2, 3]) {
			const submitted = await submitApplication(server, fair.slug, {
				organization: { name: `Zadruga ${i}`, legalForm: 'informal_group', municipality: 'krusevac' },
				contact: { name: `Kontakt ${i}`, email: `izlagac${i}@primer.rs` },
				products: 'Ručni radovi',
				category: 'handicrafts',
				needs: { power: false, accessible: false },
				preferences: [],
				consent: { privacy: true, catalogue: true },
			})
			ids.push(submitted.id)
		}
		const decide = async (id: number, decision: string) =>
			expect((await api('POST', `/api/v1/applications/${id}/decision`, { body: { decision } })).status).toBe(200)
		await decide(ids[0]!, 'accepted')
		await decide(ids[1]!, 'accepted')
		expect((await api('POST', `/api/v1/fairs/${fair.slug}/decisions/release`, { body: {} })).status).toBe(200)
		// Staged, not released: these exhibitors have not been told, so a message must not tell them.
		await decide(ids[2]!, 'accepted')
		await decide(ids[3]!, 'rejected')
		const count = async (audience: string) =>
			(await api('POST', `/api/v1/fairs/${fair.slug}/messages`, { body: { subject: 'S', body: 'T', audience } })).body.recipients
		expect(await count('accepted')).toBe(2)
		expect(await count('rejected')).toBe(0)
		expect(await count('all')).toBe(4)
		const sent = await api('POST', `/api/v1/fairs/${fair.slug}/messages`, {
			body: { subject: 'Postavka štandova', body: 'Postavka počinje u 8.', audience: 'accepted', send: true },
		})
		expect(sent.status, sent.text).toBe(202)
		expect(sent.body.message.recipients).toBe(2)
		const mail = await mailTo('izlagac0@primer.rs', 'Postavka štandova')
		expect(mail.parsed.text).toContain('Postavka počinje u 8.')
		expect(mail.parsed.replyTo?.value[0]?.address).toBe('kontakt@csp.test')
		await mailTo('izlagac1@primer.rs', 'Postavka štandova')
		expect(dbValue<number>(server, "SELECT count(*) FROM outbox WHERE template = 'fair-message' AND application_id = ?", ids[2])).toBe(0)
		expectApiError(
			await api('POST', `/api/v1/fairs/${fair.slug}/messages`, { body: { subject: 'S', body: 'T', audience: 'rejected', send: true } }),
			409,
			'no_recipients',
		)
		// The fair's messages page offers exhibitors as well as visitors, and lists the message sent.
		const page = await getPage(server, `/admin/events/${fair.id}/messages?lang=en`, { cookie: await logInCookie(server) })
		expect(page.status).toBe(200)
		expect(page.html).toContain('value="exhibitors:accepted"')
		expect(page.html).toContain('value="visitors:checked_in"')
		expect(page.html).toContain('Postavka štandova')
	})
})
