// Surveys (issue 15): creating and changing one (its questions lock with the first response),
// opening and closing it, taking an anonymous response, and the one-time token of a visitor's
// follow-up mail. Each change is one synchronous transaction that re-checks its rule inside it.
// A response is stored with nothing that points at a person: no address, user, registration or
// token, the time only to the hour, and no audit row.
import { and, eq, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm'
import { surveyResponses, surveys, surveyTokens, type SurveyRow } from '#db/schema/index.ts'
import { actorLabel, type Actor } from '#app/domain/actor.ts'
import type { SurveyDraft, SurveyPatch } from '#app/domain/survey-definition.ts'
import { parseAnswers, roundDownToHour, surveyState, type AnswerIssue } from '#app/domain/survey-rules.ts'
import { slugify, uniqueSlug } from '#app/domain/slug.ts'
import type { SurveyStatus } from '#app/domain/vocabulary.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '#app/utils/secret-tokens.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { countSurveyResponses, findSurveyById, findSurveyBySlug, findSurveyEvent, surveyQuestions } from '#app/services/queries/surveys.server.ts'

/** The prefix of a survey's one-time token (`?t=` on the link in a follow-up mail). */
export const SURVEY_TOKEN_PREFIX = 'svy_'

/** Answers that do not fit the survey's questions: 422 with the issue of each question id. */
export class InvalidAnswersError extends ServiceError {
	constructor(readonly issues: Record<string, AnswerIssue>) {
		super('invalid_fields', 422)
	}
}

function slugTaken(tx: Db, slug: string, exceptId?: number) {
	const row = tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug)).get()
	return row !== undefined && row.id !== exceptId
}

function resolveEvent(tx: Db, slug: string | null): number | null {
	if (slug === null) return null
	const event = findSurveyEvent(tx, slug, { drafts: true })
	if (!event) throw new ServiceError('unknown_event', 422, 'event')
	return event.id
}

function checkDates(opensAt: Date | null, closesAt: Date | null) {
	if (opensAt && closesAt && closesAt <= opensAt) throw new ServiceError('survey_closes_before_opens', 422, 'closesAt')
}

/** Creates a survey (a draft unless `status` says otherwise). */
export function createSurvey(db: Db, draft: SurveyDraft, actor: Actor, now = new Date()): SurveyRow {
	return writeTransaction(db, (tx) => {
		checkDates(draft.opensAt, draft.closesAt)
		let slug: string
		if (draft.slug) {
			if (slugTaken(tx, draft.slug)) throw new ServiceError('survey_slug_taken', 409, 'slug')
			slug = draft.slug
		} else slug = uniqueSlug(slugify(draft.title['sr-Latn']), (s) => slugTaken(tx, s))
		const row = tx
			.insert(surveys)
			.values({
				slug,
				title: JSON.stringify(draft.title),
				description: draft.description ? JSON.stringify(draft.description) : null,
				eventId: resolveEvent(tx, draft.event),
				status: draft.status,
				opensAt: draft.opensAt,
				closesAt: draft.closesAt,
				questions: JSON.stringify(draft.questions),
				createdBy: actorLabel(actor),
				createdAt: now,
				updatedAt: now,
			})
			.returning()
			.get()
		recordAudit(tx, actor, 'survey.create', `survey:${row.id}`, { slug, status: row.status }, now)
		return row
	})
}

/** What a survey's answers depend on: once it has responses, these cannot change. */
const LOCKED_FIELDS = ['title', 'description', 'questions', 'event', 'slug'] as const

/**
 * Changes the fields present in `patch`. Once the survey has responses only `status`, `opensAt`
 * and `closesAt` may change (sending a locked field unchanged is fine): 409 `survey_locked`.
 */
export function updateSurvey(db: Db, id: number, patch: SurveyPatch, actor: Actor, now = new Date()): SurveyRow {
	return writeTransaction(db, (tx) => {
		const current = findSurveyById(tx, id)
		if (!current) throw new ServiceError('not_found', 404)
		const values: Partial<typeof surveys.$inferInsert> = {}
		if (patch.title !== undefined) values.title = JSON.stringify(patch.title)
		if (patch.description !== undefined) values.description = patch.description === null ? null : JSON.stringify(patch.description)
		if (patch.questions !== undefined) values.questions = JSON.stringify(patch.questions)
		if (patch.event !== undefined) values.eventId = resolveEvent(tx, patch.event)
		if (patch.slug !== undefined && patch.slug !== current.slug) {
			if (slugTaken(tx, patch.slug, id)) throw new ServiceError('survey_slug_taken', 409, 'slug')
			values.slug = patch.slug
		}
		if (patch.status !== undefined) values.status = patch.status
		if (patch.opensAt !== undefined) values.opensAt = patch.opensAt
		if (patch.closesAt !== undefined) values.closesAt = patch.closesAt
		const changed = (Object.keys(values) as (keyof typeof values)[]).filter((key) => String(values[key]) !== String(current[key as keyof SurveyRow]))
		if (changed.length === 0) return current
		const lockedChange = changed.some((key) => (LOCKED_FIELDS as readonly string[]).includes(key === 'eventId' ? 'event' : key))
		if (lockedChange && countSurveyResponses(tx, id) > 0) throw new ServiceError('survey_locked', 409)
		checkDates(values.opensAt !== undefined ? values.opensAt : current.opensAt, values.closesAt !== undefined ? values.closesAt : current.closesAt)
		const row = tx
			.update(surveys)
			.set({ ...values, updatedAt: now })
			.where(eq(surveys.id, id))
			.returning()
			.get()
		recordAudit(tx, actor, 'survey.update', `survey:${id}`, { changed }, now)
		return row
	})
}

