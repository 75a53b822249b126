// The funders' reports (issue 16): what happened at the Center's events in a period, from the
// registrations and their check-ins. Only counts leave this module (participant-report.ts).
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { events, registrations, type EventRow, type RegistrationRow } from '#db/schema/index.ts'
import { dayRange, participantReport, type ParticipantReport, type ParticipantRow, type ReportEvent } from '#app/domain/participant-report.ts'
import type { Db } from '#app/utils/db.server.ts'

const eventColumns = { id: events.id, slug: events.slug, title: events.title, kind: events.kind, startsAt: events.startsAt }

/** Published events starting within the Belgrade days from..to (both included), in time order. */
export function eventsInRange(db: Db, from: string, to: string): ReportEvent[] {
	const { start, end } = dayRange(from, to)
	return db
		.select(eventColumns)
		.from(events)
		.where(and(eq(events.status, 'published'), gte(events.startsAt, start), lt(events.startsAt, end)))
		.orderBy(asc(events.startsAt), asc(events.id))
		.all()
}

/** The events named by slug (any status but draft), in time order; `missing` lists the slugs not found. */
export function eventsBySlug(db: Db, slugs: readonly string[]): { events: ReportEvent[]; missing: string[] } {
	const found = slugs.length
		? db
				.select({ ...eventColumns, status: events.status })
				.from(events)
				.where(inArray(events.slug, [...slugs]))
				.orderBy(asc(events.startsAt), asc(events.id))
				.all()
				.filter((e) => e.status !== 'draft')
		: []
	const known = new Set(found.map((e) => e.slug))
	return { events: found.map(({ status: _status, ...e }) => e), missing: slugs.filter((s) => !known.has(s)) }
}

/**
 * The report over the chosen events. The registrations are grouped in SQL (event, confirmed,
 * checked in and the four answers): the report needs only how many registrations and persons each
 * combination has, so a 30,000-registration event is a few hundred rows here, not 30,000.
 */
export function participantReportFor(db: Db, chosen: readonly ReportEvent[]): ParticipantReport {
	const ids = chosen.map((e) => e.id)
	if (ids.length === 0) return participantReport(chosen, [])
	const confirmed = sql<number>`(${registrations.status} = 'confirmed')`
	const checkedIn = sql<number>`(${registrations.status} = 'confirmed' AND ${registrations.checkedInAt} IS NOT NULL)`
	const rows: ParticipantRow[] = db
		.select({
			eventId: registrations.eventId,
			registrations: sql<number>`count(*)`,
			partySize: sql<number>`sum(${registrations.partySize})`,
			confirmed,
			checkedIn,
			gender: registrations.gender,
			ageGroup: registrations.ageGroup,
			municipality: registrations.municipality,
			vulnerableGroup: registrations.vulnerableGroup,
		})
		.from(registrations)
		.where(inArray(registrations.eventId, ids))
		.groupBy(
			registrations.eventId,
			confirmed,
			checkedIn,
			registrations.gender,
			registrations.ageGroup,
			registrations.municipality,
			registrations.vulnerableGroup,
		)
		.all()
		.map((r) => ({
			...r,
			registrations: Number(r.registrations),
			partySize: Number(r.partySize),
			confirmed: Boolean(r.confirmed),
			checkedIn: Boolean(r.checkedIn),
		}))
	return participantReport(chosen, rows)
}

/** Published events for the report's choice of events, newest first. */
export function reportableEvents(db: Db): ReportEvent[] {
	return db.select(eventColumns).from(events).where(eq(events.status, 'published')).orderBy(desc(events.startsAt), desc(events.id)).limit(300).all()
}

/** A registration of this event with its event (a certificate's claims), or undefined. */
export function registrationWithEvent(db: Db, registrationId: number, eventId: number): { registration: RegistrationRow; event: EventRow } | undefined {
	return db
		.select({ registration: registrations, event: events })
		.from(registrations)
		.innerJoin(events, eq(events.id, registrations.eventId))
		.where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
		.get()
}
