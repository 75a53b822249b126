// "Forgot password": a one-time link, valid for an hour, to choose a new password.
import type { AccountMailParams } from '#app/services/commands/outbox.server.ts'
import { accountFooter, linkBlocks, until } from './account-parts.ts'
import { compose, heading, paragraph } from './layout.ts'
import type { MailBuilder } from './types.ts'

export const passwordReset: MailBuilder<AccountMailParams> = async (params, ctx) => {
	const { t } = ctx
	return compose(ctx, {
		subject: t('account.resetSubject'),
		preheader: t('account.resetPreheader'),
		blocks: [
			heading(t('account.resetHeading')),
			paragraph(t('account.resetIntro', { email: params.account.email })),
			...linkBlocks(params, ctx, t('account.resetButton')),
			paragraph(t('account.resetExpires', { until: until(params, ctx) }), { strong: true }),
			paragraph(t('account.resetNotYou'), { muted: true }),
		],
		footer: accountFooter(params, ctx),
	})
}
