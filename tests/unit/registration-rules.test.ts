import { describe, expect, test } from 'vitest'
import { decideRegistration, isRegistrationOpen, pickPromotions, waitlistPosition, type EventForRegistration } from '#app/domain/registration-rules.ts'

const now = new Date('2026-12-01T10:00:00Z')
const event: EventForRegistration = {
	status: 'published',
	capacity: 10,
	confirmedPersons: 0,
	waitlist: true,
	maxPartySize: 4,
	startsAt: new Date('2026-12-19T09:00:00Z'),
	registrationClosesAt: null,
}

describe('deciding a registration', () => {
	test('confirmed while the party fits', () => {
		expect(decideRegistration({ ...event, confirmedPersons: 6 }, 4, now)).toEqual({ outcome: 'confirmed' })
	})

	test('waitlisted when the party does not fit, if the event has a waiting list', () => {
		expect(decideRegistration({ ...event, confirmedPersons: 7 }, 4, now)).toEqual({ outcome: 'waitlisted' })
		expect(decideRegistration({ ...event, confirmedPersons: 10 }, 1, now)).toEqual({ outcome: 'waitlisted' })
	})

	test('sold out without a waiting list', () => {
		expect(decideRegistration({ ...event, confirmedPersons: 10, waitlist: false }, 1, now)).toEqual({ outcome: 'refused', reason: 'sold_out' })
	})

	test('no limit means always confirmed', () => {
		expect(decideRegistration({ ...event, capacity: null, confirmedPersons: 9999 }, 4, now)).toEqual({ outcome: 'confirmed' })
	})

	test('party size is 1..maxPartySize', () => {
		expect(decideRegistration(event, 5, now)).toEqual({ outcome: 'refused', reason: 'party_too_large' })
		expect(decideRegistration(event, 0, now)).toEqual({ outcome: 'refused', reason: 'party_too_large' })
	})

	test('closes at the start, or at the organizer’s time', () => {
		expect(decideRegistration(event, 1, event.startsAt)).toEqual({ outcome: 'refused', reason: 'registration_closed' })
		const early = { ...event, registrationClosesAt: new Date('2026-12-01T09:59:59Z') }
		expect(decideRegistration(early, 1, now)).toEqual({ outcome: 'refused', reason: 'registration_closed' })
		expect(isRegistrationOpen(early, now)).toBe(false)
		expect(isRegistrationOpen(event, now)).toBe(true)
		expect(decideRegistration(early, 1, now, { organizerOverride: true })).toEqual({ outcome: 'confirmed' })
	})

	test('drafts and cancelled events take no registrations', () => {
		expect(decideRegistration({ ...event, status: 'draft' }, 1, now)).toEqual({ outcome: 'refused', reason: 'not_open' })
		expect(decideRegistration({ ...event, status: 'cancelled' }, 1, now, { organizerOverride: true })).toEqual({ outcome: 'refused', reason: 'not_open' })
	})
})

describe('promoting from the waiting list', () => {
	const queue = [
		{ id: 1, partySize: 4 },
		{ id: 2, partySize: 2 },
		{ id: 3, partySize: 1 },
		{ id: 4, partySize: 3 },
	]

	test('in registration order, each party that fits', () => {
		expect(pickPromotions(10, 0, queue)).toEqual([1, 2, 3, 4])
		expect(pickPromotions(10, 4, queue)).toEqual([1, 2])
	})

	test('a party that does not fit keeps its place; the next that fits goes ahead', () => {
		expect(pickPromotions(10, 7, queue)).toEqual([2, 3])
		expect(pickPromotions(10, 8, queue)).toEqual([2])
		expect(pickPromotions(10, 9, queue)).toEqual([3])
	})

	test('nothing free, nothing promoted', () => {
		expect(pickPromotions(10, 10, queue)).toEqual([])
		expect(pickPromotions(10, 12, queue)).toEqual([])
	})

	test('no limit promotes everyone', () => {
		expect(pickPromotions(null, 500, queue)).toEqual([1, 2, 3, 4])
	})

	test('positions count the parties ahead', () => {
		expect(waitlistPosition(3, queue)).toBe(3)
		expect(waitlistPosition(9, queue)).toBeNull()
	})
})
