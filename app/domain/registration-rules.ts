// The rules of taking a place: pure, so every door (public form, API, organizer's manual add,
// promotion) decides the same way. The service calls these inside its write transaction.
import { remainingPlaces } from './capacity.ts'
import type { EventStatus } from './vocabulary.ts'

export type EventForRegistration = {
	status: EventStatus
	capacity: number | null
	confirmedPersons: number
	waitlist: boolean
	maxPartySize: number
	startsAt: Date
	registrationClosesAt: Date | null
}

export type RegistrationDecision =
	{ outcome: 'confirmed' } | { outcome: 'waitlisted' } | { outcome: 'refused'; reason: 'not_open' | 'registration_closed' | 'sold_out' | 'party_too_large' }

/** Registration closes at the organizer's time, or when the event starts. */
export function registrationClosesAt(event: Pick<EventForRegistration, 'startsAt' | 'registrationClosesAt'>): Date {
	return event.registrationClosesAt ?? event.startsAt
}

export function isRegistrationOpen(event: Pick<EventForRegistration, 'status' | 'startsAt' | 'registrationClosesAt'>, now: Date) {
	return event.status === 'published' && now < registrationClosesAt(event)
}

/**
 * Whether a party of `partySize` gets places now, goes on the waiting list, or is refused.
 * Places freed earlier have already gone to every waiting party that fits (promotion happens at
 * once), so whoever still waits does not fit; a newcomer who fits takes the places, exactly as
 * `pickPromotions` would have promoted them from the list. An organizer adding someone by hand
 * may do so after registration closed, but never beyond capacity.
 */
export function decideRegistration(event: EventForRegistration, partySize: number, now: Date, { organizerOverride = false } = {}): RegistrationDecision {
	if (event.status !== 'published') return { outcome: 'refused', reason: 'not_open' }
	if (!organizerOverride && now >= registrationClosesAt(event)) return { outcome: 'refused', reason: 'registration_closed' }
	if (partySize < 1 || partySize > event.maxPartySize) return { outcome: 'refused', reason: 'party_too_large' }
	const remaining = remainingPlaces(event.capacity, event.confirmedPersons)
	if (remaining === null || remaining >= partySize) return { outcome: 'confirmed' }
	if (event.waitlist) return { outcome: 'waitlisted' }
	return { outcome: 'refused', reason: 'sold_out' }
}

export type WaitingParty = { id: number; partySize: number }

/**
 * Which waiting parties get the freed places: in registration order, each party that fits is
 * promoted; one that does not fit yet keeps its place, and the next one that fits goes ahead.
 * `queue` must be in registration order.
 */
export function pickPromotions(capacity: number | null, confirmedPersons: number, queue: readonly WaitingParty[]): number[] {
	let remaining = remainingPlaces(capacity, confirmedPersons)
	const promoted: number[] = []
	for (const party of queue) {
		if (remaining !== null && remaining <= 0) break
		if (remaining === null || party.partySize <= remaining) {
			promoted.push(party.id)
			if (remaining !== null) remaining -= party.partySize
		}
	}
	return promoted
}

/** 1-based position on the waiting list: the parties still waiting that registered earlier, plus one. */
export function waitlistPosition(partyId: number, queue: readonly WaitingParty[]): number | null {
	const index = queue.findIndex((p) => p.id === partyId)
	return index === -1 ? null : index + 1
}
