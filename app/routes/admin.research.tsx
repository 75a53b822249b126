// /admin/research: counts of applicants and exhibitors for the Center's reports (legal form,
// status under the law, municipality, category, staff), per fair and across years. Only
// applications with research consent count; cells under 5 are hidden (research-tables.ts).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { cellText, type ResearchTables } from '#app/domain/research-tables.ts'
import { researchData, researchLabel } from '#app/services/queries/research.server.ts'
import { idParam } from '#app/http/api.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import researchStyles from '#app/styles/research.css?url'
import type { TFunction } from 'i18next'
import type { FairCategory } from '#app/domain/fair-settings-input.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

// No form here: an anonymous caller goes to the login first, as for the page; then any other
// method than GET is a 405 page with one log line (Remix's own 405 logs a stack trace).
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: researchStyles }]

/** The tables as the page shows them: labels and cell texts made on the server, in the reader's language. */
function tableViews(tables: ResearchTables, t: TFunction, locale: Locale, ownCategories: readonly FairCategory[]) {
	const many = tables.periods.length > 1
	const text = (cell: Parameters<typeof cellText>[0]) => cellText(cell, (n) => formatNumber(n, locale))
	return tables.tables.map((table) => {
		const line = (l: (typeof table.rows)[number], label: string) => ({
			key: l.key,
			label,
			cells: [...l.periods.flatMap((p) => [text(p.applicants), text(p.exhibitors)]), ...(many ? [text(l.total.applicants), text(l.total.exhibitors)] : [])],
		})
		return {
			dimension: table.dimension,
			title: t(`exhibitors:research.dimension.${table.dimension}`),
			rows: table.rows.map((r) => line(r, researchLabel(t, table.dimension, r.key, locale, ownCategories))),
			totals: table.totals ? line(table.totals, t('exhibitors:research.total')) : null,
		}
	})
}

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { locale, t } = await getRequestT(request, ['exhibitors', 'admin'])
	const fairId = idParam(new URL(request.url).searchParams.get('fair') ?? undefined)
	const data = researchData(getDb(), fairId)
	return {
		title: pageTitle(locale, t('exhibitors:research.title')),
		fairs: data.fairs.map((f) => ({ id: f.id, title: f.title })),
		fair: data.fair,
		counts: { consented: formatNumber(data.counts.consented, locale), total: formatNumber(data.counts.all, locale) },
		perFair: data.perFair ? tableViews(data.perFair, t, locale, data.ownCategories) : null,
		years: data.years.periods,
		acrossYears: tableViews(data.years, t, locale, data.ownCategories),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

type TableView = ReturnType<typeof tableViews>[number]

function ResearchTable({ table, periods, scope, id }: { table: TableView; periods: string[]; scope: string; id: string }) {
	const { t } = useTranslation('exhibitors')
	const many = periods.length > 1
	const groups = many ? [...periods, t('research.allYears')] : []
	return (
		<div className="research-table">
			<h3 id={id}>{table.title}</h3>
			{table.dimension === 'ways' ? <p className="muted">{t('research.waysNote')}</p> : null}
			{table.dimension === 'staff' ? <p className="muted">{t('research.staffNote')}</p> : null}
			{/* Focusable, so a keyboard can scroll a table wider than a phone. */}
			<div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
				<table className="data">
					<caption id={`${id}-caption`} className="visually-hidden">
						{t('research.caption', { dimension: table.title, scope })}
					</caption>
					<thead>
						{many ? (
							<tr>
								<td />
								{groups.map((g) => (
									<th key={g} scope="colgroup" colSpan={2} className="num">
										{g}
									</th>
								))}
							</tr>
						) : null}
						<tr>
							<th scope="col">{table.title}</th>
							{(many ? groups : ['']).flatMap((g) => [
								<th key={`${g}a`} scope="col" className="num">
									{t('research.applicants')}
								</th>,
								<th key={`${g}e`} scope="col" className="num">
									{t('research.exhibitors')}
								</th>,
							])}
						</tr>
					</thead>
					<tbody>
						{table.rows.map((row) => (
							<tr key={row.key}>
								<th scope="row">{row.label}</th>
								{row.cells.map((cell, i) => (
									<td key={i} className="num">
										{cell}
									</td>
								))}
							</tr>
						))}
					</tbody>
					{table.totals ? (
						<tfoot>
							<tr>
								<th scope="row">{table.totals.label}</th>
								{table.totals.cells.map((cell, i) => (
									<td key={i} className="num">
										{cell}
									</td>
								))}
							</tr>
						</tfoot>
					) : null}
				</table>
			</div>
		</div>
	)
}

function Legend() {
	const { t } = useTranslation('exhibitors')
	return (
		<aside className="notice" aria-labelledby="legend-title">
			<h2 id="legend-title" style={{ fontSize: '1rem', margin: '0 0 0.35rem' }}>
				{t('research.legendTitle')}
			</h2>
			<dl className="research-legend">
				<div>
					<dt>&lt;5</dt>
					<dd>{t('research.legendSmall')}</dd>
				</div>
				<div>
					<dt>—</dt>
					<dd>{t('research.legendHidden')}</dd>
				</div>
			</dl>
		</aside>
	)
}

export default function Research() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation('exhibitors')
	const csvHref = `/admin/research.csv${data.fair ? `?fair=${data.fair.id}` : ''}`
	return (
		<>
			<div className="section-head">
				<h1>{t('research.title')}</h1>
				{data.fair ? (
					<p className="button-row" style={{ margin: 0 }}>
						<Link className="button secondary small" to={csvHref} reloadDocument>
							{t('research.export')}
						</Link>
						<Link to={`${csvHref}${data.fair ? '&' : '?'}delimiter=comma`} reloadDocument>
							{t('research.exportComma')}
						</Link>
					</p>
				) : null}
			</div>
			<p>{t('research.intro')}</p>
			<p className="notice">
				<strong>{t('research.consentNote', { consented: data.counts.consented, total: data.counts.total })}</strong> {t('research.exhibitorsNote')}
			</p>
			<Legend />
			{!data.fair ? (
				<p className="empty-state">{t('research.noFairs')}</p>
			) : (
				<>
					<section aria-labelledby="per-fair-title" style={{ marginTop: '1.5rem' }}>
						<h2 id="per-fair-title">{t('research.perFair')}</h2>
						<Form method="get" className="research-choose">
							<div className="field">
								<label htmlFor="research-fair">{t('research.fair')}</label>
								<select id="research-fair" name="fair" defaultValue={data.fair.id}>
									{data.fairs.map((f) => (
										<option key={f.id} value={f.id}>
											{f.title}
										</option>
									))}
								</select>
							</div>
							<button type="submit" className="button secondary small">
								{t('research.show')}
							</button>
						</Form>
						{data.perFair?.map((table) => (
							<ResearchTable key={table.dimension} table={table} periods={[data.fair!.title]} scope={data.fair!.title} id={`fair-${table.dimension}`} />
						))}
					</section>
					<section aria-labelledby="years-title" style={{ marginTop: '2rem' }}>
						<h2 id="years-title">{t('research.acrossYears')}</h2>
						<p className="muted">{t('research.acrossYearsIntro')}</p>
						{data.acrossYears.map((table) => (
							<ResearchTable key={table.dimension} table={table} periods={data.years} scope={t('research.acrossYears')} id={`years-${table.dimension}`} />
						))}
					</section>
				</>
			)}
			<p className="muted" style={{ marginTop: '1.5rem' }}>
				{t('research.exportHint')}
			</p>
		</>
	)
}
