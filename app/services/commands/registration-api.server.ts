// The registrations part of the JSON API (CONTRACT.md): registering with an Idempotency-Key, and
// the organizer's list. The rules are registerVisitor's; this file only shapes the answers.
import { and, asc, count, eq, gt, lte } from 'drizzle-orm'
import { events, registrations, type EventRow, type RegistrationStatus } from '#db/schema/index.ts'
import type { RegistrationInput } from '#app/domain/registration-input.ts'
import { pageOf, type PageQuery } from '#app/domain/paging.ts'
import { writeInBatch, type Db } from '#app/utils/db.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { runIdempotent, type PrivateAnswer, type StoredAnswer } from '#app/services/commands/idempotency.server.ts'
import { mintPrivateLink } from '#app/services/commands/private-links.server.ts'
import { toRegistrationJson } from '#app/services/views/registration-json.server.ts'
import { registerVisitor } from '#app/services/commands/registrations.server.ts'
import { currentWaitlistPosition } from '#app/services/queries/registrations.server.ts'

/**
 * POST /api/v1/events/{slug}/registrations. The first answer to an Idempotency-Key is stored with
 * the registration it made (or the refusal), and a retry gets it back unchanged. An address that
 * is already registered gets 409 and its manage link by mail, never in the answer.
 * `answerError` turns a refusal into the API's error body, in the caller's language.
 */
export function registerThroughApi(
	db: Db,
	call: {
		slug: string
		input: RegistrationInput
		idempotency: { key: string | null; bodyHash: string }
		publicUrl: string
	},
	answerError: (error: ServiceError) => StoredAnswer,
	now = new Date(),
): StoredAnswer & { replayed: boolean } {
	return runIdempotent(
		db,
		{ scope: `registrations:${call.slug}`, ...call.idempotency },
		(tx) => {
			const result = registerVisitor(tx, { slug: call.slug }, call.input, 'api', { kind: 'system' }, now)
			if (result.kind === 'already_registered') return answerError(new ServiceError('already_registered', 409))
			return {
				status: 201,
				body: { registration: toRegistrationJson(result.registration, result.event, call.publicUrl, result.position, result.manageToken) },
			}
		},
		answerError,
		now,
		registrationAnswerById(call.publicUrl, answerError, now),
	)
}

/**
 * A created registration is kept under its Idempotency-Key as its id only; a retry gets it as it
 * is now with a newly minted link (the first link is not stored anywhere it could be read back).
 */
function registrationAnswerById(publicUrl: string, answerError: (error: ServiceError) => StoredAnswer, now: Date): PrivateAnswer {
	return {
		minimize: (answer) =>
			answer.status === 201 ? { status: 201, body: { registrationId: (answer.body as { registration: { id: number } }).registration.id } } : answer,
		rebuild(tx, stored) {
			const id = (stored.body as { registrationId?: number }).registrationId
			if (stored.status !== 201 || typeof id !== 'number') return stored
			const registration = tx.select().from(registrations).where(eq(registrations.id, id)).get()
			const event = registration && tx.select().from(events).where(eq(events.id, registration.eventId)).get()
			// Erased since: nothing of it is left to answer with.
			if (!registration || !event || registration.email === `erased-${id}@invalid`) return answerError(new ServiceError('not_found', 404))
			const token = mintPrivateLink(tx, { registrationId: id }, now)
			return { status: 201, body: { registration: toRegistrationJson(registration, event, publicUrl, currentWaitlistPosition(tx, registration), token) } }
		},
	}
}

/** GET /api/v1/events/{slug}/registrations: in registration order, with waiting-list positions. */
/**
 * One page of GET /api/v1/events/{slug}/registrations: `limit` registrations after the cursor's id,
 * in registration order, and the next page's cursor. A waitlisted one carries its place in the
 * whole queue (those waiting before this page are counted, not read).
 */
export function listRegistrationsJson(db: Db, event: EventRow, publicUrl: string, page: PageQuery, status?: RegistrationStatus) {
	const ofEvent = status ? and(eq(registrations.eventId, event.id), eq(registrations.status, status)) : eq(registrations.eventId, event.id)
	const rows = db
		.select()
		.from(registrations)
		.where(and(ofEvent, gt(registrations.id, page.cursor)))
		.orderBy(asc(registrations.id))
		.limit(page.limit + 1)
		.all()
	const { items, next } = pageOf('registrations', rows, page.limit)
	let position =
		db
			.select({ n: count() })
			.from(registrations)
			.where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'waitlisted'), lte(registrations.id, page.cursor)))
			.get()?.n ?? 0
	return { registrations: items.map((row) => toRegistrationJson(row, event, publicUrl, row.status === 'waitlisted' ? ++position : null)), next }
}

/**
 * registerThroughApi with group commit: concurrent registrations share one transaction and one
 * disk flush (writeInBatch), each still checked in arrival order inside the write lock.
 */
export function registerThroughApiGrouped(db: Db, call: Parameters<typeof registerThroughApi>[1], answerError: Parameters<typeof registerThroughApi>[2]) {
	return writeInBatch(db, (tx) => registerThroughApi(tx, call, answerError))
}
