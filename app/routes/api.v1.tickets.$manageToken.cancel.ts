// POST /api/v1/tickets/{manageToken}/cancel (public: the manage link's token is the credential)
// → {registration, promoted: [id]}. Cancelling twice answers the same, with nothing promoted.
import { toRegistrationJson } from '#app/services/views/registration-json.server.ts'
import { cancelByManageToken } from '#app/services/commands/registrations.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, limit: 'rate' }, ({ params }) => {
	const result = cancelByManageToken(getDb(), params.manageToken ?? '')
	return Response.json(
		{
			registration: toRegistrationJson(result.registration, result.event, getEnv().PUBLIC_URL, undefined, params.manageToken ?? null),
			promoted: result.promoted,
		},
		{ headers: { 'Cache-Control': 'no-store' } },
	)
})
