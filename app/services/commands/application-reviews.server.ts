// The organizers' review of a fair's exhibitor applications: each reviewer's own scores and note
// (one row per application and reviewer, revised in place), and the review list with averages,
// disagreement and counts. The decisions themselves are application-lifecycle.server.ts's.
import { eq } from 'drizzle-orm'
import { applicationReviews, applications, type ApplicationReviewRow } from '#db/schema/index.ts'
import { type ReviewScores } from '#app/domain/review-stats.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'

/**
 * Saves a reviewer's scores and note on an application: their own row, created or revised (a
 * reviewer never touches another's). `not_found` (404) for an unknown application.
 */
export function saveReview(
	db: Db,
	applicationId: number,
	reviewerUserId: number,
	scores: ReviewScores,
	note: string | null,
	now = new Date(),
): ApplicationReviewRow {
	return writeTransaction(db, (tx) => {
		const application = tx.select({ id: applications.id, eventId: applications.eventId }).from(applications).where(eq(applications.id, applicationId)).get()
		if (!application) throw new ServiceError('not_found', 404)
		const values = { fit: scores.fit, quality: scores.quality, novelty: scores.novelty, note: note?.trim() || null, updatedAt: now }
		const review = tx
			.insert(applicationReviews)
			.values({ applicationId, reviewerId: reviewerUserId, ...values, createdAt: now })
			.onConflictDoUpdate({ target: [applicationReviews.applicationId, applicationReviews.reviewerId], set: values })
			.returning()
			.get()
		// The scores, not the note: the audit log is not a second copy of what reviewers wrote.
		recordAudit(
			tx,
			{ kind: 'user', id: reviewerUserId },
			'application.reviewed',
			`application:${applicationId}`,
			{ eventId: application.eventId, fit: scores.fit, quality: scores.quality, novelty: scores.novelty },
			now,
		)
		return review
	})
}
