import { describe, expect, test } from 'vitest'
import { cellText, researchTables, type Cell, type ResearchOptions, type ResearchRow } from '#app/domain/research-tables.ts'

const OPTIONS = (periods: string[]): ResearchOptions => ({
	periods,
	order: {
		legalForm: ['association', 'cooperative', 'llc'],
		apr: ['yes', 'no', 'pending', 'dont_know', 'unknown'],
		ways: ['general_interest', 'work_integration', 'local_development', 'other'],
		municipality: ['krusevac', 'brus'],
		category: ['food', 'handicrafts'],
	},
	vulnerableGroups: ['disability', 'roma'],
})

function row(overrides: Partial<ResearchRow> = {}): ResearchRow {
	return {
		consentResearch: true,
		period: '2026',
		exhibitor: true,
		legalForm: 'association',
		apr: 'yes',
		ways: ['work_integration'],
		municipality: 'krusevac',
		category: 'food',
		staff: { employees: 4, women: 3, vulnerable: { disability: 2 }, volunteers: 1 },
		...overrides,
	}
}

const many = (n: number, overrides: Partial<ResearchRow> = {}) => Array.from({ length: n }, () => row(overrides))

function table(result: ReturnType<typeof researchTables>, dimension: string) {
	const found = result.tables.find((t) => t.dimension === dimension)
	if (!found) throw new Error(`no table ${dimension}`)
	return found
}

function line(result: ReturnType<typeof researchTables>, dimension: string, key: string) {
	const found = table(result, dimension).rows.find((r) => r.key === key)
	if (!found) throw new Error(`no row ${key} in ${dimension}`)
	return found
}

/** Every number the result shows. */
function shownNumbers(result: ReturnType<typeof researchTables>): number[] {
	const cells: Cell[] = []
	for (const t of result.tables) {
		for (const l of [...t.rows, ...(t.totals ? [t.totals] : [])]) {
			for (const p of [...l.periods, l.total]) cells.push(p.applicants, p.exhibitors)
		}
	}
	return cells.filter((c): c is number => typeof c === 'number')
}

