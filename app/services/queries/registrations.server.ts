// Reading registrations: the one behind a private link, and the waiting list's order (one query,
// used by the commands inside their transactions and by the ticket page).
import { and, asc, eq, sql } from 'drizzle-orm'
import { registrations, type RegistrationRow } from '#db/schema/index.ts'
import { waitlistPosition } from '#app/domain/registration-rules.ts'
import { type Db } from '#app/utils/db.server.ts'
import { findLinkOwner } from '#app/services/queries/private-links.server.ts'

/** The registration behind a manage link (looked up by the token's hash). */
export function findByManageToken(db: Db, token: string): RegistrationRow | undefined {
	const owner = findLinkOwner(db, token)
	if (!owner?.registrationId) return undefined
	return db.select().from(registrations).where(eq(registrations.id, owner.registrationId)).get()
}

/** Position of a waitlisted registration now (1-based), or null. */
export function currentWaitlistPosition(db: Db, registration: RegistrationRow): number | null {
	if (registration.status !== 'waitlisted') return null
	return waitlistPosition(registration.id, waitingQueue(db, registration.eventId))
}

// Prepared once per connection: every registration and promotion reads the queue.
const queueStatements = new WeakMap<Db, ReturnType<typeof prepareWaitingQueue>>()
function prepareWaitingQueue(db: Db) {
	return db
		.select({ id: registrations.id, partySize: registrations.partySize })
		.from(registrations)
		.where(and(eq(registrations.eventId, sql.placeholder('eventId')), eq(registrations.status, 'waitlisted')))
		.orderBy(asc(registrations.id))
		.prepare()
}

/** The event's waiting list in the order places are offered (registration order). */
export function waitingQueue(db: Db, eventId: number): { id: number; partySize: number }[] {
	let statement = queueStatements.get(db)
	if (!statement) {
		statement = prepareWaitingQueue(db)
		queueStatements.set(db, statement)
	}
	return statement.all({ eventId })
}
