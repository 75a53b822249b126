// When the mails the server sends by itself are due (domain/mail-kinds.ts), at the edges, in
// Belgrade time (an event at 18:00 on a Saturday, and one across the autumn clock change).
import { describe, expect, test } from 'vitest'
import {
	FOLLOW_UP_WINDOW_MS,
	OPTIONAL_MAIL_TEMPLATES,
	followUpDueAt,
	isFollowUpDue,
	isOptionalMailTemplate,
	isReminderDue,
	isSetupReminderDue,
	listUnsubscribeHeaders,
	reminderDueAt,
	setupReminderDueAt,
	stopMailsUrl,
} from '#app/domain/mail-kinds.ts'

// Saturday 19 December 2026, 18:00–20:00 in Belgrade (UTC+1).
const STARTS = new Date('2026-12-19T17:00:00.000Z')
const ENDS = new Date('2026-12-19T19:00:00.000Z')
const event = { status: 'published', startsAt: STARTS, endsAt: ENDS, reminderHoursBefore: 24 as number | null, followUpHoursAfter: 2 as number | null }
const registration = {
	status: 'confirmed',
	email: 'ana@example.org' as string | null,
	confirmedAt: new Date('2026-12-01T10:00:00.000Z') as Date | null,
	checkedInAt: new Date('2026-12-19T17:10:00.000Z') as Date | null,
	reminderQueuedAt: null as Date | null,
	followUpQueuedAt: null as Date | null,
	optionalMailStoppedAt: null as Date | null,
}
const at = (iso: string) => new Date(iso)
const MS = 1

describe('the reminder before an event', () => {
	test('is due from 18:00 on Friday (24 h before, Belgrade) until the start, not a millisecond earlier', () => {
		expect(reminderDueAt(STARTS, 24)).toEqual(at('2026-12-18T17:00:00.000Z'))
		expect(isReminderDue(event, registration, new Date(at('2026-12-18T17:00:00.000Z').getTime() - MS))).toBe(false)
		expect(isReminderDue(event, registration, at('2026-12-18T17:00:00.000Z'))).toBe(true)
		expect(isReminderDue(event, registration, new Date(STARTS.getTime() - MS))).toBe(true)
		expect(isReminderDue(event, registration, STARTS)).toBe(false)
	})

	test('counts real hours across the autumn clock change (Sunday 25 October 2026, 10:00 Belgrade)', () => {
		const sunday = { ...event, startsAt: at('2026-10-25T09:00:00.000Z') }
		// 24 real hours before 10:00 CET is 11:00 CEST on Saturday.
		expect(reminderDueAt(sunday.startsAt, 24)).toEqual(at('2026-10-24T09:00:00.000Z'))
	})

	test('never when off, twice, stopped, cancelled, without an address, for a late ticket or a cancelled event', () => {
		const now = at('2026-12-19T08:00:00.000Z')
		expect(isReminderDue(event, registration, now)).toBe(true)
		expect(reminderDueAt(STARTS, null)).toBeNull()
		expect(isReminderDue({ ...event, reminderHoursBefore: null }, registration, now)).toBe(false)
		expect(isReminderDue({ ...event, status: 'cancelled' }, registration, now)).toBe(false)
		expect(isReminderDue(event, { ...registration, reminderQueuedAt: now }, now)).toBe(false)
		expect(isReminderDue(event, { ...registration, optionalMailStoppedAt: now }, now)).toBe(false)
		expect(isReminderDue(event, { ...registration, status: 'cancelled' }, now)).toBe(false)
		expect(isReminderDue(event, { ...registration, status: 'waitlisted', confirmedAt: null }, now)).toBe(false)
		expect(isReminderDue(event, { ...registration, email: null }, now)).toBe(false)
		// A ticket issued at the reminder time still gets it; one issued a moment later has just had its ticket mail.
		expect(isReminderDue(event, { ...registration, confirmedAt: at('2026-12-18T17:00:00.000Z') }, now)).toBe(true)
		expect(isReminderDue(event, { ...registration, confirmedAt: at('2026-12-18T17:00:00.001Z') }, now)).toBe(false)
	})
})

describe('the thank-you after an event', () => {
	test('is due 2 h after the end (22:00 Belgrade) and for a week after, to checked-in visitors only', () => {
		const due = at('2026-12-19T21:00:00.000Z')
		expect(followUpDueAt(ENDS, 2)).toEqual(due)
		expect(isFollowUpDue(event, registration, new Date(due.getTime() - MS))).toBe(false)
		expect(isFollowUpDue(event, registration, due)).toBe(true)
		expect(isFollowUpDue(event, registration, new Date(due.getTime() + FOLLOW_UP_WINDOW_MS - MS))).toBe(true)
		expect(isFollowUpDue(event, registration, new Date(due.getTime() + FOLLOW_UP_WINDOW_MS))).toBe(false)
		expect(isFollowUpDue(event, { ...registration, checkedInAt: null }, due)).toBe(false)
		expect(isFollowUpDue(event, { ...registration, followUpQueuedAt: due }, due)).toBe(false)
		expect(isFollowUpDue(event, { ...registration, optionalMailStoppedAt: due }, due)).toBe(false)
		expect(isFollowUpDue({ ...event, followUpHoursAfter: null }, registration, due)).toBe(false)
		expect(isFollowUpDue({ ...event, followUpHoursAfter: 0 }, registration, ENDS)).toBe(true)
	})
})

describe('the setup reminder', () => {
	test('is due 24 h before setting up may start, until then', () => {
		const setup = at('2026-12-19T08:00:00.000Z') // 09:00 Belgrade
		expect(setupReminderDueAt(setup)).toEqual(at('2026-12-18T08:00:00.000Z'))
		expect(isSetupReminderDue(setup, at('2026-12-18T07:59:59.999Z'))).toBe(false)
		expect(isSetupReminderDue(setup, at('2026-12-18T08:00:00.000Z'))).toBe(true)
		expect(isSetupReminderDue(setup, setup)).toBe(false)
	})
})

describe('the stop link', () => {
	test('only the optional mails are stoppable', () => {
		expect(OPTIONAL_MAIL_TEMPLATES).toEqual(['event-reminder', 'event-follow-up', 'application-setup-reminder', 'event-message', 'fair-message'])
		expect(isOptionalMailTemplate('event-reminder')).toBe(true)
		expect(isOptionalMailTemplate('registration-confirmed')).toBe(false)
	})

	test('is built from the mail’s own private link, for a visitor or an exhibitor', () => {
		expect(stopMailsUrl('https://s.example', { registration: { manageToken: 'abc' } })).toBe('https://s.example/tickets/abc/stop-mails')
		expect(stopMailsUrl('https://s.example', { application: { manageToken: 'xyz' } })).toBe('https://s.example/applications/xyz/stop-mails')
		expect(stopMailsUrl('https://s.example', { registration: { manageToken: '' } })).toBeNull()
	})

	test('the headers follow RFC 2369 and RFC 8058; mailto only with a contact address', () => {
		expect(listUnsubscribeHeaders('https://s.example/tickets/abc/stop-mails', 'centar@example.org')).toEqual({
			'List-Unsubscribe': '<https://s.example/tickets/abc/stop-mails>, <mailto:centar@example.org?subject=stop>',
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
		})
		expect(listUnsubscribeHeaders('https://s.example/tickets/abc/stop-mails', null)['List-Unsubscribe']).toBe('<https://s.example/tickets/abc/stop-mails>')
	})
})
