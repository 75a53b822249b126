// The parts of the organizer's check-in page (routes/admin.events.$id_.checkin.tsx): live counts,
// the scan log with its filter, and the undo form. Everything works without JavaScript: the filter
// is a set of links, undo a small POST form whose confirmation is a <details> element; with
// JavaScript the page also refreshes itself (useLiveRefresh).
import { Form, Link, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkinSearchParams, SCAN_LOG_FILTERS, type CheckinNotice, type ScanLogFilter } from '#app/domain/checkin-admin-input.ts'
import type { ScanLogRow } from '#app/services/views/checkin-admin-views.server.ts'

type Count = { value: number; text: string }
export type CheckinCountsView = {
	persons: { arrived: Count; registered: Count }
	parties: { arrived: Count; registered: Count }
	percent: { ratio: number; text: string } | null
	scans: Count
	problems: Count
	undone: Count
}

/**
 * Reloads the page's data every `intervalMs` while the tab is visible and nothing else is loading,
 * and at once when the tab comes back into view. Answers whether it runs (false until hydration,
 * so the server-rendered page says how to refresh by hand).
 */
export function useLiveRefresh(intervalMs: number): boolean {
	const revalidator = useRevalidator()
	const navigation = useNavigation()
	const busy = useRef(false)
	busy.current = revalidator.state !== 'idle' || navigation.state !== 'idle'
	const revalidate = useRef(revalidator.revalidate)
	revalidate.current = revalidator.revalidate
	const [live, setLive] = useState(false)
	useEffect(() => {
		setLive(true)
		const refresh = () => {
			if (document.visibilityState === 'visible' && !busy.current) revalidate.current()
		}
		const timer = window.setInterval(refresh, intervalMs)
		document.addEventListener('visibilitychange', refresh)
		return () => {
			window.clearInterval(timer)
			document.removeEventListener('visibilitychange', refresh)
		}
	}, [intervalMs])
	return live
}

export function LiveStatus({ live, updatedAt, updatedAtIso, refreshTo }: { live: boolean; updatedAt: string; updatedAtIso: string; refreshTo: string }) {
	const { t } = useTranslation('admin')
	return (
		<p className="live-status">
			<span>
				{live ? <span className="live-dot" aria-hidden="true" /> : null}
				{t('checkin.refresh.asOf')}{' '}
				<time dateTime={updatedAtIso} data-updated-at={updatedAtIso}>
					{updatedAt}
				</time>
			</span>
			<span className="muted">{live ? t('checkin.refresh.live') : t('checkin.refresh.manual')}</span>
			<Link className="button small secondary" to={refreshTo} preventScrollReset>
				↻ {t('checkin.refresh.now')}
			</Link>
		</p>
	)
}

export function CheckinCounts({ counts }: { counts: CheckinCountsView }) {
	const { t } = useTranslation('admin')
	const { persons, parties, percent } = counts
	return (
		<dl className="checkin-counts" aria-label={t('checkin.counts.label')}>
			<div data-count="persons" data-arrived={persons.arrived.value} data-registered={persons.registered.value}>
				<dt>{t('checkin.counts.persons')}</dt>
				<dd>
					<span className="big-number">
						{persons.arrived.text}
						<span className="of">{t('checkin.counts.arrivedOf', { registered: persons.registered.text })}</span>
					</span>
					{percent ? (
						<>
							<meter min={0} max={1} value={Math.min(1, percent.ratio)} aria-label={t('checkin.counts.percentLabel')} />
							<span data-percent={Math.round(percent.ratio * 100)}>{t('checkin.counts.percent', { percent: percent.text })}</span>
						</>
					) : (
						<span className="muted">{t('checkin.counts.noRegistrations')}</span>
					)}
				</dd>
			</div>
			<div data-count="parties" data-arrived={parties.arrived.value} data-registered={parties.registered.value}>
				<dt>{t('checkin.counts.parties')}</dt>
				<dd>
					<span className="big-number">
						{parties.arrived.text}
						<span className="of">{t('checkin.counts.arrivedOf', { registered: parties.registered.text })}</span>
					</span>
				</dd>
			</div>
			<div data-count="scans" data-scans={counts.scans.value} data-problems={counts.problems.value} data-undone={counts.undone.value}>
				<dt>{t('checkin.counts.scans')}</dt>
				<dd>
					<span className="big-number">{counts.scans.text}</span>
					{counts.problems.value > 0 ? (
						<span className="problems">{t('checkin.counts.problems', { count: counts.problems.value, formatted: counts.problems.text })}</span>
					) : null}
					{counts.undone.value > 0 ? (
						<>
							{counts.problems.value > 0 ? ' · ' : null}
							<span className="muted">{t('checkin.counts.undone', { count: counts.undone.value, formatted: counts.undone.text })}</span>
						</>
					) : null}
				</dd>
			</div>
		</dl>
	)
}

