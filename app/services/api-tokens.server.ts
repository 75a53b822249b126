import { hash, randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { apiTokens, type ApiTokenRow, type Role } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit, type Actor } from './audit.server.ts'

const TOKEN_PREFIX = 'sjm_'

// Tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
// Looking up by hash also keeps the comparison out of user-controlled timing.
export function hashToken(token: string): string {
	return hash('sha256', token, 'hex')
}

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
				expiresAt: input.expiresAt ?? null,
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
	return db.select().from(apiTokens).where(eq(apiTokens.tokenHash, sql.placeholder('hash'))).prepare()
}

/** The token's row if it is known, not revoked and not expired. */
export function findActiveToken(db: Db, token: string, now = new Date()): ApiTokenRow | null {
	if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
	let query = byHash.get(db)
	if (!query) byHash.set(db, (query = prepareByHash(db)))
	const row = query.get({ hash: hashToken(token) })
	if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null
	return row
}
