// GET /api/v1/events/{slug}/checkins/stats (scanner+) → {registered, checkedIn, persons, ...}.
import { checkinStats } from '#app/services/queries/checkin-queries.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['GET', 'HEAD']

export const loader = apiLoader({ role: 'scanner', scope: 'event' }, ({ event }) => {
	return Response.json(checkinStats(getDb(), event), { headers: { 'Cache-Control': 'no-store' } })
})

export const action = apiMethodNotAllowed(ALLOWED)
