import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { EventCardView } from '#app/services/views/event-views.server.ts'

export function AvailabilityNote({ event }: { event: Pick<EventCardView, 'availability' | 'remaining' | 'remainingText' | 'status'> }) {
	const { t } = useTranslation('public')
	if (event.status === 'cancelled') return <span className="pill status-cancelled">{t('common:status.cancelled')}</span>
	if (event.availability === 'unlimited') return <span className="places">{t('places.free')}</span>
	if (event.availability === 'full') return <span className="pill status-full">{t('places.full')}</span>
	return <span className="places">{t('places.remaining', { count: event.remaining ?? 0, formatted: event.remainingText })}</span>
}

export function EventCard({ event }: { event: EventCardView }) {
	const { t } = useTranslation('public')
	return (
		<article className="event-card">
			<time className="date-badge" dateTime={event.startsAtIso}>
				<span className="day">{event.badge.day}</span>
				<span className="month">{event.badge.month}</span>
			</time>
			<div>
				<span className={`pill kind-${event.kind}`}>{t(`common:kind.${event.kind}`)}</span>
				<h3>
					<Link to={`/events/${event.slug}`} lang={event.untranslated ? 'sr-Latn' : undefined}>
						{event.title}
					</Link>
				</h3>
				<p>
					{event.date}
					<br />
					{event.time} · {event.venue}
				</p>
				<AvailabilityNote event={event} />
			</div>
		</article>
	)
}
