import { describe, expect, test } from 'vitest'
import {
	DISAGREEMENT_RANGE,
	countBy,
	filterAndSort,
	neighbours,
	overallScore,
	reviewStats,
	roundScore,
	statsByApplication,
	type FilterableApplication,
} from '#app/domain/review-stats.ts'
import { DecisionApiSchema, ReviewFormSchema, parseReviewListQuery, pendingFingerprint, reviewListSearch } from '#app/domain/review-input.ts'

const s = (fit: number, quality: number, novelty: number) => ({ fit, quality, novelty })

describe('reviewStats', () => {
	test('no reviews: nothing to average, no disagreement', () => {
		expect(reviewStats([])).toEqual({
			count: 0,
			averages: { fit: null, quality: null, novelty: null },
			overall: null,
			range: null,
			disagreement: false,
		})
	})

	test('one review: its own scores, and nobody to disagree with', () => {
		const stats = reviewStats([s(5, 4, 3)])
		expect(stats).toMatchObject({ count: 1, averages: { fit: 5, quality: 4, novelty: 3 }, overall: 4, range: null, disagreement: false })
	})

	test('averages per criterion and overall over two reviewers', () => {
		const stats = reviewStats([s(5, 4, 3), s(3, 4, 2)])
		expect(stats.averages).toEqual({ fit: 4, quality: 4, novelty: 2.5 })
		expect(roundScore(stats.overall!)).toBe(3.5)
		expect(roundScore(stats.range!)).toBe(1)
		expect(stats.disagreement).toBe(false)
	})

	test('a two-point gap in overall scores is disagreement; just under is not', () => {
		// 5,5,5 (overall 5) against 3,3,3 (overall 3): range exactly 2.
		expect(reviewStats([s(5, 5, 5), s(3, 3, 3)]).disagreement).toBe(true)
		// Overall 5 against 3.33…: range 1.67, under the threshold.
		expect(reviewStats([s(5, 5, 5), s(3, 3, 4)]).disagreement).toBe(false)
		// Thirds: 13/3 − 7/3 = 2 exactly, despite floating point.
		const thirds = reviewStats([s(5, 4, 4), s(2, 2, 3)])
		expect(thirds.range).toBeCloseTo(DISAGREEMENT_RANGE)
		expect(thirds.disagreement).toBe(true)
	})

	test('the range is between the most and the least favourable of three reviewers', () => {
		const stats = reviewStats([s(4, 4, 4), s(1, 1, 1), s(5, 5, 5)])
		expect(stats.range).toBe(4)
		expect(stats.overall).toBeCloseTo(10 / 3)
		expect(stats.disagreement).toBe(true)
	})

	test('reviewers who differ per criterion but agree overall are not flagged', () => {
		expect(reviewStats([s(5, 1, 3), s(1, 5, 3)]).disagreement).toBe(false)
		expect(overallScore(s(5, 1, 3))).toBe(3)
	})

	test('statsByApplication groups reviews and keeps applications without any', () => {
		const map = statsByApplication(
			[1, 2, 3],
			[
				{ applicationId: 1, ...s(5, 5, 5) },
				{ applicationId: 1, ...s(1, 1, 1) },
				{ applicationId: 3, ...s(2, 3, 4) },
				{ applicationId: 99, ...s(5, 5, 5) },
			],
		)
		expect([...map.keys()]).toEqual([1, 2, 3])
		expect(map.get(1)).toMatchObject({ count: 2, overall: 3, disagreement: true })
		expect(map.get(2)).toMatchObject({ count: 0, overall: null })
		expect(map.get(3)).toMatchObject({ count: 1, overall: 3 })
	})
})

