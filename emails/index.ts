// The mail templates by name, and the context they render in. The outbox stores a template's name
// and its parameters; delivery renders them here, in the recipient's language.
import type { Locale } from '#app/domain/locale.ts'
import type { MailParams, MailTemplate } from '#app/services/outbox.server.ts'
import { sharedI18n } from '#app/utils/i18n.ts'
import { eventCancelled } from './event-cancelled.ts'
import { eventUpdated } from './event-updated.ts'
import { registrationCancelled } from './registration-cancelled.ts'
import { registrationConfirmed } from './registration-confirmed.ts'
import { registrationLink } from './registration-link.ts'
import { registrationPromoted } from './registration-promoted.ts'
import { registrationWaitlisted } from './registration-waitlisted.ts'
import type { MailBuilder, MailContext, RenderedMail } from './types.ts'

export const MAIL_BUILDERS: Record<MailTemplate, MailBuilder> = {
	'registration-confirmed': registrationConfirmed,
	'registration-waitlisted': registrationWaitlisted,
	'registration-promoted': registrationPromoted,
	'registration-cancelled': registrationCancelled,
	'registration-link': registrationLink,
	'event-updated': eventUpdated,
	'event-cancelled': eventCancelled,
}

export function mailContext(
	locale: Locale,
	options: { publicUrl: string; from: MailContext['from']; queuedAt: Date },
): MailContext {
	return { locale, t: sharedI18n(locale).getFixedT(locale, 'mail'), ...options }
}

/** Thrown for a row that cannot be rendered (unknown template, erased parameters): retrying will not help. */
export class UnrenderableMailError extends Error {}

export async function renderMail(template: string, params: unknown, ctx: MailContext): Promise<RenderedMail> {
	const builder = Object.hasOwn(MAIL_BUILDERS, template) ? MAIL_BUILDERS[template as MailTemplate] : undefined
	if (!builder) throw new UnrenderableMailError(`unknown mail template '${template}'`)
	const p = params as Partial<MailParams> | null
	// Erasing a registration blanks the parameters of its mails (ZZPL): nothing is left to send.
	if (!p?.event || !p.registration) throw new UnrenderableMailError('the mail has no parameters (erased?)')
	return builder(p as MailParams, ctx)
}

export type { MailContext, RenderedMail } from './types.ts'
