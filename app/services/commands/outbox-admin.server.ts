// The outbox as organizers see it in /admin/outbox: what was sent, what waits, what failed, and
// sending a mail again.
import { count, desc, eq } from 'drizzle-orm'
import { OUTBOX_STATUSES, outbox, type OutboxRow, type OutboxStatus } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { withFreshLink } from '#app/services/commands/outbox.server.ts'

export const OUTBOX_PAGE_SIZE = 200

/** The newest mails first, without their parameters (the page needs none of the personal data in them). */
export function listOutbox(db: Db, filter: { status?: OutboxStatus; limit?: number } = {}) {
	return db
		.select({
			id: outbox.id,
			template: outbox.template,
			locale: outbox.locale,
			toAddress: outbox.toAddress,
			toName: outbox.toName,
			status: outbox.status,
			attempts: outbox.attempts,
			nextAttemptAt: outbox.nextAttemptAt,
			lastError: outbox.lastError,
			sentAt: outbox.sentAt,
			createdAt: outbox.createdAt,
			registrationId: outbox.registrationId,
			eventId: outbox.eventId,
		})
		.from(outbox)
		.where(filter.status ? eq(outbox.status, filter.status) : undefined)
		.orderBy(desc(outbox.id))
		.limit(filter.limit ?? OUTBOX_PAGE_SIZE)
		.all()
}

export function outboxCounts(db: Db): Record<OutboxStatus, number> {
	const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>
	for (const row of db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status).all()) counts[row.status] = row.n
	return counts
}

/** A row whose registration was erased has nothing left to send. */
function isErased(row: OutboxRow) {
	return row.toAddress === 'erased' || !row.params || Object.keys(row.params).length === 0
}

export type ResendResult = { kind: 'requeued' | 'copied'; id: number }

/**
 * Sends a mail again, at once. A failed mail goes back to the queue with a fresh set of attempts;
 * a sent one is copied (a new row, a new Message-ID) so the record of the first sending stays.
 * A mail still queued or being sent is refused (`not_resendable`): it is on its way already.
 */
export function resendOutboxMail(db: Db, id: number, actor: Actor, now = new Date()): ResendResult {
	return writeTransaction(db, (tx) => {
		const row = tx.select().from(outbox).where(eq(outbox.id, id)).get()
		if (!row) throw new ServiceError('not_found', 404)
		if (isErased(row) || (row.status !== 'failed' && row.status !== 'sent')) throw new ServiceError('not_resendable', 409)
		let result: ResendResult
		// The stored link token was blanked when the mail was sent or given up on: a fresh link goes out.
		const params = withFreshLink(tx, row.params, { registrationId: row.registrationId, applicationId: row.applicationId }, now)
		if (row.status === 'failed') {
			tx.update(outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: now, params }).where(eq(outbox.id, id)).run()
			result = { kind: 'requeued', id }
		} else {
			const copy = tx
				.insert(outbox)
				.values({
					template: row.template,
					locale: row.locale,
					toAddress: row.toAddress,
					toName: row.toName,
					params,
					status: 'pending',
					nextAttemptAt: now,
					registrationId: row.registrationId,
					eventId: row.eventId,
					applicationId: row.applicationId,
					createdAt: now,
				})
				.returning({ id: outbox.id })
				.get()
			result = { kind: 'copied', id: copy.id }
		}
		recordAudit(tx, actor, 'outbox.resend', `outbox:${id}`, { result: result.kind, id: result.id }, now)
		return result
	})
}
