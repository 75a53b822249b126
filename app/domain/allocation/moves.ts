/**
 * Why an exhibitor who was already emailed its stand would not keep it: what the preview says
 * beside each such move (decision 0010). The solver moves a told exhibitor only when it must: the
 * stand is gone, no longer meets the needs, or is pinned to someone else; or moving is the only way
 * to place more exhibitors (the second criterion comes after the count). For that last reason the
 * gain is measured: the same fair solved with every keepable told stand pinned places `more` fewer.
 */
import { allocateExact } from './exact.ts'
import { fits, keepsToldStand, type AllocationInput, type AllocationResult, type Pin } from './model.ts'

export type MoveReason =
	| { kind: 'stand_gone' }
	| { kind: 'stand_does_not_fit' }
	| { kind: 'stand_pinned'; applicationId: number }
	| { kind: 'pinned_elsewhere' }
	/** Keeping every told exhibitor where it is would place `more` fewer exhibitors. */
	| { kind: 'place_more'; more: number }

export type ToldMove = { applicationId: number; from: string; to: string | null; reason: MoveReason }

/** The told exhibitors `result` does not keep on their stand, each with the reason. */
export function explainMoves(input: AllocationInput, result: Pick<AllocationResult, 'assignments' | 'objective'>): ToldMove[] {
	const standOf = new Map(result.assignments.map((x) => [x.applicationId, x]))
	const standByLabel = new Map(input.stands.map((s) => [s.label, s]))
	const locked = new Map(result.assignments.filter((x) => x.locked).map((x) => [x.standLabel, x.applicationId]))
	const moves: ToldMove[] = []
	const keepable: Pin[] = []
	let needsGain = false
	for (const application of input.applications) {
		const told = application.toldStand
		if (told == null) continue
		const placed = standOf.get(application.id)
		const stand = standByLabel.get(told)
		const holder = locked.get(told)
		const fitsTold = stand !== undefined && fits(stand, application)
		if (fitsTold && holder === undefined && !placed?.locked) keepable.push({ applicationId: application.id, standLabel: told })
		if (keepsToldStand(application, placed?.standLabel)) continue
		const reason: MoveReason | null = !stand
			? { kind: 'stand_gone' }
			: !fitsTold
				? { kind: 'stand_does_not_fit' }
				: placed?.locked
					? { kind: 'pinned_elsewhere' }
					: holder !== undefined && holder !== application.id
						? { kind: 'stand_pinned', applicationId: holder }
						: null
		if (reason === null) needsGain = true
		moves.push({ applicationId: application.id, from: told, to: placed?.standLabel ?? null, reason: reason ?? { kind: 'place_more', more: 0 } })
	}
	if (!needsGain) return moves
	// Only when someone moved though its stand was there for it (rare): one more exact solve.
	const kept = allocateExact({ ...input, pins: [...(input.pins ?? []), ...keepable] })
	const more = Math.max(0, result.objective.assigned - kept.objective.assigned)
	return moves.map((m) => (m.reason.kind === 'place_more' ? { ...m, reason: { kind: 'place_more', more } } : m))
}
