// The plan editor's stands table as form values: one row of strings per stand (what the inputs
// hold), read from a posted form, with blank rows dropped, and turned into the body the stands
// schema checks. Shared by the editor in the browser and the server's form handler.

export type StandRowValues = {
	label: string
	x: string
	y: string
	width: string
	height: string
	sizeM2: string
	power: boolean
	accessible: boolean
	zone: string
}

export const BLANK_ROW: StandRowValues = { label: '', x: '', y: '', width: '', height: '', sizeM2: '', power: false, accessible: false, zone: '' }

/** The form's rows as posted, in order (stands[0].label, …). */
export function rowsFromForm(formData: FormData): Array<StandRowValues & { delete: boolean }> {
	const rows: Array<StandRowValues & { delete: boolean }> = []
	for (const [name, value] of formData) {
		const m = /^stands\[(\d{1,4})\]\.(\w+)$/.exec(name)
		if (!m || typeof value !== 'string') continue
		const i = Number(m[1])
		if (i >= 2000) continue
		const row = (rows[i] ??= { ...BLANK_ROW, delete: false })
		const field = m[2] as keyof StandRowValues | 'delete'
		if (field === 'power' || field === 'accessible' || field === 'delete') row[field] = value === 'on' || value === 'true'
		else if (field in BLANK_ROW) row[field] = value
	}
	return rows.filter(Boolean)
}

/** What remains to save: rows neither ticked for deletion nor left empty. */
export function rowsToKeep(rows: ReturnType<typeof rowsFromForm>): StandRowValues[] {
	return rows.filter((r) => !r.delete && !isBlank(r)).map(({ delete: _, ...r }) => r)
}

/** The rows as the stands body the schema checks: numbers as numbers ("2,5" too), empty as absent. */
export function bodyFromRows(rows: StandRowValues[]) {
	const number = (v: string) => (v.trim() === '' ? undefined : num(v))
	return {
		stands: rows.map((r) => ({
			label: r.label,
			...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, number(r[f])])),
			power: r.power,
			accessible: r.accessible,
			zone: r.zone,
		})),
	}
}

export const FIELDS = ['label', 'x', 'y', 'width', 'height', 'sizeM2'] as const

export const NUMBER_FIELDS = ['x', 'y', 'width', 'height', 'sizeM2'] as const

export const num = (value: string) => (value.trim() === '' ? NaN : Number(value.replace(',', '.')))

export const isBlank = (row: StandRowValues) => FIELDS.every((f) => row[f].trim() === '') && !row.zone.trim()
