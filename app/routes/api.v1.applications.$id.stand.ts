// PUT /api/v1/applications/{id}/stand (organizer): the organizer's hand on one accepted exhibitor's
// stand → {application} (with standLabel and standLocked).
//   {standLabel: "A3", locked?: true, swap?: false}  put it on A3 (pinned unless locked: false);
//                                                    A3 held by another: swap: true swaps, else 409 stand_taken
//   {standLabel: null}                               take its stand away
//   {locked: true | false}                           pin or unpin the stand it has
// 422 stand_does_not_fit with `unmet` (power, accessible, sizeM2) when the stand lacks a need.
import { z } from 'zod'
import { assignStand, setStandLock, unassignStand, type ManualResult } from '#app/services/commands/stand-moves.server.ts'
import { StandDoesNotFitError } from '#app/services/errors.server.ts'
import { standLabelOf } from '#app/services/queries/allocation.server.ts'
import { toApplicationJson } from '#app/services/queries/applications.server.ts'
import { readJsonBody } from '#app/http/api.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { requireApiApplication } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

const ALLOWED = ['PUT']

const StandBodySchema = z
	.object({
		standLabel: z.string().trim().min(1).max(40).nullable().optional(),
		locked: z.boolean().optional(),
		swap: z.boolean().optional(),
	})
	.refine((b) => b.standLabel !== undefined || b.locked !== undefined, { path: ['standLabel'], params: { key: 'required' } })

export const loader = apiMethodNotAllowed(ALLOWED, { role: 'organizer' })

export const action = apiAction({ allow: ALLOWED, role: 'organizer', guardFirst: true }, async ({ request, params, principal }) => {
	const db = getDb()
	const { id } = await requireApiApplication(request, principal, params.id)
	const body = await readJsonBody(request, StandBodySchema)
	let result: ManualResult
	try {
		if (body.standLabel === null) result = unassignStand(db, id, principal.actor)
		else if (body.standLabel === undefined) result = setStandLock(db, id, body.locked!, principal.actor)
		else result = assignStand(db, id, body.standLabel, { locked: body.locked ?? true, swap: body.swap ?? false }, principal.actor)
	} catch (error) {
		if (!(error instanceof StandDoesNotFitError)) throw error
		const { t } = await getRequestT(request, 'api')
		const message = t('api:errors.stand_does_not_fit')
		return Response.json({ error: 'stand_does_not_fit', message, fields: { standLabel: [message] }, unmet: error.unmet }, { status: 422 })
	}
	const application = toApplicationJson(result.application, result.event, getEnv().PUBLIC_URL, standLabelOf(db, id))
	return Response.json(
		{
			application: { ...application, standLocked: result.standLabel ? result.locked : false },
			...(result.swappedWith ? { swappedWith: result.swappedWith } : {}),
		},
		{ headers: { 'Cache-Control': 'no-store' } },
	)
})
