import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { ROLES } from '../../app/domain/vocabulary.ts'
import { events } from './events.ts'

/** Bearer tokens for the JSON API. Only a SHA-256 of the token is stored. */
export const apiTokens = sqliteTable('api_tokens', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	/** A scanner token may be limited to one event. */
	eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
	revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
	lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

export type ApiTokenRow = typeof apiTokens.$inferSelect
