import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { LOCALES } from '../../app/domain/locale.ts'
import { applications } from './applications.ts'
import { events } from './events.ts'
import { registrations } from './registrations.ts'

// withheld: an optional mail (reminder, thank-you, message) that was not sent because the person
// stopped these mails or the registration, application or event was cancelled after it was queued.
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'withheld'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/**
 * Mail waiting to go out. Written in the same transaction as the change that causes it, delivered
 * after commit by the worker; a row is the durable promise that the mail will be sent.
 * The template and its parameters are stored, not the rendered mail: rendering happens at
 * delivery, outside the write lock.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		template: text('template').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull(),
		toAddress: text('to_address').notNull(),
		toName: text('to_name'),
		params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		lastError: text('last_error'),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		messageId: text('message_id'),
		registrationId: integer('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
		eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
		/** Set for mails about an exhibitor application (erasing the application blanks them). */
		applicationId: integer('application_id').references(() => applications.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		index('outbox_due').on(t.status, t.nextAttemptAt),
		index('outbox_registration').on(t.registrationId),
		index('outbox_application').on(t.applicationId),
	],
)

export type OutboxRow = typeof outbox.$inferSelect
