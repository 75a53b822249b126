// The parts of the organizers' review list (routes/admin.events.$id_.applications.tsx): counts,
// filters (a plain GET form), the table, and the release panel whose confirmation is a checkbox in
// a POST form, so it works without JavaScript and nobody is emailed by a stray click.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LEGAL_FORMS } from '#app/domain/application-options.ts'
import { NEEDS_FILTERS, SORT_ORDERS } from '#app/domain/review-stats.ts'
import { isFiltered } from '#app/domain/review-input.ts'
import { APPLICATION_STATUSES, type ApplicationStatus } from '#app/domain/vocabulary.ts'
import type { ReviewListPage } from '#app/services/views/application-review-views.server.ts'

type Row = ReviewListPage['rows'][number]
type Needs = Row['needs']

const NOWRAP = { whiteSpace: 'nowrap' } as const

/** The stylesheet's colours: green for accepted, yellow (default) for waiting, red for no. */
const PILL: Record<ApplicationStatus, string> = {
	submitted: 'pill status-draft',
	accepted: 'pill status-open',
	waitlisted: 'pill',
	rejected: 'pill status-cancelled',
	withdrawn: 'pill status-cancelled',
}

export function StatusPill({ status }: { status: ApplicationStatus }) {
	const { t } = useTranslation('review')
	return <span className={PILL[status]}>{t(`status.${status}`)}</span>
}

/**
 * The organizer's decision next to what the exhibitor has been told. A staged decision (not yet
 * released) is marked, so nobody mistakes it for one the exhibitor knows.
 */
export function DecisionState({
	status,
	releasedStatus,
	unreleased,
}: {
	status: ApplicationStatus
	releasedStatus: ApplicationStatus | null
	unreleased: boolean
}) {
	const { t } = useTranslation('review')
	return (
		<div className="decision-state" style={{ display: 'grid', gap: '0.25rem', justifyItems: 'start' }}>
			<StatusPill status={status} />
			{unreleased ? (
				<span className="staged" data-staged="true" style={{ fontSize: '0.85rem', color: 'var(--orange-600)', fontWeight: 600 }}>
					{t('decision.staged')}
				</span>
			) : null}
			{unreleased || (status === 'withdrawn' && releasedStatus) ? (
				<span className="muted" style={{ fontSize: '0.85rem' }}>
					{t('decision.exhibitorSees', { status: t(`status.${releasedStatus ?? 'submitted'}`) })}
				</span>
			) : null}
		</div>
	)
}

export function NeedsList({ needs }: { needs: Needs }) {
	const { t } = useTranslation('review')
	const items = [
		needs.power ? t('needs.power') : null,
		needs.accessible ? t('needs.accessible') : null,
		needs.sizeM2 != null ? t('needs.sizeM2', { size: needs.sizeM2 }) : null,
		needs.table ? t('needs.table') : null,
		needs.chairs > 0 ? t('needs.chairs', { count: needs.chairs }) : null,
	].filter((x): x is string => x !== null)
	if (items.length === 0) return <span className="muted">{t('needs.none')}</span>
	return <>{items.join(', ')}</>
}

export function StatusCounts({ counts }: { counts: ReviewListPage['counts'] }) {
	const { t } = useTranslation('review')
	return (
		<dl className="facts" aria-label={t('counts.label')} style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(8rem, 1fr))' }}>
			<div data-count="total" data-value={counts.total}>
				<dt>{t('counts.total')}</dt>
				<dd>{counts.total}</dd>
			</div>
			{APPLICATION_STATUSES.map((status) => (
				<div key={status} data-count={status} data-value={counts.status[status] ?? 0}>
					<dt>{t(`status.${status}`)}</dt>
					<dd>{counts.status[status] ?? 0}</dd>
				</div>
			))}
		</dl>
	)
}

