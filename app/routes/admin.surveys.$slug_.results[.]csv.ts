// /admin/surveys/{slug}/results.csv: the survey's suppressed results ("< 5" for hidden counts) for a spreadsheet, organizers.
// ?event=slug as on the results page. `;` by default (Excel with Serbian settings), ?delimiter=comma otherwise. Never cached, always a download; layout in
// app/services/views/survey-results-views.server.ts.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { exportResponse, surveyExportRequest } from '#app/http/survey-exports.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { surveyResultsCsv } from '#app/services/views/survey-results-views.server.ts'

// No form here: an anonymous caller goes to the login first; then any other method is a 405 page.
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { db, survey, locale, t, filter, delimiter } = await surveyExportRequest(request, params.slug, 'organizer')
	return exportResponse(
		await surveyResultsCsv(db, survey, locale, t, filter, delimiter),
		'text/csv; charset=utf-8',
		'results',
		survey.slug,
		filter.eventSlug,
		'csv',
	)
}
