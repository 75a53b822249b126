// What the organizers' review of exhibitor applications accepts: a reviewer's scores and note, a
// decision (from the admin form and from the JSON API alike), the release confirmation, and the
// review list's address bar.
import { z } from 'zod'
import { NEEDS_FILTERS, REVIEW_SCORE_MAX, REVIEW_SCORE_MIN, SORT_ORDERS, type ReviewListFilter } from './review-stats.ts'
import { APPLICATION_DECISIONS, APPLICATION_STATUSES } from './vocabulary.ts'

export const REVIEW_NOTE_MAX = 2000
/** The decision note goes into the decision email to the exhibitor, so it is kept to a short letter. */
export const DECISION_NOTE_MAX = 1000

/** A score is picked from radio buttons: one of the offered values, or "choose one" (never "enter a number"). */
const SCORE_CHOICES = Array.from({ length: REVIEW_SCORE_MAX - REVIEW_SCORE_MIN + 1 }, (_, i) => String(REVIEW_SCORE_MIN + i)) as [string, ...string[]]
const score = z.enum(SCORE_CHOICES).transform(Number)

/** One reviewer's rubric: three scores 1–5 and an optional note that only organizers read. */
export const ReviewFormSchema = z.object({
	fit: score,
	quality: score,
	novelty: score,
	note: z.string().trim().max(REVIEW_NOTE_MAX).optional(),
})
export type ReviewFormInput = z.infer<typeof ReviewFormSchema>

/**
 * The organizer's decision. It is staged: the application's status changes at once for the
 * organizers, but nobody is emailed until the fair's decisions are released.
 */
export const DecisionFormSchema = z.object({
	decision: z.enum(APPLICATION_DECISIONS),
	/** Goes into the decision email to the exhibitor (in their language, as typed). */
	note: z.string().trim().max(DECISION_NOTE_MAX).optional(),
})

/** POST /api/v1/applications/{id}/decision: `{decision, note?}`; unknown fields are refused. */
export const DecisionApiSchema = z.strictObject({
	decision: z.enum(APPLICATION_DECISIONS),
	/** Goes into the decision email to the exhibitor when the decisions are released. */
	note: z.string().trim().max(DECISION_NOTE_MAX).nullable().optional(),
})
export type DecisionApiInput = z.infer<typeof DecisionApiSchema>

/**
 * The release button's form. `pending` is the list the organizer saw (`id:status,...`): if it has
 * changed since (another organizer decided meanwhile), the release is refused and the page shows
 * the new list, so nobody is emailed about a decision the person pressing the button never saw.
 */
export const ReleaseFormSchema = z.object({
	// Not .optional(): an unticked checkbox is absent, and the refinement must still see it.
	confirm: z
		.string()
		.default('')
		.refine((v) => v === 'on'),
	pending: z.string().max(20_000).default(''),
})

/** The fingerprint of a list of staged decisions that ReleaseFormSchema's `pending` carries. */
export function pendingFingerprint(list: readonly { id: number; status: string }[]): string {
	return list.map((a) => `${a.id}:${a.status}`).join(',')
}

export const STATUS_FILTERS = ['all', ...APPLICATION_STATUSES] as const
/** Query values a list page may show after a POST redirect. */
export const REVIEW_NOTICES = ['released', 'release_changed', 'review_saved', 'decision_saved'] as const
export type ReviewNotice = (typeof REVIEW_NOTICES)[number]

const code = z
	.string()
	.trim()
	.max(60)
	.regex(/^[a-z0-9_]*$/)

/**
 * The list's address bar. A wrong or hand-edited value falls back to the default, never fails:
 * it is a GET page, and an old bookmark should still open.
 */
const ReviewListQuerySchema = z.object({
	status: z.enum(STATUS_FILTERS).catch('all').default('all'),
	category: code.catch('all').default('all'),
	legalForm: code.catch('all').default('all'),
	sort: z.enum(SORT_ORDERS).catch('arrived').default('arrived'),
})

export type ReviewListQuery = ReviewListFilter

export function parseReviewListQuery(params: URLSearchParams): ReviewListQuery {
	const base = ReviewListQuerySchema.parse({
		status: params.get('status') ?? undefined,
		category: params.get('category') || undefined,
		legalForm: params.get('legalForm') || undefined,
		sort: params.get('sort') ?? undefined,
	})
	// `needs` may repeat (?needs=power&needs=accessible), as checkboxes send it.
	const needs = NEEDS_FILTERS.filter((n) => params.getAll('needs').includes(n))
	return { ...base, needs }
}

/** The query string that shows the same list (for links to a detail page and back). */
export function reviewListSearch(query: ReviewListQuery, extra: Record<string, string | number> = {}): string {
	const params = new URLSearchParams()
	if (query.status !== 'all') params.set('status', query.status)
	if (query.category !== 'all') params.set('category', query.category)
	if (query.legalForm !== 'all') params.set('legalForm', query.legalForm)
	for (const need of query.needs) params.append('needs', need)
	if (query.sort !== 'arrived') params.set('sort', query.sort)
	for (const [key, value] of Object.entries(extra)) params.set(key, String(value))
	const text = params.toString()
	return text ? `?${text}` : ''
}

export function isFiltered(query: ReviewListQuery): boolean {
	return query.status !== 'all' || query.category !== 'all' || query.legalForm !== 'all' || query.needs.length > 0
}
