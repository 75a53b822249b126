// Stand allocation for a fair: the preview (solved in a worker thread, see allocation-solver.server.ts), saving it,
// and the organizer's manual moves (assign, pin, unpin, unassign, swap). Only accepted applications
// take part (CONTRACT.md); a locked assignment is a pin the solver keeps.
//
// Preview and save are two steps, and the solve is asynchronous, so it cannot run inside the write
// transaction. The preview carries a `basis`: a hash of what the solve read (the stands, the
// accepted applications with their needs and preferences, the pins). Saving re-reads the same
// inside its transaction and refuses with 409 `allocation_stale` when the hash differs, so what is
// saved is exactly what was shown, and it is still optimal for the data as they are now. (Re-solving
// inside the transaction would need the MIP on the main thread, and would save something nobody saw.)
//
// Exhibitors are told their stand by mail when their acceptance has been released; a stand given
// before the release is mailed later (`notifyStands`, which the save also runs). Manual moves clear
// `notifiedAt`, so the next save or "send stand mails" tells the exhibitor the new stand.
import { createHash } from 'node:crypto'
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import { diffAllocations, type AllocationDiff } from '#app/domain/allocation/diff.ts'
import {
	fits,
	unmetNeeds,
	type AllocationApplication,
	type AllocationInput,
	type Assignment,
	type Need,
	type Objective,
	type PinProblem,
	type Unassigned,
} from '#app/domain/allocation/model.ts'
import { DEFAULT_SETUP_MINUTES } from '#app/domain/fair-settings-input.ts'
import { compareLabels } from '#app/domain/stand-input.ts'
import type { Stand } from '#app/domain/stand-geometry.ts'
import { applications, events, fairSettings, standAssignments, stands, type ApplicationRow, type EventRow, type StandRow } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { allocateStands, type SpreadReport } from '#app/services/workers/allocation-solver.server.ts'
import { recordAudit, type Actor } from '#app/services/commands/audit.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { enqueueApplicationMail } from '#app/services/commands/outbox.server.ts'

/** A manual assignment to a stand that lacks something the application needs: 422 with the needs. */
export class StandDoesNotFitError extends ServiceError {
	constructor(readonly unmet: Need[]) {
		super('stand_does_not_fit', 422, 'standLabel')
	}
}

export function toAllocationApplication(row: ApplicationRow): AllocationApplication {
	return {
		id: row.id,
		category: row.category,
		needs: { power: row.needsPower, accessible: row.needsAccessible, sizeM2: row.needsSizeM2 },
		preferences: row.preferences,
	}
}

export function toStand(row: StandRow): Stand {
	return {
		label: row.label,
		x: row.x,
		y: row.y,
		width: row.width,
		height: row.height,
		sizeM2: row.sizeM2,
		power: row.power,
		accessible: row.accessible,
		zone: row.zone,
	}
}

export type SavedAssignment = { applicationId: number; standId: number; standLabel: string; locked: boolean; notifiedAt: Date | null }

/** What an allocation works on, read in one go (inside a transaction when it must be consistent). */
export type AllocationState = {
	event: EventRow
	stands: StandRow[]
	accepted: ApplicationRow[]
	saved: SavedAssignment[]
	input: AllocationInput
	basis: string
}

export function loadAllocationState(db: Db, event: EventRow): AllocationState {
	const standRows = db
		.select()
		.from(stands)
		.where(eq(stands.eventId, event.id))
		.all()
		.sort((a, b) => compareLabels(a.label, b.label) || a.id - b.id)
	const accepted = db
		.select()
		.from(applications)
		.where(and(eq(applications.eventId, event.id), eq(applications.status, 'accepted')))
		.orderBy(asc(applications.id))
		.all()
	const labelOf = new Map(standRows.map((s) => [s.id, s.label]))
	const saved = db
		.select()
		.from(standAssignments)
		.where(eq(standAssignments.eventId, event.id))
		.all()
		.map((a) => ({ applicationId: a.applicationId, standId: a.standId, standLabel: labelOf.get(a.standId) ?? '', locked: a.locked, notifiedAt: a.notifiedAt }))
	const acceptedIds = new Set(accepted.map((a) => a.id))
	const pins = saved.filter((a) => a.locked && acceptedIds.has(a.applicationId)).map((a) => ({ applicationId: a.applicationId, standLabel: a.standLabel }))
	const input: AllocationInput = { stands: standRows.map(toStand), applications: accepted.map(toAllocationApplication), pins }
	return { event, stands: standRows, accepted, saved, input, basis: basisOf(input) }
}

