// The scanner as the volunteer uses it (browser only: mounted after hydration). It decides whose
// phone this is (a scanner link's token, or a logged-in organizer), then shows the event, the
// network and queue state, the start button for the camera and the name search.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { eventDay } from '#app/domain/checkin-rules.ts'
import { formatLongDate, formatNumber, formatTime } from '#app/domain/format.ts'
import { useLocale } from '#app/utils/use-locale.ts'
import { adoptLinkFromAddress, deviceId, forgetStoredLink } from './access.ts'
import type { Access } from './api.ts'
import { CameraView } from './camera-view.tsx'
import { prepareQrDetector } from './detector.ts'
import { unlockAudio } from './feedback.ts'
import { ManualCheckIn } from './manual-checkin.tsx'
import { registerScannerWorker, warmOfflineCache } from './offline-shell.ts'
import { ScannerSession, type SessionState } from './scanner-session.ts'
import { VerdictOverlay } from './verdict-overlay.tsx'

type Setup = { access: Access; slug: string; viaLink: boolean } | { none: true }

export function ScannerApp({ organizer }: { organizer: boolean }) {
	const { t } = useTranslation('scan')
	const [setup, setSetup] = useState<Setup>()

	useEffect(() => {
		const link = adoptLinkFromAddress()
		const wanted = new URL(window.location.href).searchParams.get('event')
		if (link && (!wanted || wanted === link.event || !organizer)) {
			setSetup({ access: { kind: 'token', token: link.token }, slug: link.event, viaLink: true })
		} else if (organizer && wanted) {
			setSetup({ access: { kind: 'session' }, slug: wanted, viaLink: false })
		} else {
			setSetup({ none: true })
		}
	}, [organizer])

	if (!setup) return <p className="muted">{t('loading')}</p>
	if ('none' in setup) {
		return organizer ? null : (
			<>
				<p>{t('intro')}</p>
				<p className="notice">{t('noAccess')}</p>
			</>
		)
	}
	return <EventScanner key={`${setup.slug}:${setup.access.kind}`} access={setup.access} slug={setup.slug} viaLink={setup.viaLink} />
}

function EventScanner({ access, slug, viaLink }: { access: Access; slug: string; viaLink: boolean }) {
	const { t } = useTranslation('scan')
	const [device] = useState(deviceId)
	const [session] = useState(() => new ScannerSession(access, slug, device))
	const state = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot)
	const [scanning, setScanning] = useState(false)

	useEffect(() => {
		void session.start()
		// Fetch the QR reader now, while there is a network, and let the worker keep every file.
		void registerScannerWorker()
			.then(() =>
				prepareQrDetector().then(
					() => true,
					() => false,
				),
			)
			.then((complete) => warmOfflineCache(complete))
		return () => session.stop()
	}, [session])

	const onCode = useCallback((code: string) => void session.scanCode(code), [session])
	const closeCamera = useCallback(() => setScanning(false), [])
	const dismiss = useCallback(() => session.dismissVerdict(), [session])

	function start() {
		unlockAudio()
		setScanning(true)
	}

	function forget() {
		forgetStoredLink()
		window.location.assign('/scan')
	}

	const status = <ScanStatus state={state} />
	// A refused link or a vanished event: nothing to scan for.
	const blocked = state.problem === 'expired' || state.problem === 'forbidden' || state.problem === 'not_found'

	return (
		<div className="scanner" data-online={state.online ? 'true' : 'false'} data-queued={state.queued}>
			<p className="scan-event-title">{state.title ?? slug}</p>
			{state.problem ? (
				<div className="notice danger" role="alert">
					<p>
						<strong>{t(`problem.${state.problem}`)}</strong>
					</p>
					{state.problem === 'expired' || state.problem === 'forbidden' ? (
						<>
							{state.queued > 0 ? <p>{t('problem.unsent', { count: state.queued })}</p> : null}
							{viaLink ? (
								<button type="button" className="button secondary small" onClick={forget}>
									{t('problem.forget')}
								</button>
							) : null}
						</>
					) : state.problem === 'login' ? (
						<a className="button small" href={`/admin/login?redirectTo=${encodeURIComponent(`/scan?event=${slug}`)}`}>
							{t('problem.logIn')}
						</a>
					) : null}
				</div>
			) : null}
			{state.eventTimes && !blocked ? <NotToday times={state.eventTimes} /> : null}
			<div className="scan-status">{status}</div>
			{blocked ? null : (
				<button type="button" className="button scan-start" onClick={start}>
					{t('start')}
				</button>
			)}
			{blocked ? null : <DatasetLine state={state} />}
			{state.stats ? <Counts stats={state.stats} /> : null}
			<SyncLine state={state} onSync={() => void session.syncNow()} />
			{blocked ? null : <ManualCheckIn session={session} online={state.online} />}
			<p className="muted">{t('device', { id: device })}</p>
			{scanning ? <CameraView onCode={onCode} onClose={closeCamera} status={status} /> : null}
			{state.verdict ? <VerdictOverlay verdict={state.verdict} deviceId={device} onDismiss={dismiss} /> : null}
		</div>
	)
}

