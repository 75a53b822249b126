// /tickets/{token}/data.json: "download my data", everything held about this registration.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { privateHeaders } from '#app/http/private-headers.server.ts'
import { findTicket, personalDataExport } from '#app/services/views/ticket-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export async function loader({ params }: LoaderFunctionArgs) {
	const ticket = findTicket(getDb(), params.token ?? '')
	if (!ticket) return errorResponse(404, privateHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }))
	return new Response(JSON.stringify(personalDataExport(ticket, getEnv().PUBLIC_URL), null, 2) + '\n', {
		headers: privateHeaders({
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="sajam-${ticket.event.slug}-my-data.json"`,
		}),
	})
}
