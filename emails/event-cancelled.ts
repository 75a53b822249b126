// Sent to everyone still registered when an organizer cancels the event. Confirmed visitors also
// get METHOD:CANCEL with their invite's UID (the cancellation already raised the event's
// SEQUENCE), which removes the entry from their calendar; waitlisted ones never had an entry.
import { compose, heading, linkLine, paragraph } from './layout.ts'
import { eventDetails, eventView, footer, greeting, ticketInvite } from './parts.ts'
import type { MailBuilder, MailContext } from './types.ts'

/**
 * The organizer's own words, if they wrote any: plain text, escaped like every paragraph, a
 * paragraph per blank-line-separated part (single line ends kept in the text version).
 */
export function organizerMessage(message: string | undefined, t: MailContext['t']) {
	if (!message) return []
	const parts = message
		.split(/\n\s*\n/)
		.map((part) => part.trim())
		.filter(Boolean)
	return [paragraph(t('eventCancelled.message')), ...parts.map((part) => paragraph(part))]
}

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
				...organizerMessage(params.message, t),
				eventDetails(params, ctx),
				...(hadTicket ? [paragraph(t('eventCancelled.calendar'))] : []),
				linkLine(t('eventCancelled.sorry'), `${ctx.publicUrl}/?lang=${ctx.locale}`),
			],
			footer: footer(params, ctx),
		}),
		...(hadTicket ? { icalEvent: ticketInvite(params, ctx, 'CANCEL') } : {}),
	}
}
