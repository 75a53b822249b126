import { useTranslation } from 'react-i18next'

export type EventFactsView = { startsAtIso: string; date: string; time: string; venueName: string; venueAddress?: string | null; mapUrl: string }

/** Date, time and place of an event, with a map link: on the ticket page and the exhibitor's page. */
export function EventFacts({ event }: { event: EventFactsView }) {
	const { t } = useTranslation('public')
	return (
		<dl className="facts plain">
			<div>
				<dt>{t('public:event.date')}</dt>
				<dd>
					<time dateTime={event.startsAtIso}>{event.date}</time>
				</dd>
			</div>
			<div>
				<dt>{t('public:event.time')}</dt>
				<dd>{event.time}</dd>
			</div>
			<div>
				<dt>{t('public:event.venue')}</dt>
				<dd>
					{event.venueName}
					{event.venueAddress ? (
						<>
							<br />
							<span className="muted">{event.venueAddress}</span>
						</>
					) : null}
					<br />
					<a href={event.mapUrl} rel="noopener noreferrer" target="_blank">
						{t('public:event.openMap')}
						<span className="visually-hidden"> ({t('public:event.newWindow')})</span>
					</a>
				</dd>
			</div>
		</dl>
	)
}
