// Sent when an accepted exhibitor (whose acceptance has been released) is given a stand or moved to
// another: the stand, a link to it on the public map, when setting up starts (with a calendar
// invite for the setup slot, from setup start to the fair's opening) and what to bring.
// The invite's UID is the exhibitor's own setup slot, never the event's (calendar.ts eventUid), so
// it does not replace a visitor ticket for the fair in the same calendar; a later stand mail
// (a move) updates the same entry.
import { formatLongDate, formatNumber, formatTime } from '#app/domain/format.ts'
import { buildInvite, inviteSequence, type InviteMethod } from '#app/domain/invite.ts'
import type { ApplicationMailParams } from '#app/services/commands/outbox.server.ts'
import { applicationButton, applicationFooter, applicationGreeting, applicationUrl } from './application-parts.ts'
import { button, compose, details, escapeHtml, heading, paragraph, type Block } from './layout.ts'
import { eventView, inviteOrganizer } from './parts.ts'
import type { MailBuilder, MailContext, RenderedMail } from './types.ts'

export function standMapUrl(params: ApplicationMailParams, ctx: MailContext, label: string) {
	return `${ctx.publicUrl}/fairs/${params.event.slug}/map?stand=${encodeURIComponent(label)}&lang=${ctx.locale}`
}

export function setupUid(params: ApplicationMailParams, publicUrl: string) {
	return `stand-setup-${params.event.id}-${params.application.id}@${new URL(publicUrl).hostname}`
}

function setupStart(params: ApplicationMailParams): Date {
	const at = params.setupStartsAt ? new Date(params.setupStartsAt) : null
	return at && !Number.isNaN(at.getTime()) ? at : new Date(params.event.startsAt)
}

/** The exhibitor's setup slot as an invite; CANCEL takes it out of their calendar (fair cancelled). */
export function setupInvite(
	params: ApplicationMailParams,
	ctx: MailContext,
	label: string,
	method: InviteMethod = 'REQUEST',
): NonNullable<RenderedMail['icalEvent']> {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const content = buildInvite({
		method,
		uid: setupUid(params, ctx.publicUrl),
		sequence: inviteSequence(params.event.sequence, method),
		stamp: ctx.queuedAt,
		start: setupStart(params),
		end: view.start,
		summary: t('application.stand.inviteSummary', { label, event: view.title }),
		location: view.where,
		description: [t('application.stand.inviteDescription', { label }), standMapUrl(params, ctx, label), applicationUrl(params, ctx)].join('\n\n'),
		url: standMapUrl(params, ctx, label),
		organizer: inviteOrganizer(ctx),
		attendee: { name: params.application.contactName, email: params.application.contactEmail, partStat: 'ACCEPTED', partySize: 1 },
		created: new Date(params.event.createdAt),
		lastModified: new Date(params.event.updatedAt),
	})
	return { method, filename: 'setup.ics', content }
}

export const applicationStand: MailBuilder<ApplicationMailParams> = async (params, ctx) => {
	const { t } = ctx
	const stand = params.stand
	if (!stand) throw new Error(`stand mail for application ${params.application.id} has no stand`)
	const view = eventView(params.event, ctx)
	const setup = setupStart(params)
	const setupText = t('application.stand.setupAt', { date: formatLongDate(setup, ctx.locale), time: formatTime(setup, ctx.locale) })
	const rows: [string, string][] = [[t('application.stand.stand'), stand.label]]
	if (stand.zone) rows.push([t('application.stand.zone'), stand.zone])
	rows.push([t('application.stand.size'), t('application.stand.sizeValue', { size: formatNumber(stand.sizeM2, ctx.locale) })])
	rows.push([t('application.stand.power'), t(stand.power ? 'application.stand.yes' : 'application.stand.no')])
	rows.push([t('application.stand.setup'), setupText])
	rows.push([t('application.stand.opening'), t('application.stand.openingAt', { time: formatTime(view.start, ctx.locale) })])
	rows.push([t('details.where'), view.where])
	const bring = [
		t('application.stand.bring.cloth'),
		...(stand.power ? [t('application.stand.bring.cable')] : []),
		t('application.stand.bring.prices'),
		t('application.stand.bring.bags'),
	]
	const bringBlock: Block = {
		html: `<ul style="margin:0 0 16px;padding-left:20px;font-family:-apple-system,'Segoe UI',Roboto,Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328">${bring
			.map((item) => `<li>${escapeHtml(item)}</li>`)
			.join('')}</ul>`,
		text: bring.map((item) => `- ${item}`).join('\n'),
	}
	return {
		...compose(ctx, {
			subject: t('application.stand.subject', { label: stand.label, event: view.title }),
			preheader: t('application.stand.preheader', { label: stand.label, setup: setupText }),
			blocks: [
				heading(view.title),
				applicationGreeting(params, ctx),
				paragraph(t('application.stand.intro', { org: params.application.orgName, label: stand.label })),
				details(rows),
				button(standMapUrl(params, ctx, stand.label), t('application.stand.mapButton')),
				paragraph(t('application.stand.setupText', { setup: setupText, time: formatTime(view.start, ctx.locale) })),
				paragraph(t('application.stand.bringHeading'), { strong: true }),
				bringBlock,
				...applicationButton(params, ctx),
			],
			footer: applicationFooter(params, ctx),
		}),
		icalEvent: setupInvite(params, ctx, stand.label),
	}
}
