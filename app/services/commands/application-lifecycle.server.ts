// What happens to an application after it is submitted: the organizer's decision (staged), the
// release of a fair's decisions (the only moment exhibitors are emailed about them), the
// exhibitor's confirmation, withdrawal and erasure, and the deadlines (reminder, missed
// confirmation). Whenever a released acceptance is given up, the first waitlisted exhibitor is
// offered the place at once. Every change is one synchronous write transaction with its mails
// queued in it.
import { pendingFingerprint } from '#app/domain/review-input.ts'
import { unreleasedDecisions } from '#app/services/queries/applications.server.ts'
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm'
import { applications, events, fairSettings, standAssignments, stands, type ApplicationDecision, type ApplicationRow, type EventRow } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { queueStandMails } from '#app/services/commands/stand-mails.server.ts'
import { findApplicationByManageToken } from '#app/services/queries/applications.server.ts'
import { removeTracesAfterErasure } from '#app/services/commands/erasure.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { enqueueApplicationMail } from '#app/services/commands/outbox.server.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** The reminder goes out this long before the confirmation deadline (or at once if less is left). */
export const CONFIRMATION_REMINDER_BEFORE_MS = 2 * DAY_MS
const DEFAULT_CONFIRMATION_DAYS = 7

function eventOf(tx: Db, application: ApplicationRow): EventRow {
	return tx.select().from(events).where(eq(events.id, application.eventId)).get()!
}

/**
 * The confirmation deadline for an acceptance released (or offered) now: the fair's confirmation
 * days, but never after the fair starts.
 */
function confirmationDeadline(tx: Db, event: EventRow, now: Date): Date {
	const settings = tx.select({ days: fairSettings.confirmationDays }).from(fairSettings).where(eq(fairSettings.eventId, event.id)).get()
	const byDays = now.getTime() + (settings?.days ?? DEFAULT_CONFIRMATION_DAYS) * DAY_MS
	return new Date(Math.max(now.getTime(), Math.min(byDays, event.startsAt.getTime())))
}

/** Only accepted exhibitors hold a stand; one who is no longer accepted gives it up. */
function dropStand(tx: Db, applicationId: number) {
	tx.delete(standAssignments).where(eq(standAssignments.applicationId, applicationId)).run()
}

export type DecisionResult = { application: ApplicationRow; event: EventRow }

/**
 * An organizer decides. The application's status changes at once (organizers see it); the exhibitor
 * sees nothing until the fair's decisions are released. A withdrawn application cannot be decided.
 */
export function decideApplication(
	db: Db,
	applicationId: number,
	decision: ApplicationDecision,
	note: string | null,
	actor: Actor,
	now = new Date(),
): DecisionResult {
	return writeTransaction(db, (tx) => {
		const current = tx.select().from(applications).where(eq(applications.id, applicationId)).get()
		if (!current) throw new ServiceError('not_found', 404)
		if (current.status === 'withdrawn') throw new ServiceError('application_withdrawn', 409)
		const application = tx
			.update(applications)
			.set({ status: decision, decisionNote: note?.trim() || null, updatedAt: now })
			.where(eq(applications.id, applicationId))
			.returning()
			.get()!
		if (decision !== 'accepted') dropStand(tx, applicationId)
		recordAudit(tx, actor, 'application.decided', `application:${applicationId}`, { eventId: current.eventId, from: current.status, to: decision }, now)
		return { application, event: eventOf(tx, application) }
	})
}

/**
 * Releases every staged decision of a fair together: each exhibitor whose decision changed since
 * they were last told gets one decision mail. An acceptance gets a confirmation deadline; one that
 * was already confirmed stays confirmed. With `shown`, the list must still be the one the
 * organizer confirmed (its fingerprint), or nothing is released (409 release_changed).
 */
export function releaseDecisions(db: Db, eventId: number, actor: Actor, now = new Date(), shown?: { fingerprint: string }): { released: number } {
	return writeTransaction(db, (tx) => {
		const event = tx.select().from(events).where(eq(events.id, eventId)).get()
		if (!event) throw new ServiceError('not_found', 404)
		const pending = unreleasedDecisions(tx, eventId)
		// Release only what the organizer was shown (checked under the write lock): another organizer
		// may have decided meanwhile.
		if (shown && pendingFingerprint(pending) !== shown.fingerprint) throw new ServiceError('release_changed', 409)
		for (const current of pending) {
			const accepted = current.status === 'accepted'
			const released = tx
				.update(applications)
				.set({
					releasedStatus: current.status as ApplicationDecision,
					decisionReleasedAt: now,
					confirmBy: accepted ? confirmationDeadline(tx, event, now) : null,
					confirmedAt: accepted ? current.confirmedAt : null,
					reminderSentAt: null,
					updatedAt: now,
				})
				.where(eq(applications.id, current.id))
				.returning()
				.get()!
			enqueueApplicationMail(tx, 'application-decision', event, released, now)
		}
		// Stands allocated before the acceptance was released are told right after the decision.
		const acceptedNow = new Set(pending.filter((a) => a.status === 'accepted').map((a) => a.id))
		if (acceptedNow.size > 0) queueStandMails(tx, event, now, acceptedNow)
		recordAudit(tx, actor, 'application.decisions_released', `event:${eventId}`, { released: pending.length }, now)
		return { released: pending.length }
	})
}

