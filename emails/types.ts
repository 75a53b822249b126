// What a mail template receives and returns. Templates are pure functions of the queued
// parameters and this context: rendering the same outbox row twice gives the same mail.
import type { TFunction } from 'i18next'
import type { InviteMethod } from '#app/domain/invite.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { MailParams } from '#app/services/commands/outbox.server.ts'
import type { AccountMailParams, ApplicationMailParams } from '#app/services/commands/outbox.server.ts'

export type MailContext = {
	locale: Locale
	/** i18next's t for the `mail` namespace in the recipient's language. */
	t: TFunction
	/** Base of every link, no trailing slash. */
	publicUrl: string
	/**
	 * The sender (MAIL_FROM; its default name "Sajam" in the reader's script). The ORGANIZER of
	 * calendar invites only when the Center has no contact address.
	 */
	from: { name: string; address: string }
	/** The Center's address for people (queries/site-settings centerContact): Reply-To, and the invites' ORGANIZER. */
	contactEmail: string | null
	/** When the mail was queued: the DTSTAMP of invites, so a re-render is identical. */
	queuedAt: Date
	/**
	 * The funder's visibility block (EU emblem, funding statement, disclaimer) in the recipient's
	 * language, when the admin ticked it for mails (/admin/settings); null otherwise.
	 */
	funder?: MailFunderBlock | null
}

export type MailFunderBlock = { statement: string | null; disclaimer: string | null; emblem: { bytes: Buffer; mime: string } | null }

export type MailAttachment = {
	filename: string
	content: Buffer
	contentType: string
	/** Set for images shown inside the HTML (`<img src="cid:...">`). */
	cid?: string
	contentDisposition?: 'inline' | 'attachment'
}

export type RenderedMail = {
	subject: string
	html: string
	text: string
	attachments?: MailAttachment[]
	/**
	 * A calendar invite, sent once: as the `text/calendar; method=...` alternative that Outlook
	 * and Gmail act on (delivery turns it into that part; no second `.ics` attachment).
	 */
	icalEvent?: { method: InviteMethod; filename: string; content: string }
}

export type MailBuilder<P extends MailParams | ApplicationMailParams | AccountMailParams = MailParams> = (params: P, ctx: MailContext) => Promise<RenderedMail>
