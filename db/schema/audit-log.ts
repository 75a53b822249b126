import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Who did what, when: every organizer and API change is written here in the same transaction. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		/** "user:12", "token:3", "cli" or "system" */
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		/** "event:5" */
		subject: text('subject'),
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
	},
	(t) => [index('audit_log_subject').on(t.subject, t.at)],
)
