// The scanner's state, outside React: the event's dataset, the queue of scans, the network and
// the verdict on screen. Every scan is decided on the phone at once (no waiting for the network
// at the door), written to the queue, and then confirmed by the server when it can be reached.
import type { OfflineTicket, ScanAnswer } from '#app/domain/checkin-contract.ts'
import { MAX_SCANNED_CODE_LENGTH } from '#app/domain/checkin-limits.ts'
import { isSameArrival } from '#app/domain/checkin-rules.ts'
import { AccessError, OfflineError, fetchDataset, fetchStats, sendManualCheckIn, sendScan, type Access, type Stats } from './api.ts'
import { signal } from './feedback.ts'
import {
	countQueued,
	deleteDataset,
	enqueueScan,
	loadDataset,
	openDataset,
	queuedScans,
	removeQueued,
	saveDataset,
	type Dataset,
	type QueuedScan,
} from './scan-db.ts'
import { syncQueuedScans, type SyncReport } from './queue-sync.ts'
import { decideLocally, decideManually, toneOf, type LocalCheckIns, type Verdict } from './verdict.ts'

export const REFRESH_MS = 30_000
const RETRY_OFFLINE_MS = 10_000

export type AccessProblem = 'expired' | 'forbidden' | 'not_found' | 'login'

export type SessionState = {
	slug: string
	title: string | undefined
	/** When the offline dataset was last received, and how many tickets it has. */
	datasetAt: string | undefined
	/** The event's start and end (ISO), from the dataset: a scanner opened on another day says so. */
	eventTimes: { startsAt: string; endsAt: string } | undefined
	tickets: number
	online: boolean
	queued: number
	syncing: boolean
	/** The server's counts when it answers; offline, the phone's own count from its list. */
	stats: (Stats & { source: 'server' | 'phone' }) | undefined
	problem: AccessProblem | undefined
	verdict: Verdict | undefined
	lastSync: SyncReport | undefined
}

export class ScannerSession {
	private state: SessionState
	private listeners = new Set<() => void>()
	private dataset: Dataset | undefined
	private local: LocalCheckIns = new Map()
	/** Scans the server acknowledged, by registration: the local check-in stays until a newer dataset. */
	private acknowledged = new Map<number, number>()
	/**
	 * The codes this phone decided lately (within REREAD_WINDOW_MS: isSameArrival), by code: when
	 * (performance.now()), the scan's nonce and the verdict shown for it (the server's, once it came).
	 */
	private recent = new Map<string, { at: number; nonce: string; verdict?: Verdict }>()
	/** Stats requests made, and the latest one whose answer is shown (an older answer arriving late is dropped). */
	private statsAsked = 0
	private statsShown = 0
	private timer: ReturnType<typeof setTimeout> | undefined
	private syncing: Promise<void> | undefined
	private stopped = false
	private networkFailed = false

	constructor(
		readonly access: Access,
		slug: string,
		readonly deviceId: string,
	) {
		this.state = {
			slug,
			title: undefined,
			datasetAt: undefined,
			eventTimes: undefined,
			tickets: 0,
			online: typeof navigator === 'undefined' ? true : navigator.onLine,
			queued: 0,
			syncing: false,
			stats: undefined,
			problem: undefined,
			verdict: undefined,
			lastSync: undefined,
		}
	}

	// ---- for React (useSyncExternalStore) ----

	subscribe = (listener: () => void) => {
		this.listeners.add(listener)
		return () => this.listeners.delete(listener)
	}

	getSnapshot = () => this.state

	private set(patch: Partial<SessionState>) {
		this.state = { ...this.state, ...patch }
		for (const listener of this.listeners) listener()
	}

	// ---- life cycle ----

	async start() {
		// Started again after a stop (React's StrictMode does that in development): carry on.
		this.stopped = false
		window.addEventListener('online', this.onOnline)
		window.addEventListener('offline', this.onOffline)
		this.dataset = openDataset(await loadDataset(this.state.slug).catch(() => undefined))
		await this.rebuildLocalCheckIns()
		this.showDataset()
		await this.refreshQueueCount()
		void this.tick()
	}

	stop() {
		this.stopped = true
		clearTimeout(this.timer)
		window.removeEventListener('online', this.onOnline)
		window.removeEventListener('offline', this.onOffline)
	}

