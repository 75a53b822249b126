import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Answers to requests that carried an Idempotency-Key, kept for 24 hours: a client that retries
 * (a phone on a bad network) gets the first answer again and nothing is created twice.
 */
export const idempotencyKeys = sqliteTable(
	'idempotency_keys',
	{
		scope: text('scope').notNull(),
		key: text('key').notNull(),
		/** SHA-256 of the request body: the same key with a different body is a client error. */
		requestHash: text('request_hash').notNull(),
		status: integer('status').notNull(),
		body: text('body').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
)
