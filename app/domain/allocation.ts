/**
 * Stand allocation: which accepted exhibitor gets which stand. The objective is CONTRACT.md's,
 * exactly: among all valid assignments (needs met, pins kept, one stand per application and one
 * application per stand) first place as many applications as possible, then minimise the
 * preference cost (0, 1, 2 for the first, second, third preference, 3 for any other stand).
 *
 * Two stages (docs/decisions/0006-stand-allocation-solver.md):
 * 1. `allocateExact`: one assignment problem solved by `munkres` (Hungarian algorithm), exact,
 *    milliseconds. Its result is always a correct answer on its own.
 * 2. `buildSpreadModel` / `readSpreadSolution`: a MIP for HiGHS that keeps both optimal values
 *    and, among those assignments, minimises the number of neighbouring stands held by the same category.
 *
 * All of it runs in a worker thread (app/services/workers/allocation-worker.server.ts, started by
 * app/services/workers/allocation-solver.server.ts). Pure: no database, no clock, no Node APIs.
 */
import munkres from 'munkres'
import { adjacentPairs, type AdjacencyOptions, type Stand } from './stand-geometry.ts'

export type AllocationNeeds = { power?: boolean; accessible?: boolean; sizeM2?: number | null }

export type AllocationApplication = {
	id: number
	category: string
	needs: AllocationNeeds
	/** Stand labels, most wanted first; only the first three count. */
	preferences: readonly string[]
}

export type Pin = { applicationId: number; standLabel: string }

export type AllocationInput = {
	stands: readonly Stand[]
	/** Only the accepted applications: the caller filters. */
	applications: readonly AllocationApplication[]
	pins?: readonly Pin[]
	adjacency?: AdjacencyOptions
}

export type Assignment = { applicationId: number; standLabel: string; locked: boolean }

export type Unassigned =
	| { applicationId: number; reason: 'no_fitting_stand' }
	| {
			applicationId: number
			reason: 'fitting_stands_taken'
			/** Every stand that meets the application's needs, and who holds it. */
			takenBy: Array<{ standLabel: string; applicationId: number }>
	  }

/** A pin that could not be kept; the application then takes part in the allocation like any other. */
export type PinProblem = {
	applicationId: number
	standLabel: string
	problem: 'unknown_application' | 'unknown_stand' | 'stand_does_not_fit' | 'application_pinned_twice' | 'stand_pinned_twice'
}

export type Objective = { assigned: number; preferenceCost: number }

export type AllocationResult = {
	/** In the order of `input.applications`. */
	assignments: Assignment[]
	unassigned: Unassigned[]
	objective: Objective
	pinProblems: PinProblem[]
	/** Neighbouring stands (by geometry) whose holders share a category: what the spread stage lowers. */
	sameCategoryPairs: number
}

export const UNLISTED_STAND_COST = 3
const SIZE_EPSILON = 1e-9

/** A stand fits an application when every need is met (CONTRACT.md). */
export function fits(stand: Stand, application: Pick<AllocationApplication, 'needs'>): boolean {
	const { power, accessible, sizeM2 } = application.needs
	if (power && !stand.power) return false
	if (accessible && !stand.accessible) return false
	if (sizeM2 != null && sizeM2 > 0 && stand.sizeM2 + SIZE_EPSILON < sizeM2) return false
	return true
}

/** 0, 1, 2 for the first, second, third (distinct) preference; 3 for any other stand. */
export function preferenceCost(application: Pick<AllocationApplication, 'preferences'>, standLabel: string): number {
	const seen: string[] = []
	for (const label of application.preferences) {
		if (seen.includes(label)) continue
		if (label === standLabel) return seen.length
		seen.push(label)
		if (seen.length === UNLISTED_STAND_COST) break
	}
	return UNLISTED_STAND_COST
}

/** The problem with pins applied: what is fixed, and what the solvers choose among. */
type Prepared = {
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
}

function prepare(input: AllocationInput): Prepared {
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
		const costs = freeStands.map((s) => (fits(stands[s]!, application) ? preferenceCost(application, stands[s]!.label) : -1))
		if (costs.some((c) => c >= 0)) {
			rows.push(a)
			rowCosts.push(costs)
		}
	})
	const keep = freeStands.map((_, k) => rowCosts.some((costs) => costs[k]! >= 0))
	const cols = freeStands.filter((_, k) => keep[k])
	const cost = rowCosts.map((costs) => costs.filter((_, k) => keep[k]))
	return { input, standIndex, pinned, pinProblems, rows, cols, cost }
}

