// Paged API lists (CONTRACT.md, Registrations; issue 21): `?limit=` 1–1,000 (default 1,000) and
// `?cursor=` from the previous page's `next`. The order is the list's own (by id, as rows are
// created), and a cursor is the last id given, so a client that walks `next` gets every item
// exactly once, even while new ones arrive (they come after it). Clients treat the cursor as
// opaque; it names its list and the id ("registrations.1234"), so a cursor of another list is
// refused, not misread.
import { z } from 'zod'
import { issueKey } from './input-fields.ts'

export const PAGE_LIMIT_MAX = 1000

export type ListKind = 'registrations' | 'applications'

export function encodeCursor(kind: ListKind, afterId: number): string {
	return `${kind}.${afterId}`
}

export function decodeCursor(kind: ListKind, cursor: string): number | null {
	const [name, id, ...rest] = cursor.split('.')
	if (name !== kind || rest.length > 0 || !/^\d{1,15}$/.test(id ?? '')) return null
	return Number(id)
}

/** The query of a paged list: `limit` and the id after which it goes on (0: from the start). */
export function pageQuerySchema(kind: ListKind) {
	return z.object({
		limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_MAX),
		cursor: z
			.string()
			.optional()
			.transform((value, ctx) => {
				if (value === undefined || value === '') return 0
				const afterId = decodeCursor(kind, value)
				if (afterId === null) {
					ctx.addIssue({ code: 'custom', ...issueKey('cursor') })
					return z.NEVER
				}
				return afterId
			}),
	})
}

export type PageQuery = { limit: number; cursor: number }

/** A page from `limit + 1` rows read after the cursor: the items, and the cursor of the next page when there is one. */
export function pageOf<T extends { id: number }>(kind: ListKind, rows: readonly T[], limit: number): { items: T[]; next: string | null } {
	const items = rows.slice(0, limit)
	return { items, next: rows.length > limit ? encodeCursor(kind, items[items.length - 1]!.id) : null }
}
