// A fair's floor plan: its extent, background image, stands, and who has which stand. Stands are
// replaced as a whole (the editor's save, the API's PUT, a JSON import) and matched BY LABEL, so a
// stand that is moved or resized keeps its id and with it its assignment; a stand no longer listed
// is deleted and its assignment goes with it (cascade), and the caller is told which.
// Every change is one synchronous writeTransaction with its audit record.
import { eq } from 'drizzle-orm'
import { applications, events, floorPlans, standAssignments, stands, type EventRow, type FloorPlanRow, type StandRow } from '#db/schema/index.ts'
import { checkUpload } from '#app/domain/image-check.ts'
import { neighboursByLabel } from '#app/domain/stand-geometry.ts'
import { DEFAULT_PLAN, compareLabels, labelKey, standIssues, type PlanExtent, type StandInput } from '#app/domain/stand-input.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit, type Actor } from '#app/services/commands/audit.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'

export type PlanInfo = PlanExtent & { exists: boolean; hasBackground: boolean; publishedAt: Date | null; updatedAt: Date | null }

export type PlanAssignment = {
	applicationId: number
	standId: number
	locked: boolean
	name: string
	category: string
	/**
	 * Named on the public map: in the public catalogue (accepted, released, catalogue consent, not
	 * withdrawn) and told this stand already — the public never learns a stand before its exhibitor.
	 */
	public: boolean
}

export type FloorPlan = { plan: PlanInfo; stands: StandRow[]; assignments: PlanAssignment[] }

/**
 * The fair behind an organizer's address (API or admin): any status, drafts included, since the
 * plan is drawn before the fair is published. 404 for an unknown event or one of another kind.
 */
export function findFairForOrganizer(db: Db, slug: string): EventRow {
	const event = db.select().from(events).where(eq(events.slug, slug)).get()
	if (!event) throw new ServiceError('not_found', 404)
	if (event.kind !== 'fair') throw new ServiceError('not_a_fair', 404)
	return event
}

function planRow(db: Db, eventId: number): FloorPlanRow | undefined {
	return db.select().from(floorPlans).where(eq(floorPlans.eventId, eventId)).get()
}

function planInfo(row: FloorPlanRow | undefined): PlanInfo {
	if (!row) return { ...DEFAULT_PLAN, exists: false, hasBackground: false, publishedAt: null, updatedAt: null }
	return {
		width: row.width,
		height: row.height,
		exists: true,
		hasBackground: row.backgroundBytes !== null && row.backgroundBytes.length > 0,
		publishedAt: row.publishedAt,
		updatedAt: row.updatedAt,
	}
}

export function getPlanInfo(db: Db, eventId: number): PlanInfo {
	return planInfo(planRow(db, eventId))
}

function listStands(db: Db, eventId: number): StandRow[] {
	return db
		.select()
		.from(stands)
		.where(eq(stands.eventId, eventId))
		.all()
		.sort((a, b) => compareLabels(a.label, b.label) || a.id - b.id)
}

/** The plan, its stands in label order, and the assignments with the exhibitor's name and category. */
export function getFloorPlan(db: Db, eventId: number): FloorPlan {
	const assignments = db
		.select({
			applicationId: standAssignments.applicationId,
			standId: standAssignments.standId,
			locked: standAssignments.locked,
			name: applications.orgName,
			category: applications.category,
			status: applications.status,
			releasedStatus: applications.releasedStatus,
			consentCatalogue: applications.consentCatalogue,
			withdrawnAt: applications.withdrawnAt,
			notifiedAt: standAssignments.notifiedAt,
		})
		.from(standAssignments)
		.innerJoin(applications, eq(applications.id, standAssignments.applicationId))
		.where(eq(standAssignments.eventId, eventId))
		.all()
		.map(({ status, releasedStatus, consentCatalogue, withdrawnAt, notifiedAt, ...a }) => ({
			...a,
			public: status === 'accepted' && releasedStatus === 'accepted' && consentCatalogue && withdrawnAt === null && notifiedAt !== null,
		}))
	return { plan: getPlanInfo(db, eventId), stands: listStands(db, eventId), assignments }
}

/** The API's Stand: what PUT takes, plus its neighbours (derived from the geometry). */
export function toStandJson(rows: readonly StandRow[]) {
	const neighbours = neighboursByLabel(rows)
	return rows.map((s) => ({
		label: s.label,
		x: s.x,
		y: s.y,
		width: s.width,
		height: s.height,
		sizeM2: s.sizeM2,
		power: s.power,
		accessible: s.accessible,
		...(s.zone ? { zone: s.zone } : {}),
		neighbours: neighbours.get(s.label) ?? [],
	}))
}

function ensurePlan(tx: Db, eventId: number, now: Date, extent?: PlanExtent): PlanExtent {
	const row = planRow(tx, eventId)
	if (!row) {
		const values = { eventId, ...(extent ?? DEFAULT_PLAN), updatedAt: now }
		tx.insert(floorPlans).values(values).run()
		return { width: values.width, height: values.height }
	}
	if (extent && (extent.width !== row.width || extent.height !== row.height)) {
		tx.update(floorPlans)
			.set({ ...extent, updatedAt: now })
			.where(eq(floorPlans.eventId, eventId))
			.run()
		return extent
	}
	return { width: row.width, height: row.height }
}

export type DroppedAssignment = { applicationId: number; standLabel: string }
export type ReplaceResult = { stands: StandRow[]; dropped: DroppedAssignment[]; added: number; updated: number; removed: number }

