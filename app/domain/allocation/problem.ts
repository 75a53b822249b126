/**
 * The allocation problem with pins applied, which every stage solves (exact.ts, swaps.ts,
 * spread.ts): what is fixed, the cost matrix the solvers choose in, and `complete`, which turns a
 * choice back into a full result.
 */
import {
	countMoved,
	countSameCategoryPairs,
	fits,
	preferenceCost,
	UNLISTED_STAND_COST,
	type AllocationApplication,
	type AllocationInput,
	type AllocationResult,
	type Assignment,
	type PinProblem,
	type Unassigned,
} from './model.ts'
import type { Stand } from '../stand-geometry.ts'

/** The problem with pins applied: what is fixed, and what the solvers choose among. */
export type Prepared = {
	input: AllocationInput
	standIndex: Map<string, number>
	/** Application index → stand index, for the pins that are kept. */
	pinned: Map<number, number>
	pinProblems: PinProblem[]
	/** Applications without a kept pin that have at least one free fitting stand. */
	rows: number[]
	/** Free stands (not pinned) that fit at least one row. */
	cols: number[]
	/** fit[r][c]: preference cost of rows[r] on cols[c], or -1 when the stand does not fit. */
	cost: number[][]
	/** keepCol[r]: the column of the stand rows[r] was told (free and fitting), or -1. */
	keepCol: number[]
}

/** The preference cost of the application on the stand, or -1 when the stand does not fit. */
export function pairCost(stand: Stand, application: AllocationApplication): number {
	return fits(stand, application) ? preferenceCost(application, stand.label) : -1
}

export function prepare(input: AllocationInput): Prepared {
	const { stands, applications } = input
	const standIndex = new Map<string, number>()
	stands.forEach((stand, i) => {
		if (standIndex.has(stand.label)) throw new Error(`duplicate stand label ${stand.label}`)
		standIndex.set(stand.label, i)
	})
	const appIndex = new Map<number, number>()
	applications.forEach((application, i) => {
		if (appIndex.has(application.id)) throw new Error(`duplicate application ${application.id}`)
		appIndex.set(application.id, i)
	})

	// Pins first, in the order given; a pin that cannot be kept is reported, never dropped silently.
	const pinned = new Map<number, number>()
	const pinnedStands = new Set<number>()
	const pinProblems: PinProblem[] = []
	for (const pin of input.pins ?? []) {
		const a = appIndex.get(pin.applicationId)
		const s = standIndex.get(pin.standLabel)
		const problem: PinProblem['problem'] | null =
			a === undefined
				? 'unknown_application'
				: s === undefined
					? 'unknown_stand'
					: pinned.has(a)
						? 'application_pinned_twice'
						: pinnedStands.has(s)
							? 'stand_pinned_twice'
							: !fits(stands[s]!, applications[a]!)
								? 'stand_does_not_fit'
								: null
		if (problem) pinProblems.push({ ...pin, problem })
		else {
			pinned.set(a!, s!)
			pinnedStands.add(s!)
		}
	}

	const freeStands = stands.map((_, i) => i).filter((i) => !pinnedStands.has(i))
	const rows: number[] = []
	const rowCosts: number[][] = []
	applications.forEach((application, a) => {
		if (pinned.has(a)) return
		const costs = freeStands.map((s) => pairCost(stands[s]!, application))
		if (costs.some((c) => c >= 0)) {
			rows.push(a)
			rowCosts.push(costs)
		}
	})
	const keep = freeStands.map((_, k) => rowCosts.some((costs) => costs[k]! >= 0))
	const cols = freeStands.filter((_, k) => keep[k])
	const cost = rowCosts.map((costs) => costs.filter((_, k) => keep[k]))
	const colOf = new Map(cols.map((s, c) => [s, c]))
	const keepCol = rows.map((a, r) => {
		const told = applications[a]!.toldStand
		const c = told == null ? undefined : colOf.get(standIndex.get(told) ?? -1)
		return c !== undefined && cost[r]![c]! >= 0 ? c : -1
	})
	return { input, standIndex, pinned, pinProblems, rows, cols, cost, keepCol }
}

