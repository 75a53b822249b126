// An organizer's message to the people of an event (event-message) or a fair's exhibitors
// (fair-message): their own words, plain text, a paragraph per blank-line-separated part, web
// addresses as links in the HTML part, everything escaped. A reader of English gets the English
// text when one was written, else the Serbian one with a one-line note.
import { messageParagraphs, splitLinks, type MessageText } from '#app/domain/message-input.ts'
import type { ApplicationMailParams, MailParams } from '#app/services/commands/outbox.server.ts'
import { compose, escapeHtml, heading, paragraph, type Block } from './layout.ts'
import { applicationFooter, applicationGreeting, fairDetails } from './application-parts.ts'
import { eventDetails, eventView, footer, greeting } from './parts.ts'
import { stopMailsLine } from './optional-parts.ts'
import type { MailBuilder, MailContext } from './types.ts'

const LINK_STYLE = 'color:#0d5447;text-decoration:underline'

/** The text in the reader's language: English only when written, else Serbian Latin. */
export function letterText(text: MessageText, ctx: MailContext): { value: string; untranslated: boolean } {
	if (ctx.locale === 'en') return text.en ? { value: text.en, untranslated: false } : { value: text['sr-Latn'], untranslated: true }
	return { value: text[ctx.locale], untranslated: false }
}

/** A paragraph of the organizer's text: escaped, its web addresses as links. */
export function letterParagraph(part: string): Block {
	const base = paragraph(part)
	const inner = splitLinks(part)
		.map((piece) => (piece.url ? `<a href="${escapeHtml(piece.text)}" style="${LINK_STYLE}">${escapeHtml(piece.text)}</a>` : escapeHtml(piece.text)))
		.join('')
		.replace(/\n/g, '<br>')
	return { html: base.html.replace(`>${escapeHtml(part)}</p>`, `>${inner}</p>`), text: part }
}

function letterBlocks(letter: NonNullable<MailParams['letter']>, ctx: MailContext) {
	const subject = letterText(letter.subject, ctx).value
	const body = letterText(letter.body, ctx)
	const blocks = [
		...(body.untranslated ? [paragraph(ctx.t('message.untranslated'), { muted: true })] : []),
		...messageParagraphs(body.value).map(letterParagraph),
	]
	return { subject, blocks }
}

export const eventMessage: MailBuilder = async (params, ctx) => {
	if (!params.letter) throw new Error('event-message without a letter')
	const { subject, blocks } = letterBlocks(params.letter, ctx)
	const title = eventView(params.event, ctx).title
	return compose(ctx, {
		subject: ctx.t('message.subject', { subject, event: title }),
		preheader: ctx.t('message.preheader', { event: title }),
		blocks: [heading(title), greeting(params, ctx), ...blocks, eventDetails(params, ctx)],
		footer: [...footer(params, ctx), ...stopMailsLine(params, ctx)],
	})
}

export const fairMessage: MailBuilder<ApplicationMailParams> = async (params, ctx) => {
	if (!params.letter) throw new Error('fair-message without a letter')
	const { subject, blocks } = letterBlocks(params.letter, ctx)
	const title = eventView(params.event, ctx).title
	return compose(ctx, {
		subject: ctx.t('message.subject', { subject, event: title }),
		preheader: ctx.t('message.preheader', { event: title }),
		blocks: [heading(title), applicationGreeting(params, ctx), ...blocks, fairDetails(params, ctx)],
		footer: [...applicationFooter(params, ctx), ...stopMailsLine(params, ctx)],
	})
}
