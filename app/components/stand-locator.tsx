// A small read-only plan for the exhibitor's private page: every stand of the fair as an outline,
// theirs filled and labelled, so they can find it on the day. Nothing about the other stands but
// their shape: no occupants, no catalogue data. One picture with one accessible name.
import { useTranslation } from 'react-i18next'

export type StandOutline = { label: string; x: number; y: number; width: number; height: number }

const INK = '#4a5652'
const OUTLINE = '#9aa39f'
const FLOOR = '#f7f5f0'
const MINE = '#136b5a'
const MINE_EDGE = '#083b32'
const HALO = '#f2b544'

export function StandLocator({ plan, outlines, label }: { plan: { width: number; height: number }; outlines: StandOutline[]; label: string }) {
	const { t } = useTranslation('application')
	const mine = outlines.find((s) => s.label === label)
	// Lines and letters in plan units, scaled to the plan so they look the same on any plan.
	const unit = Math.max(plan.width, plan.height) / 100
	const pad = unit * 2
	return (
		<svg
			className="stand-locator"
			viewBox={`${-pad} ${-pad} ${plan.width + 2 * pad} ${plan.height + 2 * pad}`}
			role="img"
			aria-label={t('stand.planLabel', { label })}
			style={{ display: 'block', width: '100%', height: 'auto', maxHeight: '70vh' }}
		>
			<rect x="0" y="0" width={plan.width} height={plan.height} fill={FLOOR} stroke={INK} strokeWidth={unit * 0.3} rx={unit * 0.5} />
			{outlines.map((s) =>
				s === mine ? null : <rect key={s.label} x={s.x} y={s.y} width={s.width} height={s.height} fill="#fff" stroke={OUTLINE} strokeWidth={unit * 0.25} />,
			)}
			{mine ? <Mine stand={mine} unit={unit} /> : null}
		</svg>
	)
}

/** Theirs: a halo to catch the eye on a big plan, filled, with its label big enough to read. */
function Mine({ stand: s, unit }: { stand: StandOutline; unit: number }) {
	const cx = s.x + s.width / 2
	const cy = s.y + s.height / 2
	const fontSize = Math.min(s.height * 0.7, (s.width * 1.6) / Math.max(2, s.label.length), unit * 6)
	return (
		<g>
			<rect
				x={s.x - unit * 1.2}
				y={s.y - unit * 1.2}
				width={s.width + unit * 2.4}
				height={s.height + unit * 2.4}
				rx={unit * 1.2}
				fill="none"
				stroke={HALO}
				strokeWidth={unit * 0.9}
			/>
			<rect x={s.x} y={s.y} width={s.width} height={s.height} fill={MINE} stroke={MINE_EDGE} strokeWidth={unit * 0.35} />
			<text x={cx} y={cy} fontSize={fontSize} fontWeight="700" fill="#fff" textAnchor="middle" dominantBaseline="central">
				{s.label}
			</text>
		</g>
	)
}
