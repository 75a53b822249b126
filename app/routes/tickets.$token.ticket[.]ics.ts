// /tickets/{token}/ticket.ics: this visitor's calendar entry (same UID as the mailed invite).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { privateHeaders } from '#app/http/private-headers.server.ts'
import { findTicket, ticketCalendar } from '#app/services/views/ticket-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getLocale } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export async function loader({ request, params }: LoaderFunctionArgs) {
	const ticket = findTicket(getDb(), params.token ?? '')
	if (!ticket) return errorResponse(404, privateHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }))
	const body = ticketCalendar(ticket, await getLocale(request), getEnv().PUBLIC_URL)
	return new Response(body, {
		headers: privateHeaders({
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="${ticket.event.slug}.ics"`,
		}),
	})
}
