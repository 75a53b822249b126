// The published floor plan above the application form's stand choices: every stand as an outline
// with its label, so an exhibitor sees where "A3" is before choosing it. The stands already chosen
// (first, second, third) are filled and carry their rank. Read-only, one picture with one name;
// the choosing itself is done with the selects below it (they work without JavaScript).
import { useTranslation } from 'react-i18next'

export type PlanStandOutline = { label: string; x: number; y: number; width: number; height: number }

const INK = '#4a5652'
const OUTLINE = '#7d8783'
const FLOOR = '#f7f5f0'
const CHOSEN = '#136b5a'
const CHOSEN_EDGE = '#083b32'
const BADGE = '#f2b544'

export function PreferencePlan({
	plan,
	stands,
	chosen,
}: {
	plan: { width: number; height: number }
	stands: readonly PlanStandOutline[]
	chosen: readonly (string | undefined)[]
}) {
	const { t } = useTranslation('apply')
	// Lines and letters in plan units, scaled to the plan so they look the same on any plan.
	const unit = Math.max(plan.width, plan.height) / 100
	const pad = unit * 2
	const rankOf = new Map(chosen.flatMap((label, i) => (label ? [[label, i + 1] as const] : [])))
	const picked = chosen.filter((l): l is string => Boolean(l))
	return (
		<svg
			className="preference-plan"
			viewBox={`${-pad} ${-pad} ${plan.width + 2 * pad} ${plan.height + 2 * pad}`}
			role="img"
			aria-label={picked.length ? t('fair.planPictureChosen', { stands: picked.join(', ') }) : t('fair.planPicture')}
			style={{ display: 'block', width: '100%', height: 'auto', maxHeight: '60vh', margin: '0.25rem 0' }}
		>
			<rect x="0" y="0" width={plan.width} height={plan.height} fill={FLOOR} stroke={INK} strokeWidth={unit * 0.3} rx={unit * 0.5} />
			{stands.map((s) => {
				const rank = rankOf.get(s.label)
				const fontSize = Math.min(s.height * 0.55, (s.width * 1.5) / Math.max(2, s.label.length), unit * 4)
				// The rank sits on the stand's top left corner, clear of its label.
				const badge = unit * 2
				return (
					<g key={s.label}>
						<rect
							x={s.x}
							y={s.y}
							width={s.width}
							height={s.height}
							fill={rank ? CHOSEN : '#fff'}
							stroke={rank ? CHOSEN_EDGE : OUTLINE}
							strokeWidth={unit * (rank ? 0.35 : 0.2)}
						/>
						<text
							x={s.x + s.width / 2}
							y={s.y + s.height / 2}
							fontSize={fontSize}
							fontWeight={rank ? 700 : 600}
							fill={rank ? '#fff' : INK}
							textAnchor="middle"
							dominantBaseline="central"
						>
							{s.label}
						</text>
						{rank ? (
							<g>
								<circle cx={s.x} cy={s.y} r={badge} fill={BADGE} stroke={CHOSEN_EDGE} strokeWidth={unit * 0.15} />
								<text x={s.x} y={s.y} fontSize={badge * 1.3} fontWeight="700" fill="#1f2a27" textAnchor="middle" dominantBaseline="central">
									{rank}
								</text>
							</g>
						) : null}
					</g>
				)
			})}
		</svg>
	)
}
