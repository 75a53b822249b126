// The organizers' research view: how many organizations apply for the fair and exhibit at it, by
// legal form, status under the 2022 law, way of achieving it, municipality and category, and how
// many people they employ. Pure: rows in, suppressed tables out (small-cells.ts does the hiding).
//
// Only applications whose applicants consented to research use count. An exhibitor is an
// application accepted by the organizers AND told so (released), not withdrawn.
//
// Suppression. Exhibitors are a subset of applicants, so "applicants" and "exhibitors" published
// side by side would give away the difference (the applicants who were not accepted) by
// subtraction. Each table is therefore protected as exhibitors + other applicants, per period
// (a fair or a year), with the applicants as the row totals: every number shown is a cell or a sum
// of such a protected table, and a sum of parts is shown only when all its parts are.
import { MIN_SHOWN_COUNT, suppressBreakdown, suppressTable, type Suppressed } from './small-cells.ts'

export const RESEARCH_DIMENSIONS = ['legalForm', 'apr', 'ways', 'municipality', 'category'] as const
export type ResearchDimension = (typeof RESEARCH_DIMENSIONS)[number]

/** One application as the research view needs it: no names, no contacts. */
export type ResearchRow = {
	consentResearch: boolean
	/** The fair (per-fair view) or the year (across years) the application belongs to. */
	period: string
	exhibitor: boolean
	legalForm: string
	/** APR status code, or null when the applicant did not say. */
	apr: string | null
	ways: string[]
	municipality: string
	category: string
	staff: { employees: number; women: number; vulnerable: Partial<Record<string, number>>; volunteers: number } | null
}

/** A number to show, or why not: 'small' (1–4, shown as "<5"), 'hidden' (to protect a small one, "—"). */
export type Cell = number | 'small' | 'hidden'

export type PeriodCells = { applicants: Cell; exhibitors: Cell }
export type ResearchLine = { key: string; periods: PeriodCells[]; total: PeriodCells }

export type ResearchTable = {
	dimension: ResearchDimension | 'staff'
	rows: ResearchLine[]
	/** The table's totals (all applicants / exhibitors); null where rows do not add up (ways, staff). */
	totals: ResearchLine | null
}

export type ResearchTables = { periods: string[]; consented: number; tables: ResearchTable[] }

export type ResearchOptions = {
	/** The periods, in the order of the columns. */
	periods: string[]
	/** The known codes of each dimension in display order; codes seen in the data but not listed follow. */
	order: Record<ResearchDimension, readonly string[]>
	/** The staff measures' keys in order: 'employees', 'women', 'vulnerable:<group>'…, 'volunteers'. */
	vulnerableGroups: readonly string[]
}

const GRAND_TOTAL = 'total'
const EXH = 'e'
const OTH = 'o'
const col = (period: string, part: typeof EXH | typeof OTH) => `${part}:${period}`

function mark(value: Suppressed, raw: number): Cell {
	if (value !== null) return value
	return raw > 0 && raw < MIN_SHOWN_COUNT ? 'small' : 'hidden'
}

/** A sum shown only when every part is shown (else it would undo the parts' hiding). */
function sumOf(parts: Suppressed[], raw: number): Cell {
	return parts.every((p) => p !== null) ? (parts as number[]).reduce((a, b) => a + b, 0) : mark(null, raw)
}

function valuesOf(row: ResearchRow, dimension: ResearchDimension): string[] {
	switch (dimension) {
		case 'legalForm':
			return [row.legalForm]
		case 'apr':
			return [row.apr ?? 'unknown']
		case 'ways':
			return [...new Set(row.ways)]
		case 'municipality':
			return [row.municipality]
		case 'category':
			return [row.category]
	}
}

type Raw = Record<string, Record<string, number>>

/**
 * "<5 applicants, 0 exhibitors" tells that every one of those few was turned down: a fact about
 * each of them. Next to hidden applicants a zero is hidden too (a zero hides nothing from the sums).
 */
function noTellingZero(cells: PeriodCells): PeriodCells {
	return typeof cells.applicants !== 'number' && cells.exhibitors === 0 ? { ...cells, exhibitors: 'hidden' } : cells
}

/**
 * One protected line set → the lines to show. `raw[row][col]` counts, `cells`/`rowTotals`/
 * `columnTotals` what suppression left.
 */
function lines(
	keys: string[],
	periods: string[],
	raw: Raw,
	cells: Record<string, Record<string, Suppressed>>,
	rowTotals: Record<string, Suppressed>,
): ResearchLine[] {
	return keys.map((key) => {
		const r = raw[key]!
		const c = cells[key]!
		const periodCells = periods.map((p) => {
			const e = r[col(p, EXH)] ?? 0
			const o = r[col(p, OTH)] ?? 0
			return {
				// With one period the applicants are the row total, itself protected.
				applicants: periods.length === 1 ? mark(rowTotals[key] ?? null, e + o) : sumOf([c[col(p, EXH)] ?? null, c[col(p, OTH)] ?? null], e + o),
				exhibitors: mark(c[col(p, EXH)] ?? null, e),
			}
		})
		const allE = periods.reduce((s, p) => s + (r[col(p, EXH)] ?? 0), 0)
		const allO = periods.reduce((s, p) => s + (r[col(p, OTH)] ?? 0), 0)
		return {
			key,
			periods: periodCells.map(noTellingZero),
			total: noTellingZero({
				applicants: mark(rowTotals[key] ?? null, allE + allO),
				exhibitors: sumOf(
					periods.map((p) => c[col(p, EXH)] ?? null),
					allE,
				),
			}),
		}
	})
}

function emptyCounts(periods: string[]): Record<string, number> {
	return Object.fromEntries(
		periods.flatMap((p) => [
			[col(p, EXH), 0],
			[col(p, OTH), 0],
		]),
	)
}

