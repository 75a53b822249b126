// Fitting a long name or event title on the certificate of attendance: wrapped before it is shrunk.
import { describe, expect, test } from 'vitest'
import { fitText, wrapWords } from '#app/domain/text-fit.ts'

/** A monospaced font: every character is 0.6 of the size wide. */
const mono = (text: string, size: number) => [...text].length * size * 0.6

describe('fitText', () => {
	test('a short name stays on one line at the full size', () => {
		expect(fitText('Ana Ilić', mono, 700, { size: 28, minSize: 18, maxLines: 2 })).toEqual({ size: 28, lines: ['Ana Ilić'] })
	})

	test('a longer name is shrunk on one line down to the smallest size wanted', () => {
		const name = 'Aleksandra Jovanović-Stojanović Petrović' // 40 characters: 600 / (40 × 0.6) = 25
		expect(fitText(name, mono, 600, { size: 28, minSize: 18, maxLines: 2 })).toEqual({ size: 25, lines: [name] })
	})

	test('a name of 60+ characters goes onto two lines before it gets smaller than the minimum', () => {
		const name = 'Aleksandra Milica Jovanović-Stojanović Petrović Đorđević Živković Marković'
		expect([...name].length).toBeGreaterThan(60)
		const fitted = fitText(name, mono, 700, { size: 28, minSize: 18, maxLines: 2 })
		expect(fitted.lines).toHaveLength(2)
		expect(fitted.size).toBeGreaterThanOrEqual(18)
		expect(fitted.lines.join(' ')).toBe(name)
		for (const line of fitted.lines) expect(mono(line, fitted.size)).toBeLessThanOrEqual(700)
	})

	test('a 160-character title fits in three lines; past that it shrinks, never cut off', () => {
		const title =
			'Radionica o socijalnom preduzetništvu, digitalnom marketingu i pristupu finansijama za mlade, žene i osobe sa invaliditetom iz Rasinskog okruga, drugi deo'
		const fitted = fitText(title, mono, 720, { size: 20, minSize: 13, maxLines: 3 })
		expect(fitted.lines.length).toBeLessThanOrEqual(3)
		expect(fitted.size).toBeGreaterThanOrEqual(13)
		expect(fitted.lines.join(' ')).toBe(title)
		const tiny = fitText(title, mono, 200, { size: 20, minSize: 13, maxLines: 3 })
		expect(tiny.size).toBe(8)
		expect(tiny.lines.join(' ')).toBe(title)
	})

	test('a single word wider than the line is shrunk, not broken', () => {
		expect(wrapWords('Jovanović-Stojanović-Petrović', mono, 28, 100)).toEqual(['Jovanović-Stojanović-Petrović'])
		const fitted = fitText('Jovanović-Stojanović-Petrović', mono, 300, { size: 28, minSize: 18, maxLines: 2 })
		expect(fitted.lines).toEqual(['Jovanović-Stojanović-Petrović'])
		expect(mono(fitted.lines[0]!, fitted.size)).toBeLessThanOrEqual(300)
	})
})
