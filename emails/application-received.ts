// Sent when an exhibitor's application arrives: thanks, what happens next, and the magic link to
// follow the status, edit the application while the window is open, or withdraw it.
import type { ApplicationMailParams } from '#app/services/commands/outbox.server.ts'
import { applicationButton, applicationFooter, applicationGreeting, fairDetails } from './application-parts.ts'
import { compose, heading, paragraph } from './layout.ts'
import { eventView } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const applicationReceived: MailBuilder<ApplicationMailParams> = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	return compose(ctx, {
		subject: t('application.received.subject', { event: view.title }),
		preheader: t('application.received.preheader'),
		blocks: [
			heading(view.title),
			applicationGreeting(params, ctx),
			paragraph(t('application.received.intro', { org: params.application.orgName })),
			fairDetails(params, ctx),
			paragraph(t('application.received.next')),
			...applicationButton(params, ctx),
		],
		footer: applicationFooter(params, ctx),
	})
}
