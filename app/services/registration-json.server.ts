import type { EventRow, RegistrationRow } from '#db/schema/index.ts'

export function manageUrl(publicUrl: string, registration: Pick<RegistrationRow, 'manageToken'>) {
	return `${publicUrl}/tickets/${registration.manageToken}`
}

/** The Registration object of the JSON API (CONTRACT.md). */
export function toRegistrationJson(registration: RegistrationRow, event: Pick<EventRow, 'slug'>, publicUrl: string, position?: number | null) {
	const manage = manageUrl(publicUrl, registration)
	return {
		id: registration.id,
		event: event.slug,
		name: registration.name,
		email: registration.email,
		partySize: registration.partySize,
		status: registration.status,
		locale: registration.locale,
		createdAt: registration.createdAt.toISOString(),
		manageUrl: manage,
		...(registration.status === 'waitlisted' && position != null ? { position } : {}),
		...(registration.status === 'confirmed' && registration.ticketCode
			? { ticket: { code: registration.ticketCode, qrUrl: `${manage}/qr.svg`, calendarUrl: `${manage}/ticket.ics` } }
			: {}),
	}
}
