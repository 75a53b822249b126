// Paged lists (domain/paging.ts): the cursor names its list and the last id; a page of limit + 1
// rows gives the items and the next cursor; the query schema refuses what is not a page.
import { describe, expect, test } from 'vitest'
import { decodeCursor, encodeCursor, pageOf, pageQuerySchema } from '#app/domain/paging.ts'

describe('paging', () => {
	test('a cursor is read back only by its own list', () => {
		expect(decodeCursor('registrations', encodeCursor('registrations', 1234))).toBe(1234)
		expect(decodeCursor('applications', encodeCursor('registrations', 1234))).toBeNull()
		for (const bad of ['', 'registrations', 'registrations.', 'registrations.-1', 'registrations.1.2', 'registrations.1e3', 'registrations.9999999999999999']) {
			expect(decodeCursor('registrations', bad), bad).toBeNull()
		}
	})

	test('a page of limit + 1 rows has a next cursor at its last item; a shorter one has none', () => {
		const rows = [1, 2, 3].map((id) => ({ id }))
		expect(pageOf('registrations', rows, 2)).toEqual({ items: [{ id: 1 }, { id: 2 }], next: 'registrations.2' })
		expect(pageOf('registrations', rows, 3)).toEqual({ items: rows, next: null })
	})

	test('the query: limit 1–1,000, default 1,000; no cursor is the start', () => {
		const schema = pageQuerySchema('registrations')
		expect(schema.parse({})).toEqual({ limit: 1000, cursor: 0 })
		expect(schema.parse({ limit: '5', cursor: 'registrations.40' })).toEqual({ limit: 5, cursor: 40 })
		for (const limit of ['0', '1001', 'x', '2.5']) expect(schema.safeParse({ limit }).success, limit).toBe(false)
		expect(schema.safeParse({ cursor: 'applications.4' }).success).toBe(false)
	})
})
