// The thank-you after an event, to checked-in visitors only (queued by the sweep). Optional:
// carries the stop link. A survey link goes here once events have surveys (`surveyUrl`).
import type { MailParams } from '#app/services/commands/outbox.server.ts'
import { button, compose, heading, paragraph, type Block } from './layout.ts'
import { stopMailsLine } from './optional-parts.ts'
import { eventView, footer, greeting } from './parts.ts'
import type { MailBuilder, MailContext } from './types.ts'

/** The event's survey, when it has one. No surveys exist yet: the hook for them. */
function surveyBlocks(params: MailParams & { surveyUrl?: string }, ctx: MailContext): Block[] {
	return params.surveyUrl ? [paragraph(ctx.t('followUp.survey')), button(params.surveyUrl, ctx.t('followUp.surveyButton'))] : []
}

export const eventFollowUp: MailBuilder<MailParams> = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	return compose(ctx, {
		subject: t('followUp.subject', { event: view.title }),
		preheader: t('followUp.preheader'),
		blocks: [
			heading(view.title),
			greeting(params, ctx),
			paragraph(t('followUp.intro', { event: view.title })),
			...surveyBlocks(params, ctx),
			paragraph(t('followUp.more')),
			button(`${ctx.publicUrl}/?lang=${ctx.locale}`, t('followUp.moreButton')),
		],
		footer: [...footer(params, ctx), ...stopMailsLine(params, ctx)],
	})
}
