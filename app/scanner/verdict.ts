// The verdict a phone shows at the door, decided from the cached dataset with the same rules the
// server uses (app/domain/checkin-rules.ts), then confirmed (or corrected) by the server.
import type { DoorAnswer, OfflineTicket } from '#app/domain/checkin-contract.ts'
import {
	decideScan,
	namesRegistration,
	verdictTone,
	type ScanResult,
	type ScanVerdict,
	type ScanVerification,
	type TicketState,
} from '#app/domain/checkin-rules.ts'
import { readTicketCode } from '#app/domain/ticket-code.ts'
import type { Dataset } from './scan-db.ts'
import { checkSignature, codeHash } from './ticket-code.ts'

/** 'grey': the phone could not decide (no dataset yet, offline); the scan is kept for the server. */
export type VerdictTone = 'green' | 'amber' | 'red' | 'grey'

export type Verdict = {
	nonce: string
	result: ScanResult | 'unknown'
	tone: VerdictTone
	name?: string
	partySize?: number
	/** The answers marked for the door (issue 18). */
	door?: DoorAnswer[]
	firstCheckedInAt?: string
	firstCheckedInBy?: string | null
	/** False when the event does not let a checked-in visitor come back in. */
	reentryAllowed?: boolean
	/** Whose answer this is: the phone's own, or the server's. */
	source: 'local' | 'server'
	/** A local verdict the server has not confirmed yet. */
	pending: boolean
	shownAt: number
}

export function toneOf(result: ScanResult | 'unknown'): VerdictTone {
	return result === 'unknown' ? 'grey' : verdictTone(result)
}

/** Check-ins this phone made that the dataset does not show yet (scans still in the queue). */
export type LocalCheckIns = Map<number, { at: string; by: string }>

export type LocalDecision =
	| { decided: true; result: ScanResult; registrationId?: number; ticket?: OfflineTicket; firstCheckedInAt?: string; firstCheckedInBy?: string | null }
	| { decided: false }

const indexes = new WeakMap<readonly OfflineTicket[], Map<number, OfflineTicket>>()

/** The dataset's ticket of a registration: by an index made once per dataset (30,000 tickets: no scan walks them). */
function findTicket(dataset: Dataset, registrationId: number): OfflineTicket | undefined {
	let index = indexes.get(dataset.tickets)
	if (!index) {
		index = new Map(dataset.tickets.map((ticket) => [ticket.registrationId, ticket]))
		indexes.set(dataset.tickets, index)
	}
	return index.get(registrationId)
}

/** A scanned code, decided from the dataset as the server would decide it (decideScan). */
export async function decideLocally(code: string, dataset: Dataset | undefined, local: LocalCheckIns, scannedAt: Date): Promise<LocalDecision> {
	if (!dataset) return { decided: false }
	const read = readTicketCode(code)
	let verification: ScanVerification = { valid: false }
	if (read.readable) {
		const signature = await checkSignature(read, dataset.keys)
		// A browser without Ed25519 cannot tell: better to ask the server than to refuse a guest.
		if (signature === 'unsupported') return { decided: false }
		if (signature === 'valid') verification = { valid: true, eventId: read.claims.eventId, registrationId: read.claims.registrationId }
	}
	const ticket = read.readable ? findTicket(dataset, read.claims.registrationId) : undefined
	let state: TicketState | undefined
	if (ticket && verification.valid && verification.eventId === dataset.event.id) {
		const currentCode = ticket.codeHash !== null && ticket.codeHash === (await codeHash(code))
		state = ticketState(ticket, dataset.event.id, local, currentCode)
	}
	return asLocalDecision(decideScan({ verification, ticket: state, scannerEventId: dataset.event.id, scannedAt }), ticket)
}

/**
 * A check-in picked from the name search, decided from the dataset as the server decides one: like
 * a scan of the ticket's current code (decideScan). Undecided for a registration the dataset does
 * not list (it may be newer than the list): the server will say.
 */
export function decideManually(registrationId: number, dataset: Dataset | undefined, local: LocalCheckIns, scannedAt: Date): LocalDecision {
	const ticket = dataset && findTicket(dataset, registrationId)
	if (!dataset || !ticket) return { decided: false }
	// The pick names the registration itself, so it stands for its current code, if it has one.
	const state = ticketState(ticket, dataset.event.id, local, ticket.codeHash !== null)
	const verification: ScanVerification = { valid: true, eventId: dataset.event.id, registrationId }
	return asLocalDecision(decideScan({ verification, ticket: state, scannerEventId: dataset.event.id, scannedAt }), ticket)
}

/**
 * A ticket of the dataset as decideScan takes it. Its first check-in is the earlier of the
 * dataset's and this phone's own (a check-in still queued, or acknowledged since the dataset came).
 */
function ticketState(ticket: OfflineTicket, eventId: number, local: LocalCheckIns, currentCode: boolean): TicketState {
	const mine = local.get(ticket.registrationId)
	const serverAt = ticket.checkedInAt ? new Date(ticket.checkedInAt) : null
	const localAt = mine ? new Date(mine.at) : null
	const first =
		serverAt && (!localAt || serverAt <= localAt) ? { at: serverAt, by: ticket.checkedInBy ?? null } : localAt ? { at: localAt, by: mine!.by } : null
	return {
		id: ticket.registrationId,
		eventId,
		status: ticket.status,
		currentCode,
		checkedInAt: first?.at ?? null,
		checkedInBy: first?.by ?? null,
	}
}

function asLocalDecision(verdict: ScanVerdict, ticket: OfflineTicket | undefined): LocalDecision {
	return {
		decided: true,
		result: verdict.result,
		registrationId: 'registrationId' in verdict && verdict.registrationId !== null ? verdict.registrationId : undefined,
		// The name and party size only where the server's answer gives them too.
		ticket: namesRegistration(verdict.result) ? ticket : undefined,
		firstCheckedInAt: 'firstCheckedInAt' in verdict ? verdict.firstCheckedInAt.toISOString() : undefined,
		firstCheckedInBy: verdict.result === 'already_checked_in' ? verdict.firstCheckedInBy : undefined,
	}
}
