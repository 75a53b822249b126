// POST /api/v1/fairs/{slug}/allocation (organizer): body {commit?: false, spread?: true,
// timeLimitMs?} → {assignments, unassigned, objective: {assigned, moved, preferenceCost}} as
// CONTRACT.md fixes them (moved: exhibitors already emailed their stand who would not keep it), plus unplaced
// (with the reason), pinProblems, changes (from the saved allocation), spread and basis. With
// `commit: true` the result is saved and released exhibitors are mailed their stand (+ committed,
// notified). The solve's MIP runs in a worker thread, so other requests keep being answered.
import { z } from 'zod'
import { commitAllocation } from '#app/services/commands/allocation.server.ts'
import { previewAllocation, type AllocationPreview } from '#app/services/queries/allocation-preview.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { MAX_JSON_BYTES, readJsonBody } from '#app/http/api.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']
/** A commit re-solves when the data changed during its own solve; this many times at most. */
const COMMIT_ATTEMPTS = 2

const AllocationBodySchema = z.object({
	commit: z.boolean().optional().default(false),
	spread: z.boolean().optional().default(true),
	timeLimitMs: z.number().int().min(0).max(30_000).optional(),
})

function allocationJson(preview: AllocationPreview) {
	return {
		assignments: preview.assignments.map((a) => ({ applicationId: a.applicationId, standLabel: a.standLabel, locked: a.locked })),
		unassigned: preview.unplaced.map((u) => u.applicationId),
		objective: { assigned: preview.objective.assigned, moved: preview.objective.moved, preferenceCost: preview.objective.preferenceCost },
		unplaced: preview.unplaced,
		pinProblems: preview.pinProblems,
		changes: preview.changes,
		spread: {
			status: preview.spread.status,
			sameCategoryPairs: preview.spread.sameCategoryPairs,
			sameCategoryPairsBefore: preview.spread.exactPairs,
			exactMs: Math.round(preview.spread.exactMs * 10) / 10,
			spreadMs: Math.round(preview.spread.spreadMs),
		},
		basis: preview.basis,
	}
}

export const loader = apiMethodNotAllowed(ALLOWED, { role: 'organizer' })

export const action = apiAction({ allow: ALLOWED, role: 'organizer', scope: 'fair', guardFirst: true }, async ({ request, principal, event }) => {
	const db = getDb()
	// An empty body is {commit: false}.
	const text = Number(request.headers.get('Content-Length') ?? 0) > MAX_JSON_BYTES ? null : await request.text()
	const body =
		text !== null && text.trim() === ''
			? AllocationBodySchema.parse({})
			: await readJsonBody(new Request(request.url, { method: 'POST', headers: request.headers, body: text ?? '' }), AllocationBodySchema)
	const options = { spread: body.spread, ...(body.timeLimitMs !== undefined ? { timeLimitMs: body.timeLimitMs } : {}) }
	for (let attempt = 1; ; attempt++) {
		const preview = await previewAllocation(db, event, options)
		if (!body.commit) return Response.json({ ...allocationJson(preview), committed: false }, { headers: { 'Cache-Control': 'no-store' } })
		try {
			const saved = commitAllocation(db, event.id, preview, principal.actor)
			return Response.json({ ...allocationJson(preview), committed: true, notified: saved.notified }, { headers: { 'Cache-Control': 'no-store' } })
		} catch (error) {
			// The data changed while this request was solving: solve again on the new data.
			if (error instanceof ServiceError && error.code === 'allocation_stale' && attempt < COMMIT_ATTEMPTS) continue
			throw error
		}
	}
})
