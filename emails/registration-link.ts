// Sent when someone registers an address that is already registered for the event: the manage
// link goes to the address's owner, never to whoever typed it in.
import { compose, heading, paragraph } from './layout.ts'
import { eventDetails, eventView, footer, greeting, manageButton } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const registrationLink: MailBuilder = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const status = params.registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed'
	return compose(ctx, {
		subject: t('link.subject', { event: view.title }),
		preheader: t('link.preheader'),
		blocks: [
			heading(view.title),
			greeting(params, ctx),
			paragraph(t('link.intro')),
			paragraph(t(`link.${status}`), { strong: true }),
			eventDetails(params, ctx, { party: true }),
			...manageButton(params, ctx),
			paragraph(t('link.notYou'), { muted: true }),
		],
		footer: footer(params, ctx),
	})
}