	private onOnline = () => {
		this.networkFailed = false
		this.set({ online: true })
		void this.tick()
	}

	private onOffline = () => {
		this.set({ online: false })
	}

	private isOnline() {
		return navigator.onLine && !this.networkFailed
	}

	/** Refresh the dataset, send the queue, read the counts; then again in 30 s (10 s while offline). */
	private async tick() {
		clearTimeout(this.timer)
		if (this.stopped || this.state.problem) return
		if (navigator.onLine) {
			try {
				await this.refresh()
				await this.sync()
				await this.loadStats()
				this.markOnline()
			} catch (error) {
				this.handleFailure(error)
			}
		}
		if (!this.isOnline()) this.countOnPhone()
		if (this.stopped || this.state.problem) return
		this.timer = setTimeout(() => void this.tick(), this.isOnline() ? REFRESH_MS : RETRY_OFFLINE_MS)
	}

	/** Fetches the event's keys and tickets and keeps them in IndexedDB for offline use. */
	async refresh() {
		const startedAt = Date.now()
		const stored = await fetchDataset(this.access, this.state.slug)
		const dataset = openDataset(stored)
		// An answer that does not decode is no answer from our server (a proxy's, a captive portal's).
		if (!dataset) throw new OfflineError('offline dataset not readable')
		await saveDataset(stored)
		this.dataset = dataset
		// A check-in the server acknowledged before this dataset was made is in it now.
		for (const [registrationId, ackedAt] of this.acknowledged) {
			if (ackedAt < startedAt) {
				this.acknowledged.delete(registrationId)
				this.local.delete(registrationId)
			}
		}
		this.showDataset()
	}

	private async loadStats() {
		const asked = ++this.statsAsked
		const stats = await fetchStats(this.access, this.state.slug)
		if (asked < this.statsShown) return
		this.statsShown = asked
		this.set({ stats: { ...stats, source: 'server' } })
	}

	/**
	 * After a verdict the server gave: its counts at once, read again rather than added up on the
	 * phone, so other phones' scans since the last read are in them too.
	 */
	private reloadStatsAfterVerdict() {
		void this.loadStats().then(
			() => this.markOnline(),
			(error: unknown) => this.handleFailure(error),
		)
	}

	/** Offline: the counts as this phone knows them (its list, plus its own check-ins). */
	private countOnPhone() {
		if (!this.dataset) return
		let registered = 0
		let checkedIn = 0
		let persons = 0
		for (const ticket of this.localTickets()) {
			if (ticket.status !== 'confirmed') continue
			registered += ticket.partySize
			if (ticket.checkedInAt) {
				checkedIn++
				persons += ticket.partySize
			}
		}
		this.set({ stats: { registered, checkedIn, persons, source: 'phone' } })
	}

	private showDataset() {
		const event = this.dataset?.event
		this.set({
			title: event?.title,
			datasetAt: this.dataset?.fetchedAt,
			// A dataset kept by an older version of the page has no times: no notice until the next one.
			eventTimes: event?.startsAt && event.endsAt ? { startsAt: event.startsAt, endsAt: event.endsAt } : undefined,
			tickets: this.dataset?.tickets.length ?? 0,
		})
	}

	/** After a reload, this phone's own check-ins that the server has not acknowledged yet. */
	private async rebuildLocalCheckIns() {
		const queued = await queuedScans(this.state.slug).catch(() => [])
		for (const scan of queued) {
			if (scan.localResult === 'ok' && scan.registrationId !== undefined && !this.local.has(scan.registrationId)) {
				this.local.set(scan.registrationId, { at: scan.scannedAt, by: this.deviceId })
			}
		}
	}

	private async refreshQueueCount() {
		this.set({ queued: await countQueued(this.state.slug).catch(() => this.state.queued) })
	}

	private markOnline() {
		if (this.networkFailed || !this.state.online) {
			this.networkFailed = false
			this.set({ online: true })
		}
	}

