// Delivering the outbox: claim due rows, render them in the recipient's language, send, record.
// At-least-once with a stable identity: a row is claimed in a short write transaction (so two
// workers, or the server and `cli outbox send`, never send it at the same time), sent outside
// any transaction, then marked sent. A crash between the SMTP server's "250 OK" and our mark
// would send it again after the claim expires, with the same Message-ID, which mail systems
// recognise as the same mail. Failures are retried with backoff; nothing is ever dropped.
import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { and, asc, inArray, lte, eq, sql } from 'drizzle-orm'
import nodemailer, { type NodemailerError, type SendMailOptions, type Transporter } from 'nodemailer'
import addressparser from 'nodemailer/lib/addressparser'
import { applications, events, outbox, registrations, type OutboxRow } from '#db/schema/index.ts'
import { mailContext, renderMail, UnrenderableMailError, type RenderedMail } from '#emails/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import type { Env } from '#app/utils/env.server.ts'
import { ensureOwnerOnlyDir, OWNER_ONLY_FILE } from '#app/utils/file-modes.server.ts'
import { isAccountMailTemplate, onMailQueued } from '#app/services/commands/outbox.server.ts'
import { mailIdNonce } from '#app/services/commands/site-settings.server.ts'
import { centerContact, funderEmblem, funderVisibility } from '#app/services/queries/site-settings.server.ts'
import { funderBlockFor, hasFunderBlock } from '#app/domain/funder-visibility.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { MailFunderBlock } from '#emails/types.ts'
import { fileDeliveryNote } from '#app/domain/delivery-note.ts'
import { isOptionalMailTemplate, listUnsubscribeHeaders, stopMailsUrl, type WithheldReason } from '#app/domain/mail-kinds.ts'

/** Waits after the 1st, 2nd, ... failed attempt; after the list, every RETRY_EVERY_MS. */
export const RETRY_DELAYS_MS = [10_000, 30_000, 60_000, 5 * 60_000, 15 * 60_000]
export const RETRY_EVERY_MS = 30 * 60_000
/** After this many failed attempts (about 3.5 hours) a row is `failed`; an organizer can resend it. */
export const MAX_ATTEMPTS = 12
/** A claimed row not marked within this time was left by a crash and is claimed again. */
export const SENDING_LEASE_MS = 5 * 60_000
const BATCH_SIZE = 20

/** The wait before the next try, after `failedAttempts` failures (1 = the first failed). */
export function retryDelayMs(failedAttempts: number): number {
	return RETRY_DELAYS_MS[failedAttempts - 1] ?? RETRY_EVERY_MS
}

export type MailerConfig = {
	/** smtp://user:pass@host:587 (or smtps://). Without it mail is written to `mailDir` as .eml. */
	smtpUrl?: string
	/** The From header, e.g. `Sajam <no-reply@example.org>`. */
	mailFrom: string
	publicUrl: string
	/** Where .eml files go when there is no SMTP server: {DATA_DIR}/mail. */
	mailDir: string
	/** CONTACT_EMAIL: the Center's address for people, unless the admin's settings give another. */
	contactEmail?: string
}

export type Mailer = {
	mode: 'smtp' | 'file'
	from: { name: string; address: string }
	publicUrl: string
	contactEmail?: string
	/** Hands one message over; resolves with a note for the outbox row, rejects if not taken. */
	send(message: SendMailOptions, outboxId: number): Promise<{ note: string | null }>
	/** Drops what the mailer kept of a mail (the .eml file), for a mail erased while it was being sent. */
	forget(outboxId: number): void
	close(): void
}

/** Where the file mailer writes an outbox row's mail. */
export function mailFilePath(mailDir: string, outboxId: number) {
	return path.join(mailDir, `outbox-${outboxId}.eml`)
}

/** Removes the .eml files of these outbox rows (an erasure); a missing file is fine. */
export function removeMailFiles(mailDir: string, outboxIds: number[]) {
	for (const id of outboxIds) {
		const file = mailFilePath(mailDir, id)
		rmSync(file, { force: true })
		rmSync(`${file}.partial`, { force: true })
	}
}

function parseFrom(mailFrom: string) {
	const [first] = addressparser(mailFrom, { flatten: true })
	if (!first?.address) throw new Error(`MAIL_FROM has no address: ${mailFrom}`)
	return { name: first.name || first.address, address: first.address }
}

