import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildCalendar } from '#app/domain/calendar.ts'
import { listCalendarEvents } from '#app/services/events.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

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
