import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { EVENT_KINDS, EVENT_STATUSES } from '../../app/domain/vocabulary.ts'

export { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '../../app/domain/vocabulary.ts'

/**
 * An event of the Center: the yearly fair, a workshop, a round table...
 * Texts are written in Serbian Latin (the Center's working script) with an optional English
 * version; Cyrillic is derived by transliteration when shown.
 */
export const events = sqliteTable(
	'events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull().unique(),
		title: text('title').notNull(),
		titleEn: text('title_en'),
		summary: text('summary'),
		summaryEn: text('summary_en'),
		description: text('description').notNull().default(''),
		descriptionEn: text('description_en'),
		kind: text('kind', { enum: EVENT_KINDS }).notNull(),
		venueName: text('venue_name').notNull(),
		venueAddress: text('venue_address').notNull().default(''),
		venueCity: text('venue_city').notNull().default('Kruševac'),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
		/** Persons; null means no limit. */
		capacity: integer('capacity'),
		maxPartySize: integer('max_party_size').notNull().default(1),
		waitlist: integer('waitlist', { mode: 'boolean' }).notNull().default(true),
		/** When registration closes; null means at the start of the event. */
		registrationClosesAt: integer('registration_closes_at', { mode: 'timestamp_ms' }),
		status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
		/**
		 * Whether a checked-in visitor may leave and come back. Either way a repeat scan answers
		 * `already_checked_in` with the first time; when re-entry is forbidden the scanner says so and
		 * the organizer's scan log flags every repeat.
		 */
		reentryAllowed: integer('reentry_allowed', { mode: 'boolean' }).notNull().default(true),
		/**
		 * Certificates of attendance: every checked-in participant may download one from their
		 * ticket page (issue 16). Off unless an organizer turns it on.
		 */
		certificates: integer('certificates', { mode: 'boolean' }).notNull().default(false),
		/**
		 * The organizer's own questions on the registration form (issue 18), as JSON: an array of
		 * EventQuestion (app/domain/event-questions.ts), in the order asked. A question with answers
		 * is never removed, only hidden (docs/decisions/0016-event-questions-as-json.md).
		 */
		questions: text('questions').notNull().default('[]'),
		/**
		 * Hours before the start when each confirmed registration gets one reminder mail; null: no
		 * reminders. The minute sweep queues them (registrations.reminderQueuedAt).
		 */
		reminderHoursBefore: integer('reminder_hours_before').default(24),
		/** Hours after the end when checked-in visitors get a thank-you mail; null (the default): none. */
		followUpHoursAfter: integer('follow_up_hours_after'),
		/** Raised on every change of time or place, so calendar invites update (RFC 5545 SEQUENCE). */
		sequence: integer('sequence').notNull().default(0),
		/** Persons in confirmed registrations. Kept as a counter, changed only inside the write lock. */
		confirmedPersons: integer('confirmed_persons').notNull().default(0),
		/** Persons on the waiting list. */
		waitlistedPersons: integer('waitlisted_persons').notNull().default(0),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		index('events_status_starts_at').on(t.status, t.startsAt),
		check('events_capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
		check('events_party_size_positive', sql`${t.maxPartySize} >= 1`),
		check('events_ends_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
		check('events_confirmed_within_capacity', sql`${t.capacity} IS NULL OR ${t.confirmedPersons} <= ${t.capacity}`),
	],
)

export type EventRow = typeof events.$inferSelect
export type NewEventRow = typeof events.$inferInsert
