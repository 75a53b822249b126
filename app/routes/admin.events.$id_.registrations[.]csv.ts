// /admin/events/{id}/registrations.csv: the event's registrations for a spreadsheet (see
// app/domain/csv.ts for the format). `;` by default, for Excel with Serbian settings;
// ?delimiter=comma for other programs. Personal data: never cached, always a download.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { registrationsCsvStream } from '#app/services/queries/registration-queries.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { eventQuestions } from '#app/services/queries/event-questions.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'

// No form here: an anonymous caller goes to the login first, as for the page; then any other
// method than GET is a 405 page with one log line (Remix's own 405 logs a stack trace).
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { t, locale } = await getRequestT(request, ['admin'])
	const delimiter = new URL(request.url).searchParams.get('delimiter') === 'comma' ? ',' : ';'
	// Streamed in batches (issue 21): a 100,000-row event neither holds the server up nor its memory.
	const body = registrationsCsvStream(getDb(), event.id, t, delimiter, { questions: eventQuestions(event), locale })
	// Slugs are [a-z0-9-] only, so the file name needs no quoting beyond the quotes.
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="registrations-${event.slug}.csv"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
