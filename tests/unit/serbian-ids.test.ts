import { describe, expect, test } from 'vitest'
import { isValidCompanyNumber, isValidPib, normalizeCompanyNumber, normalizePib } from '#app/domain/serbian-ids.ts'

describe('PIB (ISO 7064 MOD 11,10)', () => {
	// Published PIBs: python-stdnum's doctest, and companies' own invoices and legal notices.
	test.each([
		['101134702', 'python-stdnum example'],
		['100001038', 'Galenika a.d., Beograd'],
		['100003092', 'Frikom a.d., Beograd'],
		['100000057', 'Pernod Ricard Srbija d.o.o.'],
		['111993499', 'an entrepreneur in Kraljevo (published legal notice)'],
	])('%s (%s) is valid', (pib) => {
		expect(isValidPib(pib)).toBe(true)
	})

	test.each(['101134703', '100001039', '100003093', '111993490', '000000000'])('%s has a wrong check digit', (pib) => {
		expect(isValidPib(pib)).toBe(false)
	})

	test.each(['', '10113470', '1011347021', '10113470a', 'PIB101134702', '+01134702', ' '])('%j is not a PIB', (pib) => {
		expect(isValidPib(pib)).toBe(false)
	})

	test('separators people type are ignored', () => {
		expect(isValidPib('101 134 702')).toBe(true)
		expect(isValidPib('101.134.702')).toBe(true)
		expect(isValidPib('10113470-2')).toBe(true)
		expect(normalizePib(' 101 134\u00a0702 ')).toBe('101134702')
	})

	test('non-strings are never valid and never throw', () => {
		for (const value of [null, undefined, 101134702, {}, [], true]) expect(isValidPib(value)).toBe(false)
	})
})

describe('matični broj (format only)', () => {
	test.each(['66841251', '65794896'])('%s (published by its holder) is accepted', (mb) => {
		expect(isValidCompanyNumber(mb)).toBe(true)
	})

	test.each(['', '1234567', '123456789', '1234567a', '101134702'])('%j is not a company number', (mb) => {
		expect(isValidCompanyNumber(mb)).toBe(false)
	})

	test('normalizes spaces and dots', () => {
		expect(normalizeCompanyNumber('65.794.896')).toBe('65794896')
		expect(isValidCompanyNumber('6579 4896')).toBe(true)
		expect(isValidCompanyNumber(7042426)).toBe(false)
	})
})
