// The organizers' rubric for exhibitor applications (fit with social entrepreneurship, product
// quality, novelty; 1–5 each) turned into what the review list shows: averages, how many reviews,
// and whether the reviewers disagree. Also the list's filters and sort orders. Pure.

export const REVIEW_SCORE_MIN = 1
export const REVIEW_SCORE_MAX = 5
export const CRITERIA = ['fit', 'quality', 'novelty'] as const
export type Criterion = (typeof CRITERIA)[number]
export type ReviewScores = Record<Criterion, number>

/**
 * Reviewers disagree when their overall scores are this far apart or more.
 *
 * Why the range (max − min) of the reviewers' overall scores, and why 2: an application gets two
 * or three reviews, and with so few a standard deviation is unstable and means nothing to an
 * organizer, while "one reviewer gave 2, another 4" is read at a glance. The overall score is the
 * mean of the three criteria, so one reviewer being a point stricter on everything is 1 point of
 * range: ordinary difference in taste. Two points are 40 % of the 1–5 scale (e.g. "weak" against
 * "good"), enough that the reviewers should talk before deciding.
 */
export const DISAGREEMENT_RANGE = 2

export type ReviewStats = {
	count: number
	/** Mean per criterion over the reviews; null without reviews. */
	averages: Record<Criterion, number | null>
	/** Mean of the reviewers' overall scores (each the mean of their three); null without reviews. */
	overall: number | null
	/** max − min of the reviewers' overall scores; null with fewer than two reviews. */
	range: number | null
	disagreement: boolean
}

/** One reviewer's overall score: the mean of the three criteria (equal weight). */
export function overallScore(scores: ReviewScores): number {
	return (scores.fit + scores.quality + scores.novelty) / CRITERIA.length
}

function mean(values: number[]): number | null {
	return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

/** Rounded to one decimal for display and comparison, avoiding 3.0000000004. */
export function roundScore(value: number): number {
	return Math.round(value * 10) / 10
}

export function reviewStats(reviews: readonly ReviewScores[]): ReviewStats {
	const overalls = reviews.map(overallScore)
	const range = overalls.length < 2 ? null : Math.max(...overalls) - Math.min(...overalls)
	return {
		count: reviews.length,
		averages: {
			fit: mean(reviews.map((r) => r.fit)),
			quality: mean(reviews.map((r) => r.quality)),
			novelty: mean(reviews.map((r) => r.novelty)),
		},
		overall: mean(overalls),
		range,
		// A tiny epsilon: 2 must count as 2 even when the thirds do not add up exactly.
		disagreement: range !== null && range >= DISAGREEMENT_RANGE - 1e-9,
	}
}

/** Reviews grouped by application id, with stats for every id asked for (zero reviews included). */
export function statsByApplication<R extends ReviewScores & { applicationId: number }>(
	ids: readonly number[],
	reviews: readonly R[],
): Map<number, ReviewStats> {
	const grouped = new Map<number, R[]>(ids.map((id) => [id, []]))
	for (const review of reviews) grouped.get(review.applicationId)?.push(review)
	return new Map([...grouped].map(([id, list]) => [id, reviewStats(list)]))
}

// --- the list: filters, sort, counts -------------------------------------------------------

export const NEEDS_FILTERS = ['power', 'accessible'] as const
export type NeedsFilter = (typeof NEEDS_FILTERS)[number]
export const SORT_ORDERS = ['arrived', 'score', 'disagreement', 'reviews'] as const
export type SortOrder = (typeof SORT_ORDERS)[number]

export type ReviewListFilter = {
	status: string
	category: string
	legalForm: string
	needs: readonly NeedsFilter[]
	sort: SortOrder
}

export type FilterableApplication = {
	id: number
	status: string
	category: string
	legalForm: string
	needsPower: boolean
	needsAccessible: boolean
	stats: ReviewStats
}

/** `'all'` (or '') matches everything; every chosen need must be among the application's needs. */
export function matchesFilter(a: FilterableApplication, f: Omit<ReviewListFilter, 'sort'>): boolean {
	const is = (chosen: string, value: string) => chosen === 'all' || chosen === '' || chosen === value
	if (!is(f.status, a.status) || !is(f.category, a.category) || !is(f.legalForm, a.legalForm)) return false
	if (f.needs.includes('power') && !a.needsPower) return false
	if (f.needs.includes('accessible') && !a.needsAccessible) return false
	return true
}

/**
 * The list in the chosen order; ties (and the default) in the order the applications arrived.
 * `score`: best average first, unreviewed last. `disagreement`: flagged first, by range.
 * `reviews`: fewest reviews first (what still needs a reviewer).
 */
export function sortApplications<A extends FilterableApplication>(list: readonly A[], order: SortOrder): A[] {
	const byId = (a: A, b: A) => a.id - b.id
	const desc = (x: number | null, y: number | null) => (y ?? -Infinity) - (x ?? -Infinity)
	const compare: Record<SortOrder, (a: A, b: A) => number> = {
		arrived: byId,
		score: (a, b) => desc(a.stats.overall, b.stats.overall) || byId(a, b),
		disagreement: (a, b) => Number(b.stats.disagreement) - Number(a.stats.disagreement) || desc(a.stats.range, b.stats.range) || byId(a, b),
		reviews: (a, b) => a.stats.count - b.stats.count || byId(a, b),
	}
	return [...list].sort(compare[order])
}

export function filterAndSort<A extends FilterableApplication>(list: readonly A[], f: ReviewListFilter): A[] {
	return sortApplications(
		list.filter((a) => matchesFilter(a, f)),
		f.sort,
	)
}

/** How many have each value of a field, e.g. counts by status; values never seen are absent. */
export function countBy<A>(list: readonly A[], key: (a: A) => string): Record<string, number> {
	const counts: Record<string, number> = Object.create(null)
	for (const item of list) counts[key(item)] = (counts[key(item)] ?? 0) + 1
	return counts
}

/** The applications before and after this one in a list (for previous/next links). */
export function neighbours<A extends { id: number }>(list: readonly A[], id: number): { previous: A | null; next: A | null; position: number } {
	const index = list.findIndex((a) => a.id === id)
	if (index < 0) return { previous: null, next: null, position: 0 }
	return { previous: list[index - 1] ?? null, next: list[index + 1] ?? null, position: index + 1 }
}
