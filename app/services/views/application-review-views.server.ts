// What the organizers' review pages show (/admin/events/{id}/applications and its detail pages),
// formatted on the server in the reader's language. Words for codes (legal form, category, ...)
// stay codes here: the components look them up in the catalogs.
import { eq } from 'drizzle-orm'
import { DEFAULT_CATEGORIES, MUNICIPALITY_NAMES } from '#app/domain/application-options.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { hasUnreleasedDecision } from '#app/domain/application-status.ts'
import { neighbours, overallScore, roundScore, type ReviewStats } from '#app/domain/review-stats.ts'
import { pendingFingerprint, reviewListSearch, type ReviewListQuery } from '#app/domain/review-input.ts'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import { categoryCodes, categoryNameByCode, type FairCategory } from '#app/domain/fair-settings-input.ts'
import { fairSettings, type ApplicationRow, type EventRow } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'
import { findApplicationImage } from '#app/services/queries/application-images.server.ts'
import { unreleasedDecisions } from '#app/services/queries/applications.server.ts'
import { reviewList, reviewsOf, type ReviewedApplication } from '#app/services/queries/application-reviews.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'

/** A municipality's proper name in the reader's script; null for "other" (the catalog's word). */
export function municipalityName(code: string, locale: Locale): string | null {
	const name = (MUNICIPALITY_NAMES as Record<string, string>)[code]
	if (!name) return null
	return locale === 'sr-Cyrl' ? latinToCyrillic(name) : name
}

const score = (value: number | null, locale: Locale) => (value === null ? null : formatNumber(roundScore(value), locale))

function statsView(stats: ReviewStats, locale: Locale) {
	return {
		count: stats.count,
		overall: score(stats.overall, locale),
		fit: score(stats.averages.fit, locale),
		quality: score(stats.averages.quality, locale),
		novelty: score(stats.averages.novelty, locale),
		range: score(stats.range, locale),
		disagreement: stats.disagreement,
	}
}

/** The needs worth a column: what the floor plan must provide. */
function needsOf(a: ApplicationRow) {
	return { power: a.needsPower, accessible: a.needsAccessible, table: a.needsTable, chairs: a.needsChairs, sizeM2: a.needsSizeM2 }
}

function decisionState(a: ApplicationRow) {
	return { status: a.status, releasedStatus: a.releasedStatus, unreleased: hasUnreleasedDecision(a) }
}

function listRow(a: ReviewedApplication, locale: Locale, base: string, search: string, categoryName: string) {
	return {
		id: a.id,
		href: `${base}/${a.id}${search}`,
		orgName: a.orgName,
		category: a.category,
		categoryName,
		legalForm: a.legalForm,
		municipality: a.municipality,
		municipalityName: municipalityName(a.municipality, locale),
		needs: needsOf(a),
		stats: statsView(a.stats, locale),
		reviewedByMe: a.reviewedByMe,
		...decisionState(a),
		createdAt: formatDateTime(a.createdAt, locale),
	}
}

/** The staged decisions the release would mail: who, to which address, what. */
function releasePanel(db: Db, eventId: number) {
	const pending = unreleasedDecisions(db, eventId)
	return {
		fingerprint: pendingFingerprint(pending),
		items: pending.map((a) => ({
			id: a.id,
			orgName: a.orgName,
			contactEmail: a.contactEmail,
			status: a.status,
			releasedStatus: a.releasedStatus,
			note: a.decisionNote,
		})),
	}
}

/** A standard category's word from the catalogs (the caller's `t`), falling back to the code. */
export type StandardCategoryName = (code: string) => string

/**
 * The fair's categories (its own, or the defaults; read directly, as the fair may be unpublished)
 * with their names in the reader's language, plus any code an application kept after the fair's
 * list changed.
 */
function categoryNames(db: Db, eventId: number, used: readonly string[], locale: Locale, standardName: StandardCategoryName) {
	const settings = db.select({ categories: fairSettings.categories }).from(fairSettings).where(eq(fairSettings.eventId, eventId)).get()
	const categories: FairCategory[] = settings?.categories ?? [...DEFAULT_CATEGORIES]
	const codes = [...new Set([...categoryCodes(categories), ...used])]
	return codes.map((code) => ({ code, name: categoryNameByCode(categories, code, locale, standardName) }))
}

