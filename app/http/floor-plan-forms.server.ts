// The floor plan editor's forms that do more than call one command (/admin/events/{id}/plan): the
// stands table, the JSON import, the plan's size and its background upload. Each reads the form,
// checks it, calls the command, and gives back what the page shows again (the rows typed with their
// errors, or a form's problem) or, once saved, what the notice needs.
import type { TFunction } from 'i18next'
import { type StandRowValues } from '#app/domain/stand-rows.ts'
import type { Db } from '#app/utils/db.server.ts'
import { getEditedExtent, getPlanInfo } from '#app/services/queries/floor-plan.server.ts'
import { landmarkRowsFromForm, landmarksFromRows, landmarksSchema, BLANK_LANDMARK, type LandmarkRowValues } from '#app/domain/landmark-input.ts'
import { BLANK_ROW, bodyFromRows, rowsFromForm, rowsToKeep } from '#app/domain/stand-rows.ts'
import { MAX_IMAGE_BYTES } from '#app/domain/image-check.ts'
import { PlanExtentSchema, standsBodySchema } from '#app/domain/stand-input.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'
import type { Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { replaceLandmarks, saveEditedStands, setPlanBackground, setPlanExtent } from '#app/services/commands/floor-plan.server.ts'

export type EditorReply = { kind: 'editor'; rows: StandRowValues[]; errors: Record<string, string[]> }

export type LandmarksReply = { kind: 'landmarks'; rows: LandmarkRowValues[]; errors: Record<string, string[]> }

export type FormReply = { kind: 'form'; form: 'import' | 'extent' | 'background'; message: string; details?: string[] }

/** A saved change: how many assignments it dropped (stands that went away), and whether it went to the draft. */
export type Saved = { kind: 'saved'; dropped: number; draft?: boolean }

export type PlanUpload = { formData: FormData; file: Uint8Array | null; tooLarge: boolean }

/**
 * The posted form, with its one file (`file`) in memory; `tooLarge` (and no file) past the image
 * limit. A body the form cannot have sent is refused by readPageForm (400, 413, 415).
 */
export async function readPlanUpload(request: Request): Promise<PlanUpload> {
	const posted = await readPageForm(request, { uploads: true })
	const formData = new FormData()
	let file: Uint8Array | null = null
	let tooLarge = false
	for (const [name, value] of posted) {
		if (typeof value === 'string') formData.append(name, value)
		else if (name === 'file' && value.size > MAX_IMAGE_BYTES) tooLarge = true
		else if (name === 'file') file = new Uint8Array(await value.arrayBuffer())
	}
	return { formData, file: tooLarge ? null : file, tooLarge }
}

/** The stands table as posted (rows marked for deletion left out), with `more` blank rows added. */
export function standRowsWithMore(formData: FormData, more: number): EditorReply {
	return editorReply([...rowsToKeep(rowsFromForm(formData)), ...Array.from({ length: more }, () => BLANK_ROW)])
}

/** Saves the stands table (`t` reads `plan`, `common` and `api`). */
export function saveStandRows(db: Db, eventId: number, formData: FormData, t: TFunction, actor: Actor): EditorReply | Saved {
	const keep = rowsToKeep(rowsFromForm(formData))
	const parsed = standsBodySchema(getEditedExtent(db, eventId)).safeParse(bodyFromRows(keep), { error: makeZodErrorMap(t) })
	if (!parsed.success) return editorReply(keep, issuesToFields(parsed.error.issues))
	try {
		const result = saveEditedStands(db, eventId, parsed.data.stands, actor)
		return { kind: 'saved', dropped: result.dropped.length, draft: result.draft }
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		return editorReply(keep, { [error.field ?? 'stands']: [t(`api:errors.${error.code}`)] })
	}
}

/** The landmarks table as posted, with `more` blank rows added. */
export function landmarkRowsWithMore(formData: FormData, more: number): LandmarksReply {
	return { kind: 'landmarks', rows: [...landmarkRowsFromForm(formData), ...Array.from({ length: more }, () => BLANK_LANDMARK)], errors: {} }
}

/**
 * Saves the landmarks table (live, checked against the published plan's size). `t` reads `plan`
 * and `common`; the rule "inside the plan" speaks of landmarks (plan:landmarks.error).
 */
export function saveLandmarkRows(db: Db, eventId: number, formData: FormData, t: TFunction, actor: Actor): LandmarksReply | Saved {
	const rows = landmarkRowsFromForm(formData)
	const { width, height } = getPlanInfo(db, eventId)
	const common = makeZodErrorMap(t)
	const parsed = landmarksSchema({ width, height }).safeParse(landmarksFromRows(rows), {
		error: (issue) => {
			const params = (issue as { params?: { key?: string } & Record<string, unknown> }).params
			if (params?.key === 'landmarkOutsidePlan') return t('plan:landmarks.error.outsidePlan', params)
			if (issue.path?.at(-1) === 'kind') return t('plan:landmarks.error.kind')
			return common(issue)
		},
	})
	if (!parsed.success) return { kind: 'landmarks', rows, errors: issuesToFields(parsed.error.issues) }
	replaceLandmarks(db, eventId, parsed.data, actor)
	return { kind: 'saved', dropped: 0 }
}

/** Replaces the plan and its stands with an uploaded JSON export. */
export function importStandsFile(db: Db, eventId: number, upload: Pick<PlanUpload, 'file' | 'tooLarge'>, t: TFunction, actor: Actor): FormReply | Saved {
	const { file, tooLarge } = upload
	if (tooLarge || !file) return formReply('import', t(tooLarge ? 'import.tooLarge' : 'import.noFile'))
	let body: unknown
	try {
		body = JSON.parse(Buffer.from(file).toString('utf8'))
	} catch {
		return formReply('import', t('import.notJson'))
	}
	const parsed = standsBodySchema(getEditedExtent(db, eventId)).safeParse(body, { error: makeZodErrorMap(t) })
	if (!parsed.success) {
		const fields = issuesToFields(parsed.error.issues)
		return formReply(
			'import',
			t('import.invalid'),
			Object.entries(fields)
				.flatMap(([path, messages]) => messages.map((m) => `${path}: ${m}`))
				.slice(0, 20),
		)
	}
	try {
		const result = saveEditedStands(db, eventId, parsed.data.stands, actor, new Date(), parsed.data.plan)
		return { kind: 'saved', dropped: result.dropped.length, draft: result.draft }
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		return formReply('import', `${error.field ?? ''} ${t(`api:errors.${error.code}`)}`.trim())
	}
}

/** Sets the plan's size from the small form (a decimal comma accepted). */
export function savePlanExtent(db: Db, eventId: number, formData: FormData, t: TFunction, actor: Actor): FormReply | Saved {
	const parsed = PlanExtentSchema.safeParse(
		{ width: Number(String(formData.get('width') ?? '').replace(',', '.')), height: Number(String(formData.get('height') ?? '').replace(',', '.')) },
		{ error: makeZodErrorMap(t) },
	)
	if (!parsed.success) return formReply('extent', parsed.error.issues.map((i) => `${t(`field.${String(i.path[0])}`)}: ${i.message}`).join(' '))
	try {
		setPlanExtent(db, eventId, parsed.data, actor)
	} catch (error) {
		if (error instanceof ServiceError) return formReply('extent', t(`api:errors.${error.code}`))
		throw error
	}
	return { kind: 'saved', dropped: 0 }
}

/** Stores an uploaded background image. */
export function savePlanBackground(db: Db, eventId: number, upload: Pick<PlanUpload, 'file' | 'tooLarge'>, t: TFunction, actor: Actor): FormReply | Saved {
	const { file, tooLarge } = upload
	if (tooLarge) return formReply('background', t('common:validation.imageTooLarge'))
	if (!file || file.length === 0) return formReply('background', t('common:validation.imageEmpty'))
	try {
		setPlanBackground(db, eventId, file, actor)
	} catch (error) {
		if (error instanceof ServiceError) return formReply('background', t(`common:validation.${error.code}`))
		throw error
	}
	return { kind: 'saved', dropped: 0 }
}

const editorReply = (rows: StandRowValues[], errors: Record<string, string[]> = {}): EditorReply => ({ kind: 'editor', rows, errors })

const formReply = (form: FormReply['form'], message: string, details?: string[]): FormReply => ({ kind: 'form', form, message, details })
