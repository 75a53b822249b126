// A fair's floor plan as stored: its extent, background image, stands and who has which stand, and
// the Stand objects of the JSON API. Replacing stands and publishing is commands/floor-plan.
import { eq } from 'drizzle-orm'
import { applications, floorPlans, planLandmarks, standAssignments, stands, type FloorPlanRow, type StandRow } from '#db/schema/index.ts'
import { neighboursByLabel } from '#app/domain/stand-geometry.ts'
import { DEFAULT_PLAN, compareLabels, parsePlanDraft, standFields, type PlanDraft, type PlanExtent } from '#app/domain/stand-input.ts'
import { type Db } from '#app/utils/db.server.ts'
import type { Landmark } from '#app/domain/landmark-input.ts'

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

export function planRow(db: Db, eventId: number): FloorPlanRow | undefined {
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

/**
 * The unpublished changes of the plan (saved in the editor while the plan was published), or null
 * when the live plan is all there is. Nothing but the editor reads it: the public map, the
 * application form, the allocation and the API read the live stands.
 */
export function getPlanDraft(db: Db, eventId: number): PlanDraft | null {
	const row = db.select({ draftJson: floorPlans.draftJson }).from(floorPlans).where(eq(floorPlans.eventId, eventId)).get()
	return parsePlanDraft(row?.draftJson ?? null)
}

/** The extent the editor works on: the draft's when there is one, the live plan's otherwise. */
export function getEditedExtent(db: Db, eventId: number): PlanExtent {
	const draft = getPlanDraft(db, eventId)
	if (draft) return draft.plan
	const { width, height } = getPlanInfo(db, eventId)
	return { width, height }
}

export function listStands(db: Db, eventId: number): StandRow[] {
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
	return rows.map((s) => {
		const { zone, ...fields } = standFields(s)
		return { ...fields, ...(zone ? { zone } : {}), neighbours: neighbours.get(s.label) ?? [] }
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

/**
 * The plan's landmarks (entrance, stage, info desk…), in the order they were placed. They are live:
 * not part of the editor's draft, so the public map shows them as soon as they are saved.
 */
export function listLandmarks(db: Db, eventId: number): Landmark[] {
	return db
		.select({
			kind: planLandmarks.kind,
			label: planLandmarks.label,
			x: planLandmarks.x,
			y: planLandmarks.y,
			width: planLandmarks.width,
			height: planLandmarks.height,
		})
		.from(planLandmarks)
		.where(eq(planLandmarks.eventId, eventId))
		.orderBy(planLandmarks.id)
		.all()
}
