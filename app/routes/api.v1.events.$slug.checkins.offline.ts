// GET /api/v1/events/{slug}/checkins/offline (scanner+) → what the scanner needs to decide
// offline: {event: {id, slug, title, reentryAllowed, startsAt, endsAt}, keys, tickets: [{registrationId, name, partySize, status,
// codeHash, checkedInAt}], generatedAt} (the shape is OfflineDataset in app/domain/checkin-contract.ts).
import { offlineDataset } from '#app/services/queries/checkin-queries.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['GET', 'HEAD']

export const loader = apiLoader({ role: 'scanner', scope: 'event' }, ({ event }) => {
	// Names of visitors: never kept by a shared cache.
	return Response.json(offlineDataset(getDb(), event), { headers: { 'Cache-Control': 'private, no-store' } })
})

export const action = apiMethodNotAllowed(ALLOWED)
