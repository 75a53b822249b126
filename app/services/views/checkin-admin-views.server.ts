// The organizer's check-in pages as the screen shows them: the live counts, the arrivals chart,
// the scan log and the scanner links, read through checkin.server.ts and formatted for the
// reader's language. Reads only; the routes call the writes (undo, create, revoke) directly.
import type { EventRow } from '#db/schema/index.ts'
import { ARRIVAL_BUCKET_MINUTES, REFUSED_RESULTS, type ScanResult } from '#app/domain/checkin-rules.ts'
import { defaultExpiryChoice, expiryPresets, type CheckinPageQuery, type ExpiryChoice } from '#app/domain/checkin-admin-input.ts'
import { formatDateTime, formatNumber, formatPercent, formatTime, formatTimeWithSeconds, toBelgradeLocalInput } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import type { Db } from '#app/utils/db.server.ts'
import { listScannerLinks, type ScannerLinkView } from '#app/services/queries/scanner-links.server.ts'
import { arrivals, checkinStats, scanLog, type ScanLogEntry } from '#app/services/queries/checkin-queries.server.ts'
import { findEventBySlug } from '#app/services/queries/events.server.ts'
import { findRegistrationOfEvent } from '#app/services/queries/registration-queries.server.ts'
import { drawQr, type QrDrawing } from '#app/services/views/ticket-qr.server.ts'

/** One quarter hour of the arrivals chart, formatted for the page. */
export type ArrivalBar = {
	/** Start of the quarter hour, ISO 8601 (for <time> and the tests). */
	start: string
	/** "10:15", Belgrade time. */
	label: string
	/** "10:15–10:30" */
	range: string
	persons: number
	parties: number
}

export const SCAN_FLAGS = ['duplicate', 'refused', 'reentry', 'offline', 'undone'] as const
export type ScanFlag = (typeof SCAN_FLAGS)[number]

export type ScanLogRow = {
	id: number
	time: string
	timeIso: string
	/** Date and time, for the tooltip. */
	fullTime: string
	/** For a scan made offline: when it reached the server. */
	syncedAt: string | null
	/** The scanner link's label, or "organizer" for a logged-in staff member (null: unknown). */
	device: { link: string | null; staff: boolean; id: string | null }
	result: ScanResult
	method: 'scan' | 'manual'
	visitor: { registrationId: number; name: string; partySize: number; otherEvent: string | null } | null
	codePreview: string
	flags: ScanFlag[]
	flagged: boolean
	canUndo: boolean
}

type Count = { value: number; text: string }
const count = (value: number, locale: Locale): Count => ({ value, text: formatNumber(value, locale) })

function scanFlags(entry: ScanLogEntry, reentryAllowed: boolean): ScanFlag[] {
	const flags: ScanFlag[] = []
	if (entry.duplicate) flags.push('duplicate')
	if ((REFUSED_RESULTS as readonly string[]).includes(entry.result)) flags.push('refused')
	if (!reentryAllowed && entry.result === 'already_checked_in' && !entry.duplicate) flags.push('reentry')
	if (entry.offline) flags.push('offline')
	if (entry.undoneAt) flags.push('undone')
	return flags
}

/** A phone's own id is long and random; its start is enough to tell two phones apart. */
const shortDevice = (id: string) => (id.length > 8 ? id.slice(0, 8) : id)

function logRow(
	entry: ScanLogEntry,
	event: Pick<EventRow, 'slug' | 'reentryAllowed'>,
	linkLabels: Map<string, string>,
	otherEventTitle: (slug: string) => string,
	locale: Locale,
): ScanLogRow {
	const scannedAt = new Date(entry.scannedAt)
	const staff = entry.actor.startsWith('user:')
	// A manual check-in by a logged-in organizer names the account as its device: nothing to add.
	const deviceId = entry.deviceId && entry.deviceId !== entry.actor ? shortDevice(entry.deviceId) : null
	return {
		id: entry.id,
		time: formatTimeWithSeconds(scannedAt, locale),
		timeIso: entry.scannedAt,
		fullTime: formatDateTime(scannedAt, locale),
		syncedAt: entry.offline ? formatTimeWithSeconds(new Date(entry.recordedAt), locale) : null,
		device: { link: linkLabels.get(entry.actor) ?? null, staff, id: deviceId },
		result: entry.result,
		method: entry.method,
		visitor: entry.registration
			? {
					registrationId: entry.registration.id,
					name: entry.registration.name,
					partySize: entry.registration.partySize,
					otherEvent: entry.registration.event !== event.slug ? otherEventTitle(entry.registration.event) : null,
				}
			: null,
		codePreview: entry.codePreview,
		flags: scanFlags(entry, event.reentryAllowed),
		flagged: entry.flagged,
		canUndo: entry.result === 'ok' && entry.undoneAt === null && entry.registration !== null,
	}
}

