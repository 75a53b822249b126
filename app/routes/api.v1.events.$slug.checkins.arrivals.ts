// GET /api/v1/events/{slug}/checkins/arrivals (organizer) → {buckets: [{start, label,
// registrations, persons}], registrations, persons}: arrivals per quarter hour, Belgrade time.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { arrivals } from '#app/services/queries/checkin-queries.server.ts'
import { methodNotAllowed } from '#app/http/api.server.ts'
import { requireApiEventRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['GET', 'HEAD']

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { event } = await requireApiEventRole(request, 'organizer', params.slug)
	return Response.json(arrivals(getDb(), event.id), { headers: { 'Cache-Control': 'no-store' } })
}

export async function action({ request }: ActionFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}