/**
 * The transport for the configured place: a pooled SMTP connection (short timeouts, so an outage
 * costs seconds, not minutes), or .eml files for a demo or a machine without mail.
 */
export function createMailer(config: MailerConfig): Mailer {
	const from = parseFrom(config.mailFrom)
	if (config.smtpUrl) {
		const transport: Transporter = nodemailer.createTransport({
			url: config.smtpUrl,
			pool: true,
			maxConnections: 2,
			connectionTimeout: 15_000,
			greetingTimeout: 15_000,
			socketTimeout: 60_000,
		})
		return {
			mode: 'smtp',
			from,
			publicUrl: config.publicUrl,
			contactEmail: config.contactEmail,
			async send(message) {
				const info = await transport.sendMail(message)
				return { note: info.response ? String(info.response).slice(0, 200) : null }
			},
			forget: () => {},
			close: () => transport.close(),
		}
	}
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
	return {
		mode: 'file',
		from,
		publicUrl: config.publicUrl,
		contactEmail: config.contactEmail,
		async send(message, outboxId) {
			const info = await transport.sendMail(message)
			ensureOwnerOnlyDir(config.mailDir)
			// Named by the row, so a second attempt overwrites instead of adding a copy.
			const file = mailFilePath(config.mailDir, outboxId)
			// Owner-only whatever the umask: the mail carries a private link and personal data.
			writeFileSync(`${file}.partial`, info.message as Buffer, { mode: OWNER_ONLY_FILE })
			chmodSync(`${file}.partial`, OWNER_ONLY_FILE)
			renameSync(`${file}.partial`, file)
			return { note: fileDeliveryNote(path.join(path.basename(config.mailDir), path.basename(file))) }
		},
		forget: (outboxId) => removeMailFiles(config.mailDir, [outboxId]),
		close: () => transport.close(),
	}
}

export function mailerConfigFromEnv(env: Env): MailerConfig {
	return {
		smtpUrl: env.SMTP_URL,
		mailFrom: env.MAIL_FROM,
		publicUrl: env.PUBLIC_URL,
		mailDir: path.join(env.DATA_DIR, 'mail'),
		contactEmail: env.CONTACT_EMAIL,
	}
}

/**
 * `<outbox-17.k3…@sajam.example>`: the same row always has the same Message-ID (a retry is
 * recognised as the same mail), and the database's own random part (mailIdNonce) keeps a
 * recreated database's row 17 from reusing the id of an earlier database's row 17.
 */
export function outboxMessageId(id: number, publicUrl: string, nonce: string) {
	return `<outbox-${id}.${nonce}@${new URL(publicUrl).hostname}>`
}

/** Errors that say the SMTP server cannot be reached or used at all: the rest of the batch waits too. */
const SERVER_UNAVAILABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EPROXY', 'ECONNREFUSED'])

function describeError(error: unknown): string {
	const e = error as NodemailerError
	const parts = [e?.code, e?.originalCode && e.originalCode !== e.code ? e.originalCode : null, e?.message ?? String(error)]
	return parts.filter(Boolean).join(': ').replace(/\s+/g, ' ').slice(0, 500)
}

/** The recipient's server refused this address for good (5xx to RCPT TO): retrying cannot help. */
function isPermanentRejection(error: unknown) {
	const e = error as NodemailerError
	return e?.code === 'EENVELOPE' && e.permanent === true
}

/** Claims up to `limit` due rows: pending ones whose time has come, and sending ones left by a crash. */
function claimDue(db: Db, now: Date, limit: number): OutboxRow[] {
	return writeTransaction(db, (tx) => {
		const ids = tx
			.select({ id: outbox.id })
			.from(outbox)
			.where(and(inArray(outbox.status, ['pending', 'sending']), lte(outbox.nextAttemptAt, now)))
			.orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
			.limit(limit)
			.all()
			.map((r) => r.id)
		if (ids.length === 0) return []
		return tx
			.update(outbox)
			.set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS) })
			.where(inArray(outbox.id, ids))
			.returning()
			.all()
			.sort((a, b) => a.id - b.id)
	})
}

/** Only the claim that is still ours may be settled (a row re-claimed after a lease is someone else's). */
const stillOurs = (row: OutboxRow) => and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts))

/**
 * Once a mail is sent or given up on, the raw token of its private link is no longer needed in
 * the stored parameters: blanked, so the database keeps only hashes of links (0008-hashed-private-links).
 */
