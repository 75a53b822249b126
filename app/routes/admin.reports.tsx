// /admin/reports: the funders' reports on one page (issue 16). The participants of a period or of
// chosen events (registered, checked in, and by sex, age group, municipality and vulnerable group),
// the exhibitors of a fair next to the previous one; server-drawn bars, the method, the XLSX
// downloads, and a print stylesheet for a clean A4 report. A GET form: works without JavaScript.
// The funder's visibility block (EU emblem, funding statement, disclaimer; /admin/settings) heads
// the report on screen and in print whenever it is set.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatNumber, formatShortDate, toBelgradeLocalInput } from '#app/domain/format.ts'
import { ParticipantReportQuerySchema } from '#app/domain/participant-report.ts'
import { eventsBySlug, eventsInRange, participantReportFor, reportableEvents } from '#app/services/queries/reports.server.ts'
import { exhibitorReportData, fairBySlug } from '#app/services/queries/research.server.ts'
import { exhibitorTablesView, participantTablesView, titleIn, type BarTable, type ExhibitorTableView } from '#app/services/views/reports.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'
import { funderBlockView } from '#app/domain/funder-visibility.ts'
import { funderVisibility } from '#app/services/queries/site-settings.server.ts'
import { FunderBlock } from '#app/components/funder-block.tsx'
import reportStyles from '#app/styles/reports.css?url'

