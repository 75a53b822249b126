// For a visitor whose phone died: find the registration by name (or e-mail) and check it in by
// hand. Online the server searches (names and addresses); offline the phone searches the names in
// its dataset. Also a field for a ticket code, where a handheld barcode scanner (which types like a
// keyboard, then Enter) or a pasted code goes through exactly the path a camera scan takes.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DoorAnswers } from './door-answers.tsx'
import type { CheckinSearchHit } from '#app/domain/checkin-contract.ts'
import { MIN_SEARCH_QUERY_LENGTH } from '#app/domain/checkin-limits.ts'
import { formatTime } from '#app/domain/format.ts'
import type { RegistrationStatus } from '#app/domain/vocabulary.ts'
import { useLocale } from '#app/utils/use-locale.ts'
import { OfflineError, searchRegistrations } from './api.ts'
import { unlockAudio } from './feedback.ts'
import type { ScannerSession } from './scanner-session.ts'
import { searchTicketsOnPhone } from './ticket-search.ts'

/** A hit of the server's search, or (offline) one of the phone's own tickets: no address, any status. */
type SearchHit = Omit<CheckinSearchHit, 'emailHint' | 'status'> & { emailHint?: string; status: RegistrationStatus }

export function ManualCheckIn({ session, online }: { session: ScannerSession; online: boolean }) {
	const { t } = useTranslation('scan')
	const locale = useLocale()
	const [query, setQuery] = useState('')
	const [hits, setHits] = useState<SearchHit[]>()
	const [fromPhone, setFromPhone] = useState(false)
	const [searching, setSearching] = useState(false)
	const [problem, setProblem] = useState<string>()
	const [code, setCode] = useState('')

	function searchOnPhone(q: string): SearchHit[] {
		return searchTicketsOnPhone(session.localTickets(), q).map((ticket) => ({
			id: ticket.registrationId,
			name: ticket.name,
			partySize: ticket.partySize,
			status: ticket.status,
			checkedInAt: ticket.checkedInAt,
			checkedInBy: ticket.checkedInBy,
			door: ticket.door,
		}))
	}

	async function search(event: React.FormEvent) {
		event.preventDefault()
		const q = query.trim()
		setProblem(undefined)
		if (q.length < MIN_SEARCH_QUERY_LENGTH) {
			setProblem(t('manual.tooShort', { count: MIN_SEARCH_QUERY_LENGTH }))
			return
		}
		setSearching(true)
		try {
			if (!online) throw new OfflineError('offline')
			setHits(await searchRegistrations(session.access, session.getSnapshot().slug, q))
			setFromPhone(false)
		} catch (error) {
			if (!(error instanceof OfflineError)) setProblem(t('manual.failed'))
			setHits(searchOnPhone(q))
			setFromPhone(true)
		} finally {
			setSearching(false)
		}
	}

	async function checkIn(hit: SearchHit) {
		unlockAudio()
		await session.checkInManually(hit.id)
		setHits((list) => list?.map((h) => (h.id === hit.id ? { ...h, checkedInAt: h.checkedInAt ?? new Date().toISOString() } : h)))
	}

	function submitCode(event: React.FormEvent) {
		event.preventDefault()
		const text = code.trim()
		if (!text) return
		unlockAudio()
		setCode('')
		void session.scanCode(text)
	}

	return (
		<>
			<section className="scan-section" aria-labelledby="manual-title">
				<h2 id="manual-title">{t('manual.title')}</h2>
				<p className="muted">{t('manual.help')}</p>
				<form className="scan-search" onSubmit={(e) => void search(e)} role="search">
					<div className="field">
						<label htmlFor="scan-q">{t('manual.label')}</label>
						<input id="scan-q" name="q" type="text" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={100} />
					</div>
					<button type="submit" className="button" disabled={searching}>
						{t('manual.submit')}
					</button>
				</form>
				{problem ? <p className="field-error">{problem}</p> : null}
				{hits ? (
					<div aria-live="polite">
						{fromPhone ? <p className="muted">{t('manual.offlineNote')}</p> : null}
						{hits.length === 0 ? (
							<p className="empty-state">{t('manual.none')}</p>
						) : (
							<ul className="scan-results">
								{hits.map((hit) => (
									<li key={hit.id} data-registration={hit.id}>
										<span className="who">
											<strong>{hit.name}</strong>
											<small>
												{[
													hit.emailHint,
													t('verdict.party', { count: hit.partySize }),
													hit.checkedInAt ? t('manual.checkedInAt', { time: formatTime(new Date(hit.checkedInAt), locale) }) : null,
												]
													.filter(Boolean)
													.join(' · ')}
											</small>
											<DoorAnswers answers={hit.door} className="scan-result-answers" />
										</span>
										{hit.status === 'confirmed' ? (
											<button type="button" className={`button small${hit.checkedInAt ? ' secondary' : ''}`} onClick={() => void checkIn(hit)}>
												{t('manual.checkIn')}
												<span className="visually-hidden">: {hit.name}</span>
											</button>
										) : (
											<span className="pill">{t(`manual.status.${hit.status}`)}</span>
										)}
									</li>
								))}
							</ul>
						)}
					</div>
				) : null}
			</section>
			<section className="scan-section" aria-labelledby="code-title">
				<h2 id="code-title">{t('manual.codeTitle')}</h2>
				<form className="scan-code" onSubmit={submitCode}>
					<div className="field">
						<label htmlFor="scan-code">{t('manual.codeLabel')}</label>
						<input
							id="scan-code"
							name="code"
							type="text"
							autoComplete="off"
							autoCapitalize="off"
							spellCheck={false}
							value={code}
							onChange={(e) => setCode(e.target.value)}
						/>
						<span className="hint">{t('manual.codeHelp')}</span>
					</div>
					<button type="submit" className="button secondary">
						{t('manual.codeSubmit')}
					</button>
				</form>
			</section>
		</>
	)
}