const withoutManageToken = sql`CASE
	WHEN json_type(${outbox.params}, '$.registration.manageToken') = 'text' THEN json_replace(${outbox.params}, '$.registration.manageToken', '')
	WHEN json_type(${outbox.params}, '$.application.manageToken') = 'text' THEN json_replace(${outbox.params}, '$.application.manageToken', '')
	ELSE ${outbox.params} END`
// A thank-you's one-time survey token goes too: kept, it would tie the person to their answer's token.
const paramsWithoutLinkToken = sql`CASE
	WHEN json_type(${outbox.params}, '$.survey.token') = 'text' THEN json_replace(${withoutManageToken}, '$.survey.token', '')
	ELSE ${withoutManageToken} END`

function markSent(db: Db, row: OutboxRow, messageId: string, note: string | null, now: Date) {
	// A sent invitation or reset keeps no copy of its one-time link (the tables hold only its hash);
	// any other mail drops the raw token of its private link.
	db.update(outbox)
		.set({ status: 'sent', sentAt: now, messageId, lastError: note, params: paramsWithoutLinks(row) })
		.where(stillOurs(row))
		.run()
}

/** What a mail keeps of its parameters once it is sent or given up on (no usable link). */
function paramsWithoutLinks(row: OutboxRow) {
	// An invitation or a reset is nothing but its one-time link: nothing of it is kept.
	return isAccountMailTemplate(row.template) ? sql`'{}'` : paramsWithoutLinkToken
}

/** The person was erased while their mail was on its way: their row was blanked meanwhile. */
function erasedMeanwhile(db: Db, id: number) {
	const row = db.select({ toAddress: outbox.toAddress }).from(outbox).where(eq(outbox.id, id)).get()
	return !row || row.toAddress === 'erased'
}

/** Schedules the next attempt, or gives up (`failed`) after MAX_ATTEMPTS or a permanent refusal. */
function markFailedAttempt(db: Db, row: OutboxRow, error: string, now: Date, permanent = false): 'failed' | 'retrying' {
	const giveUp = permanent || row.attempts >= MAX_ATTEMPTS
	db.update(outbox)
		.set({
			status: giveUp ? 'failed' : 'pending',
			lastError: error,
			...(giveUp ? { params: paramsWithoutLinks(row) } : {}),
			nextAttemptAt: giveUp ? now : new Date(now.getTime() + retryDelayMs(row.attempts)),
		})
		.where(stillOurs(row))
		.run()
	return giveUp ? 'failed' : 'retrying'
}

/**
 * Why an optional mail (a reminder, a thank-you, a message to all) must not go any more, checked
 * at delivery: the person stopped these mails, cancelled, withdrew, or the event was cancelled
 * after it was queued. Null when it may go. Tickets, changes and cancellations are never held back.
 */
function optionalMailWithdrawn(db: Db, row: OutboxRow): WithheldReason | null {
	if (!isOptionalMailTemplate(row.template)) return null
	if (row.eventId !== null) {
		const event = db.select({ status: events.status }).from(events).where(eq(events.id, row.eventId)).get()
		if (event?.status === 'cancelled') return 'event_cancelled'
	}
	if (row.registrationId !== null) {
		const r = db
			.select({ status: registrations.status, stopped: registrations.optionalMailStoppedAt })
			.from(registrations)
			.where(eq(registrations.id, row.registrationId))
			.get()
		if (!r || r.status === 'cancelled') return 'registration_cancelled'
		if (r.stopped) return 'mails_stopped'
	}
	if (row.applicationId !== null) {
		const a = db
			.select({ status: applications.status, stopped: applications.optionalMailStoppedAt })
			.from(applications)
			.where(eq(applications.id, row.applicationId))
			.get()
		if (!a || a.status === 'withdrawn' || a.status === 'rejected') return 'application_ended'
		if (a.stopped) return 'mails_stopped'
	}
	return null
}

/** An optional mail that must not go: settled as withheld with the reason; not retried, not a failure. */
function markWithdrawn(db: Db, row: OutboxRow, reason: WithheldReason, now: Date) {
	db.update(outbox)
		.set({ status: 'withheld', lastError: reason, params: paramsWithoutLinks(row), nextAttemptAt: now })
		.where(stillOurs(row))
		.run()
}

