// Reading an application's stored images: a draft by its token (before the application exists) and
// the image of an application.
import { and, eq, isNull } from 'drizzle-orm'
import { applicationImages, type ApplicationImageRow } from '#db/schema/index.ts'
import { type Db } from '#app/utils/db.server.ts'
import { hashSecretToken } from '#app/utils/secret-tokens.server.ts'

export type DraftImage = { token: string; mime: string; size: number }

/** Draft tokens: 128 random bits, base64url (22 characters); the database keeps only their SHA-256. */
export const DRAFT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/

/** A draft (not yet attached) image by its token, without its bytes; undefined for anything else. */
export function findDraftImage(db: Db, token: string): DraftImage | undefined {
	if (typeof token !== 'string' || !DRAFT_TOKEN_PATTERN.test(token)) return undefined
	const row = db
		.select({ mime: applicationImages.mime, bytes: applicationImages.bytes })
		.from(applicationImages)
		.where(and(eq(applicationImages.token, hashSecretToken(token)), isNull(applicationImages.applicationId)))
		.get()
	return row ? { token, mime: row.mime, size: row.bytes.length } : undefined
}

/** The image of an application, if it has one. */
export function findApplicationImage(db: Db, applicationId: number): ApplicationImageRow | undefined {
	return db.select().from(applicationImages).where(eq(applicationImages.applicationId, applicationId)).get()
}
