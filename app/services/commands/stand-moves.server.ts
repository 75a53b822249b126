// The organizer's manual moves on a fair's stands: assign (or swap), pin, unpin, unassign. Only
// accepted applications; a stand must meet the application's needs. A move clears `notifiedAt`,
// so the next save or "send stand mails" (stand-mails.server.ts) tells the exhibitor the new stand.
import { and, eq, inArray } from 'drizzle-orm'
import { fits, unmetNeeds } from '#app/domain/allocation/model.ts'
import { applications, events, standAssignments, stands, type ApplicationRow, type EventRow } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError, StandDoesNotFitError } from '#app/services/errors.server.ts'
import { toAllocationApplication } from '#app/services/queries/allocation.server.ts'

type Manual = { tx: Db; application: ApplicationRow; event: EventRow }

function acceptedApplication(tx: Db, applicationId: number): Manual {
	const application = tx.select().from(applications).where(eq(applications.id, applicationId)).get()
	if (!application) throw new ServiceError('not_found', 404)
	const event = tx.select().from(events).where(eq(events.id, application.eventId)).get()!
	if (application.status !== 'accepted') throw new ServiceError('application_not_accepted', 409)
	return { tx, application, event }
}

function assignmentOf(tx: Db, applicationId: number) {
	return tx.select().from(standAssignments).where(eq(standAssignments.applicationId, applicationId)).get()
}

export type ManualResult = { application: ApplicationRow; event: EventRow; standLabel: string | null; locked: boolean; swappedWith?: number }

/**
 * Puts an accepted application on the stand `standLabel` (by hand), `locked` to keep it there
 * when the allocation runs again. 422 `stand_does_not_fit` (with the unmet needs) when the stand
 * lacks something the application needs; a stand held by another: with `swap`, the two change
 * stands (both must fit), else 409 `stand_taken`.
 */
export function assignStand(
	db: Db,
	applicationId: number,
	standLabel: string,
	options: { locked: boolean; swap?: boolean },
	actor: Actor,
	now = new Date(),
): ManualResult {
	return writeTransaction(db, (tx) => {
		const { application, event } = acceptedApplication(tx, applicationId)
		const stand = tx
			.select()
			.from(stands)
			.where(and(eq(stands.eventId, event.id), eq(stands.label, standLabel.trim())))
			.get()
		if (!stand) throw new ServiceError('unknown_stand', 422, 'standLabel')
		const unmet = unmetNeeds(stand, toAllocationApplication(application))
		if (unmet.length > 0) throw new StandDoesNotFitError(unmet)
		const current = assignmentOf(tx, applicationId)
		const holder = tx.select().from(standAssignments).where(eq(standAssignments.standId, stand.id)).get()
		if (holder && holder.applicationId !== applicationId) {
			if (!options.swap || !current) throw new ServiceError('stand_taken', 409, 'standLabel')
			const other = tx.select().from(applications).where(eq(applications.id, holder.applicationId)).get()!
			const myStand = tx.select().from(stands).where(eq(stands.id, current.standId)).get()!
			if (!fits(myStand, toAllocationApplication(other))) throw new ServiceError('swap_does_not_fit', 409, 'standLabel')
			swapRows(tx, current, holder, now)
			tx.update(standAssignments).set({ locked: options.locked }).where(eq(standAssignments.applicationId, applicationId)).run()
			recordAudit(
				tx,
				actor,
				'allocation.swapped',
				`application:${applicationId}`,
				{ eventId: event.id, with: holder.applicationId, standLabel: stand.label },
				now,
			)
			return { application, event, standLabel: stand.label, locked: options.locked, swappedWith: holder.applicationId }
		}
		if (current && current.standId === stand.id) {
			tx.update(standAssignments).set({ locked: options.locked }).where(eq(standAssignments.applicationId, applicationId)).run()
		} else {
			if (current) tx.delete(standAssignments).where(eq(standAssignments.applicationId, applicationId)).run()
			tx.insert(standAssignments)
				.values({ applicationId, eventId: event.id, standId: stand.id, locked: options.locked, assignedAt: now, notifiedAt: null })
				.run()
		}
		recordAudit(tx, actor, 'allocation.assigned', `application:${applicationId}`, { eventId: event.id, standLabel: stand.label, locked: options.locked }, now)
		return { application, event, standLabel: stand.label, locked: options.locked }
	})
}

