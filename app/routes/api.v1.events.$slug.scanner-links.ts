// GET /api/v1/events/{slug}/scanner-links (organizer) → {links: [ScannerLink]}.
// POST (organizer) {expiresAt, label?} → 201 {token, url, link}: the token and the address to
// open on the volunteer's phone are shown this once (only a hash is stored).
import { ScannerLinkApiSchema } from '#app/domain/checkin-admin-input.ts'
import { createScannerLink } from '#app/services/commands/scanner-links.server.ts'
import { listScannerLinks } from '#app/services/queries/scanner-links.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']

export const loader = apiLoader({ role: 'organizer', scope: 'event' }, ({ event }) =>
	Response.json({ links: listScannerLinks(getDb(), event.id) }, { headers: { 'Cache-Control': 'no-store' } }),
)

export const action = apiAction({ allow: ALLOWED, role: 'organizer', scope: 'event', body: ScannerLinkApiSchema }, ({ event, principal, body }) => {
	const created = createScannerLink(getDb(), { eventId: event.id, expiresAt: body.expiresAt, label: body.label }, principal.actor, getEnv().PUBLIC_URL)
	return Response.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } })
})
