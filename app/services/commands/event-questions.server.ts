// Changing an event's own questions (issue 18): the whole list at once, in one transaction that
// refuses to remove an answered question (or change its kind or drop its options), so answers
// always have their question. Writing the event row changes the data version, so the cached
// public event page is rendered anew (server/page-cache.mjs).
import { eq } from 'drizzle-orm'
import { events, type EventRow } from '#db/schema/index.ts'
import { answeredQuestionChange, eventQuestionsFromBody, type EventQuestionsBody } from '#app/domain/event-questions.ts'
import type { Actor } from '#app/domain/actor.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { answeredQuestionIds, eventQuestions } from '#app/services/queries/event-questions.server.ts'
import { findEventById } from '#app/services/queries/events.server.ts'

/**
 * Replaces the event's questions with the body's. Refused with 409 `question_answered_removed` /
 * `question_answered_changed` (field `questions.{id}`) when that would take an answered question away.
 */
export function saveEventQuestions(db: Db, eventId: number, body: EventQuestionsBody, actor: Actor, now = new Date()): EventRow {
	return writeTransaction(db, (tx) => {
		const event = findEventById(tx, eventId)
		if (!event) throw new ServiceError('not_found', 404)
		const before = eventQuestions(event)
		const after = eventQuestionsFromBody(body, before)
		const broken = answeredQuestionChange(before, after, answeredQuestionIds(tx, eventId))
		if (broken) throw new ServiceError(broken.reason, 409, `questions.${broken.id}`)
		const saved = tx
			.update(events)
			.set({ questions: JSON.stringify(after), updatedAt: now })
			.where(eq(events.id, eventId))
			.returning()
			.get()!
		recordAudit(tx, actor, 'event.questions', `event:${eventId}`, { questions: after.map((q) => q.id) }, now)
		return saved
	})
}
