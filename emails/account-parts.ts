// What the two account mails share: the one-time link as a button and written out, when it stops
// working (in Belgrade time, the reader's words), and a footer that says why the mail came.
import { formatDateTime } from '#app/domain/format.ts'
import type { AccountMailParams } from '#app/services/commands/outbox.server.ts'
import { button, linkLine, paragraph, type Block } from './layout.ts'
import type { MailContext } from './types.ts'

export function linkBlocks(params: AccountMailParams, ctx: MailContext, label: string): Block[] {
	return [button(params.account.url, label), linkLine(ctx.t('account.linkLabel'), params.account.url, { muted: true })]
}

export function until(params: AccountMailParams, ctx: MailContext): string {
	return formatDateTime(new Date(params.account.expiresAt), ctx.locale)
}

export function accountFooter(params: AccountMailParams, ctx: MailContext): Block[] {
	return [
		paragraph(ctx.t('account.why', { email: params.account.email }), { muted: true }),
		paragraph(ctx.t('common.sender', { url: ctx.publicUrl }), { muted: true }),
	]
}
