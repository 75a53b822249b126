// The one-click stop page of a ticket or an application: what stopping means, one button (a plain
// POST form, no JavaScript), and after it a short answer.
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from './error-page.tsx'
import { PrivateLinkNotFound } from './private-link-pages.tsx'

type StopMailsLoaderData = { eventTitle: string; stopped: boolean; back: string }
type StopMailsActionData = { stopped: boolean; error: string | null }

/** The page of a stop link (app/http/stop-mails-route.server.ts gives its loader and action). */
export function stopMailsRoute(namespace: 'ticket' | 'application') {
	function StopMailsRoute() {
		const view = useLoaderData<StopMailsLoaderData>()
		const result = useActionData<StopMailsActionData>()
		return (
			<>
				{result?.error ? (
					<p className="notice danger" role="alert">
						{result.error}
					</p>
				) : null}
				<StopMailsPage namespace={namespace} eventTitle={view.eventTitle} stopped={view.stopped} justStopped={result?.stopped === true} back={view.back} />
			</>
		)
	}
	function StopMailsError() {
		const error = useRouteError()
		if (isRouteErrorResponse(error) && error.status === 404) return <PrivateLinkNotFound namespace={namespace} />
		return <ErrorMessage error={error} />
	}
	return { StopMailsRoute, StopMailsError }
}

export function StopMailsPage({
	namespace,
	eventTitle,
	stopped,
	justStopped,
	back,
}: {
	namespace: 'ticket' | 'application'
	eventTitle: string
	stopped: boolean
	justStopped: boolean
	back: string
}) {
	const { t } = useTranslation(namespace)
	return (
		<div className="container narrow ticket-page">
			<section className="card confirm-step" aria-labelledby="stop-title">
				<h1 id="stop-title">{t(stopped ? 'stopMails.doneTitle' : 'stopMails.title')}</h1>
				<p>
					<strong>{eventTitle}</strong>
				</p>
				{stopped ? (
					<p role="status">{t(justStopped ? 'stopMails.done' : 'stopMails.already')}</p>
				) : (
					<>
						<p>{t('stopMails.intro')}</p>
						<p>{t('stopMails.still')}</p>
						<Form method="post" replace>
							<input type="hidden" name="List-Unsubscribe" value="One-Click" />
							<button type="submit" className="button">
								{t('stopMails.button')}
							</button>
						</Form>
					</>
				)}
				<p>
					<Link to={back}>{t('stopMails.back')}</Link>
				</p>
			</section>
		</div>
	)
}
