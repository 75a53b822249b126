// The shared edge of a survey's export routes (/admin/surveys/{slug}/results.csv|xlsx,
// responses.csv|xlsx): the guard (organizers for the suppressed results, admins for the raw
// rows), the survey and its ?event= filter (404 when unknown), and the download's headers.
import type { Role } from '#app/domain/vocabulary.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { findSurveyBySlug } from '#app/services/queries/surveys.server.ts'
import { resultsEvent } from '#app/services/views/survey-results-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

export async function surveyExportRequest(request: Request, slug: string | undefined, role: Role) {
	await requireRole(request, role)
	const db = getDb()
	const survey = findSurveyBySlug(db, slug ?? '')
	invariantResponse(survey, 404)
	const search = new URL(request.url).searchParams
	const event = resultsEvent(db, survey, search.get('event') || null)
	invariantResponse(event !== null, 404)
	const { locale, t } = await getRequestT(request, ['survey-results', 'surveys'])
	return {
		db,
		survey,
		locale,
		t,
		filter: { eventId: event?.id, eventSlug: event?.slug ?? null },
		delimiter: search.get('delimiter') === 'comma' ? (',' as const) : (';' as const),
	}
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A download that is never cached: `results-{slug}[-{event}].{ext}`. Slugs are [a-z0-9-], so the name needs no escaping. */
export function exportResponse(
	body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>,
	type: string,
	name: string,
	slug: string,
	eventSlug: string | null,
	ext: 'csv' | 'xlsx',
) {
	return new Response(body, {
		headers: {
			'Content-Type': type,
			'Content-Disposition': `attachment; filename="${name}-${slug}${eventSlug ? `-${eventSlug}` : ''}.${ext}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
