// /tickets/{token}/qr.svg: the ticket's QR code as an image (for mail clients and printing).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { privateHeaders } from '#app/http/private-headers.server.ts'
import { qrSvgDocument } from '#app/services/views/ticket-qr.server.ts'
import { findTicket } from '#app/services/views/ticket-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export async function loader({ request, params }: LoaderFunctionArgs) {
	const ticket = findTicket(getDb(), params.token ?? '')
	if (!ticket?.registration.ticketCode || ticket.registration.status !== 'confirmed') {
		return errorResponse(404, privateHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }))
	}
	const { t } = await getRequestT(request, 'ticket')
	return new Response(qrSvgDocument(ticket.registration.ticketCode, t('qrAlt')), {
		headers: privateHeaders({ 'Content-Type': 'image/svg+xml; charset=utf-8' }),
	})
}