/**
 * Stage 1, exact. ONE assignment problem on the matrix rows × cols (free applications that fit
 * somewhere × free stands that fit someone), solved by munkres, which for a rectangular k×m
 * matrix returns a matching of size min(k, m) with the least total cost:
 *
 *   cost(r, c) = p(r, c) − BIG   when stand c fits application r, p its preference cost 0..3
 *   cost(r, c) = 0               when it does not fit (the pair means "not assigned")
 *   BIG = 3·min(k, m) + 1
 *
 * Why this is exact. Read a matching as the assignment made of its fitting pairs; every valid
 * assignment of the free applications arises this way, because the bipartite graph is complete
 * and any matching extends to size min(k, m) with zero-cost (non-fitting) pairs. An assignment
 * with A placed applications and preference cost C has total T = C − BIG·A, where 0 ≤ C ≤ 3·A ≤
 * 3·min(k, m) < BIG. If A₁ > A₂ then T₁ ≤ 3·min(k, m) − BIG·A₁ ≤ 3·min(k, m) − BIG − BIG·A₂ =
 * −1 − BIG·A₂ < C₂ − BIG·A₂ = T₂; if A₁ = A₂ then T₁ < T₂ exactly when C₁ < C₂. So "least T" is
 * "most placed, then least preference cost", and munkres's minimum is the lexicographic optimum.
 * All numbers are integers far below 2^53, so floating point is exact. The pinned applications
 * add a constant to both objectives (their pairs are fixed), so optimising the free part
 * optimises the whole.
 */
export function allocateExact(input: AllocationInput): AllocationResult {
	const prepared = prepare(input)
	const result = solveExact(prepared)
	preparedCache.set(result, prepared)
	return result
}

/** Stage 2 reuses stage 1's preparation when given the same input object. */
const preparedCache = new WeakMap<AllocationResult, Prepared>()
function preparedFor(input: AllocationInput, exact: AllocationResult): Prepared {
	const cached = preparedCache.get(exact)
	return cached && cached.input === input ? cached : prepare(input)
}

function solveExact(prepared: Prepared): AllocationResult {
	const { rows, cols, cost } = prepared
	const chosen = new Map<number, number>(prepared.pinned)
	if (rows.length > 0 && cols.length > 0) {
		const big = UNLISTED_STAND_COST * Math.min(rows.length, cols.length) + 1
		const matrix = cost.map((line) => line.map((p) => (p >= 0 ? p - big : 0)))
		for (const [r, c] of munkres(matrix)) {
			if (cost[r]![c]! >= 0) chosen.set(rows[r]!, cols[c]!)
		}
	}
	return complete(prepared, chosen)
}

/** The full result for a choice of application index → stand index (pins included). */
function complete(prepared: Prepared, chosen: Map<number, number>): AllocationResult {
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
		objective: { assigned: assignments.length, preferenceCost: preferenceCostSum },
		pinProblems: prepared.pinProblems,
		sameCategoryPairs: countSameCategoryPairs(input, assignments),
	}
}

/** Neighbouring stands (by geometry) whose holders have the same category. */
export function countSameCategoryPairs(input: AllocationInput, assignments: readonly Pick<Assignment, 'applicationId' | 'standLabel'>[]): number {
	const categoryOf = new Map(input.applications.map((a) => [a.id, a.category]))
	const categoryAt = new Map(assignments.map((x) => [x.standLabel, categoryOf.get(x.applicationId)]))
	let count = 0
	for (const [i, j] of adjacentPairs(input.stands, input.adjacency)) {
		const ci = categoryAt.get(input.stands[i]!.label)
		if (ci !== undefined && ci === categoryAt.get(input.stands[j]!.label)) count++
	}
	return count
}

export type SpreadModel = {
	/** CPLEX LP format text for HiGHS. */
	lp: string
	/** Column values of the exact-stage solution, a feasible start for the MIP (other columns 0). */
	start: Record<string, number>
	/** Same-category pairs that no choice can change (both stands pinned). */
	constantPairs: number
}

