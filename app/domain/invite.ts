// Calendar invites sent by mail (iTIP, RFC 5546, over iCalendar, RFC 5545): one VEVENT addressed
// to one visitor. Written by hand rather than with `ics` because an invite needs exact control of
// ORGANIZER/ATTENDEE parameters and of line folding (75 octets, not characters: Cyrillic is two
// octets a letter). Pure: every value, the time stamp included, is an argument.
import { PRODUCT_ID, foldLine } from './calendar.ts'

export type InviteMethod = 'REQUEST' | 'CANCEL'

export type InviteParticipant = { name: string; email: string }

export type Invite = {
	method: InviteMethod
	/**
	 * The event's UID (calendar.ts eventUid): the same in every invite, the public feed and the
	 * ticket's .ics, so each path leads to one calendar entry, not several.
	 */
	uid: string
	/** RFC 5545 SEQUENCE: raised by the event on every change of time, place or title. */
	sequence: number
	/**
	 * DTSTAMP: when this message was made (for us: when the mail was queued). Between messages
	 * with the same SEQUENCE, calendars take the later DTSTAMP (RFC 5546 2.1.5).
	 */
	stamp: Date
	start: Date
	end: Date
	summary: string
	location: string
	description: string
	url: string
	organizer: InviteParticipant
	attendee: InviteParticipant & {
		/** ACCEPTED for someone holding a place; DECLINED when they cancelled it themselves. */
		partStat: 'ACCEPTED' | 'DECLINED'
		/** Persons in the party; Google Calendar shows the others as guests (X-NUM-GUESTS). */
		partySize: number
	}
	created?: Date
	lastModified?: Date
}

/**
 * The SEQUENCE of a person's invite. A calendar applies a message only if its SEQUENCE is higher
 * than the last one it holds (or equal with a later DTSTAMP, which not every client honours), so:
 * a CANCEL is one above the REQUEST it withdraws, and each earlier cancelled registration of the
 * same person (`round`) lifts the next REQUEST above that CANCEL. The event's own SEQUENCE (raised
 * on every change) keeps an update above everything sent before it.
 */
export function inviteSequence(eventSequence: number, method: InviteMethod, round = 0) {
	return eventSequence + 2 * round + (method === 'CANCEL' ? 1 : 0)
}

/** RFC 5545 3.3.5: UTC date-time, "20261219T090000Z". */
export function icalUtc(date: Date) {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '')
}

/** RFC 5545 3.3.11: TEXT escapes backslash, semicolon, comma and line breaks. */
export function escapeText(value: string) {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n')
}

/** RFC 5545 3.2: a parameter value is quoted; it may not contain DQUOTE or control characters. */
function paramValue(value: string) {
	// eslint-disable-next-line no-control-regex -- removing control characters is the point
	return `"${value.replace(/["\u0000-\u001f\u007f]/g, '').trim()}"`
}

// Folding is shared with the public feed (calendar.ts).
export { foldLine }

function mailto(email: string) {
	return `mailto:${email}`
}

/** A VCALENDAR with METHOD and one VEVENT, CRLF line ends, folded. */
export function buildInvite(invite: Invite): string {
	const cancelled = invite.method === 'CANCEL'
	const attendeeParams = [
		'CUTYPE=INDIVIDUAL',
		'ROLE=REQ-PARTICIPANT',
		`PARTSTAT=${invite.attendee.partStat}`,
		// We take no iTIP replies: the place is already held (or given up) through the manage link.
		'RSVP=FALSE',
		...(invite.attendee.partySize > 1 ? [`X-NUM-GUESTS=${invite.attendee.partySize - 1}`] : []),
		`CN=${paramValue(invite.attendee.name || invite.attendee.email)}`,
	]
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${PRODUCT_ID}`,
		'CALSCALE:GREGORIAN',
		`METHOD:${invite.method}`,
		'BEGIN:VEVENT',
		`UID:${invite.uid}`,
		`SEQUENCE:${invite.sequence}`,
		`DTSTAMP:${icalUtc(invite.stamp)}`,
		`DTSTART:${icalUtc(invite.start)}`,
		`DTEND:${icalUtc(invite.end)}`,
		`SUMMARY:${escapeText(invite.summary)}`,
		`LOCATION:${escapeText(invite.location)}`,
		`DESCRIPTION:${escapeText(invite.description)}`,
		`URL:${invite.url}`,
		`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		// A cancelled entry no longer blocks the visitor's time.
		`TRANSP:${cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
		`ORGANIZER;CN=${paramValue(invite.organizer.name || invite.organizer.email)}:${mailto(invite.organizer.email)}`,
		`ATTENDEE;${attendeeParams.join(';')}:${mailto(invite.attendee.email)}`,
		...(invite.created ? [`CREATED:${icalUtc(invite.created)}`] : []),
		...(invite.lastModified ? [`LAST-MODIFIED:${icalUtc(invite.lastModified)}`] : []),
		'END:VEVENT',
		'END:VCALENDAR',
	]
	return lines.map(foldLine).join('\r\n') + '\r\n'
}
