// What an exhibitor sees of their application. Organizers decide first (the application's
// `status` changes at once) and release decisions together; until then the exhibitor still sees
// "submitted" (under review). Pure: the caller passes `now`.
import type { ApplicationDecision, ApplicationStatus, WithdrawalReason } from './vocabulary.ts'

export type StoredApplicationState = {
	status: ApplicationStatus
	releasedStatus: ApplicationDecision | null
	confirmBy: Date | null
	confirmedAt: Date | null
	withdrawnReason: WithdrawalReason | null
}

/** The status as the exhibitor may know it: the same words, "submitted" until a decision is released. */
export type ExhibitorStatus = ApplicationStatus

export type ExhibitorView = {
	/** The status as the exhibitor may know it. */
	status: ExhibitorStatus
	/** Accepted and confirmed participation. */
	confirmed: boolean
	/** Accepted, not yet confirmed, and the deadline has not passed. */
	canConfirm: boolean
	/** The confirmation deadline, for an accepted application awaiting confirmation. */
	confirmBy: Date | null
	/** Withdrawing still makes sense (not withdrawn, not rejected). */
	canWithdraw: boolean
	/** Withdrawn because acceptance was not confirmed in time. */
	confirmationMissed: boolean
}

export function exhibitorStatus(a: Pick<StoredApplicationState, 'status' | 'releasedStatus'>): ExhibitorStatus {
	if (a.status === 'withdrawn') return 'withdrawn'
	return a.releasedStatus ?? 'submitted'
}

/** Whether the exhibitor-visible decision lags behind the organizer's: the release would email them. */
export function hasUnreleasedDecision(a: Pick<StoredApplicationState, 'status' | 'releasedStatus'>): boolean {
	if (a.status === 'withdrawn' || a.status === 'submitted') return false
	return a.releasedStatus !== a.status
}

export function exhibitorView(a: StoredApplicationState, now: Date): ExhibitorView {
	const status = exhibitorStatus(a)
	const accepted = status === 'accepted' && a.status === 'accepted'
	const confirmed = accepted && a.confirmedAt !== null
	const canConfirm = accepted && !confirmed && a.confirmBy !== null && now < a.confirmBy
	return {
		status,
		confirmed,
		canConfirm,
		confirmBy: accepted && !confirmed ? a.confirmBy : null,
		canWithdraw: status !== 'withdrawn' && status !== 'rejected',
		confirmationMissed: a.status === 'withdrawn' && a.withdrawnReason === 'confirmation_missed',
	}
}
