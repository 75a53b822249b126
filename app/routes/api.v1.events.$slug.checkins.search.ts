// GET /api/v1/events/{slug}/checkins/search?q= (scanner+) → {results: [...]}: confirmed
// registrations by name or address, for checking in a visitor without a ticket at hand.
import { CHECKIN_SEARCH_LIMIT, MAX_SEARCH_QUERY_LENGTH, MIN_SEARCH_QUERY_LENGTH } from '#app/domain/checkin-contract.ts'
import { doorLanguage } from '#app/http/event-answers.server.ts'
import { eventQuestions } from '#app/services/queries/event-questions.server.ts'
import { searchForCheckin } from '#app/services/queries/checkin-queries.server.ts'
import { apiError } from '#app/http/api.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

const ALLOWED = ['GET', 'HEAD']

export const loader = apiLoader({ role: 'scanner', scope: 'event' }, async ({ request, event }) => {
	const q = (new URL(request.url).searchParams.get('q') ?? '').trim()
	if (q.length < MIN_SEARCH_QUERY_LENGTH || q.length > MAX_SEARCH_QUERY_LENGTH) {
		const { t } = await getRequestT(request, 'common')
		const message =
			q.length < MIN_SEARCH_QUERY_LENGTH
				? t('validation.tooShort', { count: MIN_SEARCH_QUERY_LENGTH })
				: t('validation.tooLong', { count: MAX_SEARCH_QUERY_LENGTH })
		return apiError(request, 422, 'invalid_fields', { fields: { q: [message] } })
	}
	const door = { ...(await doorLanguage(request)), questions: eventQuestions(event) }
	return Response.json({ results: searchForCheckin(getDb(), event.id, q, CHECKIN_SEARCH_LIMIT, door) }, { headers: { 'Cache-Control': 'private, no-store' } })
})

export const action = apiMethodNotAllowed(ALLOWED)
