// The "Print" button of a printable page. window.print() needs JavaScript, so the button appears
// only once the page runs it; the keyboard shortcut, said next to it, works in every case.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

const KEYS = { keys: 'Ctrl+P', macKeys: '⌘+P' }

export function PrintButton({ label, className = 'button' }: { label: string; className?: string }) {
	const { t } = useTranslation('print')
	const [canPrint, setCanPrint] = useState(false)
	useEffect(() => setCanPrint(typeof window.print === 'function'), [])
	return (
		<p className="print-action no-print">
			{canPrint ? (
				<button type="button" className={className} onClick={() => window.print()} data-print-button>
					{label}
				</button>
			) : null}{' '}
			<span className="muted small">{t('printKeys', KEYS)}</span>
		</p>
	)
}
