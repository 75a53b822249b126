// What the private ticket page (/tickets/{token}) and its files show: the ticket, the event, the
// visitor's own data, their calendar entry and their data export. Formatted here, on the server,
// in the reader's language.
import { parseStoredAnswers } from '#app/domain/event-questions.ts'
import { surveyTextIn } from '#app/domain/survey-definition.ts'
import { eventQuestions } from '#app/services/queries/event-questions.server.ts'
import { eq } from 'drizzle-orm'
import { events, type EventRow, type RegistrationRow } from '#db/schema/index.ts'
import { calendarFromAttributes, eventAttributes, googleCalendarLink } from '#app/domain/calendar.ts'
import { localizeEventTexts } from '#app/domain/event-text.ts'
import { eventFactsView, inBelgradeTime } from '#app/services/views/event-views.server.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { Db } from '#app/utils/db.server.ts'
import { getT, withLang } from '#app/utils/i18n.server.ts'
import { manageUrl } from '#app/services/views/registration-json.server.ts'
import { currentWaitlistPosition, findByManageToken } from '#app/services/queries/registrations.server.ts'
import { drawQr } from '#app/services/views/ticket-qr.server.ts'
import { mayHaveCertificate } from '#app/services/views/certificate.server.ts'

/** `token`: the link's token as it came in the URL (the database has only its hash). */
export type Ticket = { registration: RegistrationRow; event: EventRow; token: string }

/** The registration behind a manage link and its event; undefined for an unknown or erased link. */
export function findTicket(db: Db, token: string): Ticket | undefined {
	const registration = findByManageToken(db, token)
	if (!registration) return undefined
	const event = db.select().from(events).where(eq(events.id, registration.eventId)).get()
	return event ? { registration, event, token } : undefined
}

/** `keepLang`: the language the reader chose with ?lang=, kept in the page's own links. */
export function ticketPageView(db: Db, { registration, event, token }: Ticket, locale: Locale, publicUrl: string, keepLang?: Locale) {
	const base = `/tickets/${token}`
	const position = currentWaitlistPosition(db, registration)
	const showTicket = registration.status === 'confirmed' && event.status !== 'cancelled' && registration.ticketCode !== null
	return {
		token,
		status: registration.status,
		position,
		positionText: position === null ? null : formatNumber(position, locale),
		partySize: registration.partySize,
		partySizeText: formatNumber(registration.partySize, locale),
		qr: showTicket ? drawQr(registration.ticketCode!) : null,
		ticketCode: showTicket ? registration.ticketCode : null,
		cancelledAt: registration.cancelledAt ? inBelgradeTime(formatDateTime(registration.cancelledAt, locale), locale) : null,
		cancelledBy: registration.cancelledBy,
		person: {
			name: registration.name,
			email: registration.email,
			phone: registration.phone,
			locale: registration.locale,
			registeredAt: inBelgradeTime(formatDateTime(registration.createdAt, locale), locale),
			privacyAcceptedAt: inBelgradeTime(formatDateTime(registration.privacyAcceptedAt, locale), locale),
			consents: {
				photos: registration.consentPhotos,
				newsletter: registration.consentNewsletter,
				research: registration.consentResearch,
				funderList: registration.consentFunderList,
			},
			demographics: {
				gender: registration.gender,
				ageGroup: registration.ageGroup,
				municipality: registration.municipality,
				vulnerableGroup: registration.vulnerableGroup,
			},
		},
		event: { ...eventFactsView(event, locale), kind: event.kind },
		canCancel: registration.status !== 'cancelled' && event.status !== 'cancelled',
		links: {
			self: withLang(base, keepLang),
			ics: withLang(`${base}/ticket.ics`, keepLang),
			qr: `${base}/qr.svg`,
			/** The certificate of attendance (PDF), for a checked-in participant of an event that gives them. */
			certificate: mayHaveCertificate(registration, event) ? withLang(`${base}/certificate.pdf`, keepLang) : null,
			data: `${base}/data.json`,
			google: registration.status === 'confirmed' && event.status !== 'cancelled' ? googleCalendarLink(event, locale, publicUrl) : null,
			manage: manageUrl(publicUrl, token),
		},
	}
}

