// /admin/events/{id}/participants: the participant list for the funders (issue 16), admins only.
// The people who came and agreed to be on it, with their municipality, the persons in their party
// and a column to sign; printable on A4. Without the consent nobody is listed. The funder's
// visibility block (EU emblem, statement, disclaimer; /admin/settings) heads it when set.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import { funderBlockView } from '#app/domain/funder-visibility.ts'
import { funderParticipants } from '#app/services/queries/funder-list.server.ts'
import { funderVisibility } from '#app/services/queries/site-settings.server.ts'
import { FunderBlock } from '#app/components/funder-block.tsx'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'
import funderListStyles from '#app/styles/funder-list.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: funderListStyles }]

// No form here: an anonymous caller goes to the login first; any other method is a 405 page.
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'admin')
	return methodNotAllowed({ request })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'admin')
	const event = requireAdminEvent(params.id)
	const { locale, t } = await getRequestT(request, ['admin', 'public'])
	const { rows, checkedIn } = funderParticipants(getDb(), event.id)
	const title = eventTitleIn(event, locale)
	return {
		funder: funderBlockView(funderVisibility(getDb()), locale),
		title: pageTitle(locale, `${t('funderList.title')}: ${title}`),
		event: { id: event.id, title, when: formatDateTime(event.startsAt, locale), venue: [event.venueName, event.venueCity].filter(Boolean).join(', ') },
		rows: rows.map((r, i) => ({
			number: formatNumber(i + 1, locale),
			id: r.id,
			name: r.name,
			municipality: r.municipality && r.municipality !== 'prefer_not_to_say' ? t(`public:demographics.municipality.${r.municipality}`) : '—',
			persons: formatNumber(r.partySize, locale),
		})),
		summary: t('funderList.summary', { listed: formatNumber(rows.length, locale), checkedIn: formatNumber(checkedIn, locale) }),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export default function FunderParticipantList() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation('admin')
	return (
		<div className="funder-list">
			<p className="breadcrumb no-print">
				<Link to={`/admin/events/${data.event.id}`}>← {data.event.title}</Link>
			</p>
			<h1>{t('funderList.title')}</h1>
			{data.funder ? <FunderBlock block={data.funder} className="list-funder" /> : null}
			<p>
				<strong>{data.event.title}</strong>
				<br />
				{data.event.when}
				{data.event.venue ? ` · ${data.event.venue}` : null}
			</p>
			<p className="no-print">{t('funderList.intro')}</p>
			<p data-summary>{data.summary}</p>
			{data.rows.length === 0 ? (
				<p>{t('funderList.none')}</p>
			) : (
				<div className="table-wrap" role="region" aria-labelledby="funder-caption" tabIndex={0}>
					<table className="data">
						<caption id="funder-caption" className="visually-hidden">
							{t('funderList.title')}
						</caption>
						<thead>
							<tr>
								<th scope="col" className="num">
									{t('funderList.number')}
								</th>
								<th scope="col">{t('funderList.name')}</th>
								<th scope="col">{t('funderList.municipality')}</th>
								<th scope="col" className="num">
									{t('funderList.persons')}
								</th>
								<th scope="col">{t('funderList.signature')}</th>
							</tr>
						</thead>
						<tbody>
							{data.rows.map((r) => (
								<tr key={r.id} data-registration={r.id}>
									<td className="num">{r.number}</td>
									<td>{r.name}</td>
									<td>{r.municipality}</td>
									<td className="num">{r.persons}</td>
									<td className="signature" />
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<p className="muted">{t('funderList.note')}</p>
		</div>
	)
}
