// POST /api/v1/events/{slug}/registrations (public; Idempotency-Key) → 201 {registration}.
// GET /api/v1/events/{slug}/registrations[?status=&limit=&cursor=] (organizer) → {registrations, next}, a page at a time.
import { pageQuerySchema } from '#app/domain/paging.ts'
import { REGISTRATION_STATUSES, type RegistrationStatus } from '#app/domain/vocabulary.ts'
import { RegistrationApiSchema, registrationInputFromApi } from '#app/domain/registration-input.ts'
import { hashRequestBody } from '#app/services/commands/idempotency.server.ts'
import { listRegistrationsJson, registerThroughApiGrouped } from '#app/services/commands/registration-api.server.ts'
import { apiError, readJsonBodyAndText, serviceErrorAnswer } from '#app/http/api.server.ts'
import { eventAnswerMessages } from '#app/http/event-answers.server.ts'
import { InvalidAnswersError } from '#app/services/commands/surveys.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']

const isStatus = (value: string): value is RegistrationStatus => (REGISTRATION_STATUSES as readonly string[]).includes(value)

const REGISTRATION_PAGE = pageQuerySchema('registrations')

export const loader = apiLoader({ role: 'organizer', scope: 'event' }, async ({ request, event }) => {
	const search = new URL(request.url).searchParams
	const status = search.get('status')
	const { t } = await getRequestT(request, ['api', 'common'])
	const page = REGISTRATION_PAGE.safeParse(
		{ limit: search.get('limit') ?? undefined, cursor: search.get('cursor') ?? undefined },
		{ error: makeZodErrorMap(t) },
	)
	const fields = {
		...(page.success ? {} : issuesToFields(page.error.issues)),
		...(status !== null && !isStatus(status) ? { status: [t('common:validation.choice')] } : {}),
	}
	if (!page.success || Object.keys(fields).length > 0) return apiError(request, 422, 'invalid_fields', { fields })
	return Response.json(listRegistrationsJson(getDb(), event, getEnv().PUBLIC_URL, page.data, (status as RegistrationStatus | null) ?? undefined), {
		headers: { 'Cache-Control': 'private, no-store' },
	})
})

export const action = apiAction({ allow: ALLOWED, limit: 'idempotent' }, async ({ request, params, idempotencyKey: key }) => {
	// The stored answer is tied to the exact text of the request, so keep it beside the parsed body.
	const { data: body, text } = await readJsonBodyAndText(request, RegistrationApiSchema)
	const bodyHash = hashRequestBody(text)
	const { t, locale } = await getRequestT(request, ['api', 'common', 'questions'])
	const answer = await registerThroughApiGrouped(
		getDb(),
		{ slug: params.slug ?? '', input: registrationInputFromApi(body, locale), idempotency: { key, bodyHash }, publicUrl: getEnv().PUBLIC_URL },
		(error) =>
			// An answer to the event's own questions that does not fit: 422 naming each question (`answers.{id}`).
			error instanceof InvalidAnswersError
				? {
						status: 422,
						body: { error: 'invalid_fields', message: t('api:errors.invalid_fields'), fields: eventAnswerMessages(t, error.issues, (id) => `answers.${id}`) },
					}
				: serviceErrorAnswer(t, error),
	)
	return Response.json(answer.body, { status: answer.status, headers: answer.replayed ? { 'Idempotent-Replayed': 'true' } : undefined })
})