export type TicketPageView = ReturnType<typeof ticketPageView>

/**
 * This visitor's calendar entry. It carries the event's UID and SEQUENCE, so it is the same entry
 * as the public feed's and the mailed invite's, and a later update replaces it; the description
 * adds what is the visitor's own: the party size and the link to the ticket.
 */
export function ticketCalendar({ registration, event, token }: Ticket, locale: Locale, publicUrl: string): string {
	const t = getT(locale, 'ticket')
	const texts = localizeEventTexts(event, locale)
	const link = manageUrl(publicUrl, token)
	const status =
		event.status === 'cancelled' || registration.status === 'cancelled' ? 'CANCELLED' : registration.status === 'waitlisted' ? 'TENTATIVE' : 'CONFIRMED'
	const description = [
		texts.summary,
		t('calendar.persons', { count: registration.partySize, formatted: formatNumber(registration.partySize, locale) }),
		registration.status === 'waitlisted' ? t('calendar.waitlisted') : null,
		`${t('calendar.ticket')}: ${link}`,
	]
		.filter(Boolean)
		.join('\n\n')
	return calendarFromAttributes([{ ...eventAttributes(event, locale, publicUrl), description, url: link, status }])
}

function answersExport(event: Ticket['event'], registration: Ticket['registration']) {
	const answers = parseStoredAnswers(registration.answers)
	return eventQuestions(event)
		.filter((q) => answers[q.id] !== undefined)
		.map((q) => ({ question: q.id, text: surveyTextIn(q.label, registration.locale).text, answer: answers[q.id] }))
}

/** "Download my data" (ZZPL right of access): everything we hold about this registration. */
export function personalDataExport({ registration, event, token }: Ticket, publicUrl: string, now = new Date()) {
	return {
		exportedAt: now.toISOString(),
		controller: {
			name: 'Centar za socijalno preduzetništvo Kruševac',
			address: 'Jugovićeva 17, 37000 Kruševac, Srbija',
			privacyNotice: `${publicUrl}/privacy`,
		},
		registration: {
			id: registration.id,
			status: registration.status,
			name: registration.name,
			email: registration.email,
			phone: registration.phone,
			partySize: registration.partySize,
			locale: registration.locale,
			source: registration.source,
			createdAt: registration.createdAt.toISOString(),
			confirmedAt: registration.confirmedAt?.toISOString() ?? null,
			promotedAt: registration.promotedAt?.toISOString() ?? null,
			cancelledAt: registration.cancelledAt?.toISOString() ?? null,
			cancelledBy: registration.cancelledBy,
			ticketCode: registration.ticketCode,
			manageUrl: manageUrl(publicUrl, token),
			consent: {
				privacyNoticeAcknowledgedAt: registration.privacyAcceptedAt.toISOString(),
				photos: registration.consentPhotos,
				newsletter: registration.consentNewsletter,
				research: registration.consentResearch,
				funderList: registration.consentFunderList,
			},
			demographics: {
				gender: registration.gender,
				ageGroup: registration.ageGroup,
				municipality: registration.municipality,
				vulnerableGroup: registration.vulnerableGroup,
			},
			/** The answers to the event's own questions (issue 18): each question's text in the person's language, and the answer as given. */
			answers: answersExport(event, registration),
		},
		event: {
			slug: event.slug,
			title: event.title,
			startsAt: event.startsAt.toISOString(),
			endsAt: event.endsAt.toISOString(),
			venue: { name: event.venueName, address: event.venueAddress, city: event.venueCity },
			url: `${publicUrl}/events/${event.slug}`,
		},
	}
}
