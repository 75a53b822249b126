// What the event page says about registering: whether the form is shown, how many places are left,
// and whether a newcomer would get a place or join the waiting list. The same rules as the service
// (registration-rules.ts, capacity.ts), only read, never decided here.
import type { EventRow } from '#db/schema/index.ts'
import { remainingPlaces } from '#app/domain/capacity.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { isRegistrationOpen, registrationClosesAt } from '#app/domain/registration-rules.ts'
import { inBelgradeTime } from '#app/services/views/event-views.server.ts'
import { formQuestionsView } from '#app/services/views/event-question-views.server.ts'

export type RegistrationState = 'open' | 'waitlist' | 'sold_out' | 'closed' | 'cancelled'

export function registrationPanelView(event: EventRow, locale: Locale, now = new Date()) {
	const remaining = remainingPlaces(event.capacity, event.confirmedPersons)
	let state: RegistrationState
	if (event.status === 'cancelled') state = 'cancelled'
	else if (!isRegistrationOpen(event, now)) state = 'closed'
	else if (remaining === null || remaining > 0) state = 'open'
	else state = event.waitlist ? 'waitlist' : 'sold_out'
	const closesAt = registrationClosesAt(event)
	return {
		state,
		remaining,
		remainingText: remaining === null ? null : formatNumber(remaining, locale),
		maxPartySize: event.maxPartySize,
		waitlist: event.waitlist,
		/** Some places are left, but fewer than the largest party: a bigger party waits (or is refused). */
		partlyFull: state === 'open' && remaining !== null && remaining < event.maxPartySize,
		/** Only an organizer's own closing time is worth announcing; the start of the event is obvious. */
		closesAt: event.registrationClosesAt ? inBelgradeTime(formatDateTime(closesAt, locale), locale) : null,
		/** The event's own questions (issue 18) the form asks. */
		questions: formQuestionsView(event, locale),
	}
}

export type RegistrationPanelView = ReturnType<typeof registrationPanelView>
