// The thank-you after an event, to checked-in visitors only (queued by the sweep). Optional:
// carries the stop link. When the event has an open survey, it asks for the answers with a link
// that carries a one-time token (spent by the answer, never stored with it).
import { surveyUrl } from '#app/domain/survey-rules.ts'
import type { MailParams } from '#app/services/commands/outbox.server.ts'
import { button, compose, heading, paragraph, type Block } from './layout.ts'
import { stopMailsLine } from './optional-parts.ts'
import { eventView, footer, greeting } from './parts.ts'
import type { MailBuilder, MailContext } from './types.ts'

/** The event's survey, when it had an open one as the mail was queued. */
function surveyBlocks(params: MailParams, ctx: MailContext): Block[] {
	const survey = params.survey
	if (!survey?.token) return []
	const url = `${surveyUrl(ctx.publicUrl, survey.slug, survey.eventSlug, survey.token)}&lang=${ctx.locale}`
	return [paragraph(ctx.t('followUp.survey')), button(url, ctx.t('followUp.surveyButton'))]
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
