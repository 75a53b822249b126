/** Stage 1 of the stand allocation (model.ts): the contract optimum, exact, in milliseconds. */
import munkres from 'munkres'
import type { AllocationInput, AllocationResult } from './model.ts'
import { complete, prepare, rememberPrepared, weightMatrix, type Prepared } from './problem.ts'

/**
 * Stage 1, exact. ONE assignment problem on the matrix rows × cols (free applications that fit
 * somewhere × free stands that fit someone), solved by munkres, which for a rectangular k×m
 * matrix returns a matching of size min(k, m) with the least total weight (problem.ts `weightMatrix`):
 *
 *   w(r, c) = p(r, c) − KEEP·told(r, c) − PLACE   when stand c fits application r, p its preference
 *                                                  cost 0..3, told(r, c) = 1 when r was emailed stand c
 *   w(r, c) = 0                                    when it does not fit (the pair means "not assigned")
 *   n = min(k, m), t = min(n, rows with a told stand among the columns)
 *   KEEP = 3n + 1, PLACE = KEEP·t + 3n + 1
 *
 * Why this is exact. Read a matching as the assignment made of its fitting pairs; every valid
 * assignment of the free applications arises this way, because the bipartite graph is complete
 * and any matching extends to size min(k, m) with zero-weight (non-fitting) pairs. An assignment
 * placing A applications, keeping K told exhibitors on their told stand, with preference cost C has
 * total T = C − KEEP·K − PLACE·A, where 0 ≤ C ≤ 3n < KEEP and 0 ≤ K ≤ t.
 * - If A₁ > A₂: T₁ ≤ 3n − PLACE·A₁ ≤ 3n − PLACE − PLACE·A₂ = −KEEP·t − 1 − PLACE·A₂ < T₂.
 * - If A₁ = A₂ and K₁ > K₂: T₁ − T₂ = C₁ − C₂ − KEEP·(K₁ − K₂) ≤ 3n − KEEP < 0.
 * - If A₁ = A₂ and K₁ = K₂: T₁ < T₂ exactly when C₁ < C₂.
 * So "least T" is "most placed, then most kept, then least preference cost". The number moved is
 * the told exhibitors minus those kept (a told exhibitor whose stand is pinned to someone else, gone,
 * no longer fitting, or who is pinned elsewhere is moved in every assignment: a constant), so most
 * kept is fewest moved, and munkres's minimum is the lexicographic optimum of CONTRACT.md. All
 * numbers are integers far below 2^53 (`lexicographicWeights` checks), so floating point is exact.
 * The pinned applications add a constant to all three objectives (their pairs are fixed), so
 * optimising the free part optimises the whole.
 */
export function allocateExact(input: AllocationInput): AllocationResult {
	const prepared = prepare(input)
	return rememberPrepared(solveExact(prepared), prepared)
}

function solveExact(prepared: Prepared): AllocationResult {
	const { rows, cols, cost } = prepared
	const chosen = new Map<number, number>(prepared.pinned)
	if (rows.length > 0 && cols.length > 0) {
		const { weights } = weightMatrix(prepared)
		for (const [r, c] of munkres(weights)) {
			if (cost[r]![c]! >= 0) chosen.set(rows[r]!, cols[c]!)
		}
	}
	return complete(prepared, chosen)
}
