// Arrivals per 15 minutes as a bar chart: inline SVG drawn on the server, no chart library and no
// script. For screen readers the SVG is one image named by its <title>, the caption says the total
// and the busiest quarter hour, and a visually hidden table holds every number of the chart.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArrivalBar } from '#app/services/views/checkin-admin-views.server.ts'

// Drawing units. The SVG scales with the page, but never below 0.85 of these sizes (the wrapper
// scrolls sideways instead, see .arrivals-chart in checkin.css) and never above 1.5, so the text
// stays readable on a phone and the bars do not turn into posters on a wide screen.
const BAR_STEP = 36
const BAR_WIDTH = 26
const PLOT_HEIGHT = 150
const LEFT = 34
const TOP = 18
const BOTTOM = 26
const RIGHT = 8

/** A round axis maximum above `max` and 2–5 gridlines on round numbers. */
function axisTicks(max: number): number[] {
	if (max <= 0) return [0, 1]
	const rough = max / 4
	const magnitude = 10 ** Math.floor(Math.log10(rough))
	const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude
	const wholeStep = Math.max(1, Math.round(step))
	const top = Math.ceil(max / wholeStep) * wholeStep
	const ticks: number[] = []
	for (let v = 0; v <= top; v += wholeStep) ticks.push(v)
	return ticks
}

/**
 * Which quarter hours get a time under their bar: all of them when there are very few (a time is
 * about as wide as a bar's step), otherwise the half hours, or only the full hours for a long day. Belgrade's offset from UTC is whole hours, so
 * the UTC minutes are the wall clock's.
 */
function labelled(start: string, count: number): boolean {
	const minutes = new Date(start).getUTCMinutes()
	if (count <= 4) return true
	if (count <= 24) return minutes % 30 === 0
	return minutes === 0
}

export function ArrivalsChart({ bars, title }: { bars: ArrivalBar[]; title: string }) {
	const { t } = useTranslation('admin')
	const titleId = useId()
	if (bars.length === 0) return <p className="empty-state">{t('checkin.chart.empty')}</p>
	const ticks = axisTicks(Math.max(...bars.map((b) => b.persons)))
	const top = ticks.at(-1)!
	const width = LEFT + bars.length * BAR_STEP + RIGHT
	const height = TOP + PLOT_HEIGHT + BOTTOM
	const y = (value: number) => TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT
	const busiest = bars.reduce((a, b) => (b.persons > a.persons ? b : a))
	const total = bars.reduce((sum, b) => sum + b.persons, 0)
	const summary = total === 0 ? t('checkin.chart.summaryNone') : t('checkin.chart.summary', { count: total, busiest: busiest.range, persons: busiest.persons })
	return (
		<figure className="arrivals-chart">
			<div className="arrivals-scroll">
				<svg
					viewBox={`0 0 ${width} ${height}`}
					style={{ minWidth: `${Math.round(width * 0.85)}px`, maxWidth: `${Math.round(width * 1.5)}px` }}
					role="img"
					aria-labelledby={titleId}
					data-arrivals-chart=""
				>
					<title id={titleId}>{title}</title>
					<g className="grid">
						{ticks.map((v) => (
							<g key={v}>
								<line x1={LEFT} x2={width - RIGHT} y1={y(v)} y2={y(v)} />
								<text x={LEFT - 6} y={y(v) + 4} textAnchor="end">
									{v}
								</text>
							</g>
						))}
					</g>
					{bars.map((bar, i) => {
						const x = LEFT + i * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2
						const barTop = y(bar.persons)
						return (
							<g key={bar.start} data-bucket={bar.label} data-persons={bar.persons} data-parties={bar.parties}>
								<title>{`${bar.range}: ${t('checkin.persons', { count: bar.persons, formatted: String(bar.persons) })}`}</title>
								{bar.persons > 0 ? (
									<>
										<rect className="bar" x={x} y={barTop} width={BAR_WIDTH} height={TOP + PLOT_HEIGHT - barTop} rx={2} />
										<text className="value" x={x + BAR_WIDTH / 2} y={barTop - 4} textAnchor="middle">
											{bar.persons}
										</text>
									</>
								) : null}
								{labelled(bar.start, bars.length) ? (
									<text className="tick" x={x + BAR_WIDTH / 2} y={TOP + PLOT_HEIGHT + 17} textAnchor="middle">
										{bar.label}
									</text>
								) : null}
							</g>
						)
					})}
					<line className="axis" x1={LEFT} x2={width - RIGHT} y1={TOP + PLOT_HEIGHT} y2={TOP + PLOT_HEIGHT} />
				</svg>
			</div>
			<figcaption className="muted">{summary}</figcaption>
			<table className="visually-hidden" data-arrivals-table="">
				<caption>{title}</caption>
				<thead>
					<tr>
						<th scope="col">{t('checkin.chart.time')}</th>
						<th scope="col">{t('checkin.chart.parties')}</th>
						<th scope="col">{t('checkin.chart.persons')}</th>
					</tr>
				</thead>
				<tbody>
					{bars.map((bar) => (
						<tr key={bar.start} data-start={bar.start} data-persons={bar.persons} data-parties={bar.parties}>
							<th scope="row">
								<time dateTime={bar.start}>{bar.range}</time>
							</th>
							<td>{bar.parties}</td>
							<td>{bar.persons}</td>
						</tr>
					))}
				</tbody>
			</table>
		</figure>
	)
}
