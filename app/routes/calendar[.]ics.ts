import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildCalendar } from '#app/domain/calendar.ts'
import { listCalendarEvents } from '#app/services/queries/events.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

/** The feed of all published (and cancelled) events, for calendar subscriptions. */
export async function loader({ request }: LoaderFunctionArgs) {
	const { locale, t } = await getRequestT(request, 'common')
	const body = buildCalendar(listCalendarEvents(getDb()), locale, getEnv().PUBLIC_URL, {
		calName: `${t('siteName')} · ${t('centerName')}`,
	})
	return new Response(body, {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
	})
}
