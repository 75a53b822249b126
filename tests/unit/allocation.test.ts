import { describe, expect, test } from 'vitest'
import { performance } from 'node:perf_hooks'
import { diffAllocations } from '#app/domain/allocation/diff.ts'
import { allocateExact } from '#app/domain/allocation/exact.ts'
import {
	countSameCategoryPairs,
	fits,
	keepsOptimum,
	preferenceCost,
	unmetNeeds,
	wishesMet,
	type AllocationApplication,
	type AllocationInput,
	type AllocationResult,
	type Pin,
} from '#app/domain/allocation/model.ts'
import { buildSpreadModel, readSpreadSolution } from '#app/domain/allocation/spread.ts'
import { explainMoves } from '#app/domain/allocation/moves.ts'
import { lexicographicWeights } from '#app/domain/allocation/problem.ts'
import { spreadBySwaps } from '#app/domain/allocation/swaps.ts'
import { allocateStands, allocationWorkerFile } from '#app/services/workers/allocation-solver.server.ts'
import type { Stand } from '#app/domain/stand-geometry.ts'

function mulberry32(seed: number) {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

const stand = (label: string, x: number, y: number, extra: Partial<Stand> = {}): Stand => ({
	label,
	x,
	y,
	width: 2,
	height: 2,
	sizeM2: 4,
	power: false,
	accessible: false,
	...extra,
})
const app = (id: number, extra: Partial<AllocationApplication> = {}): AllocationApplication => ({
	id,
	category: 'food',
	needs: {},
	preferences: [],
	...extra,
})

/**
 * A random small fair: up to 7 stands on a 4 × 2 grid of 2 × 2 cells (some cells left empty, so
 * some stands have fewer neighbours), up to 6 applications of 3 categories with random needs and
 * 0–3 preferences (sometimes an unknown label or a repeat), and 0–2 pins, some of them bad.
 */
function randomInstance(seed: number): AllocationInput {
	const rnd = mulberry32(seed)
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
	const standCount = 1 + Math.floor(rnd() * 7)
	const cells = [0, 1, 2, 3, 4, 5, 6, 7].sort(() => rnd() - 0.5).slice(0, standCount)
	const stands = cells.map((cell, i) =>
		stand(`S${i + 1}`, (cell % 4) * 2, Math.floor(cell / 4) * 2, {
			sizeM2: pick([4, 6, 9]),
			power: rnd() < 0.4,
			accessible: rnd() < 0.25,
		}),
	)
	const labels = [...stands.map((s) => s.label), 'X9']
	const applications = Array.from({ length: Math.floor(rnd() * 7) }, (_, i) =>
		app(100 + i, {
			category: pick(['food', 'textiles', 'plants']),
			needs: { power: rnd() < 0.3, accessible: rnd() < 0.15, sizeM2: rnd() < 0.3 ? pick([4, 6, 9, 12]) : null },
			preferences: Array.from({ length: Math.floor(rnd() * 4) }, () => pick(labels)),
		}),
	)
	const pins: Pin[] = []
	const pinCount = applications.length > 0 ? Math.floor(rnd() * 3) : 0
	for (let i = 0; i < pinCount; i++) pins.push({ applicationId: pick(applications).id, standLabel: pick(labels) })
	return { stands, applications: withToldStands(applications, labels, seed), pins }
}

/**
 * An earlier allocation that was mailed: about half the applications were told a stand, each a
 * different one (a stand that may since have lost what they need, been pinned to someone else, or
 * left the plan: `X9`). Its own random stream, so the rest of the instance stays what it was.
 */
function withToldStands(applications: AllocationApplication[], labels: readonly string[], seed: number): AllocationApplication[] {
	const rnd = mulberry32(seed * 7919 + 13)
	const free = [...labels].sort(() => rnd() - 0.5)
	return applications.map((a) => (rnd() < 0.55 && free.length > 0 ? { ...a, toldStand: free.pop()! } : a))
}

/** Every valid assignment (pins kept, needs met, injective), by backtracking. */
function* allAssignments(input: AllocationInput, result: AllocationResult): Generator<Map<number, string>> {
	const kept = new Map(result.assignments.filter((a) => a.locked).map((a) => [a.applicationId, a.standLabel]))
	const free = input.applications.filter((a) => !kept.has(a.id))
	const used = new Set(kept.values())
	const current = new Map(kept)
	function* go(i: number): Generator<Map<number, string>> {
		if (i === free.length) {
			yield current
			return
		}
		const application = free[i]!
		yield* go(i + 1)
		for (const s of input.stands) {
			if (used.has(s.label) || !fits(s, application)) continue
			used.add(s.label)
			current.set(application.id, s.label)
			yield* go(i + 1)
			current.delete(application.id)
			used.delete(s.label)
		}
	}
	yield* go(0)
}

/**
 * The lexicographic optimum over every valid assignment, written out from the contract's words:
 * most assigned, then fewest told exhibitors not on the stand they were told (elsewhere or without
 * one), then least preference cost; and the fewest same-category pairs among those optima.
 */
function bruteForce(input: AllocationInput, result: AllocationResult) {
	let best = { assigned: -1, moved: 0, preferenceCost: 0 }
	let fewestPairs = Infinity
	for (const assignment of allAssignments(input, result)) {
		let cost = 0
		for (const [id, label] of assignment)
			cost += preferenceCost(
				input.applications.find((a) => a.id === id)!,
				label,
			)
		const moved = input.applications.filter((a) => a.toldStand != null && assignment.get(a.id) !== a.toldStand).length
		const candidate = { assigned: assignment.size, moved, preferenceCost: cost }
		const order =
			candidate.assigned !== best.assigned
				? best.assigned - candidate.assigned
				: candidate.moved !== best.moved
					? candidate.moved - best.moved
					: candidate.preferenceCost - best.preferenceCost
		const pairs = countSameCategoryPairs(
			input,
			[...assignment].map(([applicationId, standLabel]) => ({ applicationId, standLabel })),
		)
		if (order < 0) {
			best = candidate
			fewestPairs = pairs
		} else if (order === 0) fewestPairs = Math.min(fewestPairs, pairs)
	}
	return { objective: best, fewestPairs }
}

/** Pins that keep every told exhibitor on its told stand where the stand is there, fits and is not pinned. */
function toldPins(input: AllocationInput, result: AllocationResult): Pin[] {
	const pinnedStands = new Set(result.assignments.filter((a) => a.locked).map((a) => a.standLabel))
	const pinnedApps = new Set(result.assignments.filter((a) => a.locked).map((a) => a.applicationId))
	return input.applications
		.filter((a) => a.toldStand && !pinnedApps.has(a.id) && !pinnedStands.has(a.toldStand))
		.filter((a) => input.stands.some((s) => s.label === a.toldStand && fits(s, a)))
		.map((a) => ({ applicationId: a.id, standLabel: a.toldStand! }))
}

/** Everything a result must satisfy whatever the instance. */
function expectValid(input: AllocationInput, result: AllocationResult) {
	const standByLabel = new Map(input.stands.map((s) => [s.label, s]))
	const appById = new Map(input.applications.map((a) => [a.id, a]))
	const labels = result.assignments.map((a) => a.standLabel)
	expect(new Set(labels).size).toBe(labels.length)
	const placed = result.assignments.map((a) => a.applicationId)
	const unplaced = result.unassigned.map((u) => u.applicationId)
	expect([...placed, ...unplaced].sort()).toEqual(input.applications.map((a) => a.id).sort())
	let cost = 0
	for (const a of result.assignments) {
		const s = standByLabel.get(a.standLabel)!
		expect(fits(s, appById.get(a.applicationId)!)).toBe(true)
		cost += preferenceCost(appById.get(a.applicationId)!, a.standLabel)
	}
	const standOf = new Map(result.assignments.map((a) => [a.applicationId, a.standLabel]))
	const moved = input.applications.filter((a) => a.toldStand != null && standOf.get(a.id) !== a.toldStand).length
	expect(result.objective).toEqual({ assigned: result.assignments.length, moved, preferenceCost: cost })
	expect(result.sameCategoryPairs).toBe(countSameCategoryPairs(input, result.assignments))

	// Every pin is kept (locked) or reported; nothing else is locked.
	const reported = new Set(result.pinProblems.map((p) => `${p.applicationId}/${p.standLabel}`))
	const locked = result.assignments.filter((a) => a.locked)
	for (const pin of input.pins ?? []) {
		const kept = locked.some((a) => a.applicationId === pin.applicationId && a.standLabel === pin.standLabel)
		expect(kept || reported.has(`${pin.applicationId}/${pin.standLabel}`)).toBe(true)
	}
	expect(locked.length + result.pinProblems.length).toBe((input.pins ?? []).length)

	// Reasons: no stand fits at all, or every fitting stand is held (and by whom).
	const holder = new Map(result.assignments.map((a) => [a.standLabel, a.applicationId]))
	for (const u of result.unassigned) {
		const fitting = input.stands.filter((s) => fits(s, appById.get(u.applicationId)!)).map((s) => s.label)
		if (fitting.length === 0) expect(u.reason).toBe('no_fitting_stand')
		else {
			expect(u).toEqual({
				applicationId: u.applicationId,
				reason: 'fitting_stands_taken',
				takenBy: fitting.map((standLabel) => ({ standLabel, applicationId: holder.get(standLabel) })),
			})
		}
	}
}

describe('needs and preferences', () => {
	test('a stand fits when every need is met', () => {
		const s = stand('A', 0, 0, { sizeM2: 6, power: true, accessible: false })
		expect(fits(s, { needs: {} })).toBe(true)
		expect(fits(s, { needs: { power: true, sizeM2: 6 } })).toBe(true)
		expect(fits(s, { needs: { sizeM2: 6.5 } })).toBe(false)
		expect(fits(s, { needs: { accessible: true } })).toBe(false)
		expect(fits(stand('B', 0, 0), { needs: { power: true } })).toBe(false)
		expect(fits(s, { needs: { sizeM2: null, power: false } })).toBe(true)
	})

	test('the unmet needs are listed in a fixed order, and a stand fits exactly when there are none', () => {
		const s = stand('A', 0, 0, { sizeM2: 6, power: false, accessible: false })
		expect(unmetNeeds(s, { needs: { sizeM2: 6.5, accessible: true, power: true } })).toEqual(['power', 'accessible', 'sizeM2'])
		expect(unmetNeeds(s, { needs: { sizeM2: 6 + 1e-12, accessible: true } })).toEqual(['accessible'])
		expect(unmetNeeds(s, { needs: { sizeM2: 0 } })).toEqual([])
		for (const needs of [{}, { power: true }, { accessible: true }, { sizeM2: 7 }, { sizeM2: 5, power: false }]) {
			expect(fits(s, { needs })).toBe(unmetNeeds(s, { needs }).length === 0)
		}
	})

	test('a later stage keeps the optimum: same count, moves and preference cost, no more same-category pairs', () => {
		const result = (assigned: number, preferenceCost: number, sameCategoryPairs: number, moved = 1) =>
			({ assignments: [], unassigned: [], pinProblems: [], objective: { assigned, moved, preferenceCost }, sameCategoryPairs }) as AllocationResult
		const exact = result(5, 3, 4)
		expect(keepsOptimum(result(5, 3, 4), exact)).toBe(true)
		expect(keepsOptimum(result(5, 3, 1), exact)).toBe(true)
		expect(keepsOptimum(result(5, 3, 5), exact)).toBe(false)
		expect(keepsOptimum(result(4, 3, 0), exact)).toBe(false)
		expect(keepsOptimum(result(5, 2, 0), exact)).toBe(false)
		// Moving one more told exhibitor (or one fewer: then `exact` was not optimal) is not the same result.
		expect(keepsOptimum(result(5, 3, 0, 2), exact)).toBe(false)
		expect(keepsOptimum(result(5, 3, 0, 0), exact)).toBe(false)
	})

	test('preference cost is 0, 1, 2 for the first three distinct preferences, 3 otherwise', () => {
		const a = { preferences: ['A', 'A', 'B', 'C', 'D'] }
		expect(['A', 'B', 'C', 'D', 'E'].map((l) => preferenceCost(a, l))).toEqual([0, 1, 2, 3, 3])
		expect(preferenceCost({ preferences: [] }, 'A')).toBe(3)
	})
})

describe('exact stage against brute force', () => {
	test('300 random small fairs with told exhibitors and pins: same (assigned, moved, preference cost) as all assignments tried', () => {
		let withPins = 0
		let withUnplaced = 0
		let withTold = 0
		let withMoves = 0
		let placedByMoving = 0
		for (let seed = 1; seed <= 300; seed++) {
			const input = randomInstance(seed)
			const result = allocateExact(input)
			expectValid(input, result)
			expect(result.objective, `seed ${seed}`).toEqual(bruteForce(input, result).objective)
			// The quick swaps of stage 2 keep both optima and never add same-category neighbours.
			const swapped = spreadBySwaps(input, result)
			expectValid(input, swapped)
			expect(swapped.objective).toEqual(result.objective)
			expect(swapped.sameCategoryPairs).toBeLessThanOrEqual(result.sameCategoryPairs)
			expect(swapped.assignments.filter((a) => a.locked)).toEqual(result.assignments.filter((a) => a.locked))
			if (result.assignments.some((a) => a.locked)) withPins++
			if (result.unassigned.length > 0) withUnplaced++
			if (input.applications.some((a) => a.toldStand)) withTold++
			if (result.objective.moved > 0) withMoves++
			// Told exhibitors moved though their stand was there for them: only to place more.
			const keepAll = allocateExact({ ...input, pins: [...(input.pins ?? []), ...toldPins(input, result)] })
			if (keepAll.objective.assigned < result.objective.assigned) placedByMoving++
			else expect(result.objective.moved, `seed ${seed}`).toBe(keepAll.objective.moved)
		}
		// The generator does reach the interesting cases.
		expect(withPins).toBeGreaterThan(30)
		expect(withUnplaced).toBeGreaterThan(30)
		expect(withTold).toBeGreaterThan(150)
		expect(withMoves).toBeGreaterThan(30)
		expect(placedByMoving).toBeGreaterThan(5)
	})

	test('placing more always beats a better preference', () => {
		// App 1 wants B, but taking B leaves app 2 (needs power, only B has it) without a stand.
		const input: AllocationInput = {
			stands: [stand('A', 0, 0), stand('B', 2, 0, { power: true })],
			applications: [app(1, { preferences: ['B'] }), app(2, { needs: { power: true }, preferences: ['A'] })],
		}
		const result = allocateExact(input)
		expect(result.assignments).toEqual([
			{ applicationId: 1, standLabel: 'A', locked: false },
			{ applicationId: 2, standLabel: 'B', locked: false },
		])
		expect(result.objective).toEqual({ assigned: 2, moved: 0, preferenceCost: 6 })
	})

	test('the preference cost told as people: who got which wish, and who gave none', () => {
		const input: AllocationInput = {
			stands: [stand('A', 0, 0), stand('B', 2, 0), stand('C', 4, 0), stand('D', 6, 0), stand('E', 0, 2)],
			applications: [
				app(1, { preferences: ['A', 'B'] }),
				app(2, { preferences: ['A', 'B'] }),
				app(3, { preferences: ['A', 'B', 'C'] }),
				app(4, { preferences: ['A'] }),
				app(5),
			],
		}
		const assignments = ['A', 'B', 'C', 'D', 'E'].map((standLabel, i) => ({ applicationId: i + 1, standLabel }))
		const met = wishesMet(input, assignments)
		expect(met).toEqual({ first: 1, second: 1, third: 1, other: 1, none: 1 })
		// The cost is the sum the solver minimises: 0 + 1 + 2 + 3, and 3 for no wishes.
		const cost = assignments.reduce((sum, x) => sum + preferenceCost(input.applications[x.applicationId - 1]!, x.standLabel), 0)
		expect(cost).toBe(met.second + 2 * met.third + 3 * (met.other + met.none))
	})

	test('one more exhibitor accepted: the told keep their stands unless moving places more', () => {
		// Twelve exhibitors told their stands (none pinned); each wishes for another stand than it got.
		const stands = Array.from({ length: 14 }, (_, i) => stand(`S${i + 1}`, i * 2, 0, { power: i < 2 }))
		const told = Array.from({ length: 12 }, (_, i) => app(i + 1, { preferences: [`S${((i + 5) % 14) + 1}`], toldStand: `S${i + 1}` }))
		// The newcomer fits the free stands S13 and S14: nobody moves, though preferences would gain.
		const easy = allocateExact({ stands, applications: [...told, app(13, { preferences: ['S1'] })] })
		expect(easy.objective).toEqual({ assigned: 13, moved: 0, preferenceCost: 39 })
		expect(easy.assignments.filter((a) => a.applicationId <= 12).every((a) => a.standLabel === `S${a.applicationId}`)).toBe(true)
		// A newcomer that needs power (only S1 and S2 have it, both taken): one told exhibitor moves
		// to a free stand so that the newcomer gets one; the other eleven stay.
		const power = allocateExact({ stands, applications: [...told, app(13, { needs: { power: true } })] })
		expect(power.objective.assigned).toBe(13)
		expect(power.objective.moved).toBe(1)
		expect(power.assignments.find((a) => a.applicationId === 13)!.standLabel).toMatch(/^S[12]$/)
		// The same with the power stands pinned: nobody can make room, so nobody moves.
		const pinned = allocateExact({
			stands,
			applications: [...told, app(13, { needs: { power: true } })],
			pins: [
				{ applicationId: 1, standLabel: 'S1' },
				{ applicationId: 2, standLabel: 'S2' },
			],
		})
		expect(pinned.objective).toMatchObject({ assigned: 12, moved: 0 })
	})

	test('each told exhibitor that moves is explained: to place more (how many), or its stand is pinned, gone or unfit', () => {
		const stands = [
			stand('A', 0, 0, { power: true }),
			stand('B', 2, 0),
			stand('C', 4, 0),
			stand('D', 6, 0, { accessible: true }),
			stand('E', 8, 0),
			stand('F', 10, 0),
		]
		const input: AllocationInput = {
			stands,
			applications: [
				app(1, { toldStand: 'A' }), // must leave A for the newcomer who needs power
				app(2, { toldStand: 'B' }), // B is pinned to 5 now
				app(3, { toldStand: 'Z1' }), // Z1 left the plan
				app(4, { toldStand: 'C', needs: { accessible: true } }), // C no longer meets the needs
				app(5),
				app(6, { needs: { power: true } }),
			],
			pins: [{ applicationId: 5, standLabel: 'B' }],
		}
		const result = allocateExact(input)
		const moves = explainMoves(input, result)
		expect(moves.map((m) => [m.applicationId, m.from, m.reason])).toEqual([
			[1, 'A', { kind: 'place_more', more: 1 }],
			[2, 'B', { kind: 'stand_pinned', applicationId: 5 }],
			[3, 'Z1', { kind: 'stand_gone' }],
			[4, 'C', { kind: 'stand_does_not_fit' }],
		])
		expect(result.objective.moved).toBe(4)
		// Nobody moves when nothing forces it: no explanation.
		expect(
			explainMoves(
				{ stands, applications: [app(1, { toldStand: 'A' }), app(2)] },
				allocateExact({ stands, applications: [app(1, { toldStand: 'A' }), app(2)] }),
			),
		).toEqual([])
	})

	test('a told exhibitor is not dropped for a newcomer with a better wish', () => {
		// Both fit only A; A was told to app 1; app 2 wishes A first, app 1 did not wish for it.
		const input: AllocationInput = {
			stands: [stand('A', 0, 0, { power: true }), stand('B', 2, 0)],
			applications: [app(1, { needs: { power: true }, toldStand: 'A' }), app(2, { needs: { power: true }, preferences: ['A'] })],
		}
		const result = allocateExact(input)
		expect(result.assignments).toEqual([{ applicationId: 1, standLabel: 'A', locked: false }])
		expect(result.objective).toEqual({ assigned: 1, moved: 0, preferenceCost: 3 })
	})

	test('the weights stay exact integers; a problem too large for them is refused, not solved wrong', () => {
		expect(lexicographicWeights(400, 440, 400)).toEqual({ keep: 1201, place: 1201 * 400 + 1201 })
		expect(() => lexicographicWeights(2_000_000, 2_000_000, 2_000_000)).toThrow(/too large/)
	})

	test('unplaced exhibitors are explained', () => {
		const input: AllocationInput = {
			stands: [stand('A', 0, 0, { power: true }), stand('B', 2, 0)],
			applications: [app(1, { needs: { power: true } }), app(2, { needs: { power: true } }), app(3, { needs: { accessible: true } })],
		}
		const result = allocateExact(input)
		expect(result.objective.assigned).toBe(1)
		const unplacedPower = result.assignments[0]!.applicationId === 1 ? 2 : 1
		expect(result.unassigned).toEqual([
			{ applicationId: unplacedPower, reason: 'fitting_stands_taken', takenBy: [{ standLabel: 'A', applicationId: 3 - unplacedPower }] },
			{ applicationId: 3, reason: 'no_fitting_stand' },
		])
	})

	test('pins stay, even against preferences; bad pins are reported and the application still takes part', () => {
		const input: AllocationInput = {
			stands: [stand('A', 0, 0), stand('B', 2, 0), stand('C', 4, 0, { power: true })],
			applications: [app(1, { preferences: ['A'] }), app(2, { preferences: ['A'] }), app(3, { needs: { power: true } }), app(4)],
			pins: [
				{ applicationId: 2, standLabel: 'A' },
				{ applicationId: 3, standLabel: 'Z9' },
				{ applicationId: 4, standLabel: 'A' },
				{ applicationId: 2, standLabel: 'B' },
				{ applicationId: 1, standLabel: 'C' },
				{ applicationId: 77, standLabel: 'B' },
			],
		}
		const result = allocateExact(input)
		expect(result.pinProblems).toEqual([
			{ applicationId: 3, standLabel: 'Z9', problem: 'unknown_stand' },
			{ applicationId: 4, standLabel: 'A', problem: 'stand_pinned_twice' },
			{ applicationId: 2, standLabel: 'B', problem: 'application_pinned_twice' },
			{ applicationId: 77, standLabel: 'B', problem: 'unknown_application' },
		])
		expect(result.assignments).toContainEqual({ applicationId: 2, standLabel: 'A', locked: true })
		expect(result.assignments).toContainEqual({ applicationId: 1, standLabel: 'C', locked: true })
		// App 3's pin was bad, and C (the only power stand) is pinned to app 1.
		expect(result.unassigned).toContainEqual({ applicationId: 3, reason: 'fitting_stands_taken', takenBy: [{ standLabel: 'C', applicationId: 1 }] })
		expect(result.assignments).toContainEqual({ applicationId: 4, standLabel: 'B', locked: false })
		expectValid(input, result)
	})

	test('a pin to a stand that does not meet the needs is reported', () => {
		const input: AllocationInput = {
			stands: [stand('A', 0, 0), stand('B', 2, 0, { power: true })],
			applications: [app(1, { needs: { power: true } })],
			pins: [{ applicationId: 1, standLabel: 'A' }],
		}
		const result = allocateExact(input)
		expect(result.pinProblems).toEqual([{ applicationId: 1, standLabel: 'A', problem: 'stand_does_not_fit' }])
		expect(result.assignments).toEqual([{ applicationId: 1, standLabel: 'B', locked: false }])
	})

	test('empty fairs', () => {
		expect(allocateExact({ stands: [], applications: [app(1)] }).unassigned).toEqual([{ applicationId: 1, reason: 'no_fitting_stand' }])
		expect(allocateExact({ stands: [stand('A', 0, 0)], applications: [] }).objective).toEqual({ assigned: 0, moved: 0, preferenceCost: 0 })
	})

	test('a 200 × 220 fair takes well under 100 ms', () => {
		const rnd = mulberry32(7)
		const stands = Array.from({ length: 220 }, (_, i) =>
			stand(`S${i}`, (i % 20) * 2, Math.floor(i / 20) * 5, { sizeM2: 4 + Math.floor(rnd() * 9), power: rnd() < 0.3, accessible: rnd() < 0.1 }),
		)
		const applications = Array.from({ length: 200 }, (_, i) =>
			app(i + 1, {
				category: `k${Math.floor(rnd() * 8)}`,
				needs: { power: rnd() < 0.25, accessible: rnd() < 0.05, sizeM2: rnd() < 0.4 ? 4 + Math.floor(rnd() * 6) : null },
				preferences: Array.from({ length: Math.floor(rnd() * 4) }, () => `S${Math.floor(rnd() * 220)}`),
			}),
		)
		allocateExact({ stands, applications })
		const started = performance.now()
		const result = allocateExact({ stands, applications })
		// Generous for a loaded CI machine; the benchmark reports the real figure (< 10 ms here).
		expect(performance.now() - started).toBeLessThan(100)
		expect(result.objective.assigned).toBeGreaterThan(150)
	})
})

describe('spread stage model (without the worker)', () => {
	test('the exact result read back through the model keeps both optima; a worse answer is refused', () => {
		const input: AllocationInput = {
			stands: [stand('A', 0, 0), stand('B', 2, 0), stand('C', 4, 0), stand('D', 6, 0)],
			applications: [app(1), app(2), app(3, { category: 'plants' }), app(4, { category: 'plants' })],
		}
		const exact = allocateExact(input)
		const model = buildSpreadModel(input, exact)
		expect(model).not.toBeNull()
		expect(model!.lp).toContain('count:')
		const startColumns = Object.keys(model!.start).filter((n) => n.startsWith('x'))
		expect(readSpreadSolution(input, exact, startColumns)?.objective).toEqual(exact.objective)
		// Dropping one placed application lowers the count: refused.
		expect(readSpreadSolution(input, exact, startColumns.slice(1))).toBeNull()
		// Two applications on one stand: refused.
		expect(readSpreadSolution(input, exact, [...startColumns, 'x0_1'])).toBeNull()
	})
})

describe('diff between allocations', () => {
	test('lists who is newly placed, who lost a stand and who moved', () => {
		const previous = [
			{ applicationId: 1, standLabel: 'A' },
			{ applicationId: 2, standLabel: 'B' },
			{ applicationId: 3, standLabel: 'C' },
		]
		const next = [
			{ applicationId: 1, standLabel: 'A' },
			{ applicationId: 2, standLabel: 'C' },
			{ applicationId: 4, standLabel: 'B' },
		]
		expect(diffAllocations(previous, next)).toEqual({
			added: [{ applicationId: 4, standLabel: 'B' }],
			removed: [{ applicationId: 3, standLabel: 'C' }],
			moved: [{ applicationId: 2, from: 'B', to: 'C' }],
			unchanged: 1,
		})
	})
})

describe('spread stage (HiGHS in a worker thread)', () => {
	test('keeps the three optima (told exhibitors included) and reaches the fewest same-category neighbours of brute force', async () => {
		let solved = 0
		for (let seed = 1; solved < 8 && seed < 400; seed++) {
			const input = randomInstance(seed)
			const exact = allocateExact(input)
			if (exact.sameCategoryPairs === 0) continue
			solved++
			const outcome = await allocateStands(input, { timeLimitMs: 10_000 })
			expectValid(input, outcome)
			expect(outcome.objective, `seed ${seed}`).toEqual(exact.objective)
			expect(outcome.spread.exactPairs).toBe(exact.sameCategoryPairs)
			expect(outcome.sameCategoryPairs).toBeLessThanOrEqual(exact.sameCategoryPairs)
			expect(outcome.spread.status, `seed ${seed}: ${outcome.spread.error}`).toMatch(/optimal|not_needed/)
			expect(outcome.sameCategoryPairs, `seed ${seed}`).toBe(bruteForce(input, exact).fewestPairs)
		}
		expect(solved).toBe(8)
	}, 120_000)

	test('spreads a row of one category apart when preferences allow', async () => {
		// Four stands in a row, two food and two plants exhibitors without preferences: the exact
		// stage may put both food stands side by side; the spread stage alternates them.
		const input: AllocationInput = {
			stands: [stand('A', 0, 0), stand('B', 2, 0), stand('C', 4, 0), stand('D', 6, 0)],
			applications: [app(1), app(2), app(3, { category: 'plants' }), app(4, { category: 'plants' })],
		}
		const outcome = await allocateStands(input, { timeLimitMs: 10_000 })
		expect(outcome.objective).toEqual({ assigned: 4, moved: 0, preferenceCost: 12 })
		expect(outcome.sameCategoryPairs).toBe(0)
	}, 30_000)

	test('falls back to the quick swaps when there is no time, and can be switched off', async () => {
		const input: AllocationInput = {
			stands: [stand('A', 0, 0), stand('B', 2, 0), stand('C', 4, 0)],
			applications: [app(1), app(2), app(3, { category: 'plants' })],
		}
		const exact = allocateExact(input)
		// No time for HiGHS: the quick swaps' result, as optimal as the exact stage.
		const late = await allocateStands(input, { timeLimitMs: 0 })
		expect(late.assignments).toEqual(spreadBySwaps(input, exact).assignments)
		expect(late.objective).toEqual(exact.objective)
		expect(['timeout', 'not_needed']).toContain(late.spread.status)
		const off = await allocateStands(input, { spread: false })
		expect(off.spread.status).toBe('skipped')
		expect(off.assignments).toEqual(exact.assignments)
	})

	test('solves in the worker: an invalid input fails the call, and the worker goes on with the next', async () => {
		expect(allocationWorkerFile()).toMatch(/allocation-worker\.(m?js)$/)
		const bad: AllocationInput = { stands: [stand('A', 0, 0), stand('A', 2, 0)], applications: [app(1)] }
		await expect(allocateStands(bad)).rejects.toThrow('duplicate stand label A')
		const input: AllocationInput = { stands: [stand('A', 0, 0), stand('B', 2, 0)], applications: [app(1, { preferences: ['B'] })] }
		const outcome = await allocateStands(input, { spread: false })
		expect(outcome.assignments).toEqual([{ applicationId: 1, standLabel: 'B', locked: false }])
	})

	test('keeps the event loop free: the solve does not block the main thread', async () => {
		// 200 exhibitors on 220 stands: stage 1, the swaps and the model take ≈ 100–250 ms together,
		// which on the main thread showed up as long gaps between timer ticks.
		const rnd = mulberry32(7)
		const stands = Array.from({ length: 220 }, (_, i) =>
			stand(`S${i + 1}`, (i % 20) * 2, Math.floor(i / 20) * 2, { power: rnd() < 0.5, accessible: rnd() < 0.3 }),
		)
		const applications = Array.from({ length: 200 }, (_, i) =>
			app(i + 1, {
				category: ['food', 'textiles', 'plants', 'wood', 'soap'][Math.floor(rnd() * 5)]!,
				needs: { power: rnd() < 0.3 },
				preferences: Array.from({ length: 3 }, () => `S${1 + Math.floor(rnd() * 220)}`),
			}),
		)
		const input: AllocationInput = { stands, applications }
		await allocateStands(input, { timeLimitMs: 300 }) // a warm worker, as on a server
		// How busy the main thread's event loop is while the solve runs. Not a stopwatch: a loaded
		// machine pauses the whole process (and would stretch any timer gap), but time the loop
		// spends waiting counts as idle. On the main thread the solve would keep it busy throughout.
		const before = performance.eventLoopUtilization()
		const outcome = await allocateStands(input, { timeLimitMs: 1_000 })
		const busy = performance.eventLoopUtilization(before)
		expect(outcome.objective).toEqual(allocateExact(input).objective)
		expect(busy.utilization, `event loop busy ${(busy.utilization * 100).toFixed(0)}% of ${(busy.idle + busy.active).toFixed(0)} ms`).toBeLessThan(0.5)
	}, 30_000)
})
