// A message to 500 visitors when things go wrong (issue 14): the SMTP server goes away in the middle
// of the send and comes back, or the app server is restarted while it sends. Each visitor gets the
// message exactly once. Over HTTP against the built server, with real SMTP servers on 127.0.0.1.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbValue, withDatabase } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { startMailServer, type ReceivedMail, type TestMailServer } from '#tests/support/mail-server.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { waitUntil } from '#tests/support/wait.ts'

const RECIPIENTS = 500
const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const

let server: TestServer
let organizer: string
const mailServers: TestMailServer[] = []

afterAll(async () => {
	await server?.stop()
	for (const smtp of mailServers) await smtp.close()
})

async function mailServer(options: Parameters<typeof startMailServer>[0] = {}) {
	const smtp = await startMailServer(options)
	mailServers.push(smtp)
	return smtp
}

/** `count` confirmed visitors of the event, written straight into the server's database (their confirmations are not the point here). */
function addVisitors(eventId: number, prefix: string, count: number): string[] {
	const emails = Array.from({ length: count }, (_, i) => `${prefix}${i}@primer.rs`)
	withDatabase(server, (db) => {
		const insert = db.prepare(
			`INSERT INTO registrations (event_id, status, name, email, party_size, locale, privacy_accepted_at, source, created_at, ticket_code)
			 VALUES (?, 'confirmed', ?, ?, 1, ?, ?, 'web', ?, ?)`,
		)
		const now = Date.now()
		db.transaction(() => emails.forEach((email, i) => insert.run(eventId, `Posetilac ${i}`, email, LOCALES[i % 3], now, now, `${prefix}-${i}`)))()
	})
	return emails
}

async function sendMessage(slug: string, subject: string) {
	const result = await apiCall(server.url, 'POST', `/api/v1/events/${slug}/messages`, {
		token: organizer,
		headers: { 'Idempotency-Key': randomUUID() },
		body: { subject, body: 'Dragi posetioci,\n\nulaz je sa zadnje strane zgrade.', audience: 'confirmed', send: true },
	})
	expect(result.status, result.text).toBe(202)
	expect(result.body.message.recipients).toBe(RECIPIENTS)
}

/** Every mail to these visitors (the message is the only mail they get) that any of the servers received. */
const received = (emails: string[]): ReceivedMail[] => {
	const ours = new Set(emails)
	return mailServers.flatMap((smtp) => smtp.messages).filter((m) => m.envelope.to.some((to) => ours.has(to)))
}

/** How many mails each address got, and the Message-IDs. */
function expectEachExactlyOnce(emails: string[]) {
	const mails = received(emails)
	const perAddress = new Map<string, number>()
	for (const mail of mails) for (const to of mail.envelope.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1)
	expect([...perAddress.keys()].sort()).toEqual([...emails].sort())
	expect(
		[...perAddress.values()].filter((n) => n !== 1),
		'addresses that got it more than once',
	).toEqual([])
	expect(new Set(mails.map((m) => m.parsed.messageId)).size).toBe(emails.length)
}

/** The message's mails in the outbox (of this event) that match `where`. */
const outboxOf = (eventId: number, where: string) =>
	dbValue<number>(server, `SELECT count(*) FROM outbox WHERE template = 'event-message' AND event_id = ? AND ${where}`, eventId)

describe('a message to 500 visitors', () => {
	let first: TestMailServer

	beforeAll(async () => {
		first = await mailServer({ outageAfter: 150 })
		server = await startServer({ env: { SMTP_URL: first.url, MAIL_FROM: 'Sajam <no-reply@sajam.test>', CONTACT_EMAIL: 'kontakt@csp.test' } })
		organizer = await cliToken(server, 'organizer')
	})

	test('an SMTP outage in the middle delays the rest; when the server is back each visitor gets it exactly once', async () => {
		const { id, slug } = await createPublishedWorkshop(server, organizer, { capacity: null })
		const emails = addVisitors(id, 'prekid', RECIPIENTS)
		await sendMessage(slug, 'Ulaz sa zadnje strane')

		// 150 mails arrive, then the SMTP server stops answering and goes away.
		await first.wentDown
		expect(received(emails)).toHaveLength(150)
		// The app notices (a failed attempt kept with its error) and keeps the rest waiting.
		await waitUntil(() => outboxOf(id, 'last_error IS NOT NULL') > 0, 'a failed attempt is recorded', {
			timeoutMs: 20_000,
			explain: () => server.output().slice(-2000),
		})
		expect(outboxOf(id, "status = 'failed'")).toBe(0)

		// Back on the same port: the retries deliver the rest.
		await mailServer({ port: first.port })
		await waitUntil(() => outboxOf(id, "status = 'sent'") === RECIPIENTS, 'every mail sent', {
			timeoutMs: 120_000,
			explain: () => server.output().slice(-2000),
		})
		expectEachExactlyOnce(emails)
		expect(outboxOf(id, 'attempts > 1'), 'mails that waited for the outage').toBeGreaterThan(0)
	}, 180_000)

	test('a restart of the app server in the middle of the send finishes the rest exactly once', async () => {
		const { id, slug } = await createPublishedWorkshop(server, organizer, { capacity: null })
		const emails = addVisitors(id, 'restart', RECIPIENTS)
		await sendMessage(slug, 'Promena sale')
		await waitUntil(() => received(emails).length >= 100, '100 mails arrived', { timeoutMs: 60_000, explain: () => server.output().slice(-2000) })

		// As a service manager stops it (SIGTERM): the mail on the wire is finished, the rest is given back.
		server = await server.restart('SIGTERM')
		expect(received(emails).length).toBeLessThan(RECIPIENTS)

		// Within seconds, not after the 5-minute lease of a claim left behind by a crash.
		await waitUntil(() => outboxOf(id, "status = 'sent'") === RECIPIENTS, 'every mail sent', { timeoutMs: 60_000, explain: () => server.output().slice(-2000) })
		expectEachExactlyOnce(emails)
		// The claims the stopped server gave back were not counted as tries: every mail went on its first.
		expect(outboxOf(id, 'attempts > 1')).toBe(0)
	}, 180_000)
})
