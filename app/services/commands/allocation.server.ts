// Saving a fair's stand allocation, as previewed (app/services/queries/allocation-preview.server.ts,
// which explains the `basis` that makes a stale preview fail with 409). Only accepted applications
// take part (CONTRACT.md); a locked assignment is a pin the solver keeps. The manual moves are in
// stand-moves.server.ts, the stand mails in stand-mails.server.ts.
import { eq } from 'drizzle-orm'
import { diffAllocations, type AllocationDiff } from '#app/domain/allocation/diff.ts'
import { fits, type Assignment } from '#app/domain/allocation/model.ts'
import { events, standAssignments, type StandRow } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import type { Actor } from '#app/domain/actor.ts'
import { queueStandMails } from '#app/services/commands/stand-mails.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { loadAllocationState, toAllocationApplication } from '#app/services/queries/allocation.server.ts'

export type CommitResult = { saved: number; changes: AllocationDiff; notified: number }

/**
 * Saves a previewed allocation: the non-locked assignments are replaced by `assignments`, the
 * locked ones stay (a pin that no longer fits is replaced like any other). Checks every assignment
 * again (accepted, stand exists and fits, one each) and refuses 409 `allocation_stale` when the
 * stands, the accepted applications or the pins changed since the preview. Then mails the stand to
 * every released-accepted exhibitor whose stand is new or changed (or was never mailed).
 */
export function commitAllocation(
	db: Db,
	eventId: number,
	result: { assignments: readonly Pick<Assignment, 'applicationId' | 'standLabel'>[]; basis: string },
	actor: Actor,
	now = new Date(),
): CommitResult {
	return writeTransaction(db, (tx) => {
		const event = tx.select().from(events).where(eq(events.id, eventId)).get()
		if (!event || event.kind !== 'fair') throw new ServiceError('not_found', 404)
		const state = loadAllocationState(tx, event)
		if (state.basis !== result.basis) throw new ServiceError('allocation_stale', 409)
		const standByLabel = new Map(state.stands.map((s) => [s.label, s]))
		const appById = new Map(state.accepted.map((a) => [a.id, a]))
		const wanted = new Map<number, StandRow>()
		const usedStands = new Set<number>()
		for (const x of result.assignments) {
			const stand = standByLabel.get(x.standLabel)
			const application = appById.get(x.applicationId)
			if (!stand || !application || wanted.has(x.applicationId) || usedStands.has(stand.id)) throw new ServiceError('allocation_stale', 409)
			if (!fits(stand, toAllocationApplication(application))) throw new ServiceError('allocation_stale', 409)
			wanted.set(x.applicationId, stand)
			usedStands.add(stand.id)
		}
		// Kept pins must be in the result where they are: a result that moves a pinned exhibitor
		// was made for other pins.
		for (const pin of state.input.pins ?? []) {
			const stand = standByLabel.get(pin.standLabel)!
			const application = appById.get(pin.applicationId)!
			if (fits(stand, toAllocationApplication(application)) && wanted.get(pin.applicationId)?.id !== stand.id) {
				throw new ServiceError('allocation_stale', 409)
			}
		}
		const changes = diffAllocations(
			state.saved.filter((s) => appById.has(s.applicationId)),
			result.assignments,
		)
		// Delete first what changes (the stand column is unique), then insert what is new.
		const keep = new Set<number>()
		for (const s of state.saved) {
			if (wanted.get(s.applicationId)?.id === s.standId) keep.add(s.applicationId)
			else tx.delete(standAssignments).where(eq(standAssignments.applicationId, s.applicationId)).run()
		}
		for (const [applicationId, stand] of wanted) {
			if (keep.has(applicationId)) continue
			tx.insert(standAssignments).values({ applicationId, eventId, standId: stand.id, locked: false, assignedAt: now, notifiedAt: null }).run()
		}
		const notified = queueStandMails(tx, event, now)
		recordAudit(
			tx,
			actor,
			'allocation.committed',
			`event:${eventId}`,
			{ assigned: wanted.size, added: changes.added.length, moved: changes.moved.length, removed: changes.removed.length, notified },
			now,
		)
		return { saved: wanted.size, changes, notified }
	})
}
