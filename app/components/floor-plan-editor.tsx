// The plan editor: an SVG drawing of the stands and, under it, a table with one row of inputs per
// stand. The table IS the form (stands[i].label, …), so without JavaScript an organizer edits the
// numbers and saves with one POST. With JavaScript the same rows are React state: dragging a stand
// (mouse or touch), its corner handle, the arrow keys or the side panel change the row, and the
// same POST saves what the table shows. While the table differs from what is saved, leaving the
// page asks first: the browser's own prompt for a reload or closing the tab (beforeunload), our
// dialog for a link inside the app (useBlocker).
import { Form, useBlocker, type Blocker } from '@remix-run/react'
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { BLANK_ROW, FIELDS, isBlank, num, type StandRowValues } from '#app/domain/stand-rows.ts'
import { LandmarkShape } from '#app/components/floor-plan-map.tsx'
import { MAX_LANDMARK_LABEL, type LandmarkRowValues } from '#app/domain/landmark-input.ts'
import { LANDMARK_KINDS } from '#app/domain/vocabulary.ts'
import type { MapLandmark } from '#app/services/views/fair-map-views.server.ts'
import { MAX_LABEL_LENGTH, SNAP_METRES, areaOf, findOverlaps, labelKey, nextLabel, snap, type PlanExtent } from '#app/domain/stand-input.ts'

type Row = StandRowValues & { key: string }

/** Light tints for zones, told apart by a dashed or solid outline too (zoneStyle). */
const ZONE_TINTS = ['#e8f1fb', '#fdf1d6', '#eef7f3', '#f6e8f1', '#eeeeee', '#fbe9e1']

export function zoneStyle(zones: readonly string[], zone: string) {
	const i = zones.indexOf(zone)
	return i < 0 ? { fill: '#ffffff', dash: undefined } : { fill: ZONE_TINTS[i % ZONE_TINTS.length]!, dash: i % 2 ? '0.3 0.15' : undefined }
}
const fmt = (value: number) => String(Math.round(value * 100) / 100)

type Rect = { x: number; y: number; width: number; height: number }
function rectOf(row: StandRowValues): Rect | null {
	const r = { x: num(row.x), y: num(row.y), width: num(row.width), height: num(row.height) }
	return Object.values(r).every(Number.isFinite) && r.width > 0 && r.height > 0 ? r : null
}

/** A free spot for a new w × h stand: the first one scanning rows of half a metre from the top left. */
function freeSpot(rects: Rect[], plan: PlanExtent, w: number, h: number): Rect {
	for (let y = 0; y + h <= plan.height; y += SNAP_METRES) {
		for (let x = 0; x + w <= plan.width; x += SNAP_METRES) {
			const candidate = { x, y, width: w, height: h }
			if (findOverlaps([candidate, ...rects]).every(([i]) => i !== 0)) return candidate
		}
	}
	return { x: 0, y: 0, width: w, height: h }
}

type Drag = { index: number; mode: 'move' | 'resize'; pointerId: number; start: { x: number; y: number }; rect: Rect; autoSize: boolean }

