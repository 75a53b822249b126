// Who a private link (/tickets/{token}, /applications/{token}) belongs to: looked up by the
// token's hash (docs/decisions/0008-hashed-private-links.md).
import { eq } from 'drizzle-orm'
import { privateLinks } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'
import { hashSecretToken, looksLikeSecretToken } from '#app/utils/secret-tokens.server.ts'

/** Who a link belongs to, looked up by the token's hash (a lookup by hash needs no constant-time compare). */
export function findLinkOwner(db: Db, token: string): { registrationId: number | null; applicationId: number | null } | undefined {
	if (!looksLikeSecretToken(token)) return undefined
	return db
		.select({ registrationId: privateLinks.registrationId, applicationId: privateLinks.applicationId })
		.from(privateLinks)
		.where(eq(privateLinks.tokenHash, hashSecretToken(token)))
		.get()
}
