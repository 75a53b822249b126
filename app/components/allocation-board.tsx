// The organizer's allocation board: the floor plan with who holds each stand (the saved allocation,
// or a proposal), and the accepted exhibitors with their needs, wishes and the controls to pin,
// unpin, move, swap and remove. Every control is a plain form (works without JavaScript); with
// JavaScript an exhibitor's handle (⠿) can be dragged onto a stand with mouse or touch (pointer
// events), which posts the same "move" form (pinned; on a taken stand the two swap). A refused
// drag says why right under the stand it ended on (role="alert"); a refused form says why in the
// exhibitor's card.
import { Form, useFetcher } from '@remix-run/react'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardExhibitor, BoardHolder, BoardStand, Needs } from '#app/services/views/allocation-views.server.ts'
import { EMPTY_FILL, categoryColour } from './floor-plan-map.tsx'

/**
 * A name that fits a stand: the quoted part of "Udruženje osoba sa invaliditetom „Iskra”" (what
 * people call the organization), else the name itself; cut with an ellipsis past `max` characters.
 */
export function shortName(name: string, max = 14) {
	const quoted = /[„“"«]([^”“"»]+)[”“"»]/.exec(name)?.[1]?.trim()
	const base = quoted || name.trim()
	const chars = [...base]
	return chars.length <= max ? base : chars.slice(0, max - 1).join('') + '…'
}

export function useNeedsText() {
	const { t } = useTranslation('allocation')
	return (needs: Needs) => {
		const parts = [
			needs.power ? t('needs.power') : null,
			needs.accessible ? t('needs.accessible') : null,
			needs.sizeM2 ? t('needs.size', { size: needs.sizeM2 }) : null,
		].filter((p): p is string => p !== null)
		return parts.length ? parts.join(', ') : t('needs.none')
	}
}

type Drag = { id: number; name: string; x: number; y: number; over: string | null }

/**
 * Drag an exhibitor handle onto a stand (`[data-stand]`). Pointer capture keeps the events on the
 * handle; the stand under the finger is found with elementFromPoint (the ghost ignores pointers).
 * Near the top or bottom of the window the page scrolls, so a phone can reach the plan.
 */
function useStandDrag(onDrop: (applicationId: number, standLabel: string) => void) {
	const [drag, setDrag] = useState<Drag | null>(null)
	const dragRef = useRef<Drag | null>(null)
	const scroll = useRef(0)
	const update = (next: Drag | null) => {
		dragRef.current = next
		setDrag(next)
	}
	useEffect(() => {
		if (!drag) return
		let frame = 0
		const tick = () => {
			if (scroll.current) window.scrollBy(0, scroll.current)
			frame = requestAnimationFrame(tick)
		}
		frame = requestAnimationFrame(tick)
		return () => cancelAnimationFrame(frame)
	}, [drag !== null]) // eslint-disable-line react-hooks/exhaustive-deps
	const standAt = (x: number, y: number) => (document.elementFromPoint(x, y)?.closest('[data-stand]') as Element | null)?.getAttribute('data-stand') ?? null
	const handlers = (id: number, name: string) => ({
		onPointerDown: (e: ReactPointerEvent<HTMLElement>) => {
			if (e.pointerType === 'mouse' && e.button !== 0) return
			e.preventDefault()
			e.currentTarget.setPointerCapture(e.pointerId)
			update({ id, name, x: e.clientX, y: e.clientY, over: null })
		},
		onPointerMove: (e: ReactPointerEvent<HTMLElement>) => {
			const current = dragRef.current
			if (!current || current.id !== id) return
			const edge = 56
			scroll.current = e.clientY < edge ? -12 : e.clientY > window.innerHeight - edge ? 12 : 0
			update({ ...current, x: e.clientX, y: e.clientY, over: standAt(e.clientX, e.clientY) })
		},
		onPointerUp: (e: ReactPointerEvent<HTMLElement>) => {
			const current = dragRef.current
			scroll.current = 0
			update(null)
			const label = standAt(e.clientX, e.clientY)
			if (current && label) onDrop(current.id, label)
		},
		onPointerCancel: () => {
			scroll.current = 0
			update(null)
		},
	})
	return { drag, handlers }
}

/** What the server answers a refused change: the page's words for it (routes/admin.events.$id_.allocation). */
type Refused = { kind: 'error'; message: string; applicationId?: number }

/** Where a refused drag ended, and why it was refused. */
type DropRefusal = { standLabel: string; message: string; at: { left: number; top: number } | null }

