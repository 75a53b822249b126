/** Stage 1 of the stand allocation (model.ts): the contract optimum, exact, in milliseconds. */
import munkres from 'munkres'
import type { AllocationInput, AllocationResult } from './model.ts'
import { complete, placementWeight, prepare, rememberPrepared, type Prepared } from './problem.ts'

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
	return rememberPrepared(solveExact(prepared), prepared)
}

function solveExact(prepared: Prepared): AllocationResult {
	const { rows, cols, cost } = prepared
	const chosen = new Map<number, number>(prepared.pinned)
	if (rows.length > 0 && cols.length > 0) {
		const big = placementWeight(rows.length, cols.length)
		const matrix = cost.map((line) => line.map((p) => (p >= 0 ? p - big : 0)))
		for (const [r, c] of munkres(matrix)) {
			if (cost[r]![c]! >= 0) chosen.set(rows[r]!, cols[c]!)
		}
	}
	return complete(prepared, chosen)
}
