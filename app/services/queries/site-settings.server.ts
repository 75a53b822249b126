// Settings an admin keeps in the database (site_settings), read with their fallbacks.
import { inArray } from 'drizzle-orm'
import { siteSettings } from '#db/schema/index.ts'
import { CONTACT_KEYS, type CenterContact } from '#app/domain/center-contact.ts'
import { FUNDER_KEYS, FUNDER_TEXT_KEYS, type EmblemMeta, type FunderVisibility } from '#app/domain/funder-visibility.ts'
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

/**
 * The funder's visibility block as stored: texts, where it shows, the emblem's type and hash (not
 * its bytes). One read of a few small rows: the root loader, the reports and every mail take it.
 */
export function funderVisibility(db: Db): FunderVisibility {
	const rows = db
		.select({ key: siteSettings.key, value: siteSettings.value })
		.from(siteSettings)
		.where(inArray(siteSettings.key, [...FUNDER_TEXT_KEYS]))
		.all()
	const value = (key: string) => rows.find((r) => r.key === key)?.value || null
	const meta = value(FUNDER_KEYS.emblemMeta)
	return {
		statementSr: value(FUNDER_KEYS.statementSr),
		statementEn: value(FUNDER_KEYS.statementEn),
		disclaimerSr: value(FUNDER_KEYS.disclaimerSr),
		disclaimerEn: value(FUNDER_KEYS.disclaimerEn),
		showPublic: value(FUNDER_KEYS.showPublic) === '1',
		showMail: value(FUNDER_KEYS.showMail) === '1',
		emblem: meta ? (JSON.parse(meta) as EmblemMeta) : null,
	}
}

/** The emblem's bytes and type, for /funder-emblem and a mail's inline image; null when there is none. */
export function funderEmblem(db: Db): { meta: EmblemMeta; bytes: Buffer } | null {
	const rows = db
		.select({ key: siteSettings.key, value: siteSettings.value })
		.from(siteSettings)
		.where(inArray(siteSettings.key, [FUNDER_KEYS.emblem, FUNDER_KEYS.emblemMeta]))
		.all()
	const data = rows.find((r) => r.key === FUNDER_KEYS.emblem)?.value
	const meta = rows.find((r) => r.key === FUNDER_KEYS.emblemMeta)?.value
	if (!data || !meta) return null
	return { meta: JSON.parse(meta) as EmblemMeta, bytes: Buffer.from(data, 'base64') }
}