function swapRows(tx: Db, a: typeof standAssignments.$inferSelect, b: typeof standAssignments.$inferSelect, now: Date) {
	// The stand column is unique: take both out, put both back crosswise.
	tx.delete(standAssignments)
		.where(inArray(standAssignments.applicationId, [a.applicationId, b.applicationId]))
		.run()
	tx.insert(standAssignments)
		.values([
			{ applicationId: a.applicationId, eventId: a.eventId, standId: b.standId, locked: a.locked, assignedAt: now, notifiedAt: null },
			{ applicationId: b.applicationId, eventId: b.eventId, standId: a.standId, locked: b.locked, assignedAt: now, notifiedAt: null },
		])
		.run()
}

/** Pins or unpins the application's current stand; 409 `no_stand` when it has none. */
export function setStandLock(db: Db, applicationId: number, locked: boolean, actor: Actor, now = new Date()): ManualResult {
	return writeTransaction(db, (tx) => {
		const { application, event } = acceptedApplication(tx, applicationId)
		const current = assignmentOf(tx, applicationId)
		if (!current) throw new ServiceError('no_stand', 409, 'standLabel')
		tx.update(standAssignments).set({ locked }).where(eq(standAssignments.applicationId, applicationId)).run()
		const stand = tx.select().from(stands).where(eq(stands.id, current.standId)).get()!
		recordAudit(
			tx,
			actor,
			locked ? 'allocation.pinned' : 'allocation.unpinned',
			`application:${applicationId}`,
			{ eventId: event.id, standLabel: stand.label },
			now,
		)
		return { application, event, standLabel: stand.label, locked }
	})
}

/** Takes the application's stand away (it may then be placed again by the next allocation). */
export function unassignStand(db: Db, applicationId: number, actor: Actor, now = new Date()): ManualResult {
	return writeTransaction(db, (tx) => {
		const { application, event } = acceptedApplication(tx, applicationId)
		const current = assignmentOf(tx, applicationId)
		if (current) {
			tx.delete(standAssignments).where(eq(standAssignments.applicationId, applicationId)).run()
			recordAudit(tx, actor, 'allocation.unassigned', `application:${applicationId}`, { eventId: event.id }, now)
		}
		return { application, event, standLabel: null, locked: false }
	})
}

/** Two accepted applications of one fair, both with a stand, change stands (each must fit the other's). */
export function swapStands(db: Db, a: number, b: number, actor: Actor, now = new Date()): void {
	writeTransaction(db, (tx) => {
		if (a === b) throw new ServiceError('invalid_swap', 422, 'with')
		const first = acceptedApplication(tx, a)
		const second = acceptedApplication(tx, b)
		if (first.event.id !== second.event.id) throw new ServiceError('invalid_swap', 422, 'with')
		const ra = assignmentOf(tx, a)
		const rb = assignmentOf(tx, b)
		if (!ra || !rb) throw new ServiceError('no_stand', 409, 'with')
		const sa = tx.select().from(stands).where(eq(stands.id, ra.standId)).get()!
		const sb = tx.select().from(stands).where(eq(stands.id, rb.standId)).get()!
		if (!fits(sb, toAllocationApplication(first.application)) || !fits(sa, toAllocationApplication(second.application))) {
			throw new ServiceError('swap_does_not_fit', 409, 'with')
		}
		swapRows(tx, ra, rb, now)
		recordAudit(tx, actor, 'allocation.swapped', `application:${a}`, { eventId: first.event.id, with: b, standLabels: [sa.label, sb.label] }, now)
	})
}
