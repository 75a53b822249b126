// /surveys/{slug}: answering a survey (issue 15). One plain form with a fieldset per question,
// working without JavaScript on a small phone; errors per question in the reader's language with
// the answers kept; after sending, the same address thanks (POST-redirect-GET). `?event=slug`
// records the event the answer is for, `?t=TOKEN` (a follow-up mail's one-time link) travels as a
// hidden field and is spent with the answer. Anonymous: nothing about the reader is stored.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { answersFromForm } from '#app/domain/survey-rules.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { InvalidAnswersError, submitSurveyResponse } from '#app/services/commands/surveys.server.ts'
import { findPublicSurvey, findSurveyEvent, surveyQuestions } from '#app/services/queries/surveys.server.ts'
import { surveyPageView, type SurveyPageQuestion } from '#app/services/views/survey-views.server.ts'
import { LINK_PAGE_HEADERS } from '#app/http/link-page-headers.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { passRetryAfter, takeRateLimit, tooManyRequests } from '#app/http/rate-limit.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { answerIssueMessages } from '#app/http/survey-answers.server.ts'
import { QuestionField } from '#app/components/question-field.tsx'
import visitorStyles from '#app/styles/visitor.css?url'
import surveyStyles from '#app/styles/survey.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { explicitLocale, getRequestT, withLang } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: visitorStyles },
	{ rel: 'stylesheet', href: surveyStyles },
]

/** A page opened with a one-time token is not cached or indexed, and the token goes to no other site. */
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => passRetryAfter(actionHeaders, loaderHeaders)

export async function loader({ request, params }: LoaderFunctionArgs) {
	const survey = findPublicSurvey(getDb(), params.slug ?? '')
	invariantResponse(survey, 404)
	const { locale } = await getRequestT(request, 'surveys')
	const url = new URL(request.url)
	const token = url.searchParams.get('t')
	const eventSlug = url.searchParams.get('event')
	// Only an event that exists is carried on; a mistyped link still takes the answers.
	const event = eventSlug ? (findSurveyEvent(getDb(), eventSlug.slice(0, 80), { drafts: false })?.slug ?? null) : null
	return data(
		{
			survey: surveyPageView(survey, locale),
			sent: url.searchParams.get('sent') === '1',
			token: token && token.length <= 200 ? token : null,
			event,
			action: withLang(`/surveys/${survey.slug}`, explicitLocale(request)),
		},
		{ headers: token ? LINK_PAGE_HEADERS : { 'Cache-Control': 'private, no-store' } },
	)
}

type ActionData = { formError: string | null; errors: Record<string, string[]>; values: Record<string, string[]> }