export function AllocationBoard({
	plan,
	stands,
	holders,
	categories,
	exhibitors,
	preview,
	formRefusal,
	onRefused,
}: {
	plan: { width: number; height: number }
	stands: BoardStand[]
	/** Stand label → who holds it (saved, or proposed when `preview`). */
	holders: Record<string, BoardHolder>
	categories: string[]
	exhibitors: BoardExhibitor[]
	preview: boolean
	/** A change posted by one of the forms (also without JavaScript) and refused: shown in that exhibitor's card. */
	formRefusal?: { applicationId: number; message: string } | null
	/** A drag was refused: the page drops its earlier success notice. */
	onRefused?: () => void
}) {
	const { t } = useTranslation('allocation')
	const needsText = useNeedsText()
	const fetcher = useFetcher<Refused>()
	const figure = useRef<HTMLElement>(null)
	const lastDrop = useRef<string | null>(null)
	const [refusal, setRefusal] = useState<DropRefusal | null>(null)
	const drop = useCallback(
		(applicationId: number, standLabel: string) => {
			lastDrop.current = standLabel
			fetcher.submit({ intent: 'move', applicationId: String(applicationId), standLabel, locked: 'on', swap: 'on' }, { method: 'post' })
		},
		[fetcher],
	)
	const { drag, handlers } = useStandDrag(drop)
	// A new drag clears the last refusal.
	useEffect(() => {
		if (drag) setRefusal(null)
	}, [drag !== null]) // eslint-disable-line react-hooks/exhaustive-deps
	// The server refused the drop (a moved one redirects, and the page's notice says so).
	useEffect(() => {
		if (fetcher.state !== 'idle') return
		const standLabel = lastDrop.current
		lastDrop.current = null
		if (!standLabel || fetcher.data?.kind !== 'error') return
		setRefusal({ standLabel, message: fetcher.data.message, at: null })
		onRefused?.()
	}, [fetcher.state, fetcher.data]) // eslint-disable-line react-hooks/exhaustive-deps
	// Under the stand where the drag ended, measured on the drawn plan (it scales with the screen).
	const place = useCallback(() => {
		setRefusal((current) => {
			const box = figure.current?.getBoundingClientRect()
			const standBox = current && figure.current?.querySelector(`[data-stand="${CSS.escape(current.standLabel)}"]`)?.getBoundingClientRect()
			if (!current || !box || !standBox) return current
			const at = { left: standBox.left + standBox.width / 2 - box.left, top: standBox.bottom - box.top }
			return current.at && current.at.left === at.left && current.at.top === at.top ? current : { ...current, at }
		})
	}, [])
	useLayoutEffect(() => {
		if (!refusal || refusal.at) return
		place()
	}, [refusal, place])
	useEffect(() => {
		if (!refusal) return
		window.addEventListener('resize', place)
		return () => window.removeEventListener('resize', place)
	}, [refusal !== null, place]) // eslint-disable-line react-hooks/exhaustive-deps
	const unplaced = exhibitors.filter((e) => !e.standLabel)
	const busy = fetcher.state !== 'idle'
	return (
		<div className="alloc-board" aria-busy={busy}>
			<figure className="alloc-plan" ref={figure}>
				<AllocationPlan plan={plan} stands={stands} holders={holders} categories={categories} over={drag?.over ?? null} refused={refusal?.standLabel ?? null} />
				<div className="alloc-refusal-live" role="alert">
					{refusal ? (
						<p
							className="notice danger alloc-refusal"
							data-refused-stand={refusal.standLabel}
							style={refusal.at ? ({ '--at-x': `${refusal.at.left}px`, top: `${refusal.at.top + 6}px` } as CSSProperties) : undefined}
						>
							{refusal.message}
							<button type="button" className="alloc-refusal-close" aria-label={t('actions.closeRefusal')} onClick={() => setRefusal(null)}>
								×
							</button>
						</p>
					) : null}
				</div>
				<figcaption className="muted">
					{preview ? t('preview.onPlan') : null} {t('actions.dragHint')}
				</figcaption>
				{unplaced.length > 0 && !preview ? (
					<ul className="alloc-tray" aria-label={t('list.noStand')}>
						{unplaced.map((e) => (
							<li key={e.id}>
								<DragHandle exhibitor={e} handlers={handlers(e.id, e.name)} label={t('actions.drag', { name: e.name })} withName />
							</li>
						))}
					</ul>
				) : null}
			</figure>
			<section className="alloc-list" aria-labelledby="alloc-list-title">
				<h2 id="alloc-list-title">{t('list.title')}</h2>
				<ul>
					{exhibitors.map((e) => (
						<li key={e.id} id={`exhibitor-${e.id}`} className="card alloc-item">
							<div className="alloc-item-head">
								<DragHandle exhibitor={e} handlers={handlers(e.id, e.name)} label={t('actions.drag', { name: e.name })} />
								<div>
									<strong>{e.name}</strong>
									<span className="muted"> · {e.categoryName}</span>
									<div className="alloc-stand">
										{e.standLabel ? t('list.stand', { label: e.standLabel }) : t('list.noStand')}
										{e.locked ? <span className="pill">{t('list.locked')}</span> : null}
										{!e.released ? (
											<span className="pill">{t('list.notReleased')}</span>
										) : e.standLabel ? (
											<span className="muted"> · {e.notified ? t('list.notified') : t('list.notNotified')}</span>
										) : null}
									</div>
								</div>
							</div>
							<p className="muted alloc-facts">
								{t('list.needs', { needs: needsText(e.needs) })}
								<br />
								{e.preferences.length ? t('list.preferences', { list: e.preferences.join(', ') }) : t('list.noPreferences')}
							</p>
							{formRefusal?.applicationId === e.id ? (
								<p className="notice danger alloc-item-refusal" id={`refusal-${e.id}`}>
									{formRefusal.message}
								</p>
							) : null}
							<ExhibitorControls exhibitor={e} />
						</li>
					))}
				</ul>
			</section>
			{drag ? (
				<div className="alloc-ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
					{shortName(drag.name, 24)}
					{drag.over ? ` → ${drag.over}` : ''}
				</div>
			) : null}
		</div>
	)
}

