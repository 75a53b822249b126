// POST /api/v1/fairs/{slug}/applications (public; Idempotency-Key) → 201 {application}.
// GET /api/v1/fairs/{slug}/applications[?limit=&cursor=] (organizer) → {applications, next}, a page at a time.
import { applicationApiSchema } from '#app/domain/application-input.ts'
import { pageQuerySchema } from '#app/domain/paging.ts'
import { standLabelsOf } from '#app/services/queries/allocation.server.ts'
import { publishedStandLabels } from '#app/http/application-form.server.ts'
import { applicationAnswerById, submitApplication } from '#app/services/commands/applications.server.ts'
import { applicationsOpen, findFair, pageOfApplications, toApplicationJson } from '#app/services/queries/applications.server.ts'
import { hashRequestBody, runIdempotent } from '#app/services/commands/idempotency.server.ts'
import { apiError, readJsonBodyAndText, serviceErrorAnswer } from '#app/http/api.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getLocale, getRequestT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']

const APPLICATION_PAGE = pageQuerySchema('applications')

export const loader = apiLoader({ role: 'organizer' }, async ({ request, params }) => {
	const fair = findFair(getDb(), params.slug ?? '')
	const search = new URL(request.url).searchParams
	const { t } = await getRequestT(request, ['api', 'common'])
	const page = APPLICATION_PAGE.safeParse({ limit: search.get('limit') ?? undefined, cursor: search.get('cursor') ?? undefined }, { error: makeZodErrorMap(t) })
	if (!page.success) return apiError(request, 422, 'invalid_fields', { fields: issuesToFields(page.error.issues) })
	const publicUrl = getEnv().PUBLIC_URL
	const standLabels = standLabelsOf(getDb(), fair.event.id)
	const { items, next } = pageOfApplications(getDb(), fair.event.id, page.data)
	return Response.json(
		{ applications: items.map((row) => toApplicationJson(row, fair.event, publicUrl, standLabels.get(row.id))), next },
		{ headers: { 'Cache-Control': 'private, no-store' } },
	)
})

export const action = apiAction({ allow: ALLOWED, limit: 'idempotent' }, async ({ request, params, idempotencyKey: key }) => {
	const slug = params.slug ?? ''
	const now = new Date()
	// The fair's own categories are part of the schema, so the fair comes first: 404 before 422,
	// and a closed window (409) before asking anyone to fix their fields.
	const fair = findFair(getDb(), slug)
	if (!applicationsOpen(fair, now)) return apiError(request, 409, 'applications_closed')
	// Once the plan is published, preferences name its stands (422 `preferences.N` otherwise).
	const standLabels = publishedStandLabels(getDb(), fair.event.id)
	const { data: body, text } = await readJsonBodyAndText(request, applicationApiSchema(fair.categories, now, standLabels))
	const { t } = await getRequestT(request, ['api', 'common'])
	// The exhibitor's mails are written in the language they asked in (?lang=, Accept-Language).
	const locale = await getLocale(request)
	const publicUrl = getEnv().PUBLIC_URL
	const answer = runIdempotent(
		getDb(),
		{ scope: `applications:${slug}`, key, bodyHash: hashRequestBody(text) },
		(tx) => {
			const result = submitApplication(tx, slug, body, now, { kind: 'system' }, locale)
			return { status: 201, body: { application: toApplicationJson(result.application, result.event, publicUrl, null, result.manageToken) } }
		},
		(error) => serviceErrorAnswer(t, error),
		now,
		applicationAnswerById(publicUrl, (error) => serviceErrorAnswer(t, error), now),
	)
	return Response.json(answer.body, { status: answer.status, headers: answer.replayed ? { 'Idempotent-Replayed': 'true' } : undefined })
})
