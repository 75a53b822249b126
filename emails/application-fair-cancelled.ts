// Sent to every exhibitor still in the running (not withdrawn, not told "rejected") when the fair
// is cancelled. One who had been told their stand also gets a CANCEL for their setup slot, so it
// leaves their calendar.
import type { ApplicationMailParams } from '#app/services/commands/outbox.server.ts'
import { applicationButton, applicationFooter, applicationGreeting, fairDetails } from './application-parts.ts'
import { setupInvite } from './application-stand.ts'
import { compose, heading, paragraph } from './layout.ts'
import { organizerMessage } from './event-cancelled.ts'
import { eventView } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const applicationFairCancelled: MailBuilder<ApplicationMailParams> = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const mail = compose(ctx, {
		subject: t('application.fairCancelled.subject', { event: view.title }),
		preheader: t('application.fairCancelled.preheader'),
		blocks: [
			heading(view.title),
			applicationGreeting(params, ctx),
			paragraph(t('application.fairCancelled.intro', { org: params.application.orgName }), { strong: true }),
			fairDetails(params, ctx),
			// The organizers' words to everyone (the same message the visitors get).
			...organizerMessage(params.message, t),
			paragraph(t('application.fairCancelled.sorry')),
			...(params.stand ? [paragraph(t('application.fairCancelled.calendar'), { muted: true })] : []),
			...applicationButton(params, ctx),
		],
		footer: applicationFooter(params, ctx),
	})
	return params.stand ? { ...mail, icalEvent: setupInvite(params, ctx, params.stand.label, 'CANCEL') } : mail
}
