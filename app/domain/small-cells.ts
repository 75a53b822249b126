// Small-cell suppression for the research view and its CSV export. A count of 1–4 exhibitors in a
// cell (say, "Roma employees at cooperatives from Brus") can point to one organization or person,
// so it is never shown. The rule, applied to every published line (a breakdown with its total, a
// table row or column with its margin, and the margins themselves with the grand total):
//
//   1. Primary: any count from 1 to 4 (cells and totals alike) becomes null. 0 stays: it says
//      nothing about anyone.
//   2. Secondary: where a line's total is shown, its hidden cells must not be recoverable by
//      subtraction. So a line may hide no cell, or at least two whose sum is at least 5; until it
//      does, the smallest positive shown cell of the line is hidden too. If no cell is left to
//      hide, the line's total is hidden instead.
//   3. Lines are revisited until nothing changes, since hiding a cell for its row can expose its
//      column.
//
// This is the usual practical rule for statistical tables, not a full audit against every linear
// combination; with a few dozen exhibitors a fair it hides somewhat more than strictly necessary.

export const MIN_SHOWN_COUNT = 5

/** A hidden count. null, so JSON and CSV show "no value" rather than a fake number. */
export type Suppressed = number | null

function isSmall(count: number): boolean {
	return count > 0 && count < MIN_SHOWN_COUNT
}

/**
 * Makes one line safe. `hidden` (the cells) is updated in place; returns true when the line's total
 * must be hidden because no cell was left to hide, and whether anything changed.
 */
function protectLine(values: number[], hidden: boolean[], totalHidden: boolean): { changed: boolean; hideTotal: boolean } {
	if (totalHidden) return { changed: false, hideTotal: false }
	let changed = false
	for (;;) {
		const hiddenIndexes = values.map((_, i) => i).filter((i) => hidden[i])
		const hiddenSum = hiddenIndexes.reduce((sum, i) => sum + values[i]!, 0)
		const safe = hiddenIndexes.length === 0 || (hiddenIndexes.length >= 2 && hiddenSum >= MIN_SHOWN_COUNT)
		if (safe) return { changed, hideTotal: false }
		let smallest = -1
		for (let i = 0; i < values.length; i++) {
			if (hidden[i] || values[i]! <= 0) continue
			if (smallest === -1 || values[i]! < values[smallest]!) smallest = i
		}
		if (smallest === -1) return { changed: true, hideTotal: true }
		hidden[smallest] = true
		changed = true
	}
}

function checkCount(count: number): number {
	if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`)
	return count
}

export type SuppressedBreakdown<K extends string> = { cells: Record<K, Suppressed>; total: Suppressed }

/** A one-dimensional breakdown (by legal form, municipality, …) with its total. */
export function suppressBreakdown<K extends string>(counts: Record<K, number>): SuppressedBreakdown<K> {
	const keys = Object.keys(counts) as K[]
	const values = keys.map((k) => checkCount(counts[k]))
	const total = values.reduce((a, b) => a + b, 0)
	const hidden = values.map(isSmall)
	let totalHidden = isSmall(total)
	if (protectLine(values, hidden, totalHidden).hideTotal) totalHidden = true
	const cells = Object.fromEntries(keys.map((k, i) => [k, hidden[i] ? null : values[i]])) as Record<K, Suppressed>
	return { cells, total: totalHidden ? null : total }
}

export type SuppressedTable<R extends string, C extends string> = {
	cells: Record<R, Record<C, Suppressed>>
	rowTotals: Record<R, Suppressed>
	columnTotals: Record<C, Suppressed>
	total: Suppressed
}

/**
 * A two-dimensional table, e.g. rows = fairs, columns = categories. Columns are the union of the
 * rows' keys, in first-seen order; a missing cell counts as 0.
 */
export function suppressTable<R extends string, C extends string>(counts: Record<R, Partial<Record<C, number>>>): SuppressedTable<R, C> {
	const rows = Object.keys(counts) as R[]
	const columns = [...new Set(rows.flatMap((r) => Object.keys(counts[r]) as C[]))]
	const values = rows.map((r) => columns.map((c) => checkCount(counts[r][c] ?? 0)))
	const rowSums = values.map((row) => row.reduce((a, b) => a + b, 0))
	const columnSums = columns.map((_, j) => values.reduce((sum, row) => sum + row[j]!, 0))
	const grandTotal = rowSums.reduce((a, b) => a + b, 0)

	const hidden = values.map((row) => row.map(isSmall))
	const rowTotalHidden = rowSums.map(isSmall)
	const columnTotalHidden = columnSums.map(isSmall)
	let totalHidden = isSmall(grandTotal)

	let changed = true
	while (changed) {
		changed = false
		for (let i = 0; i < rows.length; i++) {
			const line = hidden[i]!
			const result = protectLine(values[i]!, line, rowTotalHidden[i]!)
			if (result.hideTotal) rowTotalHidden[i] = true
			changed ||= result.changed
		}
		for (let j = 0; j < columns.length; j++) {
			const line = hidden.map((row) => row[j]!)
			const result = protectLine(
				values.map((row) => row[j]!),
				line,
				columnTotalHidden[j]!,
			)
			line.forEach((h, i) => (hidden[i]![j] = h))
			if (result.hideTotal) columnTotalHidden[j] = true
			changed ||= result.changed
		}
		// The margins add up to the grand total, so they are lines too.
		for (const [sums, marginHidden] of [
			[rowSums, rowTotalHidden],
			[columnSums, columnTotalHidden],
		] as const) {
			const result = protectLine(sums, marginHidden, totalHidden)
			if (result.hideTotal) totalHidden = true
			changed ||= result.changed
		}
	}

	const show = (value: number, isHidden: boolean): Suppressed => (isHidden ? null : value)
	return {
		cells: Object.fromEntries(rows.map((r, i) => [r, Object.fromEntries(columns.map((c, j) => [c, show(values[i]![j]!, hidden[i]![j]!)]))])) as Record<
			R,
			Record<C, Suppressed>
		>,
		rowTotals: Object.fromEntries(rows.map((r, i) => [r, show(rowSums[i]!, rowTotalHidden[i]!)])) as Record<R, Suppressed>,
		columnTotals: Object.fromEntries(columns.map((c, j) => [c, show(columnSums[j]!, columnTotalHidden[j]!)])) as Record<C, Suppressed>,
		total: show(grandTotal, totalHidden),
	}
}
