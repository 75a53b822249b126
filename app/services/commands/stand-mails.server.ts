// The stand mail: exhibitors are told their stand by mail once their acceptance has been released;
// a stand given before the release is mailed later (`notifyStands`, which saving an allocation
// also runs). Manual moves clear `notifiedAt`, so the next save or "send stand mails" tells the
// exhibitor the new stand.
import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { DEFAULT_SETUP_MINUTES } from '#app/domain/fair-settings-input.ts'
import { events, fairSettings, standAssignments, type EventRow } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { enqueueApplicationMail } from '#app/services/commands/outbox.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { unnotifiedAssignments } from '#app/services/queries/allocation.server.ts'

/** When setting up may start: the fair's start minus its setup minutes. */
function setupStartsAt(tx: Db, event: EventRow): Date {
	const settings = tx.select({ minutes: fairSettings.setupMinutesBefore }).from(fairSettings).where(eq(fairSettings.eventId, event.id)).get()
	return new Date(event.startsAt.getTime() - (settings?.minutes ?? DEFAULT_SETUP_MINUTES) * 60_000)
}

/**
 * Queues the stand mail for every assignment not yet mailed whose exhibitor has been told of
 * their acceptance; sets notifiedAt. Exhibitors whose acceptance is not released wait. Inside the caller's transaction.
 * `onlyApplicationIds` limits it to some exhibitors (those whose acceptance is being released now).
 */
export function queueStandMails(tx: Db, event: EventRow, now: Date, onlyApplicationIds?: ReadonlySet<number>): number {
	const setup = setupStartsAt(tx, event).toISOString()
	let count = 0
	for (const { application, stand } of unnotifiedAssignments(tx, event.id)) {
		if (onlyApplicationIds && !onlyApplicationIds.has(application.id)) continue
		enqueueApplicationMail(tx, 'application-stand', event, application, now, {
			stand: { label: stand.label, zone: stand.zone, sizeM2: stand.sizeM2, power: stand.power },
			setupStartsAt: setup,
		})
		tx.update(standAssignments).set({ notifiedAt: now }).where(eq(standAssignments.applicationId, application.id)).run()
		count++
	}
	return count
}

/**
 * The fair moved (time, place or title): every exhibitor already told their stand gets the stand
 * mail again, with the new setup time and an invite that updates their setup entry (the fair's
 * SEQUENCE went up). Inside the caller's transaction; returns how many were mailed.
 */
export function renotifyStandsAfterFairChange(tx: Db, event: EventRow, now: Date): number {
	if (event.kind !== 'fair' || event.status !== 'published') return 0
	const told = tx
		.select({ applicationId: standAssignments.applicationId })
		.from(standAssignments)
		.where(and(eq(standAssignments.eventId, event.id), isNotNull(standAssignments.notifiedAt)))
		.all()
		.map((a) => a.applicationId)
	if (told.length === 0) return 0
	tx.update(standAssignments).set({ notifiedAt: null }).where(inArray(standAssignments.applicationId, told)).run()
	return queueStandMails(tx, event, now, new Set(told))
}

/** Mails every released-accepted exhibitor whose stand they have not been told yet (after manual moves). */
export function notifyStands(db: Db, eventId: number, actor: Actor, now = new Date()): number {
	return writeTransaction(db, (tx) => {
		const event = tx.select().from(events).where(eq(events.id, eventId)).get()
		if (!event || event.kind !== 'fair') throw new ServiceError('not_found', 404)
		const notified = queueStandMails(tx, event, now)
		recordAudit(tx, actor, 'allocation.notified', `event:${eventId}`, { notified }, now)
		return notified
	})
}