/** A hash of everything the solve depends on: equal hashes, equal optimum. */
export function basisOf(input: AllocationInput): string {
	const data = {
		stands: input.stands.map((s) => [s.label, s.x, s.y, s.width, s.height, s.sizeM2, s.power, s.accessible]),
		applications: input.applications.map((a) => [a.id, a.category, a.needs.power ?? false, a.needs.accessible ?? false, a.needs.sizeM2 ?? null, a.preferences]),
		pins: [...(input.pins ?? [])].sort((a, b) => a.applicationId - b.applicationId).map((p) => [p.applicationId, p.standLabel]),
	}
	return createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 22)
}

export type AllocationPreview = {
	assignments: Assignment[]
	unplaced: Unassigned[]
	objective: Objective
	pinProblems: PinProblem[]
	changes: AllocationDiff
	spread: SpreadReport & { sameCategoryPairs: number }
	/** Hand back to commitAllocation: the save refuses if the data changed since. */
	basis: string
}

/**
 * The best allocation for the fair as it is now (nothing is saved). The exact optimum takes
 * milliseconds; spreading categories apart runs HiGHS in a worker thread for at most `timeLimitMs`.
 */
export async function previewAllocation(db: Db, event: EventRow, options: { timeLimitMs?: number; spread?: boolean } = {}): Promise<AllocationPreview> {
	const state = loadAllocationState(db, event)
	const outcome = await allocateStands(state.input, options)
	return {
		assignments: outcome.assignments,
		unplaced: outcome.unassigned,
		objective: outcome.objective,
		pinProblems: outcome.pinProblems,
		changes: diffAllocations(
			state.saved.filter((s) => state.accepted.some((a) => a.id === s.applicationId)),
			outcome.assignments,
		),
		spread: { ...outcome.spread, sameCategoryPairs: outcome.sameCategoryPairs },
		basis: state.basis,
	}
}

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
			if (!fits(toStand(stand), toAllocationApplication(application))) throw new ServiceError('allocation_stale', 409)
			wanted.set(x.applicationId, stand)
			usedStands.add(stand.id)
		}
		// Kept pins must be in the result where they are: a result that moves a pinned exhibitor
		// was made for other pins.
		for (const pin of state.input.pins ?? []) {
			const stand = standByLabel.get(pin.standLabel)!
			const application = appById.get(pin.applicationId)!
			if (fits(toStand(stand), toAllocationApplication(application)) && wanted.get(pin.applicationId)?.id !== stand.id) {
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

/** When setting up may start: the fair's start minus its setup minutes. */
export function setupStartsAt(tx: Db, event: EventRow): Date {
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
	for (const { application, stand } of unnotified(tx, event.id)) {
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

/** Assignments of released-accepted exhibitors that have not been mailed their current stand. */
function unnotified(db: Db, eventId: number) {
	return db
		.select({ application: applications, stand: stands })
		.from(standAssignments)
		.innerJoin(applications, eq(applications.id, standAssignments.applicationId))
		.innerJoin(stands, eq(stands.id, standAssignments.standId))
		.where(
			and(
				eq(standAssignments.eventId, eventId),
				isNull(standAssignments.notifiedAt),
				eq(applications.status, 'accepted'),
				eq(applications.releasedStatus, 'accepted'),
				isNull(applications.withdrawnAt),
			),
		)
		.orderBy(asc(applications.id))
		.all()
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

/** How many released-accepted exhibitors have not been mailed their current stand. */
export function countUnnotified(db: Db, eventId: number): number {
	return unnotified(db, eventId).length
}

// ——— Manual control ———

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
			if (unmetNeeds(myStand, toAllocationApplication(other)).length > 0) throw new ServiceError('swap_does_not_fit', 409, 'standLabel')
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
		if (unmetNeeds(sb, toAllocationApplication(first.application)).length > 0 || unmetNeeds(sa, toAllocationApplication(second.application)).length > 0) {
			throw new ServiceError('swap_does_not_fit', 409, 'with')
		}
		swapRows(tx, ra, rb, now)
		recordAudit(tx, actor, 'allocation.swapped', `application:${a}`, { eventId: first.event.id, with: b, standLabels: [sa.label, sb.label] }, now)
	})
}

/** The stand label of each assigned application of a fair (for the Application JSON). */
export function standLabelsOf(db: Db, eventId: number): Map<number, string> {
	const rows = db
		.select({ applicationId: standAssignments.applicationId, label: stands.label })
		.from(standAssignments)
		.innerJoin(stands, eq(stands.id, standAssignments.standId))
		.where(eq(standAssignments.eventId, eventId))
		.all()
	return new Map(rows.map((r) => [r.applicationId, r.label]))
}

export function standLabelOf(db: Db, applicationId: number): string | null {
	return (
		db
			.select({ label: stands.label })
			.from(standAssignments)
			.innerJoin(stands, eq(stands.id, standAssignments.standId))
			.where(eq(standAssignments.applicationId, applicationId))
			.get()?.label ?? null
	)
}
