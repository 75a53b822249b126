import { describe, expect, test } from 'vitest'
import { cyrillicToLatin, latinToCyrillic } from '#app/domain/transliterate.ts'

describe('latinToCyrillic', () => {
	test.each([
		['Kruševac', 'Крушевац'],
		['Mini-sajam socijalnog preduzetništva', 'Мини-сајам социјалног предузетништва'],
		['Ljubav, NJIVA, Džep, đak, ćup', 'Љубав, ЊИВА, Џеп, ђак, ћуп'],
		['LJUBAV', 'ЉУБАВ'],
		['Ljiljana', 'Љиљана'],
	])('%s → %s', (latin, cyrillic) => {
		expect(latinToCyrillic(latin)).toBe(cyrillic)
	})

	test('digraphs split across a prefix are written as two letters', () => {
		expect(latinToCyrillic('nadživeti')).toBe('надживети')
		expect(latinToCyrillic('podžupan')).toBe('поджупан')
		expect(latinToCyrillic('injekcija')).toBe('инјекција')
		expect(latinToCyrillic('konjunkcija')).toBe('конјункција')
	})

	test('emails, web addresses, placeholders and markup stay as written', () => {
		expect(latinToCyrillic('Pišite na info@csp-krusevac.rs')).toBe('Пишите на info@csp-krusevac.rs')
		expect(latinToCyrillic('Vidi https://www.example.rs/nj/lj')).toBe('Види https://www.example.rs/nj/lj')
		expect(latinToCyrillic('Zdravo {{name}}, <1>link</1>')).toBe('Здраво {{name}}, <1>линк</1>')
		expect(latinToCyrillic('putanja /events/mini-sajam')).toBe('путања /events/mini-sajam')
	})

	test('foreign names and codes stay in Latin', () => {
		expect(latinToCyrillic('Facebook i Instagram')).toBe('Facebook и Instagram')
		expect(latinToCyrillic('QR kod')).toBe('QR код')
		expect(latinToCyrillic('Wi-Fi mreža')).toBe('Wi-Fi мрежа')
		expect(latinToCyrillic('iOS')).toBe('iOS')
	})
})

describe('cyrillicToLatin', () => {
	test('is exact, including capitalised digraphs', () => {
		expect(cyrillicToLatin('Љубав и ЊЕГОВА џамија, Ђурђевдан')).toBe('Ljubav i NJEGOVA džamija, Đurđevdan')
	})

	test('round-trips Serbian text', () => {
		const text = 'Radionica: Kako do statusa socijalnog preduzeća u Kruševcu, Ćićevcu i Brusu'
		expect(cyrillicToLatin(latinToCyrillic(text))).toBe(text)
	})
})
