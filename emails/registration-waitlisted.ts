// Sent when the event was full and the party went on the waiting list: their position, what
// happens next, and how to give the place up. No invite: they hold no place yet.
import { formatNumber } from '#app/domain/format.ts'
import { compose, heading, paragraph } from './layout.ts'
import { eventDetails, eventView, footer, greeting, manageButton } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const registrationWaitlisted: MailBuilder = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const position = params.registration.position
	const positionText = position ? formatNumber(position, ctx.locale) : null
	return compose(ctx, {
		subject: t('waitlisted.subject', { event: view.title }),
		preheader: positionText ? t('waitlisted.preheader', { position: positionText }) : t('waitlisted.intro'),
		blocks: [
			heading(view.title),
			greeting(params, ctx),
			paragraph(t('waitlisted.intro')),
			...(positionText ? [paragraph(t('waitlisted.position', { position: positionText }), { strong: true })] : []),
			eventDetails(params, ctx, { party: true }),
			paragraph(t('waitlisted.next')),
			paragraph(t('waitlisted.cancelHint')),
			...manageButton(params, ctx),
		],
		footer: footer(params, ctx),
	})
}
