// Idempotency-Key for public POSTs (pretix-style): the first answer to a key is stored in the same
// transaction as the change it describes, so a retry gets exactly that answer and creates nothing.
import { createHash } from 'node:crypto'
import { and, eq, lt } from 'drizzle-orm'
import { idempotencyKeys } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000

export type StoredAnswer = { status: number; body: unknown }

/**
 * For answers that carry a private link or personal data: what is stored is `minimize(answer)`
 * (e.g. only the id), and a replay answers `rebuild(tx, stored)` (current data, a freshly minted
 * link), so the idempotency table never holds a usable link or a copy of the person's data.
 */
export type PrivateAnswer = { minimize(answer: StoredAnswer): StoredAnswer; rebuild(tx: Db, stored: StoredAnswer): StoredAnswer }

export function hashRequestBody(text: string) {
	return createHash('sha256').update(text).digest('hex')
}

/**
 * Runs `work` once per (scope, key). A ServiceError thrown by `work` rolls its writes back (a
 * savepoint) and its answer, made by `answerError`, is stored like any other first answer.
 * Without a key, `work` simply runs in a transaction.
 */
export function runIdempotent(
	db: Db,
	call: { scope: string; key: string | null; bodyHash: string },
	work: (tx: Db) => StoredAnswer,
	answerError: (error: ServiceError) => StoredAnswer,
	now = new Date(),
	privateAnswer?: PrivateAnswer,
): StoredAnswer & { replayed: boolean } {
	return writeTransaction(db, (tx) => {
		if (call.key) {
			const previous = tx
				.select()
				.from(idempotencyKeys)
				.where(and(eq(idempotencyKeys.scope, call.scope), eq(idempotencyKeys.key, call.key)))
				.get()
			if (previous && previous.createdAt.getTime() > now.getTime() - IDEMPOTENCY_TTL_MS) {
				if (previous.requestHash !== call.bodyHash)
					return { ...answerError(new ServiceError('idempotency_key_reused', 422, 'Idempotency-Key')), replayed: false }
				const stored = { status: previous.status, body: JSON.parse(previous.body) as unknown }
				return { ...(privateAnswer ? privateAnswer.rebuild(tx, stored) : stored), replayed: true }
			}
			if (previous)
				tx.delete(idempotencyKeys)
					.where(and(eq(idempotencyKeys.scope, call.scope), eq(idempotencyKeys.key, call.key)))
					.run()
		}
		let answer: StoredAnswer
		try {
			// Nested, writeTransaction is a savepoint: a refusal undoes only this part.
			answer = writeTransaction(tx, work)
		} catch (error) {
			if (!(error instanceof ServiceError)) throw error
			answer = answerError(error)
		}
		if (call.key) {
			const stored = privateAnswer ? privateAnswer.minimize(answer) : answer
			tx.delete(idempotencyKeys)
				.where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
				.run()
			tx.insert(idempotencyKeys)
				.values({
					scope: call.scope,
					key: call.key,
					requestHash: call.bodyHash,
					status: stored.status,
					body: JSON.stringify(stored.body),
					createdAt: now,
				})
				.run()
		}
		return { ...answer, replayed: false }
	})
}
