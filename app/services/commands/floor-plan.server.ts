// A fair's floor plan: its extent, background image, stands, and who has which stand. Stands are
// replaced as a whole (the editor's save, the API's PUT, a JSON import) and matched BY LABEL, so a
// stand that is moved or resized keeps its id and with it its assignment; a stand no longer listed
// is deleted and its assignment goes with it (cascade), and the caller is told which.
// Every change is one synchronous writeTransaction with its audit record.
//
// Once the plan is published, the editor no longer changes it live: its saves (stands, import,
// size) go to a draft (floor_plans.draft_json) that only the editor shows, until the organizer
// publishes the changes (applied with the same rule as a save: a stand that is gone takes its
// assignment with it, and the caller is told which) or discards them. The API's PUT replaces the
// live stands, as its contract says.
import { planRow, listStands, getPlanDraft } from '#app/services/queries/floor-plan.server.ts'
import { eq } from 'drizzle-orm'
import { floorPlans, planLandmarks, standAssignments, stands, type StandRow } from '#db/schema/index.ts'
import type { LandmarkInput } from '#app/domain/landmark-input.ts'
import { checkUpload } from '#app/domain/image-check.ts'
import { DEFAULT_PLAN, labelKey, standFields, standIssues, type PlanDraft, type PlanExtent, type StandInput } from '#app/domain/stand-input.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'

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
	return writeTransaction(db, (tx) => applyStands(tx, eventId, input, actor, now, extent))
}

/** Refuses (422) stands that overlap, share a label or fall outside `extent`. */
function checkStands(input: readonly StandInput[], extent: PlanExtent) {
	const issue = standIssues(input, extent)[0]
	if (issue)
		throw new ServiceError(issue.key === 'standOverlap' || issue.key === 'standLabelTaken' ? 'invalid_fields' : 'plan_too_small', 422, issue.path.join('.'))
}

/** replaceStands inside the caller's transaction. */
function applyStands(tx: Db, eventId: number, input: readonly StandInput[], actor: Actor, now: Date, extent?: PlanExtent): ReplaceResult {
	const plan = ensurePlan(tx, eventId, now, extent)
	// Checked again inside the lock: the extent may have changed since the body was validated.
	checkStands(input, plan)
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
		const values = standFields(s)
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
}

/** Whether the editor's saves go to the draft: the plan is published, or a draft exists already. */
function drafting(tx: Db, eventId: number): boolean {
	const row = planRow(tx, eventId)
	return Boolean(row && (row.publishedAt || row.draftJson))
}

function storeDraft(tx: Db, eventId: number, draft: PlanDraft, actor: Actor, now: Date) {
	tx.update(floorPlans)
		.set({ draftJson: JSON.stringify(draft), updatedAt: now })
		.where(eq(floorPlans.eventId, eventId))
		.run()
	recordAudit(tx, actor, 'plan.draft', `event:${eventId}`, { stands: draft.stands.length, ...draft.plan }, now)
}

/** What the editor's save did: changed the live plan, or kept the changes as a draft. */
export type EditorSaveResult = { draft: false; dropped: DroppedAssignment[] } | { draft: true; dropped: [] }

/**
 * The editor's save (the stands table, a JSON import): the live stands while the plan is not
 * published (replaceStands), a draft once it is (or while a draft exists); the public keeps the
 * published plan until publishPlanDraft.
 */
export function saveEditedStands(db: Db, eventId: number, input: readonly StandInput[], actor: Actor, now = new Date(), extent?: PlanExtent): EditorSaveResult {
	return writeTransaction(db, (tx): EditorSaveResult => {
		if (!drafting(tx, eventId)) return { draft: false, dropped: applyStands(tx, eventId, input, actor, now, extent).dropped }
		const row = planRow(tx, eventId)!
		const plan = extent ?? getPlanDraft(tx, eventId)?.plan ?? { width: row.width, height: row.height }
		checkStands(input, plan)
		storeDraft(tx, eventId, { plan, stands: [...input] }, actor, now)
		return { draft: true, dropped: [] }
	})
}

/**
 * Publishes the draft: its extent and stands become the live plan, with replaceStands' rule (a
 * stand that is no longer there takes its assignment with it; the dropped ones are returned), and
 * the draft is gone. Nothing to publish: nothing happens. A draft that no longer fits (it is
 * checked again) is refused with a 422 and kept.
 */
export function publishPlanDraft(db: Db, eventId: number, actor: Actor, now = new Date()): { published: boolean; dropped: DroppedAssignment[] } {
	return writeTransaction(db, (tx) => {
		const draft = getPlanDraft(tx, eventId)
		if (!draft) {
			tx.update(floorPlans).set({ draftJson: null }).where(eq(floorPlans.eventId, eventId)).run()
			return { published: false, dropped: [] }
		}
		const result = applyStands(tx, eventId, draft.stands, actor, now, draft.plan)
		tx.update(floorPlans).set({ draftJson: null, updatedAt: now }).where(eq(floorPlans.eventId, eventId)).run()
		recordAudit(tx, actor, 'plan.draft_publish', `event:${eventId}`, { dropped: result.dropped }, now)
		return { published: true, dropped: result.dropped }
	})
}

/** Throws the draft away: the editor shows the live plan again. */
export function discardPlanDraft(db: Db, eventId: number, actor: Actor, now = new Date()) {
	writeTransaction(db, (tx) => {
		const row = planRow(tx, eventId)
		if (!row?.draftJson) return
		tx.update(floorPlans).set({ draftJson: null, updatedAt: now }).where(eq(floorPlans.eventId, eventId)).run()
		recordAudit(tx, actor, 'plan.draft_discard', `event:${eventId}`, null, now)
	})
}

/** A new extent (the draft's, while the editor works on a draft); refused (422 plan_too_small, field `width`) when a stand would fall outside it. */
export function setPlanExtent(db: Db, eventId: number, extent: PlanExtent, actor: Actor, now = new Date()): PlanExtent {
	return writeTransaction(db, (tx) => {
		if (drafting(tx, eventId)) {
			const draft = getPlanDraft(tx, eventId)
			const current: StandInput[] = draft?.stands ?? listStands(tx, eventId).map(standFields)
			if (standIssues(current, extent).some((i) => i.key === 'standOutsidePlan')) throw new ServiceError('plan_too_small', 422, 'width')
			storeDraft(tx, eventId, { plan: extent, stands: current }, actor, now)
			return extent
		}
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

/**
 * Replaces the plan's landmarks with `input` (already checked by landmarksSchema). Landmarks are
 * live, not part of the draft of a published plan: the public map shows them at once.
 */
export function replaceLandmarks(db: Db, eventId: number, input: readonly LandmarkInput[], actor: Actor, now = new Date()) {
	writeTransaction(db, (tx) => {
		ensurePlan(tx, eventId, now)
		tx.delete(planLandmarks).where(eq(planLandmarks.eventId, eventId)).run()
		if (input.length)
			tx.insert(planLandmarks)
				.values(input.map((l) => ({ eventId, ...l, createdAt: now, updatedAt: now })))
				.run()
		recordAudit(tx, actor, 'plan.landmarks', `event:${eventId}`, { landmarks: input.length }, now)
	})
}
