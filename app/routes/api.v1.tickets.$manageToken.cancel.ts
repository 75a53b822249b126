// POST /api/v1/tickets/{manageToken}/cancel (public: the manage link's token is the credential)
// → {registration, promoted: [id]}. Cancelling twice answers the same, with nothing promoted.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { toRegistrationJson } from '#app/services/views/registration-json.server.ts'
import { cancelByManageToken } from '#app/services/commands/registrations.server.ts'
import { asApiError, methodNotAllowed, requireRateLimit } from '#app/http/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['POST']

export async function loader({ request }: LoaderFunctionArgs) {
	return methodNotAllowed(request, ALLOWED)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	await requireRateLimit(request, context)
	try {
		const result = cancelByManageToken(getDb(), params.manageToken ?? '')
		return Response.json(
			{
				registration: toRegistrationJson(result.registration, result.event, getEnv().PUBLIC_URL, undefined, params.manageToken ?? null),
				promoted: result.promoted,
			},
			{ headers: { 'Cache-Control': 'no-store' } },
		)
	} catch (error) {
		throw await asApiError(request, error)
	}
}
