import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const ROLES = ['admin', 'organizer', 'scanner'] as const
export type Role = (typeof ROLES)[number]

/** Staff of the Center: organizers, admins and (rarely) scanner accounts. Visitors have no account. */
export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	/** scrypt$N$r$p$salt$hash, see app/utils/password.server.ts */
	passwordHash: text('password_hash').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/** Login sessions. The cookie holds only the random id; the row holds the rest. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('sessions_user').on(t.userId)],
)

export type UserRow = typeof users.$inferSelect