/**
 * A fast first pass of stage 2, before (and as the start of) the MIP: repeatedly swap two placed
 * applications, or move one to a free stand, when the needs still fit, the preference cost stays
 * the same and fewer same-category neighbours result. Every step keeps the count and the cost, so
 * the result is as optimal as `exact` on both contract objectives. At most `maxPasses` passes over
 * all pairs (each O(placed² · neighbours)), so it stays in the tens of milliseconds at 400 stands.
 */
export function spreadBySwaps(input: AllocationInput, exact: AllocationResult, maxPasses = 20): AllocationResult {
	const prepared = preparedFor(input, exact)
	const { stands, applications } = input
	const appIndex = new Map(applications.map((a, i) => [a.id, i]))
	const holder = new Int32Array(stands.length).fill(-1)
	const locked = new Uint8Array(stands.length)
	for (const x of exact.assignments) {
		const s = prepared.standIndex.get(x.standLabel)!
		holder[s] = appIndex.get(x.applicationId)!
		if (x.locked) locked[s] = 1
	}
	const neighbours: number[][] = stands.map(() => [])
	for (const [i, j] of adjacentPairs(stands, input.adjacency)) {
		neighbours[i]!.push(j)
		neighbours[j]!.push(i)
	}
	const category = applications.map((a) => a.category)
	const fitCost = (a: number, s: number) => (fits(stands[s]!, applications[a]!) ? preferenceCost(applications[a]!, stands[s]!.label) : -1)
	/** Same-category neighbours application `a` would have at stand `s`, ignoring stand `skip`. */
	const clash = (a: number, s: number, skip: number) => {
		let n = 0
		for (const t of neighbours[s]!) if (t !== skip && holder[t]! >= 0 && category[holder[t]!] === category[a]) n++
		return n
	}
	const movable = stands.map((_, s) => s).filter((s) => !locked[s])
	for (let pass = 0; pass < maxPasses; pass++) {
		let improved = false
		for (const s of movable) {
			const a = holder[s]!
			if (a < 0) continue
			const here = clash(a, s, -1)
			if (here === 0) continue
			const costHere = fitCost(a, s)
			for (const t of movable) {
				if (t === s) continue
				const b = holder[t]!
				if (b >= 0 && category[b] === category[a]) continue
				const at = fitCost(a, t)
				if (at < 0) continue
				if (b < 0) {
					if (at !== costHere) continue
					if (clash(a, t, s) < here) {
						holder[t] = a
						holder[s] = -1
						improved = true
						break
					}
					continue
				}
				const bs = fitCost(b, s)
				if (bs < 0 || at + bs !== costHere + fitCost(b, t)) continue
				const before = here + clash(b, t, -1)
				// After the swap s and t hold b and a; if they are neighbours, a-b is no clash.
				const after = clash(a, t, s) + clash(b, s, t)
				if (after < before) {
					holder[t] = a
					holder[s] = b
					improved = true
					break
				}
			}
		}
		if (!improved) break
	}
	const chosen = new Map<number, number>()
	holder.forEach((a, s) => a >= 0 && chosen.set(a, s))
	const result = complete(prepared, chosen)
	preparedCache.set(result, prepared)
	const keeps =
		result.objective.assigned === exact.objective.assigned &&
		result.objective.preferenceCost === exact.objective.preferenceCost &&
		result.sameCategoryPairs <= exact.sameCategoryPairs
	return keeps ? result : exact
}

/**
 * Stage 2 model. Binary x_r_c for every free pair (r, c) that some optimal assignment can use
 * (`optimalFace`); constraints: each application and each stand at most once (exactly once when
 * every optimum places or fills it), Σ x = A (free applications placed by stage 1) and Σ p·x = C
 * (their preference cost), so every feasible point keeps both optimal values. z_c_k = Σ_{r∈k} x_r_c
 * says whether stand c holds category k. For each pair of neighbouring free stands (s, t) a
 * variable y ≥ 0 with y ≥ z_s_k + z_t_k − 1 for every category k both can hold, so y = 1 exactly
 * when both holders share a category (a stand has one holder, so one k at most). A free stand next
 * to a pinned one of category k adds z_t_k to the objective directly. Objective: the number of
 * same-category neighbouring pairs, minimised. Returns null when there is nothing to choose.
 */
