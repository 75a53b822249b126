// What a fair's stand allocation reads: the state a solve and a save work on (with its `basis`),
// who holds which stand, and who has not been mailed their stand yet. Only accepted applications
// take part (CONTRACT.md); a locked assignment is a pin the solver keeps.
import { createHash } from 'node:crypto'
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { AllocationApplication, AllocationInput } from '#app/domain/allocation/model.ts'
import type { Stand } from '#app/domain/stand-geometry.ts'
import { compareLabels } from '#app/domain/stand-input.ts'
import { applications, standAssignments, stands, type ApplicationRow, type EventRow, type StandRow } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'

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
	// "Told": the stand mail for the current stand was sent (notifiedAt; a move by hand clears it).
	const told = new Map(saved.filter((a) => a.notifiedAt !== null).map((a) => [a.applicationId, a.standLabel]))
	const input: AllocationInput = {
		stands: standRows.map(toStand),
		applications: accepted.map((row) => ({ ...toAllocationApplication(row), toldStand: told.get(row.id) ?? null })),
		pins,
	}
	return { event, stands: standRows, accepted, saved, input, basis: basisOf(input) }
}

/** A hash of everything the solve depends on (the told stands too): equal hashes, equal optimum. */
export function basisOf(input: AllocationInput): string {
	const data = {
		stands: input.stands.map((s) => [s.label, s.x, s.y, s.width, s.height, s.sizeM2, s.power, s.accessible]),
		applications: input.applications.map((a) => [
			a.id,
			a.category,
			a.needs.power ?? false,
			a.needs.accessible ?? false,
			a.needs.sizeM2 ?? null,
			a.preferences,
			a.toldStand ?? null,
		]),
		pins: [...(input.pins ?? [])].sort((a, b) => a.applicationId - b.applicationId).map((p) => [p.applicationId, p.standLabel]),
	}
	return createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 22)
}

/** Assignments of released-accepted exhibitors that have not been mailed their current stand. */
export function unnotifiedAssignments(db: Db, eventId: number) {
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

/** How many released-accepted exhibitors have not been mailed their current stand. */
export function countUnnotified(db: Db, eventId: number): number {
	return unnotifiedAssignments(db, eventId).length
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
