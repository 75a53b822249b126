// Pieces the exhibitor mails share: the fair's facts with the organization, the magic link, the
// confirmation deadline in Belgrade time, the organizers' note (as text), and the footer that says
// why the contact person gets the mail.
import { formatLongDate, formatTime } from '#app/domain/format.ts'
import type { ApplicationMailParams } from '#app/services/commands/outbox.server.ts'
import { button, details, linkLine, paragraph, type Block } from './layout.ts'
import { eventView } from './parts.ts'
import type { MailContext } from './types.ts'

export function applicationUrl(params: ApplicationMailParams, ctx: MailContext) {
	return `${ctx.publicUrl}/applications/${params.application.manageToken}`
}

/** The fair's date, time and place, and which organization the application is for. */
export function fairDetails(params: ApplicationMailParams, ctx: MailContext): Block {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const rows: [string, string][] = view.date
		? [
				[t('details.date'), view.date],
				[t('details.time'), view.time],
			]
		: [[t('details.when'), view.time]]
	rows.push([t('details.where'), view.where])
	rows.push([t('application.details.organization'), params.application.orgName])
	return details(rows)
}

export function applicationGreeting(params: ApplicationMailParams, ctx: MailContext): Block {
	return paragraph(ctx.t('common.greeting', { name: params.application.contactName }))
}

/** The magic link as a button, with what the page is for. */
export function applicationButton(params: ApplicationMailParams, ctx: MailContext, label = ctx.t('application.common.button')): Block[] {
	return [button(applicationUrl(params, ctx), label), paragraph(ctx.t('application.common.buttonHint'), { muted: true })]
}

/** "subota, 12. decembar 2026. u 23:59", in Belgrade time; null without a deadline. */
export function confirmDeadline(params: ApplicationMailParams, ctx: MailContext): string | null {
	if (!params.application.confirmBy) return null
	const at = new Date(params.application.confirmBy)
	if (Number.isNaN(at.getTime())) return null
	return ctx.t('application.common.deadlineAt', { date: formatLongDate(at, ctx.locale), time: formatTime(at, ctx.locale) })
}

/** "Please confirm by ...", or without a deadline simply "please confirm". */
export function confirmRequest(params: ApplicationMailParams, ctx: MailContext): Block {
	const deadline = confirmDeadline(params, ctx)
	return deadline
		? paragraph(ctx.t('application.common.confirmBy', { deadline }), { strong: true })
		: paragraph(ctx.t('application.common.confirmSoon'), { strong: true })
}

/**
 * The organizers' message, as text: escaped like everything else; blank lines start a new
 * paragraph and single line breaks are kept.
 */
export function organizerNote(params: ApplicationMailParams, ctx: MailContext): Block[] {
	const note = params.application.decisionNote?.replace(/\r\n?/g, '\n').trim()
	if (!note) return []
	const paragraphs = note
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
	return [
		paragraph(ctx.t('application.common.noteHeading'), { strong: true }),
		...paragraphs.map((p) => {
			const block = paragraph(p)
			return { html: block.html.replace(/\n/g, '<br>'), text: block.text }
		}),
	]
}

/** Why the contact person gets this, the magic link written out, who sent it. */
export function applicationFooter(params: ApplicationMailParams, ctx: MailContext): Block[] {
	const { t } = ctx
	const title = eventView(params.event, ctx).title
	return [
		paragraph(t('application.common.why', { email: params.application.contactEmail, org: params.application.orgName, event: title }), { muted: true }),
		linkLine(t('application.common.linkLabel'), applicationUrl(params, ctx), { muted: true }),
		paragraph(t('common.sender', { url: ctx.publicUrl }), { muted: true }),
	]
}