function DragHandle({
	exhibitor,
	handlers,
	label,
	withName,
}: {
	exhibitor: BoardExhibitor
	handlers: ReturnType<ReturnType<typeof useStandDrag>['handlers']>
	label: string
	withName?: boolean
}) {
	return (
		<span className="alloc-chip" data-drag-application={exhibitor.id} role="img" aria-label={label} title={label} {...handlers}>
			<span aria-hidden="true">⠿</span>
			{withName ? <span aria-hidden="true"> {shortName(exhibitor.name, 20)}</span> : null}
		</span>
	)
}

function ExhibitorControls({ exhibitor: e }: { exhibitor: BoardExhibitor }) {
	const { t } = useTranslation('allocation')
	const id = String(e.id)
	return (
		<div className="alloc-controls">
			{e.standLabel ? (
				<Form method="post" className="inline-form">
					<input type="hidden" name="applicationId" value={id} />
					<button className="button secondary small" type="submit" name="intent" value={e.locked ? 'unpin' : 'pin'}>
						{e.locked ? t('actions.unpin') : t('actions.pin')}
					</button>{' '}
					<button className="button secondary small" type="submit" name="intent" value="unassign">
						{t('actions.unassign')}
					</button>
				</Form>
			) : null}
			<Form method="post" className="alloc-select-form">
				<input type="hidden" name="applicationId" value={id} />
				<label htmlFor={`move-${id}`}>{t('actions.moveLabel')}</label>
				{e.moveOptions.length ? (
					<div className="alloc-select-row">
						<select id={`move-${id}`} name="standLabel" required defaultValue="">
							<option value="" disabled>
								{t('actions.choose')}
							</option>
							{e.moveOptions.map((label) => (
								<option key={label} value={label}>
									{label}
								</option>
							))}
						</select>
						<label className="check">
							<input type="checkbox" name="locked" defaultChecked /> {t('actions.moveLock')}
						</label>
						<button className="button small" type="submit" name="intent" value="move">
							{t('actions.moveSubmit')}
						</button>
					</div>
				) : (
					<p className="muted" id={`move-${id}`}>
						{t('actions.noFreeStand')}
					</p>
				)}
			</Form>
			{e.swapOptions.length ? (
				<Form method="post" className="alloc-select-form">
					<input type="hidden" name="applicationId" value={id} />
					<label htmlFor={`swap-${id}`}>{t('actions.swapLabel')}</label>
					<div className="alloc-select-row">
						<select id={`swap-${id}`} name="with" required defaultValue="">
							<option value="" disabled>
								{t('actions.choose')}
							</option>
							{e.swapOptions.map((o) => (
								<option key={o.id} value={o.id}>
									{o.standLabel}: {o.name}
								</option>
							))}
						</select>
						<button className="button small" type="submit" name="intent" value="swap">
							{t('actions.swapSubmit')}
						</button>
					</div>
				</Form>
			) : null}
		</div>
	)
}

