// An admin invited a colleague: a one-time link to choose a password (and so create the account).
import { INVITATION_TTL_MS } from '#app/domain/account-rules.ts'
import type { AccountMailParams } from '#app/services/commands/outbox.server.ts'
import { accountFooter, linkBlocks, until } from './account-parts.ts'
import { compose, heading, paragraph } from './layout.ts'
import type { MailBuilder } from './types.ts'

export const accountInvitation: MailBuilder<AccountMailParams> = async (params, ctx) => {
	const { t } = ctx
	const { account } = params
	return compose(ctx, {
		subject: t('account.inviteSubject'),
		preheader: t('account.invitePreheader', { days: INVITATION_TTL_MS / (24 * 3600_000) }),
		blocks: [
			heading(t('account.inviteHeading')),
			...(account.name ? [paragraph(t('common.greeting', { name: account.name }))] : []),
			paragraph(t('account.inviteIntro', { inviter: account.inviter ?? 'Sajam', role: t(`account.roles.${account.role}`) })),
			...linkBlocks(params, ctx, t('account.inviteButton')),
			paragraph(t('account.inviteExpires', { until: until(params, ctx) }), { strong: true }),
			paragraph(t('account.inviteNotYou'), { muted: true }),
		],
		footer: accountFooter(params, ctx),
	})
}