/**
 * Replaces the fair's stands with `input` (already checked by standsBodySchema). Matched by label
 * (trimmed, any case): a matched stand is updated in place and keeps its assignment. `extent`, when
 * given, becomes the plan's extent in the same transaction (an import carries it).
 */
export function replaceStands(db: Db, eventId: number, input: readonly StandInput[], actor: Actor, now = new Date(), extent?: PlanExtent): ReplaceResult {
	return writeTransaction(db, (tx) => {
		const plan = ensurePlan(tx, eventId, now, extent)
		// Checked again inside the lock: the extent may have changed since the body was validated.
		const issue = standIssues(input, plan)[0]
		if (issue)
			throw new ServiceError(issue.key === 'standOverlap' || issue.key === 'standLabelTaken' ? 'invalid_fields' : 'plan_too_small', 422, issue.path.join('.'))
		const existing = tx.select().from(stands).where(eq(stands.eventId, eventId)).all()
		const byKey = new Map(existing.map((s) => [labelKey(s.label), s]))
		const wanted = new Set(input.map((s) => labelKey(s.label)))
		const gone = existing.filter((s) => !wanted.has(labelKey(s.label)))
		const dropped: DroppedAssignment[] = []
		for (const stand of gone) {
			const assignment = tx.select().from(standAssignments).where(eq(standAssignments.standId, stand.id)).get()
			if (assignment) dropped.push({ applicationId: assignment.applicationId, standLabel: stand.label })
			tx.delete(stands).where(eq(stands.id, stand.id)).run() // its assignment goes by cascade
		}
		let added = 0
		let updated = 0
		for (const s of input) {
			const values = {
				label: s.label,
				x: s.x,
				y: s.y,
				width: s.width,
				height: s.height,
				sizeM2: s.sizeM2,
				power: s.power,
				accessible: s.accessible,
				zone: s.zone ?? null,
			}
			const match = byKey.get(labelKey(s.label))
			if (match) {
				const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => match[k] !== values[k])
				if (changed) {
					tx.update(stands)
						.set({ ...values, updatedAt: now })
						.where(eq(stands.id, match.id))
						.run()
					updated++
				}
			} else {
				tx.insert(stands)
					.values({ ...values, eventId, createdAt: now, updatedAt: now })
					.run()
				added++
			}
		}
		if (added || updated || gone.length || extent) tx.update(floorPlans).set({ updatedAt: now }).where(eq(floorPlans.eventId, eventId)).run()
		recordAudit(tx, actor, 'plan.stands', `event:${eventId}`, { added, updated, removed: gone.length, dropped }, now)
		return { stands: listStands(tx, eventId), dropped, added, updated, removed: gone.length }
	})
}

/** A new extent; refused (422 plan_too_small, field `width`) when a stand would fall outside it. */
export function setPlanExtent(db: Db, eventId: number, extent: PlanExtent, actor: Actor, now = new Date()): PlanExtent {
	return writeTransaction(db, (tx) => {
		const outside = standIssues(listStands(tx, eventId), extent).find((i) => i.key === 'standOutsidePlan')
		if (outside) throw new ServiceError('plan_too_small', 422, 'width')
		ensurePlan(tx, eventId, now, extent)
		recordAudit(tx, actor, 'plan.extent', `event:${eventId}`, { ...extent }, now)
		return extent
	})
}

/**
 * The venue image under the plan, checked by its bytes (PNG, JPEG or WebP, at most 2 MiB); null
 * removes it. A refused file is a 422 whose code is the common:validation key (imageTooLarge, …).
 */
export function setPlanBackground(db: Db, eventId: number, bytes: Uint8Array | null, actor: Actor, now = new Date()) {
	let mime: string | null = null
	if (bytes) {
		const check = checkUpload(bytes)
		if (!check.ok) throw new ServiceError(check.key, 422, 'background')
		mime = check.mimeType
	}
	writeTransaction(db, (tx) => {
		ensurePlan(tx, eventId, now)
		tx.update(floorPlans)
			.set({ backgroundBytes: bytes ? Buffer.from(bytes) : null, backgroundMime: mime, updatedAt: now })
			.where(eq(floorPlans.eventId, eventId))
			.run()
		recordAudit(tx, actor, bytes ? 'plan.background' : 'plan.background_removed', `event:${eventId}`, bytes ? { mime, bytes: bytes.length } : null, now)
	})
}

export function getPlanBackground(db: Db, eventId: number): { mime: string; bytes: Buffer; updatedAt: Date } | null {
	const row = db
		.select({ mime: floorPlans.backgroundMime, bytes: floorPlans.backgroundBytes, updatedAt: floorPlans.updatedAt })
		.from(floorPlans)
		.where(eq(floorPlans.eventId, eventId))
		.get()
	if (!row?.mime || !row.bytes) return null
	return { mime: row.mime, bytes: row.bytes, updatedAt: row.updatedAt }
}

/** Publishes the plan (exhibitors pick preferences on it, the public map shows it) or takes it back. */
export function setPlanPublished(db: Db, eventId: number, published: boolean, actor: Actor, now = new Date()) {
	writeTransaction(db, (tx) => {
		ensurePlan(tx, eventId, now)
		const row = planRow(tx, eventId)!
		if (Boolean(row.publishedAt) === published) return
		tx.update(floorPlans)
			.set({ publishedAt: published ? now : null, updatedAt: now })
			.where(eq(floorPlans.eventId, eventId))
			.run()
		recordAudit(tx, actor, published ? 'plan.publish' : 'plan.unpublish', `event:${eventId}`, null, now)
	})
}