export function reviewListPage(db: Db, event: EventRow, query: ReviewListQuery, reviewerId: number, locale: Locale, standardName: StandardCategoryName) {
	const base = `/admin/events/${event.id}/applications`
	const search = reviewListSearch(query)
	const { shown, counts } = reviewList(db, event.id, query, reviewerId)
	const categories = categoryNames(db, event.id, Object.keys(counts.category), locale, standardName)
	const nameOf = new Map(categories.map((c) => [c.code, c.name]))
	return {
		event: { id: event.id, title: eventTitleIn(event, locale), slug: event.slug, status: event.status },
		query,
		search,
		counts,
		categories,
		rows: shown.map((a) => listRow(a, locale, base, search, nameOf.get(a.category) ?? a.category)),
		release: releasePanel(db, event.id),
	}
}

/**
 * One application for review: everything the exhibitor gave, every reviewer's scores and notes
 * (the asking reviewer's own marked, and its values for their form), the decision state, and the
 * previous and next applications of the list as it was filtered and sorted.
 */
export function reviewDetailPage(
	db: Db,
	event: EventRow,
	application: ApplicationRow,
	query: ReviewListQuery,
	reviewerId: number,
	locale: Locale,
	standardName: StandardCategoryName,
) {
	const a = application
	const base = `/admin/events/${event.id}/applications`
	const search = reviewListSearch(query)
	// The neighbours in the list the organizer came from; an application outside that filter (its
	// status just changed) still has its place in the whole list.
	const { shown, all } = reviewList(db, event.id, query, reviewerId)
	const around = neighbours(shown, a.id)
	const stats = all.find((x) => x.id === a.id)!.stats
	const reviews = reviewsOf(db, a.id)
	const mine = reviews.find((r) => r.reviewerId === reviewerId)
	const image = findApplicationImage(db, a.id)
	const when = (d: Date | null) => (d ? formatDateTime(d, locale) : null)
	return {
		event: { id: event.id, title: eventTitleIn(event, locale) },
		listHref: `${base}${search}`,
		search,
		nav: {
			position: around.position,
			total: shown.length,
			previous: around.previous ? { href: `${base}/${around.previous.id}${search}`, orgName: around.previous.orgName } : null,
			next: around.next ? { href: `${base}/${around.next.id}${search}`, orgName: around.next.orgName } : null,
		},
		application: {
			id: a.id,
			...decisionState(a),
			decisionNote: a.decisionNote,
			decisionReleasedAt: when(a.decisionReleasedAt),
			confirmBy: when(a.confirmBy),
			confirmedAt: when(a.confirmedAt),
			withdrawnAt: when(a.withdrawnAt),
			withdrawnReason: a.withdrawnReason,
			createdAt: when(a.createdAt)!,
			updatedAt: when(a.updatedAt)!,
			locale: a.locale,
			organization: {
				name: a.orgName,
				legalForm: a.legalForm,
				municipality: a.municipality,
				municipalityName: municipalityName(a.municipality, locale),
				companyNumber: a.companyNumber,
				pib: a.pib,
				foundedYear: a.foundedYear,
				website: a.website,
				social: a.social,
			},
			lawStatus: a.lawStatus,
			staff: a.staff,
			contact: { name: a.contactName, email: a.contactEmail, phone: a.contactPhone },
			products: a.products,
			category: a.category,
			categoryName: categoryNames(db, event.id, [a.category], locale, standardName).find((c) => c.code === a.category)!.name,
			description: a.description,
			descriptionEn: a.descriptionEn,
			selling: a.selling,
			needs: needsOf(a),
			preferences: a.preferences,
			consent: { privacyAcceptedAt: when(a.privacyAcceptedAt)!, catalogue: a.consentCatalogue, research: a.consentResearch },
			logoUrl: image ? `${base}/${a.id}/logo?v=${image.sha256.slice(0, 12)}` : null,
		},
		stats: statsView(stats, locale),
		reviews: reviews.map((r) => ({
			id: r.id,
			mine: r.reviewerId === reviewerId,
			reviewerName: r.reviewerName || r.reviewerEmail,
			fit: r.fit,
			quality: r.quality,
			novelty: r.novelty,
			overall: score(overallScore(r), locale)!,
			note: r.note,
			updatedAt: when(r.updatedAt)!,
		})),
		myReview: mine ? { fit: String(mine.fit), quality: String(mine.quality), novelty: String(mine.novelty), note: mine.note ?? '' } : null,
	}
}

export type ReviewListPage = ReturnType<typeof reviewListPage>
export type ReviewDetailPage = ReturnType<typeof reviewDetailPage>
