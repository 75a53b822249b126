// Sent when the event was full and the party went on the waiting list. It must not read like a
// ticket: no place yet, the position on the list, what happens next (a place frees up → a mail
// with the ticket), and how to leave the list. No invite: they hold no place yet.
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
			paragraph(t('waitlisted.intro'), { strong: true }),
			...(positionText ? [paragraph(t('waitlisted.position', { position: positionText }), { strong: true })] : []),
			// When and where, without "you are coming" (that is the ticket mail's line).
			eventDetails(params, ctx),
			paragraph(t('waitlisted.party', { count: params.registration.partySize })),
			paragraph(t('waitlisted.next')),
			paragraph(t('waitlisted.leaveHint')),
			...manageButton(params, ctx, t('waitlisted.button'), t('waitlisted.buttonHint')),
		],
		footer: footer(params, ctx),
	})
}