export function ReviewFilters({ page }: { page: Pick<ReviewListPage, 'query' | 'counts' | 'categories'> }) {
	const { t } = useTranslation(['review', 'apply'])
	const { query, counts } = page
	const withCount = (label: string, count: number | undefined) => t('filters.withCount', { label, count: count ?? 0 })
	return (
		<Form method="get" role="search" className="card form" aria-label={t('filters.label')} style={{ marginBottom: '1rem' }}>
			<div className="field-grid two">
				<div className="field">
					<label htmlFor="filter-status">{t('filters.status')}</label>
					<select id="filter-status" name="status" defaultValue={query.status}>
						<option value="all">{withCount(t('filters.all'), counts.total)}</option>
						{APPLICATION_STATUSES.map((s) => (
							<option key={s} value={s}>
								{withCount(t(`status.${s}`), counts.status[s])}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="filter-category">{t('filters.category')}</label>
					<select id="filter-category" name="category" defaultValue={query.category}>
						<option value="all">{t('filters.all')}</option>
						{page.categories.map((c) => (
							<option key={c.code} value={c.code}>
								{withCount(c.name, counts.category[c.code])}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="filter-legal-form">{t('filters.legalForm')}</label>
					<select id="filter-legal-form" name="legalForm" defaultValue={query.legalForm}>
						<option value="all">{t('filters.all')}</option>
						{LEGAL_FORMS.map((f) => (
							<option key={f} value={f}>
								{withCount(t(`apply:legalForm.${f}`), counts.legalForm[f])}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="filter-sort">{t('filters.sort')}</label>
					<select id="filter-sort" name="sort" defaultValue={query.sort}>
						{SORT_ORDERS.map((s) => (
							<option key={s} value={s}>
								{t(`sort.${s}`)}
							</option>
						))}
					</select>
				</div>
			</div>
			<fieldset style={{ border: 0, padding: 0, margin: 0 }}>
				<legend style={{ fontWeight: 600, marginBottom: '0.35rem' }}>{t('filters.needs')}</legend>
				<div className="button-row" style={{ margin: 0 }}>
					{NEEDS_FILTERS.map((need) => (
						<div className="check" key={need}>
							<input type="checkbox" id={`filter-needs-${need}`} name="needs" value={need} defaultChecked={query.needs.includes(need)} />
							<label htmlFor={`filter-needs-${need}`}>{t(`filters.${need}`)}</label>
						</div>
					))}
				</div>
			</fieldset>
			<div className="button-row">
				<button className="button small" type="submit">
					{t('filters.submit')}
				</button>
				{isFiltered(query) || query.sort !== 'arrived' ? <Link to={{ search: '' }}>{t('filters.clear')}</Link> : null}
			</div>
		</Form>
	)
}

function Score({ stats }: { stats: Row['stats'] }) {
	const { t } = useTranslation('review')
	if (stats.count === 0) return <span className="muted">{t('noReviews')}</span>
	return (
		<>
			<strong>{stats.overall}</strong>
			{stats.disagreement ? (
				<>
					<br />
					<span className="pill status-cancelled" data-disagreement="true" title={t('disagreementHint', { range: stats.range })} style={NOWRAP}>
						⚠ {t('disagreement')}
					</span>
					<span className="visually-hidden">{t('disagreementHint', { range: stats.range })}</span>
				</>
			) : null}
		</>
	)
}

export function ReviewTable({ rows, eventTitle }: { rows: Row[]; eventTitle: string }) {
	const { t } = useTranslation(['review', 'apply'])
	return (
		<div className="table-wrap">
			<table className="data review-list">
				<caption className="visually-hidden">{t('table.caption', { title: eventTitle })}</caption>
				<thead>
					<tr>
						<th scope="col">{t('table.organization')}</th>
						<th scope="col">{t('table.category')}</th>
						<th scope="col">{t('table.municipality')}</th>
						<th scope="col">{t('table.needs')}</th>
						<th scope="col" className="num">
							{t('table.reviews')}
						</th>
						<th scope="col" className="num">
							{t('table.average')}
						</th>
						<th scope="col">{t('table.decision')}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr
							key={row.id}
							data-application-id={row.id}
							data-status={row.status}
							data-released={row.releasedStatus ?? 'none'}
							data-reviews={row.stats.count}
							data-average={row.stats.overall ?? ''}
							data-disagreement={row.stats.disagreement}
						>
							<td className="org">
								<Link to={row.href}>
									<strong>{row.orgName}</strong>
								</Link>
								<br />
								<span className="muted">{t(`apply:legalForm.${row.legalForm}`, { defaultValue: row.legalForm })}</span>
							</td>
							<td data-label={t('table.category')}>{row.categoryName}</td>
							<td data-label={t('table.municipality')}>{row.municipalityName ?? t('apply:municipalityOther')}</td>
							<td data-label={t('table.needs')}>
								<NeedsList needs={row.needs} />
							</td>
							<td className="num" data-label={t('table.reviews')}>
								{row.stats.count}
								{row.reviewedByMe ? (
									<>
										<br />
										<span className="muted" style={{ ...NOWRAP, fontSize: '0.85rem' }}>
											{t('reviewedByMe')}
										</span>
									</>
								) : null}
							</td>
							<td className="num" data-label={t('table.average')}>
								<Score stats={row.stats} />
							</td>
							<td className="decision">
								<DecisionState status={row.status} releasedStatus={row.releasedStatus} unreleased={row.unreleased} />
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

export function ReleasePanel({ release, error }: { release: ReviewListPage['release']; error?: string }) {
	const { t } = useTranslation('review')
	const count = release.items.length
	if (count === 0) {
		return (
			<section className="card" aria-labelledby="release-title" data-release-pending="0">
				<h2 id="release-title">{t('release.title')}</h2>
				<p className="muted">{t('release.nothing')}</p>
			</section>
		)
	}
	return (
		<section className="card" aria-labelledby="release-title" data-release-pending={count} style={{ borderLeft: '6px solid var(--yellow-400)' }}>
			<h2 id="release-title">{t('release.pending', { count })}</h2>
			<p>{t('release.intro')}</p>
			<ul style={{ paddingLeft: '1.2rem' }}>
				{release.items.map((item) => (
					<li key={item.id} data-release-item={item.id} style={{ marginBottom: '0.35rem', overflowWrap: 'anywhere' }}>
						<strong>{item.orgName}</strong> · <StatusPill status={item.status} /> → {item.contactEmail}
						{item.releasedStatus ? <span className="muted"> {t('release.was', { status: t(`status.${item.releasedStatus}`) })}</span> : null}
						{item.note ? <span className="muted"> {t('release.withNote')}</span> : null}
					</li>
				))}
			</ul>
			<Form method="post" className="form">
				<input type="hidden" name="intent" value="release" />
				<input type="hidden" name="pending" value={release.fingerprint} />
				<div className="check">
					<input
						type="checkbox"
						id="release-confirm"
						name="confirm"
						aria-invalid={error ? true : undefined}
						aria-describedby={error ? 'release-error' : undefined}
					/>
					<label htmlFor="release-confirm">{t('release.confirm', { count })}</label>
				</div>
				{error ? (
					<p className="field-error" id="release-error" role="alert">
						{error}
					</p>
				) : null}
				<div>
					<button className="button" type="submit">
						{t('release.submit', { count })}
					</button>
				</div>
			</Form>
		</section>
	)
}
