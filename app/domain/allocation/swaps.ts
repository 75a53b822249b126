/** The quick first pass of stage 2 of the stand allocation (model.ts): milliseconds, no solver. */
import { adjacentPairs } from '../stand-geometry.ts'
import { keepsOptimum, keepsToldStand, type AllocationInput, type AllocationResult } from './model.ts'
import { complete, pairCost, preparedFor, rememberPrepared } from './problem.ts'

/**
 * A fast first pass of stage 2, before (and as the start of) the MIP: repeatedly swap two placed
 * applications, or move one to a free stand, when the needs still fit, the told exhibitors kept on
 * their stand and the preference cost stay the same and fewer same-category neighbours result. Every
 * step keeps the count, the moves and the cost, so the result is as optimal as `exact` on the three
 * contract objectives. At most `maxPasses` passes over
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
	const fitCost = (a: number, s: number) => pairCost(stands[s]!, applications[a]!)
	/** 1 when `a` would be on the stand it was told. */
	const kept = (a: number, s: number) => (keepsToldStand(applications[a]!, stands[s]!.label) ? 1 : 0)
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
					if (at !== costHere || kept(a, t) !== kept(a, s)) continue
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
				if (kept(a, t) + kept(b, s) !== kept(a, s) + kept(b, t)) continue
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
	const result = rememberPrepared(complete(prepared, chosen), prepared)
	return keepsOptimum(result, exact) ? result : exact
}
