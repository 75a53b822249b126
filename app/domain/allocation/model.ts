/**
 * Stand allocation: which accepted exhibitor gets which stand. The objective is CONTRACT.md's,
 * exactly: among all valid assignments (needs met, pins kept, one stand per application and one
 * application per stand) first place as many applications as possible, then move as few exhibitors
 * who were already emailed their stand as possible (`moved`), then minimise the preference cost
 * (0, 1, 2 for the first, second, third preference, 3 for any other stand).
 *
 * This file is what the stages share: the types, the rules (a stand fits, a preference's cost, the
 * same-category neighbours, what keeps the optimum). The stages (docs/decisions/0006-stand-allocation-solver.md):
 * 1. `allocateExact` (exact.ts): one assignment problem solved by `munkres` (Hungarian algorithm),
 *    exact, milliseconds. Its result is always a correct answer on its own.
 * 2. `spreadBySwaps` (swaps.ts), then `buildSpreadModel` / `readSpreadSolution` (spread.ts): a MIP
 *    for HiGHS that keeps the three optimal values and, among those assignments, minimises the number of
 *    neighbouring stands held by the same category.
 *
 * All of it runs in a worker thread (app/services/workers/allocation-worker.server.ts, started by
 * app/services/workers/allocation-solver.server.ts). Pure: no database, no clock, no Node APIs.
 */
import { adjacentPairs, type AdjacencyOptions, type Stand } from '../stand-geometry.ts'

export type AllocationNeeds = { power?: boolean; accessible?: boolean; sizeM2?: number | null }

export type AllocationApplication = {
	id: number
	category: string
	needs: AllocationNeeds
	/** Stand labels, most wanted first; only the first three count. */
	preferences: readonly string[]
	/**
	 * The stand this exhibitor has been emailed (its current one, the stand mail sent), if any. An
	 * exhibitor told a stand and not kept on it (placed elsewhere, or left without one) counts in
	 * `moved`, the second criterion (decision 0010).
	 */
	toldStand?: string | null
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

/**
 * The three contract values, in their lexicographic order: `assigned` (most), `moved` (fewest: told
 * exhibitors not kept on the stand they were told, whether placed elsewhere or left without one),
 * `preferenceCost` (least).
 */
export type Objective = { assigned: number; moved: number; preferenceCost: number }

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

export type Need = 'power' | 'accessible' | 'sizeM2'

type StandOffer = Pick<Stand, 'power' | 'accessible' | 'sizeM2'>

const NEEDS: readonly Need[] = ['power', 'accessible', 'sizeM2']

/**
 * The rule "a stand fits an application" (CONTRACT.md), once: bit i set when NEEDS[i] is unmet.
 * A number, not a list, because `fits` runs for every pair in the solvers' loops.
 */
function unmetBits(stand: StandOffer, { power, accessible, sizeM2 }: AllocationNeeds): number {
	let bits = 0
	if (power && !stand.power) bits |= 1
	if (accessible && !stand.accessible) bits |= 2
	if (sizeM2 != null && sizeM2 > 0 && stand.sizeM2 + SIZE_EPSILON < sizeM2) bits |= 4
	return bits
}

/** What the application needs that the stand does not offer; empty: the stand fits. */
export function unmetNeeds(stand: StandOffer, application: Pick<AllocationApplication, 'needs'>): Need[] {
	const bits = unmetBits(stand, application.needs)
	return NEEDS.filter((_, i) => bits & (1 << i))
}

/** A stand fits an application when every need is met. */
export function fits(stand: StandOffer, application: Pick<AllocationApplication, 'needs'>): boolean {
	return unmetBits(stand, application.needs) === 0
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

/** How many placed exhibitors got their first, second, third wish, a stand they did not wish for, or gave no wishes. */
export type WishesMet = { first: number; second: number; third: number; other: number; none: number }

/** The preference cost of `assignments` told as people: who got which wish (preferenceCost is its sum). */
export function wishesMet(input: AllocationInput, assignments: readonly Pick<Assignment, 'applicationId' | 'standLabel'>[]): WishesMet {
	const byId = new Map(input.applications.map((a) => [a.id, a]))
	const met: WishesMet = { first: 0, second: 0, third: 0, other: 0, none: 0 }
	const ranks = ['first', 'second', 'third'] as const
	for (const x of assignments) {
		const application = byId.get(x.applicationId)
		if (!application) continue
		if (application.preferences.length === 0) {
			met.none++
			continue
		}
		const cost = preferenceCost(application, x.standLabel)
		met[ranks[cost] ?? 'other']++
	}
	return met
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

/** Whether the application keeps the stand it was told (false when it was told none). */
export function keepsToldStand(application: Pick<AllocationApplication, 'toldStand'>, standLabel: string | undefined): boolean {
	return application.toldStand != null && application.toldStand === standLabel
}

/** Told exhibitors not kept on the stand they were told: placed elsewhere, or left without a stand. */
export function countMoved(input: AllocationInput, assignments: readonly Pick<Assignment, 'applicationId' | 'standLabel'>[]): number {
	const standOf = new Map(assignments.map((x) => [x.applicationId, x.standLabel]))
	let moved = 0
	for (const a of input.applications) if (a.toldStand != null && !keepsToldStand(a, standOf.get(a.id))) moved++
	return moved
}

/**
 * Whether a later stage's result may replace the exact stage's: the same count, moves and
 * preference cost (the three contract optima) and no more same-category pairs. Stage 2 can never
 * make it worse.
 */
export function keepsOptimum(result: AllocationResult, exact: AllocationResult): boolean {
	return (
		result.objective.assigned === exact.objective.assigned &&
		result.objective.moved === exact.objective.moved &&
		result.objective.preferenceCost === exact.objective.preferenceCost &&
		result.sameCategoryPairs <= exact.sameCategoryPairs
	)
}
