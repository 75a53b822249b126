// /admin/events/{id}/registrations: who registered for an event. Counts, search, status filter,
// paging; manual add, cancel and resend. Every change is a POST that redirects back to the list
// with a notice (?notice=...), so a reload never repeats it and everything works without JS.
// `$id_`: a page of its own under the admin layout, not nested in the event's edit page.
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
	ManualAddForm,
	RegistrationCounts,
	RegistrationFilters,
	RegistrationNotice,
	RegistrationPaging,
	RegistrationTable,
} from '#app/components/registration-admin.tsx'
import {
	ManualRegistrationSchema,
	RowActionSchema,
	listSearchParams,
	manualRegistrationInput,
	parseListQuery,
	type ListNotice,
} from '#app/domain/registration-admin-input.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findRegistrationOfEvent, registrationsPage } from '#app/services/queries/registration-queries.server.ts'
import { cancelByOrganizer, mintTicketLinkForOrganizer, registerVisitor, resendRegistrationMail } from '#app/services/commands/registrations.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { locale, t } = await getRequestT(request, ['admin', 'questions'])
	const query = parseListQuery(new URL(request.url).searchParams)
	const page = registrationsPage(getDb(), event, query, locale, { yes: t('questions:yes'), no: t('questions:no') })
	return { title: pageTitle(locale, `${t('registrations.title')}: ${page.event.title}`), query, ...page }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const actor = { kind: 'user', id: user.id } as const
	const list = `/admin/events/${event.id}/registrations`
	const formData = await readPageForm(request)

	if (formData.get('intent') === 'add') {
		const { t } = await getRequestT(request, ['admin', 'common', 'api'])
		const submission = parseWithZod(formData, { schema: ManualRegistrationSchema, error: makeZodErrorMap(t) })
		if (submission.status !== 'success') return { result: submission.reply() }
		// After adding, the whole list from the top: the new registration is the first row.
		const done = (notice: ListNotice, rid?: number) => redirect(list + listSearchParams({ q: '', status: 'all', page: 1 }, { notice, rid }))
		try {
			const result = registerVisitor(getDb(), { id: event.id }, manualRegistrationInput(submission.value), 'organizer', actor)
			if (result.kind === 'already_registered') return done('already_registered', result.registration.id)
			return done(result.registration.status === 'confirmed' ? 'confirmed' : 'waitlisted', result.registration.id)
		} catch (error) {
			if (!(error instanceof ServiceError)) throw error
			if (error.code === 'sold_out') return done('sold_out')
			const message = t(`api:errors.${error.code}`)
			return { result: submission.reply(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] }) }
		}
	}

	// Cancel and resend keep the list as the organizer was looking at it (search, filter, page).
	const row = RowActionSchema.safeParse(Object.fromEntries(formData))
	invariantResponse(row.success, 400)
	const registration = findRegistrationOfEvent(getDb(), event.id, row.data.registrationId)
	invariantResponse(registration, 404)
	const back = (notice: ListNotice, promoted?: number) =>
		redirect(list + listSearchParams(parseListQuery(new URL(request.url).searchParams), { notice, rid: registration.id, promoted }))
	if (row.data.intent === 'cancel') {
		const result = cancelByOrganizer(getDb(), registration.id, actor)
		return back(result.changed ? 'cancelled' : 'already_cancelled', result.promoted.length)
	}
	if (row.data.intent === 'print') {
		// The ticket page with its QR, through a link minted now (only hashes are kept), to print.
		// Only a confirmed registration has a ticket (the page offers the button for those only).
		invariantResponse(registration.status === 'confirmed', 400)
		try {
			return redirect(`/tickets/${mintTicketLinkForOrganizer(getDb(), event.id, registration.id, actor)}`)
		} catch (error) {
			if (error instanceof ServiceError && error.code === 'registration_not_confirmed') return back('already_cancelled')
			throw error
		}
	}
	// Taken without an address: there is nothing to resend (the page offers no such button).
	invariantResponse(registration.email !== null, 400)
	try {
		resendRegistrationMail(getDb(), registration.id, actor)
	} catch (error) {
		if (error instanceof ServiceError && error.code === 'registration_cancelled') return back('already_cancelled')
		throw error
	}
	return back('resent')
}

const ADD_NOTICES = new Set<ListNotice | undefined>(['confirmed', 'waitlisted', 'already_registered', 'sold_out'])

export default function EventRegistrations() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const location = useLocation()
	const { t } = useTranslation(['admin', 'common'])
	const { event, query } = data
	const csvHref = `/admin/events/${event.id}/registrations.csv`
	const lastResult = actionData && 'result' in actionData ? actionData.result : undefined
	const addOpen = Boolean(lastResult) || ADD_NOTICES.has(query.notice)
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/admin/events/${event.id}`}>← {event.title}</Link>
			</p>
			<div className="section-head">
				<h1>{t('registrations.title')}</h1>
				<p className="button-row" style={{ margin: 0 }}>
					{/* reloadDocument: a download, not a page for the client router. */}
					<Link className="button secondary small" to={csvHref} reloadDocument>
						{t('registrations.export')}
					</Link>
					<Link to={`${csvHref}?delimiter=comma`} reloadDocument>
						{t('registrations.exportComma')}
					</Link>
				</p>
			</div>
			<p className="muted">{t('registrations.exportHint')}</p>
			{query.notice ? <RegistrationNotice notice={query.notice} subject={data.subject} promoted={query.promoted ?? 0} /> : null}
			<RegistrationCounts event={event} counts={data.counts} />
			{/* Closed unless the organizer is adding: the list is what the page is mostly for. */}
			<details key={location.key} className="card" open={addOpen} style={{ marginTop: '1.25rem' }}>
				<summary style={{ cursor: 'pointer' }}>
					<h2 style={{ display: 'inline', fontSize: '1.15rem' }}>{t('registrations.add.title')}</h2>
				</summary>
				{event.status === 'published' ? (
					<ManualAddForm maxPartySize={event.maxPartySize} lastResult={lastResult} />
				) : (
					<p className="muted">{t('registrations.add.notOpen')}</p>
				)}
			</details>
			<section aria-labelledby="list-title" style={{ marginTop: '1.5rem' }}>
				<h2 id="list-title" className="visually-hidden">
					{t('registrations.table.caption', { title: event.title })}
				</h2>
				<RegistrationFilters key={location.search} query={query} answerFilters={data.answerFilters} />
				<p className="muted" role="status">
					{t('registrations.search.results', { count: data.total, formatted: data.totalText })}
					{data.pageCount > 1 ? ` · ${t('registrations.paging.pageOf', { page: data.page, pages: data.pageCount })}` : null}
				</p>
				{data.rows.length === 0 ? (
					<p className="empty-state">{query.q || query.status !== 'all' ? t('registrations.noMatches') : t('registrations.none')}</p>
				) : (
					<RegistrationTable rows={data.rows} eventTitle={event.title} canResend={event.status !== 'cancelled'} />
				)}
				<RegistrationPaging page={data.page} pageCount={data.pageCount} query={query} />
			</section>
		</>
	)
}
