// Landmarks on a fair's floor plan (entrance, stage, info desk, zones…): what the editor's
// landmarks table may hold. Each is a rectangle in plan units (metres from the top left), with a
// kind from LANDMARK_KINDS and an optional label ("Glavni ulaz"); it must lie inside the plan and
// have a positive size. Landmarks may cover stands (a zone does). Messages for the plan rule are
// keys under plan:landmarks.error (landmarkErrorKey); the rest are common:validation.
// Pure, no Node APIs: the editor in the browser imports the row helpers.
import { z } from 'zod'
import { issueKey } from './input-fields.ts'
import { MAX_PLAN_SIDE, type PlanExtent } from './stand-input.ts'
import { LANDMARK_KINDS, type LandmarkKind } from './vocabulary.ts'

export const MAX_LANDMARKS = 100
export const MAX_LANDMARK_LABEL = 40
const EPSILON = 1e-6

export type LandmarkRowValues = { kind: string; label: string; x: string; y: string; width: string; height: string }
export const BLANK_LANDMARK: LandmarkRowValues = { kind: '', label: '', x: '', y: '', width: '', height: '' }
export const LANDMARK_NUMBER_FIELDS = ['x', 'y', 'width', 'height'] as const

const metres = z.number().finite()

export const LandmarkSchema = z.object({
	kind: z.enum(LANDMARK_KINDS),
	label: z
		.string()
		.trim()
		.max(MAX_LANDMARK_LABEL)
		.nullish()
		.transform((v) => v || null),
	x: metres.min(0),
	y: metres.min(0),
	width: metres.positive().max(MAX_PLAN_SIDE),
	height: metres.positive().max(MAX_PLAN_SIDE),
})

export type LandmarkInput = z.output<typeof LandmarkSchema>
export type Landmark = { kind: LandmarkKind; label: string | null; x: number; y: number; width: number; height: number }

/** The landmarks of a plan of this extent: each inside the plan. */
export function landmarksSchema(extent: PlanExtent) {
	const values = { width: String(extent.width), height: String(extent.height) }
	const inside = LandmarkSchema.superRefine((l, ctx) => {
		if (l.x + l.width > extent.width + EPSILON) ctx.addIssue({ code: 'custom', path: ['x'], ...issueKey('landmarkOutsidePlan', values) })
		if (l.y + l.height > extent.height + EPSILON) ctx.addIssue({ code: 'custom', path: ['y'], ...issueKey('landmarkOutsidePlan', values) })
	})
	return z.array(inside).max(MAX_LANDMARKS)
}

/** The landmarks table as posted (landmarks[0].kind, …), with rows ticked for deletion or left empty dropped. */
export function landmarkRowsFromForm(formData: FormData): LandmarkRowValues[] {
	const rows: Array<LandmarkRowValues & { delete: boolean }> = []
	for (const [name, value] of formData) {
		const m = /^landmarks\[(\d{1,3})\]\.(\w+)$/.exec(name)
		if (!m || typeof value !== 'string') continue
		const row = (rows[Number(m[1])] ??= { ...BLANK_LANDMARK, delete: false })
		const field = m[2]!
		if (field === 'delete') row.delete = value === 'on' || value === 'true'
		else if (field in BLANK_LANDMARK) row[field as keyof LandmarkRowValues] = value
	}
	return rows.filter((r) => r && !r.delete && !isBlankLandmark(r)).map(({ delete: _, ...r }) => r)
}

export const isBlankLandmark = (row: LandmarkRowValues) => LANDMARK_NUMBER_FIELDS.every((f) => row[f].trim() === '') && !row.label.trim() && !row.kind

/** The rows as the list the schema checks: numbers as numbers ("2,5" too), empty as absent. */
export function landmarksFromRows(rows: readonly LandmarkRowValues[]) {
	const number = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')))
	return rows.map((r) => ({ kind: r.kind || undefined, label: r.label, ...Object.fromEntries(LANDMARK_NUMBER_FIELDS.map((f) => [f, number(r[f])])) }))
}

export function landmarkRowValues(l: Landmark): LandmarkRowValues {
	return { kind: l.kind, label: l.label ?? '', x: String(l.x), y: String(l.y), width: String(l.width), height: String(l.height) }
}
