/**
 * The one place that says how many places an event has left. Used by the public pages, the admin
 * list, the API and (later) the check-in screen.
 * Capacity counts persons; null capacity means no limit, and `remaining` is then null too.
 */
export function remainingPlaces(capacity: number | null, confirmedPersons: number): number | null {
	if (capacity === null) return null
	return Math.max(0, capacity - confirmedPersons)
}

export type Availability = 'open' | 'few_left' | 'full' | 'unlimited'

/** A coarse label for listings: "few left" below 10% (and at most 20 places). */
export function availability(capacity: number | null, confirmedPersons: number): Availability {
	const remaining = remainingPlaces(capacity, confirmedPersons)
	if (remaining === null) return 'unlimited'
	if (remaining === 0) return 'full'
	if (remaining <= Math.min(20, Math.ceil((capacity ?? 0) * 0.1))) return 'few_left'
	return 'open'
}
