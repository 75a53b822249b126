// The mail templates by name, and the context they render in. The outbox stores a template's name
// and its parameters; delivery renders them here, in the recipient's language.
import type { Locale } from '#app/domain/locale.ts'
import {
	isAccountMailTemplate,
	isApplicationMailTemplate,
	type AccountMailParams,
	type ApplicationMailParams,
	type MailParams,
	type MailParamsOf,
	type MailTemplate,
} from '#app/services/commands/outbox.server.ts'
import { sharedI18n } from '#app/utils/i18n.ts'
import { accountInvitation } from './account-invitation.ts'
import { applicationConfirmReminder } from './application-confirm-reminder.ts'
import { applicationDecision } from './application-decision.ts'
import { applicationOffer } from './application-offer.ts'
import { applicationReceived } from './application-received.ts'
import { applicationStand } from './application-stand.ts'
import { applicationSetupReminder } from './application-setup-reminder.ts'
import { applicationFairCancelled } from './application-fair-cancelled.ts'
import { eventCancelled } from './event-cancelled.ts'
import { eventFollowUp } from './event-follow-up.ts'
import { eventReminder } from './event-reminder.ts'
import { eventUpdated } from './event-updated.ts'
import { eventMessage, fairMessage } from './event-message.ts'
import { registrationCancelled } from './registration-cancelled.ts'
import { registrationConfirmed } from './registration-confirmed.ts'
import { registrationLink } from './registration-link.ts'
import { registrationPromoted } from './registration-promoted.ts'
import { passwordReset } from './password-reset.ts'
import { registrationWaitlisted } from './registration-waitlisted.ts'
import { FUNDER_EMBLEM_CID } from './layout.ts'
import { logoAttachment } from './logo-png.ts'
import type { MailBuilder, MailContext, RenderedMail } from './types.ts'

export const MAIL_BUILDERS: { [T in MailTemplate]: MailBuilder<MailParamsOf<T>> } = {
	'registration-confirmed': registrationConfirmed,
	'registration-waitlisted': registrationWaitlisted,
	'registration-promoted': registrationPromoted,
	'registration-cancelled': registrationCancelled,
	'registration-link': registrationLink,
	'event-updated': eventUpdated,
	'event-cancelled': eventCancelled,
	'event-reminder': eventReminder,
	'event-follow-up': eventFollowUp,
	'event-message': eventMessage,
	'application-received': applicationReceived,
	'application-decision': applicationDecision,
	'application-confirm-reminder': applicationConfirmReminder,
	'application-offer': applicationOffer,
	'application-stand': applicationStand,
	'application-fair-cancelled': applicationFairCancelled,
	'application-setup-reminder': applicationSetupReminder,
	'fair-message': fairMessage,
	'account-invitation': accountInvitation,
	'password-reset': passwordReset,
}

/** MAIL_FROM's default display name: written in the reader's script (Сајам in Cyrillic mail). */
export const DEFAULT_SENDER_NAME = 'Sajam'

export function mailContext(
	locale: Locale,
	options: { publicUrl: string; from: MailContext['from']; queuedAt: Date; contactEmail?: string | null; funder?: MailContext['funder'] },
): MailContext {
	const t = sharedI18n(locale).getFixedT(locale, 'mail')
	const from = options.from.name === DEFAULT_SENDER_NAME ? { ...options.from, name: t('common.senderName') } : options.from
	return {
		locale,
		t,
		publicUrl: options.publicUrl,
		queuedAt: options.queuedAt,
		from,
		contactEmail: options.contactEmail ?? null,
		funder: options.funder ?? null,
	}
}

/** Thrown for a row that cannot be rendered (unknown template, erased parameters): retrying will not help. */
export class UnrenderableMailError extends Error {}

export async function renderMail(template: string, params: unknown, ctx: MailContext): Promise<RenderedMail> {
	const mail = await renderTemplate(template, params, ctx)
	// Every mail carries the mark its masthead shows (layout.ts), and the funder's emblem its footer shows.
	const emblem = ctx.funder?.emblem
	const funderAttachment = emblem
		? [
				{
					filename: emblem.mime === 'image/png' ? 'eu.png' : 'eu.jpg',
					content: emblem.bytes,
					contentType: emblem.mime,
					cid: FUNDER_EMBLEM_CID,
					contentDisposition: 'inline' as const,
				},
			]
		: []
	return { ...mail, attachments: [...(mail.attachments ?? []), logoAttachment(), ...funderAttachment] }
}

async function renderTemplate(template: string, params: unknown, ctx: MailContext): Promise<RenderedMail> {
	const builder = Object.hasOwn(MAIL_BUILDERS, template) ? MAIL_BUILDERS[template as MailTemplate] : undefined
	if (!builder) throw new UnrenderableMailError(`unknown mail template '${template}'`)
	if (isAccountMailTemplate(template)) {
		// A sent account mail keeps no parameters (its link was one-time): nothing to send again.
		const account = params as Partial<AccountMailParams> | null
		if (!account?.account) throw new UnrenderableMailError('the mail has no parameters (sent already?)')
		return (builder as MailBuilder<AccountMailParams>)(account as AccountMailParams, ctx)
	}
	const p = params as Partial<MailParams & ApplicationMailParams> | null
	// Erasing a registration or an application blanks the parameters of its mails (ZZPL): nothing is left to send.
	if (isApplicationMailTemplate(template)) {
		if (!p?.event || !p.application) throw new UnrenderableMailError('the mail has no parameters (erased?)')
		return (builder as MailBuilder<ApplicationMailParams>)(p as ApplicationMailParams, ctx)
	}
	if (!p?.event || !p.registration) throw new UnrenderableMailError('the mail has no parameters (erased?)')
	return (builder as MailBuilder<MailParams>)(p as MailParams, ctx)
}

export type { MailContext, RenderedMail } from './types.ts'
