// /admin/surveys: the organizers' surveys (title, event, state, responses) with links to edit,
// results, the QR poster and the public page; and a GET form that starts a new one, empty or
// from one of the two templates (nothing is stored until the builder's Save).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SURVEY_TEMPLATES } from '#app/domain/survey-templates.ts'
import { surveyEventChoices, surveyListPage } from '#app/services/views/survey-admin-views.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { locale, t } = await getRequestT(request, 'survey-admin')
	const db = getDb()
	return { title: pageTitle(locale, t('list.title')), surveys: surveyListPage(db, locale), events: surveyEventChoices(db, locale) }
}

// No form posts here: an anonymous caller goes to the login first; any other method is a 405 page.
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

const STATE_PILL = { draft: 'pill status-draft', scheduled: 'pill', open: 'pill status-published', closed: 'pill status-cancelled' } as const

export default function Surveys() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation('survey-admin')
	return (
		<>
			<h1>{t('list.title')}</h1>
			<p>{t('list.intro')}</p>
			<section className="card" aria-labelledby="new-survey">
				<h2 id="new-survey">{t('new.title')}</h2>
				<Form method="get" action="/admin/surveys/new" className="form">
					<div className="field">
						<label htmlFor="template">{t('new.start')}</label>
						<select id="template" name="template" defaultValue="" aria-describedby="template-hint">
							<option value="">{t('new.blank')}</option>
							{SURVEY_TEMPLATES.map((name) => (
								<option key={name} value={name}>
									{t(`new.${name}`)}
								</option>
							))}
						</select>
						<span className="hint" id="template-hint">
							{t('new.hint')}
						</span>
					</div>
					<div className="field">
						<label htmlFor="event">{t('editor.event')}</label>
						<select id="event" name="event" defaultValue="">
							<option value="">{t('editor.noEvent')}</option>
							{data.events.map((e) => (
								<option key={e.slug} value={e.slug}>
									{e.title}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className="button">
						{t('new.button')}
					</button>
				</Form>
			</section>
			{data.surveys.length === 0 ? (
				<p>{t('list.none')}</p>
			) : (
				<div className="table-wrap" role="region" aria-labelledby="surveys-caption" tabIndex={0}>
					<table className="data">
						<caption id="surveys-caption" className="visually-hidden">
							{t('list.title')}
						</caption>
						<thead>
							<tr>
								<th scope="col">{t('list.survey')}</th>
								<th scope="col">{t('list.event')}</th>
								<th scope="col">{t('list.state')}</th>
								<th scope="col" className="num">
									{t('list.responses')}
								</th>
								<th scope="col">{t('list.created')}</th>
							</tr>
						</thead>
						<tbody>
							{data.surveys.map((s) => (
								<tr key={s.slug} data-survey={s.slug}>
									<td>
										<Link to={`/admin/surveys/${s.slug}`}>{s.title}</Link>
										<br />
										<small className="link-row">
											<Link to={`/admin/surveys/${s.slug}/results`}>{t('list.results')}</Link> ·{' '}
											<Link to={`/admin/surveys/${s.slug}/poster`}>{t('list.poster')}</Link>
											{s.state === 'draft' ? null : (
												<>
													{' · '}
													<a href={`/surveys/${s.slug}`}>{t('list.open')}</a>
												</>
											)}
										</small>
									</td>
									<td>{s.event ?? <span className="muted">{t('list.noEvent')}</span>}</td>
									<td>
										<span className={STATE_PILL[s.state]}>{t(`state.${s.state}`)}</span>
									</td>
									<td className="num">{s.responses}</td>
									<td>{s.createdAt}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	)
}
