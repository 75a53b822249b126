// Which mails a person may stop, and when the mails the server sends by itself are due. Pure: the
// sweep (services/commands/reminders.server.ts) asks these rules in SQL form and in tests.

/**
 * Mails one does not need to take part (reminders, thank-yous, messages to all): they carry a
 * one-click "stop these mails" link (List-Unsubscribe, RFC 8058), and a person who used it for an
 * event gets none of them for it any more. Tickets, changes and cancellations always go.
 */
export const OPTIONAL_MAIL_TEMPLATES = ['event-reminder', 'event-follow-up', 'application-setup-reminder', 'event-message', 'fair-message'] as const
export type OptionalMailTemplate = (typeof OPTIONAL_MAIL_TEMPLATES)[number]

export function isOptionalMailTemplate(template: string): template is OptionalMailTemplate {
	return (OPTIONAL_MAIL_TEMPLATES as readonly string[]).includes(template)
}

/**
 * Why an optional mail was withheld at delivery (kept as the outbox row's note, shown to organizers
 * in their language): the event was cancelled, the registration was cancelled, the application no
 * longer stands (withdrawn or rejected), or the person stopped these mails.
 */
export const WITHHELD_REASONS = ['event_cancelled', 'registration_cancelled', 'application_ended', 'mails_stopped'] as const
export type WithheldReason = (typeof WITHHELD_REASONS)[number]

export function isWithheldReason(note: string | null): note is WithheldReason {
	return (WITHHELD_REASONS as readonly (string | null)[]).includes(note)
}

const HOUR_MS = 60 * 60_000

/** The setup reminder goes this long before setting up may start. */
export const SETUP_REMINDER_HOURS_BEFORE = 24
/** A thank-you not sent within this long after its time (the server was off, or it was switched on late) is not sent at all. */
export const FOLLOW_UP_WINDOW_MS = 7 * 24 * HOUR_MS

/**
 * The reminder before an event: due `hoursBefore` hours (real hours, whatever the clock change)
 * before the start, until the start. Null when the event has none.
 */
export function reminderDueAt(startsAt: Date, hoursBefore: number | null): Date | null {
	return hoursBefore === null ? null : new Date(startsAt.getTime() - hoursBefore * HOUR_MS)
}

/**
 * Whether a registration gets its reminder now: a confirmed one, with an address, not stopped,
 * not reminded yet, of a published event not yet started, whose reminder time has come; and
 * whose ticket was issued before that time (someone who got a ticket inside the window just got
 * the same facts in the ticket mail).
 */
export function isReminderDue(
	event: { status: string; startsAt: Date; reminderHoursBefore: number | null },
	registration: { status: string; email: string | null; confirmedAt: Date | null; reminderQueuedAt: Date | null; optionalMailStoppedAt: Date | null },
	now: Date,
): boolean {
	const due = reminderDueAt(event.startsAt, event.reminderHoursBefore)
	if (!due || event.status !== 'published') return false
	if (registration.status !== 'confirmed' || registration.email === null) return false
	if (registration.reminderQueuedAt || registration.optionalMailStoppedAt) return false
	if (!registration.confirmedAt || registration.confirmedAt.getTime() > due.getTime()) return false
	return now.getTime() >= due.getTime() && now.getTime() < event.startsAt.getTime()
}

/** The thank-you after an event: `hoursAfter` hours after its end. Null when the event has none. */
export function followUpDueAt(endsAt: Date, hoursAfter: number | null): Date | null {
	return hoursAfter === null ? null : new Date(endsAt.getTime() + hoursAfter * HOUR_MS)
}

/** Whether a visitor gets the thank-you now: only one who was checked in, once, not stopped, within a week of its time. */
export function isFollowUpDue(
	event: { status: string; endsAt: Date; followUpHoursAfter: number | null },
	registration: { status: string; email: string | null; checkedInAt: Date | null; followUpQueuedAt: Date | null; optionalMailStoppedAt: Date | null },
	now: Date,
): boolean {
	const due = followUpDueAt(event.endsAt, event.followUpHoursAfter)
	if (!due || event.status !== 'published') return false
	if (registration.status === 'cancelled' || registration.email === null || !registration.checkedInAt) return false
	if (registration.followUpQueuedAt || registration.optionalMailStoppedAt) return false
	return now.getTime() >= due.getTime() && now.getTime() < due.getTime() + FOLLOW_UP_WINDOW_MS
}

/** The exhibitor's reminder: SETUP_REMINDER_HOURS_BEFORE before setting up may start, until then. */
export function setupReminderDueAt(setupStartsAt: Date): Date {
	return new Date(setupStartsAt.getTime() - SETUP_REMINDER_HOURS_BEFORE * HOUR_MS)
}

export function isSetupReminderDue(setupStartsAt: Date, now: Date): boolean {
	return now.getTime() >= setupReminderDueAt(setupStartsAt).getTime() && now.getTime() < setupStartsAt.getTime()
}

/**
 * The one-click stop link of an optional mail, built from the private link token it carries:
 * /tickets/{token}/stop-mails for a visitor, /applications/{token}/stop-mails for an exhibitor.
 * Null when the mail carries no token (blanked once sent).
 */
export function stopMailsUrl(publicUrl: string, params: unknown): string | null {
	const p = params as { registration?: { manageToken?: unknown }; application?: { manageToken?: unknown } } | null
	const registrationToken = p?.registration?.manageToken
	if (typeof registrationToken === 'string' && registrationToken) return `${publicUrl}/tickets/${registrationToken}/stop-mails`
	const applicationToken = p?.application?.manageToken
	if (typeof applicationToken === 'string' && applicationToken) return `${publicUrl}/applications/${applicationToken}/stop-mails`
	return null
}

/** RFC 2369 and RFC 8058 headers of an optional mail: the one-click URL, and a mailto to the Center when it has an address. */
export function listUnsubscribeHeaders(stopUrl: string, contactEmail: string | null): Record<string, string> {
	const targets = [`<${stopUrl}>`, ...(contactEmail ? [`<mailto:${contactEmail}?subject=stop>`] : [])]
	return { 'List-Unsubscribe': targets.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}
