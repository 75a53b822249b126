// What the exhibitor's private page (/applications/{token}) and its files show: the fair, the
// status as the exhibitor may know it (a staged decision stays invisible until released), what was
// submitted, and the data export. Formatted here, on the server, in the reader's language.
import { eq } from 'drizzle-orm'
import { events, fairSettings, type ApplicationImageRow, type ApplicationRow, type EventRow } from '#db/schema/index.ts'
import { DEFAULT_CATEGORIES, MUNICIPALITY_NAMES } from '#app/domain/application-options.ts'
import { exhibitorView, hasUnreleasedDecision } from '#app/domain/application-status.ts'
import { localizeEventTexts, mapLink } from '#app/domain/event-text.ts'
import { categoryCodes, categoryNameByCode } from '#app/domain/fair-settings-input.ts'
import { formatDateTime, formatEventTimeRange, formatLongDate, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import type { Db } from '#app/utils/db.server.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { findApplicationImage } from './application-images.server.ts'
import { applicationManageUrl, applicationsOpen, findApplicationByManageToken, type FairContext } from './applications.server.ts'

export type ManagedApplication = { application: ApplicationRow; fair: FairContext; image: ApplicationImageRow | undefined }

/**
 * The application behind a magic link with its fair and logo; undefined for an unknown, malformed
 * or erased link. The fair is read by id, not through findFair: an exhibitor keeps their page
 * when the fair is later unpublished or cancelled.
 */
export function findManagedApplication(db: Db, token: string): ManagedApplication | undefined {
	const application = findApplicationByManageToken(db, token)
	if (!application) return undefined
	const event = db.select().from(events).where(eq(events.id, application.eventId)).get()
	if (!event) return undefined
	const settings = db.select().from(fairSettings).where(eq(fairSettings.eventId, event.id)).get()
	const fair: FairContext = { event, settings, categories: settings ? categoryCodes(settings.categories) : [...DEFAULT_CATEGORIES] }
	return { application, fair, image: findApplicationImage(db, application.id) }
}

/** The logo's address; the hash in it changes with the picture, so a cached old one is never shown. */
function logoUrl(token: string, image: ApplicationImageRow) {
	return `/applications/${token}/logo?v=${image.sha256.slice(0, 12)}`
}

/** The decision note belongs to the decision the exhibitor was told, never to a staged one. */
function releasedNote(application: ApplicationRow): string | null {
	if (application.releasedStatus === null || hasUnreleasedDecision(application)) return null
	return application.decisionNote?.trim() || null
}

function municipalityName(code: string, locale: Locale): string | null {
	const name = (MUNICIPALITY_NAMES as Record<string, string>)[code]
	if (!name) return null
	return locale === 'sr-Cyrl' ? latinToCyrillic(name) : name
}

export function applicationPageView({ application: a, fair, image }: ManagedApplication, locale: Locale, now: Date) {
	const view = exhibitorView(a, now)
	const { event } = fair
	const texts = localizeEventTexts(event, locale)
	const token = a.manageToken
	const base = `/applications/${token}`
	const deadlinePassed = view.status === 'accepted' && !view.confirmed && !view.canConfirm && view.confirmBy !== null
	const apply = getT(locale, 'apply')
	// The fair's own words for a category it renamed or added; the catalog's for a standard one.
	const categoryName = categoryNameByCode(fair.settings?.categories ?? [], a.category, locale, (code) => apply(`category.${code}`, { defaultValue: code }))
	return {
		token,
		status: view.status,
		confirmed: view.confirmed,
		canConfirm: view.canConfirm,
		canWithdraw: view.canWithdraw,
		confirmationMissed: view.confirmationMissed,
		/** Accepted, not confirmed, and the deadline is gone (before the system withdraws it). */
		deadlinePassed,
		confirmBy: view.confirmBy ? formatDateTime(view.confirmBy, locale) : null,
		confirmByIso: view.confirmBy?.toISOString() ?? null,
		confirmedAt: view.confirmed && a.confirmedAt ? formatDateTime(a.confirmedAt, locale) : null,
		withdrawnAt: view.status === 'withdrawn' && a.withdrawnAt ? formatDateTime(a.withdrawnAt, locale) : null,
		decisionNote: releasedNote(a),
		canEdit: view.status !== 'withdrawn' && applicationsOpen(fair, now),
		fair: {
			slug: event.slug,
			status: event.status,
			title: texts.title,
			untranslated: texts.untranslated,
			date: formatLongDate(event.startsAt, locale),
			time: formatEventTimeRange(event.startsAt, event.endsAt, locale),
			startsAtIso: event.startsAt.toISOString(),
			venueName: texts.venueName,
			venueAddress: [texts.venueAddress, texts.venueCity].filter(Boolean).join(', '),
			mapUrl: mapLink(event.venueName, event.venueAddress, event.venueCity),
			pageUrl: event.status === 'draft' ? null : `/events/${event.slug}`,
		},
		submitted: {
			orgName: a.orgName,
			legalForm: a.legalForm,
			municipality: a.municipality,
			municipalityName: municipalityName(a.municipality, locale),
			companyNumber: a.companyNumber,
			pib: a.pib,
			foundedYear: a.foundedYear,
			website: a.website,
			social: a.social,
			contactName: a.contactName,
			contactEmail: a.contactEmail,
			contactPhone: a.contactPhone,
			category: a.category,
			categoryName,
			products: a.products,
			description: a.description,
			descriptionEn: a.descriptionEn,
			needs: {
				power: a.needsPower,
				accessible: a.needsAccessible,
				sizeM2: a.needsSizeM2 === null ? null : formatNumber(a.needsSizeM2, locale),
				table: a.needsTable,
				chairs: a.needsChairs,
				chairsText: formatNumber(a.needsChairs, locale),
			},
			preferences: a.preferences,
			selling: a.selling,
			consents: { catalogue: a.consentCatalogue, research: a.consentResearch },
			privacyAcceptedAt: formatDateTime(a.privacyAcceptedAt, locale),
			createdAt: formatDateTime(a.createdAt, locale),
			updatedAt: a.updatedAt.getTime() !== a.createdAt.getTime() ? formatDateTime(a.updatedAt, locale) : null,
			logo: image ? { url: logoUrl(token, image), mime: image.mime } : null,
		},
		links: {
			self: base,
			edit: `${base}/edit`,
			data: `${base}/data.json`,
		},
	}
}

export type ApplicationPageView = ReturnType<typeof applicationPageView>

/**
 * "Download my data" (ZZPL right of access): everything stored about this application, as the
 * exhibitor may know it. Two things are left out on purpose:
 * - the organizer's `status` while a decision is staged: the export shows the status the exhibitor
 *   has been told, so downloading it cannot reveal a decision before the fair's release;
 * - reviewers' rubric scores and notes: they are the organizers' internal working notes for
 *   comparing applications (about the organization's offer, not about a person), not yet a
 *   decision, and can change until the release; the decision itself, with its note, is here once
 *   released.
 * The logo is described (type, size, hash, address), not embedded: it downloads from its own link.
 */
export function applicationDataExport({ application: a, fair, image }: ManagedApplication, publicUrl: string, now = new Date()) {
	const view = exhibitorView(a, now)
	const event: EventRow = fair.event
	const decisionKnown = a.releasedStatus !== null && !hasUnreleasedDecision(a)
	return {
		exportedAt: now.toISOString(),
		controller: {
			name: 'Centar za socijalno preduzetništvo Kruševac',
			address: 'Jugovićeva 17, 37000 Kruševac, Srbija',
			privacyNotice: `${publicUrl}/privacy`,
		},
		application: {
			id: a.id,
			status: view.status,
			confirmed: view.confirmed,
			confirmBy: view.confirmBy?.toISOString() ?? null,
			confirmedAt: view.confirmed ? (a.confirmedAt?.toISOString() ?? null) : null,
			decisionReleasedAt: decisionKnown ? (a.decisionReleasedAt?.toISOString() ?? null) : null,
			decisionNote: releasedNote(a),
			confirmationReminderSentAt: view.status === 'accepted' ? (a.reminderSentAt?.toISOString() ?? null) : null,
			withdrawnAt: view.status === 'withdrawn' ? (a.withdrawnAt?.toISOString() ?? null) : null,
			withdrawnReason: view.status === 'withdrawn' ? a.withdrawnReason : null,
			locale: a.locale,
			createdAt: a.createdAt.toISOString(),
			updatedAt: a.updatedAt.toISOString(),
			manageUrl: applicationManageUrl(publicUrl, a),
			organization: {
				name: a.orgName,
				legalForm: a.legalForm,
				municipality: a.municipality,
				companyNumber: a.companyNumber,
				pib: a.pib,
				foundedYear: a.foundedYear,
				website: a.website,
				social: a.social,
			},
			contact: { name: a.contactName, email: a.contactEmail, phone: a.contactPhone },
			lawStatus: a.lawStatus,
			staff: a.staff,
			category: a.category,
			products: a.products,
			description: a.description,
			descriptionEn: a.descriptionEn,
			needs: {
				power: a.needsPower,
				accessible: a.needsAccessible,
				sizeM2: a.needsSizeM2,
				table: a.needsTable,
				chairs: a.needsChairs,
			},
			preferences: a.preferences,
			selling: a.selling,
			consent: {
				privacyNoticeAcknowledgedAt: a.privacyAcceptedAt.toISOString(),
				catalogue: a.consentCatalogue,
				research: a.consentResearch,
			},
			logo: image
				? {
						mimeType: image.mime,
						sizeBytes: image.bytes.length,
						sha256: image.sha256,
						uploadedAt: image.createdAt.toISOString(),
						url: `${publicUrl}/applications/${a.manageToken}/logo`,
					}
				: null,
		},
		fair: {
			slug: event.slug,
			title: event.title,
			startsAt: event.startsAt.toISOString(),
			endsAt: event.endsAt.toISOString(),
			venue: { name: event.venueName, address: event.venueAddress, city: event.venueCity },
			url: `${publicUrl}/events/${event.slug}`,
		},
	}
}
