// GET /api/v1/events/{slug}/checkins/arrivals (organizer) → {buckets: [{start, label,
// registrations, persons}], registrations, persons}: arrivals per quarter hour, Belgrade time.
import { arrivals } from '#app/services/queries/checkin-queries.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['GET', 'HEAD']

export const loader = apiLoader({ role: 'organizer', scope: 'event' }, ({ event }) => {
	return Response.json(arrivals(getDb(), event.id), { headers: { 'Cache-Control': 'no-store' } })
})

export const action = apiMethodNotAllowed(ALLOWED)
