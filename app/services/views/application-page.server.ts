// What the exhibitor's private page (/applications/{token}) and its files show: the fair, the
// status as the exhibitor may know it (a staged decision stays invisible until released), what was
// submitted, the stand once they were told it, and the data export. Formatted here, on the
// server, in the reader's language.
import { and, eq, isNotNull } from 'drizzle-orm'
import {
	events,
	fairSettings,
	stands,
	standAssignments,
	type ApplicationImageRow,
	type ApplicationRow,
	type EventRow,
	type StandRow,
} from '#db/schema/index.ts'
import { DEFAULT_CATEGORIES, MUNICIPALITY_NAMES } from '#app/domain/application-options.ts'
import { exhibitorView, hasUnreleasedDecision, type ExhibitorView } from '#app/domain/application-status.ts'
import { eventFactsView, inBelgradeTime } from '#app/services/views/event-views.server.ts'
import { categoryCodes, categoryNameByCode } from '#app/domain/fair-settings-input.ts'
import { formatDateTime, formatLongDate, formatNumber, formatTime } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import type { Db } from '#app/utils/db.server.ts'
import { getT, withLang } from '#app/utils/i18n.server.ts'
import { DEFAULT_SETUP_MINUTES } from '#app/domain/fair-settings-input.ts'
import { findApplicationImage } from '#app/services/queries/application-images.server.ts'
import { applicationManageUrl, applicationsOpen, findApplicationByManageToken, type FairContext } from '#app/services/queries/applications.server.ts'
import { getPlanInfo, type PlanInfo } from '#app/services/queries/floor-plan.server.ts'

/** A stand the exhibitor has been emailed (notifiedAt set), with the plan it is on. */
export type NotifiedStand = {
	stand: StandRow
	notifiedAt: Date
	plan: PlanInfo
	/** Every stand of the fair as a bare rectangle: no occupant, nothing from the catalogue. */
	outlines: { label: string; x: number; y: number; width: number; height: number }[]
}

export type ManagedApplication = {
	application: ApplicationRow
	fair: FairContext
	image: ApplicationImageRow | undefined
	stand: NotifiedStand | undefined
	/** The link's token as it came in the URL (the database has only its hash). */
	token: string
}

/**
 * The application's stand, only once the exhibitor was emailed it: an allocation that is still
 * being worked on, or a stand not yet announced (notifiedAt null after a move), stays unseen.
 */
function findNotifiedStand(db: Db, applicationId: number, eventId: number): NotifiedStand | undefined {
	const row = db
		.select({ stand: stands, notifiedAt: standAssignments.notifiedAt })
		.from(standAssignments)
		.innerJoin(stands, eq(stands.id, standAssignments.standId))
		.where(and(eq(standAssignments.applicationId, applicationId), isNotNull(standAssignments.notifiedAt)))
		.get()
	if (!row?.notifiedAt) return undefined
	const outlines = db
		.select({ label: stands.label, x: stands.x, y: stands.y, width: stands.width, height: stands.height })
		.from(stands)
		.where(eq(stands.eventId, eventId))
		.all()
	return { stand: row.stand, notifiedAt: row.notifiedAt, plan: getPlanInfo(db, eventId), outlines }
}

/** The stand is the exhibitor's to know: released acceptance, not withdrawn, and they were told it. */
function visibleStand(view: ExhibitorView, stand: NotifiedStand | undefined): NotifiedStand | undefined {
	return view.status === 'accepted' ? stand : undefined
}

/** When setting up may start: the fair's start minus its setup minutes (as in the stand mail). */
function setupStartsAt(fair: FairContext): Date {
	return new Date(fair.event.startsAt.getTime() - (fair.settings?.setupMinutesBefore ?? DEFAULT_SETUP_MINUTES) * 60_000)
}

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
	return { application, fair, image: findApplicationImage(db, application.id), stand: findNotifiedStand(db, application.id, event.id), token }
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

/**
 * The "Your stand" card: what the stand offers, when setting up starts, the plan's outlines with
 * theirs, and the public map's address once the plan is published (a draft fair has no public map).
 * Not for a cancelled fair: there is nothing to set up.
 */
