// Sending an organizer's message to an event's visitors or a fair's exhibitors: the kept message
// (event_messages) and one outbox row per recipient, all in ONE synchronous transaction, so a
// message exists if and only if all its mails are queued. An Idempotency-Key makes a retry (or a
// double click) send nothing twice.
import { eventMessages, type EventRow } from '#db/schema/index.ts'
import { actorLabel, type Actor } from '#app/domain/actor.ts'
import type { ExhibitorAudience, MessageAudience, VisitorAudience } from '#app/domain/message-input.ts'
import type { MessageTarget } from '#app/domain/vocabulary.ts'
import type { Db } from '#app/utils/db.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { enqueueMany, type Letter } from '#app/services/commands/outbox.server.ts'
import { runIdempotent, type StoredAnswer } from '#app/services/commands/idempotency.server.ts'
import { countExhibitorRecipients, countVisitorRecipients, exhibitorRecipients, visitorRecipients } from '#app/services/queries/messages.server.ts'

export type MessageCall = {
	event: EventRow
	target: MessageTarget
	audience: MessageAudience
	letter: Letter
	/** The count the sender confirmed (the admin's "Send to N people"): refused if it changed since. */
	expectedRecipients?: number
}

export function countRecipients(db: Db, eventId: number, target: MessageTarget, audience: MessageAudience): number {
	return target === 'visitors'
		? countVisitorRecipients(db, eventId, audience as VisitorAudience)
		: countExhibitorRecipients(db, eventId, audience as ExhibitorAudience)
}

/** Inside the caller's transaction: keeps the message and queues its mails. */
function sendIn(tx: Db, call: MessageCall, actor: Actor, now: Date): { id: number; recipients: number } {
	const { event, target, audience, letter } = call
	const people = target === 'visitors' ? visitorRecipients(tx, event.id, audience as VisitorAudience) : []
	const orgs = target === 'exhibitors' ? exhibitorRecipients(tx, event.id, audience as ExhibitorAudience) : []
	const recipients = people.length + orgs.length
	if (recipients === 0) throw new ServiceError('no_recipients', 409, 'audience')
	if (call.expectedRecipients !== undefined && call.expectedRecipients !== recipients) throw new ServiceError('recipients_changed', 409, 'confirm')
	const row = tx
		.insert(eventMessages)
		.values({
			eventId: event.id,
			target,
			audience,
			subject: JSON.stringify(letter.subject),
			body: JSON.stringify(letter.body),
			recipients,
			author: actorLabel(actor),
			createdAt: now,
		})
		.returning({ id: eventMessages.id })
		.get()
	if (target === 'visitors')
		enqueueMany(
			tx,
			'event-message',
			event,
			people.map((registration) => ({ registration })),
			letter,
			now,
		)
	else
		enqueueMany(
			tx,
			'fair-message',
			event,
			orgs.map((application) => ({ application })),
			letter,
			now,
		)
	return { id: row.id, recipients }
}

/**
 * POST /api/v1/{events|fairs}/{slug}/messages with `send: true` (and the admin page's send, keyed by
 * its preview): 202 {message: {id, recipients}},
 * the first answer kept under the Idempotency-Key with the message it made.
 */
export function sendMessageThroughApi(
	db: Db,
	call: MessageCall & { idempotency: { key: string | null; bodyHash: string } },
	actor: Actor,
	answerError: (error: ServiceError) => StoredAnswer,
	now = new Date(),
): StoredAnswer & { replayed: boolean } {
	return runIdempotent(
		db,
		{ scope: `messages:${call.event.id}`, ...call.idempotency },
		(tx) => ({ status: 202, body: { message: sendIn(tx, call, actor, now) } }),
		answerError,
		now,
	)
}
