import { hash, randomBytes } from 'node:crypto'
import { desc, eq, sql } from 'drizzle-orm'
import { apiTokens, events, type ApiTokenRow, type Role } from '#db/schema/index.ts'
import { defaultTokenExpiry, tokenNeedsTouch } from '#app/domain/account-rules.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit, type Actor } from '#app/services/commands/audit.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'

const TOKEN_PREFIX = 'sjm_'

// Tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
// Looking up by hash also keeps the comparison out of user-controlled timing.
export function hashToken(token: string): string {
	return hash('sha256', token, 'hex')
}

/**
 * A new token; its secret is returned only here. Without an expiry, an organizer or admin token
 * gets one a year ahead (a forgotten token must not work forever); a scanner token none.
 */
export function createApiToken(
	db: Db,
	input: { role: Role; name?: string; eventId?: number | null; expiresAt?: Date | null },
	actor: Actor,
	now = new Date(),
): { token: string; row: ApiTokenRow } {
	const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
	const row = writeTransaction(db, (tx) => {
		const inserted = tx
			.insert(apiTokens)
			.values({
				name: input.name?.trim() || `${input.role} token`,
				role: input.role,
				tokenHash: hashToken(token),
				eventId: input.eventId ?? null,
				expiresAt: defaultTokenExpiry(input.role, input.expiresAt, now),
				createdAt: now,
			})
			.returning()
			.get()
		recordAudit(tx, actor, 'token.create', `token:${inserted.id}`, { role: input.role, eventId: input.eventId ?? null }, now)
		return inserted
	})
	return { token, row }
}

// Every API call looks its token up: prepared once per connection (building the query each time
// cost more than running it).
const byHash = new WeakMap<Db, ReturnType<typeof prepareByHash>>()
function prepareByHash(db: Db) {
	return db
		.select()
		.from(apiTokens)
		.where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
		.prepare()
}

/**
 * The token's row if it is known, not revoked and not expired. Nothing is cached: a revoked token
 * is refused from the next request on. Its last use is written at most once a minute.
 */
export function findActiveToken(db: Db, token: string, now = new Date()): ApiTokenRow | null {
	if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
	let query = byHash.get(db)
	if (!query) byHash.set(db, (query = prepareByHash(db)))
	const row = query.get({ hash: hashToken(token) })
	if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null
	if (tokenNeedsTouch(row.lastUsedAt, now)) db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run()
	return row
}

export type ApiTokenListItem = {
	id: number
	name: string
	role: Role
	/** The event's slug for a token limited to one event. */
	event: string | null
	createdAt: Date
	expiresAt: Date | null
	lastUsedAt: Date | null
	revokedAt: Date | null
}

/** Every token, newest first, never the secret (only its hash is stored anyway). */
export function listApiTokens(db: Db): ApiTokenListItem[] {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			role: apiTokens.role,
			event: events.slug,
			createdAt: apiTokens.createdAt,
			expiresAt: apiTokens.expiresAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
		})
		.from(apiTokens)
		.leftJoin(events, eq(events.id, apiTokens.eventId))
		.orderBy(desc(apiTokens.id))
		.all()
}

/** Revokes a token (idempotent: revoking it again keeps the first time). 404 for an unknown id. */
export function revokeApiToken(db: Db, id: number, actor: Actor, now = new Date()): ApiTokenRow {
	return writeTransaction(db, (tx) => {
		const row = tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get()
		if (!row) throw new ServiceError('not_found', 404)
		if (row.revokedAt) return row
		const revoked = tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).returning().get()
		recordAudit(tx, actor, 'token.revoke', `token:${id}`, null, now)
		return revoked
	})
}
