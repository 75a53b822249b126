// The survey services below HTTP, on this worker's own migrated database: the open survey of an
// event for the thank-you mail (openSurveyForEvent), a token issued inside the caller's
// transaction, the template as a survey, and the raw anonymous rows.
import { inArray } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { surveyTokens } from '#db/schema/index.ts'
import { surveyDraftFromBody } from '#app/domain/survey-definition.ts'
import { createSurvey, issueSurveyToken, purgeSurveyTokens, setSurveyStatus, submitSurveyResponse } from '#app/services/commands/surveys.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { openSurveyForEvent, surveyResponseRows, surveyTemplate, surveyUrl } from '#app/services/queries/surveys.server.ts'
import { getDb, writeTransaction } from '#app/utils/db.server.ts'
import { createEventInDb } from '#tests/support/service-events.ts'

const organizer = { kind: 'user', id: 1 } as const
let n = 0

function draft(fields: Record<string, unknown> = {}) {
	return surveyDraftFromBody({
		title: `Anketa servisa ${++n}`,
		questions: [{ id: 'ok', kind: 'likert5', label: 'U redu.' }],
		status: 'open',
		...fields,
	} as never)
}

describe('openSurveyForEvent', () => {
	test('the newest survey of the event that is open now; none when closed, draft, scheduled or ended', () => {
		const event = createEventInDb()
		const now = new Date('2030-12-05T14:00:00Z')
		expect(openSurveyForEvent(getDb(), event.id, now)).toBeUndefined()
		createSurvey(getDb(), draft({ event: event.slug, status: 'draft' }), organizer, new Date('2030-12-01T00:00:00Z'))
		createSurvey(getDb(), draft({ event: event.slug, opensAt: new Date('2031-01-01T00:00:00Z') }), organizer, new Date('2030-12-01T00:00:01Z'))
		createSurvey(getDb(), draft({ event: event.slug, closesAt: new Date('2030-12-05T13:00:00Z') }), organizer, new Date('2030-12-01T00:00:02Z'))
		expect(openSurveyForEvent(getDb(), event.id, now)).toBeUndefined()
		const older = createSurvey(getDb(), draft({ event: event.slug }), organizer, new Date('2030-12-02T00:00:00Z'))
		const newer = createSurvey(getDb(), draft({ event: event.slug }), organizer, new Date('2030-12-03T00:00:00Z'))
		createSurvey(getDb(), draft(), organizer, new Date('2030-12-04T00:00:00Z'))
		expect(openSurveyForEvent(getDb(), event.id, now)?.id).toBe(newer.id)
		setSurveyStatus(getDb(), newer.id, 'closed', organizer)
		expect(openSurveyForEvent(getDb(), event.id, now)?.id).toBe(older.id)
	})
})

describe('issueSurveyToken', () => {
	test('runs inside the caller’s transaction: rolled back with it, and then it opens nothing', () => {
		const survey = createSurvey(getDb(), draft(), organizer)
		let lost = ''
		expect(() =>
			writeTransaction(getDb(), (tx) => {
				lost = issueSurveyToken(tx, survey.id)
				throw new Error('the mail could not be queued')
			}),
		).toThrow('the mail could not be queued')
		expect(() => submitSurveyResponse(getDb(), { slug: survey.slug, answers: { ok: 3 }, token: lost })).toThrow(ServiceError)
		const kept = writeTransaction(getDb(), (tx) => issueSurveyToken(tx, survey.id))
		expect(submitSurveyResponse(getDb(), { slug: survey.slug, answers: { ok: 3 }, token: kept }).survey).toBe(survey.slug)
		expect(() => submitSurveyResponse(getDb(), { slug: survey.slug, answers: { ok: 4 }, token: kept })).toThrow(
			expect.objectContaining({ code: 'survey_token_used' }),
		)
		expect(surveyResponseRows(getDb(), survey.id)).toHaveLength(1)
		// The link a thank-you mail carries.
		expect(surveyUrl('https://sajam.test/', 'anketa', 'radionica-1', 'svy_abc')).toBe('https://sajam.test/surveys/anketa?event=radionica-1&t=svy_abc')
		expect(surveyUrl('https://sajam.test', 'anketa')).toBe('https://sajam.test/surveys/anketa')
	})
})

describe('templates and raw rows', () => {
	test('a template becomes a survey in three languages, and its raw rows are anonymous', () => {
		const template = surveyTemplate('afterEvent')
		expect(template.title).toEqual({ 'sr-Latn': 'Vaše mišljenje o događaju', 'sr-Cyrl': 'Ваше мишљење о догађају', en: 'Your view of the event' })
		const event = createEventInDb()
		const survey = createSurvey(getDb(), { ...template, event: event.slug, status: 'open', opensAt: null, closesAt: null }, organizer)
		submitSurveyResponse(
			getDb(),
			{ slug: survey.slug, answers: { expectations: 4, heard: 'friends', improve: 'Duže pauze' } },
			new Date('2030-12-05T16:47:12Z'),
		)
		expect(surveyResponseRows(getDb(), survey.id)).toEqual([
			{ submittedAt: new Date('2030-12-05T16:00:00Z'), event: event.slug, answers: { expectations: 4, heard: 'friends', improve: 'Duže pauze' } },
		])
		expect(surveyResponseRows(getDb(), survey.id, { eventId: event.id + 1000 })).toEqual([])
	})
})

describe('purgeSurveyTokens', () => {
	test('drops the tokens of closed surveys and those older than 90 days; the others still answer', () => {
		const now = new Date('2031-03-01T12:00:00Z')
		const open = createSurvey(getDb(), draft(), organizer, new Date('2030-12-01T00:00:00Z'))
		const closing = createSurvey(getDb(), draft({ closesAt: new Date('2031-02-01T00:00:00Z') }), organizer, new Date('2030-12-01T00:00:00Z'))
		const fresh = writeTransaction(getDb(), (tx) => issueSurveyToken(tx, open.id, new Date('2031-02-20T10:00:00Z')))
		const old = writeTransaction(getDb(), (tx) => issueSurveyToken(tx, open.id, new Date('2030-11-20T10:00:00Z')))
		writeTransaction(getDb(), (tx) => issueSurveyToken(tx, closing.id, new Date('2031-01-20T10:00:00Z')))
		const left = () =>
			getDb()
				.select()
				.from(surveyTokens)
				.where(inArray(surveyTokens.surveyId, [open.id, closing.id]))
				.all().length
		expect(left()).toBe(3)
		// (Other tests' old tokens in this database go too.)
		expect(purgeSurveyTokens(getDb(), now)).toBeGreaterThanOrEqual(2)
		expect(left()).toBe(1)
		expect(purgeSurveyTokens(getDb(), now)).toBe(0)
		const answer = (token: string) => submitSurveyResponse(getDb(), { slug: open.slug, answers: { ok: 4 }, token }, now)
		expect(() => answer(old)).toThrow(ServiceError)
		expect(answer(fresh).survey).toBe(open.slug)
	})
})
