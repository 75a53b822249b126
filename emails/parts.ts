// Pieces several mails share: the event's facts in the reader's language, the ticket's QR image,
// the calendar invite, and the footer every mail carries (who sends it, why, the manage link).
import { eventLocation, eventUid } from '#app/domain/calendar.ts'
import { localizeEventTexts } from '#app/domain/event-text.ts'
import { formatEventTimeRange, formatLongDate, formatShortDate } from '#app/domain/format.ts'
import { buildInvite, inviteSequence, type InviteMethod } from '#app/domain/invite.ts'
import type { EventSnapshot, MailParams } from '#app/services/commands/outbox.server.ts'
import { button, details, image, linkLine, paragraph, type Block } from './layout.ts'
import { qrPng } from './qr-png.ts'
import type { MailAttachment, MailContext, RenderedMail } from './types.ts'

export const QR_CID = 'ticket-qr@sajam'

export function eventView(event: EventSnapshot, ctx: MailContext) {
	const texts = localizeEventTexts({ ...event, description: '', descriptionEn: null }, ctx.locale)
	const start = new Date(event.startsAt)
	const end = new Date(event.endsAt)
	const sameDay = formatShortDate(start, ctx.locale) === formatShortDate(end, ctx.locale)
	// One day: "subota, 19. decembar 2026." and "10:00–17:00"; several days: the whole range.
	const date = sameDay ? formatLongDate(start, ctx.locale) : null
	const time = formatEventTimeRange(start, end, ctx.locale)
	const when = date ? `${date} · ${time}` : time
	return {
		title: texts.title,
		when,
		date,
		time,
		where: eventLocation(event, ctx.locale),
		start,
		end,
		url: `${ctx.publicUrl}/events/${event.slug}?lang=${ctx.locale}`,
	}
}

export function manageUrl(params: MailParams, ctx: MailContext) {
	return `${ctx.publicUrl}/tickets/${params.registration.manageToken}`
}

/** When, where and (optionally) for how many, as a small table. */
export function eventDetails(params: MailParams, ctx: MailContext, options: { party?: boolean } = {}): Block {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	// The title is the mail's heading; a phone shows date and time best on rows of their own.
	const rows: [string, string][] = view.date
		? [
				[t('details.date'), view.date],
				[t('details.time'), view.time],
			]
		: [[t('details.when'), view.time]]
	rows.push([t('details.where'), view.where])
	if (options.party) rows.push([t('details.party'), t('details.persons', { count: params.registration.partySize })])
	return details(rows)
}

export function greeting(params: MailParams, ctx: MailContext): Block {
	return paragraph(ctx.t('common.greeting', { name: params.registration.name }))
}

/** The manage link as a button: see, cancel, download or delete one's own data. */
export function manageButton(params: MailParams, ctx: MailContext, label = ctx.t('common.manageButton'), hint = ctx.t('common.manageHint')): Block[] {
	return [button(manageUrl(params, ctx), label), paragraph(hint, { muted: true })]
}

/** What every mail ends with: why you get it, the manage link written out, who sent it. */
export function footer(params: MailParams, ctx: MailContext): Block[] {
	const { t } = ctx
	const title = eventView(params.event, ctx).title
	return [
		paragraph(t('common.why', { event: title, email: params.registration.email }), { muted: true }),
		linkLine(t('common.manageLinkLabel'), manageUrl(params, ctx), { muted: true }),
		paragraph(t('common.sender', { url: ctx.publicUrl }), { muted: true }),
	]
}

/**
 * The ORGANIZER of every invite: the Center's contact when it has one (a reply or a question from
 * the calendar reaches a person), else the sender, as before. Invites ask for no reply either way
 * (RSVP=FALSE): a place is taken or given up through the manage link.
 */
export function inviteOrganizer(ctx: MailContext) {
	return ctx.contactEmail ? { name: ctx.t('common.centerName'), email: ctx.contactEmail } : { name: ctx.from.name, email: ctx.from.address }
}

/** The ticket's QR shown inline (CID): PNG, because mail clients refuse SVG and data: URIs. */
export function qrAttachment(ticketCode: string): MailAttachment {
	const content = qrPng(ticketCode)
	return { filename: 'ticket-qr.png', content, contentType: 'image/png', cid: QR_CID, contentDisposition: 'inline' }
}

export function qrBlock(params: MailParams, ctx: MailContext): { block: Block; attachment: MailAttachment } | null {
	const code = params.registration.ticketCode
	if (!code) return null
	return {
		block: image(QR_CID, ctx.t('ticket.qrAlt'), 220, ctx.t('ticket.qrHint')),
		attachment: qrAttachment(code),
	}
}

/**
 * The visitor's calendar entry as an iTIP message. REQUEST adds or updates it, CANCEL removes it.
 * UID is the event's (see docs/decisions/0003-mail-and-invites.md); SEQUENCE is the event's,
 * one higher for a CANCEL and lifted past the person's earlier cancellations (inviteSequence).
 */
export function ticketInvite(
	params: MailParams,
	ctx: MailContext,
	method: InviteMethod,
	options: { partStat?: 'ACCEPTED' | 'DECLINED' } = {},
): NonNullable<RenderedMail['icalEvent']> {
	const { event, registration } = params
	const view = eventView(event, ctx)
	const texts = localizeEventTexts({ ...event, description: '', descriptionEn: null }, ctx.locale)
	const description = [texts.summary, `${ctx.t('invite.ticket')}: ${manageUrl(params, ctx)}`, view.url].filter(Boolean).join('\n\n')
	const content = buildInvite({
		method,
		uid: eventUid(event, ctx.publicUrl),
		sequence: inviteSequence(event.sequence, method, registration.inviteRound ?? 0),
		stamp: ctx.queuedAt,
		start: view.start,
		end: view.end,
		summary: view.title,
		location: view.where,
		description,
		url: view.url,
		organizer: inviteOrganizer(ctx),
		attendee: { name: registration.name, email: registration.email, partStat: options.partStat ?? 'ACCEPTED', partySize: registration.partySize },
		created: new Date(event.createdAt),
		lastModified: new Date(event.updatedAt),
	})
	return { method, filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content }
}
