/**
 * Stage 2 of the stand allocation (model.ts): the spread MIP for HiGHS, and reading its answer
 * back. The worker (app/services/workers/allocation-worker.server.ts) runs HiGHS between the two.
 */
import { adjacentPairs } from '../stand-geometry.ts'
import { keepsOptimum, type AllocationInput, type AllocationResult } from './model.ts'
import { complete, preparedFor, weightMatrix, type Prepared } from './problem.ts'

export type SpreadModel = {
	/** CPLEX LP format text for HiGHS. */
	lp: string
	/** Column values of the exact-stage solution, a feasible start for the MIP (other columns 0). */
	start: Record<string, number>
	/** Same-category pairs that no choice can change (both stands pinned). */
	constantPairs: number
}

/**
 * Stage 2 model. Binary x_r_c for every free pair (r, c) that some optimal assignment can use
 * (`optimalFace`); constraints: each application and each stand at most once (exactly once when
 * every optimum places or fills it), Σ x = A (free applications placed by stage 1), Σ x over told
 * pairs = K (told exhibitors kept on their told stand, so the number moved stays) and Σ p·x = C
 * (their preference cost), so every feasible point keeps the three optimal values. z_c_k = Σ_{r∈k} x_r_c
 * says whether stand c holds category k. For each pair of neighbouring free stands (s, t) a
 * variable y ≥ 0 with y ≥ z_s_k + z_t_k − 1 for every category k both can hold, so y = 1 exactly
 * when both holders share a category (a stand has one holder, so one k at most). A free stand next
 * to a pinned one of category k adds z_t_k to the objective directly. Objective: the number of
 * same-category neighbouring pairs, minimised. Returns null when there is nothing to choose.
 */
export function buildSpreadModel(input: AllocationInput, exact: AllocationResult): SpreadModel | null {
	const prepared = preparedFor(input, exact)
	const { rows, cols, cost, pinned, keepCol } = prepared
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
	let targetKept = 0
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
		if (keepCol[r] === c) targetKept++
		start[`x${r}_${c}`] = 1
		exactCol.set(c, r)
	}

	// Only pairs that some optimal assignment can use: a far smaller MIP.
	const face = optimalFace(prepared, exactCol)
	const perRow: string[][] = rows.map(() => [])
	const perCol: string[][] = cols.map(() => [])
	/** perColCategory[c][k]: the x of column c whose row is of category k. */
	const perColCategory: string[][][] = cols.map(() => categories.map(() => []))
	const xs: string[] = []
	const costTerms: string[] = []
	const keptTerms: string[] = []
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
			if (keepCol[r] === c) keptTerms.push(x)
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
	if (keptTerms.length > 0) lines.push(` kept: ${wrap(keptTerms)} = ${targetKept}`)
	forced.forEach((x) => lines.push(` f${x}: ${x} = 1`))
	lines.push(...zRows, ...adjacencyRows, 'Bounds', ...bounds, 'Binary', wrap(xs, ' '), 'End', '')
	return { lp: lines.join('\n'), start, constantPairs }
}

/**
 * Which pairs can appear in an optimal assignment at all. View stage 1 as a min-cost flow
 * source → application → stand → sink (capacities 1, arc cost w on fitting pairs — the exact
 * stage's lexicographic weight p − KEEP·told − PLACE, problem.ts `weightMatrix` — 0 elsewhere, plus a free source → sink bypass so the flow value is free). `chosen` (column → row)
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
	prepared: Prepared,
	chosen: Map<number, number>,
): { tight: boolean[][]; forced: boolean[][]; rowMustBePlaced: boolean[]; colMustBeFilled: boolean[] } | null {
	const { cost } = prepared
	const k = cost.length
	const m = cost[0]?.length ?? 0
	const { weights } = weightMatrix(prepared)
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
			if (cost[r]![c]! < 0) continue
			const w = weights[r]![c]!
			if (colOfRow[r] === c) arc(C(c), R(r), -w)
			else arc(R(r), C(c), w)
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
		tight: cost.map((line, r) => line.map((p, c) => p >= 0 && weights[r]![c]! + pi[R(r)]! - pi[C(c)]! <= 0)),
		forced: cost.map((line, r) => line.map((p, c) => p >= 0 && weights[r]![c]! + pi[R(r)]! - pi[C(c)]! < 0)),
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
 * not a valid assignment that keeps the three optimal values of the exact stage and has no more
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
	return keepsOptimum(result, exact) ? result : null
}
