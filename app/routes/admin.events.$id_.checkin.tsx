// /admin/events/{id}/checkin: the door, seen from the organizer's desk. Live counts (refreshed every
// 10 s with JavaScript, a refresh link without), arrivals per 15 minutes, the scan log with its
// problems, and undo of a mistaken check-in (a POST that redirects back with ?notice=).
// `$id_`: a page of its own under the admin layout, not nested in the event's edit page.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ArrivalsChart } from '#app/components/arrivals-chart.tsx'
import { CheckinCounts, CheckinNoticeText, LiveStatus, ScanLogFilters, ScanLogTable, useLiveRefresh } from '#app/components/checkin-admin.tsx'
import { UndoCheckinSchema, checkinSearchParams, parseCheckinQuery } from '#app/domain/checkin-admin-input.ts'
import { checkinPage } from '#app/services/views/checkin-admin-views.server.ts'
import { undoCheckin } from '#app/services/commands/checkin.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findRegistrationOfEvent } from '#app/services/queries/registration-queries.server.ts'
import checkinStyles from '#app/styles/checkin.css?url'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

const REFRESH_MS = 10_000

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: checkinStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { locale, t } = await getRequestT(request, 'admin')
	const query = parseCheckinQuery(new URL(request.url).searchParams)
	const page = checkinPage(getDb(), event, query, locale)
	return { title: pageTitle(locale, `${t('checkin.title')}: ${page.event.title}`), query, ...page }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const form = UndoCheckinSchema.safeParse(Object.fromEntries(await readPageForm(request)))
	invariantResponse(form.success, 400)
	// The form names a registration; the address names the event. They must agree.
	const registration = findRegistrationOfEvent(getDb(), event.id, form.data.registrationId)
	invariantResponse(registration, 404)
	const query = parseCheckinQuery(new URL(request.url).searchParams)
	const back = (notice: 'undone' | 'not_checked_in') =>
		redirect(`/admin/events/${event.id}/checkin${checkinSearchParams(query, { notice, rid: registration.id })}`)
	try {
		undoCheckin(getDb(), registration.id, { kind: 'user', id: user.id })
	} catch (error) {
		if (error instanceof ServiceError && error.code === 'not_checked_in') return back('not_checked_in')
		throw error
	}
	return back('undone')
}

export default function EventCheckin() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation(['admin', 'common'])
	const live = useLiveRefresh(REFRESH_MS)
	const { event, query, log } = data
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/admin/events/${event.id}`}>← {event.title}</Link>
			</p>
			<div className="section-head">
				<h1>{t('checkin.title')}</h1>
				<p className="button-row" style={{ margin: 0 }}>
					<Link className="button small" to={`/admin/events/${event.id}/scanners`}>
						{t('checkin.scannersLink')}
					</Link>
					<Link className="button small secondary" to={`/scan?event=${encodeURIComponent(event.slug)}`} reloadDocument>
						{t('checkin.openScanner')}
					</Link>
				</p>
			</div>
			<LiveStatus live={live} updatedAt={data.updatedAt} updatedAtIso={data.updatedAtIso} refreshTo={checkinSearchParams(query) || '?'} />
			{query.notice ? <CheckinNoticeText notice={query.notice} subject={data.subject} /> : null}
			<CheckinCounts counts={data.counts} />
			<section className="card" aria-labelledby="arrivals-title" style={{ marginBottom: '1.5rem' }}>
				<h2 id="arrivals-title">{t('checkin.chart.title')}</h2>
				<ArrivalsChart bars={data.bars} title={t('checkin.chart.title')} />
			</section>
			<section aria-labelledby="log-title">
				<h2 id="log-title">{t('checkin.log.title')}</h2>
				<ScanLogFilters filter={query.filter} />
				{log.rows.length === 0 ? (
					<p className="empty-state">{query.filter === 'all' ? t('checkin.log.none') : t('checkin.log.noMatches')}</p>
				) : (
					<ScanLogTable rows={log.rows} eventTitle={event.title} />
				)}
				{query.before !== undefined || log.nextBefore !== null ? (
					<nav aria-label={t('checkin.log.paging')} className="button-row" style={{ marginTop: '1rem' }}>
						{query.before !== undefined ? (
							<Link className="button small secondary" to={{ search: checkinSearchParams({ filter: query.filter, before: undefined }) }}>
								↑ {t('checkin.log.newest')}
							</Link>
						) : null}
						{log.nextBefore !== null ? (
							<Link className="button small secondary" to={{ search: checkinSearchParams({ filter: query.filter, before: log.nextBefore }) }} rel="next">
								{t('checkin.log.older')} →
							</Link>
						) : null}
					</nav>
				) : null}
			</section>
		</>
	)
}
