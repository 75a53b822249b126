// GET /api/v1/reports/exhibitors?fair=SLUG [&format=xlsx] (organizer) → the fair's applicants and
// exhibitors next to the fair before it: how far the applications went, and by legal form, status
// under the 2022 law, municipality and staff (research-consenting applications, small counts null).
import { z } from 'zod'
import { exhibitorReportData, fairBySlug } from '#app/services/queries/research.server.ts'
import { exhibitorReportJson, exhibitorReportXlsx, XLSX_TYPE } from '#app/services/views/reports.server.ts'
import { apiError } from '#app/http/api.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { funderBlockView } from '#app/domain/funder-visibility.ts'
import { funderVisibility } from '#app/services/queries/site-settings.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'

const ALLOWED = ['GET', 'HEAD']

const QuerySchema = z.strictObject({
	fair: z.string().trim().min(1).max(200),
	format: z.enum(['json', 'xlsx']).default('json'),
	lang: z.string().optional(),
})

export const loader = apiLoader({ role: 'organizer' }, async ({ request }) => {
	const { t, locale } = await getRequestT(request, ['api', 'common', 'reports', 'exhibitors'])
	const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { error: makeZodErrorMap(t) })
	if (!parsed.success) return apiError(request, 422, 'invalid_fields', { fields: issuesToFields(parsed.error.issues) })
	const db = getDb()
	const fair = fairBySlug(db, parsed.data.fair)
	if (!fair) return apiError(request, 404, 'not_found', { fields: { fair: [t('reports:errors.notAFair', { slug: parsed.data.fair })] } })
	const data = exhibitorReportData(db, fair)
	const headers = { 'Cache-Control': 'private, no-store' }
	if (parsed.data.format === 'xlsx')
		return new Response(new Uint8Array(await exhibitorReportXlsx(data, t, locale, funderBlockView(funderVisibility(db), locale))), {
			headers: {
				...headers,
				'Content-Type': XLSX_TYPE,
				'Content-Disposition': `attachment; filename="exhibitors-${fair.slug}.xlsx"`,
				'X-Content-Type-Options': 'nosniff',
			},
		})
	return Response.json(exhibitorReportJson(data), { headers })
})

export const action = apiMethodNotAllowed(ALLOWED)
