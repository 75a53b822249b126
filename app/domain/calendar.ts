// iCalendar (RFC 5545) for events: the public feed, one event's download, and the Google
// Calendar link. Pure: the caller passes the events, the language and the site's address.
import { createEvents, type EventAttributes } from 'ics'
import { localizeEventTexts, type EventTexts } from './event-text.ts'
import { TIME_ZONE, type Locale } from './locale.ts'
import type { EventStatus } from './vocabulary.ts'

export const PRODUCT_ID = '-//Centar za socijalno preduzetnistvo Krusevac//Sajam//SR'

/** What a calendar entry is made of (an event row has all of it). */
type CalendarEvent = EventTexts & {
	id: number
	slug: string
	startsAt: Date
	endsAt: Date
	status: EventStatus
	/** Raised on every change of time or place (RFC 5545 SEQUENCE). */
	sequence: number
	createdAt: Date
	updatedAt: Date
}

/** A stable UID per event: calendars match updates and cancellations to the entry by it. */
export function eventUid(event: Pick<CalendarEvent, 'id'>, publicUrl: string) {
	return `event-${event.id}@${new URL(publicUrl).hostname}`
}

export function eventLocation(event: Pick<CalendarEvent, 'venueName' | 'venueAddress' | 'venueCity'>, locale: Locale) {
	const t = localizeEventTexts({ title: '', titleEn: null, summary: null, summaryEn: null, description: '', descriptionEn: null, ...event }, locale)
	return [t.venueName, t.venueAddress, t.venueCity].filter(Boolean).join(', ')
}

/** One event as `ics` attributes: the public view of it (callers may override fields). */
export function eventAttributes(event: CalendarEvent, locale: Locale, publicUrl: string): EventAttributes {
	const texts = localizeEventTexts(event, locale)
	const url = `${publicUrl}/events/${event.slug}`
	const description = [texts.summary, texts.description, url].filter(Boolean).join('\n\n')
	return {
		uid: eventUid(event, publicUrl),
		sequence: event.sequence,
		start: event.startsAt.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: event.endsAt.getTime(),
		endInputType: 'utc',
		endOutputType: 'utc',
		title: texts.title,
		description,
		location: eventLocation(event, locale),
		url,
		status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
		created: event.createdAt.getTime(),
		lastModified: event.updatedAt.getTime(),
	}
}

/** A VCALENDAR with the given events; throws if `ics` refuses (a bug, not user input). */
export function buildCalendar(
	list: CalendarEvent[],
	locale: Locale,
	publicUrl: string,
	options: { calName?: string; method?: 'PUBLISH' | 'REQUEST' | 'CANCEL' } = {},
): string {
	if (list.length === 0) return emptyCalendar(options.calName)
	return calendarFromAttributes(
		list.map((e) => eventAttributes(e, locale, publicUrl)),
		options,
	)
}

/** A VCALENDAR from prepared `ics` attributes, folded by octets. */
export function calendarFromAttributes(list: EventAttributes[], options: { calName?: string; method?: 'PUBLISH' | 'REQUEST' | 'CANCEL' } = {}): string {
	const { error, value } = createEvents(list, { productId: PRODUCT_ID, method: options.method ?? 'PUBLISH', calName: options.calName })
	if (error || !value) throw error ?? new Error('Calendar could not be built')
	return foldLines(value)
}

const encoder = new TextEncoder()

/**
 * RFC 5545 §3.1: a content line longer than 75 octets is folded with CRLF and a space, never inside
 * a UTF-8 sequence. `ics` counts characters, so lines with č, š or Cyrillic come out too long.
 */
export function foldLine(line: string): string {
	const out: string[] = []
	let current = ''
	let octets = 0
	for (const char of line) {
		const size = encoder.encode(char).length
		// The first line holds 75 octets; continuation lines 74 plus the leading space.
		if (octets + size > (out.length === 0 ? 75 : 74)) {
			out.push(current)
			current = ''
			octets = 0
		}
		current += char
		octets += size
	}
	out.push(current)
	return out.join('\r\n ')
}

/** Refolds a whole iCalendar text by octets. */
export function foldLines(text: string): string {
	return text
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.map(foldLine)
		.join('\r\n')
}

/** `ics` refuses an empty list, but an empty feed is a valid calendar. */
function emptyCalendar(calName?: string) {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${PRODUCT_ID}`, 'METHOD:PUBLISH']
	// Written as `ics` writes it in a non-empty feed: X-WR-CALNAME is read unescaped by calendars.
	if (calName) lines.push(`X-WR-CALNAME:${calName.replace(/[\r\n]+/g, ' ')}`)
	lines.push('END:VCALENDAR')
	return lines.join('\r\n') + '\r\n'
}

const googleDate = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '')

/** "Add to Google Calendar" link with the event's details filled in. */
export function googleCalendarLink(event: CalendarEvent, locale: Locale, publicUrl: string) {
	const texts = localizeEventTexts(event, locale)
	const params = new URLSearchParams({
		action: 'TEMPLATE',
		text: texts.title,
		dates: `${googleDate(event.startsAt)}/${googleDate(event.endsAt)}`,
		details: [texts.summary, `${publicUrl}/events/${event.slug}`].filter(Boolean).join('\n\n'),
		location: eventLocation(event, locale),
		ctz: TIME_ZONE,
	})
	return `https://calendar.google.com/calendar/render?${params.toString()}`
}
