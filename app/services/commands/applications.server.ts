// Exhibitor applications for a fair: submitting and editing (reading them is
// queries/applications). Each change is one synchronous writeTransaction with its audit record. Validation of the body (including the category against
// the fair's own categories) happens before, with applicationApiSchema(categories, now).
import { findFair, applicationsOpen, findApplicationByManageToken, toApplicationJson } from '#app/services/queries/applications.server.ts'
import { eq } from 'drizzle-orm'
import { applications, events, type ApplicationRow, type EventRow } from '#db/schema/index.ts'
import { DEFAULT_LOCALE, type Locale } from '#app/domain/locale.ts'
import type { ApplicationApiInput } from '#app/domain/application-input.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import type { PrivateAnswer, StoredAnswer } from '#app/services/commands/idempotency.server.ts'
import { enqueueApplicationMail } from '#app/services/commands/outbox.server.ts'
import { mintPrivateLink } from '#app/services/commands/private-links.server.ts'
import { attachDraftImage } from '#app/services/commands/application-images.server.ts'

/** `manageToken`: the raw token of the magic link, minted now (the database keeps only its hash). */
export type SubmitResult = { application: ApplicationRow; event: EventRow; manageToken: string }

/** The stored columns for what the exhibitor gave; one mapping for a new application and for an edit. */
function applicationValues(body: ApplicationApiInput) {
	const { organization: org, contact, needs, consent } = body
	return {
		orgName: org.name,
		legalForm: org.legalForm,
		municipality: org.municipality,
		companyNumber: org.companyNumber ?? null,
		pib: org.pib ?? null,
		foundedYear: org.foundedYear ?? null,
		website: org.website ?? null,
		social: org.social ?? [],
		contactName: contact.name,
		contactEmail: contact.email,
		contactPhone: contact.phone ?? null,
		products: body.products,
		category: body.category,
		description: body.description || null,
		descriptionEn: body.descriptionEn || null,
		needsPower: needs.power,
		needsAccessible: needs.accessible,
		needsSizeM2: needs.sizeM2 ?? null,
		needsTable: needs.table,
		needsChairs: needs.chairs,
		preferences: body.preferences,
		lawStatus: body.lawStatus ?? null,
		staff: body.staff ?? null,
		selling: body.selling ?? null,
		consentCatalogue: consent.catalogue,
		consentResearch: consent.research,
	}
}

/**
 * A new application; `applications_closed` (409) outside the window or for a cancelled fair.
 * Queues the "application received" mail with the magic link, in the exhibitor's language.
 * `logoToken`: a logo draft from the form, attached in the same transaction.
 */
export function submitApplication(
	db: Db,
	fairSlug: string,
	body: ApplicationApiInput,
	now = new Date(),
	actor: Actor = { kind: 'system' },
	locale: Locale = DEFAULT_LOCALE,
	logoToken: string | null = null,
): SubmitResult {
	return writeTransaction(db, (tx) => {
		const fair = findFair(tx, fairSlug)
		if (!applicationsOpen(fair, now)) throw new ServiceError('applications_closed', 409)
		// The route validated against the categories of a moment ago; they may have changed since.
		if (!fair.categories.includes(body.category)) throw new ServiceError('invalid_category', 422, 'category')
		const application = tx
			.insert(applications)
			.values({
				eventId: fair.event.id,
				status: 'submitted',
				...applicationValues(body),
				locale,
				privacyAcceptedAt: now,
				createdAt: now,
				updatedAt: now,
			})
			.returning()
			.get()
		recordAudit(tx, actor, 'application.submitted', `application:${application.id}`, { eventId: fair.event.id, category: body.category }, now)
		if (logoToken) attachDraftImage(tx, logoToken, application.id, now)
		// One link for the answer and the first mail: the page the exhibitor lands on is the mailed one.
		const manageToken = mintPrivateLink(tx, { applicationId: application.id }, now)
		enqueueApplicationMail(tx, 'application-received', fair.event, application, now, { manageToken })
		return { application, event: fair.event, manageToken }
	})
}

/**
 * The exhibitor corrects their application through the magic link, while the window is open.
 * Decisions are not touched: an organizer sees the new data in review. `logoToken`: a logo draft
 * from the form, replacing the image in the same transaction.
 */
export function updateApplication(db: Db, token: string, body: ApplicationApiInput, now = new Date(), logoToken: string | null = null): ApplicationRow {
	return writeTransaction(db, (tx) => {
		const current = findApplicationByManageToken(tx, token)
		if (!current) throw new ServiceError('not_found', 404)
		if (current.status === 'withdrawn') throw new ServiceError('application_withdrawn', 409)
		const event = tx.select().from(events).where(eq(events.id, current.eventId)).get()!
		const fair = findFair(tx, event.slug)
		if (!applicationsOpen(fair, now)) throw new ServiceError('applications_closed', 409)
		if (!fair.categories.includes(body.category)) throw new ServiceError('invalid_category', 422, 'category')
		const updated = tx
			.update(applications)
			.set({ ...applicationValues(body), updatedAt: now })
			.where(eq(applications.id, current.id))
			.returning()
			.get()!
		recordAudit(tx, { kind: 'system' }, 'application.updated', `application:${current.id}`, { eventId: current.eventId }, now)
		if (logoToken) attachDraftImage(tx, logoToken, updated.id, now)
		return updated
	})
}

/**
 * A created application is kept under its Idempotency-Key as its id only; a retry gets it as it
 * is now with a newly minted link (the first link is not stored anywhere it could be read back).
 */
export function applicationAnswerById(publicUrl: string, answerError: (error: ServiceError) => StoredAnswer, now: Date): PrivateAnswer {
	return {
		minimize: (answer) =>
			answer.status === 201 ? { status: 201, body: { applicationId: (answer.body as { application: { id: number } }).application.id } } : answer,
		rebuild(tx, stored) {
			const id = (stored.body as { applicationId?: number }).applicationId
			if (stored.status !== 201 || typeof id !== 'number') return stored
			const row = tx.select().from(applications).where(eq(applications.id, id)).get()
			const event = row && tx.select().from(events).where(eq(events.id, row.eventId)).get()
			// Erased since: nothing of it is left to answer with.
			if (!row || !event) return answerError(new ServiceError('not_found', 404))
			return { status: 201, body: { application: toApplicationJson(row, event, publicUrl, null, mintPrivateLink(tx, { applicationId: id }, now)) } }
		},
	}
}
