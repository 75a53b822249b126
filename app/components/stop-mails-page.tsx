// The one-click stop page of a ticket or an application: what stopping means, one button (a plain
// POST form, no JavaScript), and after it a short answer.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

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
