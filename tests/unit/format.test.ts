import { describe, expect, test } from 'vitest'
import { formatEventTimeRange, formatLongDate, formatNumber, formatShortDate, fromBelgradeLocalInput, toBelgradeLocalInput } from '#app/domain/format.ts'

const fairStart = new Date('2026-12-19T09:00:00Z') // 10:00 in Belgrade (CET, UTC+1)

describe('dates in the three languages', () => {
	test('long dates use the language and script', () => {
		expect(formatLongDate(fairStart, 'sr-Latn')).toBe('subota, 19. decembar 2026.')
		expect(formatLongDate(fairStart, 'sr-Cyrl')).toBe('субота, 19. децембар 2026.')
		expect(formatLongDate(fairStart, 'en')).toBe('Saturday, 19 December 2026')
	})

	test('short dates follow the Serbian convention', () => {
		expect(formatShortDate(fairStart, 'sr-Latn')).toBe('19. 12. 2026.')
	})

	test('time ranges are in Belgrade time, 24-hour', () => {
		const end = new Date('2026-12-19T16:00:00Z')
		expect(formatEventTimeRange(fairStart, end, 'sr-Latn')).toBe('10:00–17:00')
		expect(formatEventTimeRange(fairStart, end, 'en')).toBe('10:00–17:00')
	})

	test('summer time is UTC+2', () => {
		const june = new Date('2027-06-05T08:00:00Z')
		expect(formatEventTimeRange(june, new Date('2027-06-05T10:30:00Z'), 'sr-Latn')).toBe('10:00–12:30')
	})

	test('numbers use the local separators', () => {
		expect(formatNumber(1234.5, 'sr-Latn')).toBe('1.234,5')
		expect(formatNumber(1234.5, 'en')).toBe('1,234.5')
	})
})

describe('datetime-local values in Belgrade time', () => {
	test('winter and summer offsets', () => {
		expect(fromBelgradeLocalInput('2026-12-19T10:00')?.toISOString()).toBe('2026-12-19T09:00:00.000Z')
		expect(fromBelgradeLocalInput('2027-06-05T10:00')?.toISOString()).toBe('2027-06-05T08:00:00.000Z')
	})

	test('round trip', () => {
		for (const local of ['2026-12-19T10:00', '2027-03-28T03:30', '2027-10-31T01:15', '2027-01-01T00:00']) {
			const date = fromBelgradeLocalInput(local)
			expect(date && toBelgradeLocalInput(date)).toBe(local)
		}
	})

	test('the day clocks go back: the first 02:30 is taken', () => {
		// 31 Oct 2027 02:30 happens twice in Belgrade; either reading is a valid instant.
		const date = fromBelgradeLocalInput('2027-10-31T02:30')
		expect(date).toBeDefined()
		expect(toBelgradeLocalInput(date!)).toBe('2027-10-31T02:30')
	})

	test('malformed and impossible values are refused', () => {
		for (const bad of ['', '2026-13-01T10:00', '2026-02-30T10:00', '19.12.2026. 10:00', '2026-12-19T25:00', 'x']) {
			expect(fromBelgradeLocalInput(bad)).toBeUndefined()
		}
	})
})
