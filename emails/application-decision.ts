// Sent when the organizers release the fair's decisions: accepted (confirm by the deadline),
// waitlisted or rejected, by what the exhibitor is now told (`releasedStatus`), with the
// organizers' note if they wrote one.
import type { ApplicationMailParams } from '#app/services/commands/outbox.server.ts'
import { applicationButton, applicationFooter, applicationGreeting, confirmDeadline, confirmRequest, fairDetails, organizerNote } from './application-parts.ts'
import { compose, heading, paragraph, type Block } from './layout.ts'
import { eventView } from './parts.ts'
import type { MailBuilder } from './types.ts'

const DECISIONS = ['accepted', 'waitlisted', 'rejected'] as const

export const applicationDecision: MailBuilder<ApplicationMailParams> = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const { application } = params
	// Queued at release, so releasedStatus is set; an older row falls back to the stored decision.
	const decision = application.releasedStatus ?? DECISIONS.find((d) => d === application.status)
	if (!decision) throw new Error(`application ${application.id} has no decision to tell`)
	const org = application.orgName
	const body: Block[] =
		decision === 'accepted'
			? [
					paragraph(t('application.decision.accepted.intro', { org })),
					fairDetails(params, ctx),
					confirmRequest(params, ctx),
					paragraph(t('application.decision.accepted.next')),
				]
			: decision === 'waitlisted'
				? [paragraph(t('application.decision.waitlisted.intro', { org })), fairDetails(params, ctx), paragraph(t('application.decision.waitlisted.next'))]
				: [paragraph(t('application.decision.rejected.intro', { org })), paragraph(t('application.decision.rejected.kind'))]
	const deadline = decision === 'accepted' ? confirmDeadline(params, ctx) : null
	return compose(ctx, {
		subject: t(`application.decision.${decision}.subject`, { event: view.title }),
		preheader: deadline ? t('application.decision.accepted.preheaderBy', { deadline }) : t(`application.decision.${decision}.preheader`),
		blocks: [
			heading(view.title),
			applicationGreeting(params, ctx),
			...body,
			...organizerNote(params, ctx),
			...applicationButton(params, ctx, t(decision === 'accepted' ? 'application.common.confirmButton' : 'application.common.button')),
		],
		footer: applicationFooter(params, ctx),
	})
}
