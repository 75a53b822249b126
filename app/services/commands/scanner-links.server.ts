// Scanner links: a volunteer's phone is authorised for one event, until an expiry, without an
// account. A link is an API token of role scanner limited to the event; only its hash is stored,
// so the link can be shown (as a QR) once, when it is made, and revoked at any time.
import { type ScannerLinkView, scannerLinkUrl, toScannerLinkView } from '#app/services/queries/scanner-links.server.ts'
import { and, eq } from 'drizzle-orm'
import { apiTokens } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { createApiToken } from '#app/services/commands/api-tokens.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findEventById } from '#app/services/queries/events.server.ts'

/** Makes a scanner link for one event, valid until `expiresAt` (which must be in the future). */
export function createScannerLink(
	db: Db,
	input: { eventId: number; expiresAt: Date; label?: string },
	actor: Actor,
	publicUrl: string,
	now = new Date(),
): { token: string; url: string; link: ScannerLinkView } {
	const event = findEventById(db, input.eventId)
	if (!event) throw new ServiceError('not_found', 404)
	if (input.expiresAt <= now) throw new ServiceError('expiry_in_past', 422, 'expiresAt')
	const { token, row } = createApiToken(
		db,
		{ role: 'scanner', eventId: event.id, expiresAt: input.expiresAt, name: input.label?.trim() || undefined },
		actor,
		now,
	)
	return { token, url: scannerLinkUrl(publicUrl, event.slug, token), link: toScannerLinkView(row, undefined, now) }
}

/** Revokes a scanner link at once: its next request gets 401. Revoking twice changes nothing. */
export function revokeScannerLink(db: Db, id: number, actor: Actor, now = new Date()): ScannerLinkView {
	return writeTransaction(db, (tx) => {
		const row = tx
			.select()
			.from(apiTokens)
			.where(and(eq(apiTokens.id, id), eq(apiTokens.role, 'scanner')))
			.get()
		if (!row) throw new ServiceError('not_found', 404)
		if (row.revokedAt) return toScannerLinkView(row, undefined, now)
		const revoked = tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).returning().get()!
		recordAudit(tx, actor, 'token.revoke', `token:${id}`, { eventId: row.eventId }, now)
		return toScannerLinkView(revoked, undefined, now)
	})
}
