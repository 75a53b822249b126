import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EventForm } from '#app/components/event-form.tsx'
import { AccessibilityNeeds } from '#app/components/accessibility-needs.tsx'
import { accessibilitySummaryView } from '#app/services/views/event-question-views.server.ts'
import { CANCEL_MESSAGE_MAX, EventCancelFormSchema, EventFormSchema, eventInputFromForm } from '#app/domain/event-input.ts'
import { adminEventRow, eventFormDefaults } from '#app/services/views/admin-event-views.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { cancelEvent, setEventStatus, updateEvent } from '#app/services/commands/events.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { pageTitle, metaLocale } from '#app/utils/page-title.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { locale } = await getRequestT(request, 'admin')
	return {
		event: adminEventRow(event, locale),
		defaults: eventFormDefaults(event),
		isAdmin: user.role === 'admin',
		accessibility: accessibilitySummaryView(getDb(), event, locale),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: pageTitle(metaLocale(matches), data?.event.title) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const actor = { kind: 'user', id: user.id } as const
	const { t } = await getRequestT(request, ['admin', 'common', 'api'])
	const formData = await readPageForm(request)
	const intent = formData.get('intent')
	// "Yes, publish an event in the past": asked by the publish button and the edit form alike.
	const pastStartConfirmed = formData.get('confirmPast') === 'on'
	const pastStartRefusal = t('admin:eventPage.pastStartRequired')
	try {
		if (intent === 'publish' || intent === 'unpublish') {
			try {
				setEventStatus(getDb(), event.id, intent === 'publish' ? 'published' : 'draft', actor, new Date(), { pastStartConfirmed })
			} catch (error) {
				if (error instanceof ServiceError && error.code === 'past_start_unconfirmed') return { publishError: pastStartRefusal }
				throw error
			}
			return redirect(`/admin/events/${event.id}?saved=${intent}`)
		}
		if (intent === 'cancel') {
			const parsed = EventCancelFormSchema.safeParse(Object.fromEntries(formData), { error: makeZodErrorMap(t) })
			if (!parsed.success) {
				const issue = parsed.error.issues[0]!
				const cancelError = issue.path[0] === 'confirmCancel' ? t('admin:eventPage.confirmCancelRequired') : issue.message
				return { cancelError, message: String(formData.get('message') ?? '') }
			}
			const { notified } = cancelEvent(getDb(), event.id, actor, { message: parsed.data.message })
			return redirect(`/admin/events/${event.id}?saved=cancel&mailed=${notified.mailed}&withoutEmail=${notified.withoutEmail}`)
		}
		const submission = parseWithZod(formData, { schema: EventFormSchema, error: makeZodErrorMap(t) })
		if (submission.status !== 'success') return { result: submission.reply() }
		try {
			updateEvent(getDb(), event.id, eventInputFromForm(submission.value), actor, new Date(), { pastStartConfirmed })
		} catch (error) {
			if (error instanceof ServiceError && error.code === 'past_start_unconfirmed') {
				return { result: submission.reply({ fieldErrors: { confirmPast: [pastStartRefusal] } }) }
			}
			if (error instanceof ServiceError && error.field) {
				return { result: submission.reply({ fieldErrors: { [error.field]: [t(`api:errors.${error.code}`)] } }) }
			}
			throw error
		}
		return redirect(`/admin/events/${event.id}?saved=save`)
	} catch (error) {
		if (error instanceof ServiceError) return { cancelError: t(`api:errors.${error.code}`) }
		throw error
	}
}

/** After cancelling: how many were mailed, and how many have no address ("?mailed=N&withoutEmail=M"). */
function CancelledNotice({ mailed, withoutEmail }: { mailed: number; withoutEmail: number }) {
	const { t } = useTranslation('admin')
	return (
		<p className="notice success" role="status" data-mailed={mailed} data-without-email={withoutEmail}>
			{t('eventPage.cancelledTold', { count: mailed })}
			{withoutEmail > 0 ? ` ${t('eventPage.cancelledWithoutEmail', { count: withoutEmail })}` : null}
		</p>
	)
}

const countParam = (value: string | null) => {
	const n = Number(value)
	return value !== null && Number.isSafeInteger(n) && n >= 0 ? n : null
}

