// GET /api/v1/reports/participants?from=YYYY-MM-DD&to=YYYY-MM-DD | ?events=slug1,slug2 [&format=xlsx]
// (organizer) → the events of the period with registered and checked-in persons, and the checked-in
// persons by sex, age group, municipality and vulnerable group, small counts hidden (null).
import { ParticipantReportQuerySchema, REPORT_DIMENSIONS, tableJson } from '#app/domain/participant-report.ts'
import { eventsBySlug, eventsInRange, participantReportFor } from '#app/services/queries/reports.server.ts'
import { participantReportXlsx, XLSX_TYPE } from '#app/services/views/reports.server.ts'
import { apiError } from '#app/http/api.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { funderBlockView } from '#app/domain/funder-visibility.ts'
import { funderVisibility } from '#app/services/queries/site-settings.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'

const ALLOWED = ['GET', 'HEAD']

export const loader = apiLoader({ role: 'organizer' }, async ({ request }) => {
	const { t, locale } = await getRequestT(request, ['api', 'common', 'reports', 'public'])
	const parsed = ParticipantReportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { error: makeZodErrorMap(t) })
	if (!parsed.success) return apiError(request, 422, 'invalid_fields', { fields: issuesToFields(parsed.error.issues) })
	const query = parsed.data
	const db = getDb()
	let chosen
	if (query.events) {
		const found = eventsBySlug(db, query.events)
		if (found.missing.length)
			return apiError(request, 404, 'not_found', { fields: { events: [t('reports:errors.unknownEvents', { slugs: found.missing.join(', ') })] } })
		chosen = found.events
	} else chosen = eventsInRange(db, query.from!, query.to!)
	const report = participantReportFor(db, chosen)
	const headers = { 'Cache-Control': 'private, no-store' }
	if (query.format === 'xlsx') {
		const heading = query.events ? t('reports:chosenEvents') : t('reports:period', { from: query.from, to: query.to })
		const body = await participantReportXlsx(report, t, locale, `${t('reports:participantsTitle')}: ${heading}`, funderBlockView(funderVisibility(db), locale))
		const name = query.events ? 'participants.xlsx' : `participants-${query.from}-${query.to}.xlsx`
		return new Response(new Uint8Array(body), {
			headers: { ...headers, 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${name}"`, 'X-Content-Type-Options': 'nosniff' },
		})
	}
	return Response.json(
		{
			events: report.events,
			totals: report.totals,
			tables: Object.fromEntries(REPORT_DIMENSIONS.map((d) => [d, tableJson(report.tables[d])])),
		},
		{ headers },
	)
})

export const action = apiMethodNotAllowed(ALLOWED)
