import { describe, expect, test } from 'vitest'
import { ManualRegistrationSchema, listSearchParams, manualRegistrationInput, parseListQuery } from '#app/domain/registration-admin-input.ts'
import { foldForSearch } from '#app/domain/search-text.ts'
import enCommon from '#app/locales/en/common.json'
import { getT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'

describe('the list query', () => {
	test('defaults: everything, first page, no notice', () => {
		expect(parseListQuery(new URLSearchParams())).toEqual({ q: '', status: 'all', answer: '', page: 1 })
	})

	test('reads search, status, page and the notice', () => {
		expect(parseListQuery(new URLSearchParams('q=%20Ana%20&status=waitlisted&page=3&notice=cancelled&rid=12&promoted=2'))).toEqual({
			q: 'Ana',
			status: 'waitlisted',
			answer: '',
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
			answer: '',
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
		const query = { q: 'Ана; "x"', status: 'cancelled', answer: 'size:mala', page: 4 } as const
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

	test('at the door or on the phone: a name and a phone number are enough, and nothing is mailed then', () => {
		const { email: _, ...noEmail } = form
		const parsed = ManualRegistrationSchema.parse({ ...noEmail, phone: ' +381 (64) 123-45/67 ' })
		expect(parsed).toMatchObject({ name: 'Ana Jovanović', phone: '+381 (64) 123-45/67' })
		expect(parsed.email).toBeUndefined()
		expect(manualRegistrationInput(parsed)).toMatchObject({ email: null, phone: '+381 (64) 123-45/67' })
		// Both may be given.
		expect(manualRegistrationInput(ManualRegistrationSchema.parse({ ...form, phone: '064 123 4567' }))).toMatchObject({
			email: 'ana@example.rs',
			phone: '064 123 4567',
		})
		expect(manualRegistrationInput(ManualRegistrationSchema.parse(form)).phone).toBeNull()
	})

	test('an email address or a phone number is required (at least one), with a message on the address field', () => {
		const { email: _, ...noEmail } = form
		const result = ManualRegistrationSchema.safeParse(noEmail, { error: makeZodErrorMap(getT('en', 'common')) })
		expect(result.success).toBe(false)
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['email', enCommon.validation.emailOrPhone]])
	})

	test('the phone number is checked loosely: digits, spaces, + - / ( ), 6 to 20 digits', () => {
		const { email: _, ...noEmail } = form
		for (const good of ['064 123 4567', '+381641234567', '037/123-456', '(037) 44 55 66', '+49 30 1234 5678']) {
			expect(ManualRegistrationSchema.safeParse({ ...noEmail, phone: good }).success, good).toBe(true)
		}
		for (const bad of ['064', 'Ana Jovanović', '064 123 4567 lokal 2', '064.123.4567', '+'.repeat(41), '1'.repeat(21)]) {
			const result = ManualRegistrationSchema.safeParse({ ...noEmail, phone: bad }, { error: makeZodErrorMap(getT('en', 'common')) })
			expect(result.success, bad).toBe(false)
			expect(result.error?.issues[0]?.path).toEqual(['phone'])
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