export type DeliverySummary = {
	attempted: number
	sent: number
	retrying: number
	failed: number
	/** Optional mails not sent because the person stopped them or the registration or event was cancelled meanwhile. */
	withdrawn: number
	/** The last send or render error of this run, if any. */
	lastError: string | null
}

/**
 * Delivers every row due at `now` (default: the clock), batch by batch, until none is left or the
 * SMTP server is unreachable (then the rest waits for its next attempt, nothing is lost).
 * `beforeEach` runs before each mail (the server's worker uses it to let requests go first).
 */
export async function deliverDueMail(
	db: Db,
	mailer: Mailer,
	options: { now?: () => Date; beforeEach?: () => Promise<void>; stopRequested?: () => boolean } = {},
): Promise<DeliverySummary> {
	const clock = options.now ?? (() => new Date())
	const stopRequested = options.stopRequested ?? (() => false)
	const summary: DeliverySummary = { attempted: 0, sent: 0, retrying: 0, failed: 0, withdrawn: 0, lastError: null }
	while (!stopRequested()) {
		// Each claimed row leaves the due set (sent, failed, or pending with a later time), so this ends.
		const batch = claimDue(db, clock(), BATCH_SIZE)
		if (batch.length === 0) return summary
		const nonce = mailIdNonce(db)
		let unavailable: string | null = null
		for (const [index, row] of batch.entries()) {
			if (stopRequested()) {
				// Shutting down: the rows not yet tried go back as they were, due at once for the next
				// start (not after the lease), so a restart sends each of them exactly once.
				releaseClaims(db, batch.slice(index), clock())
				return summary
			}
			summary.attempted++
			if (unavailable) {
				summary[markFailedAttempt(db, row, unavailable, clock())]++
				continue
			}
			await options.beforeEach?.()
			const outcome = await deliverOne(db, mailer, row, clock, nonce)
			summary[outcome.result]++
			if (outcome.error) summary.lastError = outcome.error
			if (outcome.serverUnavailable) unavailable = outcome.error
		}
		if (unavailable) return summary
	}
	return summary
}

/** Gives claimed rows that were not tried back: pending, due now, the claim's attempt not counted. */
function releaseClaims(db: Db, rows: OutboxRow[], now: Date) {
	if (rows.length === 0) return
	writeTransaction(db, (tx) => {
		for (const row of rows)
			tx.update(outbox)
				.set({ status: 'pending', attempts: row.attempts - 1, nextAttemptAt: now })
				.where(stillOurs(row))
				.run()
	})
}

/** The invite as one `text/calendar; method=...` alternative, the part Gmail and Outlook act on (nodemailer's `icalEvent` would attach it a second time as application/ics). */
function calendarAlternative(invite: RenderedMail['icalEvent']) {
	if (!invite) return undefined
	return [{ contentType: `text/calendar; charset=utf-8; method=${invite.method}`, content: invite.content }]
}

/** The emblem's bytes of the last mail, by hash: read once, not at every mail. */
let emblemCache: { sha256: string; bytes: Buffer; mime: string } | null = null

/** The funder's block for a mail's footer in the recipient's language, when the admin ticked it for mails. */
function mailFunderBlock(db: Db, locale: Locale): MailFunderBlock | null {
	const settings = funderVisibility(db)
	if (!settings.showMail || !hasFunderBlock(settings)) return null
	const block = funderBlockFor(settings, locale)
	let emblem: MailFunderBlock['emblem'] = null
	if (block.emblem) {
		if (emblemCache?.sha256 !== block.emblem.sha256) {
			const stored = funderEmblem(db)
			emblemCache = stored ? { sha256: stored.meta.sha256, bytes: stored.bytes, mime: stored.meta.mime } : null
		}
		if (emblemCache) emblem = { bytes: emblemCache.bytes, mime: emblemCache.mime }
	}
	return { statement: block.statement, disclaimer: block.disclaimer, emblem }
}