	private handleFailure(error: unknown) {
		if (error instanceof OfflineError) {
			this.networkFailed = true
			this.set({ online: false })
			return
		}
		if (error instanceof AccessError) {
			this.markOnline()
			const problem: AccessProblem = error.status === 403 ? 'forbidden' : this.access.kind === 'session' ? 'login' : 'expired'
			clearTimeout(this.timer)
			this.set({ problem })
			// A link that no longer works must not leave names on the phone.
			if (problem === 'expired' || problem === 'forbidden') void deleteDataset(this.state.slug).catch(() => undefined)
			this.dataset = undefined
			this.showDataset()
			return
		}
		if ((error as { status?: number }).status === 404) {
			this.set({ problem: 'not_found' })
			return
		}
		console.warn('scanner:', error)
	}

	// ---- scanning ----

	/**
	 * A QR text from the camera (or a handheld scanner typing into the code field). The same code
	 * read again soon after this phone's verdict on it (isSameArrival: the visitor still holds the
	 * ticket up) is no new scan: its verdict stays on screen, nothing is queued or sent.
	 */
	scanCode(code: string) {
		// The API takes at most MAX_SCANNED_CODE_LENGTH characters; no ticket is anywhere near that.
		const text = code.trim().slice(0, MAX_SCANNED_CODE_LENGTH)
		const now = performance.now()
		for (const [seen, read] of this.recent) if (!isSameArrival(read.at, now)) this.recent.delete(seen)
		const earlier = this.recent.get(text)
		if (earlier) {
			this.showAgain(earlier.nonce)
			return Promise.resolve()
		}
		const nonce = crypto.randomUUID()
		this.recent.set(text, { at: now, nonce })
		return this.record({ code: text }, nonce)
	}

	/** A check-in picked from the name search (the visitor's phone is dead). */
	checkInManually(registrationId: number) {
		return this.record({ registrationId }, crypto.randomUUID())
	}

	/**
	 * A re-read of a code just decided: its verdict (as the server corrected it, if it did) stays on
	 * screen a while longer, or comes back, silently. Another visitor's verdict on screen stays.
	 */
	private showAgain(nonce: string) {
		const shown = this.state.verdict
		if (shown && shown.nonce !== nonce) return
		const verdict = shown ?? this.recentVerdict(nonce)
		if (verdict) this.set({ verdict: { ...verdict, shownAt: Date.now() } })
	}

	private recentVerdict(nonce: string): Verdict | undefined {
		for (const read of this.recent.values()) if (read.nonce === nonce) return read.verdict
		return undefined
	}

	private remember(verdict: Verdict) {
		for (const read of this.recent.values()) if (read.nonce === verdict.nonce) read.verdict = verdict
	}

	private async record(what: { code: string } | { registrationId: number }, nonce: string) {
		const scannedAt = new Date()
		const decision =
			'code' in what
				? await decideLocally(what.code, this.dataset, this.local, scannedAt)
				: decideManually(what.registrationId, this.dataset, this.local, scannedAt)
		const registrationId = decision.decided ? decision.registrationId : 'registrationId' in what ? what.registrationId : undefined
		const result = decision.decided ? decision.result : 'unknown'
		const verdict: Verdict = {
			nonce,
			result,
			tone: toneOf(result),
			name: decision.decided ? decision.ticket?.name : undefined,
			partySize: decision.decided ? decision.ticket?.partySize : undefined,
			door: decision.decided ? decision.ticket?.door : undefined,
			firstCheckedInAt: decision.decided ? decision.firstCheckedInAt : undefined,
			firstCheckedInBy: decision.decided ? decision.firstCheckedInBy : undefined,
			reentryAllowed: this.dataset?.event.reentryAllowed,
			source: 'local',
			pending: true,
			shownAt: Date.now(),
		}
		this.remember(verdict)
		this.set({ verdict })
		signal(verdict.tone)
		if (result === 'ok' && registrationId !== undefined) this.local.set(registrationId, { at: scannedAt.toISOString(), by: this.deviceId })

		const scan: QueuedScan = {
			nonce,
			event: this.state.slug,
			scannedAt: scannedAt.toISOString(),
			...('code' in what ? { code: what.code } : {}),
			...(registrationId !== undefined ? { registrationId } : {}),
			...(decision.decided ? { localResult: decision.result } : {}),
		}
		await enqueueScan(scan)
		await this.refreshQueueCount()
		if (!this.isOnline() || this.state.problem) {
			this.countOnPhone()
			return
		}
		try {
			const answer =
				'code' in what
					? await sendScan(this.access, this.deviceId, { ...scan, code: what.code })
					: await sendManualCheckIn(this.access, this.deviceId, { ...scan, registrationId: what.registrationId })
			this.markOnline()
			await removeQueued([nonce])
			await this.refreshQueueCount()
			this.confirm(nonce, answer)
			this.reloadStatsAfterVerdict()
		} catch (error) {
			this.handleFailure(error)
			// The scan stays queued; the batch sync sends it when the network is back.
			if (this.state.verdict?.nonce === nonce && !this.isOnline()) this.set({ verdict: { ...this.state.verdict, pending: true } })
		}
	}

