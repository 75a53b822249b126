// GET /api/v1/surveys/{slug}/results (organizer): counts per answer, small cells null →
// {responses, questions}. ?event=slug keeps the responses given for that event; ?include=text adds
// the free-text answers.
import { findSurveyBySlug, findSurveyEvent, surveyResultsFor } from '#app/services/queries/surveys.server.ts'
import { apiError } from '#app/http/api.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

export const loader = apiLoader({ role: 'organizer' }, async ({ request, params }) => {
	const db = getDb()
	const survey = findSurveyBySlug(db, params.slug ?? '')
	if (!survey) return apiError(request, 404, 'not_found')
	const url = new URL(request.url)
	const include = url.searchParams.get('include')
	const eventSlug = url.searchParams.get('event')
	const { t } = await getRequestT(request, ['api', 'common'])
	if (include !== null && include !== 'text') return apiError(request, 422, 'invalid_fields', { fields: { include: [t('common:validation.choice')] } })
	let eventId: number | undefined
	if (eventSlug !== null) {
		eventId = findSurveyEvent(db, eventSlug, { drafts: true })?.id
		if (eventId === undefined) return apiError(request, 422, 'invalid_fields', { fields: { event: [t('api:errors.unknown_event')] } })
	}
	return Response.json(await surveyResultsFor(db, survey, { eventId, includeText: include === 'text' }))
})

export const action = apiMethodNotAllowed(['GET', 'HEAD'], { role: 'organizer' })