/**
 * A place held by a released acceptance was given up: the first exhibitor on the released waiting
 * list (in the order they applied) is accepted and emailed an offer with a confirmation deadline.
 * A staged (unreleased) waitlisting does not count: the organizers have not told them yet.
 */
function offerFreedPlace(tx: Db, event: EventRow, now: Date): ApplicationRow | null {
	if (event.status !== 'published' || now >= event.startsAt) return null
	const next = tx
		.select()
		.from(applications)
		.where(and(eq(applications.eventId, event.id), eq(applications.status, 'waitlisted'), eq(applications.releasedStatus, 'waitlisted')))
		.orderBy(asc(applications.createdAt), asc(applications.id))
		.limit(1)
		.get()
	if (!next) return null
	const offered = tx
		.update(applications)
		.set({
			status: 'accepted',
			releasedStatus: 'accepted',
			decisionReleasedAt: now,
			confirmBy: confirmationDeadline(tx, event, now),
			confirmedAt: null,
			reminderSentAt: null,
			updatedAt: now,
		})
		.where(eq(applications.id, next.id))
		.returning()
		.get()!
	recordAudit(tx, { kind: 'system' }, 'application.offered', `application:${next.id}`, { eventId: event.id }, now)
	enqueueApplicationMail(tx, 'application-offer', event, offered, now)
	return offered
}

/** Whether giving up this application frees a place someone else may be offered. */
function holdsReleasedPlace(application: ApplicationRow) {
	return application.status === 'accepted' && application.releasedStatus === 'accepted'
}

export type WithdrawResult = { application: ApplicationRow; changed: boolean; offered: ApplicationRow | null }

/** The exhibitor withdraws through the magic link. Withdrawing twice changes nothing the second time. */
export function withdrawApplication(db: Db, token: string, now = new Date()): WithdrawResult {
	return writeTransaction(db, (tx) => {
		const application = findApplicationByManageToken(tx, token)
		if (!application) throw new ServiceError('not_found', 404)
		if (application.status === 'withdrawn') return { application, changed: false, offered: null }
		const withdrawn = tx
			.update(applications)
			.set({ status: 'withdrawn', withdrawnReason: 'exhibitor', withdrawnAt: now, updatedAt: now })
			.where(eq(applications.id, application.id))
			.returning()
			.get()!
		dropStand(tx, application.id)
		recordAudit(
			tx,
			{ kind: 'system' },
			'application.withdrawn',
			`application:${application.id}`,
			{ eventId: application.eventId, from: application.status },
			now,
		)
		const offered = holdsReleasedPlace(application) ? offerFreedPlace(tx, eventOf(tx, application), now) : null
		return { application: withdrawn, changed: true, offered }
	})
}

export type ConfirmResult = { application: ApplicationRow; changed: boolean }

/**
 * The accepted exhibitor confirms participation before the deadline. `not_accepted` (409) unless the
 * exhibitor has been told they are accepted; `confirmation_closed` (409) after the deadline.
 */
export function confirmParticipation(db: Db, token: string, now = new Date()): ConfirmResult {
	return writeTransaction(db, (tx) => {
		const application = findApplicationByManageToken(tx, token)
		if (!application) throw new ServiceError('not_found', 404)
		if (!holdsReleasedPlace(application)) throw new ServiceError('not_accepted', 409)
		if (application.confirmedAt) return { application, changed: false }
		if (!application.confirmBy || now >= application.confirmBy) throw new ServiceError('confirmation_closed', 409)
		const confirmed = tx.update(applications).set({ confirmedAt: now, updatedAt: now }).where(eq(applications.id, application.id)).returning().get()!
		recordAudit(tx, { kind: 'system' }, 'application.confirmed', `application:${application.id}`, { eventId: application.eventId }, now)
		return { application: confirmed, changed: true }
	})
}

/**
 * Erases an application at its owner's request (ZZPL art. 30): the row, its logo and reviews
 * (cascade), and the parameters of its mails; mail not yet sent is dropped. A released place goes
 * to the waiting list.
 */
