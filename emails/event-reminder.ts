// The reminder before an event (queued by the sweep, reminders.server.ts): when and where, how to
// get there, the ticket's QR again, and how to cancel (a cancellation frees the place for the
// waiting list). Optional: carries the stop link.
import { mapLink } from '#app/domain/event-text.ts'
import type { MailParams } from '#app/services/commands/outbox.server.ts'
import { button, compose, heading, paragraph } from './layout.ts'
import { stopMailsLine } from './optional-parts.ts'
import { eventDetails, eventView, footer, greeting, manageButton, qrBlock } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const eventReminder: MailBuilder<MailParams> = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const qr = qrBlock(params, ctx)
	const { venueName, venueAddress, venueCity } = params.event
	return {
		...compose(ctx, {
			subject: t('reminder.subject', { event: view.title, when: view.when }),
			preheader: t('reminder.preheader', { when: view.when }),
			blocks: [
				heading(view.title),
				greeting(params, ctx),
				paragraph(t('reminder.intro')),
				eventDetails(params, ctx, { party: true }),
				paragraph(t('reminder.gettingThere'), { strong: true }),
				button(mapLink(venueName, venueAddress, venueCity), t('reminder.mapButton')),
				...(qr ? [paragraph(t('ticket.heading'), { strong: true }), qr.block] : []),
				paragraph(t('reminder.cancel')),
				...manageButton(params, ctx),
			],
			footer: [...footer(params, ctx), ...stopMailsLine(params, ctx)],
		}),
		attachments: qr ? [qr.attachment] : [],
	}
}
