import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '#app/utils/secret-tokens.server.ts'
import { eq, sql } from 'drizzle-orm'
import { apiTokens, type ApiTokenRow, type Role } from '#db/schema/index.ts'
import { defaultTokenExpiry, tokenNeedsTouch } from '#app/domain/account-rules.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'

const TOKEN_PREFIX = 'sjm_'

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
	const token = newSecretToken(TOKEN_PREFIX)
	const row = writeTransaction(db, (tx) => {
		const inserted = tx
			.insert(apiTokens)
			.values({
				name: input.name?.trim() || `${input.role} token`,
				role: input.role,
				tokenHash: hashSecretToken(token),
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
	if (!looksLikeSecretToken(token, TOKEN_PREFIX)) return null
	let query = byHash.get(db)
	if (!query) byHash.set(db, (query = prepareByHash(db)))
	const row = query.get({ hash: hashSecretToken(token) })
	if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null
	if (tokenNeedsTouch(row.lastUsedAt, now)) db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run()
	return row
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
