// Changing the settings an admin keeps in the database (site_settings).
import { createHash, randomBytes } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { siteSettings } from '#db/schema/index.ts'
import type { Actor } from '#app/domain/actor.ts'
import { CONTACT_KEYS, type CenterContactInput } from '#app/domain/center-contact.ts'
import { FUNDER_KEYS, type EmblemMeta, type FunderVisibilityInput } from '#app/domain/funder-visibility.ts'
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

/** An emblem already checked (image-check.ts: PNG or JPEG by its bytes, within MAX_EMBLEM_BYTES). */
export type CheckedEmblem = { bytes: Uint8Array; mime: EmblemMeta['mime'] }

/**
 * Sets the funder's visibility block: the texts (an empty one removed), where it shows, and the
 * emblem: a new one replaces the old, `removeEmblem` drops it, neither keeps it. One transaction,
 * so the public page cache (keyed by the data version) shows the change on the next request.
 * Audit-logged with the texts and the emblem's hash, not its bytes.
 */
export function saveFunderVisibility(db: Db, input: FunderVisibilityInput, emblem: CheckedEmblem | null, actor: Actor, now = new Date()) {
	writeTransaction(db, (tx) => {
		const put = (key: string, value: string | null | undefined) => {
			if (value === null || value === undefined || value === '') {
				tx.delete(siteSettings).where(eq(siteSettings.key, key)).run()
				return
			}
			tx.insert(siteSettings)
				.values({ key, value, updatedAt: now })
				.onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: now } })
				.run()
		}
		put(FUNDER_KEYS.statementSr, input.statementSr)
		put(FUNDER_KEYS.statementEn, input.statementEn)
		put(FUNDER_KEYS.disclaimerSr, input.disclaimerSr)
		put(FUNDER_KEYS.disclaimerEn, input.disclaimerEn)
		put(FUNDER_KEYS.showPublic, input.showPublic ? '1' : null)
		put(FUNDER_KEYS.showMail, input.showMail ? '1' : null)
		let emblemChange: string | null = null
		if (emblem) {
			const meta: EmblemMeta = { mime: emblem.mime, sha256: createHash('sha256').update(emblem.bytes).digest('hex'), bytes: emblem.bytes.length }
			put(FUNDER_KEYS.emblem, Buffer.from(emblem.bytes).toString('base64'))
			put(FUNDER_KEYS.emblemMeta, JSON.stringify(meta))
			emblemChange = meta.sha256
		} else if (input.removeEmblem) {
			put(FUNDER_KEYS.emblem, null)
			put(FUNDER_KEYS.emblemMeta, null)
			emblemChange = 'removed'
		}
		recordAudit(
			tx,
			actor,
			'settings.funder',
			null,
			{
				statementSr: input.statementSr ?? null,
				statementEn: input.statementEn ?? null,
				disclaimerSr: input.disclaimerSr ?? null,
				disclaimerEn: input.disclaimerEn ?? null,
				showPublic: input.showPublic,
				showMail: input.showMail,
				emblem: emblemChange,
			},
			now,
		)
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
