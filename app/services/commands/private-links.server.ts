// Private links (/tickets/{token}, /applications/{token}): the token is the credential, and the
// database keeps only its SHA-256. A raw token exists in memory when it is minted, in the answer
// that creates the registration or application, and in the mail that carries it; it is never
// read back from the database (docs/decisions/0008-hashed-private-links.md).
import { createHash, randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { privateLinks } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'

/** 256 random bits, base64url: 43 characters. */
export function newLinkToken(): string {
	return randomBytes(32).toString('base64url')
}

/** What the database keeps of a token: SHA-256, hex (also registered as SQL `sha256()` for migrations). */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex')
}

/** Tokens minted since 2025 are 43 characters; the bounds leave room and refuse junk before hashing. */
export function looksLikeLinkToken(token: unknown): token is string {
	return typeof token === 'string' && token.length >= 40 && token.length <= 64 && /^[A-Za-z0-9_-]+$/.test(token)
}

export type LinkOwner = { registrationId: number } | { applicationId: number }

// Prepared once per connection: a link is minted with nearly every mail (the registration hot path).
const inserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>()
function prepareInsert(db: Db) {
	const p = (name: string) => sql.placeholder(name)
	return db
		.insert(privateLinks)
		.values({ tokenHash: p('tokenHash'), registrationId: p('registrationId'), applicationId: p('applicationId'), createdAt: sql`${p('createdAt')}` })
		.prepare()
}

/** Mints a new private link for a registration or an application; inside the caller's transaction. Returns the raw token. */
export function mintPrivateLink(tx: Db, owner: LinkOwner, now: Date): string {
	let insert = inserts.get(tx)
	if (!insert) inserts.set(tx, (insert = prepareInsert(tx)))
	const token = newLinkToken()
	insert.run({
		tokenHash: hashToken(token),
		registrationId: 'registrationId' in owner ? owner.registrationId : null,
		applicationId: 'applicationId' in owner ? owner.applicationId : null,
		createdAt: now.getTime(),
	})
	return token
}

/** Who a link belongs to, looked up by the token's hash (a lookup by hash needs no constant-time compare). */
export function findLinkOwner(db: Db, token: string): { registrationId: number | null; applicationId: number | null } | undefined {
	if (!looksLikeLinkToken(token)) return undefined
	return db
		.select({ registrationId: privateLinks.registrationId, applicationId: privateLinks.applicationId })
		.from(privateLinks)
		.where(eq(privateLinks.tokenHash, hashToken(token)))
		.get()
}

/** Every link of a registration stops working (erasure); inside the caller's transaction. */
export function revokeRegistrationLinks(tx: Db, registrationId: number) {
	tx.delete(privateLinks).where(eq(privateLinks.registrationId, registrationId)).run()
}