describe('researchTables', () => {
	test('counts applicants and exhibitors per value, with totals, when every cell is large', () => {
		const rows = [
			...many(6),
			...many(5, { exhibitor: false }),
			...many(7, { legalForm: 'cooperative' }),
			...many(5, { legalForm: 'cooperative', exhibitor: false }),
		]
		const result = researchTables(rows, OPTIONS(['2026']))
		expect(result.consented).toBe(23)
		expect(line(result, 'legalForm', 'association').periods).toEqual([{ applicants: 11, exhibitors: 6 }])
		expect(line(result, 'legalForm', 'cooperative').periods).toEqual([{ applicants: 12, exhibitors: 7 }])
		expect(table(result, 'legalForm').totals?.periods).toEqual([{ applicants: 23, exhibitors: 13 }])
		// Values nobody has are not listed.
		expect(table(result, 'legalForm').rows.map((r) => r.key)).toEqual(['association', 'cooperative'])
	})

	test('applications without research consent are not counted at all', () => {
		const result = researchTables([...many(6), ...many(40, { consentResearch: false, legalForm: 'llc' })], OPTIONS(['2026']))
		expect(result.consented).toBe(6)
		expect(table(result, 'legalForm').rows.map((r) => r.key)).toEqual(['association'])
	})

	test('a count of 1–4 is "small", and what would give it away by subtraction is hidden too', () => {
		// 8 associations: 6 exhibit, 2 do not. Applicants 8 and exhibitors 6 side by side would
		// tell that 2 associations were not accepted, so the exhibitors cell goes as well.
		const rows = [
			...many(6),
			...many(2, { exhibitor: false }),
			...many(10, { legalForm: 'cooperative' }),
			...many(5, { legalForm: 'cooperative', exhibitor: false }),
		]
		const result = researchTables(rows, OPTIONS(['2026']))
		const association = line(result, 'legalForm', 'association').periods[0]!
		expect(association.applicants).toBe(8)
		expect(association.exhibitors).toBe('hidden')
		// …and down the column, another exhibitors cell keeps the first one from being recomputed from the total.
		const cooperative = line(result, 'legalForm', 'cooperative').periods[0]!
		expect(typeof cooperative.exhibitors === 'number' && typeof table(result, 'legalForm').totals!.periods[0]!.exhibitors === 'number').toBe(false)
	})

	test('a value held by fewer than five is shown as small', () => {
		const rows = [...many(10), ...many(6, { exhibitor: false }), ...many(3, { municipality: 'brus' })]
		const result = researchTables(rows, OPTIONS(['2026']))
		expect(line(result, 'municipality', 'brus').periods[0]!.applicants).toBe('small')
		expect(cellText('small', String)).toBe('<5')
		expect(cellText('hidden', String)).toBe('—')
		expect(cellText(12, String)).toBe('12')
	})

	test('no number from 1 to 4 is ever shown, whatever the mix', () => {
		let seed = 7
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
		const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
		for (let round = 0; round < 30; round++) {
			const rows = Array.from({ length: 5 + Math.floor(random() * 40) }, () =>
				row({
					period: pick(['2024', '2025', '2026']),
					exhibitor: random() < 0.6,
					legalForm: pick(['association', 'cooperative', 'llc']),
					apr: pick(['yes', 'no', null]),
					ways: random() < 0.5 ? ['work_integration', 'general_interest'] : ['local_development'],
					municipality: pick(['krusevac', 'brus']),
					category: pick(['food', 'handicrafts']),
					staff: {
						employees: Math.floor(random() * 6),
						women: Math.floor(random() * 3),
						vulnerable: { roma: Math.floor(random() * 3) },
						volunteers: Math.floor(random() * 2),
					},
				}),
			)
			const result = researchTables(rows, OPTIONS(['2024', '2025', '2026']))
			for (const n of shownNumbers(result)) expect(n === 0 || n >= 5, `shown ${n}`).toBe(true)
		}
	})

	test('across years: a column pair per year and the all-years total', () => {
		const rows = [
			...many(5, { period: '2025' }),
			...many(5, { period: '2025', exhibitor: false }),
			...many(6, { period: '2026' }),
			...many(6, { period: '2026', exhibitor: false }),
		]
		const result = researchTables(rows, OPTIONS(['2025', '2026']))
		expect(line(result, 'legalForm', 'association')).toEqual({
			key: 'association',
			periods: [
				{ applicants: 10, exhibitors: 5 },
				{ applicants: 12, exhibitors: 6 },
			],
			total: { applicants: 22, exhibitors: 11 },
		})
		expect(line(result, 'apr', 'yes').total).toEqual({ applicants: 22, exhibitors: 11 })
	})

	test('several ways per organization: each is counted, and there is no total row', () => {
		const rows = many(12, { ways: ['work_integration', 'general_interest'], exhibitor: false })
		const result = researchTables(rows, OPTIONS(['2026']))
		expect(line(result, 'ways', 'work_integration').periods[0]).toEqual({ applicants: 12, exhibitors: 0 })
		expect(line(result, 'ways', 'general_interest').periods[0]).toEqual({ applicants: 12, exhibitors: 0 })
		expect(table(result, 'ways').totals).toBeNull()
	})

	test('a zero next to hidden applicants is hidden too: it would say all of them were turned down', () => {
		const rows = [...many(10), ...many(6, { exhibitor: false }), ...many(2, { legalForm: 'llc', exhibitor: false })]
		const result = researchTables(rows, OPTIONS(['2026']))
		expect(line(result, 'legalForm', 'llc').periods[0]).toEqual({ applicants: 'small', exhibitors: 'hidden' })
	})

	test('a missing law status is "unknown"', () => {
		const result = researchTables([...many(6, { apr: null, exhibitor: false })], OPTIONS(['2026']))
		expect(line(result, 'apr', 'unknown').periods[0]!.applicants).toBe(6)
	})

	test('staff are sums of people, each measure on its own, small sums hidden', () => {
		const rows = [...many(3), ...many(3, { exhibitor: false }), row({ staff: null })]
		const result = researchTables(rows, OPTIONS(['2026']))
		// employees: 6 × 4 = 24 (exhibitors 3 × 4 = 12 + others 12); disability 12 (6 + 6); volunteers 6 (3 + 3).
		expect(line(result, 'staff', 'employees').periods[0]).toEqual({ applicants: 24, exhibitors: 12 })
		expect(line(result, 'staff', 'women').periods[0]).toEqual({ applicants: 18, exhibitors: 9 })
		expect(line(result, 'staff', 'vulnerable:disability').periods[0]).toEqual({ applicants: 12, exhibitors: 6 })
		expect(line(result, 'staff', 'vulnerable:roma').periods[0]).toEqual({ applicants: 0, exhibitors: 0 })
		// 3 volunteers among exhibitors, 3 among the rest: both small, the sum of 6 may show.
		expect(line(result, 'staff', 'volunteers').periods[0]).toEqual({ applicants: 6, exhibitors: 'small' })
		expect(table(result, 'staff').totals).toBeNull()
	})

	test('rows outside the periods asked for are left out', () => {
		const result = researchTables([...many(6, { period: '2024' }), ...many(7, { period: '2026' })], OPTIONS(['2026']))
		expect(result.consented).toBe(7)
	})
})