function standView(notified: NotifiedStand | undefined, fair: FairContext, locale: Locale) {
	if (!notified || fair.event.status === 'cancelled') return null
	const { stand, plan } = notified
	const setup = setupStartsAt(fair)
	const published = plan.publishedAt !== null && fair.event.status !== 'draft'
	return {
		label: stand.label,
		zone: stand.zone,
		size: formatNumber(stand.sizeM2, locale),
		power: stand.power,
		accessible: stand.accessible,
		setupDate: formatLongDate(setup, locale),
		setupTime: inBelgradeTime(formatTime(setup, locale), locale),
		setupIso: setup.toISOString(),
		openingTime: inBelgradeTime(formatTime(fair.event.startsAt, locale), locale),
		plan: { width: plan.width, height: plan.height },
		outlines: notified.outlines,
		mapUrl: published ? `/fairs/${fair.event.slug}/map?stand=${encodeURIComponent(stand.label)}` : null,
	}
}

export type StandView = NonNullable<ReturnType<typeof standView>>

/** `keepLang`: the language the reader chose with ?lang=, kept in the page's own links. */
export function applicationPageView({ application: a, fair, image, stand, token }: ManagedApplication, locale: Locale, now: Date, keepLang?: Locale) {
	const view = exhibitorView(a, now)
	const { event } = fair
	const base = `/applications/${token}`
	const deadlinePassed = view.status === 'accepted' && !view.confirmed && !view.canConfirm && view.confirmBy !== null
	const apply = getT(locale, 'apply')
	// The fair's own words for a category it renamed or added; the catalog's for a standard one.
	const categoryName = categoryNameByCode(fair.settings?.categories ?? [], a.category, locale, (code) => apply(`fair:category.${code}`, { defaultValue: code }))
	return {
		token,
		status: view.status,
		confirmed: view.confirmed,
		canConfirm: view.canConfirm,
		canWithdraw: view.canWithdraw,
		confirmationMissed: view.confirmationMissed,
		/** Accepted, not confirmed, and the deadline is gone (before the system withdraws it). */
		deadlinePassed,
		confirmBy: view.confirmBy ? inBelgradeTime(formatDateTime(view.confirmBy, locale), locale) : null,
		confirmByIso: view.confirmBy?.toISOString() ?? null,
		confirmedAt: view.confirmed && a.confirmedAt ? inBelgradeTime(formatDateTime(a.confirmedAt, locale), locale) : null,
		withdrawnAt: view.status === 'withdrawn' && a.withdrawnAt ? inBelgradeTime(formatDateTime(a.withdrawnAt, locale), locale) : null,
		decisionNote: releasedNote(a),
		canEdit: view.status !== 'withdrawn' && applicationsOpen(fair, now),
		stand: standView(visibleStand(view, stand), fair, locale),
		fair: {
			...eventFactsView(event, locale),
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
			privacyAcceptedAt: inBelgradeTime(formatDateTime(a.privacyAcceptedAt, locale), locale),
			createdAt: inBelgradeTime(formatDateTime(a.createdAt, locale), locale),
			updatedAt: a.updatedAt.getTime() !== a.createdAt.getTime() ? inBelgradeTime(formatDateTime(a.updatedAt, locale), locale) : null,
			logo: image ? { url: logoUrl(token, image), mime: image.mime } : null,
		},
		links: {
			self: withLang(base, keepLang),
			edit: withLang(`${base}/edit`, keepLang),
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
export function applicationDataExport({ application: a, fair, image, stand: notified, token }: ManagedApplication, publicUrl: string, now = new Date()) {
	const view = exhibitorView(a, now)
	const stand = visibleStand(view, notified)
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
			manageUrl: applicationManageUrl(publicUrl, token),
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
						url: `${publicUrl}/applications/${token}/logo`,
					}
				: null,
			/** Only once the exhibitor was emailed it (see findNotifiedStand). */
			stand: stand
				? {
						label: stand.stand.label,
						zone: stand.stand.zone,
						sizeM2: stand.stand.sizeM2,
						setupStartsAt: setupStartsAt(fair).toISOString(),
						notifiedAt: stand.notifiedAt.toISOString(),
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
