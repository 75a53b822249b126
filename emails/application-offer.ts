// Sent when a place at the fair frees up and the first exhibitor on the waiting list is accepted
// in its stead: they confirm by the deadline, or the place goes on to the next one.
import type { ApplicationMailParams } from '#app/services/commands/outbox.server.ts'
import { applicationButton, applicationFooter, applicationGreeting, confirmDeadline, confirmRequest, fairDetails } from './application-parts.ts'
import { compose, heading, paragraph } from './layout.ts'
import { eventView } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const applicationOffer: MailBuilder<ApplicationMailParams> = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const deadline = confirmDeadline(params, ctx)
	return compose(ctx, {
		subject: t('application.offer.subject', { event: view.title }),
		preheader: deadline ? t('application.offer.preheaderBy', { deadline }) : t('application.offer.preheader'),
		blocks: [
			heading(view.title),
			applicationGreeting(params, ctx),
			paragraph(t('application.offer.intro', { org: params.application.orgName })),
			fairDetails(params, ctx),
			confirmRequest(params, ctx),
			paragraph(t('application.offer.otherwise')),
			...applicationButton(params, ctx, t('application.common.confirmButton')),
		],
		footer: applicationFooter(params, ctx),
	})
}
