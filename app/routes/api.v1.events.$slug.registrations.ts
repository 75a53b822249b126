// POST /api/v1/events/{slug}/registrations (public; Idempotency-Key) → 201 {registration}.
// GET /api/v1/events/{slug}/registrations[?status=] (organizer) → {registrations}.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { REGISTRATION_STATUSES, type RegistrationStatus } from '#db/schema/index.ts'
import { RegistrationApiSchema, registrationInputFromApi } from '#app/domain/registration-input.ts'
import type { ServiceError } from '#app/services/errors.server.ts'
import { findEventBySlug } from '#app/services/events.server.ts'
import { hashRequestBody, type StoredAnswer } from '#app/services/idempotency.server.ts'
import { listRegistrationsJson, MAX_IDEMPOTENCY_KEY_LENGTH, registerThroughApi } from '#app/services/registration-api.server.ts'
import { apiError, methodNotAllowed, readJsonBodyAndText } from '#app/utils/api.server.ts'
import { requireApiRole } from '#app/utils/auth.server.ts'
import { getDb, writeInBatch } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { takeRateLimit } from '#app/utils/rate-limit.server.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']
const IDEMPOTENCY_HEADER = 'Idempotency-Key'

const isStatus = (value: string): value is RegistrationStatus => (REGISTRATION_STATUSES as readonly string[]).includes(value)

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireApiRole(request, 'organizer')
	const event = findEventBySlug(getDb(), params.slug ?? '')
	if (!event) return apiError(request, 404, 'not_found')
	const status = new URL(request.url).searchParams.get('status')
	if (status !== null && !isStatus(status)) {
		const { t } = await getRequestT(request, 'common')
		return apiError(request, 422, 'invalid_fields', { fields: { status: [t('validation.choice')] } })
	}
	return Response.json({ registrations: listRegistrationsJson(getDb(), event, getEnv().PUBLIC_URL, status ?? undefined) })
}

/**
 * A refusal as the API's error body. A rule about a body field is `invalid_fields` with the
 * message on that field, like zod's 422; a reused Idempotency-Key keeps its own code.
 */
function errorAnswer(t: TFunction, error: ServiceError): StoredAnswer {
	const message = t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') })
	if (error.status === 422 && error.code !== 'idempotency_key_reused') {
		const body: Record<string, unknown> = { error: 'invalid_fields', message: t('api:errors.invalid_fields') }
		if (error.field) body.fields = { [error.field]: [message] }
		return { status: 422, body }
	}
	return { status: error.status, body: { error: error.code, message } }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const limit = takeRateLimit(context)
	if (!limit.ok) return apiError(request, 429, 'rate_limited', { headers: { 'Retry-After': String(limit.retryAfterSeconds) } })
	const key = request.headers.get(IDEMPOTENCY_HEADER)
	if (key !== null && (key.trim() === '' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
		const { t } = await getRequestT(request, 'common')
		return apiError(request, 422, 'invalid_fields', {
			fields: { [IDEMPOTENCY_HEADER]: [key.trim() === '' ? t('validation.required') : t('validation.tooLong', { count: MAX_IDEMPOTENCY_KEY_LENGTH })] },
		})
	}
	// The stored answer is tied to the exact text of the request, so keep it beside the parsed body.
	const { data: body, text } = await readJsonBodyAndText(request, RegistrationApiSchema)
	const bodyHash = hashRequestBody(text)
	const { t, locale } = await getRequestT(request, ['api', 'common'])
	// Group commit: concurrent registrations share one transaction and one disk flush.
	const answer = await writeInBatch(getDb(), (tx) =>
		registerThroughApi(
			tx,
			{ slug: params.slug ?? '', input: registrationInputFromApi(body, locale), idempotency: { key, bodyHash }, publicUrl: getEnv().PUBLIC_URL },
			(error) => errorAnswer(t, error),
		),
	)
	return Response.json(answer.body, { status: answer.status, headers: answer.replayed ? { 'Idempotent-Replayed': 'true' } : undefined })
}
