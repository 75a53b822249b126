// /admin/surveys/{slug}/responses.xlsx: the survey's raw anonymous rows (the hour, the event, one column per question), admins only (an organizer gets 403).
// ?event=slug as on the results page. Never cached, always a download; layout in
// app/services/views/survey-results-views.server.ts.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { exportResponse, surveyExportRequest, XLSX_TYPE } from '#app/http/survey-exports.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { surveyResponsesXlsx } from '#app/services/views/survey-results-views.server.ts'

// No form here: an anonymous caller goes to the login first; then any other method is a 405 page.
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'admin')
	return methodNotAllowed({ request })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { db, survey, locale, t, filter } = await surveyExportRequest(request, params.slug, 'admin')
	return exportResponse(surveyResponsesXlsx(db, survey, locale, t, filter), XLSX_TYPE, 'responses', survey.slug, filter.eventSlug, 'xlsx')
}
