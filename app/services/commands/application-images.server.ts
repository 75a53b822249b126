// An application's logo or product photo. The form uploads it with the rest of the fields; when the
// form fails on another field the image is kept as a draft (no application yet) and the form carries
// its token, so the exhibitor need not choose the file again. The bytes decide what a file is
// (checkUpload): the name and declared type are never trusted.
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm'
import { applicationImages } from '#db/schema/index.ts'
import { checkUpload } from '#app/domain/image-check.ts'
import { releaseFreePages, writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { hashSecretToken } from '#app/utils/secret-tokens.server.ts'
import { DRAFT_TOKEN_PATTERN, type DraftImage } from '#app/services/queries/application-images.server.ts'

/** All drafts together stay under this; past it a failed form keeps no new logo. */
export const DRAFT_TOTAL_LIMIT_BYTES = 64 * 1024 * 1024
/** One client's drafts within DRAFT_WINDOW_MS stay under this. */
export const DRAFT_PER_CLIENT_LIMIT_BYTES = 8 * 1024 * 1024
/** A draft waits this long for its form to be sent again (then the sweep deletes it). */
export const DRAFT_WINDOW_MS = 24 * 60 * 60 * 1000

// Bytes of drafts each client stored lately. In memory, like the rate limit: one process is the
// whole deployment, and a restart forgetting it only lets a client store one more budget.
const storedByClient = new Map<string, { at: number; bytes: number }[]>()

function clientDraftBytes(client: string, now: number): number {
	const recent = (storedByClient.get(client) ?? []).filter((entry) => entry.at > now - DRAFT_WINDOW_MS)
	if (recent.length) storedByClient.set(client, recent)
	else storedByClient.delete(client)
	return recent.reduce((sum, entry) => sum + entry.bytes, 0)
}

function forgetOldBudgets(now: number) {
	for (const client of storedByClient.keys()) clientDraftBytes(client, now)
}

/**
 * Stores an uploaded image as a draft. `image_empty`, `image_too_large`, `image_not_allowed` (422,
 * field `logo`) when the bytes are not a PNG, JPEG or WebP of at most 2 MiB; `image_not_kept`
 * (422, field `logo`) when the client's or everyone's drafts are at their limit. `budget`: the
 * image is kept for a form that failed, so the limits on drafts apply; without it the image is
 * attached to an application being saved right now.
 */
export function storeDraftImage(db: Db, bytes: Uint8Array, now = new Date(), budget?: { client: string }): DraftImage {
	const check = checkUpload(bytes)
	if (!check.ok)
		throw new ServiceError(check.key === 'imageEmpty' ? 'image_empty' : check.key === 'imageTooLarge' ? 'image_too_large' : 'image_not_allowed', 422, 'logo')
	const buffer = Buffer.from(bytes)
	if (budget && clientDraftBytes(budget.client, now.getTime()) + buffer.length > DRAFT_PER_CLIENT_LIMIT_BYTES)
		throw new ServiceError('image_not_kept', 422, 'logo')
	const token = randomBytes(16).toString('base64url')
	const insertImage = (tx: Db) =>
		tx
			.insert(applicationImages)
			.values({
				token: hashSecretToken(token),
				applicationId: null,
				mime: check.mimeType,
				bytes: buffer,
				sha256: createHash('sha256').update(buffer).digest('hex'),
				createdAt: now,
			})
			.run()
	writeTransaction(db, (tx) => {
		if (!budget) return insertImage(tx)
		const stored = tx
			.select({ bytes: sql<number>`coalesce(sum(length(${applicationImages.bytes})), 0)` })
			.from(applicationImages)
			.where(isNull(applicationImages.applicationId))
			.get()
		if ((stored?.bytes ?? 0) + buffer.length > DRAFT_TOTAL_LIMIT_BYTES) throw new ServiceError('image_not_kept', 422, 'logo')
		insertImage(tx)
	})
	if (budget) storedByClient.set(budget.client, [...(storedByClient.get(budget.client) ?? []), { at: now.getTime(), bytes: buffer.length }])
	return { token, mime: check.mimeType, size: buffer.length }
}

/**
 * Attaches a draft image to an application, replacing the one it had. Call inside the transaction
 * that saves the application. Returns false (and changes nothing) when the token names no draft:
 * it expired, or it was attached already.
 */
export function attachDraftImage(tx: Db, token: string, applicationId: number, now = new Date()): boolean {
	if (typeof token !== 'string' || !DRAFT_TOKEN_PATTERN.test(token)) return false
	const draft = tx
		.select({ id: applicationImages.id })
		.from(applicationImages)
		.where(and(eq(applicationImages.token, hashSecretToken(token)), isNull(applicationImages.applicationId)))
		.get()
	if (!draft) return false
	tx.delete(applicationImages)
		.where(and(eq(applicationImages.applicationId, applicationId), ne(applicationImages.id, draft.id)))
		.run()
	tx.update(applicationImages).set({ applicationId }).where(eq(applicationImages.id, draft.id)).run()
	recordAudit(tx, { kind: 'system' }, 'application.image_attached', `application:${applicationId}`, null, now)
	return true
}

/**
 * Deletes drafts created before `olderThan` (forms abandoned after a failed submit) and gives
 * their pages back to the file system (the database runs in incremental auto-vacuum mode, see
 * openDatabase). Returns how many.
 */
export function purgeDraftImages(db: Db, olderThan: Date): number {
	forgetOldBudgets(olderThan.getTime() + DRAFT_WINDOW_MS)
	const deleted = writeTransaction(db, (tx) => {
		const result = tx
			.delete(applicationImages)
			.where(and(isNull(applicationImages.applicationId), lt(applicationImages.createdAt, olderThan)))
			.run()
		return result.changes
	})
	if (deleted > 0) releaseFreePages(db)
	return deleted
}
