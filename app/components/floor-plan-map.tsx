// The public floor plan: stands as rectangles coloured by the exhibitor's category (Okabe–Ito,
// a palette people with colour-vision deficiencies tell apart; empty stands grey, occupied stands
// without a public name hatched). An occupied stand is a link (?stand=A3#stand-card) that works
// without JavaScript; with it, the card opens without a full page load.
import { useNavigate } from '@remix-run/react'
import type { CSSProperties, MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MapLandmark, MapStand } from '#app/services/views/fair-map-views.server.ts'

/** Okabe & Ito (2008), with the text colour that reads best on each. */
export const CATEGORY_PALETTE = [
	{ fill: '#E69F00', text: '#000' },
	{ fill: '#56B4E9', text: '#000' },
	{ fill: '#009E73', text: '#000' },
	{ fill: '#F0E442', text: '#000' },
	{ fill: '#0072B2', text: '#fff' },
	{ fill: '#D55E00', text: '#000' },
	{ fill: '#CC79A7', text: '#000' },
	{ fill: '#000000', text: '#fff' },
] as const
export const EMPTY_FILL = '#ebe8e1'
export const OCCUPIED_FILL = '#b9b5ab'

export function categoryColour(categories: readonly string[], category: string) {
	const i = categories.indexOf(category)
	return CATEGORY_PALETTE[(i < 0 ? categories.length : i) % CATEGORY_PALETTE.length]!
}

export function standHref(search: string, label: string) {
	const params = new URLSearchParams(search)
	params.set('stand', label)
	return `?${params.toString()}#stand-card`
}

export function Swatch({ fill, hatch }: { fill: string; hatch?: boolean }) {
	return (
		<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" className="swatch">
			<rect x="1" y="1" width="18" height="18" rx="3" fill={fill} stroke="#4a5652" strokeWidth="1" />
			{hatch ? <path d="M1 15 L15 1 M5 19 L19 5" stroke="#4a5652" strokeWidth="1.5" /> : null}
		</svg>
	)
}

/** A sign for each kind of landmark, drawn next to its name (text, so any font has it). */
export const LANDMARK_ICONS: Record<string, string> = {
	entrance: '↓',
	exit: '↑',
	stage: '★',
	info: 'i',
	toilets: 'WC',
	first_aid: '✚',
	food_court: '☕',
	zone: '',
	other: '•',
}
export const LANDMARK_FILL = '#dcebf7'
export const LANDMARK_STROKE = '#1f4e79'

/** A landmark's text: its sign and its name ("★ Bina"). */
export function landmarkText(l: { kind: string; name: string }) {
	const icon = LANDMARK_ICONS[l.kind] ?? ''
	return icon ? `${icon} ${l.name}` : l.name
}

/**
 * A landmark on a plan (the public map and the editor): a rounded, dashed, light-blue area with
 * its sign and name, unlike a stand (square corners, solid outline, category colours). Zones are
 * drawn without fill so the stands inside them stay readable.
 */
export function LandmarkShape({ landmark: l, fontSize }: { landmark: MapLandmark; fontSize: number }) {
	const zone = l.kind === 'zone'
	const size = Math.min(fontSize, l.height * 0.55, (l.width / Math.max(3, landmarkText(l).length)) * 1.6)
	return (
		<g className={`plan-landmark landmark-${l.kind}`} aria-hidden="true" pointerEvents="none">
			<rect
				x={l.x}
				y={l.y}
				width={l.width}
				height={l.height}
				rx={Math.min(0.4, l.width / 4, l.height / 4)}
				fill={zone ? 'none' : LANDMARK_FILL}
				stroke={LANDMARK_STROKE}
				strokeWidth={0.08}
				strokeDasharray="0.35 0.2"
			/>
			<text
				x={l.x + l.width / 2}
				y={zone ? l.y + size * 0.9 : l.y + l.height / 2}
				fontSize={size}
				textAnchor="middle"
				dominantBaseline={zone ? 'auto' : 'central'}
				fill={LANDMARK_STROKE}
				fontWeight="700"
			>
				{landmarkText(l)}
			</text>
		</g>
	)
}

/** The legend's sign for landmarks. */
export function LandmarkSwatch() {
	return (
		<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" className="swatch">
			<rect x="1" y="1" width="18" height="18" rx="5" fill={LANDMARK_FILL} stroke={LANDMARK_STROKE} strokeWidth="1.5" strokeDasharray="4 2" />
		</svg>
	)
}

