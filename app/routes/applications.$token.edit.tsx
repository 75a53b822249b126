// /applications/{token}/edit: the exhibitor corrects their application through the magic link,
// with the same form as /fairs/{slug}/apply, while the application window is open.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ApplicationForm } from '#app/components/application-form.tsx'
import { apiBodyToFormValue } from '#app/domain/application-form.ts'
import { localizeEventTexts } from '#app/domain/event-text.ts'
import {
	applicationRowToApiBody,
	preferencePlan,
	preferencesOnPlan,
	rateLimitedReply,
	readApplicationForm,
	refusalReply,
} from '#app/http/application-form.server.ts'
import { findApplicationImage } from '#app/services/queries/application-images.server.ts'
import { categoryNamesByCode } from '#app/domain/fair-settings-input.ts'
import { updateApplication } from '#app/services/commands/applications.server.ts'
import { applicationsOpen, findApplicationByManageToken, findFair } from '#app/services/queries/applications.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findEventById } from '#app/services/queries/events.server.ts'
import { PRIVATE_PAGE_HEADERS } from '#app/http/private-headers.server.ts'
import applyStyles from '#app/styles/apply.css?url'
import visitorStyles from '#app/styles/visitor.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { explicitLocale, getLocale, getRequestT, getT, withLang } from '#app/utils/i18n.server.ts'
import { discardPageForm } from '#app/http/page-form.server.ts'
import { passRetryAfter } from '#app/http/rate-limit.server.ts'
import { errorResponse, invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: visitorStyles },
	{ rel: 'stylesheet', href: applyStyles },
]

export const headers: HeadersFunction = ({ actionHeaders }) => passRetryAfter(actionHeaders, PRIVATE_PAGE_HEADERS)

type Editable = 'open' | 'closed' | 'withdrawn'

/** The application and its fair; 404 for a token that names nothing. */
function loadApplication(token: string) {
	const db = getDb()
	const application = findApplicationByManageToken(db, token)
	const event = application ? findEventById(db, application.eventId) : undefined
	invariantResponse(application && event, 404)
	let fair
	try {
		fair = findFair(db, event.slug)
	} catch (error) {
		if (error instanceof ServiceError) throw errorResponse(404)
		throw error
	}
	return { application, fair }
}

function editable(status: string, open: boolean): Editable {
	if (status === 'withdrawn') return 'withdrawn'
	return open ? 'open' : 'closed'
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const token = params.token ?? ''
	const { application, fair } = loadApplication(token)
	const locale = await getLocale(request)
	const now = new Date()
	const state = editable(application.status, applicationsOpen(fair, now))
	const plan = preferencePlan(getDb(), fair.event.id)
	const body = applicationRowToApiBody(application)
	const keepLang = explicitLocale(request)
	return {
		token,
		self: withLang(`/applications/${token}`, keepLang),
		editAction: withLang(`/applications/${token}/edit`, keepLang),
		fair: { slug: fair.event.slug, title: localizeEventTexts(fair.event, locale).title },
		categories: fair.categories,
		categoryNames: categoryNamesByCode(fair.settings?.categories ?? [], fair.categories, locale, (code) =>
			getT(locale, 'fair')(`category.${code}`, { defaultValue: code }),
		),
		plan,
		state,
		// On a published plan the selects show the stored stands; a zone typed before is not one of them.
		values: state === 'open' ? apiBodyToFormValue({ ...body, preferences: preferencesOnPlan(body.preferences, plan) }) : null,
		earlierWishes: plan ? body.preferences.filter((p) => !preferencesOnPlan([p], plan).length) : [],
		hasLogo: Boolean(findApplicationImage(getDb(), application.id)),
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const token = params.token ?? ''
	let loaded
	try {
		loaded = loadApplication(token)
	} catch (error) {
		// An unknown link is a 404, answered after the body is read, not cut off with the connection.
		await discardPageForm(request)
		throw error
	}
	const { application, fair } = loaded
	const { t, locale } = await getRequestT(request, ['apply', 'common', 'api'])
	const now = new Date()
	const form = await readApplicationForm(getDb(), request, context, { fair, now, t, locale })
	if (form.kind === 'honeypot') return redirect(withLang(`/applications/${token}`, explicitLocale(request)))
	if (form.kind === 'rate_limited') return rateLimitedReply(form, t)
	const { formData, parsed } = form
	const state = editable(application.status, applicationsOpen(fair, now))
	if (state !== 'open') {
		const refusal = new ServiceError(state === 'withdrawn' ? 'application_withdrawn' : 'applications_closed', 409)
		return refusalReply(formData, refusal, t)
	}
	if (!parsed.ok) return data({ result: parsed.reply, logo: parsed.logo }, { status: 422 })
	try {
		updateApplication(getDb(), token, parsed.body, now, parsed.logoToken)
		return redirect(withLang(`/applications/${token}?saved=1`, explicitLocale(request)))
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		return refusalReply(formData, error, t)
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: pageTitle(metaLocale(matches), data?.fair.title) },
	{ name: 'robots', content: 'noindex' },
]

export default function EditApplicationPage() {
	const { self, editAction, fair, categories, categoryNames, plan, state, values, hasLogo, earlierWishes } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('apply')
	return (
		<div className="container narrow apply-page">
			<p className="breadcrumb">
				<Link to={self}>← {t('edit.back')}</Link>
			</p>
			<h1>{t('edit.title')}</h1>
			<p className="apply-fair">{fair.title}</p>
			{state === 'open' && values ? (
				<>
					<p>{t('edit.intro')}</p>
					<ApplicationForm
						action={editAction}
						categories={categories}
						categoryNames={categoryNames}
						plan={plan}
						mapHref={`/fairs/${fair.slug}/map`}
						earlierWishes={earlierWishes}
						lastResult={actionData?.result}
						defaultValue={values}
						logo={actionData?.logo ?? (hasLogo ? { kind: 'current' } : null)}
						submitLabel={t('edit.submit')}
					/>
				</>
			) : (
				<p className="notice" role="status">
					{state === 'withdrawn' ? t('edit.withdrawn') : t('edit.closed')}
				</p>
			)}
		</div>
	)
}
