import { describe, expect, test } from 'vitest'
import { areaOf, findOverlaps, nextLabel, snap, standIssues, standsBodySchema } from '#app/domain/stand-input.ts'
import { standAt } from '#tests/support/stands.ts'

const plan = { width: 20, height: 10 }
const stand = standAt

function issuesOf(body: unknown, extent = plan) {
	const result = standsBodySchema(extent).safeParse(body)
	if (result.success) return []
	return result.error.issues.map((i) => ({ path: i.path.join('.'), key: (i as { params?: { key?: string } }).params?.key ?? i.code }))
}

describe('findOverlaps', () => {
	test('rectangles that share an edge or a corner do not overlap', () => {
		expect(findOverlaps([stand('A', 0, 0), stand('B', 2, 0), stand('C', 0, 2), stand('D', 2, 2)])).toEqual([])
	})

	test('overlapping insides are found once, as index pairs in order', () => {
		const rects = [stand('A', 0, 0, 3, 3), stand('B', 10, 0), stand('C', 2, 2), stand('D', 2.5, 0, 1, 1)]
		expect(findOverlaps(rects)).toEqual([
			[0, 2],
			[0, 3],
		])
	})

	test('a rectangle inside another overlaps it', () => {
		expect(findOverlaps([stand('A', 0, 0, 10, 10), stand('B', 4, 4, 1, 1)])).toEqual([[0, 1]])
	})

	test('floating-point sums that only touch are not an overlap', () => {
		expect(findOverlaps([stand('A', 0.1, 0, 0.2, 1), stand('B', 0.30000000000000004, 0, 1, 1)])).toEqual([])
	})
})

describe('standsBodySchema', () => {
	test('a valid plan passes; zone is trimmed, empty zone is null, sizeM2 defaults to width × height', () => {
		const result = standsBodySchema(plan).parse({
			stands: [
				{ ...stand(' A1 ', 0, 0, 3, 2, { zone: ' Hol ', power: true }) },
				{ label: 'A2', x: 3, y: 0, width: 2.5, height: 2, power: false, accessible: true, zone: '' },
			],
		})
		expect(result.stands[0]).toMatchObject({ label: 'A1', zone: 'Hol', power: true, sizeM2: 6 })
		expect(result.stands[1]).toMatchObject({ label: 'A2', zone: null, sizeM2: 5, accessible: true })
	})

	test('duplicate labels, compared trimmed and in any case, are refused at the later one', () => {
		expect(issuesOf({ stands: [stand('A1', 0, 0), stand('b', 4, 0), stand(' a1', 8, 0), stand('B ', 12, 0)] })).toEqual([
			{ path: 'stands.2.label', key: 'standLabelTaken' },
			{ path: 'stands.3.label', key: 'standLabelTaken' },
		])
	})

	test('labels are 1 to 20 characters', () => {
		expect(issuesOf({ stands: [stand('  ', 0, 0), stand('x'.repeat(21), 4, 0)] }).map((i) => i.path)).toEqual(['stands.0.label', 'stands.1.label'])
	})

	test('a stand outside the plan is refused on the coordinate that overflows', () => {
		expect(issuesOf({ stands: [stand('A', 19, 0), stand('B', 0, 9), stand('C', 18, 8)] })).toEqual([
			{ path: 'stands.0.x', key: 'standOutsidePlan' },
			{ path: 'stands.1.y', key: 'standOutsidePlan' },
		])
		// The extent in the body counts instead of the saved one.
		expect(issuesOf({ plan: { width: 30, height: 10 }, stands: [stand('A', 19, 0)] })).toEqual([])
	})

	test('negative positions and non-positive sizes are refused', () => {
		const paths = issuesOf({
			stands: [stand('A', -1, 0), { ...stand('B', 4, 0, 0, 2), sizeM2: 4 }, { ...stand('C', 8, 0, 2, -2), sizeM2: 4 }, { ...stand('D', 12, 0), sizeM2: 0 }],
		}).map((i) => i.path)
		expect(paths).toEqual(['stands.0.x', 'stands.1.width', 'stands.2.height', 'stands.3.sizeM2'])
	})

	test('overlapping stands are refused with both labels named', () => {
		const result = standsBodySchema(plan).safeParse({ stands: [stand('A1', 0, 0, 3, 3), stand('A2', 2, 2)] })
		expect(result.success).toBe(false)
		const issue = result.error!.issues[0] as { path: unknown[]; params: Record<string, string> }
		expect(issue.path).toEqual(['stands', 1])
		expect(issue.params).toEqual({ key: 'standOverlap', label: 'A2', other: 'A1' })
	})

	test('at most 500 stands', () => {
		const many = Array.from({ length: 501 }, (_, i) => stand(`S${i}`, (i % 20) * 1, Math.floor(i / 20) * 0.4, 1, 0.4))
		const tall = { width: 20, height: 1000 }
		expect(issuesOf({ stands: many.slice(0, 500) }, tall)).toEqual([])
		expect(issuesOf({ stands: many }, tall)).toEqual([{ path: 'stands', key: 'too_big' }])
	})

	test('extra fields (neighbours from an export) are ignored', () => {
		expect(standsBodySchema(plan).parse({ stands: [{ ...stand('A', 0, 0), neighbours: ['B'] }] }).stands[0]).not.toHaveProperty('neighbours')
	})
})

describe('standIssues, helpers', () => {
	test('no issues for an empty plan', () => {
		expect(standIssues([], plan)).toEqual([])
	})

	test('nextLabel continues the highest number with its prefix and skips taken labels', () => {
		expect(nextLabel([])).toBe('A1')
		expect(nextLabel(['A1', 'A2', 'B7'])).toBe('B8')
		expect(nextLabel(['A9', 'a10'])).toBe('a11')
	})

	test('snap and area', () => {
		expect(snap(1.26)).toBe(1.5)
		expect(snap(1.24)).toBe(1)
		expect(areaOf(2.5, 1.5)).toBe(3.75)
	})
})
