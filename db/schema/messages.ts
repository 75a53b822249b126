import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { events } from './events.ts'
import { MESSAGE_TARGETS } from '../../app/domain/vocabulary.ts'

/**
 * A message an organizer sent to the people of an event (visitors) or a fair (exhibitors): kept
 * with its audience, how many it went to, who sent it and when. The mails themselves are outbox
 * rows (one per recipient, in the recipient's language).
 */
export const eventMessages = sqliteTable(
	'event_messages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		target: text('target', { enum: MESSAGE_TARGETS }).notNull(),
		/** One of VISITOR_AUDIENCES or EXHIBITOR_AUDIENCES (by target). */
		audience: text('audience').notNull(),
		/** JSON {"sr-Latn", "sr-Cyrl", "en"?}: the subject as each language reads it. */
		subject: text('subject').notNull(),
		/** JSON like `subject`: plain text with paragraphs and links, never HTML. */
		body: text('body').notNull(),
		recipients: integer('recipients').notNull(),
		/** The actor who sent it (`user:3`, `token:5`). */
		author: text('author').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('event_messages_event').on(t.eventId, t.createdAt)],
)