async function deliverOne(db: Db, mailer: Mailer, row: OutboxRow, clock: () => Date, nonce: string) {
	const withdrawn = optionalMailWithdrawn(db, row)
	if (withdrawn) {
		markWithdrawn(db, row, withdrawn, clock())
		return { result: 'withdrawn' as const, serverUnavailable: false, error: null }
	}
	let rendered
	let ctx
	// Read at each mail: the admin's settings apply from the next mail on.
	const contactEmail = centerContact(db, { CONTACT_EMAIL: mailer.contactEmail }).email
	try {
		const funder = mailFunderBlock(db, row.locale)
		ctx = mailContext(row.locale, { publicUrl: mailer.publicUrl, from: mailer.from, queuedAt: row.createdAt, contactEmail, funder })
		rendered = await renderMail(row.template, row.params, ctx)
	} catch (error) {
		const message = `render: ${describeError(error)}`
		const result = markFailedAttempt(db, row, message, clock(), error instanceof UnrenderableMailError)
		return { result, serverUnavailable: false, error: message }
	}
	const messageId = outboxMessageId(row.id, mailer.publicUrl, nonce)
	// An optional mail names its one-click stop link (RFC 2369, RFC 8058); no other mail does.
	const stopUrl = isOptionalMailTemplate(row.template) ? stopMailsUrl(mailer.publicUrl, row.params) : null
	try {
		const { note } = await mailer.send(
			{
				// The display name in the reader's script (mailContext).
				from: { name: ctx.from.name, address: ctx.from.address },
				to: { name: row.toName ?? '', address: row.toAddress },
				// A reply reaches a person at the Center, not the no-reply sender.
				...(contactEmail ? { replyTo: { name: ctx.t('common.centerName'), address: contactEmail } } : {}),
				subject: rendered.subject,
				text: rendered.text,
				html: rendered.html,
				attachments: rendered.attachments,
				alternatives: calendarAlternative(rendered.icalEvent),
				messageId,
				headers: {
					// RFC 3834: an automatic mail; asks auto-responders (Outlook's too) not to answer it.
					'Auto-Submitted': 'auto-generated',
					'X-Auto-Response-Suppress': 'All',
					...(stopUrl ? listUnsubscribeHeaders(stopUrl, contactEmail ?? null) : {}),
				},
			},
			row.id,
		)
		markSent(db, row, messageId, note, clock())
		if (erasedMeanwhile(db, row.id)) mailer.forget(row.id)
		return { result: 'sent' as const, serverUnavailable: false, error: null }
	} catch (error) {
		const message = describeError(error)
		const result = markFailedAttempt(db, row, message, clock(), isPermanentRejection(error))
		const code = (error as NodemailerError)?.code
		return { result, serverUnavailable: !!code && SERVER_UNAVAILABLE.has(code), error: message }
	}
}

export type MailWorker = { kick(): void; stop(): Promise<void> }

/**
 * Rendering and sending a mail costs a few ms of CPU in the process that answers requests. Before
 * each mail the worker looks at how busy the event loop was over a short window: while requests
 * keep it busy, the mail waits (at most `maxWaitMs`, so mail always moves). A burst of
 * registrations is answered first and its mail follows a moment later.
 */
export function yieldToRequests(options: { windowMs?: number; busyAbove?: number; maxWaitMs?: number } = {}) {
	const windowMs = options.windowMs ?? 10
	const busyAbove = options.busyAbove ?? 0.5
	const maxWaitMs = options.maxWaitMs ?? 2_000
	return async () => {
		for (let waited = 0; waited < maxWaitMs; waited += windowMs) {
			const start = performance.eventLoopUtilization()
			await new Promise((resolve) => setTimeout(resolve, windowMs))
			if (performance.eventLoopUtilization(start).utilization < busyAbove) return
		}
	}
}

/**
 * The server's delivery loop: runs when mail is queued (onMailQueued) and every `intervalMs`
 * for retries. One delivery at a time; a wake-up during a run makes it run once more; requests
 * go first (yieldToRequests). Its timer is unref'd, so it never keeps a process alive.
 */
export function startMailWorker(db: Db, mailer: Mailer, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): MailWorker {
	const beforeEach = yieldToRequests()
	const onError = options.onError ?? ((error: unknown) => console.error('outbox delivery failed:', error))
	let running: Promise<void> | null = null
	let again = false
	let stopped = false
	const kick = () => {
		if (stopped) return
		if (running) {
			again = true
			return
		}
		running = deliverDueMail(db, mailer, { beforeEach, stopRequested: () => stopped })
			.then(() => undefined, onError)
			.finally(() => {
				running = null
				if (again) {
					again = false
					kick()
				}
			})
	}
	const timer = setInterval(kick, options.intervalMs ?? 5_000)
	timer.unref()
	const unsubscribe = onMailQueued(kick)
	kick()
	return {
		kick,
		async stop() {
			stopped = true
			clearInterval(timer)
			unsubscribe()
			while (running) await running
			mailer.close()
		},
	}
}
