import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import type { EventRow } from '#db/schema/events.ts'
import { buildCalendar, googleCalendarLink } from '#app/domain/calendar.ts'
import { inviteSequence } from '#app/domain/invite.ts'

const event: EventRow = {
	id: 7,
	slug: 'mini-sajam-2026',
	title: 'Mini-sajam socijalnog preduzetništva 2026',
	titleEn: 'Mini-fair of Social Entrepreneurship 2026',
	summary: 'Društvena preduzeća na trgu.',
	summaryEn: 'Social enterprises on the square.',
	description: 'Ulaz je slobodan; dobrodošli, svi!',
	descriptionEn: null,
	kind: 'fair',
	venueName: 'Plato ispred Kulturnog centra',
	venueAddress: 'Trg kosovskih junaka',
	venueCity: 'Kruševac',
	startsAt: new Date('2026-12-19T09:00:00Z'),
	endsAt: new Date('2026-12-19T16:00:00Z'),
	capacity: 500,
	maxPartySize: 6,
	waitlist: true,
	reentryAllowed: true,
	certificates: false,
	questions: '[]',
	reminderHoursBefore: 24,
	followUpHoursAfter: null,
	registrationClosesAt: null,
	status: 'published',
	sequence: 2,
	confirmedPersons: 0,
	waitlistedPersons: 0,
	createdAt: new Date('2026-11-01T10:00:00Z'),
	updatedAt: new Date('2026-11-20T10:00:00Z'),
}

function parse(ics: string) {
	return new ICAL.Component(ICAL.parse(ics))
}

describe('iCalendar output', () => {
	test('an event carries a stable UID, its SEQUENCE and UTC times', () => {
		const cal = parse(buildCalendar([event], 'sr-Latn', 'https://sajam.example'))
		const vevent = cal.getFirstSubcomponent('vevent')!
		expect(vevent.getFirstPropertyValue('uid')).toBe('event-7@sajam.example')
		expect(vevent.getFirstPropertyValue('sequence')).toBe(2)
		expect((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2026-12-19T09:00:00.000Z')
		expect((vevent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2026-12-19T16:00:00.000Z')
		expect(vevent.getFirstPropertyValue('summary')).toBe(event.title)
		expect(vevent.getFirstPropertyValue('location')).toBe('Plato ispred Kulturnog centra, Trg kosovskih junaka, Kruševac')
		expect(vevent.getFirstPropertyValue('url')).toBe('https://sajam.example/events/mini-sajam-2026')
		expect(vevent.getFirstPropertyValue('description')).toContain('Ulaz je slobodan; dobrodošli, svi!')
		expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH')
	})

	test('the reader’s language and script', () => {
		const en = parse(buildCalendar([event], 'en', 'https://sajam.example')).getFirstSubcomponent('vevent')!
		expect(en.getFirstPropertyValue('summary')).toBe(event.titleEn)
		const cyrl = parse(buildCalendar([event], 'sr-Cyrl', 'https://sajam.example')).getFirstSubcomponent('vevent')!
		expect(cyrl.getFirstPropertyValue('summary')).toBe('Мини-сајам социјалног предузетништва 2026')
		expect(cyrl.getFirstPropertyValue('url')).toBe('https://sajam.example/events/mini-sajam-2026')
	})

	test('a cancelled event is STATUS:CANCELLED', () => {
		const vevent = parse(buildCalendar([{ ...event, status: 'cancelled' }], 'en', 'https://sajam.example')).getFirstSubcomponent('vevent')!
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
	})

	test('an empty feed is still a valid calendar', () => {
		const cal = parse(buildCalendar([], 'en', 'https://sajam.example', { calName: 'Sajam; events, all' }))
		expect(cal.getAllSubcomponents('vevent')).toHaveLength(0)
		expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Sajam; events, all')
	})

	test('the Google Calendar link has the times in UTC', () => {
		const url = new URL(googleCalendarLink(event, 'en', 'https://sajam.example'))
		expect(url.searchParams.get('dates')).toBe('20261219T090000Z/20261219T160000Z')
		expect(url.searchParams.get('text')).toBe(event.titleEn)
	})
})

describe('line folding', () => {
	test('no line is longer than 75 octets, and unfolding restores the text', () => {
		const long = { ...event, title: 'Мини-сајам социјалног предузетништва у Крушевцу: ћирилица, čćžšđ и још много тога да ред буде дугачак' }
		const ics = buildCalendar([long], 'sr-Latn', 'https://sajam.example')
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
		const summary = parse(ics).getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')
		expect(summary).toBe(long.title)
	})
})

describe('the SEQUENCE of a person’s invites', () => {
	test('each message is newer than the one before it: REQUEST, CANCEL, a new REQUEST, its CANCEL, an update', () => {
		const sent = [
			inviteSequence(3, 'REQUEST', 0),
			inviteSequence(3, 'CANCEL', 0),
			inviteSequence(3, 'REQUEST', 1),
			inviteSequence(3, 'CANCEL', 1),
			inviteSequence(3, 'REQUEST', 2),
			// The organizer changes the time: the event's SEQUENCE goes up by one.
			inviteSequence(4, 'REQUEST', 2),
		]
		for (let i = 1; i < sent.length; i++) expect(sent[i]!, `message ${i}`).toBeGreaterThan(sent[i - 1]!)
		expect(inviteSequence(0, 'REQUEST')).toBe(0)
		expect(inviteSequence(0, 'CANCEL')).toBe(1)
	})
})
