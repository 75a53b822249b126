// What a fair's stands may look like: the body of PUT /api/v1/fairs/{slug}/stands, the JSON import
// in the plan editor and the editor's form all go through standsBodySchema(extent). Coordinates
// are metres from the plan's top left. Messages are catalog keys under common:validation.
// Pure, no Node APIs: the plan editor in the browser imports it too.
import { z } from 'zod'
import { issueKey } from './input-fields.ts'

export const MAX_STANDS = 500
export const MAX_LABEL_LENGTH = 20
export const MAX_ZONE_LENGTH = 40
/** The largest plan side, in metres: a town square, not a county. */
export const MAX_PLAN_SIDE = 1000
/** The editor's grid: positions and sizes snap to half a metre. */
export const SNAP_METRES = 0.5
export const DEFAULT_PLAN: PlanExtent = { width: 40, height: 25 }

export type PlanExtent = { width: number; height: number }

/** Rectangles, edges included, meet within this (metres): floating-point sums must not overlap. */
const EPSILON = 1e-6

/** How two labels are compared: "a1 " and "A1" are the same stand. */
export function labelKey(label: string): string {
	return label.trim().toLocaleLowerCase('sr-Latn')
}

/** Square metres of a width × height rectangle, to two decimals. */
export function areaOf(width: number, height: number): number {
	return Math.round(width * height * 100) / 100
}

export function snap(value: number, step = SNAP_METRES): number {
	return Math.round(value / step) * step
}

const metres = z.number().finite()

export const StandSchema = z
	.object({
		label: z.string().trim().min(1).max(MAX_LABEL_LENGTH),
		x: metres.min(0),
		y: metres.min(0),
		width: metres.positive().max(MAX_PLAN_SIDE),
		height: metres.positive().max(MAX_PLAN_SIDE),
		/** Optional in practice: width × height when absent (CONTRACT.md names it; we accept its absence). */
		sizeM2: metres
			.positive()
			.max(MAX_PLAN_SIDE * MAX_PLAN_SIDE)
			.optional(),
		power: z.boolean().default(false),
		accessible: z.boolean().default(false),
		zone: z
			.string()
			.trim()
			.max(MAX_ZONE_LENGTH)
			.nullish()
			.transform((v) => v || null),
	})
	.transform((s) => ({ ...s, sizeM2: s.sizeM2 ?? areaOf(s.width, s.height) }))

export type StandInput = z.output<typeof StandSchema>

/** A stand's own fields (what PUT takes and the table keeps), picked from a row or any wider object. */
export function standFields(s: StandInput): StandInput {
	return { label: s.label, x: s.x, y: s.y, width: s.width, height: s.height, sizeM2: s.sizeM2, power: s.power, accessible: s.accessible, zone: s.zone }
}

export const PlanExtentSchema = z.object({
	width: metres.positive().max(MAX_PLAN_SIDE),
	height: metres.positive().max(MAX_PLAN_SIDE),
})

type Rect = { x: number; y: number; width: number; height: number }

/** Pairs [i, j] (i < j) of rectangles whose insides overlap; sharing an edge is fine. */
export function findOverlaps(rects: readonly Rect[]): Array<[number, number]> {
	const order = rects.map((_, i) => i).sort((i, j) => rects[i]!.x - rects[j]!.x || i - j)
	const pairs: Array<[number, number]> = []
	for (let p = 0; p < order.length; p++) {
		const a = rects[order[p]!]!
		for (let q = p + 1; q < order.length; q++) {
			const b = rects[order[q]!]!
			// Sorted by x: nothing further right can overlap a once b starts at or after its right edge.
			if (b.x >= a.x + a.width - EPSILON) break
			const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
			if (overlapY > EPSILON) {
				const i = order[p]!
				const j = order[q]!
				pairs.push(i < j ? [i, j] : [j, i])
			}
		}
	}
	return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1])
}

export type StandIssue = { path: Array<string | number>; key: string; values?: Record<string, string> }

