import { describe, expect, test } from 'vitest'
import { suppressBreakdown, suppressTable, type Suppressed } from '#app/domain/small-cells.ts'

/** For every line with a shown total: 0 or ≥2 hidden cells, and the hidden ones sum to ≥5. */
function expectLineSafe(values: number[], shown: Suppressed[], total: Suppressed) {
	if (total === null) return
	const hidden = values.filter((_, i) => shown[i] === null)
	if (hidden.length === 0) return
	expect(hidden.length).toBeGreaterThanOrEqual(2)
	expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5)
}

describe('suppressBreakdown', () => {
	test('large counts and zeros are shown as they are', () => {
		expect(suppressBreakdown({ llc: 12, association: 7, cooperative: 0 })).toEqual({
			cells: { llc: 12, association: 7, cooperative: 0 },
			total: 19,
		})
	})

	test('a lone small cell takes the next-smallest with it, so the total cannot give it away', () => {
		expect(suppressBreakdown({ llc: 12, association: 7, cooperative: 3, foundation: 0 })).toEqual({
			cells: { llc: 12, association: null, cooperative: null, foundation: 0 },
			total: 22,
		})
	})

	test('two small cells that sum below 5 take a third', () => {
		expect(suppressBreakdown({ a: 1, b: 2, c: 9, d: 20 })).toEqual({ cells: { a: null, b: null, c: null, d: 20 }, total: 32 })
	})

	test('two small cells summing to 5 or more are enough', () => {
		expect(suppressBreakdown({ a: 2, b: 3, c: 9 })).toEqual({ cells: { a: null, b: null, c: 9 }, total: 14 })
	})

	test('a small total is hidden with everything in it', () => {
		expect(suppressBreakdown({ a: 3, b: 0 })).toEqual({ cells: { a: null, b: 0 }, total: null })
	})

	test('when nothing else can be hidden, the total goes', () => {
		expect(suppressBreakdown({ a: 3, b: 0, c: 0, d: 7 })).toEqual({ cells: { a: null, b: 0, c: 0, d: null }, total: 10 })
		expect(suppressBreakdown({ a: 3, b: 6 })).toEqual({ cells: { a: null, b: null }, total: 9 })
		// With one positive cell, no partner exists; the total must go, or it equals the cell.
		expect(suppressBreakdown({ a: 0, b: 0, c: 4 }).total).toBeNull()
	})

	test('an empty breakdown is fine', () => {
		expect(suppressBreakdown({})).toEqual({ cells: {}, total: 0 })
	})

	test('refuses things that are not counts', () => {
		expect(() => suppressBreakdown({ a: -1 })).toThrow(RangeError)
		expect(() => suppressBreakdown({ a: 1.5 })).toThrow(RangeError)
	})
})

describe('suppressTable (fair × category)', () => {
	const counts = {
		'2025': { food: 9, handicrafts: 6, textiles: 2, plants: 8 },
		'2026': { food: 11, handicrafts: 3, textiles: 7, plants: 10 },
	}

	test('every shown line is safe and no small count is shown', () => {
		const table = suppressTable(counts)
		const rows = Object.keys(counts) as (keyof typeof counts)[]
		const columns = ['food', 'handicrafts', 'textiles', 'plants'] as const
		for (const r of rows) {
			for (const c of columns) {
				const shown = table.cells[r][c]
				if (shown !== null) expect(shown === 0 || shown >= 5).toBe(true)
			}
			expectLineSafe(
				columns.map((c) => counts[r][c]),
				columns.map((c) => table.cells[r][c]),
				table.rowTotals[r],
			)
		}
		for (const c of columns) {
			expectLineSafe(
				rows.map((r) => counts[r][c]),
				rows.map((r) => table.cells[r][c]),
				table.columnTotals[c],
			)
		}
		expect(table.cells['2025'].textiles).toBeNull()
		expect(table.cells['2026'].handicrafts).toBeNull()
		expect(table.total).toBe(56)
	})

	test('missing cells count as 0 and columns are the union of the rows', () => {
		const table = suppressTable({ a: { food: 10 }, b: { plants: 12 } })
		expect(table.cells).toEqual({ a: { food: 10, plants: 0 }, b: { food: 0, plants: 12 } })
		expect(table.rowTotals).toEqual({ a: 10, b: 12 })
		expect(table.columnTotals).toEqual({ food: 10, plants: 12 })
		expect(table.total).toBe(22)
	})

	test('a small margin is protected against the grand total', () => {
		const table = suppressTable({ a: { food: 10, plants: 10 }, b: { food: 2, plants: 0 }, c: { food: 8, plants: 9 } })
		expect(table.rowTotals.b).toBeNull()
		expect(table.cells.b.food).toBeNull()
		// b's total may not be recoverable as grand total − a − c.
		const hiddenRowTotals = Object.values(table.rowTotals).filter((v) => v === null).length
		expect(table.total === null || hiddenRowTotals >= 2).toBe(true)
	})
})
