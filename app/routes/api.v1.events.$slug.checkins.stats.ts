// GET /api/v1/events/{slug}/checkins/stats (scanner+) → {registered, checkedIn, persons, ...}.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { checkinStats } from '#app/services/queries/checkin-queries.server.ts'
import { methodNotAllowed } from '#app/http/api.server.ts'
import { requireApiEventRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['GET', 'HEAD']

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { event } = await requireApiEventRole(request, 'scanner', params.slug)
	return Response.json(checkinStats(getDb(), event), { headers: { 'Cache-Control': 'no-store' } })
}

export async function action({ request }: ActionFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}
