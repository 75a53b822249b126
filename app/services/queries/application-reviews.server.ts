// The organizers' review of a fair's applications, read: each reviewer's scores and note, and the
// review list with averages, disagreement and counts. Saving a review is commands/application-reviews.
import { and, asc, eq } from 'drizzle-orm'
import { applicationReviews, applications, users, type ApplicationReviewRow, type ApplicationRow } from '#db/schema/index.ts'
import { countBy, filterAndSort, statsByApplication, type ReviewListFilter, type ReviewStats } from '#app/domain/review-stats.ts'
import { hasUnreleasedDecision } from '#app/domain/application-status.ts'
import { type Db } from '#app/utils/db.server.ts'

export type ReviewWithReviewer = ApplicationReviewRow & { reviewerName: string; reviewerEmail: string }

/** Every review of an application with who wrote it, oldest first. */
export function reviewsOf(db: Db, applicationId: number): ReviewWithReviewer[] {
	return db
		.select({ review: applicationReviews, reviewerName: users.name, reviewerEmail: users.email })
		.from(applicationReviews)
		.innerJoin(users, eq(users.id, applicationReviews.reviewerId))
		.where(eq(applicationReviews.applicationId, applicationId))
		.orderBy(asc(applicationReviews.createdAt), asc(applicationReviews.id))
		.all()
		.map((r) => ({ ...r.review, reviewerName: r.reviewerName, reviewerEmail: r.reviewerEmail }))
}

/** An application of this event, or undefined (an id from another fair is "not found"). */
export function findApplicationOfEvent(db: Db, eventId: number, applicationId: number): ApplicationRow | undefined {
	return db
		.select()
		.from(applications)
		.where(and(eq(applications.id, applicationId), eq(applications.eventId, eventId)))
		.get()
}

/** The event an application belongs to, or undefined for an unknown id. */
export function findApplicationEventId(db: Db, applicationId: number): number | undefined {
	return db.select({ eventId: applications.eventId }).from(applications).where(eq(applications.id, applicationId)).get()?.eventId
}

export type ReviewedApplication = ApplicationRow & {
	stats: ReviewStats
	/** The reviewer asking has scored it. */
	reviewedByMe: boolean
	/** The organizer's decision differs from what the exhibitor was told: the next release mails it. */
	unreleased: boolean
}

/**
 * Every application of a fair with its review statistics, in the order they arrived. Two queries
 * whatever the number of applications: the applications, then all their reviews at once.
 */
export function reviewedApplications(db: Db, eventId: number, reviewerUserId: number | null = null): ReviewedApplication[] {
	const rows = db.select().from(applications).where(eq(applications.eventId, eventId)).orderBy(asc(applications.id)).all()
	const reviews = db
		.select({
			applicationId: applicationReviews.applicationId,
			reviewerId: applicationReviews.reviewerId,
			fit: applicationReviews.fit,
			quality: applicationReviews.quality,
			novelty: applicationReviews.novelty,
		})
		.from(applicationReviews)
		.innerJoin(applications, eq(applications.id, applicationReviews.applicationId))
		.where(eq(applications.eventId, eventId))
		.all()
	const stats = statsByApplication(
		rows.map((r) => r.id),
		reviews,
	)
	const mine = new Set(reviews.filter((r) => r.reviewerId === reviewerUserId).map((r) => r.applicationId))
	return rows.map((row) => ({ ...row, stats: stats.get(row.id)!, reviewedByMe: mine.has(row.id), unreleased: hasUnreleasedDecision(row) }))
}

export type ReviewCounts = {
	total: number
	status: Record<string, number>
	category: Record<string, number>
	legalForm: Record<string, number>
	/** Staged decisions the next release would mail. */
	unreleased: number
}

/** Counts over the whole fair (not the filtered list), for the filter choices and the summary. */
export function reviewCounts(list: readonly ReviewedApplication[]): ReviewCounts {
	return {
		total: list.length,
		status: countBy(list, (a) => a.status),
		category: countBy(list, (a) => a.category),
		legalForm: countBy(list, (a) => a.legalForm),
		unreleased: list.filter((a) => a.unreleased).length,
	}
}

/** The review list of a fair: all applications with stats, the filtered and sorted ones, and counts. */
export function reviewList(db: Db, eventId: number, filter: ReviewListFilter, reviewerUserId: number | null) {
	const all = reviewedApplications(db, eventId, reviewerUserId)
	return { all, shown: filterAndSort(all, filter), counts: reviewCounts(all) }
}
