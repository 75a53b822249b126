// GET /api/v1/surveys/{slug} (public unless a draft): the survey in the caller's language → {survey}.
// PATCH /api/v1/surveys/{slug} (organizer): any field of POST; once answered only status and dates → {survey}.
import { SurveyPatchSchema, surveyPatchFromBody } from '#app/domain/survey-definition.ts'
import { updateSurvey } from '#app/services/commands/surveys.server.ts'
import { findSurveyBySlug, toPublicSurveyJson, toSurveyJson } from '#app/services/queries/surveys.server.ts'
import { apiError } from '#app/http/api.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { maySeeDrafts } from '#app/http/auth.server.ts'
import { readJsonBody } from '#app/http/api.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getLocale } from '#app/utils/i18n.server.ts'

const ALLOWED = ['GET', 'HEAD', 'PATCH']

export const loader = apiLoader({}, async ({ request, params }) => {
	const db = getDb()
	const survey = findSurveyBySlug(db, params.slug ?? '')
	if (!survey || (survey.status === 'draft' && !(await maySeeDrafts(request)))) return apiError(request, 404, 'not_found')
	return Response.json({ survey: toPublicSurveyJson(db, survey, await getLocale(request), getEnv().PUBLIC_URL) })
})

// The survey is looked up before the body is read: an unknown slug is 404 whatever the body.
export const action = apiAction({ allow: ALLOWED, role: 'organizer' }, async ({ request, params, principal }) => {
	const db = getDb()
	const current = findSurveyBySlug(db, params.slug ?? '')
	if (!current) return apiError(request, 404, 'not_found')
	const body = await readJsonBody(request, SurveyPatchSchema)
	const survey = updateSurvey(db, current.id, surveyPatchFromBody(body), principal.actor)
	return Response.json({ survey: toSurveyJson(db, survey, getEnv().PUBLIC_URL) })
})