function arrivalBars(db: Db, eventId: number, locale: Locale): ArrivalBar[] {
	const step = ARRIVAL_BUCKET_MINUTES * 60_000
	return arrivals(db, eventId).buckets.map((bucket) => {
		const start = new Date(bucket.start)
		return {
			start: bucket.start,
			label: formatTime(start, locale),
			range: `${formatTime(start, locale)}–${formatTime(new Date(start.getTime() + step), locale)}`,
			persons: bucket.persons,
			parties: bucket.registrations,
		}
	})
}

/** Everything /admin/events/{id}/checkin shows, as of `now`. */
export function checkinPage(db: Db, event: EventRow, query: CheckinPageQuery, locale: Locale, now = new Date()) {
	const stats = checkinStats(db, event)
	const log = scanLog(db, event, { filter: query.filter, before: query.before })
	const linkLabels = new Map(listScannerLinks(db, event.id, now).map((link) => [`token:${link.id}`, link.label]))
	const subject = query.notice && query.rid ? findRegistrationOfEvent(db, event.id, query.rid) : undefined
	const problems = stats.refused + stats.duplicates
	// A ticket of another event shown at this door is named by that event's title, not its address.
	const otherTitles = new Map<string, string>()
	const otherEventTitle = (slug: string) => {
		if (!otherTitles.has(slug)) {
			const other = findEventBySlug(db, slug)
			otherTitles.set(slug, other ? eventTitleIn(other, locale) : slug)
		}
		return otherTitles.get(slug)!
	}
	return {
		event: { id: event.id, slug: event.slug, title: eventTitleIn(event, locale), reentryAllowed: event.reentryAllowed },
		updatedAt: formatTimeWithSeconds(now, locale),
		updatedAtIso: now.toISOString(),
		counts: {
			persons: { arrived: count(stats.persons, locale), registered: count(stats.registered, locale) },
			parties: { arrived: count(stats.checkedIn, locale), registered: count(stats.registrations, locale) },
			percent: stats.registered > 0 ? { ratio: stats.persons / stats.registered, text: formatPercent(stats.persons / stats.registered, locale) } : null,
			scans: count(stats.scans, locale),
			problems: count(problems, locale),
			undone: count(stats.undone, locale),
		},
		bars: arrivalBars(db, event.id, locale),
		log: { rows: log.entries.map((entry) => logRow(entry, event, linkLabels, otherEventTitle, locale)), nextBefore: log.nextBefore },
		subject: subject ? { name: subject.name, partySize: subject.partySize } : null,
	}
}

export type ScannerLinkRow = {
	id: number
	label: string
	state: 'active' | 'expired' | 'revoked'
	expiresAt: string | null
	expiresAtIso: string | null
	createdAt: string
	scans: Count
	lastScanAt: string | null
}

function linkRow(link: ScannerLinkView, locale: Locale): ScannerLinkRow {
	return {
		id: link.id,
		label: link.label,
		state: link.revokedAt ? 'revoked' : link.active ? 'active' : 'expired',
		expiresAt: link.expiresAt ? formatDateTime(new Date(link.expiresAt), locale) : null,
		expiresAtIso: link.expiresAt,
		createdAt: formatDateTime(new Date(link.createdAt), locale),
		scans: count(link.scans, locale),
		lastScanAt: link.lastScanAt ? formatDateTime(new Date(link.lastScanAt), locale) : null,
	}
}

/** Everything /admin/events/{id}/scanners shows: the form's choices and the event's links. */
export function scannersPage(db: Db, event: EventRow, locale: Locale, now = new Date()) {
	const presets = expiryPresets(event, now)
	const choice = (at: Date) => ({ text: formatDateTime(at, locale), past: at <= now })
	return {
		event: { id: event.id, slug: event.slug, title: eventTitleIn(event, locale) },
		expiry: {
			day: choice(presets.day),
			event: choice(presets.event),
			defaultChoice: defaultExpiryChoice(event, now) satisfies ExpiryChoice,
			/** The custom field's starting value and its earliest allowed value. */
			customDefault: toBelgradeLocalInput(presets.day > now ? presets.day : presets.hours4),
			customMin: toBelgradeLocalInput(now),
		},
		links: listScannerLinks(db, event.id, now).map((link) => linkRow(link, locale)),
	}
}

export type CreatedScannerLink = { label: string; url: string; expiresAt: string; qr: QrDrawing }

/** The link just made, with its QR drawn on the server: shown this once (only a hash is kept). */
export function createdLinkView(created: { url: string; link: ScannerLinkView }, locale: Locale): CreatedScannerLink {
	return {
		label: created.link.label,
		url: created.url,
		expiresAt: created.link.expiresAt ? formatDateTime(new Date(created.link.expiresAt), locale) : '',
		qr: drawQr(created.url),
	}
}
