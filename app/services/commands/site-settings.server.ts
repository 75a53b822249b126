// Changing the settings an admin keeps in the database (site_settings).
import { randomBytes } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { siteSettings } from '#db/schema/index.ts'
import type { Actor } from '#app/domain/actor.ts'
import { CONTACT_KEYS } from '#app/domain/center-contact.ts'
import type { CenterContactInput } from '#app/domain/center-contact-input.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'

/**
 * Sets the Center's contact: a given field is stored, an empty one removed (the address then
 * falls back to CONTACT_EMAIL). Audit-logged with the values, which are the Center's, not a person's.
 */
export function saveCenterContact(db: Db, input: CenterContactInput, actor: Actor, now = new Date()) {
	writeTransaction(db, (tx) => {
		const entries = (Object.keys(CONTACT_KEYS) as (keyof typeof CONTACT_KEYS)[]).map((field) => [CONTACT_KEYS[field], input[field] ?? null] as const)
		const cleared = entries.filter(([, value]) => value === null).map(([key]) => key)
		if (cleared.length) tx.delete(siteSettings).where(inArray(siteSettings.key, cleared)).run()
		for (const [key, value] of entries) {
			if (value === null) continue
			tx.insert(siteSettings)
				.values({ key, value, updatedAt: now })
				.onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: now } })
				.run()
		}
		recordAudit(tx, actor, 'settings.contact', null, { email: input.email ?? null, phone: input.phone ?? null, address: input.address ?? null }, now)
	})
}

/** Not a setting an admin sees: the database's random part of every Message-ID (outboxMessageId). */
const MAIL_ID_NONCE_KEY = 'mail.message-id-nonce'
const nonces = new WeakMap<Db, string>()

/**
 * The random part of this database's Message-IDs, made the first time mail is sent and kept:
 * a retry keeps its Message-ID, a recreated database (whose outbox counts from 1 again) gets new ones.
 */
export function mailIdNonce(db: Db, now = new Date()): string {
	const known = nonces.get(db)
	if (known) return known
	const read = () => db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, MAIL_ID_NONCE_KEY)).get()?.value
	let nonce = read()
	if (!nonce) {
		nonce = writeTransaction(db, (tx) => {
			tx.insert(siteSettings)
				.values({ key: MAIL_ID_NONCE_KEY, value: randomBytes(9).toString('base64url'), updatedAt: now })
				.onConflictDoNothing()
				.run()
			return tx.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, MAIL_ID_NONCE_KEY)).get()!.value
		})
	}
	nonces.set(db, nonce)
	return nonce
}
