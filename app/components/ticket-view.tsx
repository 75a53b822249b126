// The parts of the private ticket page: the ticket with its QR code, the event, the person's own
// data, and the confirmation step for cancelling or deleting (a page of its own, so it works
// without JavaScript).
import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EventFacts } from './event-facts.tsx'
import { PrintButton } from './print-button.tsx'
import type { TicketPageView } from '#app/services/views/ticket-views.server.ts'
import { QrImage } from './qr-image.tsx'

type TicketProps = { ticket: TicketPageView }

export function TicketCard({ ticket }: TicketProps) {
	const { t } = useTranslation(['ticket', 'public', 'print'])
	const persons = t('persons', { count: ticket.partySize, formatted: ticket.partySizeText })
	return (
		<section className={`card ticket-card status-${ticket.status}`} aria-labelledby="ticket-title">
			<p className={`pill ticket-status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</p>
			<h2 id="ticket-title">{ticket.status === 'confirmed' ? t('title') : ticket.status === 'waitlisted' ? t('waitlistTitle') : t('cancelledTitle')}</h2>
			{ticket.event.status === 'cancelled' ? <p className="notice danger">{t('eventCancelled')}</p> : null}
			{ticket.qr ? (
				<>
					<div className="ticket-qr-wrap">
						<QrImage qr={ticket.qr} label={t('qrAlt')} className="ticket-qr" />
					</div>
					<p className="ticket-holder">
						<strong>{ticket.person.name}</strong>
						<br />
						{persons}
					</p>
					<p className="muted">{t('showAtEntrance')}</p>
					<p className="no-print">
						<a href={ticket.links.qr} download={`ticket-${ticket.event.slug}.svg`}>
							{t('downloadQr')}
						</a>
					</p>
					<PrintButton label={t('print:ticketPage.print')} className="button secondary small" />
				</>
			) : null}
			{ticket.status === 'waitlisted' ? (
				<>
					<p className="ticket-position">
						<span className="ticket-position-number">{ticket.positionText}</span>
						<span>{t('position')}</span>
					</p>
					<p>
						{persons}. {t('waitlistExplain')}
					</p>
				</>
			) : null}
			{ticket.status === 'cancelled' ? (
				<p>
					{ticket.cancelledAt ? t('cancelledText', { date: ticket.cancelledAt }) : null}{' '}
					{ticket.event.status !== 'cancelled' ? <Link to={`/events/${ticket.event.slug}`}>{t('registerAgain')}</Link> : null}
				</p>
			) : null}
		</section>
	)
}

export function TicketEvent({ ticket }: TicketProps) {
	const { t } = useTranslation(['ticket', 'public'])
	const { event, links } = ticket
	return (
		<section className="card ticket-section ticket-event" aria-labelledby="ticket-event-title">
			<h2 id="ticket-event-title">{t('eventTitle')}</h2>
			<EventFacts event={event} />
			{links.google ? (
				<div className="no-print">
					<h3>{t('public:event.addToCalendar')}</h3>
					<p className="button-row">
						<a className="button secondary small" href={links.ics} download>
							{t('public:event.downloadIcs')}
						</a>
						<a className="button secondary small" href={links.google} rel="noopener noreferrer" target="_blank">
							{t('public:event.googleCalendar')}
							<span className="visually-hidden"> ({t('public:event.newWindow')})</span>
						</a>
					</p>
				</div>
			) : null}
		</section>
	)
}

export function PersonalData({ ticket, deleteHref }: TicketProps & { deleteHref: string }) {
	const { t } = useTranslation(['ticket', 'public'])
	const { person } = ticket
	const yesNo = (value: boolean) => (value ? t('yes') : t('no'))
	const answer = (group: string, value: string | null) => (value ? t(`public:demographics.${group}.${value}`) : t('notAnswered'))
	return (
		<section className="card ticket-section" aria-labelledby="data-title">
			<h2 id="data-title">{t('data.title')}</h2>
			<p>{t('data.intro')}</p>
			<dl className="data-list">
				<div>
					<dt>{t('data.name')}</dt>
					<dd>{person.name}</dd>
				</div>
				{person.email !== null ? (
					<div>
						<dt>{t('data.email')}</dt>
						<dd className="break">{person.email}</dd>
					</div>
				) : null}
				{person.phone ? (
					<div>
						<dt>{t('data.phone')}</dt>
						<dd>{person.phone}</dd>
					</div>
				) : null}
				<div>
					<dt>{t('data.partySize')}</dt>
					<dd>{ticket.partySizeText}</dd>
				</div>
				<div>
					<dt>{t('data.locale')}</dt>
					<dd>{t(`public:register.localeName.${person.locale}`)}</dd>
				</div>
				<div>
					<dt>{t('data.registeredAt')}</dt>
					<dd>{person.registeredAt}</dd>
				</div>
				<div>
					<dt>{t('data.privacyAcceptedAt')}</dt>
					<dd>{person.privacyAcceptedAt}</dd>
				</div>
				<div>
					<dt>{t('data.consentPhotos')}</dt>
					<dd>{yesNo(person.consents.photos)}</dd>
				</div>
				<div>
					<dt>{t('data.consentNewsletter')}</dt>
					<dd>{yesNo(person.consents.newsletter)}</dd>
				</div>
				<div>
					<dt>{t('data.consentResearch')}</dt>
					<dd>{yesNo(person.consents.research)}</dd>
				</div>
				<div>
					<dt>{t('data.consentFunderList')}</dt>
					<dd>{yesNo(person.consents.funderList)}</dd>
				</div>
				<div>
					<dt>{t('data.gender')}</dt>
					<dd>{answer('gender', person.demographics.gender)}</dd>
				</div>
				<div>
					<dt>{t('data.ageGroup')}</dt>
					<dd>{answer('ageGroup', person.demographics.ageGroup)}</dd>
				</div>
				<div>
					<dt>{t('data.municipality')}</dt>
					<dd>{answer('municipality', person.demographics.municipality)}</dd>
				</div>
				<div>
					<dt>{t('data.vulnerableGroup')}</dt>
					<dd>{answer('vulnerableGroup', person.demographics.vulnerableGroup)}</dd>
				</div>
			</dl>
			<p className="muted">
				{t('data.rights')} <Link to="/privacy">{t('data.privacyLink')}</Link>
			</p>
			<p className="button-row">
				<a className="button secondary" href={ticket.links.data} download>
					{t('data.download')}
				</a>
				<Link className="button secondary danger-text" to={deleteHref}>
					{t('data.delete')}
				</Link>
			</p>
		</section>
	)
}

/** "Are you sure?" as its own page: a POST button and a way back. */
export function ConfirmStep({ kind, ticket, back }: TicketProps & { kind: 'cancel' | 'delete'; back: string }) {
	const { t } = useTranslation('ticket')
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle' && navigation.formMethod?.toLowerCase() === 'post'
	const waitlisted = ticket.status === 'waitlisted'
	const title = kind === 'delete' ? t('delete.title') : waitlisted ? t('cancel.titleWaitlist') : t('cancel.title')
	return (
		<section className="card confirm-step" aria-labelledby="confirm-title">
			<h1 id="confirm-title">{title}</h1>
			<p className="confirm-subject" lang={ticket.event.untranslated ? 'sr-Latn' : undefined}>
				<strong>{ticket.event.title}</strong>
				<br />
				{ticket.event.date}, {ticket.event.time}
			</p>
			<p>{kind === 'delete' ? t('delete.text') : waitlisted ? t('cancel.textWaitlist') : t('cancel.text')}</p>
			<Form method="post" action={back} className="button-row confirm-actions">
				<button className="button danger" type="submit" name="intent" value={kind} disabled={busy}>
					{kind === 'delete' ? t('delete.confirm') : waitlisted ? t('cancel.confirmWaitlist') : t('cancel.confirm')}
				</button>
				<Link className="button secondary" to={back}>
					{kind === 'delete' ? t('delete.keep') : t('cancel.keep')}
				</Link>
			</Form>
		</section>
	)
}