function ScanStatus({ state }: { state: SessionState }) {
	const { t } = useTranslation('scan')
	return (
		<>
			<span className={`scan-pill ${state.online ? 'online' : 'offline'}`} data-testid="network">
				{state.online ? t('status.online') : t('status.offline')}
			</span>
			<span className={`scan-pill ${state.queued > 0 ? 'waiting' : 'quiet'}`} data-testid="queued" data-count={state.queued}>
				{state.syncing ? t('status.syncing') : state.queued > 0 ? t('status.waiting', { count: state.queued }) : t('status.allSent')}
			</span>
		</>
	)
}

/**
 * A scanner opened before or after the event's day(s): says so, with the date, and scans all the
 * same. Also on the organizer's page without JavaScript (routes/scan.tsx).
 */
export function NotToday({ times }: { times: { startsAt: string; endsAt: string } }) {
	const { t } = useTranslation('scan')
	const locale = useLocale()
	const startsAt = new Date(times.startsAt)
	const endsAt = new Date(times.endsAt)
	const day = eventDay({ startsAt, endsAt }, new Date())
	if (day === 'during') return null
	const first = formatLongDate(startsAt, locale)
	const last = formatLongDate(endsAt, locale)
	return (
		<div className="notice" role="note" data-testid="not-today" data-day={day}>
			<p>
				<strong>{t(`notToday.${day}`)}</strong>
			</p>
			<p>
				{t('notToday.date', { date: first === last ? first : t('notToday.range', { first, last }) })} {t('notToday.still')}
			</p>
		</div>
	)
}

function DatasetLine({ state }: { state: SessionState }) {
	const { t } = useTranslation('scan')
	const locale = useLocale()
	if (!state.datasetAt) return <p className="notice">{t('status.noDataset')}</p>
	return <p className="muted">{t('status.dataset', { count: state.tickets, time: formatTime(new Date(state.datasetAt), locale) })}</p>
}

function Counts({ stats }: { stats: NonNullable<SessionState['stats']> }) {
	const { t } = useTranslation('scan')
	const locale = useLocale()
	return (
		<>
			<div className="scan-counts" data-testid="counts" data-source={stats.source}>
				<div>
					<strong>{formatNumber(stats.persons, locale)}</strong>
					<span>{t('counts.persons', { count: stats.persons })}</span>
				</div>
				<div>
					<strong>{formatNumber(stats.registered, locale)}</strong>
					<span>{t('counts.registered', { count: stats.registered })}</span>
				</div>
				<div>
					<strong>{formatNumber(stats.checkedIn, locale)}</strong>
					<span>{t('counts.checkedIn', { count: stats.checkedIn })}</span>
				</div>
			</div>
			{stats.source === 'phone' ? <p className="muted">{t('counts.phone')}</p> : null}
		</>
	)
}

function SyncLine({ state, onSync }: { state: SessionState; onSync: () => void }) {
	const { t } = useTranslation('scan')
	const locale = useLocale()
	const report = state.lastSync
	return (
		<div className="scan-section" aria-live="polite">
			{report ? (
				<p className="muted" data-testid="last-sync">
					{t('sync.done', { count: report.sent, time: formatTime(new Date(report.at), locale) })}
					{report.corrected > 0 ? ` ${t('sync.corrected', { count: report.corrected })}` : ''}
					{report.rejected > 0 ? ` ${t('sync.rejected', { count: report.rejected })}` : ''}
				</p>
			) : null}
			{state.queued > 0 && state.online && !state.syncing ? (
				<button type="button" className="button secondary small" onClick={onSync}>
					{t('sync.now')}
				</button>
			) : null}
		</div>
	)
}
