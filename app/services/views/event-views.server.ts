// What the public pages show of an event, formatted on the server in the reader's language
// (Intl output differs between Node and browsers; formatting once here keeps hydration exact).
import type { EventRow } from '#db/schema/index.ts'
import { googleCalendarLink } from '#app/domain/calendar.ts'
import { availability, remainingPlaces } from '#app/domain/capacity.ts'
import { localizeEventTexts, mapLink } from '#app/domain/event-text.ts'
import { dateBadge, formatEventTimeRange, formatLongDate, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { applicationsOpen } from '#app/services/queries/applications.server.ts'
import { findCatalogueFair } from '#app/services/queries/exhibitors.server.ts'
import { getPlanInfo } from '#app/services/queries/floor-plan.server.ts'
import type { Db } from '#app/utils/db.server.ts'
import { getT } from '#app/utils/i18n.server.ts'

/**
 * A time as a public page shows it: for an English reader with "(Belgrade time)" after it (the
 * app's times are Europe/Belgrade); a Serbian reader needs no note.
 */
export function inBelgradeTime(text: string, locale: Locale): string {
	return getT(locale, 'public')('event.inBelgradeTime', { time: text })
}

export function eventCardView(event: EventRow, locale: Locale) {
	const texts = localizeEventTexts(event, locale)
	const remaining = remainingPlaces(event.capacity, event.confirmedPersons)
	return {
		slug: event.slug,
		kind: event.kind,
		status: event.status,
		title: texts.title,
		summary: texts.summary,
		untranslated: texts.untranslated,
		date: formatLongDate(event.startsAt, locale),
		time: inBelgradeTime(formatEventTimeRange(event.startsAt, event.endsAt, locale), locale),
		startsAtIso: event.startsAt.toISOString(),
		badge: dateBadge(event.startsAt, locale),
		venue: [texts.venueName, texts.venueCity].filter(Boolean).join(', '),
		availability: availability(event.capacity, event.confirmedPersons),
		remaining,
		remainingText: remaining === null ? null : formatNumber(remaining, locale),
	}
}

export type EventCardView = ReturnType<typeof eventCardView>

export function eventPageView(event: EventRow, locale: Locale, publicUrl: string) {
	const texts = localizeEventTexts(event, locale)
	return {
		...eventCardView(event, locale),
		description: texts.description,
		venueName: texts.venueName,
		venueAddress: texts.venueAddress,
		venueCity: texts.venueCity,
		mapUrl: mapLink(event.venueName, event.venueAddress, event.venueCity),
		capacity: event.capacity,
		capacityText: event.capacity === null ? null : formatNumber(event.capacity, locale),
		maxPartySize: event.maxPartySize,
		waitlist: event.waitlist,
		googleCalendarUrl: googleCalendarLink(event, locale, publicUrl),
		icsUrl: `/events/${event.slug}/event.ics`,
		url: `${publicUrl}/events/${event.slug}`,
	}
}

/**
 * The addresses of the events feed for a calendar subscription, in the reader's language: `https`
 * to paste into Google Calendar or Outlook, `webcal` (the same address, webcal:// for http and
 * https alike) for a calendar app to subscribe with one tap.
 */
export function calendarSubscriptionView(publicUrl: string, locale: Locale) {
	const https = `${publicUrl.replace(/\/+$/, '')}/calendar.ics?lang=${locale}`
	return { https, webcal: https.replace(/^https?:/, 'webcal:'), download: '/calendar.ics' }
}

/**
 * Where a published fair sends its visitors and exhibitors: the exhibitor catalogue, the map (once
 * the floor plan is published) and the application form (while applications are open); null for
 * any other event.
 */
export function fairLinksView(db: Db, event: EventRow, now: Date) {
	if (event.kind !== 'fair' || event.status !== 'published') return null
	const fair = findCatalogueFair(db, event.slug)
	if (!fair) return null
	return {
		catalogue: `/fairs/${event.slug}/exhibitors`,
		map: getPlanInfo(db, event.id).publishedAt ? `/fairs/${event.slug}/map` : null,
		apply: applicationsOpen(fair, now) ? `/fairs/${event.slug}/apply` : null,
	}
}

/** When and where, as a private page (ticket, application) shows its event: dates formatted, the venue in one line. */
export function eventFactsView(event: EventRow, locale: Locale) {
	const texts = localizeEventTexts(event, locale)
	return {
		slug: event.slug,
		status: event.status,
		title: texts.title,
		untranslated: texts.untranslated,
		date: formatLongDate(event.startsAt, locale),
		time: inBelgradeTime(formatEventTimeRange(event.startsAt, event.endsAt, locale), locale),
		startsAtIso: event.startsAt.toISOString(),
		venueName: texts.venueName,
		venueAddress: [texts.venueAddress, texts.venueCity].filter(Boolean).join(', '),
		mapUrl: mapLink(event.venueName, event.venueAddress, event.venueCity),
	}
}
