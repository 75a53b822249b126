// GET /api/v1/events/{slug}/scanner-links (organizer) → {links: [ScannerLink]}.
// POST (organizer) {expiresAt, label?} → 201 {token, url, link}: the token and the address to
// open on the volunteer's phone are shown this once (only a hash is stored).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { ScannerLinkApiSchema } from '#app/domain/checkin-admin-input.ts'
import { createScannerLink } from '#app/services/commands/scanner-links.server.ts'
import { listScannerLinks } from '#app/services/queries/scanner-links.server.ts'
import { asApiError, methodNotAllowed, readJsonBody } from '#app/http/api.server.ts'
import { requireApiEventRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { event } = await requireApiEventRole(request, 'organizer', params.slug)
	return Response.json({ links: listScannerLinks(getDb(), event.id) }, { headers: { 'Cache-Control': 'no-store' } })
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const { event, actor } = await requireApiEventRole(request, 'organizer', params.slug)
	const body = await readJsonBody(request, ScannerLinkApiSchema)
	try {
		const created = createScannerLink(getDb(), { eventId: event.id, expiresAt: body.expiresAt, label: body.label }, actor, getEnv().PUBLIC_URL)
		return Response.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
