// /admin/events/{id}/applications: the organizers' review of a fair's exhibitor applications.
// Filters are plain GET parameters; decisions made on the detail pages are staged, and the release
// panel here tells the exhibitors all at once (one POST with a confirmation checkbox, then a
// redirect with the count), so a reload never releases twice and nothing needs JavaScript.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReleasePanel, ReviewFilters, ReviewTable, StatusCounts } from '#app/components/application-review.tsx'
import { ReleaseFormSchema, isFiltered, parseReviewListQuery, reviewListSearch } from '#app/domain/review-input.ts'
import { releaseDecisions } from '#app/services/commands/application-lifecycle.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { reviewListPage } from '#app/services/views/application-review-views.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { requireAdminFair } from '#app/http/admin-event.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import reviewStyles from '#app/styles/review.css?url'
import { readPageForm } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { pageTitle, metaLocale } from '#app/utils/page-title.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const { locale, t } = await getRequestT(request, ['review', 'apply'])
	const url = new URL(request.url)
	const query = parseReviewListQuery(url.searchParams)
	const notice = url.searchParams.get('notice')
	const released = Number(url.searchParams.get('released'))
	return {
		title: t('metaTitle', { title: eventTitleIn(event, locale) }),
		notice:
			notice === 'released' && Number.isSafeInteger(released) && released >= 0
				? { kind: 'released' as const, count: released }
				: notice === 'release_changed'
					? { kind: 'release_changed' as const, count: 0 }
					: null,
		...reviewListPage(getDb(), event, query, user.id, locale, (code) => t(`fair:category.${code}`, { defaultValue: code })),
	}
}

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reviewStyles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: pageTitle(metaLocale(matches), data?.title) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const formData = await readPageForm(request)
	invariantResponse(formData.get('intent') === 'release', 400)
	const { t } = await getRequestT(request, 'review')
	const form = ReleaseFormSchema.safeParse(Object.fromEntries(formData))
	if (!form.success) return { releaseError: t('release.confirmRequired') }
	const search = reviewListSearch(parseReviewListQuery(new URL(request.url).searchParams))
	const back = (extra: Record<string, string | number>) =>
		redirect(
			`/admin/events/${event.id}/applications${search}${search ? '&' : '?'}${new URLSearchParams(Object.entries(extra).map(([k, v]) => [k, String(v)]))}`,
		)
	try {
		const { released } = releaseDecisions(getDb(), event.id, { kind: 'user', id: user.id }, new Date(), { fingerprint: form.data.pending })
		return back({ notice: 'released', released })
	} catch (error) {
		if (error instanceof ServiceError && error.code === 'release_changed') return back({ notice: 'release_changed' })
		throw error
	}
}

export default function FairApplications() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('review')
	const { event, query } = data
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/admin/events/${event.id}`}>← {event.title}</Link>
			</p>
			<h1>{t('title')}</h1>
			<p className="muted">{t('intro')}</p>
			{data.notice?.kind === 'released' ? (
				<p className="notice success" role="status" data-notice="released" data-released={data.notice.count}>
					{t('release.done', { count: data.notice.count })}
				</p>
			) : null}
			{data.notice?.kind === 'release_changed' ? (
				<p className="notice danger" role="alert" data-notice="release_changed">
					{t('release.changed')}
				</p>
			) : null}
			<StatusCounts counts={data.counts} />
			<div style={{ marginTop: '1.25rem' }}>
				<ReleasePanel release={data.release} error={actionData?.releaseError} />
			</div>
			<section aria-labelledby="list-title" style={{ marginTop: '1.5rem' }}>
				<h2 id="list-title">{t('listTitle')}</h2>
				<ReviewFilters key={data.search} page={data} />
				<p className="muted" role="status">
					{t('results', { count: data.rows.length, total: data.counts.total })}
				</p>
				{data.rows.length === 0 ? (
					<p className="empty-state">{isFiltered(query) ? t('noMatches') : t('none')}</p>
				) : (
					<ReviewTable rows={data.rows} eventTitle={event.title} />
				)}
			</section>
		</>
	)
}
