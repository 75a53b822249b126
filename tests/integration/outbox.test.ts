// The outbox against a real SMTP server (smtp-server on 127.0.0.1) that is down, then up: mail is
// delayed but never lost and never sent twice; what arrives is read back with mailparser.
// Registrations are made through the real services on this worker's migrated database.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, inArray } from 'drizzle-orm'
import ICAL from 'ical.js'
import { simpleParser, type ParsedMail } from 'mailparser'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { outbox, type OutboxRow } from '#db/schema/index.ts'
import type { Locale } from '#app/domain/locale.ts'
import { updateEvent } from '#app/services/commands/events.server.ts'
import { resendOutboxMail } from '#app/services/commands/outbox-admin.server.ts'
import { onMailQueued } from '#app/services/commands/outbox.server.ts'
import {
	MAX_ATTEMPTS,
	RETRY_DELAYS_MS,
	createMailer,
	deliverDueMail,
	outboxMessageId,
	startMailWorker,
	yieldToRequests,
	type Mailer,
} from '#app/services/workers/outbox-delivery.server.ts'
import { registerVisitor } from '#app/services/commands/registrations.server.ts'
import { mailIdNonce } from '#app/services/commands/site-settings.server.ts'
import { findByManageToken } from '#app/services/queries/registrations.server.ts'
import { getDb, openDatabase } from '#app/utils/db.server.ts'
import { startMailServer, TEST_MAIL_FROM, type ReceivedMail, type TestMailServer } from '#tests/support/mail-server.ts'
import { cleanEnv, findFreePort, runBuiltCli } from '#tests/support/server.ts'
import { createEventInDb } from '#tests/support/service-events.ts'

const PUBLIC_URL = 'http://sajam.test'
const SYSTEM = { kind: 'system' } as const

let scratch: string
const cleanups: (() => unknown)[] = []

beforeAll(() => {
	scratch = mkdtempSync(path.join(os.tmpdir(), 'sajam-outbox-'))
})

afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function smtpMailer(port: number): Mailer {
	const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: TEST_MAIL_FROM, publicUrl: PUBLIC_URL, mailDir: path.join(scratch, 'unused') })
	cleanups.push(() => mailer.close())
	return mailer
}

async function mailServer(port?: number): Promise<TestMailServer> {
	const server = await startMailServer({ port })
	cleanups.push(() => server.close())
	return server
}

let eventCounter = 0

/** A published event a month ahead, `capacity` persons, with a waiting list. */
function newEvent(capacity: number, now: Date) {
	eventCounter++
	// On a whole minute, as organizers set them (calendars carry whole seconds).
	const startsAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 30 * 24 * 3600_000)
	return createEventInDb(
		{
			title: `Radionica o zadrugama ${eventCounter}`,
			titleEn: `Cooperatives workshop ${eventCounter}`,
			venueAddress: 'Jugovićeva 17',
			venueCity: 'Kruševac',
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
			capacity,
			maxPartySize: 4,
		},
		{ actor: SYSTEM, now },
	)
}

function register(eventId: number, email: string, locale: Locale, now: Date, partySize = 1) {
	return registerVisitor(
		getDb(),
		{ id: eventId },
		{
			name: `Posetilac ${email.split('@')[0]}`,
			email,
			partySize,
			locale,
			consent: { privacy: true, photos: false, newsletter: false, research: false },
			demographics: {},
		},
		'web',
		SYSTEM,
		now,
	)
}

function rowsFor(emails: string[]): OutboxRow[] {
	return getDb().select().from(outbox).where(inArray(outbox.toAddress, emails)).orderBy(outbox.id).all()
}

/** A row's Message-ID: its id and this database's random part (mailIdNonce), on the public host. */
const messageIdOf = (id: number) => `<outbox-${id}.${mailIdNonce(getDb())}@sajam.test>`

/** The raw token of the private link a row's stored parameters carry ('' once blanked). */
const linkTokenOf = (row: OutboxRow) => (row.params as { registration?: { manageToken?: string } }).registration?.manageToken

/** The MIME parts of a raw message with their Content-Type lines (mailparser folds some away). */
const contentTypes = (mail: ReceivedMail) =>
	[...mail.raw.toString('utf8').matchAll(/^Content-Type: ([^\r\n]+(?:\r\n[ \t][^\r\n]+)*)/gim)].map((m) => m[1]!.replace(/\r\n[ \t]+/g, ' '))

