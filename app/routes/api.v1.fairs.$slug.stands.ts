// PUT /api/v1/fairs/{slug}/stands (organizer): replaces the floor plan's stands → {stands, plan, dropped}.
// GET (organizer always; anyone once the plan is published) → {stands, plan, landmarks}; landmarks
// (entrance, stage…) are read-only here, placed in the plan editor, and PUT ignores them. The same shape is the
// plan editor's JSON export (?download=1) and import.
import { hasRole } from '#app/domain/roles.ts'
import { standsBodySchema } from '#app/domain/stand-input.ts'
import { replaceStands } from '#app/services/commands/floor-plan.server.ts'
import { getFloorPlan, getPlanDraft, getPlanInfo, listLandmarks, toStandJson, type PlanInfo } from '#app/services/queries/floor-plan.server.ts'
import { apiError, readJsonBody } from '#app/http/api.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { getOptionalUser, requireApiFair, requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['GET', 'HEAD', 'PUT']
/** 500 stands of about 200 bytes each, with room for long zone names. */
const MAX_BODY_BYTES = 256 * 1024
/** server.mjs refuses a longer body (413) before reading it; the default for the API is 64 KiB. */
export const maxBodyBytes = MAX_BODY_BYTES

function planJson(plan: PlanInfo) {
	return { width: plan.width, height: plan.height, published: plan.publishedAt !== null, publishedAt: plan.publishedAt?.toISOString() ?? null }
}

/** Whether the caller is staff who may see an unpublished plan: a token or a logged-in organizer. */
async function isOrganizer(request: Request): Promise<boolean> {
	if (request.headers.get('Authorization')) {
		await requireApiRole(request, 'organizer') // a bad token is a 401, a weaker one a 403
		return true
	}
	const user = await getOptionalUser(request)
	return user !== null && hasRole(user.role, 'organizer')
}

export const loader = apiLoader({}, async ({ request, params }) => {
	const organizer = await isOrganizer(request)
	const db = getDb()
	const event = await requireApiFair(request, null, params.slug)
	// To the public, a draft fair does not exist and an unpublished plan is not there yet.
	if (!organizer && event.status === 'draft') return apiError(request, 404, 'not_found')
	const floor = getFloorPlan(db, event.id)
	if (!organizer && !floor.plan.publishedAt) return apiError(request, 404, 'plan_not_published')
	const body = { plan: planJson(floor.plan), stands: toStandJson(floor.stands), landmarks: listLandmarks(db, event.id) }
	const download = new URL(request.url).searchParams.has('download')
	return Response.json(body, {
		headers: {
			'Cache-Control': 'no-store',
			...(download ? { 'Content-Disposition': `attachment; filename="${event.slug}-stands.json"` } : {}),
		},
	})
})

export const action = apiAction({ allow: ALLOWED, role: 'organizer', scope: 'fair', guardFirst: true }, async ({ request, principal, event }) => {
	const db = getDb()
	// Changes waiting in the editor would overwrite this PUT when published: the organizer publishes or discards them first.
	if (getPlanDraft(db, event.id)) return apiError(request, 409, 'plan_draft_pending')
	const body = await readJsonBody(request, standsBodySchema(getPlanInfo(db, event.id)), { maxBytes: MAX_BODY_BYTES })
	const result = replaceStands(db, event.id, body.stands, principal.actor, new Date(), body.plan)
	return Response.json({
		plan: planJson(getPlanInfo(db, event.id)),
		stands: toStandJson(result.stands),
		dropped: result.dropped,
	})
})
