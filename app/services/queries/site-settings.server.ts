// Settings an admin keeps in the database (site_settings), read with their fallbacks.
import { inArray } from 'drizzle-orm'
import { siteSettings } from '#db/schema/index.ts'
import { CONTACT_KEYS, type CenterContact } from '#app/domain/center-contact.ts'
import type { Db } from '#app/utils/db.server.ts'

/**
 * The Center's contact for people, the single source for the footer, the privacy notice, mail's
 * Reply-To and invites' ORGANIZER: the admin's settings, the address falling back to CONTACT_EMAIL.
 */
export function centerContact(db: Db, env: { CONTACT_EMAIL?: string | undefined }): CenterContact {
	const rows = db
		.select({ key: siteSettings.key, value: siteSettings.value })
		.from(siteSettings)
		.where(inArray(siteSettings.key, Object.values(CONTACT_KEYS)))
		.all()
	const value = (key: string) => rows.find((r) => r.key === key)?.value || null
	return {
		email: value(CONTACT_KEYS.email) ?? env.CONTACT_EMAIL ?? null,
		phone: value(CONTACT_KEYS.phone),
		address: value(CONTACT_KEYS.address),
	}
}

/** What the settings page shows in its fields: only what the admin set (not the environment's fallback). */
export function storedCenterContact(db: Db): CenterContact {
	return centerContact(db, {})
}
