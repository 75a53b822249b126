// Sent when a registration was cancelled (by the visitor or an organizer). If the visitor held a
// ticket, a METHOD:CANCEL removes the entry our invite put in their calendar.
import { compose, heading, linkLine, paragraph } from './layout.ts'
import { eventDetails, eventView, footer, greeting, ticketInvite } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const registrationCancelled: MailBuilder = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	// Only a confirmed party got an invite. Snapshots without the flag are treated as confirmed:
	// a cancellation for an entry the calendar does not have is ignored, a missing one is not.
	const hadTicket = params.registration.wasConfirmed ?? true
	const eventOpen = params.event.status === 'published' && new Date(params.event.startsAt) > ctx.queuedAt
	return {
		...compose(ctx, {
			subject: t('cancelled.subject', { event: view.title }),
			preheader: t('cancelled.preheader'),
			blocks: [
				heading(view.title),
				greeting(params, ctx),
				paragraph(t('cancelled.intro')),
				eventDetails(params, ctx),
				...(hadTicket ? [paragraph(t('cancelled.calendar'))] : []),
				...(eventOpen ? [linkLine(t('cancelled.again'), view.url)] : []),
			],
			footer: footer(params, ctx),
		}),
		// One SEQUENCE above the invite they hold (inviteSequence): calendars take it as newer; a
		// new registration's REQUEST is lifted above it again and brings the entry back.
		...(hadTicket ? { icalEvent: ticketInvite(params, ctx, 'CANCEL', { partStat: 'DECLINED' }) } : {}),
	}
}
