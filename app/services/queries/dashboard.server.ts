// What the organizers' dashboard (/admin) reads: the events with their checked-in persons, and
// what waits for someone, counted per fair (applications to review, decisions not released,
// acceptances not confirmed) or in all (mails that could not be sent).
import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import { applications, events, outbox, registrations, type EventRow } from '#db/schema/index.ts'
import { APPLICATION_DECISIONS } from '#app/domain/vocabulary.ts'
import { type Db } from '#app/utils/db.server.ts'

/** Every event (in no particular order) and how many persons have checked in at each. */
export function dashboardEvents(db: Db): { events: EventRow[]; checkedIn: Map<number, number> } {
	const rows = db.select().from(events).all()
	const checked = db
		.select({
			eventId: registrations.eventId,
			persons: sql<number>`coalesce(sum(${registrations.partySize}), 0)`,
		})
		.from(registrations)
		.where(and(eq(registrations.status, 'confirmed'), isNotNull(registrations.checkedInAt)))
		.groupBy(registrations.eventId)
		.all()
	return { events: rows, checkedIn: new Map(checked.map((c) => [c.eventId, Number(c.persons)])) }
}

export type FairCount = { eventId: number; title: string; titleEn: string | null; count: number }

const notCancelledFair = and(eq(events.kind, 'fair'), ne(events.status, 'cancelled'))

/** Per fair (not cancelled): applications nobody has decided yet. */
export function applicationsAwaitingReview(db: Db): FairCount[] {
	return db
		.select({ eventId: events.id, title: events.title, titleEn: events.titleEn, count: sql<number>`count(*)` })
		.from(applications)
		.innerJoin(events, eq(events.id, applications.eventId))
		.where(and(notCancelledFair, eq(applications.status, 'submitted'), isNull(applications.withdrawnAt)))
		.groupBy(events.id)
		.orderBy(events.startsAt)
		.all()
}

/**
 * Per fair (not cancelled): decisions taken but not released to the exhibitors yet (the same rule
 * as the release, hasUnreleasedDecision: a decided status the exhibitor has not been told).
 */
export function unreleasedDecisionCounts(db: Db): FairCount[] {
	return db
		.select({ eventId: events.id, title: events.title, titleEn: events.titleEn, count: sql<number>`count(*)` })
		.from(applications)
		.innerJoin(events, eq(events.id, applications.eventId))
		.where(
			and(
				notCancelledFair,
				inArray(applications.status, [...APPLICATION_DECISIONS]),
				sql`(${applications.releasedStatus} IS NULL OR ${applications.releasedStatus} <> ${applications.status})`,
			),
		)
		.groupBy(events.id)
		.orderBy(events.startsAt)
		.all()
}

/** Per fair (not cancelled): accepted exhibitors, told so, who have not confirmed yet; the nearest deadline. */
export function unconfirmedAcceptances(db: Db): Array<FairCount & { nearestDeadline: Date | null }> {
	return db
		.select({
			eventId: events.id,
			title: events.title,
			titleEn: events.titleEn,
			count: sql<number>`count(*)`,
			nearest: sql<number | null>`min(${applications.confirmBy})`,
		})
		.from(applications)
		.innerJoin(events, eq(events.id, applications.eventId))
		.where(
			and(
				notCancelledFair,
				eq(applications.status, 'accepted'),
				eq(applications.releasedStatus, 'accepted'),
				isNull(applications.confirmedAt),
				isNull(applications.withdrawnAt),
			),
		)
		.groupBy(events.id)
		.orderBy(sql`min(${applications.confirmBy})`)
		.all()
		.map(({ nearest, ...row }) => ({ ...row, nearestDeadline: nearest === null ? null : new Date(Number(nearest)) }))
}

/** Mails that gave up (status failed): they wait for someone to resend them. */
export function failedMailCount(db: Db): number {
	const row = db
		.select({ n: sql<number>`count(*)` })
		.from(outbox)
		.where(eq(outbox.status, 'failed'))
		.get()
	return Number(row?.n ?? 0)
}
