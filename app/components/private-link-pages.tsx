// The pages a private link (ticket or exhibitor application) leads to when it no longer works.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * Where "delete my data" ends, for a ticket or an application: the old private link no longer
 * leads anywhere. `namespace` holds `deleted.title`, `deleted.text` and `deleted.back`.
 */
export function DataDeleted({ namespace }: { namespace: 'ticket' | 'application' }) {
	const { t } = useTranslation(namespace)
	return (
		<div className="container narrow ticket-page">
			<section className="card confirm-step" aria-labelledby="deleted-title">
				<h1 id="deleted-title">{t('deleted.title')}</h1>
				<p role="status">{t('deleted.text')}</p>
				<p>
					<Link className="button" to="/">
						{t('deleted.back')}
					</Link>
				</p>
			</section>
		</div>
	)
}

/** An unknown, malformed or deleted private link (404). `namespace` holds `notFound.title` and `notFound.text`. */
export function PrivateLinkNotFound({ namespace }: { namespace: 'ticket' | 'application' }) {
	const { t } = useTranslation([namespace, 'common'])
	return (
		<div className="container narrow ticket-page">
			<section className="card confirm-step error-page" aria-labelledby="not-found-title">
				<p className="error-code">404</p>
				<h1 id="not-found-title">{t('notFound.title')}</h1>
				<p>{t('notFound.text')}</p>
				<p>
					<Link className="button" to="/">
						{t('common:error.backHome')}
					</Link>
				</p>
			</section>
		</div>
	)
}