export async function action({ request, params, context }: ActionFunctionArgs) {
	const slug = params.slug ?? ''
	const { t } = await getRequestT(request, ['surveys', 'api', 'common'])
	const form = await readPageForm(request)
	const survey = findPublicSurvey(getDb(), slug)
	invariantResponse(survey, 404)
	const questions = surveyQuestions(survey)
	// What the reader chose, to show again with the errors.
	const values: Record<string, string[]> = {}
	for (const q of questions) values[q.id] = form.getAll(`q.${q.id}`).filter((v): v is string => typeof v === 'string')
	const refuse = (status: number, formError: string | null, errors: Record<string, string[]> = {}) =>
		data<ActionData>({ formError, errors, values }, { status })
	const limit = takeRateLimit(context)
	if (!limit.ok) return data<ActionData>({ formError: t('api:errors.rate_limited'), errors: {}, values }, tooManyRequests(limit.retryAfterSeconds))
	const token = form.get('t')
	const event = form.get('event')
	try {
		submitSurveyResponse(getDb(), {
			slug,
			answers: answersFromForm(questions, form),
			eventSlug: typeof event === 'string' && event ? event : null,
			token: typeof token === 'string' && token ? token : null,
		})
	} catch (error) {
		if (error instanceof InvalidAnswersError) return refuse(400, t('surveys:page.errorSummary'), answerIssueMessages(t, error.issues))
		if (!(error instanceof ServiceError)) throw error
		return refuse(error.status, t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') }))
	}
	return redirect(withLang(`/surveys/${slug}?sent=1`, explicitLocale(request)))
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	data ? [{ title: pageTitle(metaLocale(matches), data.survey.title) }, { name: 'robots', content: 'noindex' }] : [{ title: siteName(metaLocale(matches)) }]

export default function SurveyPage() {
	const { survey, sent, token, event, action } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>() as ActionData | undefined
	const { t } = useTranslation(['surveys', 'common'])
	const navigation = useNavigation()
	const submitting = navigation.state === 'submitting'
	const summary = useRef<HTMLDivElement>(null)
	useEffect(() => {
		if (actionData?.formError) summary.current?.focus()
	}, [actionData])
	const textLang = survey.textLang ?? undefined
	return (
		<div className="container narrow survey-page">
			<h1 lang={textLang}>{survey.title}</h1>
			{sent ? (
				<section className="card survey-thanks" aria-labelledby="thanks-title">
					<h2 id="thanks-title">{t('page.thanksTitle')}</h2>
					<p role="status">{t('page.thanksText')}</p>
					<p>
						<Link to="/">{t('page.toEvents')}</Link>
					</p>
				</section>
			) : survey.state === 'closed' ? (
				<section className="card" aria-labelledby="state-title">
					<h2 id="state-title">{t('page.closedTitle')}</h2>
					<p>{t('page.closedText')}</p>
				</section>
			) : survey.state === 'scheduled' ? (
				<section className="card" aria-labelledby="state-title">
					<h2 id="state-title">{t('page.scheduledTitle')}</h2>
					<p>{survey.opensAtText ? t('page.scheduledText', { date: survey.opensAtText }) : t('page.scheduledTextNoDate')}</p>
				</section>
			) : (
				<>
					{survey.description ? (
						<p className="lead" lang={textLang}>
							{survey.description}
						</p>
					) : null}
					{survey.textLang ? <p className="notice">{t('page.onlyInSerbian')}</p> : null}
					<p className="privacy-short">
						{t('page.anonymous')} <Link to="/privacy#privacy-surveys">{t('page.privacyLink')}</Link>
					</p>
					<Form method="post" action={action} className="form survey-form" noValidate aria-label={survey.title}>
						{actionData?.formError ? (
							<div className="notice danger error-summary" role="alert" tabIndex={-1} ref={summary}>
								<p className="error-summary-title">{actionData.formError}</p>
								{Object.keys(actionData.errors).length ? (
									<ul>
										{survey.questions
											.filter((q) => actionData.errors[q.id])
											.map((q) => (
												<li key={q.id}>
													<a href={`#q-${q.id}`} lang={textLang}>
														{q.label}
													</a>
												</li>
											))}
									</ul>
								) : null}
							</div>
						) : null}
						<p className="muted">{t('page.requiredNote')}</p>
						{token ? <input type="hidden" name="t" value={token} /> : null}
						{event ? <input type="hidden" name="event" value={event} /> : null}
						{survey.questions.map((question) => (
							<Question
								key={question.id}
								question={question}
								textLang={textLang}
								textMax={survey.textMax}
								errors={actionData?.errors[question.id]}
								values={actionData?.values[question.id]}
							/>
						))}
						<p className="submit-row">
							<button type="submit" className="button block" disabled={submitting}>
								{t('page.submit')}
							</button>
						</p>
					</Form>
				</>
			)}
		</div>
	)
}

function Question({
	question,
	textLang,
	textMax,
	errors,
	values = [],
}: {
	question: SurveyPageQuestion
	textLang: string | undefined
	textMax: number
	errors?: string[]
	values?: string[]
}) {
	const { t } = useTranslation('surveys')
	const id = `q-${question.id}`
	const isField = question.kind === 'number' || question.kind === 'text'
	const hint =
		question.kind === 'number'
			? t('page.numberHint', { min: question.minText, max: question.maxText })
			: question.kind === 'text'
				? t('page.textHint', { count: textMax })
				: question.kind === 'multi'
					? t('page.multiHint')
					: undefined
	const choices =
		question.kind === 'likert5'
			? (question.scale ?? []).map((point) => ({ value: String(point.value), label: `${point.value} – ${point.label}` }))
			: (question.options ?? []).map((option) => ({ value: option.value, label: option.label, lang: textLang }))
	return (
		<QuestionField
			id={id}
			name={`q.${question.id}`}
			control={question.kind === 'number' ? 'number' : question.kind === 'text' ? 'text' : question.kind === 'multi' ? 'several' : 'one'}
			label={question.label}
			lang={textLang}
			required={question.required}
			requiredText={t('page.required')}
			hint={hint}
			choices={isField ? undefined : choices}
			min={question.min}
			max={question.max}
			maxLength={textMax}
			values={values}
			errors={errors}
			className={isField ? 'field survey-question' : `survey-question field ${question.kind === 'likert5' ? 'likert' : ''}`}
			wrapperId={`${id}-field`}
			choicesClassName="choices"
		/>
	)
}
