// Private links (/tickets/{token}, /applications/{token}): the token is the credential, and the
// database keeps only its SHA-256. A raw token exists in memory when it is minted, in the answer
// that creates the registration or application, and in the mail that carries it; it is never
// read back from the database (docs/decisions/0008-hashed-private-links.md).
import { eq, sql } from 'drizzle-orm'
import { privateLinks } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'
import { hashSecretToken, newSecretToken } from '#app/utils/secret-tokens.server.ts'

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
	const token = newSecretToken()
	insert.run({
		tokenHash: hashSecretToken(token),
		registrationId: 'registrationId' in owner ? owner.registrationId : null,
		applicationId: 'applicationId' in owner ? owner.applicationId : null,
		createdAt: now.getTime(),
	})
	return token
}

/** Every link of a registration stops working (erasure); inside the caller's transaction. */
export function revokeRegistrationLinks(tx: Db, registrationId: number) {
	tx.delete(privateLinks).where(eq(privateLinks.registrationId, registrationId)).run()
}