export function eraseApplication(db: Db, token: string, now = new Date()): void {
	let mailIds: number[] = []
	writeTransaction(db, (tx) => {
		const application = findApplicationByManageToken(tx, token)
		if (!application) throw new ServiceError('not_found', 404)
		const event = eventOf(tx, application)
		mailIds = tx.all<{ id: number }>(sql`SELECT id FROM outbox WHERE application_id = ${application.id}`).map((r) => r.id)
		tx.run(sql`DELETE FROM outbox WHERE application_id = ${application.id} AND status IN ('pending', 'failed')`)
		tx.run(sql`UPDATE outbox SET params = '{}', to_address = 'erased', to_name = NULL, application_id = NULL WHERE application_id = ${application.id}`)
		tx.delete(applications).where(eq(applications.id, application.id)).run()
		recordAudit(tx, { kind: 'system' }, 'application.erased', `application:${application.id}`, { eventId: application.eventId }, now)
		if (holdsReleasedPlace(application)) offerFreedPlace(tx, event, now)
	})
	// The mail files go, and the WAL is emptied of the old rows (its links went with the row: cascade).
	removeTracesAfterErasure(db, mailIds)
}

/** A deadline a day away right after the decision mail needs no reminder on top of it. */
function halfTheTimeIsGone(application: ApplicationRow, now: Date) {
	const from = application.decisionReleasedAt?.getTime() ?? now.getTime()
	return now.getTime() - from >= (application.confirmBy!.getTime() - from) / 2
}

/**
 * The fair is cancelled: everyone still in the running (not withdrawn, not told "rejected") is told,
 * in their language; an exhibitor told their stand also gets the setup slot cancelled in their
 * calendar. Inside the caller's transaction (the cancellation's). Returns how many were mailed.
 */
export function notifyApplicantsOfFairCancellation(tx: Db, event: EventRow, now: Date, message?: string): number {
	if (event.kind !== 'fair') return 0
	const audience = tx
		.select({ application: applications, stand: stands, notifiedAt: standAssignments.notifiedAt })
		.from(applications)
		.leftJoin(standAssignments, eq(standAssignments.applicationId, applications.id))
		.leftJoin(stands, eq(stands.id, standAssignments.standId))
		.where(and(eq(applications.eventId, event.id), sql`${applications.status} <> 'withdrawn'`, sql`${applications.releasedStatus} IS NOT 'rejected'`))
		.orderBy(asc(applications.id))
		.all()
	for (const { application, stand, notifiedAt } of audience) {
		const told = stand && notifiedAt ? { stand: { label: stand.label, zone: stand.zone, sizeM2: stand.sizeM2, power: stand.power } } : {}
		enqueueApplicationMail(tx, 'application-fair-cancelled', event, application, now, { ...told, ...(message ? { message } : {}) })
	}
	return audience.length
}

export type DeadlineSweep = { reminded: number; expired: number; offered: number }

/**
 * Run every minute by the server (and by `cli applications sweep`): reminds accepted exhibitors who
 * have not confirmed as the deadline nears, and gives up the places of those who missed it, offering
 * each to the waiting list. Idempotent: running it twice at the same moment changes nothing more.
 */
export function sweepApplicationDeadlines(db: Db, now = new Date()): DeadlineSweep {
	return writeTransaction(db, (tx) => {
		const result: DeadlineSweep = { reminded: 0, expired: 0, offered: 0 }
		const awaiting = tx
			.select()
			.from(applications)
			.where(
				and(
					eq(applications.status, 'accepted'),
					eq(applications.releasedStatus, 'accepted'),
					isNull(applications.confirmedAt),
					lt(applications.confirmBy, new Date(now.getTime() + CONFIRMATION_REMINDER_BEFORE_MS)),
				),
			)
			.orderBy(asc(applications.confirmBy), asc(applications.id))
			.all()
		for (const application of awaiting) {
			const event = eventOf(tx, application)
			// A cancelled fair needs no confirmations (its exhibitors were told it is off).
			if (event.status !== 'published') continue
			if (application.confirmBy! <= now) {
				tx.update(applications)
					.set({ status: 'withdrawn', withdrawnReason: 'confirmation_missed', withdrawnAt: now, updatedAt: now })
					.where(eq(applications.id, application.id))
					.run()
				dropStand(tx, application.id)
				recordAudit(tx, { kind: 'system' }, 'application.confirmation_missed', `application:${application.id}`, { eventId: application.eventId }, now)
				result.expired++
				if (offerFreedPlace(tx, event, now)) result.offered++
			} else if (!application.reminderSentAt && halfTheTimeIsGone(application, now)) {
				const reminded = tx.update(applications).set({ reminderSentAt: now }).where(eq(applications.id, application.id)).returning().get()!
				enqueueApplicationMail(tx, 'application-confirm-reminder', event, reminded, now)
				result.reminded++
			}
		}
		return result
	})
}
