// The funder's visibility block: the EU emblem, a funding statement and a disclaimer, as the EU's
// visibility rules ask of the Center (funded by the EU through UNDP's ReLOaD2). The admin writes the
// texts in Serbian Latin (Cyrillic is derived on display) and optionally in English (Serbian when
// empty), uploads the emblem (PNG or JPEG: SVG could carry a script) and ticks where the block
// shows besides the reports: the footer of public pages, the footer of mails. Kept in site_settings.
import { z } from 'zod'
import { issueKey } from './input-fields.ts'
import type { Locale } from './locale.ts'
import { cyrillicToLatin, latinToCyrillic } from './transliterate.ts'

/** The keys of `site_settings` that hold it (the emblem's bytes, base64, in a key of their own). */
export const FUNDER_KEYS = {
	statementSr: 'funder.statement.sr',
	statementEn: 'funder.statement.en',
	disclaimerSr: 'funder.disclaimer.sr',
	disclaimerEn: 'funder.disclaimer.en',
	showPublic: 'funder.show-public',
	showMail: 'funder.show-mail',
	emblemMeta: 'funder.emblem-meta',
	emblem: 'funder.emblem',
} as const

/** The text keys and flags read for every page (not the emblem's bytes). */
export const FUNDER_TEXT_KEYS = [
	FUNDER_KEYS.statementSr,
	FUNDER_KEYS.statementEn,
	FUNDER_KEYS.disclaimerSr,
	FUNDER_KEYS.disclaimerEn,
	FUNDER_KEYS.showPublic,
	FUNDER_KEYS.showMail,
	FUNDER_KEYS.emblemMeta,
] as const

export const STATEMENT_MAX = 300
export const DISCLAIMER_MAX = 600
/** An emblem is a small picture: 500 KiB is far more than the EU's own PNG needs. */
export const MAX_EMBLEM_BYTES = 500 * 1024
/** The form's file field. */
export const EMBLEM_FIELD = 'emblem'

export type EmblemMeta = { mime: 'image/png' | 'image/jpeg'; sha256: string; bytes: number }

/** What is stored, as the settings page and the displays read it. */
export type FunderVisibility = {
	statementSr: string | null
	statementEn: string | null
	disclaimerSr: string | null
	disclaimerEn: string | null
	showPublic: boolean
	showMail: boolean
	emblem: EmblemMeta | null
}

/** The block in one language, ready to show. */
export type FunderBlock = { statement: string | null; disclaimer: string | null; emblem: EmblemMeta | null }

const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const checked = (v: unknown) => v === 'on' || v === 'true' || v === true
/** Plain text: no control characters but line breaks and tabs (nothing that could hide in a mail or a sheet). */
const CONTROL = /(?![\n\r\t])\p{Cc}/u

const plainText = (max: number) =>
	z.preprocess(
		blankAsUndefined,
		z
			.string()
			.trim()
			.max(max)
			.refine((v) => !CONTROL.test(v), issueKey('plainText'))
			.transform((v) => v.replace(/\r\n?/g, '\n'))
			.optional(),
	)

/** /admin/settings, the funder's card (the emblem is read apart, as bytes). */
export const FunderVisibilitySchema = z.object({
	statementSr: plainText(STATEMENT_MAX),
	statementEn: plainText(STATEMENT_MAX),
	disclaimerSr: plainText(DISCLAIMER_MAX),
	disclaimerEn: plainText(DISCLAIMER_MAX),
	showPublic: z.preprocess(checked, z.boolean()),
	showMail: z.preprocess(checked, z.boolean()),
	removeEmblem: z.preprocess(checked, z.boolean()),
})

export type FunderVisibilityInput = z.infer<typeof FunderVisibilitySchema>

/** Whether there is a block to show at all: an emblem or a statement. */
export function hasFunderBlock(settings: FunderVisibility | null | undefined): settings is FunderVisibility {
	return !!settings && !!(settings.emblem || settings.statementSr || settings.statementEn)
}

function inScript(text: string, locale: Locale) {
	if (locale === 'sr-Cyrl') return latinToCyrillic(text)
	if (locale === 'sr-Latn') return cyrillicToLatin(text)
	return text
}

/** The block in the reader's language: English when written (Serbian otherwise), Serbian in the reader's script. */
export function funderBlockFor(settings: FunderVisibility, locale: Locale): FunderBlock {
	const pick = (sr: string | null, en: string | null) => {
		if (locale === 'en' && en) return en
		return sr ? inScript(sr, locale === 'en' ? 'sr-Latn' : locale) : en
	}
	return {
		statement: pick(settings.statementSr, settings.statementEn),
		disclaimer: pick(settings.disclaimerSr, settings.disclaimerEn),
		emblem: settings.emblem,
	}
}

/** The emblem's address: the hash in the query, so a new emblem is a new address for every cache. */
export function emblemUrl(emblem: EmblemMeta) {
	return `/funder-emblem?v=${emblem.sha256.slice(0, 16)}`
}

/** What a page draws: the texts in the reader's language and the emblem's address. */
export type FunderBlockView = { statement: string | null; disclaimer: string | null; emblemUrl: string | null }

export function funderBlockView(settings: FunderVisibility, locale: Locale): FunderBlockView | null {
	if (!hasFunderBlock(settings)) return null
	const block = funderBlockFor(settings, locale)
	return { statement: block.statement, disclaimer: block.disclaimer, emblemUrl: block.emblem ? emblemUrl(block.emblem) : null }
}