/**
 * The rules between stands and against the plan: labels unique (trimmed, any case), every stand
 * inside the plan, no two overlapping. Paths are relative to the body ({stands: [...]}).
 */
export function standIssues(stands: readonly (Rect & { label: string })[], extent: PlanExtent): StandIssue[] {
	const issues: StandIssue[] = []
	const seen = new Map<string, number>()
	stands.forEach((s, i) => {
		const key = labelKey(s.label)
		const first = seen.get(key)
		if (first === undefined) seen.set(key, i)
		else issues.push({ path: ['stands', i, 'label'], key: 'standLabelTaken', values: { label: s.label.trim() } })
		if (s.x + s.width > extent.width + EPSILON) {
			issues.push({
				path: ['stands', i, 'x'],
				key: 'standOutsidePlan',
				values: { label: s.label.trim(), width: String(extent.width), height: String(extent.height) },
			})
		}
		if (s.y + s.height > extent.height + EPSILON) {
			issues.push({
				path: ['stands', i, 'y'],
				key: 'standOutsidePlan',
				values: { label: s.label.trim(), width: String(extent.width), height: String(extent.height) },
			})
		}
	})
	for (const [i, j] of findOverlaps(stands)) {
		issues.push({ path: ['stands', j], key: 'standOverlap', values: { label: stands[j]!.label.trim(), other: stands[i]!.label.trim() } })
	}
	return issues
}

/**
 * The stands body for a plan of this extent. The body may also carry the plan's extent
 * ({plan: {width, height}, stands}), as an export does: the stands are then checked against that
 * extent, which is saved with them.
 */
export function standsBodySchema(current: PlanExtent) {
	return z
		.object({
			plan: PlanExtentSchema.optional(),
			stands: z.array(StandSchema).max(MAX_STANDS),
		})
		.superRefine((body, ctx) => {
			for (const issue of standIssues(body.stands, body.plan ?? current)) {
				ctx.addIssue({ code: 'custom', path: issue.path, ...issueKey(issue.key, issue.values) })
			}
		})
}

export type StandsBody = z.output<ReturnType<typeof standsBodySchema>>

/**
 * The unpublished changes of a published plan as stored (floor_plans.draft_json): the extent and
 * the stands the editor saved. Checked again (standIssues) when it is published.
 */
export const PlanDraftSchema = z.object({ plan: PlanExtentSchema, stands: z.array(StandSchema).max(MAX_STANDS) })

export type PlanDraft = z.output<typeof PlanDraftSchema>

/** The stored text of a draft; null when it is missing or cannot be read (it is then ignored). */
export function parsePlanDraft(json: string | null): PlanDraft | null {
	if (!json) return null
	try {
		const parsed = PlanDraftSchema.safeParse(JSON.parse(json))
		return parsed.success ? parsed.data : null
	} catch {
		return null
	}
}

/** The next free label after the ones in use: "A1", "A2", … (the editor's "add a stand"). */
export function nextLabel(labels: readonly string[]): string {
	const taken = new Set(labels.map(labelKey))
	let best = 0
	let prefix = 'A'
	for (const label of labels) {
		const m = /^(.*?)(\d+)$/.exec(label.trim())
		if (m && Number(m[2]) >= best) {
			best = Number(m[2])
			prefix = m[1]!
		}
	}
	for (let n = best + 1; ; n++) {
		const candidate = `${prefix}${n}`.slice(0, MAX_LABEL_LENGTH)
		if (!taken.has(labelKey(candidate))) return candidate
	}
}

/** Natural order of labels, as a person reads a plan: A2 before A10. */
export const compareLabels = new Intl.Collator('sr-Latn', { numeric: true, sensitivity: 'base' }).compare

/** A plan measure as a form shows it: at most two decimals, no trailing zeros ("2.5", "3"). */
export const planNumberText = (n: number) => String(Math.round(n * 100) / 100)
