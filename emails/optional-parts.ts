// The footer line of an optional mail (domain/mail-kinds.ts): the visible "stop these mails" link,
// the same one-click page the List-Unsubscribe header names.
import { stopMailsUrl } from '#app/domain/mail-kinds.ts'
import { linkLine, type Block } from './layout.ts'
import type { MailContext } from './types.ts'

export function stopMailsLine(params: unknown, ctx: MailContext): Block[] {
	const url = stopMailsUrl(ctx.publicUrl, params)
	return url ? [linkLine(ctx.t('stop.footer'), url, { muted: true })] : []
}
