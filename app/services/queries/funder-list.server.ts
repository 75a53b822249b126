// The participant list for the funders (issue 16): the people of an event who came (checked in,
// not cancelled) and agreed at registration that their name and municipality may go on it, in
// alphabetical order. Nobody else is on it, whatever the organizer wants.
import { and, asc, eq, isNotNull, ne } from 'drizzle-orm'
import { registrations } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'

export type FunderListRow = { id: number; name: string; municipality: string | null; partySize: number }

export function funderParticipants(db: Db, eventId: number): { rows: FunderListRow[]; checkedIn: number } {
	const came = and(eq(registrations.eventId, eventId), ne(registrations.status, 'cancelled'), isNotNull(registrations.checkedInAt))
	const all = db
		.select({
			id: registrations.id,
			name: registrations.name,
			municipality: registrations.municipality,
			partySize: registrations.partySize,
			consent: registrations.consentFunderList,
		})
		.from(registrations)
		.where(came)
		.orderBy(asc(registrations.name), asc(registrations.id))
		.all()
	return { rows: all.filter((r) => r.consent).map(({ consent: _, ...row }) => row), checkedIn: all.length }
}