	/**
	 * The server's answer to a scan (a batch result carries only part of one): it wins. A different
	 * verdict replaces the one on screen; one no longer on screen is kept for a re-read (showAgain).
	 */
	private confirm(nonce: string, answer: Pick<ScanAnswer, 'result'> & Partial<ScanAnswer>) {
		const id = answer.registration?.id
		if (id !== undefined && (answer.result === 'ok' || answer.result === 'already_checked_in')) {
			const at = answer.firstCheckedInAt ?? new Date().toISOString()
			this.local.set(id, { at, by: answer.firstCheckedInBy ?? this.deviceId })
			this.acknowledged.set(id, Date.now())
		}
		const onScreen = this.state.verdict?.nonce === nonce
		const shown = onScreen ? this.state.verdict : this.recentVerdict(nonce)
		if (!shown) return
		const changed = shown.result !== answer.result
		const verdict: Verdict = {
			...shown,
			result: answer.result,
			tone: toneOf(answer.result),
			name: answer.registration?.name ?? shown.name,
			partySize: answer.registration?.partySize ?? shown.partySize,
			door: answer.registration?.door ?? shown.door,
			firstCheckedInAt: answer.result === 'already_checked_in' ? (answer.firstCheckedInAt ?? shown.firstCheckedInAt) : shown.firstCheckedInAt,
			firstCheckedInBy: answer.firstCheckedInBy ?? shown.firstCheckedInBy,
			reentryAllowed: answer.reentryAllowed ?? shown.reentryAllowed,
			source: 'server',
			pending: false,
			shownAt: changed ? Date.now() : shown.shownAt,
		}
		this.remember(verdict)
		if (!onScreen) return
		this.set({ verdict })
		if (changed) signal(verdict.tone)
	}

	/** The dataset's tickets as this phone knows them (its own check-ins included), for the name search. */
	localTickets(): OfflineTicket[] {
		return (this.dataset?.tickets ?? []).map((ticket) => {
			const mine = this.local.get(ticket.registrationId)
			return ticket.checkedInAt || !mine ? ticket : { ...ticket, checkedInAt: mine.at, checkedInBy: mine.by }
		})
	}

	dismissVerdict() {
		if (this.state.verdict) this.set({ verdict: undefined })
	}

	// ---- sync ----

	/** Sends the waiting scans through the batch endpoint; removes only what the server acknowledged. */
	sync(): Promise<void> {
		this.syncing ??= this.syncQueue().finally(() => {
			this.syncing = undefined
			this.set({ syncing: false })
		})
		return this.syncing
	}

	/** Sync now (the "send" button, or the network coming back). */
	async syncNow() {
		try {
			await this.sync()
			await this.loadStats()
			this.markOnline()
		} catch (error) {
			this.handleFailure(error)
		}
	}

	private async syncQueue() {
		if ((await countQueued(this.state.slug)) === 0) return
		this.set({ syncing: true })
		const report = await syncQueuedScans(this.access, this.deviceId, this.state.slug, async (acknowledged) => {
			this.markOnline()
			for (const { scan, result, firstCheckedInAt } of acknowledged) {
				if (scan.registrationId !== undefined && (result === 'ok' || result === 'already_checked_in')) this.acknowledged.set(scan.registrationId, Date.now())
				this.confirm(scan.nonce, { result, firstCheckedInAt })
			}
			await this.refreshQueueCount()
		})
		if (report) this.set({ lastSync: report })
	}
}