export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { locale, t } = await getRequestT(request, ['reports', 'public', 'exhibitors', 'common', 'admin'])
	const search = new URL(request.url).searchParams
	const db = getDb()
	const year = toBelgradeLocalInput(new Date()).slice(0, 4)
	const chosenSlugs = search.getAll('event').filter(Boolean)
	const form = { from: search.get('from') ?? `${year}-01-01`, to: search.get('to') ?? `${year}-12-31`, events: chosenSlugs }
	const parsed = ParticipantReportQuerySchema.safeParse(chosenSlugs.length ? { events: chosenSlugs.join(',') } : { from: form.from, to: form.to }, {
		error: makeZodErrorMap(t),
	})
	let fields: Record<string, string[]> = parsed.success ? {} : issuesToFields(parsed.error.issues)
	let participants = null
	if (parsed.success) {
		let chosen = null
		if (parsed.data.events) {
			const found = eventsBySlug(db, parsed.data.events)
			if (found.missing.length) fields = { events: [t('reports:errors.unknownEvents', { slugs: found.missing.join(', ') })] }
			else chosen = found.events
		} else chosen = eventsInRange(db, parsed.data.from!, parsed.data.to!)
		if (chosen) {
			const report = participantReportFor(db, chosen)
			const query = parsed.data.events ? `events=${encodeURIComponent(parsed.data.events.join(','))}` : `from=${parsed.data.from}&to=${parsed.data.to}`
			participants = {
				heading: parsed.data.events
					? t('reports:chosenEvents')
					: t('reports:period', {
							from: formatShortDate(new Date(`${parsed.data.from}T12:00:00Z`), locale),
							to: formatShortDate(new Date(`${parsed.data.to}T12:00:00Z`), locale),
						}),
				events: report.events.map((e) => ({
					slug: e.slug,
					title: titleIn(e.title, locale),
					kind: t(`common:kind.${e.kind}`),
					date: formatShortDate(e.startsAt, locale),
					registered: formatNumber(e.registeredPersons, locale),
					checkedIn: formatNumber(e.checkedInPersons, locale),
				})),
				totals: { registered: formatNumber(report.totals.registeredPersons, locale), checkedIn: formatNumber(report.totals.checkedInPersons, locale) },
				tables: participantTablesView(report, t, locale),
				xlsx: `/api/v1/reports/participants?${query}&format=xlsx&lang=${locale}`,
			}
		}
	}
	const all = reportableEvents(db)
	const fairs = all.filter((e) => e.kind === 'fair')
	const fairSlug = search.get('fair') ?? fairs[0]?.slug
	const fair = fairSlug ? fairBySlug(db, fairSlug) : null
	const exhibitors = fair
		? {
				slug: fair.slug,
				title: titleIn(fair.title, locale),
				...exhibitorTablesView(exhibitorReportData(db, fair), t, locale),
				xlsx: `/api/v1/reports/exhibitors?fair=${encodeURIComponent(fair.slug)}&format=xlsx&lang=${locale}`,
			}
		: null
	const fairMissing = fairSlug && !fair ? t('reports:errors.notAFair', { slug: fairSlug }) : null
	return {
		funder: funderBlockView(funderVisibility(db), locale),
		fairMissing,
		title: pageTitle(locale, t('reports:title')),
		form,
		fields,
		events: all.map((e) => ({ slug: e.slug, label: `${formatShortDate(e.startsAt, locale)} · ${titleIn(e.title, locale)}` })),
		fairs: fairs.map((f) => ({ slug: f.slug, label: titleIn(f.title, locale) })),
		participants,
		exhibitors,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

function Bar({ value }: { value: number | null }) {
	if (value === null || value <= 0) return null
	return (
		<svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
			<rect x="0" y="0" width={Math.max(value, 1)} height="10" />
		</svg>
	)
}

function ParticipantTable({ table }: { table: BarTable }) {
	const { t } = useTranslation('reports')
	return (
		<div className="report-table">
			<h3 id={`t-${table.dimension}`}>{table.title}</h3>
			<table className="data">
				<caption className="visually-hidden">{table.title}</caption>
				<thead>
					<tr>
						<th scope="col">{t('category')}</th>
						<th scope="col" className="num">
							{t('persons')}
						</th>
						<th scope="col" className="bar-col">
							<span className="visually-hidden">{t('share')}</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{table.lines.map((line) => (
						<tr key={line.key}>
							<th scope="row">{line.label}</th>
							<td className="num">{line.text}</td>
							<td className="bar-col">
								<Bar value={line.bar} />
							</td>
						</tr>
					))}
				</tbody>
				<tfoot>
					<tr>
						<th scope="row">{t('total')}</th>
						<td className="num">{table.total}</td>
						<td />
					</tr>
				</tfoot>
			</table>
		</div>
	)
}

function ExhibitorTable({ table, fairs }: { table: ExhibitorTableView; fairs: { slug: string; title: string }[] }) {
	const { t } = useTranslation(['reports', 'exhibitors'])
	return (
		<div className="report-table">
			<h3>{table.title}</h3>
			<div className="table-wrap" role="region" aria-label={table.title} tabIndex={0}>
				<table className="data">
					<caption className="visually-hidden">{table.title}</caption>
					<thead>
						<tr>
							<td />
							{fairs.map((f) => (
								<th key={f.slug} scope="colgroup" colSpan={2} className="num">
									{f.title}
								</th>
							))}
							<td />
						</tr>
						<tr>
							<th scope="col">{t('category')}</th>
							{fairs.flatMap((f) => [
								<th key={`${f.slug}a`} scope="col" className="num">
									{t('exhibitors:research.applicants')}
								</th>,
								<th key={`${f.slug}e`} scope="col" className="num">
									{t('exhibitors:research.exhibitors')}
								</th>,
							])}
							<th scope="col" className="bar-col">
								<span className="visually-hidden">{t('share')}</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{table.lines.map((line) => (
							<tr key={line.key}>
								<th scope="row">{line.label}</th>
								{line.cells.map((cell, i) => (
									<td key={i} className="num">
										{cell}
									</td>
								))}
								<td className="bar-col">
									<Bar value={line.bar} />
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</div>
	)
}

function Method({ exhibitors }: { exhibitors?: boolean }) {
	const { t } = useTranslation('reports')
	return (
		<aside className="notice report-method">
			<h3>{t('method.title')}</h3>
			{exhibitors ? (
				<>
					<p>{t('method.exhibitors')}</p>
					<p>{t('exhibitors.presentMeans')}</p>
				</>
			) : (
				<>
					<p>{t('method.persons')}</p>
					<p>{t('method.answers')}</p>
				</>
			)}
			<p>{t('method.suppression')}</p>
		</aside>
	)
}

export default function Reports() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation('reports')
	const error = (name: string) =>
		data.fields[name]?.length ? (
			<p className="field-error" id={`${name}-error`}>
				{data.fields[name]!.join(' ')}
			</p>
		) : null
	return (
		<div className="reports-page">
			<h1>{t('title')}</h1>
			{data.funder ? <FunderBlock block={data.funder} className="report-funder" /> : null}
			<p className="muted no-print">{t('form.print')}</p>
			<section aria-labelledby="participants-title">
				<h2 id="participants-title">{t('participantsTitle')}</h2>
				<Form method="get" className="report-choose no-print">
					<div className="report-range">
						<div className="field">
							<label htmlFor="report-from">{t('form.from')}</label>
							<input
								id="report-from"
								type="date"
								name="from"
								defaultValue={data.form.from}
								aria-invalid={data.fields.from ? true : undefined}
								aria-describedby={data.fields.from ? 'from-error' : undefined}
							/>
							{error('from')}
						</div>
						<div className="field">
							<label htmlFor="report-to">{t('form.to')}</label>
							<input
								id="report-to"
								type="date"
								name="to"
								defaultValue={data.form.to}
								aria-invalid={data.fields.to ? true : undefined}
								aria-describedby={data.fields.to ? 'to-error' : undefined}
							/>
							{error('to')}
						</div>
					</div>
					<details className="report-events" open={data.form.events.length > 0 || undefined}>
						<summary>{t('form.events')}</summary>
						<fieldset>
							<legend className="visually-hidden">{t('form.events')}</legend>
							{data.events.map((e) => (
								<label key={e.slug} className="check">
									<input type="checkbox" name="event" value={e.slug} defaultChecked={data.form.events.includes(e.slug)} /> {e.label}
								</label>
							))}
						</fieldset>
						{error('events')}
					</details>
					<button type="submit" className="button">
						{t('form.show')}
					</button>
				</Form>
				{data.participants ? (
					<>
						<p className="report-period">
							<strong>{data.participants.heading}</strong>
						</p>
						<p className="no-print">
							<a className="button secondary small" href={data.participants.xlsx} download>
								{t('form.download')}
							</a>
						</p>
						{data.participants.events.length === 0 ? (
							<p className="empty-state">{t('events.none')}</p>
						) : (
							<div className="table-wrap" role="region" aria-label={t('events.sheet')} tabIndex={0}>
								<table className="data">
									<caption className="visually-hidden">{t('events.sheet')}</caption>
									<thead>
										<tr>
											<th scope="col">{t('events.event')}</th>
											<th scope="col">{t('events.kind')}</th>
											<th scope="col">{t('events.date')}</th>
											<th scope="col" className="num">
												{t('events.registeredPersons')}
											</th>
											<th scope="col" className="num">
												{t('events.checkedInPersons')}
											</th>
										</tr>
									</thead>
									<tbody>
										{data.participants.events.map((e) => (
											<tr key={e.slug}>
												<th scope="row">{e.title}</th>
												<td>{e.kind}</td>
												<td>{e.date}</td>
												<td className="num">{e.registered}</td>
												<td className="num">{e.checkedIn}</td>
											</tr>
										))}
									</tbody>
									<tfoot>
										<tr>
											<th scope="row" colSpan={3}>
												{t('total')}
											</th>
											<td className="num">{data.participants.totals.registered}</td>
											<td className="num">{data.participants.totals.checkedIn}</td>
										</tr>
									</tfoot>
								</table>
							</div>
						)}
						<Method />
						<div className="report-grid">
							{data.participants.tables.map((table) => (
								<ParticipantTable key={table.dimension} table={table} />
							))}
						</div>
					</>
				) : null}
			</section>
			<section aria-labelledby="exhibitors-title" className="report-exhibitors">
				<h2 id="exhibitors-title">{t('exhibitorsTitle')}</h2>
				{data.fairs.length ? (
					<Form method="get" className="report-choose no-print">
						<input type="hidden" name="from" value={data.form.from} />
						<input type="hidden" name="to" value={data.form.to} />
						{data.form.events.map((slug) => (
							<input key={slug} type="hidden" name="event" value={slug} />
						))}
						<div className="field">
							<label htmlFor="report-fair">{t('exhibitors.fair')}</label>
							<select id="report-fair" name="fair" defaultValue={data.exhibitors?.slug}>
								{data.fairs.map((f) => (
									<option key={f.slug} value={f.slug}>
										{f.label}
									</option>
								))}
							</select>
						</div>
						<button type="submit" className="button secondary">
							{t('form.show')}
						</button>
					</Form>
				) : null}
				{data.exhibitors ? (
					<>
						<p className="report-period">
							<strong>{data.exhibitors.title}</strong>
						</p>
						<p className="no-print">
							<a className="button secondary small" href={data.exhibitors.xlsx} download>
								{t('form.download')}
							</a>
						</p>
						<div className="table-wrap" role="region" aria-label={t('exhibitors.stagesSheet')} tabIndex={0}>
							<table className="data">
								<caption className="visually-hidden">{t('exhibitors.stagesSheet')}</caption>
								<thead>
									<tr>
										<td />
										{data.exhibitors.fairs.map((f) => (
											<th key={f.slug} scope="col" className="num">
												{f.title} ({f.date})
											</th>
										))}
									</tr>
								</thead>
								<tbody>
									{data.exhibitors.stages.map((s) => (
										<tr key={s.stage}>
											<th scope="row">{s.label}</th>
											{s.cells.map((c, i) => (
												<td key={i} className="num">
													{c}
												</td>
											))}
										</tr>
									))}
								</tbody>
							</table>
						</div>
						<Method exhibitors />
						{data.exhibitors.tables.map((table) => (
							<ExhibitorTable key={table.dimension} table={table} fairs={data.exhibitors!.fairs} />
						))}
					</>
				) : data.fairMissing ? (
					<p className="field-error" role="alert">
						{data.fairMissing}
					</p>
				) : (
					<p className="empty-state">{t('exhibitors.noFairs')}</p>
				)}
			</section>
		</div>
	)
}
