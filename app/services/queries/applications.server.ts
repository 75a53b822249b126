// Reading exhibitor applications: a fair and whether it takes applications, an application by its
// private link, the organizer's list, and the Application object of the JSON API (CONTRACT.md).
// Submitting, editing and deciding are commands/applications and application-lifecycle.
import { asc, eq, gt } from 'drizzle-orm'
import { applications, events, fairSettings, type ApplicationRow, type EventRow, type FairSettingsRow } from '#db/schema/index.ts'
import { DEFAULT_CATEGORIES } from '#app/domain/application-options.ts'
import { categoryCodes } from '#app/domain/fair-settings-input.ts'
import { pageOf, type PageQuery } from '#app/domain/paging.ts'
import { type Db } from '#app/utils/db.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findLinkOwner } from '#app/services/queries/private-links.server.ts'
import { and, sql } from 'drizzle-orm'
import { hasUnreleasedDecision } from '#app/domain/application-status.ts'

/** The decisions of a fair that the next release would tell exhibitors about. */
export function unreleasedDecisions(db: Db, eventId: number): ApplicationRow[] {
	return db
		.select()
		.from(applications)
		.where(and(eq(applications.eventId, eventId), sql`${applications.status} IN ('accepted', 'waitlisted', 'rejected')`))
		.orderBy(asc(applications.id))
		.all()
		.filter(hasUnreleasedDecision)
}

export type FairContext = { event: EventRow; settings: FairSettingsRow | undefined; categories: string[] }

/**
 * A published fair by its slug, with its settings. `not_found` (404) for an unknown or unpublished
 * event, `not_a_fair` (404) for an event of another kind: to a client both are "no such fair".
 */
export function findFair(db: Db, slug: string): FairContext {
	const event = db.select().from(events).where(eq(events.slug, slug)).get()
	if (!event || event.status === 'draft') throw new ServiceError('not_found', 404)
	if (event.kind !== 'fair') throw new ServiceError('not_a_fair', 404)
	const settings = db.select().from(fairSettings).where(eq(fairSettings.eventId, event.id)).get()
	return { event, settings, categories: settings ? categoryCodes(settings.categories) : [...DEFAULT_CATEGORIES] }
}

/** Whether applications are accepted now: a published fair, inside its window (default: until it starts). */
export function applicationsOpen(fair: FairContext, now: Date): boolean {
	if (fair.event.status !== 'published') return false
	const opensAt = fair.settings?.applicationsOpenAt ?? null
	const closesAt = fair.settings?.applicationsCloseAt ?? fair.event.startsAt
	if (opensAt && now < opensAt) return false
	return now < closesAt
}

/** The application behind a magic link (looked up by the token's hash). */
export function findApplicationByManageToken(db: Db, token: string): ApplicationRow | undefined {
	const owner = findLinkOwner(db, token)
	if (!owner?.applicationId) return undefined
	return db.select().from(applications).where(eq(applications.id, owner.applicationId)).get()
}

/** A fair's applications, in the order they came. */
/** One page of a fair's applications for the API, in the order they came, and the next page's cursor. */
export function pageOfApplications(db: Db, eventId: number, page: PageQuery): { items: ApplicationRow[]; next: string | null } {
	const rows = db
		.select()
		.from(applications)
		.where(and(eq(applications.eventId, eventId), gt(applications.id, page.cursor)))
		.orderBy(asc(applications.id))
		.limit(page.limit + 1)
		.all()
	return pageOf('applications', rows, page.limit)
}

export function applicationManageUrl(publicUrl: string, token: string) {
	return `${publicUrl}/applications/${token}`
}

/**
 * The Application object of the JSON API (CONTRACT.md), for organizers: `status` is their current
 * decision; `releasedStatus` is what the exhibitor has been told (null: still "under review").
 * `manageUrl` only in the answer that creates it (the caller passes the token just minted); the
 * database keeps only hashes of links, so elsewhere it is null.
 */
export function toApplicationJson(
	row: ApplicationRow,
	event: Pick<EventRow, 'slug'>,
	publicUrl: string,
	standLabel?: string | null,
	manageToken: string | null = null,
) {
	return {
		id: row.id,
		fair: event.slug,
		status: row.status,
		organization: {
			name: row.orgName,
			legalForm: row.legalForm,
			municipality: row.municipality,
			...(row.companyNumber ? { companyNumber: row.companyNumber } : {}),
			...(row.pib ? { pib: row.pib } : {}),
			...(row.foundedYear != null ? { foundedYear: row.foundedYear } : {}),
			...(row.website ? { website: row.website } : {}),
			...(row.social.length ? { social: row.social } : {}),
		},
		contact: { name: row.contactName, email: row.contactEmail, ...(row.contactPhone ? { phone: row.contactPhone } : {}) },
		products: row.products,
		category: row.category,
		...(row.description ? { description: row.description } : {}),
		...(row.descriptionEn ? { descriptionEn: row.descriptionEn } : {}),
		needs: {
			power: row.needsPower,
			accessible: row.needsAccessible,
			...(row.needsSizeM2 != null ? { sizeM2: row.needsSizeM2 } : {}),
			table: row.needsTable,
			chairs: row.needsChairs,
		},
		preferences: row.preferences,
		...(row.selling != null ? { selling: row.selling } : {}),
		consent: { catalogue: row.consentCatalogue, research: row.consentResearch },
		...(standLabel ? { standLabel } : {}),
		releasedStatus: row.releasedStatus,
		...(row.confirmBy ? { confirmBy: row.confirmBy.toISOString() } : {}),
		...(row.confirmedAt ? { confirmedAt: row.confirmedAt.toISOString() } : {}),
		manageUrl: manageToken ? applicationManageUrl(publicUrl, manageToken) : null,
		createdAt: row.createdAt.toISOString(),
	}
}