export function buildSpreadModel(input: AllocationInput, exact: AllocationResult): SpreadModel | null {
	const prepared = preparedFor(input, exact)
	const { rows, cols, cost, pinned } = prepared
	const { stands, applications } = input
	if (rows.length === 0 || cols.length === 0) return null
	const colOf = new Map(cols.map((s, c) => [s, c]))
	const rowOf = new Map(rows.map((a, r) => [a, r]))
	const categories = [...new Set(applications.map((a) => a.category))]
	const categoryIndex = new Map(categories.map((k, i) => [k, i]))
	const rowCategory = rows.map((a) => categoryIndex.get(applications[a]!.category)!)
	const pinnedCategory = new Map<number, number>()
	for (const [a, s] of pinned) pinnedCategory.set(s, categoryIndex.get(applications[a]!.category)!)

	// The exact stage's values for the free part.
	let targetCount = 0
	let targetCost = 0
	const start: Record<string, number> = {}
	const exactCol = new Map<number, number>()
	const appIndex = new Map(applications.map((app, a) => [app.id, a]))
	for (const x of exact.assignments) {
		if (x.locked) continue
		const r = rowOf.get(appIndex.get(x.applicationId)!)
		const c = colOf.get(prepared.standIndex.get(x.standLabel)!)
		if (r === undefined || c === undefined || cost[r]![c]! < 0) throw new Error('exact result does not match the input')
		targetCount++
		targetCost += cost[r]![c]!
		start[`x${r}_${c}`] = 1
		exactCol.set(c, r)
	}

	// Only pairs that some optimal assignment can use: a far smaller MIP.
	const face = optimalFace(cost, exactCol)
	const perRow: string[][] = rows.map(() => [])
	const perCol: string[][] = cols.map(() => [])
	/** perColCategory[c][k]: the x of column c whose row is of category k. */
	const perColCategory: string[][][] = cols.map(() => categories.map(() => []))
	const xs: string[] = []
	const costTerms: string[] = []
	const forced: string[] = []
	for (let r = 0; r < rows.length; r++) {
		const line = cost[r]!
		for (let c = 0; c < cols.length; c++) {
			const p = line[c]!
			if (p < 0 || (face && !face.tight[r]![c])) continue
			const x = `x${r}_${c}`
			xs.push(x)
			perRow[r]!.push(x)
			perCol[c]!.push(x)
			perColCategory[c]![rowCategory[r]!]!.push(x)
			if (p > 0) costTerms.push(p === 1 ? x : `${p} ${x}`)
			if (face?.forced[r]![c]) forced.push(x)
		}
	}

	const objective = new Map<string, number>()
	const addToObjective = (name: string) => objective.set(name, (objective.get(name) ?? 0) + 1)
	const usedZ = new Set<string>()
	const z = (c: number, k: number) => {
		const name = `z${c}_${k}`
		usedZ.add(name)
		return name
	}
	const adjacencyRows: string[] = []
	const bounds: string[] = []
	let constantPairs = 0
	let e = 0
	for (const [i, j] of adjacentPairs(stands, input.adjacency)) {
		const ci = colOf.get(i)
		const cj = colOf.get(j)
		const ki = pinnedCategory.get(i)
		const kj = pinnedCategory.get(j)
		if (ki !== undefined && kj !== undefined) {
			if (ki === kj) constantPairs++
		} else if (ki !== undefined || kj !== undefined) {
			const c = ki !== undefined ? cj : ci
			const k = (ki ?? kj)!
			if (c !== undefined && perColCategory[c]![k]!.length > 0) addToObjective(z(c, k))
		} else if (ci !== undefined && cj !== undefined) {
			const shared = categories.map((_, k) => k).filter((k) => perColCategory[ci]![k]!.length > 0 && perColCategory[cj]![k]!.length > 0)
			if (shared.length === 0) continue
			const id = e++
			const y = `y${id}`
			addToObjective(y)
			bounds.push(` 0 <= ${y} <= 1`)
			for (const k of shared) adjacencyRows.push(` e${id}_${k}: ${z(ci, k)} + ${z(cj, k)} - ${y} <= 1`)
			const ri = exactCol.get(ci)
			const rj = exactCol.get(cj)
			if (ri !== undefined && rj !== undefined && rowCategory[ri] === rowCategory[rj]) start[y] = 1
		}
	}
	if (objective.size === 0) return null
	const zRows: string[] = []
	for (const name of usedZ) {
		const [c, k] = name.slice(1).split('_').map(Number) as [number, number]
		zRows.push(` d${name}: ${wrap(perColCategory[c]![k]!)} - ${name} = 0`)
		bounds.push(` 0 <= ${name} <= 1`)
		if (exactCol.has(c) && rowCategory[exactCol.get(c)!] === k) start[name] = 1
	}

	const objectiveTerms = [...objective].map(([name, n]) => (n === 1 ? name : `${n} ${name}`))
	const lines = ['Minimize', ` obj: ${wrap(objectiveTerms)}`, 'Subject To']
	// An application or stand that every optimal assignment places or fills gets "= 1".
	perRow.forEach((t, r) => t.length > 0 && lines.push(` r${r}: ${wrap(t)} ${face?.rowMustBePlaced[r] ? '=' : '<='} 1`))
	perCol.forEach((t, c) => t.length > 0 && lines.push(` c${c}: ${wrap(t)} ${face?.colMustBeFilled[c] ? '=' : '<='} 1`))
	lines.push(` count: ${wrap(xs)} = ${targetCount}`)
	if (costTerms.length > 0) lines.push(` cost: ${wrap(costTerms)} = ${targetCost}`)
	forced.forEach((x) => lines.push(` f${x}: ${x} = 1`))
	lines.push(...zRows, ...adjacencyRows, 'Bounds', ...bounds, 'Binary', wrap(xs, ' '), 'End', '')
	return { lp: lines.join('\n'), start, constantPairs }
}

