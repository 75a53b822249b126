import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { events } from './events.ts'
import { SURVEY_STATUSES } from '../../app/domain/vocabulary.ts'

export { SURVEY_STATUSES, QUESTION_KINDS, type SurveyStatus, type QuestionKind } from '../../app/domain/vocabulary.ts'

/**
 * A questionnaire of the Center (issue 15): attached to an event or standing alone. Texts are JSON
 * {"sr-Latn", "sr-Cyrl", "en"?} (Cyrillic derived when the organizer wrote only Latin); the
 * questions are JSON as app/domain/survey-definition.ts defines them. What the public sees at a
 * moment is surveyState(status, opensAt, closesAt, now).
 */
export const surveys = sqliteTable(
	'surveys',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull().unique(),
		/** JSON {"sr-Latn", "sr-Cyrl", "en"?}. */
		title: text('title').notNull(),
		/** JSON like `title`, or null. */
		description: text('description'),
		/** The event it belongs to, or null for a survey that stands alone. */
		eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
		status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }),
		closesAt: integer('closes_at', { mode: 'timestamp_ms' }),
		/** JSON array of questions (SurveyQuestion); locked once a response exists. */
		questions: text('questions').notNull(),
		/** The actor who created it (`user:3`, `token:5`, `cli`): a staff member, never a respondent. */
		createdBy: text('created_by').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		index('surveys_event').on(t.eventId),
		check('surveys_closes_after_opens', sql`${t.opensAt} IS NULL OR ${t.closesAt} IS NULL OR ${t.closesAt} > ${t.opensAt}`),
	],
)

/**
 * One anonymous set of answers. Deliberately nothing that points at a person: no IP address, no
 * user, no registration, no token, and the time only to the hour (rounded down), so a response
 * cannot be matched to a check-in, a mail or a log line by its minute.
 */
export const surveyResponses = sqliteTable(
	'survey_responses',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		surveyId: integer('survey_id')
			.notNull()
			.references(() => surveys.id, { onDelete: 'cascade' }),
		/** The event it was answered for (`?event=slug` on the survey's link), or null. */
		eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
		/** Rounded DOWN to the whole hour (UTC). */
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		/** JSON {questionId: value}, only answered questions, validated against the survey's questions. */
		answers: text('answers').notNull(),
	},
	(t) => [index('survey_responses_survey').on(t.surveyId, t.eventId)],
)

/**
 * One-time tokens for answering from a visitor's follow-up mail: only a SHA-256 of the token is
 * kept, and no response refers to a token (nor a token to a response). Both times are rounded down
 * to the hour, and the table is WITHOUT ROWID (stored in hash order), so neither the order of
 * issue nor the minute of use can be lined up with the responses.
 */
export const surveyTokens = sqliteTable(
	'survey_tokens',
	{
		tokenHash: text('token_hash').primaryKey(),
		surveyId: integer('survey_id')
			.notNull()
			.references(() => surveys.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
	},
	(t) => [index('survey_tokens_survey').on(t.surveyId)],
)

export type SurveyRow = typeof surveys.$inferSelect
export type SurveyResponseRow = typeof surveyResponses.$inferSelect