export function AllocationPlan({
	plan,
	stands,
	holders,
	categories,
	over,
	refused = null,
}: {
	plan: { width: number; height: number }
	stands: BoardStand[]
	holders: Record<string, BoardHolder>
	categories: string[]
	over: string | null
	/** The stand a refused drag ended on: outlined in the warning colour. */
	refused?: string | null
}) {
	const { t } = useTranslation('allocation')
	// The part of the plan that has stands, with a metre around: on a phone every centimetre counts.
	const margin = 1
	const x0 = Math.max(0, Math.min(...stands.map((s) => s.x)) - margin)
	const y0 = Math.max(0, Math.min(...stands.map((s) => s.y)) - margin)
	const x1 = Math.min(plan.width, Math.max(...stands.map((s) => s.x + s.width)) + margin)
	const y1 = Math.min(plan.height, Math.max(...stands.map((s) => s.y + s.height)) + margin)
	const font = Math.max(0.35, Math.min(0.9, Math.max(x1 - x0, y1 - y0) / 30))
	return (
		<svg
			viewBox={`${x0 - 0.1} ${y0 - 0.1} ${x1 - x0 + 0.2} ${y1 - y0 + 0.2}`}
			className="plan-svg alloc-svg"
			role="group"
			aria-label={t('board.svgLabel', { count: stands.length })}
		>
			<rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} fill="#fff" stroke="#4a5652" strokeWidth="0.04" />
			{stands.map((s) => {
				const h = holders[s.label]
				const colour = h ? categoryColour(categories, h.category) : null
				const isOver = over === s.label
				const isRefused = refused === s.label && !isOver
				const size = Math.min(font, s.height * 0.38, s.width * 0.3)
				const nameSize = Math.min(font * 0.75, s.height * 0.26)
				const maxChars = Math.max(3, Math.floor((s.width - 0.2) / (nameSize * 0.56)))
				return (
					<g key={s.label} data-stand={s.label} className="alloc-stand-shape">
						<title>
							{h ? `${t('board.held', { label: s.label, name: h.name })}${h.locked ? `, ${t('board.lockedMark')}` : ''}` : t('board.free', { label: s.label })}
						</title>
						<rect
							x={s.x}
							y={s.y}
							width={s.width}
							height={s.height}
							fill={colour ? colour.fill : EMPTY_FILL}
							stroke={isOver ? '#1a73e8' : isRefused ? '#b3261e' : '#1c2421'}
							strokeWidth={isOver || isRefused ? 0.25 : h?.changed ? 0.18 : 0.05}
							strokeDasharray={h?.changed && !isOver && !isRefused ? '0.3 0.15' : undefined}
						/>
						<text
							x={s.x + s.width / 2}
							y={s.y + s.height * (h ? 0.38 : 0.5)}
							fontSize={size}
							textAnchor="middle"
							dominantBaseline="central"
							fontWeight="700"
							fill={colour ? colour.text : '#1c2421'}
						>
							{s.label}
						</text>
						{h?.locked ? <Padlock x={s.x + 0.12} y={s.y + 0.1} size={Math.min(0.5, s.height * 0.22)} fill={colour!.text} /> : null}
						{h ? (
							<text x={s.x + s.width / 2} y={s.y + s.height * 0.72} fontSize={nameSize} textAnchor="middle" dominantBaseline="central" fill={colour!.text}>
								{shortName(h.name, maxChars)}
							</text>
						) : null}
					</g>
				)
			})}
		</svg>
	)
}

/** A small padlock in the stand's corner: the stand is pinned (an emoji is not on every system). */
function Padlock({ x, y, size, fill }: { x: number; y: number; size: number; fill: string }) {
	const w = size * 0.8
	return (
		<g aria-hidden="true">
			<path
				d={`M${x + w * 0.22} ${y + size * 0.45} v${-size * 0.15} a${w * 0.28} ${w * 0.28} 0 0 1 ${w * 0.56} 0 v${size * 0.15}`}
				fill="none"
				stroke={fill}
				strokeWidth={size * 0.1}
			/>
			<rect x={x} y={y + size * 0.45} width={w} height={size * 0.55} rx={size * 0.08} fill={fill} />
		</g>
	)
}
