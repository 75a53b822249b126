// The messages page (/admin/events/{id}/messages): the compose form's choices, the messages sent
// (newest first), and a preview of the mail as each language will read it.
import type { EventRow } from '#db/schema/index.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import { LOCALES, type Locale } from '#app/domain/locale.ts'
import { messageParagraphs, type MessageText } from '#app/domain/message-input.ts'
import { EXHIBITOR_AUDIENCES, VISITOR_AUDIENCES } from '#app/domain/vocabulary.ts'
import type { Db } from '#app/utils/db.server.ts'
import { authorNames, listMessages } from '#app/services/queries/messages.server.ts'

export function messagesPage(db: Db, event: EventRow, locale: Locale) {
	const messages = listMessages(db, event.id)
	const names = authorNames(
		db,
		messages.map((m) => m.author),
	)
	return {
		event: { id: event.id, title: eventTitleIn(event, locale), kind: event.kind },
		targets: event.kind === 'fair' ? (['visitors', 'exhibitors'] as const) : (['visitors'] as const),
		audiences: { visitors: [...VISITOR_AUDIENCES], exhibitors: [...EXHIBITOR_AUDIENCES] },
		messages: messages.map((m) => ({
			id: m.id,
			target: m.target,
			audience: m.audience,
			subject: m.subject[locale === 'en' ? 'sr-Latn' : locale],
			count: m.recipients,
			recipients: formatNumber(m.recipients, locale),
			author: names.get(m.author) ?? m.author,
			sentAt: formatDateTime(m.createdAt, locale),
		})),
	}
}

/** What one language's reader sees: the subject, the note when English was not written, the paragraphs. */
export type LanguagePreview = { locale: Locale; subject: string; untranslated: boolean; paragraphs: string[] }

export function messagePreview(letter: { subject: MessageText; body: MessageText }): LanguagePreview[] {
	return LOCALES.map((locale) => {
		const pick = (text: MessageText) => (locale === 'en' ? (text.en ?? text['sr-Latn']) : text[locale])
		return { locale, subject: pick(letter.subject), untranslated: locale === 'en' && !letter.body.en, paragraphs: messageParagraphs(pick(letter.body)) }
	})
}