/**
 * Which pairs can appear in an optimal assignment at all. View stage 1 as a min-cost flow
 * source → application → stand → sink (capacities 1, arc cost w = p − BIG on fitting pairs, 0
 * elsewhere, plus a free source → sink bypass so the flow value is free). `chosen` (column → row)
 * is an optimal flow, so its residual graph has no negative cycle and Bellman-Ford finds node
 * potentials π with reduced costs w + π(tail) − π(head) ≥ 0 on every residual arc: an optimal dual.
 * By complementary slackness EVERY optimal flow puts nothing on an arc of positive reduced cost and
 * fills every arc of negative reduced cost, so only pairs of reduced cost ≤ 0 can be used (those
 * below 0 in every optimum: `forced`), applications whose source arc has negative reduced cost are placed in every optimum, and
 * likewise stands whose sink arc does. Conversely any assignment meeting these conditions is
 * optimal, so the face is exactly the set of optimal assignments (the MIP keeps its explicit
 * count and cost rows as well). Returns null if the potentials do not settle (cannot happen for
 * an optimal `chosen`; the model is then built unreduced).
 */
function optimalFace(
	cost: number[][],
	chosen: Map<number, number>,
): { tight: boolean[][]; forced: boolean[][]; rowMustBePlaced: boolean[]; colMustBeFilled: boolean[] } | null {
	const k = cost.length
	const m = cost[0]?.length ?? 0
	const big = UNLISTED_STAND_COST * Math.min(k, m) + 1
	const rowOfCol = new Int32Array(m).fill(-1)
	const colOfRow = new Int32Array(k).fill(-1)
	for (const [c, r] of chosen) {
		rowOfCol[c] = r
		colOfRow[r] = c
	}
	// Nodes: 0 source, 1 sink, 2.. applications, 2 + k.. stands. Residual arcs as (from, to, cost).
	const S = 0
	const T = 1
	const R = (r: number) => 2 + r
	const C = (c: number) => 2 + k + c
	const from: number[] = [S, T]
	const to: number[] = [T, S]
	const arcCost: number[] = [0, 0]
	const arc = (u: number, v: number, w: number) => {
		from.push(u)
		to.push(v)
		arcCost.push(w)
	}
	for (let r = 0; r < k; r++) {
		if (colOfRow[r]! >= 0) arc(R(r), S, 0)
		else arc(S, R(r), 0)
	}
	for (let c = 0; c < m; c++) {
		if (rowOfCol[c]! >= 0) arc(T, C(c), 0)
		else arc(C(c), T, 0)
	}
	for (let r = 0; r < k; r++) {
		for (let c = 0; c < m; c++) {
			const p = cost[r]![c]!
			if (p < 0) continue
			if (colOfRow[r] === c) arc(C(c), R(r), big - p)
			else arc(R(r), C(c), p - big)
		}
	}
	const nodes = 2 + k + m
	const pi = new Float64Array(nodes)
	let settled = false
	for (let round = 0; round <= nodes && !settled; round++) {
		settled = true
		for (let i = 0; i < from.length; i++) {
			const d = pi[from[i]!]! + arcCost[i]!
			if (d < pi[to[i]!]!) {
				pi[to[i]!] = d
				settled = false
			}
		}
	}
	if (!settled) return null
	return {
		tight: cost.map((line, r) => line.map((p, c) => p >= 0 && p - big + pi[R(r)]! - pi[C(c)]! <= 0)),
		forced: cost.map((line, r) => line.map((p, c) => p >= 0 && p - big + pi[R(r)]! - pi[C(c)]! < 0)),
		rowMustBePlaced: cost.map((_, r) => pi[S]! - pi[R(r)]! < 0),
		colMustBeFilled: (cost[0] ?? []).map((_, c) => pi[C(c)]! - pi[T]! < 0),
	}
}

