// Sent before the confirmation deadline to an accepted exhibitor who has not confirmed yet: after
// the deadline the place goes to the next one on the waiting list.
import type { ApplicationMailParams } from '#app/services/commands/outbox.server.ts'
import { applicationButton, applicationFooter, applicationGreeting, confirmDeadline, confirmRequest, fairDetails } from './application-parts.ts'
import { compose, heading, paragraph } from './layout.ts'
import { eventView } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const applicationConfirmReminder: MailBuilder<ApplicationMailParams> = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const deadline = confirmDeadline(params, ctx)
	return compose(ctx, {
		subject: t('application.reminder.subject', { event: view.title }),
		preheader: deadline ? t('application.reminder.preheaderBy', { deadline }) : t('application.reminder.preheader'),
		blocks: [
			heading(view.title),
			applicationGreeting(params, ctx),
			paragraph(t('application.reminder.intro', { org: params.application.orgName })),
			confirmRequest(params, ctx),
			paragraph(t('application.reminder.otherwise')),
			fairDetails(params, ctx),
			...applicationButton(params, ctx, t('application.common.confirmButton')),
			paragraph(t('application.reminder.cantCome'), { muted: true }),
		],
		footer: applicationFooter(params, ctx),
	})
}
