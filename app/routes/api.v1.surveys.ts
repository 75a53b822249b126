// GET /api/v1/surveys (organizer): every survey, newest first → {surveys}.
// POST /api/v1/surveys (organizer): creates a survey → 201 {survey}.
import { SurveyCreateSchema, surveyDraftFromBody } from '#app/domain/survey-definition.ts'
import { createSurvey } from '#app/services/commands/surveys.server.ts'
import { listSurveys, toSurveyJson } from '#app/services/queries/surveys.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ALLOWED = ['GET', 'HEAD', 'POST']

export const loader = apiLoader({ role: 'organizer' }, () => {
	const db = getDb()
	const { PUBLIC_URL } = getEnv()
	return Response.json({ surveys: listSurveys(db).map((survey) => toSurveyJson(db, survey, PUBLIC_URL)) })
})

export const action = apiAction({ allow: ALLOWED, role: 'organizer', body: SurveyCreateSchema }, ({ principal, body }) => {
	const db = getDb()
	const survey = createSurvey(db, surveyDraftFromBody(body), principal.actor)
	return Response.json({ survey: toSurveyJson(db, survey, getEnv().PUBLIC_URL) }, { status: 201 })
})