/** Terms joined with +, a line break every 16 terms (LP readers dislike very long lines). */
function wrap(terms: readonly string[], joiner = ' + '): string {
	let out = ''
	terms.forEach((t, n) => {
		if (n > 0) out += t.startsWith('- ') ? ' ' : n % 16 === 0 ? `\n${joiner.trimStart()}` : joiner
		out += t
	})
	return out
}

/**
 * The spread stage's answer (names of the x columns at 1) as a full result, or null when it is
 * not a valid assignment that keeps both of the exact stage's optimal values and has no more
 * same-category pairs. The caller then keeps the exact result: stage 2 can never make it worse.
 */
export function readSpreadSolution(input: AllocationInput, exact: AllocationResult, chosenColumns: readonly string[]): AllocationResult | null {
	const prepared = preparedFor(input, exact)
	const { rows, cols, cost } = prepared
	const chosen = new Map<number, number>(prepared.pinned)
	const usedStands = new Set<number>(prepared.pinned.values())
	for (const name of chosenColumns) {
		const m = /^x(\d+)_(\d+)$/.exec(name)
		if (!m) continue
		const r = Number(m[1])
		const c = Number(m[2])
		if (r >= rows.length || c >= cols.length || cost[r]![c]! < 0) return null
		const a = rows[r]!
		const s = cols[c]!
		if (chosen.has(a) || usedStands.has(s)) return null
		chosen.set(a, s)
		usedStands.add(s)
	}
	let result: AllocationResult
	try {
		result = complete(prepared, chosen)
	} catch {
		return null
	}
	const same =
		result.objective.assigned === exact.objective.assigned &&
		result.objective.preferenceCost === exact.objective.preferenceCost &&
		result.sameCategoryPairs <= exact.sameCategoryPairs
	return same ? result : null
}

export type AllocationDiff = {
	added: Array<{ applicationId: number; standLabel: string }>
	removed: Array<{ applicationId: number; standLabel: string }>
	moved: Array<{ applicationId: number; from: string; to: string }>
	unchanged: number
}

/** What changes from the current allocation to a proposed one, per application. */
export function diffAllocations(
	previous: readonly Pick<Assignment, 'applicationId' | 'standLabel'>[],
	next: readonly Pick<Assignment, 'applicationId' | 'standLabel'>[],
): AllocationDiff {
	const before = new Map(previous.map((x) => [x.applicationId, x.standLabel]))
	const after = new Map(next.map((x) => [x.applicationId, x.standLabel]))
	const result: AllocationDiff = { added: [], removed: [], moved: [], unchanged: 0 }
	for (const [applicationId, to] of after) {
		const from = before.get(applicationId)
		if (from === undefined) result.added.push({ applicationId, standLabel: to })
		else if (from !== to) result.moved.push({ applicationId, from, to })
		else result.unchanged++
	}
	for (const [applicationId, standLabel] of before) {
		if (!after.has(applicationId)) result.removed.push({ applicationId, standLabel })
	}
	return result
}
