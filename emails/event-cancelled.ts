// Sent to everyone still registered when an organizer cancels the event. Confirmed visitors also
// get METHOD:CANCEL with their invite's UID (the cancellation already raised the event's
// SEQUENCE), which removes the entry from their calendar; waitlisted ones never had an entry.
import { compose, heading, linkLine, paragraph } from './layout.ts'
import { eventDetails, eventView, footer, greeting, ticketInvite } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const eventCancelled: MailBuilder = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const hadTicket = params.registration.status === 'confirmed'
	return {
		...compose(ctx, {
			subject: t('eventCancelled.subject', { event: view.title }),
			preheader: t('eventCancelled.preheader'),
			blocks: [
				heading(view.title),
				greeting(params, ctx),
				paragraph(t('eventCancelled.intro'), { strong: true }),
				eventDetails(params, ctx),
				...(hadTicket ? [paragraph(t('eventCancelled.calendar'))] : []),
				linkLine(t('eventCancelled.sorry'), `${ctx.publicUrl}/?lang=${ctx.locale}`),
			],
			footer: footer(params, ctx),
		}),
		...(hadTicket ? { icalEvent: ticketInvite(params, ctx, 'CANCEL') } : {}),
	}
}
