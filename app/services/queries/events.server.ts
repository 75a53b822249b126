// Reading events: the public lists and calendar, the organizer's list, one event by slug or id, and
// the Event object of the JSON API. Creating and changing events is commands/events.
import { and, asc, eq, gte, ne } from 'drizzle-orm'
import { events, type EventRow } from '#db/schema/index.ts'
import { remainingPlaces } from '#app/domain/capacity.ts'
import { type Db } from '#app/utils/db.server.ts'
import { eventQuestions } from '#app/services/queries/event-questions.server.ts'

/** Published events that have not ended yet, soonest first. */
export function listUpcomingEvents(db: Db, now = new Date()): EventRow[] {
	return db
		.select()
		.from(events)
		.where(and(eq(events.status, 'published'), gte(events.endsAt, now)))
		.orderBy(asc(events.startsAt))
		.all()
}

/** Every published or cancelled event (cancelled ones stay in calendars as cancelled). */
export function listCalendarEvents(db: Db): EventRow[] {
	return db.select().from(events).where(ne(events.status, 'draft')).orderBy(asc(events.startsAt)).all()
}

export function findEventBySlug(db: Db, slug: string): EventRow | undefined {
	return db.select().from(events).where(eq(events.slug, slug)).get()
}

export function findEventById(db: Db, id: number): EventRow | undefined {
	return db.select().from(events).where(eq(events.id, id)).get()
}

/** What a visitor may see: published events, and cancelled ones (to learn they are cancelled). */
export function findPublicEvent(db: Db, slug: string): EventRow | undefined {
	const event = findEventBySlug(db, slug)
	return event && event.status !== 'draft' ? event : undefined
}

/** The Event object of the JSON API (CONTRACT.md). */
export function toEventJson(event: EventRow, publicUrl: string) {
	return {
		slug: event.slug,
		title: event.title,
		titleEn: event.titleEn,
		kind: event.kind,
		startsAt: event.startsAt.toISOString(),
		endsAt: event.endsAt.toISOString(),
		venue: { name: event.venueName, address: event.venueAddress, city: event.venueCity },
		capacity: event.capacity,
		registered: event.confirmedPersons,
		remaining: remainingPlaces(event.capacity, event.confirmedPersons),
		waitlisted: event.waitlistedPersons,
		maxPartySize: event.maxPartySize,
		waitlist: event.waitlist,
		reentryAllowed: event.reentryAllowed,
		certificates: event.certificates,
		/** The registration form's own questions (issue 18), hidden ones too (flagged). */
		questions: eventQuestions(event),
		registrationClosesAt: event.registrationClosesAt?.toISOString() ?? null,
		reminderHoursBefore: event.reminderHoursBefore,
		followUpHoursAfter: event.followUpHoursAfter,
		status: event.status,
		sequence: event.sequence,
		summary: event.summary,
		description: event.description,
		url: `${publicUrl}/events/${event.slug}`,
	}
}