function expectTicketMail(parsed: ParsedMail, method: 'REQUEST' | 'CANCEL' = 'REQUEST') {
	const qr = parsed.attachments.find((a) => a.contentType === 'image/png')
	expect(qr, 'the QR image').toBeDefined()
	expect(qr!.related, 'shown inline (multipart/related)').toBe(true)
	expect(parsed.html).toContain(`cid:${qr!.cid}`)
	const calendar = parsed.attachments.filter((a) => a.contentType === 'text/calendar' || a.contentType === 'application/ics')
	// Once: the text/calendar alternative Gmail and Outlook act on, no second .ics attachment to show twice.
	expect(
		calendar.map((a) => a.contentType),
		'the invite, once',
	).toEqual(['text/calendar'])
	const ics = calendar[0]!.content.toString('utf8')
	const vcalendar = new ICAL.Component(ICAL.parse(ics))
	expect(vcalendar.getFirstPropertyValue('method')).toBe(method)
	return vcalendar.getFirstSubcomponent('vevent')!
}

describe('an SMTP outage delays mail but loses none and sends none twice', () => {
	test('down, then up', async () => {
		const t0 = new Date()
		const port = await findFreePort() // nothing listens here yet
		const mailer = smtpMailer(port)
		const event = newEvent(2, t0)
		const people = [
			['ana@primer.rs', 'sr-Latn'],
			['boris@primer.rs', 'sr-Cyrl'],
			['clara@example.org', 'en'],
		] as const
		for (const [email, locale] of people) register(event.id, email, locale, t0)
		const emails = people.map(([email]) => email)
		expect(rowsFor(emails).map((r) => r.template)).toEqual(['registration-confirmed', 'registration-confirmed', 'registration-waitlisted'])

		// Down: every mail is tried once, kept, and scheduled again.
		const down = await deliverDueMail(getDb(), mailer, { now: () => t0 })
		expect(down).toMatchObject({ attempted: 3, sent: 0, retrying: 3, failed: 0 })
		for (const row of rowsFor(emails)) {
			expect(row.status).toBe('pending')
			expect(row.attempts).toBe(1)
			expect(row.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/)
			expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_DELAYS_MS[0]!)
			expect(row.sentAt).toBeNull()
		}
		// Not due yet: nothing is tried before its time.
		expect(await deliverDueMail(getDb(), mailer, { now: () => new Date(t0.getTime() + 5_000) })).toMatchObject({ attempted: 0 })

		// Up (on the same port): each mail arrives exactly once.
		const smtp = await mailServer(port)
		const later = new Date(t0.getTime() + RETRY_DELAYS_MS[0]! + 1_000)
		expect(await deliverDueMail(getDb(), mailer, { now: () => later })).toMatchObject({ attempted: 3, sent: 3, retrying: 0 })
		expect(
			smtp.messages
				.map((m) => m.envelope.to)
				.flat()
				.sort(),
		).toEqual([...emails].sort())
		for (const row of rowsFor(emails)) {
			expect(row.status).toBe('sent')
			expect(row.attempts).toBe(2)
			expect(row.sentAt!.getTime()).toBe(later.getTime())
			expect(row.messageId).toBe(messageIdOf(row.id))
			const [mail] = smtp.to(row.toAddress)
			expect(mail!.parsed.messageId).toBe(row.messageId)
			expect(mail!.envelope.from).toBe('no-reply@sajam.test')
			expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-generated')
		}

		// In each visitor's language; the confirmed ones carry the QR inline and the invite.
		const [ana, boris, clara] = emails.map((e) => smtp.to(e)[0]!.parsed)
		expect(ana!.subject).toBe(`Prijava potvrđena: Radionica o zadrugama ${eventCounter}`)
		expect(boris!.subject).toBe(`Пријава потврђена: Радионица о задругама ${eventCounter}`)
		expect(clara!.subject).toBe(`Waiting list: Cooperatives workshop ${eventCounter}`)
		const vevent = expectTicketMail(ana!)
		expect(vevent.getFirstPropertyValue('uid')).toBe(`event-${event.id}@sajam.test`)
		expect(vevent.getFirstProperty('attendee')!.getFirstValue()).toBe('mailto:ana@primer.rs')
		expect(vevent.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:no-reply@sajam.test')
		expectTicketMail(boris!)
		const anaTypes = contentTypes(smtp.to('ana@primer.rs')[0]!)
		expect(anaTypes).toContainEqual(expect.stringMatching(/^text\/calendar; charset=utf-8; method=REQUEST/i))
		expect(anaTypes).toContainEqual(expect.stringMatching(/^multipart\/related/i))
		// Only the mark every mail carries: no QR, no invite.
		expect(clara!.attachments.map((a) => a.filename)).toEqual(['sajam.png'])
		expect(clara!.text).toContain('Your number on the waiting list: 1.')
		expect(ana!.text).toContain(`${PUBLIC_URL}/tickets/`)

		// Nothing more to send, whenever asked.
		expect(await deliverDueMail(getDb(), mailer, { now: () => new Date(later.getTime() + 3600_000) })).toMatchObject({ attempted: 0 })
		expect(smtp.messages).toHaveLength(3)
	})

	test('a send cut short by a crash is sent again with the same Message-ID, but not while another sender holds it', async () => {
		const t0 = new Date()
		const smtp = await mailServer()
		const mailer = smtpMailer(smtp.port)
		const event = newEvent(10, t0)
		register(event.id, 'crash@primer.rs', 'sr-Latn', t0)
		register(event.id, 'busy@primer.rs', 'sr-Latn', t0)
		const [crashed, busy] = rowsFor(['crash@primer.rs', 'busy@primer.rs'])
		// As a crashed process leaves it: claimed ('sending') and its lease run out.
		getDb()
			.update(outbox)
			.set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(t0.getTime() - 1) })
			.where(eq(outbox.id, crashed!.id))
			.run()
		// As another process holds it right now: claimed, lease still running.
		getDb()
			.update(outbox)
			.set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(t0.getTime() + 60_000) })
			.where(eq(outbox.id, busy!.id))
			.run()

		expect(await deliverDueMail(getDb(), mailer, { now: () => t0 })).toMatchObject({ attempted: 1, sent: 1 })
		expect(smtp.to('busy@primer.rs')).toHaveLength(0)
		const [mail] = smtp.to('crash@primer.rs')
		expect(mail!.parsed.messageId).toBe(messageIdOf(crashed!.id))
		expect(rowsFor(['busy@primer.rs'])[0]!.status).toBe('sending')
	})

	test('two deliveries at once never send the same mail twice', async () => {
		const t0 = new Date()
		const smtp = await mailServer()
		const event = newEvent(50, t0)
		const emails = Array.from({ length: 25 }, (_, i) => `paralelno${i}@primer.rs`)
		for (const email of emails) register(event.id, email, 'en', t0)
		const [a, b] = await Promise.all([
			deliverDueMail(getDb(), smtpMailer(smtp.port), { now: () => t0 }),
			deliverDueMail(getDb(), smtpMailer(smtp.port), { now: () => t0 }),
		])
		expect(a.sent + b.sent).toBe(25)
		expect(a.attempted + b.attempted).toBe(25)
		for (const email of emails) expect(smtp.to(email), email).toHaveLength(1)
	})

	test('after the last attempt a mail is failed; an organizer can send it again, and a sent one is copied', async () => {
		const t0 = new Date()
		const port = await findFreePort()
		const event = newEvent(10, t0)
		register(event.id, 'uporna@primer.rs', 'sr-Cyrl', t0)
		const [row] = rowsFor(['uporna@primer.rs'])
		getDb()
			.update(outbox)
			.set({ attempts: MAX_ATTEMPTS - 1 })
			.where(eq(outbox.id, row!.id))
			.run()
		expect(await deliverDueMail(getDb(), smtpMailer(port), { now: () => t0 })).toMatchObject({ attempted: 1, failed: 1 })
		expect(rowsFor(['uporna@primer.rs'])[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
		// Given up on: the raw token of its private link is no longer kept (only hashes are).
		expect(linkTokenOf(rowsFor(['uporna@primer.rs'])[0]!)).toBe('')

		const smtp = await mailServer(port)
		const mailer = smtpMailer(port)
		// Failed stays failed until someone asks.
		await deliverDueMail(getDb(), mailer, { now: () => new Date(t0.getTime() + 24 * 3600_000) })
		expect(rowsFor(['uporna@primer.rs'])[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
		expect(smtp.to('uporna@primer.rs')).toHaveLength(0)
		const t1 = new Date(t0.getTime() + 1_000)
		expect(resendOutboxMail(getDb(), row!.id, SYSTEM, t1)).toEqual({ kind: 'requeued', id: row!.id })
		expect(await deliverDueMail(getDb(), mailer, { now: () => t1 })).toMatchObject({ sent: 1 })
		expect(smtp.to('uporna@primer.rs')).toHaveLength(1)

		// Sending a sent mail again makes a copy (a new mail), and the record of the first stays.
		const copy = resendOutboxMail(getDb(), row!.id, SYSTEM, t1)
		expect(copy.kind).toBe('copied')
		expect(copy.id).not.toBe(row!.id)
		expect(() => resendOutboxMail(getDb(), copy.id, SYSTEM, t1)).toThrow(/not_resendable/)
		expect(await deliverDueMail(getDb(), mailer, { now: () => t1 })).toMatchObject({ sent: 1 })
		const received = smtp.to('uporna@primer.rs')
		expect(received.map((m) => m.parsed.messageId)).toEqual([messageIdOf(row!.id), messageIdOf(copy.id)])
		expect(rowsFor(['uporna@primer.rs']).map((r) => r.status)).toEqual(['sent', 'sent'])
		// Each resend went out with a fresh link of the same registration; the rows keep no token.
		const links = received.map((m) => /\/tickets\/([A-Za-z0-9_-]{43})/.exec(m.parsed.text ?? '')![1]!)
		expect(new Set(links).size).toBe(2)
		for (const token of links) expect(findByManageToken(getDb(), token)?.email).toBe('uporna@primer.rs')
		expect(rowsFor(['uporna@primer.rs']).map(linkTokenOf)).toEqual(['', ''])
	})
})

describe('calendar updates by mail', () => {
	test('moving the event sends confirmed visitors an updated invite; cancelling it sends METHOD:CANCEL', async () => {
		const t0 = new Date()
		const smtp = await mailServer()
		const mailer = smtpMailer(smtp.port)
		const event = newEvent(1, t0)
		register(event.id, 'stalna@primer.rs', 'sr-Latn', t0)
		register(event.id, 'ceka@primer.rs', 'en', t0)
		const moved = new Date(event.startsAt.getTime() + 24 * 3600_000)
		updateEvent(getDb(), event.id, { startsAt: moved, endsAt: new Date(moved.getTime() + 3600_000) }, SYSTEM, new Date(t0.getTime() + 1_000))
		updateEvent(getDb(), event.id, { status: 'cancelled' }, SYSTEM, new Date(t0.getTime() + 2_000))
		await deliverDueMail(getDb(), mailer, { now: () => new Date(t0.getTime() + 3_000) })

		const stalna = smtp.to('stalna@primer.rs').map((m) => m.parsed)
		expect(stalna.map((m) => m.subject!.split(':')[0])).toEqual(['Prijava potvrđena', 'Izmena', 'Otkazano'])
		const invites = stalna.map((m) => {
			const ics = m.attachments.find((a) => a.contentType === 'text/calendar' || a.contentType === 'application/ics')!.content.toString('utf8')
			const cal = new ICAL.Component(ICAL.parse(ics))
			const v = cal.getFirstSubcomponent('vevent')!
			return {
				method: cal.getFirstPropertyValue('method'),
				uid: v.getFirstPropertyValue('uid'),
				sequence: Number(v.getFirstPropertyValue('sequence')),
				status: v.getFirstPropertyValue('status'),
				start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
			}
		})
		expect(invites.map((i) => i.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL'])
		expect(new Set(invites.map((i) => i.uid)).size).toBe(1)
		expect(invites[1]!.sequence).toBeGreaterThan(invites[0]!.sequence)
		expect(invites[2]!.sequence).toBeGreaterThan(invites[1]!.sequence)
		expect(invites[1]!.start.toISOString()).toBe(moved.toISOString())
		expect(invites[2]!.status).toBe('CANCELLED')
		// The waitlisted visitor hears of the cancellation, with no calendar entry to remove.
		const ceka = smtp.to('ceka@primer.rs').map((m) => m.parsed)
		expect(ceka.map((m) => m.subject!.split(':')[0])).toEqual(['Waiting list', 'Cancelled'])
		expect(ceka[1]!.attachments.map((a) => a.filename)).toEqual(['sajam.png'])
	})
})

describe('Message-IDs', () => {
	test('stay the same for a row, and differ between databases whose outbox counts from 1 again', () => {
		const first = openDatabase(path.join(scratch, 'one.db'))
		const second = openDatabase(path.join(scratch, 'two.db'))
		cleanups.push(
			() => first.$client.close(),
			() => second.$client.close(),
		)
		const a = mailIdNonce(first)
		expect(a).toMatch(/^[A-Za-z0-9_-]{12}$/)
		expect(mailIdNonce(first)).toBe(a)
		expect(mailIdNonce(second)).not.toBe(a)
		// Kept in the database: a restart (a new connection) keeps the ids of rows not yet sent.
		const reopened = openDatabase(path.join(scratch, 'one.db'))
		cleanups.push(() => reopened.$client.close())
		expect(mailIdNonce(reopened)).toBe(a)
		expect(outboxMessageId(1, PUBLIC_URL, mailIdNonce(first))).not.toBe(outboxMessageId(1, PUBLIC_URL, mailIdNonce(second)))
		expect(outboxMessageId(1, PUBLIC_URL, a)).toBe(`<outbox-1.${a}@sajam.test>`)
	})
})

describe('without SMTP_URL', () => {
	test('each mail is written once as an .eml file in the data folder and marked sent with a note', async () => {
		const t0 = new Date()
		const mailDir = path.join(scratch, 'mail')
		const mailer = createMailer({ mailFrom: TEST_MAIL_FROM, publicUrl: PUBLIC_URL, mailDir })
		cleanups.push(() => mailer.close())
		expect(mailer.mode).toBe('file')
		const event = newEvent(5, t0)
		register(event.id, 'fajl@primer.rs', 'sr-Latn', t0, 2)
		const [row] = rowsFor(['fajl@primer.rs'])
		expect(await deliverDueMail(getDb(), mailer, { now: () => t0 })).toMatchObject({ sent: 1 })
		expect(readdirSync(mailDir)).toEqual([`outbox-${row!.id}.eml`])
		const parsed = await simpleParser(readFileSync(path.join(mailDir, `outbox-${row!.id}.eml`)), { keepCidLinks: true })
		expect(parsed.subject).toMatch(/^Prijava potvrđena: /)
		expect(parsed.text).toContain('Dolazite: 2 osobe')
		expectTicketMail(parsed)
		const sent = rowsFor(['fajl@primer.rs'])[0]!
		expect(sent.status).toBe('sent')
		expect(sent.lastError).toBe(`file:mail/outbox-${row!.id}.eml`)
		expect(await deliverDueMail(getDb(), mailer, { now: () => t0 })).toMatchObject({ attempted: 0 })
		expect(readdirSync(mailDir)).toHaveLength(1)
	})
})

/**
 * Resolves when the outbox next tells its listeners that mail was queued, and reports the status of
 * `email`'s row at that moment. Listeners are called in the order they subscribed, so a worker
 * started before this call has already reacted by then: a worker that hears the news claims the
 * row at once (deliverDueMail marks it 'sending' before its first await).
 */
function statusWhenWakeUpIsTold(email: string): Promise<string | undefined> {
	return new Promise((resolve) => {
		const unsubscribe = onMailQueued(() => {
			unsubscribe()
			resolve(rowsFor([email])[0]?.status)
		})
	})
}

describe('the worker', () => {
	test('wakes when mail is queued, without waiting for its timer, and stops cleanly', async () => {
		const smtp = await mailServer()
		const worker = startMailWorker(getDb(), smtpMailer(smtp.port), { intervalMs: 3_600_000 })
		cleanups.push(() => worker.stop())
		const event = newEvent(5, new Date())
		const toldWhileRunning = statusWhenWakeUpIsTold('odmah@primer.rs')
		register(event.id, 'odmah@primer.rs', 'en', new Date())
		// A running worker took the row the moment it was told (the control for the check below).
		expect(await toldWhileRunning).toBe('sending')
		const mail = await smtp.waitFor((m) => m.envelope.to.includes('odmah@primer.rs'), 5_000)
		expect(mail.parsed.subject).toMatch(/^Registration confirmed: /)
		await worker.stop()
		// Stopped: told of new mail, it does not take the row; kicked by hand (as its timer would), neither.
		const toldAfterStop = statusWhenWakeUpIsTold('posle@primer.rs')
		register(event.id, 'posle@primer.rs', 'en', new Date())
		// Never sent here: not left due for the tests after this one (the CLI's would send it).
		cleanups.push(() => getDb().delete(outbox).where(eq(outbox.toAddress, 'posle@primer.rs')).run())
		expect(await toldAfterStop).toBe('pending')
		worker.kick()
		expect(rowsFor(['posle@primer.rs'])[0]!.status).toBe('pending')
		expect(smtp.to('posle@primer.rs')).toHaveLength(0)
	})
})

describe('mail goes after requests', () => {
	test('the worker’s pacer waits while the event loop is busy and goes on when it is free', async () => {
		const pace = yieldToRequests({ windowMs: 10, busyAbove: 0.5, maxWaitMs: 5_000 })
		let started = performance.now()
		await pace()
		expect(performance.now() - started).toBeLessThan(1_000)
		// Busy as under a burst of requests: synchronous work in short slices for 400 ms.
		const busyUntil = performance.now() + 400
		const spin = () => {
			const end = performance.now() + 5
			while (performance.now() < end);
			if (performance.now() < busyUntil) setImmediate(spin)
		}
		setImmediate(spin)
		started = performance.now()
		await pace()
		expect(performance.now() - started).toBeGreaterThanOrEqual(350)
	})
})

describe('cli outbox send (the built bundle)', () => {
	const env = (extra: Record<string, string>) => cleanEnv({ DATABASE_PATH: process.env.DATABASE_PATH!, PUBLIC_URL, MAIL_FROM: TEST_MAIL_FROM, ...extra })

	test('delivers what is due, prints a JSON summary and exits; fails with one line when the server is down', async () => {
		const now = new Date()
		const event = newEvent(5, now)
		// Whatever earlier tests left due goes out too; this test only counts its own.
		register(event.id, 'cli@primer.rs', 'sr-Cyrl', new Date(now.getTime() - 60_000))
		const port = await findFreePort()
		const down = await runBuiltCli(['outbox', 'send'], env({ SMTP_URL: `smtp://127.0.0.1:${port}` }))
		expect(down.code, down.stderr).toBe(1)
		expect(down.stdout).toBe('')
		expect(down.stderr.trim().split('\n')).toHaveLength(1)
		expect(down.stderr).toMatch(/not sent.*(ECONNREFUSED|ESOCKET|ECONNECTION)/)
		expect(rowsFor(['cli@primer.rs'])[0]).toMatchObject({ status: 'pending', attempts: 1 })

		// Up, and the retry is due: sent once; the process ends by itself (the pool is closed).
		getDb().update(outbox).set({ nextAttemptAt: new Date() }).where(eq(outbox.toAddress, 'cli@primer.rs')).run()
		const smtp = await mailServer(port)
		const up = await runBuiltCli(['outbox', 'send'], env({ SMTP_URL: smtp.url }))
		expect(up.code, up.stderr).toBe(0)
		const summary = JSON.parse(up.stdout)
		expect(summary).toMatchObject({ failed: 0, retrying: 0, mode: 'smtp' })
		expect(summary.sent).toBeGreaterThanOrEqual(1)
		expect(smtp.to('cli@primer.rs')).toHaveLength(1)
		expect(smtp.to('cli@primer.rs')[0]!.parsed.subject).toMatch(/^Пријава потврђена/)
		const again = await runBuiltCli(['outbox', 'send'], env({ SMTP_URL: smtp.url }))
		expect(JSON.parse(again.stdout)).toMatchObject({ attempted: 0, sent: 0 })
		expect(smtp.to('cli@primer.rs')).toHaveLength(1)
	})
})