export function CheckinNoticeText({ notice, subject }: { notice: CheckinNotice; subject: { name: string } | null }) {
	const { t } = useTranslation(['admin', 'api'])
	if (notice === 'undone') {
		return (
			<p className="notice success" role="status" data-notice={notice}>
				{t('checkin.undo.done', { name: subject?.name || t('registrations.erased') })}
			</p>
		)
	}
	return (
		<p className="notice" role="status" data-notice={notice}>
			{t('api:errors.not_checked_in')}
		</p>
	)
}

export function ScanLogFilters({ filter }: { filter: ScanLogFilter }) {
	const { t } = useTranslation('admin')
	return (
		<nav aria-label={t('checkin.log.show')}>
			<ul className="log-filter">
				{SCAN_LOG_FILTERS.map((f) => (
					<li key={f}>
						<Link to={{ search: checkinSearchParams({ filter: f, before: undefined }) }} aria-current={f === filter ? 'page' : undefined} preventScrollReset>
							{t(`checkin.log.filter.${f}`)}
						</Link>
					</li>
				))}
			</ul>
		</nav>
	)
}

function Device({ device }: { device: ScanLogRow['device'] }) {
	const { t } = useTranslation('admin')
	const name = device.link ?? (device.staff ? t('roles.organizer') : null)
	return (
		<>
			{name ? <span>{name}</span> : null}
			{device.id ? (
				<>
					{name ? <br /> : null}
					<code className="muted">{device.id}</code>
				</>
			) : null}
			{!name && !device.id ? <span className="muted">{t('checkin.log.unknownDevice')}</span> : null}
		</>
	)
}

function UndoForm({ row }: { row: ScanLogRow }) {
	const { t } = useTranslation('admin')
	const who = <span className="visually-hidden">: {row.visitor?.name}</span>
	return (
		// position: relative keeps the visually hidden texts inside the scrolling table.
		<details className="confirm-inline" style={{ position: 'relative' }}>
			<summary>
				{t('checkin.undo.action')}
				{who}
			</summary>
			<Form method="post" preventScrollReset>
				<input type="hidden" name="intent" value="undo" />
				<input type="hidden" name="registrationId" value={row.visitor?.registrationId} />
				<p>{t('checkin.undo.question')}</p>
				<button className="button small danger" type="submit">
					{t('checkin.undo.confirm')}
					{who}
				</button>
			</Form>
		</details>
	)
}

export function ScanLogTable({ rows, eventTitle }: { rows: ScanLogRow[]; eventTitle: string }) {
	const { t } = useTranslation('admin')
	return (
		<div className="table-wrap">
			<table className="data scan-log">
				<caption className="visually-hidden">{t('checkin.log.caption', { title: eventTitle })}</caption>
				<thead>
					<tr>
						<th scope="col">{t('checkin.log.time')}</th>
						<th scope="col">{t('checkin.log.result')}</th>
						<th scope="col">{t('checkin.log.visitor')}</th>
						<th scope="col">{t('checkin.log.flags')}</th>
						<th scope="col">{t('checkin.log.device')}</th>
						<th scope="col">{t('checkin.log.actions')}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr
							key={row.id}
							data-scan-id={row.id}
							data-result={row.result}
							data-flags={row.flags.join(' ')}
							data-registration-id={row.visitor?.registrationId}
							className={[row.flagged ? 'problem' : '', row.flags.includes('undone') ? 'undone' : ''].join(' ').trim() || undefined}
						>
							<td style={{ whiteSpace: 'nowrap' }}>
								<time dateTime={row.timeIso} title={row.fullTime}>
									{row.time}
								</time>
								{row.syncedAt ? (
									<>
										<br />
										<span className="muted">{t('checkin.log.syncedAt', { time: row.syncedAt })}</span>
									</>
								) : null}
							</td>
							<td style={{ whiteSpace: 'nowrap' }}>
								<span className={`pill result-${row.result}`}>{t(`checkin.result.${row.result}`)}</span>
								{row.method === 'manual' ? (
									<>
										<br />
										<span className="muted">{t('checkin.log.manual')}</span>
									</>
								) : null}
							</td>
							<td>
								{row.visitor ? (
									<>
										<strong className="visitor-name">{row.visitor.name || t('registrations.erased')}</strong>
										<br />
										<span className="muted">
											{t('checkin.persons', { count: row.visitor.partySize, formatted: String(row.visitor.partySize) })}
											{row.visitor.otherEvent ? ` · ${row.visitor.otherEvent}` : null}
										</span>
									</>
								) : (
									<>
										<span className="muted">{t('checkin.log.unknownVisitor')}</span>
										{row.codePreview ? (
											<>
												<br />
												<code>{row.codePreview}</code>
											</>
										) : null}
									</>
								)}
							</td>
							<td>
								{row.flags.map((flag) => (
									<span key={flag} className={`flag flag-${flag}`}>
										{t(`checkin.flag.${flag}`)}
									</span>
								))}
							</td>
							<td>
								<Device device={row.device} />
							</td>
							<td>{row.canUndo ? <UndoForm row={row} /> : null}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
