// /admin/events/{id}/applications/{applicationId}: one exhibitor application under review. Shows
// what was submitted and every reviewer's scores; the organizer saves their own review and stages
// a decision (nobody is emailed until the decisions are released on the list page). Previous and
// next follow the list as it was filtered, carried in the query string.
// `applications_`: a page of its own, not nested in the list page.
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ApplicationData, DecisionForm, PrevNext, ReviewForm, ReviewSummary } from '#app/components/application-review-detail.tsx'
import { DecisionState } from '#app/components/application-review.tsx'
import { DecisionFormSchema, ReviewFormSchema, parseReviewListQuery, reviewListSearch } from '#app/domain/review-input.ts'
import { decideApplication } from '#app/services/commands/application-lifecycle.server.ts'
import { reviewDetailPage } from '#app/services/views/application-review-views.server.ts'
import { saveReview } from '#app/services/commands/application-reviews.server.ts'
import { findApplicationOfEvent } from '#app/services/queries/application-reviews.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { idParam } from '#app/http/api.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { requireAdminFair } from '#app/http/admin-event.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import reviewStyles from '#app/styles/review.css?url'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { errorResponse, invariantResponse } from '#app/http/responses.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { pageTitle, metaLocale } from '#app/utils/page-title.ts'

/** The fair and its application behind the address; 404 for another kind of event or another fair's id. */
function requireApplication(params: { id?: string; applicationId?: string }) {
	const event = requireAdminFair(params.id)
	const id = idParam(params.applicationId)
	const application = id === null ? undefined : findApplicationOfEvent(getDb(), event.id, id)
	invariantResponse(application, 404)
	return { event, application }
}

const SAVED = ['review', 'decision'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const { event, application } = requireApplication(params)
	const { locale, t } = await getRequestT(request, ['review', 'apply'])
	const url = new URL(request.url)
	const query = parseReviewListQuery(url.searchParams)
	const saved = SAVED.find((s) => s === url.searchParams.get('saved')) ?? null
	return {
		title: t('detail.metaTitle', { name: application.orgName, title: eventTitleIn(event, locale) }),
		saved,
		...reviewDetailPage(getDb(), event, application, query, user.id, locale, (code) => t(`fair:category.${code}`, { defaultValue: code })),
	}
}

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reviewStyles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: pageTitle(metaLocale(matches), data?.title) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const { event, application } = requireApplication(params)
	const actor = { kind: 'user', id: user.id } as const
	const { t } = await getRequestT(request, ['review', 'common', 'api'])
	const formData = await readPageForm(request)
	const intent = formData.get('intent')
	const query = parseReviewListQuery(new URL(request.url).searchParams)
	const done = (saved: (typeof SAVED)[number]) => redirect(`/admin/events/${event.id}/applications/${application.id}${reviewListSearch(query, { saved })}`)
	if (intent === 'review') {
		const submission = parseWithZod(formData, { schema: ReviewFormSchema, error: makeZodErrorMap(t) })
		if (submission.status !== 'success') return { review: submission.reply() }
		const { note, ...scores } = submission.value
		saveReview(getDb(), application.id, user.id, scores, note ?? null)
		return done('review')
	}
	if (intent === 'decision') {
		const submission = parseWithZod(formData, { schema: DecisionFormSchema, error: makeZodErrorMap(t) })
		if (submission.status !== 'success') return { decision: submission.reply() }
		try {
			decideApplication(getDb(), application.id, submission.value.decision, submission.value.note ?? null, actor)
		} catch (error) {
			if (error instanceof ServiceError)
				return { decision: submission.reply({ formErrors: [t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') })] }) }
			throw error
		}
		return done('decision')
	}
	throw errorResponse(400)
}

export default function ApplicationReview() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('review')
	const a = data.application
	return (
		<div className="review-detail">
			<div>
				<p className="breadcrumb">
					<Link to={data.listHref}>← {t('detail.backToList')}</Link> · {data.event.title}
				</p>
				<h1 style={{ marginBottom: '0.5rem', overflowWrap: 'anywhere' }}>{a.organization.name}</h1>
				<div data-application-status={a.status} data-released={a.releasedStatus ?? 'none'} data-staged={a.unreleased}>
					<DecisionState status={a.status} releasedStatus={a.releasedStatus} unreleased={a.unreleased} />
				</div>
			</div>
			<PrevNext nav={data.nav} listHref={data.listHref} />
			{data.saved ? (
				<p className="notice success" role="status" data-notice={data.saved}>
					{t(data.saved === 'review' ? 'detail.savedReview' : 'detail.savedDecision')}
				</p>
			) : null}
			<div className="review-detail-columns">
				<div className="review-detail-column">
					<ApplicationData application={a} />
				</div>
				<div className="review-detail-column">
					<ReviewSummary stats={data.stats} reviews={data.reviews} />
					<ReviewForm
						key={`review-${data.myReview ? JSON.stringify(data.myReview) : 'new'}`}
						defaultValue={data.myReview}
						lastResult={actionData && 'review' in actionData ? actionData.review : undefined}
					/>
					<DecisionForm
						key={`decision-${a.status}-${a.decisionNote ?? ''}`}
						application={a}
						lastResult={actionData && 'decision' in actionData ? actionData.decision : undefined}
					/>
				</div>
			</div>
			<PrevNext nav={data.nav} listHref={data.listHref} />
		</div>
	)
}
