// GET /api/v1/events/{slug}/checkins/offline?v=2 (scanner+) → what the scanner needs to decide
// offline: {version: 2, event: {id, slug, title, reentryAllowed, startsAt, endsAt}, keys, tickets:
// {id, name, party, status, hash, checkedIn, devices, door?} (columns; `door`: the answers marked for
// the door, in the request's language), generatedAt} (OfflineDataset in
// app/domain/checkin-contract.ts, encoded by app/domain/offline-dataset.ts). Without `v=2`, the
// older shape (one object per ticket) for a scanner page loaded before it.
import { legacyOfflineDataset, offlineDataset } from '#app/services/queries/checkin-queries.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { doorLanguage } from '#app/http/event-answers.server.ts'

const ALLOWED = ['GET', 'HEAD']

export const loader = apiLoader({ role: 'scanner', scope: 'event' }, async ({ request, event }) => {
	const compact = new URL(request.url).searchParams.get('v') === '2'
	const dataset = compact ? await offlineDataset(getDb(), event, new Date(), await doorLanguage(request)) : await legacyOfflineDataset(getDb(), event)
	// Names of visitors: never kept by a shared cache. Large: gzip-compressed on the way out for a
	// client that takes it (server/direct-routes.mjs), whatever its credentials.
	return Response.json(dataset, { headers: { 'Cache-Control': 'private, no-store' } })
})

export const action = apiMethodNotAllowed(ALLOWED)