export function FloorPlanEditor({
	plan,
	backgroundUrl,
	initialRows,
	savedRows,
	errors,
	occupants,
	landmarks = [],
}: {
	plan: PlanExtent
	backgroundUrl: string | null
	initialRows: StandRowValues[]
	/** The stands as saved: the table differing from them is unsaved work. */
	savedRows: StandRowValues[]
	errors: Record<string, string[]>
	/** labelKey → exhibitor name, for stands that have one. */
	occupants: Record<string, string>
	/** The saved landmarks, drawn under the stands (they are edited in their own table). */
	landmarks?: MapLandmark[]
}) {
	const { t } = useTranslation('plan')
	const counter = useRef(0)
	const withKey = (r: StandRowValues): Row => ({ ...r, key: `r${counter.current++}` })
	const [rows, setRows] = useState<Row[]>(() => initialRows.map(withKey))
	const [selected, setSelected] = useState<string | null>(null)
	const [hydrated, setHydrated] = useState(false)
	const svgRef = useRef<SVGSVGElement>(null)
	const drag = useRef<Drag | null>(null)
	useEffect(() => setHydrated(true), [])
	const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set())
	const unsaved = ticked.size > 0 || rowsText(rows) !== rowsText(savedRows)
	const leaveDialog = useUnsavedWarning(unsaved)

	const zones = [...new Set(rows.map((r) => r.zone.trim()).filter(Boolean))].sort()
	const drawn = rows
		.map((r, i) => ({ row: r, index: i, rect: rectOf(r) }))
		.filter((d): d is { row: Row; index: number; rect: Rect } => d.rect !== null && !isBlank(d.row))
	const overlapping = new Set(findOverlaps(drawn.map((d) => d.rect)).flatMap(([i, j]) => [drawn[i]!.row.key, drawn[j]!.row.key]))
	const selectedIndex = rows.findIndex((r) => r.key === selected)
	const selectedRow = selectedIndex >= 0 ? rows[selectedIndex]! : null

	function update(index: number, patch: Partial<StandRowValues>) {
		setRows((current) =>
			current.map((row, i) => {
				if (i !== index) return row
				const next = { ...row, ...patch }
				// m² follows the rectangle while it was the rectangle's area (or empty).
				if (('width' in patch || 'height' in patch) && !('sizeM2' in patch)) {
					const before = areaOf(num(row.width), num(row.height))
					const after = areaOf(num(next.width), num(next.height))
					if ((row.sizeM2.trim() === '' || num(row.sizeM2) === before) && Number.isFinite(after) && after > 0) next.sizeM2 = fmt(after)
				}
				return next
			}),
		)
	}

	function setRect(index: number, rect: Rect) {
		update(index, { x: fmt(rect.x), y: fmt(rect.y), width: fmt(rect.width), height: fmt(rect.height) })
	}

	function clampRect(r: Rect): Rect {
		const width = Math.min(Math.max(SNAP_METRES, r.width), plan.width)
		const height = Math.min(Math.max(SNAP_METRES, r.height), plan.height)
		return { width, height, x: Math.min(Math.max(0, r.x), plan.width - width), y: Math.min(Math.max(0, r.y), plan.height - height) }
	}

	function addStand() {
		const spot = freeSpot(
			drawn.map((d) => d.rect),
			plan,
			3,
			2,
		)
		const label = nextLabel(rows.map((r) => r.label).filter((l) => l.trim()))
		const row = withKey({
			...BLANK_ROW,
			label,
			x: fmt(spot.x),
			y: fmt(spot.y),
			width: fmt(spot.width),
			height: fmt(spot.height),
			sizeM2: fmt(areaOf(spot.width, spot.height)),
		})
		// Before the blank rows, so the table keeps its empty rows at the end.
		setRows((current) => {
			const firstBlank = current.findIndex(isBlank)
			const at = firstBlank < 0 ? current.length : firstBlank
			return [...current.slice(0, at), row, ...current.slice(at)]
		})
		setSelected(row.key)
	}

	function removeRow(index: number) {
		setRows((current) => current.filter((_, i) => i !== index))
		setSelected(null)
	}

	function svgPoint(event: PointerEvent) {
		const svg = svgRef.current
		const matrix = svg?.getScreenCTM()
		if (!svg || !matrix) return { x: 0, y: 0 }
		const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse())
		return { x: p.x, y: p.y }
	}

	function startDrag(event: PointerEvent, index: number, mode: Drag['mode']) {
		const rect = rectOf(rows[index]!)
		if (!rect || event.button > 0) return
		event.preventDefault()
		event.stopPropagation()
		;(event.currentTarget as Element).setPointerCapture(event.pointerId)
		drag.current = { index, mode, pointerId: event.pointerId, start: svgPoint(event), rect, autoSize: false }
		setSelected(rows[index]!.key)
	}

	function moveDrag(event: PointerEvent) {
		const d = drag.current
		if (!d || d.pointerId !== event.pointerId) return
		const p = svgPoint(event)
		const dx = p.x - d.start.x
		const dy = p.y - d.start.y
		const r = d.rect
		const next =
			d.mode === 'move'
				? clampRect({ ...r, x: snap(r.x + dx), y: snap(r.y + dy) })
				: clampRect({ ...r, width: Math.min(snap(r.width + dx), plan.width - r.x), height: Math.min(snap(r.height + dy), plan.height - r.y) })
		setRect(d.index, next)
	}

	function endDrag(event: PointerEvent) {
		if (drag.current?.pointerId === event.pointerId) drag.current = null
	}

	function onStandKey(event: KeyboardEvent, index: number) {
		const steps: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }
		if (event.key === 'Enter' || event.key === ' ') {
			event.preventDefault()
			setSelected(rows[index]!.key)
			return
		}
		const step = steps[event.key]
		const rect = rectOf(rows[index]!)
		if (!step || !rect) return
		event.preventDefault()
		setSelected(rows[index]!.key)
		const [sx, sy] = step
		const next = event.shiftKey
			? clampRect({
					...rect,
					width: Math.min(rect.width + sx * SNAP_METRES, plan.width - rect.x),
					height: Math.min(rect.height + sy * SNAP_METRES, plan.height - rect.y),
				})
			: clampRect({ ...rect, x: rect.x + sx * SNAP_METRES, y: rect.y + sy * SNAP_METRES })
		setRect(index, next)
	}

	const fieldError = (i: number, field: string) => errors[`stands.${i}.${field}`]
	const rowError = (i: number) => errors[`stands.${i}`]
	const errorCount = Object.values(errors).reduce((n, list) => n + list.length, 0)
	// Text size in metres: readable on a 40 m plan, not huge on a 10 m one.
	const fontSize = Math.max(0.45, Math.min(0.9, Math.max(plan.width, plan.height) / 45))

	return (
		<Form method="post" className="plan-editor" noValidate aria-labelledby="plan-stands-title">
			{leaveDialog}
			{errorCount ? (
				<div className="notice danger" role="alert" id="plan-errors">
					<p>{t('editor.errors', { count: errorCount })}</p>
					<ul>
						{Object.entries(errors).flatMap(([path, messages]) =>
							messages.map((m, k) => (
								<li key={`${path}-${k}`}>
									<a href={`#${fieldId(path)}`}>{describePath(path, rows, t)}</a>: {m}
								</li>
							)),
						)}
					</ul>
				</div>
			) : null}
			<div className="plan-layout">
				<figure className="plan-canvas">
					<svg
						ref={svgRef}
						viewBox={`-0.5 -0.5 ${plan.width + 1} ${plan.height + 1}`}
						role="group"
						aria-label={t('editor.svgLabel', { width: fmt(plan.width), height: fmt(plan.height), count: drawn.length })}
						className="plan-svg"
						onPointerMove={moveDrag}
						onPointerUp={endDrag}
						onPointerCancel={endDrag}
					>
						<defs>
							<pattern id="plan-grid" width="1" height="1" patternUnits="userSpaceOnUse">
								<path d="M 1 0 L 0 0 0 1" fill="none" stroke="#d9d4c7" strokeWidth="0.03" />
							</pattern>
						</defs>
						<rect x="0" y="0" width={plan.width} height={plan.height} fill="#fff" />
						{backgroundUrl ? (
							<image href={backgroundUrl} x="0" y="0" width={plan.width} height={plan.height} preserveAspectRatio="none" opacity="0.45" />
						) : null}
						<rect x="0" y="0" width={plan.width} height={plan.height} fill="url(#plan-grid)" stroke="#4a5652" strokeWidth="0.08" />
						{landmarks.map((l, i) => (
							<LandmarkShape key={i} landmark={l} fontSize={fontSize} />
						))}
						{drawn.map(({ row, index, rect }) => {
							const style = zoneStyle(zones, row.zone.trim())
							const isSelected = row.key === selected
							const bad = overlapping.has(row.key) || Boolean(rowError(index))
							const occupant = occupants[labelKey(row.label)]
							const name = t('editor.standName', {
								label: row.label || '?',
								width: fmt(rect.width),
								height: fmt(rect.height),
								x: fmt(rect.x),
								y: fmt(rect.y),
							})
							const extras = [
								row.power ? t('power') : null,
								row.accessible ? t('accessible') : null,
								row.zone.trim() || null,
								occupant ?? null,
								bad ? t('editor.overlaps') : null,
							]
							return (
								<g
									key={row.key}
									className={`plan-stand${isSelected ? ' selected' : ''}${bad ? ' bad' : ''}`}
									tabIndex={hydrated ? 0 : undefined}
									role={hydrated ? 'button' : undefined}
									aria-pressed={hydrated ? isSelected : undefined}
									aria-label={[name, ...extras.filter(Boolean)].join(', ')}
									onKeyDown={(e) => onStandKey(e, index)}
									onFocus={() => setSelected(row.key)}
								>
									<rect
										x={rect.x}
										y={rect.y}
										width={rect.width}
										height={rect.height}
										fill={style.fill}
										stroke={bad ? '#a32020' : isSelected ? '#1a73e8' : '#083b32'}
										strokeWidth={isSelected || bad ? 0.14 : 0.07}
										strokeDasharray={style.dash}
										onPointerDown={(e) => startDrag(e, index, 'move')}
									/>
									<text
										x={rect.x + rect.width / 2}
										y={rect.y + rect.height / 2}
										fontSize={fontSize}
										textAnchor="middle"
										dominantBaseline="central"
										aria-hidden="true"
										pointerEvents="none"
									>
										{row.label}
									</text>
									{row.power || row.accessible ? (
										<text x={rect.x + 0.15} y={rect.y + fontSize * 0.9} fontSize={fontSize * 0.8} aria-hidden="true" pointerEvents="none">
											{row.power ? '⚡' : ''}
											{row.accessible ? '♿' : ''}
										</text>
									) : null}
									{isSelected && hydrated ? (
										<rect
											className="plan-handle"
											x={rect.x + rect.width - 0.35}
											y={rect.y + rect.height - 0.35}
											width="0.7"
											height="0.7"
											aria-hidden="true"
											onPointerDown={(e) => startDrag(e, index, 'resize')}
										/>
									) : null}
								</g>
							)
						})}
						{/* Outside the stands' buttons: their names already say who is there. */}
						<g aria-hidden="true" pointerEvents="none">
							{drawn.map(({ row, rect }) => {
								const occupant = occupants[labelKey(row.label)]
								if (!occupant) return null
								// A name wider than its stand is cut: roughly 0.55 em a letter.
								const fits = Math.max(3, Math.floor(rect.width / (fontSize * 0.55 * 0.55)))
								return (
									<text key={row.key} x={rect.x + rect.width / 2} y={rect.y + rect.height - 0.25} fontSize={fontSize * 0.55} textAnchor="middle" fill="#4a5652">
										{occupant.length > fits ? `${occupant.slice(0, fits - 1)}…` : occupant}
									</text>
								)
							})}
						</g>
					</svg>
					<figcaption className="muted">
						{t('editor.caption', { width: fmt(plan.width), height: fmt(plan.height) })}
						{hydrated ? ` ${t('editor.keyboardHint')}` : ''}
					</figcaption>
					{zones.length ? (
						<ul className="plan-legend" aria-label={t('editor.zones')}>
							{zones.map((z) => (
								<li key={z}>
									<svg width="18" height="18" viewBox="0 0 1 1" aria-hidden="true">
										<rect
											x="0.05"
											y="0.05"
											width="0.9"
											height="0.9"
											fill={zoneStyle(zones, z).fill}
											stroke="#083b32"
											strokeWidth="0.08"
											strokeDasharray={zoneStyle(zones, z).dash ? '0.2 0.1' : undefined}
										/>
									</svg>
									{z}
								</li>
							))}
						</ul>
					) : null}
				</figure>
				{hydrated ? (
					<aside className="plan-panel card" aria-labelledby="plan-panel-title">
						<h2 id="plan-panel-title">{selectedRow ? t('editor.panelTitle', { label: selectedRow.label || '?' }) : t('editor.panelEmpty')}</h2>
						<p>
							<button type="button" className="button secondary small" onClick={addStand}>
								{t('editor.addStand')}
							</button>
						</p>
						{selectedRow ? (
							<div className="plan-panel-fields">
								{FIELDS.map((f) => (
									<label key={f} className="field">
										<span className="label">{t(`field.${f}`)}</span>
										<input
											type="text"
											inputMode={f === 'label' ? 'text' : 'decimal'}
											maxLength={f === 'label' ? MAX_LABEL_LENGTH : undefined}
											value={selectedRow[f]}
											onChange={(e) => update(selectedIndex, { [f]: e.target.value })}
										/>
									</label>
								))}
								<label className="field">
									<span className="label">{t('field.zone')}</span>
									<input type="text" list="plan-zones" value={selectedRow.zone} onChange={(e) => update(selectedIndex, { zone: e.target.value })} />
								</label>
								<label className="check">
									<input type="checkbox" checked={selectedRow.power} onChange={(e) => update(selectedIndex, { power: e.target.checked })} /> ⚡ {t('power')}
								</label>
								<label className="check">
									<input type="checkbox" checked={selectedRow.accessible} onChange={(e) => update(selectedIndex, { accessible: e.target.checked })} /> ♿{' '}
									{t('accessible')}
								</label>
								<p className="button-row">
									<button type="button" className="button danger small" onClick={() => removeRow(selectedIndex)}>
										{t('editor.removeStand')}
									</button>
								</p>
							</div>
						) : (
							<p className="muted">{t('editor.panelHint')}</p>
						)}
					</aside>
				) : null}
			</div>
			<datalist id="plan-zones">
				{zones.map((z) => (
					<option key={z} value={z} />
				))}
			</datalist>
			<h2 id="plan-stands-title">{t('editor.tableTitle')}</h2>
			<p className="muted">{t('editor.tableHint')}</p>
			<div className="table-wrap">
				<table className="data plan-table">
					<thead>
						<tr>
							<th scope="col">{t('field.label')}</th>
							<th scope="col">{t('field.x')}</th>
							<th scope="col">{t('field.y')}</th>
							<th scope="col">{t('field.width')}</th>
							<th scope="col">{t('field.height')}</th>
							<th scope="col">{t('field.sizeM2')}</th>
							<th scope="col">{t('power')}</th>
							<th scope="col">{t('accessible')}</th>
							<th scope="col">{t('field.zone')}</th>
							<th scope="col">{t('field.delete')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((row, i) => {
							const who = row.label.trim() || t('editor.newRow', { n: i + 1 })
							const whole = rowError(i)
							return (
								<tr key={row.key} id={fieldId(`stands.${i}`)} className={row.key === selected ? 'selected' : undefined} data-row={i}>
									{FIELDS.map((f) => {
										const errs = fieldError(i, f)
										const id = fieldId(`stands.${i}.${f}`)
										const describedBy =
											[errs ? `${id}-error` : null, f === 'label' && whole ? `${fieldId(`stands.${i}`)}-error` : null].filter(Boolean).join(' ') || undefined
										return (
											<td key={f}>
												<input
													id={id}
													name={`stands[${i}].${f}`}
													type="text"
													inputMode={f === 'label' ? 'text' : 'decimal'}
													size={f === 'label' ? 6 : 4}
													maxLength={f === 'label' ? MAX_LABEL_LENGTH + 5 : 12}
													value={row[f]}
													onChange={(e) => update(i, { [f]: e.target.value })}
													onFocus={() => setSelected(row.key)}
													aria-label={`${t(`field.${f}`)}, ${who}`}
													aria-invalid={errs || (f === 'label' && whole) ? true : undefined}
													aria-describedby={describedBy}
												/>
												{errs ? (
													<span className="field-error" id={`${id}-error`}>
														{errs.join(' ')}
													</span>
												) : null}
												{f === 'label' && whole ? (
													<span className="field-error" id={`${fieldId(`stands.${i}`)}-error`}>
														{whole.join(' ')}
													</span>
												) : null}
											</td>
										)
									})}
									<td>
										<input
											type="checkbox"
											name={`stands[${i}].power`}
											checked={row.power}
											onChange={(e) => update(i, { power: e.target.checked })}
											aria-label={`${t('power')}, ${who}`}
										/>
									</td>
									<td>
										<input
											type="checkbox"
											name={`stands[${i}].accessible`}
											checked={row.accessible}
											onChange={(e) => update(i, { accessible: e.target.checked })}
											aria-label={`${t('accessible')}, ${who}`}
										/>
									</td>
									<td>
										<input
											type="text"
											name={`stands[${i}].zone`}
											list="plan-zones"
											size={7}
											maxLength={60}
											value={row.zone}
											onChange={(e) => update(i, { zone: e.target.value })}
											aria-label={`${t('field.zone')}, ${who}`}
											aria-invalid={fieldError(i, 'zone') ? true : undefined}
										/>
										{fieldError(i, 'zone') ? <span className="field-error">{fieldError(i, 'zone')!.join(' ')}</span> : null}
									</td>
									<td>
										<input
											type="checkbox"
											name={`stands[${i}].delete`}
											aria-label={`${t('field.delete')}, ${who}`}
											onChange={(e) =>
												setTicked((current) => {
													const next = new Set(current)
													if (e.target.checked) next.add(row.key)
													else next.delete(row.key)
													return next
												})
											}
										/>
									</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
			<p className="button-row" style={{ marginTop: '1rem' }}>
				<button type="submit" name="intent" value="save" className="button">
					{t('editor.save')}
				</button>
				<button type="submit" name="intent" value="addRows" className="button secondary">
					{t('editor.addRows')}
				</button>
				{unsaved && hydrated ? (
					<span className="pill status-draft" data-unsaved="true">
						{t('editor.leave.unsaved')}
					</span>
				) : null}
			</p>
		</Form>
	)
}

/**
 * The landmarks table (entrance, stage, info desk, zones…): its own form, saved live, not part of
 * the draft of a published plan. Plain inputs: it works the same with or without JavaScript.
 */
export function LandmarksForm({ rows, errors }: { rows: LandmarkRowValues[]; errors: Record<string, string[]> }) {
	const { t } = useTranslation('plan')
	const errorCount = Object.values(errors).reduce((n, list) => n + list.length, 0)
	const id = (i: number, f: string) => `landmark-${i}-${f}`
	const numberFields = ['x', 'y', 'width', 'height'] as const
	return (
		<Form method="post" className="plan-landmarks" noValidate aria-labelledby="plan-landmarks-title">
			<h2 id="plan-landmarks-title">{t('landmarks.title')}</h2>
			<p className="muted">{t('landmarks.hint')}</p>
			{errorCount ? (
				<div className="notice danger" role="alert" id="landmark-errors">
					<p>{t('landmarks.errors', { count: errorCount })}</p>
					<ul>
						{Object.entries(errors).flatMap(([path, messages]) => {
							const m = /^(\d+)(?:\.(\w+))?$/.exec(path)
							const i = m ? Number(m[1]) : 0
							const field = m?.[2] ?? 'kind'
							const who = t('landmarks.row', { n: i + 1 })
							return messages.map((message, k) => (
								<li key={`${path}-${k}`}>
									<a href={`#${id(i, field)}`}>
										{who}, {t(field === 'kind' || field === 'label' ? `landmarks.${field}` : `field.${field}`)}
									</a>
									: {message}
								</li>
							))
						})}
					</ul>
				</div>
			) : null}
			<div className="table-wrap">
				<table className="data plan-table">
					<thead>
						<tr>
							<th scope="col">{t('landmarks.kind')}</th>
							<th scope="col">{t('landmarks.label')}</th>
							{numberFields.map((f) => (
								<th key={f} scope="col">
									{t(`field.${f}`)}
								</th>
							))}
							<th scope="col">{t('field.delete')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((row, i) => {
							const who = t('landmarks.row', { n: i + 1 })
							const err = (f: string) => errors[`${i}.${f}`] ?? (f === 'kind' ? errors[String(i)] : undefined)
							const cell = (f: string, input: React.ReactNode) => (
								<td key={f}>
									{input}
									{err(f) ? (
										<span className="field-error" id={`${id(i, f)}-error`}>
											{err(f)!.join(' ')}
										</span>
									) : null}
								</td>
							)
							const common = (f: string) => ({
								id: id(i, f),
								name: `landmarks[${i}].${f}`,
								'aria-invalid': err(f) ? true : undefined,
								'aria-describedby': err(f) ? `${id(i, f)}-error` : undefined,
							})
							return (
								<tr key={i} data-landmark-row={i}>
									{cell(
										'kind',
										<select {...common('kind')} defaultValue={row.kind} aria-label={`${t('landmarks.kind')}, ${who}`}>
											<option value="">{t('landmarks.chooseKind')}</option>
											{LANDMARK_KINDS.map((k) => (
												<option key={k} value={k}>
													{t(`landmarkKind.${k}`)}
												</option>
											))}
										</select>,
									)}
									{cell(
										'label',
										<input
											{...common('label')}
											type="text"
											size={14}
											maxLength={MAX_LANDMARK_LABEL + 5}
											defaultValue={row.label}
											aria-label={`${t('landmarks.label')}, ${who}`}
										/>,
									)}
									{numberFields.map((f) =>
										cell(
											f,
											<input
												{...common(f)}
												type="text"
												inputMode="decimal"
												size={4}
												maxLength={12}
												defaultValue={row[f]}
												aria-label={`${t(`field.${f}`)}, ${who}`}
											/>,
										),
									)}
									<td>
										<input type="checkbox" name={`landmarks[${i}].delete`} aria-label={`${t('field.delete')}, ${who}`} />
									</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
			<p className="button-row" style={{ marginTop: '1rem' }}>
				<button type="submit" name="intent" value="landmarks" className="button">
					{t('landmarks.save')}
				</button>
				<button type="submit" name="intent" value="addLandmarks" className="button secondary">
					{t('editor.addRows')}
				</button>
			</p>
		</Form>
	)
}

/** The rows that would be saved, as one text to compare (blank rows are not saved). */
function rowsText(rows: readonly StandRowValues[]): string {
	return JSON.stringify(
		rows.filter((r) => !isBlank(r)).map((r) => [r.label.trim(), ...FIELDS.slice(1).map((f) => r[f].trim()), r.power, r.accessible, r.zone.trim()]),
	)
}

/**
 * Asks before unsaved work is lost: the browser's prompt when the page is reloaded or closed, and
 * a dialog of ours for a navigation inside the app to another page (the editor's own forms post to
 * this page and are not held back).
 */
function useUnsavedWarning(unsaved: boolean) {
	const { t } = useTranslation('plan')
	useEffect(() => {
		if (!unsaved) return
		const onBeforeUnload = (event: BeforeUnloadEvent) => {
			event.preventDefault()
			event.returnValue = ''
		}
		window.addEventListener('beforeunload', onBeforeUnload)
		return () => window.removeEventListener('beforeunload', onBeforeUnload)
	}, [unsaved])
	const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname)
	return blocker.state === 'blocked' ? <LeaveDialog blocker={blocker} t={t} /> : null
}

/** A modal dialog (focus inside, Escape stays) over a blocked navigation. */
function LeaveDialog({ blocker, t }: { blocker: Blocker; t: (key: string) => string }) {
	const ref = useRef<HTMLDialogElement>(null)
	useEffect(() => {
		const dialog = ref.current
		if (dialog && !dialog.open) dialog.showModal()
	}, [])
	return (
		<dialog
			ref={ref}
			className="leave-dialog"
			aria-labelledby="leave-dialog-title"
			aria-describedby="leave-dialog-text"
			onCancel={(e) => {
				e.preventDefault()
				blocker.reset?.()
			}}
		>
			<h2 id="leave-dialog-title">{t('editor.leave.title')}</h2>
			<p id="leave-dialog-text">{t('editor.leave.text')}</p>
			<p className="button-row">
				<button type="button" className="button" autoFocus onClick={() => blocker.reset?.()}>
					{t('editor.leave.stay')}
				</button>
				<button type="button" className="button danger" onClick={() => blocker.proceed?.()}>
					{t('editor.leave.leave')}
				</button>
			</p>
		</dialog>
	)
}

/** An element id for a field path ("stands.3.label" → "stand-3-label"). */
export function fieldId(path: string) {
	return path.replace(/^stands\./, 'stand-').replace(/\./g, '-')
}

function describePath(path: string, rows: StandRowValues[], t: (key: string, values?: Record<string, unknown>) => string) {
	const m = /^stands\.(\d+)(?:\.(\w+))?$/.exec(path)
	if (!m) return t('editor.wholePlan')
	const row = rows[Number(m[1])]
	const who = row?.label.trim() || t('editor.newRow', { n: Number(m[1]) + 1 })
	return m[2] ? `${who}, ${t(`field.${m[2]}`)}` : who
}
