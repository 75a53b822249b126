// /admin: the organizers' dashboard. What needs doing (links to where it is done), then the events
// coming up, soonest first, and the past ones folded away below; each event with its registered
// persons and places, the waiting list, and from its day on the persons checked in.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { dashboardView, type DashboardEvent } from '#app/services/views/dashboard-views.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { siteName, metaLocale } from '#app/utils/page-title.ts'

// No form here: an anonymous caller goes to the login first, as for the page; then any other
// method than GET is a 405 page with one log line (Remix's own 405 logs a stack trace).
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { locale, t } = await getRequestT(request, 'admin')
	return dashboardView(getDb(), t, locale)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export default function AdminDashboard() {
	const { upcoming, past, pastCount, tasks } = useLoaderData<typeof loader>()
	const { t } = useTranslation(['admin', 'common'])
	return (
		<div className="dashboard">
			<div className="section-head">
				<h1>{t('events.title')}</h1>
				<Link className="button" to="/admin/events/new">
					{t('nav.newEvent')}
				</Link>
			</div>

			<section className="card dashboard-todo" aria-labelledby="todo-title" data-tasks={tasks.length}>
				<h2 id="todo-title">{t('dashboard.todo')}</h2>
				{tasks.length === 0 ? (
					<p className="muted">{t('dashboard.nothingToDo')}</p>
				) : (
					<ul>
						{tasks.map((task) => (
							<li key={`${task.kind}-${task.href}`} data-task={task.kind}>
								<Link to={task.href}>{task.text}</Link>
							</li>
						))}
					</ul>
				)}
			</section>

			<section aria-labelledby="upcoming-title">
				<h2 id="upcoming-title">{t('dashboard.upcoming')}</h2>
				{upcoming.length === 0 ? (
					<p className="empty-state">{upcoming.length + past.length === 0 ? t('events.none') : t('dashboard.noUpcoming')}</p>
				) : (
					<EventTable events={upcoming} caption={t('dashboard.upcoming')} />
				)}
			</section>

			{past.length ? (
				<details className="dashboard-past">
					<summary>{t('dashboard.past', pastCount)}</summary>
					<EventTable events={past} caption={t('dashboard.past', pastCount)} />
				</details>
			) : null}
		</div>
	)
}

function EventTable({ events, caption }: { events: DashboardEvent[]; caption: string }) {
	const { t } = useTranslation(['admin', 'common'])
	return (
		<div className="table-wrap">
			<table className="data dashboard-events">
				<caption className="visually-hidden">{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{t('events.event')}</th>
						<th scope="col" className="num">
							{t('events.registered')}
						</th>
						<th scope="col" className="num">
							{t('events.waitlisted')}
						</th>
						<th scope="col" className="num">
							{t('dashboard.checkedIn')}
						</th>
					</tr>
				</thead>
				<tbody>
					{events.map((e) => (
						<tr key={e.id} data-event={e.id} className={e.today ? 'today' : undefined}>
							<th scope="row">
								<Link to={`/admin/events/${e.id}`}>{e.title}</Link>
								<span className="event-meta">
									<time dateTime={e.startsAtIso}>{e.startsAt}</time>
									{e.today ? <strong className="today-mark"> · {t('dashboard.today')}</strong> : null} · {t(`common:kind.${e.kind}`)}{' '}
									<span className={`pill status-${e.status}`}>{t(`common:status.${e.status}`)}</span>
								</span>
							</th>
							{/* data-label: a phone shows each number under the event with its name (app.css). */}
							<td className="num" data-label={t('events.registered')}>
								{e.capacity ? `${e.registered} / ${e.capacity}` : e.registered}
							</td>
							<td className="num" data-label={t('events.waitlisted')}>
								{e.waitlisted}
							</td>
							<td className="num" data-label={t('dashboard.checkedIn')}>
								{e.checkedIn ?? <span className="muted">{t('dashboard.notStarted')}</span>}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
