// POST /api/v1/surveys/{slug}/responses (public, rate-limited): one anonymous set of answers → 201.
// Body {answers: {questionId: value}, event?: slug, token?: one-time token from a mail}.
import { z } from 'zod'
import { SlugSchema } from '#app/domain/slug.ts'
import { InvalidAnswersError, submitSurveyResponse } from '#app/services/commands/surveys.server.ts'
import { findPublicSurvey } from '#app/services/queries/surveys.server.ts'
import { apiError, readJsonBody } from '#app/http/api.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { answerIssueMessages } from '#app/http/survey-answers.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

const ALLOWED = ['POST']

const ResponseBodySchema = z.strictObject({
	// Checked against the survey's questions by the command (parseAnswers), each id on its own.
	answers: z.custom<unknown>((value) => value !== undefined),
	event: z.union([SlugSchema, z.null()]).optional(),
	token: z.union([z.string().max(200), z.null()]).optional(),
})

export const loader = apiMethodNotAllowed(ALLOWED)

export const action = apiAction({ allow: ALLOWED, limit: 'rate' }, async ({ request, params }) => {
	const slug = params.slug ?? ''
	if (!findPublicSurvey(getDb(), slug)) return apiError(request, 404, 'not_found')
	const body = await readJsonBody(request, ResponseBodySchema)
	try {
		const response = submitSurveyResponse(getDb(), { slug, answers: body.answers, eventSlug: body.event ?? null, token: body.token ?? null })
		return Response.json({ response: { survey: response.survey, submittedAt: response.submittedAt.toISOString() } }, { status: 201 })
	} catch (error) {
		if (!(error instanceof InvalidAnswersError)) throw error
		const { t } = await getRequestT(request, ['api', 'common'])
		return apiError(request, 422, 'invalid_fields', { fields: answerIssueMessages(t, error.issues) })
	}
})
