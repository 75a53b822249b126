// Sent when a registration is confirmed (or a ticket is resent): the ticket's QR inline and the
// calendar invite (METHOD:REQUEST).
import type { MailParams } from '#app/services/commands/outbox.server.ts'
import { compose, heading, paragraph } from './layout.ts'
import { eventDetails, eventView, footer, greeting, manageButton, qrBlock, ticketInvite } from './parts.ts'
import type { MailBuilder, MailContext } from './types.ts'

/** The ticket mail; `kind` picks the words (a first confirmation or a place from the waiting list). */
export async function ticketMail(params: MailParams, ctx: MailContext, kind: 'confirmed' | 'promoted') {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const qr = qrBlock(params, ctx)
	return {
		...compose(ctx, {
			subject: t(`${kind}.subject`, { event: view.title }),
			preheader: t(`${kind}.preheader`, { when: view.when }),
			blocks: [
				heading(view.title),
				greeting(params, ctx),
				paragraph(t(`${kind}.intro`)),
				eventDetails(params, ctx, { party: true }),
				...(qr ? [paragraph(t('ticket.heading'), { strong: true }), qr.block] : []),
				paragraph(t('ticket.calendarHint')),
				...manageButton(params, ctx),
			],
			footer: footer(params, ctx),
		}),
		attachments: qr ? [qr.attachment] : [],
		icalEvent: ticketInvite(params, ctx, 'REQUEST'),
	}
}

export const registrationConfirmed: MailBuilder = (params, ctx) => ticketMail(params, ctx, 'confirmed')
