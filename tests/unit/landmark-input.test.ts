// The plan editor's landmarks table as a form: rows read in order, empty and ticked rows dropped,
// "2,5" read as a number, and every landmark inside the plan with a known kind and a positive size.
import { describe, expect, test } from 'vitest'
import { landmarkRowsFromForm, landmarksFromRows, landmarksSchema } from '#app/domain/landmark-input.ts'

function form(fields: Record<string, string>) {
	const data = new FormData()
	for (const [k, v] of Object.entries(fields)) data.append(k, v)
	return data
}

describe('landmarks from the editor form', () => {
	test('reads the rows, dropping empty ones and those ticked for deletion', () => {
		const rows = landmarkRowsFromForm(
			form({
				'landmarks[0].kind': 'entrance',
				'landmarks[0].x': '0',
				'landmarks[0].y': '2,5',
				'landmarks[0].width': '3',
				'landmarks[0].height': '2',
				'landmarks[1].kind': 'stage',
				'landmarks[1].delete': 'on',
				'landmarks[2].kind': '',
				'landmarks[2].x': '',
				'landmarks[3].label': 'Bez vrste',
			}),
		)
		expect(rows.map((r) => r.kind || r.label)).toEqual(['entrance', 'Bez vrste'])
		expect(landmarksFromRows(rows)[0]).toEqual({ kind: 'entrance', label: '', x: 0, y: 2.5, width: 3, height: 2 })
	})

	test('inside the plan, a known kind, a positive size; an empty label is none', () => {
		const schema = landmarksSchema({ width: 40, height: 25 })
		expect(schema.parse([{ kind: 'info', label: ' ', x: 37, y: 0, width: 3, height: 2 }])).toEqual([
			{ kind: 'info', label: null, x: 37, y: 0, width: 3, height: 2 },
		])
		const result = schema.safeParse([
			{ kind: 'info', label: null, x: 38, y: 24, width: 3, height: 2 },
			{ kind: 'fountain', x: 0, y: 0, width: 1, height: 1 },
			{ kind: 'zone', x: 0, y: 0, width: 0, height: 1 },
		])
		expect(result.success).toBe(false)
		expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['0.x', '0.y', '1.kind', '2.width'])
	})
})
