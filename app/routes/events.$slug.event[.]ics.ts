import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildCalendar } from '#app/domain/calendar.ts'
import { findPublicEvent } from '#app/services/queries/events.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getLocale } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

/** One event as an .ics file for "add to calendar". */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const event = findPublicEvent(getDb(), params.slug ?? '')
	invariantResponse(event, 404)
	const body = buildCalendar([event], await getLocale(request), getEnv().PUBLIC_URL)
	return new Response(body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="${event.slug}.ics"`,
			'Cache-Control': 'no-cache',
		},
	})
}
