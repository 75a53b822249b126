// /fairs/{slug}/apply: the exhibitor application, one page sent at once (works without JavaScript).
// Success goes to the magic-link page; the same link is mailed.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ApplicationForm } from '#app/components/application-form.tsx'
import { emptyFormValue } from '#app/domain/application-form-fields.ts'
import { localizeEventTexts } from '#app/domain/event-text.ts'
import { formatDateTime } from '#app/domain/format.ts'
import { preferencePlan, rateLimitedReply, readApplicationForm, refusalReply } from '#app/http/application-form.server.ts'
import { categoryNamesByCode } from '#app/domain/fair-settings-input.ts'
import { submitApplication } from '#app/services/commands/applications.server.ts'
import { applicationsOpen, findFair, type FairContext } from '#app/services/queries/applications.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import applyStyles from '#app/styles/apply.css?url'
import visitorStyles from '#app/styles/visitor.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT, getT } from '#app/utils/i18n.server.ts'
import { discardPageForm } from '#app/http/page-form.server.ts'
import { passRetryAfter } from '#app/http/rate-limit.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: visitorStyles },
	{ rel: 'stylesheet', href: applyStyles },
]

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => passRetryAfter(actionHeaders, loaderHeaders)

/** The fair, or a 404 page for an unknown event or one that is not a fair. */
function loadFair(slug: string): FairContext {
	try {
		return findFair(getDb(), slug)
	} catch (error) {
		if (error instanceof ServiceError) throw errorResponse(404)
		throw error
	}
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const fair = loadFair(params.slug ?? '')
	const { t, locale } = await getRequestT(request, 'apply')
	const now = new Date()
	const open = applicationsOpen(fair, now)
	const fairTitle = localizeEventTexts(fair.event, locale).title
	const opensAt = fair.settings?.applicationsOpenAt ?? null
	const closesAt = fair.settings?.applicationsCloseAt ?? fair.event.startsAt
	return {
		// The tab says what the page is: "Prijava za štand: Mini-sajam 2026 · Sajam".
		title: pageTitle(locale, t('metaTitle', { fair: fairTitle })),
		fair: { slug: fair.event.slug, title: fairTitle },
		categories: fair.categories,
		categoryNames: categoryNamesByCode(fair.settings?.categories ?? [], fair.categories, locale, (code) =>
			getT(locale, 'fair')(`category.${code}`, { defaultValue: code }),
		),
		plan: preferencePlan(getDb(), fair.event.id),
		open,
		closesAt: formatDateTime(closesAt, locale),
		opensAt: !open && opensAt && now < opensAt && fair.event.status === 'published' ? formatDateTime(opensAt, locale) : null,
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const slug = params.slug ?? ''
	let fair
	try {
		fair = loadFair(slug)
	} catch (error) {
		// An unknown fair is a 404, answered after the body is read, not cut off with the connection.
		await discardPageForm(request)
		throw error
	}
	const { t, locale } = await getRequestT(request, ['apply', 'common', 'api'])
	const now = new Date()
	const form = await readApplicationForm(getDb(), request, context, { fair, now, t, locale })
	if (form.kind === 'honeypot') return redirect(`/fairs/${slug}/apply`)
	if (form.kind === 'rate_limited') return rateLimitedReply(form, t)
	const { formData, parsed } = form
	if (!applicationsOpen(fair, now)) return refusalReply(formData, new ServiceError('applications_closed', 409), t)
	if (!parsed.ok) return data({ result: parsed.reply, logo: parsed.logo }, { status: 422 })
	try {
		const { manageToken } = submitApplication(getDb(), slug, parsed.body, now, { kind: 'system' }, locale, parsed.logoToken)
		return redirect(`/applications/${manageToken}?submitted=1`)
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		return refusalReply(formData, error, t)
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? siteName(metaLocale(matches)) }]

export default function ApplyPage() {
	const { fair, categories, categoryNames, plan, open, closesAt, opensAt } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('apply')
	return (
		<div className="container narrow apply-page">
			<p className="breadcrumb">
				<Link to={`/events/${fair.slug}`}>← {t('backToFair')}</Link>
			</p>
			<h1>{t('title')}</h1>
			<p className="apply-fair">{fair.title}</p>
			{open ? (
				<>
					<p>{t('intro')}</p>
					<p className="muted">{t('closesAt', { date: closesAt })}</p>
					<ApplicationForm
						action={`/fairs/${fair.slug}/apply`}
						categories={categories}
						categoryNames={categoryNames}
						plan={plan}
						mapHref={`/fairs/${fair.slug}/map`}
						lastResult={actionData?.result}
						defaultValue={emptyFormValue()}
						logo={actionData?.logo ?? null}
						submitLabel={t('submit')}
					/>
				</>
			) : (
				<section className="notice" aria-labelledby="closed-title">
					<h2 id="closed-title">{t('closed.title')}</h2>
					<p>{t('closed.text')}</p>
					{opensAt ? <p>{t('closed.opensAt', { date: opensAt })}</p> : null}
				</section>
			)}
		</div>
	)
}
