// POST /api/v1/events/{slug}/registrations (public; Idempotency-Key) → 201 {registration}.
// GET /api/v1/events/{slug}/registrations[?status=] (organizer) → {registrations}.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { REGISTRATION_STATUSES, type RegistrationStatus } from '#app/domain/vocabulary.ts'
import { RegistrationApiSchema, registrationInputFromApi } from '#app/domain/registration-input.ts'
import { findEventBySlug } from '#app/services/queries/events.server.ts'
import { hashRequestBody } from '#app/services/commands/idempotency.server.ts'
import { listRegistrationsJson, registerThroughApiGrouped } from '#app/services/commands/registration-api.server.ts'
import { apiError, methodNotAllowed, readJsonBodyAndText, publicPostPreamble, serviceErrorAnswer } from '#app/http/api.server.ts'
import { requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']

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

export async function action({ request, params, context }: ActionFunctionArgs) {
	if (request.method !== 'POST') return methodNotAllowed(request, ALLOWED)
	const key = await publicPostPreamble(request, context)
	// The stored answer is tied to the exact text of the request, so keep it beside the parsed body.
	const { data: body, text } = await readJsonBodyAndText(request, RegistrationApiSchema)
	const bodyHash = hashRequestBody(text)
	const { t, locale } = await getRequestT(request, ['api', 'common'])
	const answer = await registerThroughApiGrouped(
		getDb(),
		{ slug: params.slug ?? '', input: registrationInputFromApi(body, locale), idempotency: { key, bodyHash }, publicUrl: getEnv().PUBLIC_URL },
		(error) => serviceErrorAnswer(t, error),
	)
	return Response.json(answer.body, { status: answer.status, headers: answer.replayed ? { 'Idempotent-Replayed': 'true' } : undefined })
}
