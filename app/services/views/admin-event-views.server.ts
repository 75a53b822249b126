import type { EventRow } from '#db/schema/index.ts'
import { remainingPlaces } from '#app/domain/capacity.ts'
import { formatDateTime, formatNumber, toBelgradeLocalInput } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import type { EventFormDefaults } from '#app/domain/event-input.ts'

export function adminEventRow(event: EventRow, locale: Locale) {
	const remaining = remainingPlaces(event.capacity, event.confirmedPersons)
	return {
		id: event.id,
		slug: event.slug,
		title: eventTitleIn(event, locale),
		kind: event.kind,
		status: event.status,
		startsAt: formatDateTime(event.startsAt, locale),
		startsAtIso: event.startsAt.toISOString(),
		registered: formatNumber(event.confirmedPersons, locale),
		waitlisted: formatNumber(event.waitlistedPersons, locale),
		capacity: event.capacity === null ? null : formatNumber(event.capacity, locale),
		remaining: remaining === null ? null : formatNumber(remaining, locale),
		past: event.endsAt.getTime() < Date.now(),
		/** Publishing it now needs the "yes, in the past" tick (needsPastStartConfirmation). */
		startsInPast: event.startsAt.getTime() < Date.now(),
	}
}

/** An event as the edit form's starting values (Belgrade wall-clock times). */
export function eventFormDefaults(event: EventRow): EventFormDefaults {
	return {
		title: event.title,
		titleEn: event.titleEn ?? undefined,
		slug: event.slug,
		kind: event.kind,
		summary: event.summary ?? undefined,
		summaryEn: event.summaryEn ?? undefined,
		description: event.description,
		descriptionEn: event.descriptionEn ?? undefined,
		venueName: event.venueName,
		venueAddress: event.venueAddress,
		venueCity: event.venueCity,
		startsAt: toBelgradeLocalInput(event.startsAt),
		endsAt: toBelgradeLocalInput(event.endsAt),
		capacity: event.capacity === null ? undefined : String(event.capacity),
		maxPartySize: String(event.maxPartySize),
		waitlist: event.waitlist ? 'on' : undefined,
		reentryAllowed: event.reentryAllowed ? 'on' : undefined,
		certificates: event.certificates ? 'on' : undefined,
		registrationClosesAt: event.registrationClosesAt ? toBelgradeLocalInput(event.registrationClosesAt) : undefined,
		reminderHoursBefore: event.reminderHoursBefore === null ? undefined : String(event.reminderHoursBefore),
		followUpHoursAfter: event.followUpHoursAfter === null ? undefined : String(event.followUpHoursAfter),
	}
}
