// Sent to every confirmed visitor when an organizer changes the event's time, place or title:
// the new facts and an updated invite (same UID as their first invite, the event's raised
// SEQUENCE, METHOD:REQUEST), so calendars move the entry instead of adding a second one.
import { compose, heading, paragraph } from './layout.ts'
import { eventDetails, eventView, footer, greeting, manageButton, ticketInvite } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const eventUpdated: MailBuilder = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	return {
		...compose(ctx, {
			subject: t('updated.subject', { event: view.title }),
			preheader: t('updated.preheader', { when: view.when }),
			blocks: [
				heading(view.title),
				greeting(params, ctx),
				paragraph(t('updated.intro')),
				eventDetails(params, ctx, { party: true }),
				paragraph(t('updated.calendar')),
				paragraph(t('updated.stillValid')),
				...manageButton(params, ctx),
			],
			footer: footer(params, ctx),
		}),
		icalEvent: ticketInvite(params, ctx, 'REQUEST'),
	}
}
