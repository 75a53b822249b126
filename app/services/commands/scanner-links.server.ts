// Scanner links: a volunteer's phone is authorised for one event, until an expiry, without an
// account. A link is an API token of role scanner limited to the event; only its hash is stored,
// so the link can be shown (as a QR) once, when it is made, and revoked at any time.
import { and, eq, sql } from 'drizzle-orm'
import { apiTokens, checkins, type ApiTokenRow } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { createApiToken } from '#app/services/commands/api-tokens.server.ts'
import { actorLabel, recordAudit, type Actor } from '#app/services/commands/audit.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findEventById } from '#app/services/commands/events.server.ts'

export type ScannerLinkView = {
	id: number
	label: string
	createdAt: string
	expiresAt: string | null
	revokedAt: string | null
	/** Neither revoked nor expired. */
	active: boolean
	/** Scans recorded with this link, and the latest one's time. */
	scans: number
	lastScanAt: string | null
}

/**
 * The address the volunteer opens. The token is in the fragment: browsers never send a fragment
 * to the server, so it stays out of access logs and Referer headers; the /scan page reads it,
 * keeps it on the phone and sends it as `Authorization: Bearer`.
 */
export function scannerLinkUrl(publicUrl: string, eventSlug: string, token: string): string {
	return `${publicUrl}/scan?event=${encodeURIComponent(eventSlug)}#token=${encodeURIComponent(token)}`
}

function view(row: ApiTokenRow, usage: { scans: number; last: number | null } | undefined, now: Date): ScannerLinkView {
	return {
		id: row.id,
		label: row.name,
		createdAt: row.createdAt.toISOString(),
		expiresAt: row.expiresAt?.toISOString() ?? null,
		revokedAt: row.revokedAt?.toISOString() ?? null,
		active: !row.revokedAt && (!row.expiresAt || row.expiresAt > now),
		scans: usage?.scans ?? 0,
		lastScanAt: usage?.last ? new Date(usage.last).toISOString() : null,
	}
}

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
	return { token, url: scannerLinkUrl(publicUrl, event.slug, token), link: view(row, undefined, now) }
}

/** The event's scanner links, newest first, with how much each was used. */
export function listScannerLinks(db: Db, eventId: number, now = new Date()): ScannerLinkView[] {
	const rows = db
		.select()
		.from(apiTokens)
		.where(and(eq(apiTokens.eventId, eventId), eq(apiTokens.role, 'scanner')))
		.orderBy(sql`${apiTokens.id} DESC`)
		.all()
	if (rows.length === 0) return []
	const usage = db
		.select({ actor: checkins.actor, scans: sql<number>`count(*)`, last: sql<number | null>`max(${checkins.recordedAt})` })
		.from(checkins)
		.where(eq(checkins.eventId, eventId))
		.groupBy(checkins.actor)
		.all()
	const byActor = new Map(usage.map((u) => [u.actor, { scans: Number(u.scans), last: u.last === null ? null : Number(u.last) }]))
	return rows.map((row) => view(row, byActor.get(actorLabel({ kind: 'token', id: row.id })), now))
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
		if (row.revokedAt) return view(row, undefined, now)
		const revoked = tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).returning().get()!
		recordAudit(tx, actor, 'token.revoke', `token:${id}`, { eventId: row.eventId }, now)
		return view(revoked, undefined, now)
	})
}