describe('the list: filter, sort, neighbours', () => {
	const app = (id: number, over: Partial<FilterableApplication> & { reviews?: ReturnType<typeof s>[] } = {}): FilterableApplication => ({
		id,
		status: 'submitted',
		category: 'food',
		legalForm: 'association',
		needsPower: false,
		needsAccessible: false,
		...over,
		stats: reviewStats(over.reviews ?? []),
	})
	const list = [
		app(1, { reviews: [s(3, 3, 3)] }),
		app(2, { category: 'textiles', needsPower: true, reviews: [s(5, 5, 5), s(1, 1, 1)] }),
		app(3, { status: 'accepted', needsPower: true, needsAccessible: true, reviews: [s(5, 5, 4)] }),
		app(4, { legalForm: 'llc' }),
	]
	const all = { status: 'all', category: 'all', legalForm: 'all', needs: [] as const, sort: 'arrived' as const }
	const ids = (l: { id: number }[]) => l.map((a) => a.id)

	test('filters combine; every chosen need must be met', () => {
		expect(ids(filterAndSort(list, all))).toEqual([1, 2, 3, 4])
		expect(ids(filterAndSort(list, { ...all, status: 'accepted' }))).toEqual([3])
		expect(ids(filterAndSort(list, { ...all, category: 'food' }))).toEqual([1, 3, 4])
		expect(ids(filterAndSort(list, { ...all, legalForm: 'llc' }))).toEqual([4])
		expect(ids(filterAndSort(list, { ...all, needs: ['power'] }))).toEqual([2, 3])
		expect(ids(filterAndSort(list, { ...all, needs: ['power', 'accessible'] }))).toEqual([3])
		expect(ids(filterAndSort(list, { ...all, category: 'textiles', needs: ['accessible'] }))).toEqual([])
	})

	test('sort orders: score (unreviewed last), disagreement first, fewest reviews first', () => {
		expect(ids(filterAndSort(list, { ...all, sort: 'score' }))).toEqual([3, 1, 2, 4])
		expect(ids(filterAndSort(list, { ...all, sort: 'disagreement' }))[0]).toBe(2)
		expect(ids(filterAndSort(list, { ...all, sort: 'reviews' }))).toEqual([4, 1, 3, 2])
	})

	test('countBy and neighbours', () => {
		expect(countBy(list, (a) => a.category)).toEqual({ food: 3, textiles: 1 })
		expect(neighbours(list, 1)).toMatchObject({ previous: null, next: { id: 2 }, position: 1 })
		expect(neighbours(list, 4)).toMatchObject({ previous: { id: 3 }, next: null, position: 4 })
		expect(neighbours(list, 42)).toEqual({ previous: null, next: null, position: 0 })
	})
})

describe('review input', () => {
	test('the review form takes three scores 1–5 and an optional note of at most 2000 characters', () => {
		expect(ReviewFormSchema.safeParse({ fit: '5', quality: '1', novelty: '3' }).data).toEqual({ fit: 5, quality: 1, novelty: 3 })
		for (const bad of ['0', '6', '2.5', 'x', '']) expect(ReviewFormSchema.safeParse({ fit: bad, quality: '1', novelty: '3' }).success).toBe(false)
		expect(ReviewFormSchema.safeParse({ fit: '3', quality: '3', novelty: '3', note: 'a'.repeat(2001) }).success).toBe(false)
		expect(ReviewFormSchema.safeParse({ fit: '3', quality: '3', novelty: '3', note: 'a'.repeat(2000) }).success).toBe(true)
	})

	test('the decision body: one of three decisions, a note of at most 1000 characters, nothing else', () => {
		expect(DecisionApiSchema.safeParse({ decision: 'accepted' }).success).toBe(true)
		expect(DecisionApiSchema.safeParse({ decision: 'waitlisted', note: null }).success).toBe(true)
		expect(DecisionApiSchema.safeParse({ decision: 'submitted' }).success).toBe(false)
		expect(DecisionApiSchema.safeParse({ decision: 'withdrawn' }).success).toBe(false)
		expect(DecisionApiSchema.safeParse({ decision: 'rejected', note: 'a'.repeat(1001) }).success).toBe(false)
		expect(DecisionApiSchema.safeParse({ decision: 'rejected', status: 'accepted' }).success).toBe(false)
	})

	test('the list query falls back to defaults and round-trips', () => {
		const query = parseReviewListQuery(new URLSearchParams('status=accepted&category=food&needs=power&needs=bogus&sort=score'))
		expect(query).toEqual({ status: 'accepted', category: 'food', legalForm: 'all', needs: ['power'], sort: 'score' })
		expect(parseReviewListQuery(new URLSearchParams(reviewListSearch(query)))).toEqual(query)
		expect(parseReviewListQuery(new URLSearchParams('status=nonsense&category=<x>&sort=1'))).toEqual({
			status: 'all',
			category: 'all',
			legalForm: 'all',
			needs: [],
			sort: 'arrived',
		})
		expect(reviewListSearch(parseReviewListQuery(new URLSearchParams()))).toBe('')
	})

	test('the release fingerprint names each staged decision', () => {
		expect(
			pendingFingerprint([
				{ id: 3, status: 'accepted' },
				{ id: 7, status: 'rejected' },
			]),
		).toBe('3:accepted,7:rejected')
	})
})
