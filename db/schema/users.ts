import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { ROLES } from '../../app/domain/vocabulary.ts'

export { ROLES, type Role } from '../../app/domain/vocabulary.ts'

/** Staff of the Center: organizers, admins and (rarely) scanner accounts. Visitors have no account. */
export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	/** scrypt$N$r$p$salt$hash, see app/utils/password.server.ts */
	passwordHash: text('password_hash').notNull(),
	/** Set: the user can no longer log in and has no sessions. Kept, not deleted: the audit log names them. */
	disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * Login sessions. The cookie holds the random id; the row holds only its SHA-256 (a copy of the
 * database lets nobody log in), plus when it ends: `expiresAt` is the absolute cap, `lastSeenAt`
 * the idle timeout (updated at most once a minute).
 */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('sessions_user').on(t.userId)],
)

/**
 * A colleague invited by email. The user is created when they follow the one-time link and choose
 * a password; until then this row is all there is. Only a SHA-256 of the link's token is stored.
 */
export const invitations = sqliteTable(
	'invitations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull(),
		name: text('name'),
		role: text('role', { enum: ROLES }).notNull(),
		locale: text('locale').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: integer('invited_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** Set when the link was used (the user exists) or withdrawn by a newer invitation. */
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('invitations_email').on(t.email)],
)

/** A "forgot password" link: one use, short-lived. Only a SHA-256 of its token is stored. */
export const passwordResets = sqliteTable(
	'password_resets',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('password_resets_user').on(t.userId)],
)

export type UserRow = typeof users.$inferSelect
export type InvitationRow = typeof invitations.$inferSelect