/**
 * The lexicographic weights of a k × m problem with `told` rows that may keep their told stand
 * (exact.ts has the proof): a kept told stand is worth `keep`, more than any preference cost a whole
 * matching can add up to (3·min(k, m)); a placed application is worth `place`, more than all kept
 * stands and preference costs together. So placing more always wins, then keeping more, then the
 * preferences. Every total stays an integer below 2^53 (checked), so floating point is exact.
 */
export function lexicographicWeights(k: number, m: number, told: number): { keep: number; place: number } {
	const n = Math.min(k, m)
	const keep = UNLISTED_STAND_COST * n + 1
	const place = keep * Math.min(told, n) + UNLISTED_STAND_COST * n + 1
	// A matching's total is at most (n + 1)·place in size; munkres adds and subtracts such totals.
	if (!Number.isSafeInteger(place * (n + 1) * 4)) throw new Error(`allocation too large for exact weights (${k} × ${m})`)
	return { keep, place }
}

/**
 * The weight matrix the exact stage minimises (and the spread stage's optimal face is read from):
 * `p − keep·[c is the row's told stand] − place` for a fitting pair, 0 for a non-fitting one.
 */
export function weightMatrix(prepared: Prepared): { weights: number[][]; place: number } {
	const { cost, keepCol } = prepared
	const { keep, place } = lexicographicWeights(prepared.rows.length, prepared.cols.length, keepCol.filter((c) => c >= 0).length)
	const weights = cost.map((line, r) => line.map((p, c) => (p >= 0 ? p - (keepCol[r] === c ? keep : 0) - place : 0)))
	return { weights, place }
}

/** A later stage reuses an earlier one's preparation when given the same input object. */
const preparedCache = new WeakMap<AllocationResult, Prepared>()

export function rememberPrepared(result: AllocationResult, prepared: Prepared): AllocationResult {
	preparedCache.set(result, prepared)
	return result
}

export function preparedFor(input: AllocationInput, exact: AllocationResult): Prepared {
	const cached = preparedCache.get(exact)
	return cached && cached.input === input ? cached : prepare(input)
}

/** The full result for a choice of application index → stand index (pins included). */
export function complete(prepared: Prepared, chosen: Map<number, number>): AllocationResult {
	const { input, pinned } = prepared
	const { stands, applications } = input
	const holder = new Map<number, number>()
	for (const [a, s] of chosen) holder.set(s, a)
	const assignments: Assignment[] = []
	const unassigned: Unassigned[] = []
	let preferenceCostSum = 0
	applications.forEach((application, a) => {
		const s = chosen.get(a)
		if (s !== undefined) {
			assignments.push({ applicationId: application.id, standLabel: stands[s]!.label, locked: pinned.has(a) })
			preferenceCostSum += preferenceCost(application, stands[s]!.label)
			return
		}
		const fitting = stands.map((_, i) => i).filter((i) => fits(stands[i]!, application))
		if (fitting.length === 0) {
			unassigned.push({ applicationId: application.id, reason: 'no_fitting_stand' })
			return
		}
		const takenBy = fitting.map((i) => {
			const h = holder.get(i)
			// A free fitting stand next to an unplaced application would mean the count was not maximal.
			if (h === undefined) throw new Error(`allocation not maximal: stand ${stands[i]!.label} is free`)
			return { standLabel: stands[i]!.label, applicationId: applications[h]!.id }
		})
		unassigned.push({ applicationId: application.id, reason: 'fitting_stands_taken', takenBy })
	})
	return {
		assignments,
		unassigned,
		objective: { assigned: assignments.length, moved: countMoved(input, assignments), preferenceCost: preferenceCostSum },
		pinProblems: prepared.pinProblems,
		sameCategoryPairs: countSameCategoryPairs(input, assignments),
	}
}
