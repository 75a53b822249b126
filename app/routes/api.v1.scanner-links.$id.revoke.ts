// POST /api/v1/scanner-links/{id}/revoke (organizer) → {link}: the link stops working at once.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { revokeScannerLink } from '#app/services/commands/scanner-links.server.ts'
import { apiError, asApiError, idParam, methodNotAllowed } from '#app/http/api.server.ts'
import { requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const ALLOWED = ['POST']

export async function loader({ request }: LoaderFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'organizer')
	const id = idParam(params.id)
	if (id === null) return apiError(request, 404, 'not_found')
	try {
		return Response.json({ link: revokeScannerLink(getDb(), id, principal.actor) })
	} catch (error) {
		throw await asApiError(request, error)
	}
}
