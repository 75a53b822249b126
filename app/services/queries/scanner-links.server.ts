// Scanner links as the organizer sees them: label, expiry, use (scans made, last scan) and the
// link's address. Creating and revoking them is commands/scanner-links.
import { and, eq, sql } from 'drizzle-orm'
import { apiTokens, checkins, type ApiTokenRow } from '#db/schema/index.ts'
import { type Db } from '#app/utils/db.server.ts'
import { actorLabel } from '#app/domain/actor.ts'

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

export function toScannerLinkView(row: ApiTokenRow, usage: { scans: number; last: number | null } | undefined, now: Date): ScannerLinkView {
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
	return rows.map((row) => toScannerLinkView(row, byActor.get(actorLabel({ kind: 'token', id: row.id })), now))
}