export function FloorPlanMap({
	plan,
	stands,
	landmarks,
	categories,
	selected,
	search,
	backgroundUrl,
	filtered,
}: {
	plan: { width: number; height: number }
	stands: MapStand[]
	landmarks: MapLandmark[]
	categories: string[]
	selected: string | null
	/** The page's current query (q, category), kept in each stand's link. */
	search: string
	backgroundUrl: string | null
	filtered: boolean
}) {
	const { t } = useTranslation(['plan', 'exhibitors'])
	const navigate = useNavigate()
	// Without a picture of the venue only the part with stands matters: on a phone the stands are
	// then bigger to tap. With a picture the whole venue is shown, as drawn.
	const margin = 1
	const shown = [...stands, ...landmarks]
	const view =
		backgroundUrl || stands.length === 0
			? { x: 0, y: 0, width: plan.width, height: plan.height }
			: (() => {
					const x = Math.max(0, Math.min(...shown.map((s) => s.x)) - margin)
					const y = Math.max(0, Math.min(...shown.map((s) => s.y)) - margin)
					const right = Math.min(plan.width, Math.max(...shown.map((s) => s.x + s.width)) + margin)
					const bottom = Math.min(plan.height, Math.max(...shown.map((s) => s.y + s.height)) + margin)
					return { x, y, width: right - x, height: bottom - y }
				})()
	const fontSize = Math.max(0.45, Math.min(1, Math.max(view.width, view.height) / 40))
	// On a phone every stand must be big enough to tap (44 × 44 CSS px, WCAG 2.5.5): the plan is then
	// at least this wide and scrolls sideways in its labelled region; with a mouse 24 px (2.5.8).
	const smallest = Math.min(...stands.map((s) => Math.min(s.width, s.height)))
	const minWidth = (target: number) => (Number.isFinite(smallest) && smallest > 0 ? Math.min(4000, Math.ceil((target / smallest) * (view.width + 0.5))) : 0)
	const open = (event: MouseEvent, href: string) => {
		if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
		event.preventDefault()
		navigate(href, { preventScrollReset: true })
	}
	return (
		<div
			className="map-scroll"
			role="region"
			aria-label={t('map.scrollLabel')}
			tabIndex={0}
			style={{ '--map-min-touch': `${minWidth(46)}px`, '--map-min': `${minWidth(26)}px` } as CSSProperties}
		>
			<svg
				viewBox={`${view.x - 0.25} ${view.y - 0.25} ${view.width + 0.5} ${view.height + 0.5}`}
				className="plan-svg map-svg"
				role="group"
				aria-label={t('map.svgLabel', { count: stands.length })}
			>
				<defs>
					<pattern id="occupied-hatch" width="0.6" height="0.6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
						<rect width="0.6" height="0.6" fill={OCCUPIED_FILL} />
						<line x1="0" y1="0" x2="0" y2="0.6" stroke="#6f6b62" strokeWidth="0.18" />
					</pattern>
				</defs>
				<rect x={view.x} y={view.y} width={view.width} height={view.height} fill="#fff" stroke="#4a5652" strokeWidth="0.06" />
				{backgroundUrl ? <image href={backgroundUrl} x="0" y="0" width={plan.width} height={plan.height} preserveAspectRatio="none" opacity="0.3" /> : null}
				{landmarks.map((l, i) => (
					<LandmarkShape key={i} landmark={l} fontSize={fontSize} />
				))}
				{stands.map((s) => {
					const colour = s.occupant && s.occupant !== 'occupied' ? categoryColour(categories, s.occupant.category) : null
					const fill = colour ? colour.fill : s.occupant === 'occupied' ? 'url(#occupied-hatch)' : EMPTY_FILL
					const textFill = colour ? colour.text : '#1c2421'
					const isSelected = selected !== null && selected.toLowerCase() === s.label.toLowerCase()
					const shape = (
						<>
							<rect
								x={s.x}
								y={s.y}
								width={s.width}
								height={s.height}
								fill={fill}
								stroke={isSelected ? '#1a73e8' : '#4a5652'}
								strokeWidth={isSelected ? 0.2 : 0.06}
							/>
							<text
								x={s.x + s.width / 2}
								y={s.y + s.height / 2}
								fontSize={Math.min(fontSize, s.height * 0.6, s.width * 0.45)}
								textAnchor="middle"
								dominantBaseline="central"
								fill={textFill}
								fontWeight="700"
								aria-hidden="true"
							>
								{s.label}
							</text>
							{s.power || s.accessible ? (
								<text
									x={s.x + 0.12}
									y={s.y + Math.min(fontSize, s.height * 0.45) * 0.85}
									fontSize={Math.min(fontSize, s.height * 0.45) * 0.75}
									aria-hidden="true"
									fill={textFill}
								>
									{s.power ? '⚡' : ''}
									{s.accessible ? '♿' : ''}
								</text>
							) : null}
						</>
					)
					const features = [s.power ? t('power') : null, s.accessible ? t('accessible') : null].filter(Boolean).join(', ')
					const className = `map-stand${s.matches ? '' : ' dimmed'}${isSelected ? ' selected' : ''}`
					if (!s.occupant) {
						return (
							<g key={s.label} className={className}>
								<title>{[t('map.standFree', { label: s.label }), features].filter(Boolean).join(', ')}</title>
								{shape}
							</g>
						)
					}
					const who =
						s.occupant === 'occupied'
							? t('map.occupied')
							: `${s.occupant.name} (${t(`fair:category.${s.occupant.category}`, { defaultValue: s.occupant.category })})`
					const href = standHref(search, s.label)
					return (
						<a
							key={s.label}
							href={href}
							className={className}
							onClick={(e) => open(e, href)}
							aria-label={[t('map.standOf', { label: s.label, who }), features, filtered && !s.matches ? t('map.notMatching') : null]
								.filter(Boolean)
								.join(', ')}
							aria-current={isSelected ? 'true' : undefined}
						>
							{shape}
						</a>
					)
				})}
			</svg>
		</div>
	)
}