/** Opens or closes a survey by hand (the admin's buttons); the same as a PATCH of `status` alone. */
export function setSurveyStatus(db: Db, id: number, status: SurveyStatus, actor: Actor, now = new Date()): SurveyRow {
	return updateSurvey(db, id, { status }, actor, now)
}

/**
 * A one-time token for answering `surveyId` from a visitor's follow-up mail, made inside the
 * caller's transaction (the one that queues the mail). Only its SHA-256 is kept, with the hour it
 * was made; nothing records whom it was for. Put it on the link as `?t=`.
 */
export function issueSurveyToken(tx: Db, surveyId: number, now = new Date()): string {
	const token = newSecretToken(SURVEY_TOKEN_PREFIX)
	tx.insert(surveyTokens)
		.values({ tokenHash: hashSecretToken(token), surveyId, createdAt: roundDownToHour(now) })
		.run()
	return token
}

/** A thank-you's survey link is kept this long at most, answered or not. */
export const SURVEY_TOKEN_DAYS = 90

/**
 * Drops the one-time tokens nobody can use any more (the minute sweep): those of surveys that are
 * closed (by hand or by their closing time) and those older than SURVEY_TOKEN_DAYS; a token is
 * refused from then on as an unknown one. Returns how many went.
 */
export function purgeSurveyTokens(db: Db, now = new Date()): number {
	return writeTransaction(db, (tx) => {
		const closed = tx
			.select({ id: surveys.id })
			.from(surveys)
			.where(or(eq(surveys.status, 'closed'), and(isNotNull(surveys.closesAt), lte(surveys.closesAt, now))))
		return tx
			.delete(surveyTokens)
			.where(or(inArray(surveyTokens.surveyId, closed), lt(surveyTokens.createdAt, new Date(now.getTime() - SURVEY_TOKEN_DAYS * 24 * 3600_000))))
			.run().changes
	})
}

export type SurveyAnswerCall = {
	slug: string
	/** The body's `answers`, unchecked: validated against the survey's questions inside the transaction. */
	answers: unknown
	/** The event it is answered for (`?event=`); the survey's own event when left out. */
	eventSlug?: string | null
	/** The one-time token of a follow-up mail, spent in the same transaction. */
	token?: string | null
}

/**
 * Stores one anonymous response. Refusals: 404 `not_found` (unknown or draft), 409
 * `survey_closed` / `survey_not_open_yet`, 422 InvalidAnswersError or `unknown_event` (`event`),
 * 403 `survey_token_invalid`, 409 `survey_token_used`. Nothing is stored on a refusal, and a
 * refused token is not spent.
 */
export function submitSurveyResponse(db: Db, call: SurveyAnswerCall, now = new Date()): { survey: string; submittedAt: Date } {
	return writeTransaction(db, (tx) => {
		const survey = findSurveyBySlug(tx, call.slug)
		if (!survey || survey.status === 'draft') throw new ServiceError('not_found', 404)
		const state = surveyState(survey, now)
		if (state === 'scheduled') throw new ServiceError('survey_not_open_yet', 409)
		if (state === 'closed') throw new ServiceError('survey_closed', 409)
		const parsed = parseAnswers(surveyQuestions(survey), call.answers)
		if (!parsed.ok) throw new InvalidAnswersError(parsed.issues)
		let eventId = survey.eventId
		if (call.eventSlug) {
			const event = findSurveyEvent(tx, call.eventSlug, { drafts: false })
			if (!event) throw new ServiceError('unknown_event', 422, 'event')
			eventId = event.id
		}
		const submittedAt = roundDownToHour(now)
		if (call.token !== undefined && call.token !== null) spendToken(tx, survey.id, call.token, submittedAt)
		tx.insert(surveyResponses)
			.values({ surveyId: survey.id, eventId, submittedAt, answers: JSON.stringify(parsed.answers) })
			.run()
		return { survey: survey.slug, submittedAt }
	})
}

function spendToken(tx: Db, surveyId: number, token: string, hour: Date) {
	if (!looksLikeSecretToken(token, SURVEY_TOKEN_PREFIX)) throw new ServiceError('survey_token_invalid', 403, 'token')
	const hash = hashSecretToken(token)
	const row = tx
		.select({ usedAt: surveyTokens.usedAt })
		.from(surveyTokens)
		.where(and(eq(surveyTokens.tokenHash, hash), eq(surveyTokens.surveyId, surveyId)))
		.get()
	if (!row) throw new ServiceError('survey_token_invalid', 403, 'token')
	if (row.usedAt !== null) throw new ServiceError('survey_token_used', 409, 'token')
	tx.update(surveyTokens)
		.set({ usedAt: hour })
		.where(and(eq(surveyTokens.tokenHash, hash), isNull(surveyTokens.usedAt)))
		.run()
}
