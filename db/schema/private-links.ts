import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { applications } from './applications.ts'
import { registrations } from './registrations.ts'

/**
 * The private links of tickets (/tickets/{token}) and applications (/applications/{token}), stored
 * only as the SHA-256 of the token (hex): the database never holds a link that opens anything. A
 * link is minted for each mail that carries one and for the answer that creates the registration
 * or application; all of a person's links stay valid until their data are erased
 * (docs/decisions/0008-hashed-private-links.md).
 */
export const privateLinks = sqliteTable(
	'private_links',
	{
		tokenHash: text('token_hash').primaryKey(),
		registrationId: integer('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
		applicationId: integer('application_id').references(() => applications.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		index('private_links_registration').on(t.registrationId),
		index('private_links_application').on(t.applicationId),
		check('private_links_one_owner', sql`(${t.registrationId} IS NULL) <> (${t.applicationId} IS NULL)`),
	],
)

export type PrivateLinkRow = typeof privateLinks.$inferSelect
