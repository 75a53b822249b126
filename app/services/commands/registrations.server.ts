// Registering, cancelling and promoting: every change of who holds a place. Each function is one
// synchronous BEGIN IMMEDIATE transaction that re-checks the limit inside it, keeps the event's
// person counters in step, writes the mail to the outbox and the audit log, and commits.
import { currentWaitlistPosition, findByManageToken, waitingQueue } from '#app/services/queries/registrations.server.ts'
import { and, eq, sql } from 'drizzle-orm'
import { events, registrations, type EventRow, type RegistrationRow } from '#db/schema/index.ts'
import { decideRegistration, pickPromotions } from '#app/domain/registration-rules.ts'
import type { RegistrationInput } from '#app/domain/registration-input.ts'
import { writeInBatch, writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { enqueueMail } from '#app/services/commands/outbox.server.ts'
import { mintPrivateLink, revokeRegistrationLinks } from '#app/services/commands/private-links.server.ts'
import { removeTracesAfterErasure } from '#app/services/commands/erasure.server.ts'
import { issueTicketCode } from '#app/utils/ticket-keys.server.ts'
import { parseEventAnswers, parseStoredEventQuestions } from '#app/domain/event-questions.ts'
import { InvalidAnswersError } from '#app/services/commands/surveys.server.ts'

export type RegistrationSource = RegistrationRow['source']

export type RegisterResult =
	/** `manageToken`: the raw token of the private link, minted now (the database keeps only its hash). */
	| { kind: 'created'; registration: RegistrationRow; event: EventRow; position: number | null; manageToken: string }
	/** The address already has a live registration: its manage link was mailed again. */
	| { kind: 'already_registered'; registration: RegistrationRow; event: EventRow }

// The statements of the hot path (every registration runs them), built once per connection:
// building a drizzle query costs more than running it on SQLite.
const p = (name: string) => sql.placeholder(name)
function buildStatements(db: Db) {
	return {
		eventBySlug: db
			.select()
			.from(events)
			.where(eq(events.slug, p('slug')))
			.prepare(),
		eventById: db
			.select()
			.from(events)
			.where(eq(events.id, p('id')))
			.prepare(),
		liveByEmail: db
			.select()
			.from(registrations)
			.where(and(eq(registrations.eventId, p('eventId')), eq(registrations.email, p('email')), sql`${registrations.status} <> 'cancelled'`))
			.prepare(),
		adjustCounters: db
			.update(events)
			.set({
				confirmedPersons: sql`${events.confirmedPersons} + ${p('confirmed')}`,
				waitlistedPersons: sql`${events.waitlistedPersons} + ${p('waitlisted')}`,
			})
			.where(eq(events.id, p('eventId')))
			.returning()
			.prepare(),
		insertRegistration: db
			.insert(registrations)
			.values({
				eventId: p('eventId'),
				status: p('status'),
				name: p('name'),
				email: p('email'),
				phone: p('phone'),
				partySize: p('partySize'),
				locale: p('locale'),
				privacyAcceptedAt: p('now'),
				consentPhotos: p('consentPhotos'),
				consentNewsletter: p('consentNewsletter'),
				consentResearch: p('consentResearch'),
				consentFunderList: p('consentFunderList'),
				answers: p('answers'),
				gender: p('gender'),
				ageGroup: p('ageGroup'),
				municipality: p('municipality'),
				vulnerableGroup: p('vulnerableGroup'),
				source: p('source'),
				createdAt: p('now'),
				// Raw: the column's Date mapping would choke on null (the waitlisted case).
				confirmedAt: sql`${p('confirmedAtMs')}`,
			})
			.returning()
			.prepare(),
		setTicketCode: db
			.update(registrations)
			.set({ ticketCode: sql`${p('code')}` })
			.where(eq(registrations.id, p('id')))
			.returning()
			.prepare(),
	}
}
const statementCache = new WeakMap<Db, ReturnType<typeof buildStatements>>()
function statements(db: Db) {
	let built = statementCache.get(db)
	if (!built) {
		built = buildStatements(db)
		statementCache.set(db, built)
	}
	return built
}

function loadEventForUpdate(tx: Db, where: { slug: string } | { id: number }): EventRow {
	const event = 'slug' in where ? statements(tx).eventBySlug.get({ slug: where.slug }) : statements(tx).eventById.get({ id: where.id })
	if (!event || event.status === 'draft') throw new ServiceError('not_found', 404)
	return event
}

/** The waiting list of an event, in registration order. */
/** Moves persons between the event's counters; the CHECK on capacity is the last line of defence. */
function adjustCounters(tx: Db, eventId: number, confirmedDelta: number, waitlistedDelta: number): EventRow {
	return statements(tx).adjustCounters.get({ eventId, confirmed: confirmedDelta, waitlisted: waitlistedDelta })!
}

/**
 * registerVisitor with group commit: the registrations of one event-loop turn share a transaction
 * and one disk flush (writeInBatch), each decided in arrival order inside the write lock.
 */
export function registerVisitorGrouped(
	db: Db,
	eventRef: { slug: string },
	input: RegistrationInput,
	source: RegistrationSource,
	actor: Actor,
): Promise<RegisterResult> {
	return writeInBatch(db, (tx) => registerVisitor(tx, eventRef, input, source, actor))
}

/**
 * Registers a visitor (or a family) for an event. Confirmed while places last, then waitlisted if
 * the event has a waiting list; refused with `sold_out`, `registration_closed`, `not_found` or
 * `party_too_large` otherwise. A second live registration for the same address is not created:
 * the existing one's manage link is mailed again instead (never shown to the caller).
 */
export function registerVisitor(
	db: Db,
	eventRef: { slug: string } | { id: number },
	input: RegistrationInput,
	source: RegistrationSource,
	actor: Actor,
	now = new Date(),
): RegisterResult {
	return writeTransaction(db, (tx) => {
		const event = loadEventForUpdate(tx, eventRef)
		// Without an address (taken by an organizer at the door or on the phone) there is nothing to match.
		const existing = input.email === null ? undefined : statements(tx).liveByEmail.get({ eventId: event.id, email: input.email })
		if (existing) {
			enqueueMail(tx, 'registration-link', event, existing, now)
			return { kind: 'already_registered', registration: existing, event }
		}
		// The event's own questions (issue 18), checked against the questions as they are now.
		// An organizer taking a registration by hand (at the door, on the phone) need not have every answer.
		const parsedAnswers = parseEventAnswers(parseStoredEventQuestions(event.questions), input.answers, { required: source !== 'organizer' })
		if (!parsedAnswers.ok) throw new InvalidAnswersError(parsedAnswers.issues)
		const answers = Object.keys(parsedAnswers.answers).length > 0 ? JSON.stringify(parsedAnswers.answers) : null
		const decision = decideRegistration(event, input.partySize, now, { organizerOverride: source === 'organizer' })
		if (decision.outcome === 'refused') {
			const reason = decision.reason === 'not_open' ? (event.status === 'cancelled' ? 'event_cancelled' : 'not_found') : decision.reason
			throw new ServiceError(
				reason,
				reason === 'party_too_large' ? 422 : reason === 'not_found' ? 404 : 409,
				reason === 'party_too_large' ? 'partySize' : undefined,
			)
		}
		const status = decision.outcome
		let registration = statements(tx).insertRegistration.get({
			eventId: event.id,
			status,
			name: input.name,
			email: input.email,
			phone: input.phone ?? null,
			partySize: input.partySize,
			locale: input.locale,
			now,
			consentPhotos: input.consent.photos,
			consentNewsletter: input.consent.newsletter,
			consentResearch: input.consent.research,
			consentFunderList: input.consent.funderList ?? false,
			answers,
			gender: input.demographics.gender ?? null,
			ageGroup: input.demographics.ageGroup ?? null,
			municipality: input.demographics.municipality ?? null,
			vulnerableGroup: input.demographics.vulnerableGroup ?? null,
			source,
			confirmedAtMs: status === 'confirmed' ? now.getTime() : null,
		})!
		// One link for the answer and the first mail: the page the visitor lands on is the mailed one.
		const manageToken = mintPrivateLink(tx, { registrationId: registration.id }, now)
		let position: number | null = null
		let updatedEvent: EventRow
		if (status === 'confirmed') {
			registration = statements(tx).setTicketCode.get({ id: registration.id, code: issueTicketCode(event.id, registration.id) })!
			updatedEvent = adjustCounters(tx, event.id, input.partySize, 0)
			enqueueMail(tx, 'registration-confirmed', updatedEvent, registration, now, { manageToken })
		} else {
			updatedEvent = adjustCounters(tx, event.id, 0, input.partySize)
			position = currentWaitlistPosition(tx, registration)
			enqueueMail(tx, 'registration-waitlisted', updatedEvent, registration, now, { position, manageToken })
		}
		recordAudit(tx, actor, `registration.${status}`, `registration:${registration.id}`, { eventId: event.id, partySize: input.partySize, source }, now)
		return { kind: 'created', registration, event: updatedEvent, position, manageToken }
	})
}

/**
 * Gives freed places to the waiting list, at once, in registration order (see pickPromotions).
 * Runs inside the caller's transaction; returns the promoted registrations' ids.
 */
export function promoteFromWaitlist(tx: Db, eventId: number, actor: Actor, now: Date): number[] {
	const event = tx.select().from(events).where(eq(events.id, eventId)).get()
	if (!event || event.status !== 'published') return []
	const queue = waitingQueue(tx, eventId)
	const promotedIds = pickPromotions(event.capacity, event.confirmedPersons, queue)
	let current: EventRow
	for (const id of promotedIds) {
		const party = queue.find((p) => p.id === id)!
		const registration = tx
			.update(registrations)
			.set({ status: 'confirmed', confirmedAt: now, promotedAt: now, ticketCode: issueTicketCode(eventId, id) })
			.where(and(eq(registrations.id, id), eq(registrations.status, 'waitlisted')))
			.returning()
			.get()!
		current = adjustCounters(tx, eventId, party.partySize, -party.partySize)
		enqueueMail(tx, 'registration-promoted', current, registration, now)
		recordAudit(tx, actor, 'registration.promoted', `registration:${id}`, { eventId }, now)
	}
	return promotedIds
}

export type CancelResult = { registration: RegistrationRow; event: EventRow; promoted: number[]; changed: boolean }

function cancelInTransaction(tx: Db, registration: RegistrationRow, by: 'visitor' | 'organizer', actor: Actor, now: Date): CancelResult {
	const event = tx.select().from(events).where(eq(events.id, registration.eventId)).get()!
	// Cancelling twice changes nothing the second time: the places were freed once.
	if (registration.status === 'cancelled') return { registration, event, promoted: [], changed: false }
	const wasConfirmed = registration.status === 'confirmed'
	const cancelled = tx
		.update(registrations)
		.set({ status: 'cancelled', cancelledAt: now, cancelledBy: by, ticketCode: null })
		.where(and(eq(registrations.id, registration.id), sql`${registrations.status} <> 'cancelled'`))
		.returning()
		.get()!
	let updatedEvent = adjustCounters(tx, event.id, wasConfirmed ? -registration.partySize : 0, wasConfirmed ? 0 : -registration.partySize)
	enqueueMail(tx, 'registration-cancelled', updatedEvent, cancelled, now)
	recordAudit(tx, actor, 'registration.cancelled', `registration:${registration.id}`, { eventId: event.id, by }, now)
	const promoted = wasConfirmed ? promoteFromWaitlist(tx, event.id, actor, now) : []
	if (promoted.length) updatedEvent = tx.select().from(events).where(eq(events.id, event.id)).get()!
	return { registration: cancelled, event: updatedEvent, promoted, changed: true }
}

/** The visitor cancels through the manage link. */
export function cancelByManageToken(db: Db, token: string, now = new Date()): CancelResult {
	return writeTransaction(db, (tx) => {
		const registration = findByManageToken(tx, token)
		if (!registration) throw new ServiceError('not_found', 404)
		return cancelInTransaction(tx, registration, 'visitor', { kind: 'system' }, now)
	})
}

/** An organizer cancels someone. */
export function cancelByOrganizer(db: Db, registrationId: number, actor: Actor, now = new Date()): CancelResult {
	return writeTransaction(db, (tx) => {
		const registration = tx.select().from(registrations).where(eq(registrations.id, registrationId)).get()
		if (!registration) throw new ServiceError('not_found', 404)
		return cancelInTransaction(tx, registration, 'organizer', actor, now)
	})
}

/**
 * The visitor deletes their data (ZZPL right to erasure). The registration is cancelled (freeing
 * its places) and its personal data are overwritten; the row stays so the counts stay right.
 * Mail not yet sent to the address is dropped, every private link stops working, and after the
 * commit the mail files are removed and the WAL is emptied (removeTracesAfterErasure).
 */
export function eraseByManageToken(db: Db, token: string, now = new Date()): CancelResult {
	let mailIds: number[] = []
	const erasedResult = writeTransaction(db, (tx) => {
		const registration = findByManageToken(tx, token)
		if (!registration) throw new ServiceError('not_found', 404)
		const result = cancelInTransaction(tx, registration, 'visitor', { kind: 'system' }, now)
		mailIds = tx.all<{ id: number }>(sql`SELECT id FROM outbox WHERE registration_id = ${registration.id}`).map((r) => r.id)
		revokeRegistrationLinks(tx, registration.id)
		tx.run(sql`DELETE FROM outbox WHERE registration_id = ${registration.id} AND status IN ('pending', 'failed', 'withheld')`)
		tx.run(sql`UPDATE outbox SET params = '{}', to_address = 'erased', to_name = NULL WHERE registration_id = ${registration.id}`)
		const erased = tx
			.update(registrations)
			.set({
				name: '',
				email: `erased-${registration.id}@invalid`,
				phone: null,
				gender: null,
				ageGroup: null,
				municipality: null,
				vulnerableGroup: null,
				consentPhotos: false,
				consentNewsletter: false,
				consentResearch: false,
				consentFunderList: false,
				answers: null,
			})
			.where(eq(registrations.id, registration.id))
			.returning()
			.get()!
		recordAudit(tx, { kind: 'system' }, 'registration.erased', `registration:${registration.id}`, null, now)
		return { ...result, registration: erased }
	})
	removeTracesAfterErasure(db, mailIds)
	return erasedResult
}

/** Mails the ticket (or the waiting-list notice) again, e.g. when the visitor lost the mail. */
export function resendRegistrationMail(db: Db, registrationId: number, actor: Actor, now = new Date()) {
	return writeTransaction(db, (tx) => {
		const registration = tx.select().from(registrations).where(eq(registrations.id, registrationId)).get()
		if (!registration) throw new ServiceError('not_found', 404)
		const event = tx.select().from(events).where(eq(events.id, registration.eventId)).get()!
		// Taken without an address: nothing to mail (the organizer prints the ticket instead).
		if (registration.email === null) throw new ServiceError('no_email', 409)
		if (registration.status === 'confirmed') enqueueMail(tx, 'registration-confirmed', event, registration, now)
		else if (registration.status === 'waitlisted') {
			enqueueMail(tx, 'registration-waitlisted', event, registration, now, { position: currentWaitlistPosition(tx, registration) })
		} else throw new ServiceError('registration_cancelled', 409)
		recordAudit(tx, actor, 'registration.resend', `registration:${registration.id}`, null, now)
		return registration
	})
}

/**
 * A private link to a confirmed registration's ticket page, for the organizer to open and print
 * (someone registered at the door or on the phone without an email address gets the ticket on
 * paper). A new link is minted each time: the database keeps only hashes, so an old one cannot be
 * shown again. Audited, as the link opens the person's page.
 */
export function mintTicketLinkForOrganizer(db: Db, eventId: number, registrationId: number, actor: Actor, now = new Date()): string {
	return writeTransaction(db, (tx) => {
		const registration = tx
			.select()
			.from(registrations)
			.where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
			.get()
		if (!registration) throw new ServiceError('not_found', 404)
		if (registration.status !== 'confirmed' || registration.ticketCode === null) throw new ServiceError('registration_not_confirmed', 409)
		const token = mintPrivateLink(tx, { registrationId: registration.id }, now)
		recordAudit(tx, actor, 'registration.ticket_link', `registration:${registration.id}`, { eventId }, now)
		return token
	})
}

/** Who heard of an event's change or cancellation: mailed, and those without an address (not mailed). */
export type EventChangeNotice = { mailed: number; withoutEmail: number }

/**
 * After an organizer changed an event: mail every confirmed visitor an updated invite (same UID,
 * higher SEQUENCE), or a cancellation (with the organizer's message, if any). Runs inside the
 * caller's transaction.
 */
export function notifyEventChange(tx: Db, event: EventRow, now: Date, options: { message?: string | null } = {}): EventChangeNotice {
	const template = event.status === 'cancelled' ? 'event-cancelled' : 'event-updated'
	const audience = tx
		.select()
		.from(registrations)
		.where(
			and(
				eq(registrations.eventId, event.id),
				template === 'event-cancelled' ? sql`${registrations.status} <> 'cancelled'` : eq(registrations.status, 'confirmed'),
			),
		)
		.all()
	const message = template === 'event-cancelled' && options.message ? options.message : undefined
	for (const registration of audience) enqueueMail(tx, template, event, registration, now, { message })
	const withoutEmail = audience.filter((r) => r.email === null).length
	return { mailed: audience.length - withoutEmail, withoutEmail }
}
