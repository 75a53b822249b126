// The charts of a survey's results page, drawn with HTML and CSS only (no chart library, no
// script): a table per question whose share column carries a horizontal bar, and for the 1–5
// scale a diverging stacked bar above its table. The numbers are always in the table; the bars
// are aria-hidden. A hidden count ("< 5") is a hatched empty bar, never a length.
import { useTranslation } from 'react-i18next'
import type { LikertSegment, QuestionView, ResultLine } from '#app/services/views/survey-results-views.server.ts'

const SMALL = '< 5'

function Bar({ line }: { line: ResultLine }) {
	if (line.bar === null)
		return (
			<span className="result-bar hidden-count" aria-hidden="true">
				<span className="result-bar-small">{SMALL}</span>
			</span>
		)
	return (
		<span className="result-bar" aria-hidden="true">
			<span className="result-bar-fill" style={{ width: `${line.bar}%` }} />
		</span>
	)
}

/** A table of answers with counts, shares and a bar in the share column. */
export function ResultTable({ lines, caption, answerHead, id }: { lines: ResultLine[]; caption: string; answerHead: string; id: string }) {
	const { t } = useTranslation('survey-results')
	return (
		<div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
			<table className="data result-table">
				<caption id={`${id}-caption`} className="visually-hidden">
					{caption}
				</caption>
				<thead>
					<tr>
						<th scope="col">{answerHead}</th>
						<th scope="col" className="num">
							{t('columns.count')}
						</th>
						<th scope="col" className="share-col">
							{t('columns.share')}
						</th>
					</tr>
				</thead>
				<tbody>
					{lines.map((line) => (
						<tr key={line.key} data-answer={line.key}>
							<th scope="row">{line.label}</th>
							<td className="num" data-count={line.count === null ? 'hidden' : line.count}>
								{line.countText}
							</td>
							<td className="share">
								<span className="share-cell">
									<Bar line={line} />
									<span className="share-text">{line.shareText ?? '—'}</span>
								</span>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

function Segment({ segment, showSmall }: { segment: LikertSegment; showSmall: boolean }) {
	if (segment.hidden)
		return (
			<span className={`likert-seg p${segment.point} hidden-count`} aria-hidden="true">
				{showSmall ? SMALL : null}
			</span>
		)
	if (segment.width === 0) return null
	return <span className={`likert-seg p${segment.point}`} style={{ width: `${segment.width}%` }} />
}

/** The 1–5 scale as one diverging bar: 1–2 to the left of the centre, 3 across it, 4–5 to the right. */
export function LikertBar({ question }: { question: QuestionView }) {
	const { t } = useTranslation('survey-results')
	if (!question.likert) return null
	const { left, right } = question.likert
	return (
		<div className="likert" aria-hidden="true">
			<ol className="likert-legend">
				{[1, 2, 3, 4, 5].map((point) => (
					<li key={point}>
						<span className={`likert-swatch p${point}`} />
						{point} · {[...left, ...right].find((s) => s.point === point)?.label}
					</li>
				))}
			</ol>
			<div className="likert-ends">
				<span>← {t('disagree')}</span>
				<span>{t('agree')} →</span>
			</div>
			<div className="likert-bar">
				<div className="likert-half left">
					{left.map((s) => (
						<Segment key={s.point} segment={s} showSmall={s.point !== 3} />
					))}
				</div>
				<div className="likert-half right">
					{right.map((s) => (
						<Segment key={s.point} segment={s} showSmall />
					))}
				</div>
			</div>
		</div>
	)
}