/** Counts of organizations per value of one dimension, protected. */
function dimensionTable(rows: ResearchRow[], dimension: ResearchDimension, options: ResearchOptions): ResearchTable & { hiddenColumns: Set<string> } {
	const { periods } = options
	const raw: Raw = {}
	for (const code of options.order[dimension]) raw[code] = emptyCounts(periods)
	for (const row of rows) {
		for (const value of valuesOf(row, dimension)) {
			raw[value] ??= emptyCounts(periods)
			const key = col(row.period, row.exhibitor ? EXH : OTH)
			raw[value]![key] = (raw[value]![key] ?? 0) + 1
		}
	}
	// Values nobody has are left out: a long list of zeros says nothing.
	const keys = Object.keys(raw).filter((k) => Object.values(raw[k]!).some((n) => n > 0))
	const suppressed = suppressTable(Object.fromEntries(keys.map((k) => [k, raw[k]!])))
	const rowsOut = lines(keys, periods, raw, suppressed.cells, suppressed.rowTotals)
	const multi = dimension === 'ways'
	let totals: ResearchLine | null = null
	const hiddenColumns = new Set<string>()
	if (!multi) {
		for (const [column, value] of Object.entries(suppressed.columnTotals)) if (value === null) hiddenColumns.add(column)
		if (suppressed.total === null) hiddenColumns.add(GRAND_TOTAL)
		const columnRaw: Record<string, number> = emptyCounts(periods)
		for (const k of keys) for (const [column, n] of Object.entries(raw[k]!)) columnRaw[column] = (columnRaw[column] ?? 0) + n
		totals = lines(['total'], periods, { total: columnRaw }, { total: suppressed.columnTotals as Record<string, Suppressed> }, { total: suppressed.total })[0]!
	}
	return { dimension, rows: rowsOut, totals, hiddenColumns }
}

/** Sums of people (employees, women, each vulnerable group, volunteers) per period, each line protected. */
function staffTable(rows: ResearchRow[], options: ResearchOptions): ResearchTable {
	const { periods } = options
	const measures = ['employees', 'women', ...options.vulnerableGroups.map((g) => `vulnerable:${g}`), 'volunteers']
	const amount = (row: ResearchRow, measure: string): number => {
		const staff = row.staff
		if (!staff) return 0
		if (measure === 'employees') return staff.employees
		if (measure === 'women') return staff.women
		if (measure === 'volunteers') return staff.volunteers
		return staff.vulnerable[measure.slice('vulnerable:'.length)] ?? 0
	}
	const out: ResearchLine[] = []
	for (const measure of measures) {
		const raw = emptyCounts(periods)
		for (const row of rows) {
			const key = col(row.period, row.exhibitor ? EXH : OTH)
			raw[key] = (raw[key] ?? 0) + amount(row, measure)
		}
		// Each measure is its own line: women are part of the employees, groups overlap, so the
		// measures are not added together anywhere.
		const { cells, total } = suppressBreakdown(raw)
		out.push(...lines([measure], periods, { [measure]: raw }, { [measure]: cells }, { [measure]: total }))
	}
	return { dimension: 'staff', rows: out, totals: null }
}

/**
 * The research tables for `rows` (applications of any fairs; those without research consent are
 * ignored here too), with a column per period in `options.periods`.
 */
export function researchTables(rows: readonly ResearchRow[], options: ResearchOptions): ResearchTables {
	const periods = options.periods
	const counted = rows.filter((r) => r.consentResearch && periods.includes(r.period))
	const dimensionTables = RESEARCH_DIMENSIONS.map((d) => dimensionTable(counted, d, options))
	// Every single-valued table has the same totals (all applicants and exhibitors of a period).
	// A total one table had to hide is hidden in all, or it could be read off another table.
	const hidden = new Set(dimensionTables.flatMap((t) => [...t.hiddenColumns]))
	const tables: ResearchTable[] = dimensionTables.map(({ hiddenColumns: _, ...table }) => {
		if (!table.totals || hidden.size === 0) return table
		return { ...table, totals: hideColumns(table.totals, periods, hidden) }
	})
	tables.push(staffTable(counted, options))
	return { periods, consented: counted.length, tables }
}

function hideColumns(line: ResearchLine, periods: string[], hidden: Set<string>): ResearchLine {
	const conceal = (cell: Cell): Cell => (typeof cell === 'number' ? (cell > 0 && cell < MIN_SHOWN_COUNT ? 'small' : 'hidden') : cell)
	const grandHidden = hidden.has(GRAND_TOTAL)
	const periodCells = line.periods.map((cells, i) => {
		const p = periods[i]!
		const e = hidden.has(col(p, EXH))
		const o = hidden.has(col(p, OTH))
		// With one period its applicants are the grand total.
		const applicantsHidden = periods.length === 1 ? grandHidden : e || o
		return {
			applicants: applicantsHidden ? conceal(cells.applicants) : cells.applicants,
			exhibitors: e ? conceal(cells.exhibitors) : cells.exhibitors,
		}
	})
	const anyExhibitorHidden = periods.some((p) => hidden.has(col(p, EXH)))
	return {
		key: line.key,
		periods: periodCells,
		total: {
			applicants: grandHidden ? conceal(line.total.applicants) : line.total.applicants,
			exhibitors: anyExhibitorHidden ? conceal(line.total.exhibitors) : line.total.exhibitors,
		},
	}
}

/** How a cell reads in the page and in the CSV. */
export function cellText(cell: Cell, format: (n: number) => string): string {
	if (cell === 'small') return '<5'
	if (cell === 'hidden') return '—'
	return format(cell)
}
