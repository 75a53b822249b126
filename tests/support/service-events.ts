// Events made in-process through the events service, on this Vitest worker's own migrated
// database (worker-database.ts), for the tests of the services below HTTP. (Events made through
// the built server's API: events.ts.)
import type { Actor } from '#app/domain/actor.ts'
import type { EventInput } from '#app/domain/event-input.ts'
import { createEvent } from '#app/services/commands/events.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { uniqueTitle } from './events.ts'

/**
 * A published workshop (a unique "Radionica N") at the Centar, 10:00–13:00 on 5 December 2030,
 * no capacity limit, parties up to 6, with a waiting list; `fields` over it. Made by `actor`
 * (the system unless told) at `now` (the clock unless told).
 */
export function createEventInDb(fields: Partial<EventInput> = {}, options: { actor?: Actor; now?: Date } = {}) {
	return createEvent(
		getDb(),
		{
			title: uniqueTitle('Radionica'),
			kind: 'workshop',
			venueName: 'Centar za socijalno preduzetništvo',
			startsAt: new Date('2030-12-05T09:00:00Z'),
			endsAt: new Date('2030-12-05T12:00:00Z'),
			capacity: null,
			maxPartySize: 6,
			waitlist: true,
			status: 'published',
			...fields,
		},
		options.actor ?? { kind: 'system' },
		options.now,
	)
}
