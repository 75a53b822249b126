// The full-screen verdict: green welcome, amber "already in", red refusal, grey "kept for later".
// It goes by itself after a moment (a tap ends it sooner); the camera keeps reading underneath,
// so the next ticket can be shown at once.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatTime } from '#app/domain/format.ts'
import { useLocale } from '#app/utils/use-locale.ts'
import type { Verdict } from './verdict.ts'
import { DoorAnswers } from './door-answers.tsx'

const SHOWN_MS = { green: 1600, amber: 2600, red: 3000, grey: 2600 } as const
const DOOR_ANSWERS_MS = 5000
const MARK = { green: '✓', amber: '!', red: '✕', grey: '…' } as const

export function VerdictOverlay({ verdict, deviceId, onDismiss }: { verdict: Verdict; deviceId: string; onDismiss: () => void }) {
	const { t } = useTranslation('scan')
	const locale = useLocale()

	useEffect(() => {
		// Answers for the door take a moment to read: the verdict stays longer with them.
		const timer = setTimeout(onDismiss, verdict.door?.length ? DOOR_ANSWERS_MS : SHOWN_MS[verdict.tone])
		return () => clearTimeout(timer)
	}, [verdict.nonce, verdict.shownAt, verdict.tone, verdict.door?.length, onDismiss])

	const time = verdict.firstCheckedInAt ? formatTime(new Date(verdict.firstCheckedInAt), locale) : undefined
	const device = verdict.firstCheckedInBy ? (verdict.firstCheckedInBy === deviceId ? t('verdict.thisDevice') : verdict.firstCheckedInBy) : undefined
	let detail: string | undefined
	if (verdict.result === 'already_checked_in' && time) {
		detail = device ? t('verdict.alreadyAtBy', { time, device }) : t('verdict.alreadyAt', { time })
	} else if (verdict.result !== 'ok') {
		detail = t(`verdict.help.${verdict.result}`)
	}

	return (
		// A tap anywhere ends it (the button is there for keyboards and screen readers).
		<div className={`scan-verdict ${verdict.tone}`} onClick={onDismiss} data-verdict={verdict.result} data-source={verdict.source}>
			<div role="alert" className="scan-verdict-body">
				<span className="scan-verdict-mark" aria-hidden="true">
					{MARK[verdict.tone]}
				</span>
				<p className="scan-verdict-title">{t(`verdict.title.${verdict.result}`)}</p>
				{verdict.name ? <p className="scan-verdict-name">{verdict.name}</p> : null}
				{verdict.partySize && (verdict.result === 'ok' || verdict.result === 'already_checked_in') ? (
					<p className="scan-verdict-party">{t('verdict.party', { count: verdict.partySize })}</p>
				) : null}
				{verdict.result === 'ok' || verdict.result === 'already_checked_in' ? <DoorAnswers answers={verdict.door} className="scan-verdict-answers" /> : null}
				{detail ? <p className="scan-verdict-detail">{detail}</p> : null}
				{verdict.result === 'already_checked_in' && verdict.reentryAllowed === false ? (
					<p className="scan-verdict-detail">
						<strong>{t('verdict.noReentry')}</strong>
					</p>
				) : null}
			</div>
			<p className="scan-verdict-source">{verdict.pending ? t('verdict.pending') : t('verdict.confirmed')}</p>
			<button type="button" className="scan-verdict-dismiss" onClick={onDismiss}>
				{t('verdict.dismiss')}
			</button>
		</div>
	)
}
