// The accessibility needs of an event's registrations (issue 18), for the organizer before the
// event: how many named each need, then who needs what.
import { useTranslation } from 'react-i18next'
import type { AccessibilitySummaryView } from '#app/services/views/event-question-views.server.ts'

export function AccessibilityNeeds({ summary }: { summary: AccessibilitySummaryView }) {
	const { t } = useTranslation('questions')
	return (
		<section className="card accessibility-needs" aria-labelledby="accessibility-needs-title" style={{ marginBottom: '1.5rem' }}>
			<h2 id="accessibility-needs-title">{t('access.summaryTitle')}</h2>
			<table className="data">
				<thead>
					<tr>
						<th scope="col">{t('access.needsHead')}</th>
						<th scope="col" className="num">
							{t('access.count')}
						</th>
					</tr>
				</thead>
				<tbody>
					{summary.counts.map((c) => (
						<tr key={c.need} data-need={c.need}>
							<td>{c.label}</td>
							<td className="num">{c.countText}</td>
						</tr>
					))}
				</tbody>
			</table>
			{summary.rows.length === 0 ? (
				<p className="muted">{t('access.summaryNone')}</p>
			) : (
				<>
					<h3 style={{ marginTop: '1.25rem' }}>{t('access.who')}</h3>
					<ul className="access-who">
						{summary.rows.map((r) => (
							<li key={r.id} data-registration-id={r.id}>
								<strong>{r.name}</strong>
								{r.needs ? `: ${r.needs}` : null}
								{r.other ? ` (${r.other})` : null}
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	)
}
