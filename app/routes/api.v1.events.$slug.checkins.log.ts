// GET /api/v1/events/{slug}/checkins/log?filter=all|flagged|duplicates|refused|undone&before=ID
// (organizer) → {entries: [...], nextBefore}: the scan log, newest first, a page at a time.
import { ScanLogQuerySchema } from '#app/domain/checkin-admin-input.ts'
import { scanLog } from '#app/services/queries/checkin-queries.server.ts'
import { apiError } from '#app/http/api.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'

const ALLOWED = ['GET', 'HEAD']

export const loader = apiLoader({ role: 'organizer', scope: 'event' }, async ({ request, event }) => {
	const { t } = await getRequestT(request, ['api', 'common'])
	const parsed = ScanLogQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { error: makeZodErrorMap(t) })
	if (!parsed.success) return apiError(request, 422, 'invalid_fields', { fields: issuesToFields(parsed.error.issues) })
	return Response.json(scanLog(getDb(), event, parsed.data), { headers: { 'Cache-Control': 'private, no-store' } })
})

export const action = apiMethodNotAllowed(ALLOWED)
