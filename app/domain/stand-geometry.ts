/**
 * Stands on the floor plan and which of them are neighbours. Adjacency is never entered by hand: it
 * follows from the rectangles, so moving a stand in the plan editor changes its neighbours at once.
 * Pure and free of Node APIs (the plan editor in the browser imports it too).
 */

/** A stand as in `PUT /api/v1/fairs/{slug}/stands`; x, y, width, height are plan units. */
export type Stand = {
	label: string
	x: number
	y: number
	width: number
	height: number
	sizeM2: number
	power: boolean
	accessible: boolean
	zone?: string | null
}

export type StandRect = Pick<Stand, 'x' | 'y' | 'width' | 'height'>

export type AdjacencyOptions = {
	/** Largest gap (plan units) between two facing edges that still makes neighbours (an aisle is wider). */
	gap?: number
	/** Shortest shared edge length (plan units) that counts; below it the stands only meet at a corner. */
	minSharedEdge?: number
}

export const DEFAULT_ADJACENCY: Required<AdjacencyOptions> = { gap: 0.5, minSharedEdge: 0.01 }

/**
 * Signed separation along one axis: positive is the gap between the two intervals, negative is
 * minus the length they overlap (0: they touch).
 */
function separation(a0: number, a1: number, b0: number, b1: number): number {
	return Math.max(a0, b0) - Math.min(a1, b1)
}

/**
 * Two stands are neighbours when, along one axis, their facing edges touch or are at most `gap`
 * apart, and along the other axis they overlap by more than `minSharedEdge` (a shared stretch of
 * edge, not just a corner). Overlapping rectangles (a drawing mistake) count as neighbours too.
 */
export function areNeighbours(a: StandRect, b: StandRect, options: AdjacencyOptions = {}): boolean {
	const { gap, minSharedEdge } = { ...DEFAULT_ADJACENCY, ...options }
	const dx = separation(a.x, a.x + a.width, b.x, b.x + b.width)
	const dy = separation(a.y, a.y + a.height, b.y, b.y + b.height)
	return (dx <= gap && -dy > minSharedEdge) || (dy <= gap && -dx > minSharedEdge)
}

/** Every neighbouring pair once, as indexes into `stands` with i < j, in index order. */
export function adjacentPairs(stands: readonly StandRect[], options: AdjacencyOptions = {}): Array<[number, number]> {
	const pairs: Array<[number, number]> = []
	// Sweep along x so that far-apart stands are never compared: O(n log n + pairs) for real plans.
	const { gap } = { ...DEFAULT_ADJACENCY, ...options }
	const order = stands.map((_, i) => i).sort((i, j) => stands[i]!.x - stands[j]!.x || i - j)
	for (let p = 0; p < order.length; p++) {
		const i = order[p]!
		const a = stands[i]!
		for (let q = p + 1; q < order.length; q++) {
			const j = order[q]!
			const b = stands[j]!
			if (b.x > a.x + a.width + gap) break
			if (areNeighbours(a, b, options)) pairs.push(i < j ? [i, j] : [j, i])
		}
	}
	return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1])
}

/** Neighbours by label, e.g. for the plan editor and the public map: label → labels next to it. */
export function neighboursByLabel(stands: readonly Stand[], options: AdjacencyOptions = {}): Map<string, string[]> {
	const result = new Map<string, string[]>(stands.map((s) => [s.label, []]))
	for (const [i, j] of adjacentPairs(stands, options)) {
		result.get(stands[i]!.label)!.push(stands[j]!.label)
		result.get(stands[j]!.label)!.push(stands[i]!.label)
	}
	return result
}
