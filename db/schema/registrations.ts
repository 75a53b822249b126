import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { LOCALES } from '../../app/domain/locale.ts'
import { CANCELLED_BY, REGISTRATION_SOURCES, REGISTRATION_STATUSES } from '../../app/domain/vocabulary.ts'
import { events } from './events.ts'

export {
	CANCELLED_BY,
	REGISTRATION_SOURCES,
	REGISTRATION_STATUSES,
	type CancelledBy,
	type RegistrationSource,
	type RegistrationStatus,
} from '../../app/domain/vocabulary.ts'

/**
 * A visitor's registration: one person or a family/group (partySize persons) for one event.
 * Demographic answers are optional and used only in aggregates with small cells suppressed.
 */
export const registrations = sqliteTable(
	'registrations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'restrict' }),
		status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
		name: text('name').notNull(),
		/**
		 * Lower-cased, so the same address is recognised whatever its case. Null only for a
		 * registration an organizer took at the door or on the phone without one (no mails then).
		 */
		email: text('email'),
		/** A phone number, for a registration taken without an email address; free text as given. */
		phone: text('phone'),
		partySize: integer('party_size').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		/** The signed code in the QR; null unless confirmed. A new code revokes the old one. */
		ticketCode: text('ticket_code').unique(),
		privacyAcceptedAt: integer('privacy_accepted_at', { mode: 'timestamp_ms' }).notNull(),
		consentPhotos: integer('consent_photos', { mode: 'boolean' }).notNull().default(false),
		consentNewsletter: integer('consent_newsletter', { mode: 'boolean' }).notNull().default(false),
		consentResearch: integer('consent_research', { mode: 'boolean' }).notNull().default(false),
		/** Name and municipality may go on the list of participants the Center sends its funders (issue 16). */
		consentFunderList: integer('consent_funder_list', { mode: 'boolean' }).notNull().default(false),
		/**
		 * The answers to the event's own questions (issue 18), as JSON keyed by question id; null
		 * when none. Erased with the person.
		 */
		answers: text('answers'),
		gender: text('gender'),
		ageGroup: text('age_group'),
		municipality: text('municipality'),
		vulnerableGroup: text('vulnerable_group'),
		source: text('source', { enum: REGISTRATION_SOURCES }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
		/** Set when the party was moved from the waiting list to confirmed. */
		promotedAt: integer('promoted_at', { mode: 'timestamp_ms' }),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		cancelledBy: text('cancelled_by', { enum: CANCELLED_BY }),
		/** When the party was first admitted at the door (the earliest admitting scan's device time). */
		checkedInAt: integer('checked_in_at', { mode: 'timestamp_ms' }),
		/** The device (or, without a device id, the actor) of that first admitting scan. */
		checkedInBy: text('checked_in_by'),
		/** When the reminder before the event was queued (once: the sweep skips a set one). */
		reminderQueuedAt: integer('reminder_queued_at', { mode: 'timestamp_ms' }),
		/** When the thank-you after the event was queued (once). */
		followUpQueuedAt: integer('follow_up_queued_at', { mode: 'timestamp_ms' }),
		/**
		 * When the person stopped the mails they do not need to take part (reminders, thank-yous,
		 * messages to all) for this event, by the one-click link; tickets, changes and cancellations
		 * still go.
		 */
		optionalMailStoppedAt: integer('optional_mail_stopped_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		// One live registration per address and event; after cancelling, one may register again.
		uniqueIndex('registrations_event_email_live')
			.on(t.eventId, t.email)
			.where(sql`${t.status} <> 'cancelled'`),
		// The waiting list in registration order, and the organizer's lists by status.
		index('registrations_event_status').on(t.eventId, t.status, t.id),
		// Check-in counts and the arrivals chart.
		index('registrations_event_checked_in').on(t.eventId, t.checkedInAt),
		check('registrations_party_size_positive', sql`${t.partySize} >= 1`),
	],
)

export type RegistrationRow = typeof registrations.$inferSelect
export type NewRegistrationRow = typeof registrations.$inferInsert
