import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listEventsForAdmin } from '#app/services/queries/events.server.ts'
import { adminEventRow } from '#app/services/views/admin-event-views.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'

// No form here: an anonymous caller goes to the login first, as for the page; then any other
// method than GET is a 405 page with one log line (Remix's own 405 logs a stack trace).
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { locale, t } = await getRequestT(request, 'admin')
	return {
		title: `${t('events.title')} · Sajam`,
		events: listEventsForAdmin(getDb()).map((e) => adminEventRow(e, locale)),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Sajam' }, { name: 'robots', content: 'noindex' }]

export default function AdminEvents() {
	const { events } = useLoaderData<typeof loader>()
	const { t } = useTranslation(['admin', 'common'])
	return (
		<>
			<div className="section-head">
				<h1>{t('events.title')}</h1>
				<Link className="button" to="/admin/events/new">
					{t('nav.newEvent')}
				</Link>
			</div>
			{events.length === 0 ? (
				<p className="empty-state">{t('events.none')}</p>
			) : (
				<div className="table-wrap">
					<table className="data">
						<caption className="visually-hidden">{t('events.title')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('events.event')}</th>
								<th scope="col">{t('events.startsAt')}</th>
								<th scope="col">{t('events.status')}</th>
								<th scope="col" className="num">
									{t('events.registered')}
								</th>
								<th scope="col" className="num">
									{t('events.waitlisted')}
								</th>
								<th scope="col" className="num">
									{t('events.remaining')}
								</th>
							</tr>
						</thead>
						<tbody>
							{events.map((e) => (
								<tr key={e.id} className={e.past ? 'muted' : undefined}>
									<td>
										<Link to={`/admin/events/${e.id}`}>{e.title}</Link>
										<br />
										<span className="muted">{t(`common:kind.${e.kind}`)}</span>
									</td>
									<td>
										<time dateTime={e.startsAtIso}>{e.startsAt}</time>
									</td>
									<td>
										<span className={`pill status-${e.status}`}>{t(`common:status.${e.status}`)}</span>
									</td>
									<td className="num">{e.capacity ? `${e.registered} / ${e.capacity}` : e.registered}</td>
									<td className="num">{e.waitlisted}</td>
									<td className="num">{e.remaining ?? '∞'}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	)
}
