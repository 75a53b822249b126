import { describe, expect, test } from 'vitest'
import { adjacentPairs, areNeighbours, neighboursByLabel, type Stand, type StandRect } from '#app/domain/stand-geometry.ts'
import { standAt } from '#tests/support/stands.ts'

const rect = (x: number, y: number, width = 2, height = 2): StandRect => ({ x, y, width, height })
const stand = (label: string, x: number, y: number, width = 2, height = 2): Stand => standAt(label, x, y, width, height)

describe('two stands', () => {
	test('touching along a shared edge are neighbours, either side and either axis', () => {
		expect(areNeighbours(rect(0, 0), rect(2, 0))).toBe(true)
		expect(areNeighbours(rect(2, 0), rect(0, 0))).toBe(true)
		expect(areNeighbours(rect(0, 0), rect(0, 2))).toBe(true)
		// Partly shared edge (offset by half a stand) still counts.
		expect(areNeighbours(rect(0, 0), rect(2, 1))).toBe(true)
		// Different sizes: a deep stand next to a shallow one.
		expect(areNeighbours(rect(0, 0, 2, 4), rect(2, 3, 3, 2))).toBe(true)
	})

	test('a small gap (a drawing imprecision) is tolerated, an aisle is not', () => {
		expect(areNeighbours(rect(0, 0), rect(2.3, 0))).toBe(true)
		expect(areNeighbours(rect(0, 0), rect(2.5, 0))).toBe(true)
		expect(areNeighbours(rect(0, 0), rect(2.6, 0))).toBe(false)
		expect(areNeighbours(rect(0, 0), rect(0, 5))).toBe(false)
		expect(areNeighbours(rect(0, 0), rect(2.6, 0), { gap: 1 })).toBe(true)
		expect(areNeighbours(rect(0, 0), rect(2.3, 0), { gap: 0 })).toBe(false)
	})

	test('meeting only at a corner is not adjacency, with or without a gap', () => {
		expect(areNeighbours(rect(0, 0), rect(2, 2))).toBe(false)
		expect(areNeighbours(rect(0, 0), rect(2.2, 2.2))).toBe(false)
		expect(areNeighbours(rect(0, 0), rect(-2, -2))).toBe(false)
		// A sliver of shared edge below the minimum is a corner too.
		expect(areNeighbours(rect(0, 0), rect(2, 1.999))).toBe(false)
		expect(areNeighbours(rect(0, 0), rect(2, 1.9))).toBe(true)
	})

	test('overlapping rectangles (a drawing mistake) count as neighbours', () => {
		expect(areNeighbours(rect(0, 0), rect(1, 1))).toBe(true)
		expect(areNeighbours(rect(0, 0, 4, 4), rect(1, 1))).toBe(true)
	})
})

describe('a plan', () => {
	test('a 3 × 2 block of stands has 7 neighbouring pairs, corners excluded', () => {
		const stands: StandRect[] = []
		for (let row = 0; row < 2; row++) for (let col = 0; col < 3; col++) stands.push(rect(col * 2, row * 2))
		expect(adjacentPairs(stands)).toEqual([
			[0, 1],
			[0, 3],
			[1, 2],
			[1, 4],
			[2, 5],
			[3, 4],
			[4, 5],
		])
	})

	test('two rows across an aisle are not neighbours', () => {
		const stands = [rect(0, 0), rect(2, 0), rect(0, 5), rect(2, 5)]
		expect(adjacentPairs(stands)).toEqual([
			[0, 1],
			[2, 3],
		])
	})

	test('the sweep finds exactly the pairs of the all-pairs check on random plans', () => {
		let seed = 42
		const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
		for (let n = 0; n < 50; n++) {
			const stands = Array.from({ length: 25 }, () =>
				rect(Math.round(rnd() * 40) / 2, Math.round(rnd() * 40) / 2, 1 + Math.round(rnd() * 6) / 2, 1 + Math.round(rnd() * 6) / 2),
			)
			const expected: Array<[number, number]> = []
			for (let i = 0; i < stands.length; i++) for (let j = i + 1; j < stands.length; j++) if (areNeighbours(stands[i]!, stands[j]!)) expected.push([i, j])
			expect(adjacentPairs(stands)).toEqual(expected)
		}
	})

	test('neighbours by label are symmetric', () => {
		const map = neighboursByLabel([stand('A1', 0, 0), stand('A2', 2, 0), stand('A3', 4, 0, 3), stand('B1', 0, 6)])
		expect(map.get('A1')).toEqual(['A2'])
		expect(map.get('A2')).toEqual(['A1', 'A3'])
		expect(map.get('A3')).toEqual(['A2'])
		expect(map.get('B1')).toEqual([])
	})
})
