// /admin/surveys/{slug}/results: a survey's results for organizers (issue 15): per question the
// counts and shares with a bar (a diverging bar for the 1–5 scale), responses per day, the
// free-text answers under a warning, 50 per question and page (?texts={questionId}&page=n, in
// links that keep the filter), a GET filter by event (?event=slug, works without script),
// and links to the exports. Small counts are hidden as in the API ("< 5"); see the view.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LikertBar, ResultTable } from '#app/components/survey-charts.tsx'
import { hasRole } from '#app/domain/roles.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { findSurveyBySlug } from '#app/services/queries/surveys.server.ts'
import { resultsEvent, surveyResultsPage, textsPageOf } from '#app/services/views/survey-results-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'
import styles from '#app/styles/survey-results.css?url'

// No form posts here: an anonymous caller goes to the login first; any other method is a 405 page.
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const db = getDb()
	const survey = findSurveyBySlug(db, params.slug ?? '')
	invariantResponse(survey, 404)
	const search = new URL(request.url).searchParams
	const eventSlug = search.get('event') || null
	const event = resultsEvent(db, survey, eventSlug)
	invariantResponse(event !== null, 404)
	const { locale, t } = await getRequestT(request, ['survey-results', 'surveys'])
	const page = await surveyResultsPage(db, survey, locale, t, { slug: event?.slug ?? null, eventId: event?.id }, textsPageOf(search))
	return { ...page, pageTitle: pageTitle(locale, t('survey-results:title', { survey: page.title })), isAdmin: hasRole(user.role, 'admin') }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.pageTitle ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export default function SurveyResults() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation('survey-results')
	const base = `/admin/surveys/${data.slug}`
	const query = data.event.slug ? `?event=${encodeURIComponent(data.event.slug)}` : ''
	// A page of one question's texts, the event filter kept (GET links: no script needed).
	const textsHref = (questionId: string, page: number) => {
		const params = new URLSearchParams()
		if (data.event.slug) params.set('event', data.event.slug)
		if (page > 1) {
			params.set('texts', questionId)
			params.set('page', String(page))
		}
		const search = params.toString()
		return `${base}/results${search ? `?${search}` : ''}#q-${questionId}`
	}
	return (
		<>
			<p className="breadcrumb">
				<Link to="/admin/surveys">← {t('breadcrumbList')}</Link> · <Link to={base}>{t('breadcrumbSurvey')}</Link>
			</p>
			<h1>{t('title', { survey: data.title })}</h1>
			<dl className="results-summary">
				<div>
					<dt>{t('stateLabel')}</dt>
					<dd>{t(`state.${data.state}`)}</dd>
				</div>
				<div>
					<dt>{t('responsesLabel')}</dt>
					<dd data-testid="responses">{data.responsesText}</dd>
				</div>
			</dl>
			{data.event.options.length > 0 ? (
				<Form method="get" className="results-filter">
					<div className="field">
						<label htmlFor="results-event">{t('filter.label')}</label>
						<select id="results-event" name="event" defaultValue={data.event.slug ?? ''}>
							<option value="">{t('filter.all')}</option>
							{data.event.options.map((slug) => (
								<option key={slug} value={slug}>
									{slug}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className="button secondary small">
						{t('filter.show')}
					</button>
				</Form>
			) : null}
			{data.event.slug ? <p className="notice">{t('filter.active', { event: data.event.slug })}</p> : null}
			<aside className="notice" aria-labelledby="legend-title">
				<h2 id="legend-title" style={{ fontSize: '1rem', margin: '0 0 0.35rem' }}>
					{t('legend.title')}
				</h2>
				<dl className="results-legend">
					<div>
						<dt>{t('legend.small')}</dt>
						<dd>{t('legend.smallText')}</dd>
					</div>
					<div>
						<dt>{t('legend.hiddenShare')}</dt>
						<dd>{t('legend.hiddenShareText')}</dd>
					</div>
				</dl>
				<p style={{ margin: '0.35rem 0 0' }}>{t('legend.share')}</p>
			</aside>
			{data.responses === 0 ? <p className="empty-state">{t('noResponses')}</p> : null}
			{data.questions.map((question) => (
				<section key={question.id} className="result-question" aria-labelledby={`q-${question.id}`} data-question={question.id}>
					<h2 id={`q-${question.id}`}>{question.label}</h2>
					<p className="muted" data-testid="answered">
						{question.answeredText}
					</p>
					{question.kind === 'text' ? (
						<>
							<p className="notice danger">{t('texts.warning')}</p>
							{question.textPage?.rangeText ? (
								<p className="muted" data-testid="texts-range">
									{question.textPage.rangeText}
								</p>
							) : null}
							{question.texts && question.texts.length > 0 ? (
								<ul className="result-texts" aria-label={t('texts.listLabel', { question: question.label })}>
									{question.texts.map((text, i) => (
										<li key={i}>{text}</li>
									))}
								</ul>
							) : question.textPage && question.textPage.page > 1 ? (
								<p>
									{t('texts.pastEnd')} <Link to={textsHref(question.id, 1)}>{t('texts.first')}</Link>
								</p>
							) : (
								<p>{t('texts.none')}</p>
							)}
							{question.textPage && (question.textPage.previous !== null || question.textPage.next !== null) ? (
								<>
									<nav className="texts-pager" aria-label={t('texts.pagesLabel', { question: question.label })}>
										{question.textPage.previous !== null ? (
											<Link to={textsHref(question.id, question.textPage.previous)} rel="prev" className="button secondary small">
												← {t('texts.previous')}
											</Link>
										) : null}
										{question.textPage.next !== null ? (
											<Link to={textsHref(question.id, question.textPage.next)} rel="next" className="button secondary small">
												{t('texts.next')} →
											</Link>
										) : null}
									</nav>
									<p className="muted">{t(data.isAdmin ? 'texts.allAdmin' : 'texts.allOrganizer')}</p>
								</>
							) : null}
						</>
					) : (
						<>
							{question.kind === 'multi' ? <p className="muted">{t('multiNote')}</p> : null}
							{question.kind === 'likert5' ? <LikertBar question={question} /> : null}
							<ResultTable
								id={`t-${question.id}`}
								lines={question.lines}
								caption={t(question.kind === 'likert5' ? 'likertCaption' : 'caption', { question: question.label })}
								answerHead={t(question.kind === 'likert5' ? 'columns.point' : 'columns.answer')}
							/>
						</>
					)}
				</section>
			))}
			{data.days.length > 0 ? (
				<section className="result-question" aria-labelledby="over-time">
					<h2 id="over-time">{t('overTime')}</h2>
					<ResultTable id="t-days" lines={data.days} caption={t('overTimeCaption')} answerHead={t('columns.day')} />
				</section>
			) : null}
			<section className="results-exports" aria-labelledby="exports-title">
				<h2 id="exports-title">{t('exports.title')}</h2>
				<p className="button-row">
					{/* reloadDocument: a download, not a page for the client router. */}
					<Link className="button secondary small" to={`${base}/results.csv${query}`} reloadDocument>
						{t('exports.resultsCsv')}
					</Link>
					<Link className="button secondary small" to={`${base}/results.xlsx${query}`} reloadDocument>
						{t('exports.resultsXlsx')}
					</Link>
				</p>
				{data.isAdmin ? (
					<>
						<p className="button-row">
							<Link className="button secondary small" to={`${base}/responses.csv${query}`} reloadDocument>
								{t('exports.responsesCsv')}
							</Link>
							<Link className="button secondary small" to={`${base}/responses.xlsx${query}`} reloadDocument>
								{t('exports.responsesXlsx')}
							</Link>
						</p>
						<p className="muted">{t('exports.responsesNote')}</p>
					</>
				) : null}
				{data.event.options.length > 0 ? <p className="muted">{t('exports.filterNote')}</p> : null}
			</section>
		</>
	)
}
