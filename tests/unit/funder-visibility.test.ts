// The funder's visibility block: the settings form's schema, and the block in each language.
import { describe, expect, test } from 'vitest'
import {
	DISCLAIMER_MAX,
	funderBlockFor,
	funderBlockView,
	FunderVisibilitySchema,
	hasFunderBlock,
	STATEMENT_MAX,
	type FunderVisibility,
} from '#app/domain/funder-visibility.ts'

const EMPTY: FunderVisibility = {
	statementSr: null,
	statementEn: null,
	disclaimerSr: null,
	disclaimerEn: null,
	showPublic: false,
	showMail: false,
	emblem: null,
}

describe('FunderVisibilitySchema', () => {
	test('empty texts are "not set"; ticks are checkboxes (on / absent)', () => {
		const parsed = FunderVisibilitySchema.parse({ statementSr: '  ', statementEn: '', disclaimerSr: 'Odricanje.', showPublic: 'on' })
		expect(parsed).toEqual({
			statementSr: undefined,
			statementEn: undefined,
			disclaimerSr: 'Odricanje.',
			disclaimerEn: undefined,
			showPublic: true,
			showMail: false,
			removeEmblem: false,
		})
	})

	test('texts are trimmed, line breaks kept as \\n', () => {
		expect(FunderVisibilitySchema.parse({ statementSr: '  Prvi red\r\ndrugi red  ' }).statementSr).toBe('Prvi red\ndrugi red')
	})

	test('length limits, per field', () => {
		expect(FunderVisibilitySchema.safeParse({ statementSr: 'a'.repeat(STATEMENT_MAX) }).success).toBe(true)
		const long = FunderVisibilitySchema.safeParse({ statementEn: 'a'.repeat(STATEMENT_MAX + 1), disclaimerSr: 'b'.repeat(DISCLAIMER_MAX + 1) })
		expect(long.success).toBe(false)
		expect(long.error!.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
			['statementEn', 'too_big'],
			['disclaimerSr', 'too_big'],
		])
	})

	test('plain text only: control characters are refused with their own message key', () => {
		const bad = FunderVisibilitySchema.safeParse({ disclaimerEn: 'Funded\u0000 by' })
		expect(bad.success).toBe(false)
		expect(bad.error!.issues[0]!.path).toEqual(['disclaimerEn'])
		expect((bad.error!.issues[0] as { params?: { key?: string } }).params?.key).toBe('plainText')
		expect(FunderVisibilitySchema.safeParse({ disclaimerEn: 'Tab\there, <b>not HTML</b>' }).success).toBe(true)
	})
})

describe('the block in the reader’s language', () => {
	const settings: FunderVisibility = { ...EMPTY, statementSr: 'Ovaj projekat finansira Evropska unija.', disclaimerSr: 'Sadržaj je odgovornost Centra.' }

	test('Serbian in the reader’s script; English falls back to Serbian Latin when not written', () => {
		expect(funderBlockFor(settings, 'sr-Latn').statement).toBe('Ovaj projekat finansira Evropska unija.')
		expect(funderBlockFor(settings, 'sr-Cyrl').statement).toBe('Овај пројекат финансира Европска унија.')
		expect(funderBlockFor(settings, 'en')).toMatchObject({ statement: 'Ovaj projekat finansira Evropska unija.', disclaimer: 'Sadržaj je odgovornost Centra.' })
		expect(funderBlockFor({ ...settings, statementEn: 'Funded by the European Union.' }, 'en').statement).toBe('Funded by the European Union.')
	})

	test('nothing to show without an emblem or a statement', () => {
		expect(hasFunderBlock(EMPTY)).toBe(false)
		expect(hasFunderBlock({ ...EMPTY, disclaimerSr: 'Samo odricanje.' })).toBe(false)
		expect(funderBlockView(EMPTY, 'en')).toBeNull()
		const withEmblem = funderBlockView({ ...EMPTY, emblem: { mime: 'image/png', sha256: 'ab'.repeat(32), bytes: 10 } }, 'en')
		expect(withEmblem).toEqual({ statement: null, disclaimer: null, emblemUrl: `/funder-emblem?v=${'ab'.repeat(8)}` })
	})
})
