/** What a proposed allocation changes, for the preview and the save's audit. */
import type { Assignment } from './model.ts'

export type AllocationDiff = {
	added: Array<{ applicationId: number; standLabel: string }>
	removed: Array<{ applicationId: number; standLabel: string }>
	moved: Array<{ applicationId: number; from: string; to: string }>
	unchanged: number
}

/** What changes from the current allocation to a proposed one, per application. */
export function diffAllocations(
	previous: readonly Pick<Assignment, 'applicationId' | 'standLabel'>[],
	next: readonly Pick<Assignment, 'applicationId' | 'standLabel'>[],
): AllocationDiff {
	const before = new Map(previous.map((x) => [x.applicationId, x.standLabel]))
	const after = new Map(next.map((x) => [x.applicationId, x.standLabel]))
	const result: AllocationDiff = { added: [], removed: [], moved: [], unchanged: 0 }
	for (const [applicationId, to] of after) {
		const from = before.get(applicationId)
		if (from === undefined) result.added.push({ applicationId, standLabel: to })
		else if (from !== to) result.moved.push({ applicationId, from, to })
		else result.unchanged++
	}
	for (const [applicationId, standLabel] of before) {
		if (!after.has(applicationId)) result.removed.push({ applicationId, standLabel })
	}
	return result
}
