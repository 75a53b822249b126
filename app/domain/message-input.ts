// A message to an event's visitors or a fair's exhibitors (CONTRACT.md, Talking to people): the
// subject and body written once in Serbian Latin (Cyrillic derived), English optional. Plain text.
import { z } from 'zod'
import { latinToCyrillic } from './transliterate.ts'
import { EXHIBITOR_AUDIENCES, VISITOR_AUDIENCES } from './vocabulary.ts'

export type VisitorAudience = (typeof VISITOR_AUDIENCES)[number]
export type ExhibitorAudience = (typeof EXHIBITOR_AUDIENCES)[number]
export type MessageAudience = VisitorAudience | ExhibitorAudience

/** A text as each language reads it; `en` only when the organizer wrote one. */
export type MessageText = { 'sr-Latn': string; 'sr-Cyrl': string; en?: string }

const SUBJECT_MAX = 200
const BODY_MAX = 20_000

function textSchema(max: number) {
	const part = z.string().trim().max(max)
	return z.union([part.min(1), z.object({ 'sr-Latn': part.min(1), 'sr-Cyrl': part.optional(), en: part.optional() })])
}

/** Derives the missing Cyrillic; an empty English text counts as none. */
export function messageText(input: string | { 'sr-Latn': string; 'sr-Cyrl'?: string; en?: string }): MessageText {
	const value = typeof input === 'string' ? { 'sr-Latn': input } : input
	const latin = value['sr-Latn']
	const cyrl = 'sr-Cyrl' in value && value['sr-Cyrl'] ? value['sr-Cyrl'] : latinToCyrillic(latin)
	const en = 'en' in value && value.en ? value.en : undefined
	return { 'sr-Latn': latin, 'sr-Cyrl': cyrl, ...(en ? { en } : {}) }
}

function messageSchema<A extends readonly [string, ...string[]]>(audiences: A) {
	return z.object({
		subject: textSchema(SUBJECT_MAX),
		body: textSchema(BODY_MAX),
		audience: z.enum(audiences),
		send: z.boolean().optional(),
	})
}

export const VisitorMessageSchema = messageSchema(VISITOR_AUDIENCES)
export const ExhibitorMessageSchema = messageSchema(EXHIBITOR_AUDIENCES)

/** Paragraphs (blank-line separated) of a plain text; single line ends stay inside a paragraph. */
export function messageParagraphs(body: string): string[] {
	return body
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((part) => part.trim())
		.filter(Boolean)
}

/** Splits a paragraph into text and web addresses (http/https), for links in the HTML part. */
export function splitLinks(text: string): { text: string; url?: boolean }[] {
	const parts: { text: string; url?: boolean }[] = []
	const re = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g
	let last = 0
	for (const match of text.matchAll(re)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index) })
		parts.push({ text: match[0], url: true })
		last = match.index + match[0].length
	}
	if (last < text.length) parts.push({ text: text.slice(last) })
	return parts
}

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => v || undefined)

/** The admin's compose form (no-JS POST): Serbian Latin required, English optional. */
export const MessageFormSchema = z
	.object({
		target: z.enum(['visitors', 'exhibitors']).default('visitors'),
		audience: z.string(),
		subject: z.string().trim().min(1).max(SUBJECT_MAX),
		body: z.string().trim().min(1).max(BODY_MAX),
		subjectEn: optionalText(SUBJECT_MAX),
		bodyEn: optionalText(BODY_MAX),
		/** The count the preview showed (the send form carries it back). */
		recipients: z.coerce.number().int().min(0).optional(),
		/** The "Send to N people" checkbox. */
		confirm: z.literal('on').optional(),
	})
	.refine((v) => ((v.target === 'visitors' ? VISITOR_AUDIENCES : EXHIBITOR_AUDIENCES) as readonly string[]).includes(v.audience), {
		path: ['audience'],
		params: { key: 'choice' },
	})

export type MessageForm = z.output<typeof MessageFormSchema>

/** The form's texts as the message keeps them. */
export function letterFromForm(form: MessageForm): { subject: MessageText; body: MessageText } {
	return {
		subject: messageText({ 'sr-Latn': form.subject, ...(form.subjectEn ? { en: form.subjectEn } : {}) }),
		body: messageText({ 'sr-Latn': form.body, ...(form.bodyEn ? { en: form.bodyEn } : {}) }),
	}
}
