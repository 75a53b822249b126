// GET /api/v1/events/{slug}/checkins/offline (scanner+) → what the scanner needs to decide
// offline: {event, keys, tickets: [{registrationId, name, partySize, status, codeHash, checkedInAt}], generatedAt}.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { offlineDataset } from '#app/services/queries/checkin-queries.server.ts'
import { methodNotAllowed } from '#app/http/api.server.ts'
import { requireApiEventRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['GET', 'HEAD']

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { event } = await requireApiEventRole(request, 'scanner', params.slug)
	// Names of visitors: never kept by a shared cache.
	return Response.json(offlineDataset(getDb(), event), { headers: { 'Cache-Control': 'private, no-store' } })
}

export async function action({ request }: ActionFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}
