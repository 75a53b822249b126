// /tickets/{token}/certificate.pdf: the certificate of attendance of a participant checked in at
// an event that gives them (issue 16), in the ticket's language and script (?lang= overrides);
// 404 for anyone else.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { normalizeLocale } from '#app/domain/locale.ts'
import { privateHeaders } from '#app/http/private-headers.server.ts'
import { certificatePdf, mayHaveCertificate } from '#app/services/views/certificate.server.ts'
import { findTicket } from '#app/services/views/ticket-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'

export const action = methodNotAllowed

export async function loader({ request, params }: LoaderFunctionArgs) {
	const ticket = findTicket(getDb(), params.token ?? '')
	if (!ticket || !mayHaveCertificate(ticket.registration, ticket.event))
		return errorResponse(404, privateHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }))
	const locale = normalizeLocale(new URL(request.url).searchParams.get('lang')) ?? ticket.registration.locale
	const pdf = await certificatePdf(ticket.registration, ticket.event, locale, getEnv().PUBLIC_URL)
	return new Response(new Uint8Array(pdf), {
		headers: privateHeaders({
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="certificate-${ticket.event.slug}.pdf"`,
		}),
	})
}
