import { describe, expect, test } from 'vitest'
import { ManualRegistrationSchema, listSearchParams, manualRegistrationInput, parseListQuery } from '#app/domain/registration-admin-input.ts'
import { foldForSearch } from '#app/domain/search-text.ts'

describe('the list query', () => {
	test('defaults: everything, first page, no notice', () => {
		expect(parseListQuery(new URLSearchParams())).toEqual({ q: '', status: 'all', page: 1 })
	})

	test('reads search, status, page and the notice', () => {
		expect(parseListQuery(new URLSearchParams('q=%20Ana%20&status=waitlisted&page=3&notice=cancelled&rid=12&promoted=2'))).toEqual({
			q: 'Ana',
			status: 'waitlisted',
			page: 3,
			notice: 'cancelled',
			rid: 12,
			promoted: 2,
		})
	})

	test('a wrong or hand-edited value falls back instead of failing', () => {
		expect(parseListQuery(new URLSearchParams(`q=${'x'.repeat(101)}&status=deleted&page=0&notice=hacked&rid=-1&promoted=x`))).toEqual({
			q: '',
			status: 'all',
			page: 1,
		})
		expect(parseListQuery(new URLSearchParams('page=2.5')).page).toBe(1)
	})

	test('listSearchParams leaves defaults out and adds the notice', () => {
		expect(listSearchParams({ q: '', status: 'all', page: 1 })).toBe('')
		expect(listSearchParams({ q: 'Đorđe & co', status: 'confirmed', page: 2 }, { notice: 'cancelled', rid: 5, promoted: 1 })).toBe(
			'?q=%C4%90or%C4%91e+%26+co&status=confirmed&page=2&notice=cancelled&rid=5&promoted=1',
		)
		expect(listSearchParams({ q: '', status: 'all', page: 1 }, { notice: 'sold_out', promoted: 0 })).toBe('?notice=sold_out')
	})

	test('what listSearchParams writes, parseListQuery reads back', () => {
		const query = { q: 'Ана; "x"', status: 'cancelled', page: 4 } as const
		const search = listSearchParams(query, { notice: 'resent', rid: 9 })
		expect(parseListQuery(new URLSearchParams(search))).toEqual({ ...query, notice: 'resent', rid: 9 })
	})
})

describe('manual add', () => {
	const form = { name: ' Ana Jovanović ', email: 'Ana@Example.RS', partySize: '2', locale: 'en', informed: 'on' }

	test('accepts a filled form and lowercases the address', () => {
		const parsed = ManualRegistrationSchema.parse(form)
		expect(parsed).toEqual({ name: 'Ana Jovanović', email: 'ana@example.rs', partySize: 2, locale: 'en', informed: 'on' })
	})

	test('the organizer must confirm the person was told about the privacy notice', () => {
		const { informed: _, ...withoutInformed } = form
		expect(ManualRegistrationSchema.safeParse(withoutInformed).success).toBe(false)
		expect(ManualRegistrationSchema.safeParse({ ...form, informed: 'off' }).success).toBe(false)
	})

	test('refuses a bad address, a party of 0 and an unknown language', () => {
		for (const bad of [{ email: 'ana' }, { partySize: '0' }, { partySize: 'dva' }, { locale: 'de' }, { name: 'A' }]) {
			expect(ManualRegistrationSchema.safeParse({ ...form, ...bad }).success, JSON.stringify(bad)).toBe(false)
		}
	})

	test('no optional consent and no demographic answer is given on the visitor’s behalf', () => {
		const input = manualRegistrationInput(ManualRegistrationSchema.parse(form))
		expect(input.consent).toEqual({ privacy: true, photos: false, newsletter: false, research: false })
		expect(input.demographics).toEqual({})
	})
})

describe('foldForSearch', () => {
	test.each([
		['Đorđe Petrović', 'dorde petrovic'],
		['Djordje PETROVIC', 'dorde petrovic'],
		['Ђорђе Петровић', 'dorde petrovic'],
		['Љубица Џаковић', 'ljubica dzakovic'],
		['Šaćir  Žižić ', 'sacir zizic'],
		['ana@example.rs', 'ana@example.rs'],
	])('%j → %j', (text, folded) => {
		expect(foldForSearch(text)).toBe(folded)
	})
})
