import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Settings an admin changes in the admin (not in the environment), one row per key: the Center's
 * contact for people (`contact.email`, `contact.phone`, `contact.address`), shown in the footer,
 * the privacy notice, every mail's Reply-To and every invite's ORGANIZER. A key without a row
 * falls back to its default (CONTACT_EMAIL from the environment for the address).
 */
export const siteSettings = sqliteTable('site_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})
