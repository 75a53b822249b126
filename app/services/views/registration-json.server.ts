import type { EventRow, RegistrationRow } from '#db/schema/index.ts'
import { parseStoredAnswers } from '#app/domain/event-questions.ts'

export function manageUrl(publicUrl: string, token: string) {
	return `${publicUrl}/tickets/${token}`
}

/**
 * The Registration object of the JSON API (CONTRACT.md). The private link is known only where the
 * caller holds its token (the answer that creates the registration, a cancel by the link); the
 * database keeps only hashes, so elsewhere (organizer lists) `manageUrl`, `qrUrl` and `calendarUrl`
 * are null (docs/decisions/0008-hashed-private-links.md).
 */
export function toRegistrationJson(
	registration: RegistrationRow,
	event: Pick<EventRow, 'slug'>,
	publicUrl: string,
	position?: number | null,
	manageToken: string | null = null,
) {
	const manage = manageToken ? manageUrl(publicUrl, manageToken) : null
	return {
		id: registration.id,
		event: event.slug,
		name: registration.name,
		/** Null for a registration an organizer took without an address (at the door, on the phone). */
		email: registration.email,
		phone: registration.phone,
		partySize: registration.partySize,
		status: registration.status,
		locale: registration.locale,
		createdAt: registration.createdAt.toISOString(),
		/** The answers to the event's own questions (issue 18), keyed by question id. */
		answers: parseStoredAnswers(registration.answers),
		manageUrl: manage,
		...(registration.status === 'waitlisted' && position != null ? { position } : {}),
		...(registration.status === 'confirmed' && registration.ticketCode
			? { ticket: { code: registration.ticketCode, qrUrl: manage && `${manage}/qr.svg`, calendarUrl: manage && `${manage}/ticket.ics` } }
			: {}),
	}
}
