// The proposed stand allocation for a fair, solved in a worker thread (see
// app/services/workers/allocation-solver.server.ts); nothing is saved here.
//
// Preview and save are two steps, and the solve is asynchronous, so it cannot run inside the write
// transaction. The preview carries a `basis`: a hash of what the solve read (the stands, the
// accepted applications with their needs, preferences and the stand each was told, the pins). Saving
// (app/services/commands/allocation.server.ts) re-reads the same inside its transaction and refuses
// with 409 `allocation_stale` when the hash differs, so what is saved is exactly what was shown, and
// it is still optimal for the data as they are now. (Re-solving inside the transaction would need
// the MIP on the main thread, and would save something nobody saw.)
import { diffAllocations, type AllocationDiff } from '#app/domain/allocation/diff.ts'
import type { Assignment, Objective, PinProblem, Unassigned } from '#app/domain/allocation/model.ts'
import type { EventRow } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'
import { loadAllocationState } from '#app/services/queries/allocation.server.ts'
import { allocateStands, type SpreadReport } from '#app/services/workers/allocation-solver.server.ts'

export type AllocationPreview = {
	assignments: Assignment[]
	unplaced: Unassigned[]
	objective: Objective
	pinProblems: PinProblem[]
	changes: AllocationDiff
	spread: SpreadReport & { sameCategoryPairs: number }
	/** Hand back to commitAllocation: the save refuses if the data changed since. */
	basis: string
}

/**
 * The best allocation for the fair as it is now (nothing is saved). The exact optimum takes
 * milliseconds; spreading categories apart runs HiGHS in a worker thread for at most `timeLimitMs`.
 */
export async function previewAllocation(db: Db, event: EventRow, options: { timeLimitMs?: number; spread?: boolean } = {}): Promise<AllocationPreview> {
	const state = loadAllocationState(db, event)
	const outcome = await allocateStands(state.input, options)
	return {
		assignments: outcome.assignments,
		unplaced: outcome.unassigned,
		objective: outcome.objective,
		pinProblems: outcome.pinProblems,
		changes: diffAllocations(
			state.saved.filter((s) => state.accepted.some((a) => a.id === s.applicationId)),
			outcome.assignments,
		),
		spread: { ...outcome.spread, sameCategoryPairs: outcome.sameCategoryPairs },
		basis: state.basis,
	}
}