export default function EditEvent() {
	const { event, defaults, isAdmin, accessibility } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const saved = searchParams.get('saved')
	const { t } = useTranslation(['admin', 'common', 'print'])
	const result = actionData && 'result' in actionData ? actionData.result : undefined
	const statusError = actionData && 'cancelError' in actionData ? actionData.cancelError : undefined
	const publishError = actionData && 'publishError' in actionData ? actionData.publishError : undefined
	const cancelMessage = actionData && 'message' in actionData ? actionData.message : undefined
	const mailed = countParam(searchParams.get('mailed'))
	const withoutEmail = countParam(searchParams.get('withoutEmail')) ?? 0
	return (
		<div className="container narrow" style={{ padding: 0 }}>
			<p className="breadcrumb">
				<Link to="/admin">← {t('nav.events')}</Link>
			</p>
			<h1>{event.title}</h1>
			<p className="button-row">
				<span className={`pill status-${event.status}`}>{t(`common:status.${event.status}`)}</span>
				{event.status !== 'draft' ? (
					<Link to={`/events/${event.slug}`}>{t('eventPage.viewPublic')}</Link>
				) : (
					<span className="muted">{t('eventPage.draftHint')}</span>
				)}
				<Link to={`/admin/events/${event.id}/registrations`}>{t('registrations.link')}</Link>
				<Link to={`/admin/events/${event.id}/checkin`}>{t('checkin.link')}</Link>
				<Link to={`/admin/events/${event.id}/messages`}>{t('messages.link')}</Link>
				<Link to={`/admin/events/${event.id}/questions`}>{t('questions:editor.link')}</Link>
				<Link to={`/admin/events/${event.id}/print/tickets`}>{t('print:links.tickets')}</Link>
				<Link to={`/admin/events/${event.id}/print/badges`}>{t('print:links.badges')}</Link>
				{isAdmin ? <Link to={`/admin/events/${event.id}/participants`}>{t('funderList.link')}</Link> : null}
				{event.kind === 'fair' ? <Link to={`/admin/events/${event.id}/applications`}>{t('applications.link')}</Link> : null}
				{event.kind === 'fair' ? <Link to={`/admin/events/${event.id}/plan`}>{t('plan:editor.link')}</Link> : null}
				{event.kind === 'fair' ? <Link to={`/admin/events/${event.id}/allocation`}>{t('allocation:link')}</Link> : null}
				{event.kind === 'fair' ? <Link to={`/admin/events/${event.id}/fair`}>{t('fair:settings.link')}</Link> : null}
			</p>
			{saved === 'cancel' && mailed !== null ? (
				<CancelledNotice mailed={mailed} withoutEmail={withoutEmail} />
			) : saved ? (
				<p className="notice success" role="status">
					{t(`eventPage.saved.${saved}`, { defaultValue: t('eventPage.saved.save') })}
				</p>
			) : null}
			{accessibility ? <AccessibilityNeeds summary={accessibility} /> : null}
			{statusError ? (
				<p className="notice danger" role="alert">
					{statusError}
				</p>
			) : null}
			{event.status === 'cancelled' ? (
				<p className="notice danger">{t('eventPage.cancelledReadOnly')}</p>
			) : (
				<>
					<div className="card" style={{ marginBottom: '1.25rem' }}>
						<h2>{t('eventPage.visibility')}</h2>
						<p className="muted">{event.status === 'published' ? t('eventPage.publishedHint') : t('eventPage.unpublishedHint')}</p>
						{publishError ? (
							<p className="notice danger" role="alert" id="publish-error">
								{publishError}
							</p>
						) : null}
						<Form method="post" className="form">
							{event.status === 'draft' && event.startsInPast ? <PastStartConfirm invalid={Boolean(publishError)} /> : null}
							<div className="button-row">
								{event.status === 'draft' ? (
									<button className="button" type="submit" name="intent" value="publish">
										{t('eventPage.publish')}
									</button>
								) : (
									<button className="button secondary" type="submit" name="intent" value="unpublish">
										{t('eventPage.unpublish')}
									</button>
								)}
							</div>
						</Form>
					</div>
					<EventForm mode="edit" lastResult={result} defaultValue={defaults} />
					<div className="card" style={{ marginTop: '1.5rem' }}>
						<h2>{t('eventPage.cancelTitle')}</h2>
						<p className="muted">{t('eventPage.cancelHint')}</p>
						<Form method="post" className="form">
							<div className="field">
								<label htmlFor="cancelMessage">{t('eventPage.cancelMessage')}</label>
								<span className="hint" id="cancelMessage-hint">
									{t('eventPage.cancelMessageHint', { max: CANCEL_MESSAGE_MAX })}
								</span>
								<textarea
									id="cancelMessage"
									name="message"
									rows={4}
									maxLength={CANCEL_MESSAGE_MAX}
									defaultValue={cancelMessage}
									aria-describedby="cancelMessage-hint"
								/>
							</div>
							<div className="check">
								<input type="checkbox" id="confirmCancel" name="confirmCancel" required />
								<label htmlFor="confirmCancel">{t('eventPage.confirmCancel')}</label>
							</div>
							<div>
								<button className="button danger" type="submit" name="intent" value="cancel">
									{t('eventPage.cancel')}
								</button>
							</div>
						</Form>
					</div>
				</>
			)}
		</div>
	)
}

/** The warning and the tick that publishing an event whose start has passed needs. */
export function PastStartConfirm({ invalid }: { invalid: boolean }) {
	const { t } = useTranslation('admin')
	return (
		<div className="notice" data-past-start>
			<p style={{ marginTop: 0 }}>{t('eventPage.pastStartWarning')}</p>
			<div className="check">
				<input type="checkbox" id="confirmPastPublish" name="confirmPast" aria-invalid={invalid || undefined} />
				<label htmlFor="confirmPastPublish">{t('eventPage.confirmPast')}</label>
			</div>
		</div>
	)
}
