// The parts of the exhibitor's private page: the status in plain words (with the confirm button
// while confirming is possible), their stand once they were told it, the fair, what was
// submitted, and the "are you sure?" step for withdrawing or deleting, which is a page of its own
// so it works without JavaScript.
import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EventFacts } from './event-facts.tsx'
import type { ApplicationPageView } from '#app/services/views/application-page.server.ts'
import { StandLocator } from './stand-locator.tsx'

type Props = { application: ApplicationPageView }

/** A POST is on its way: buttons wait, so a double tap does not send twice. */
function useBusy() {
	const navigation = useNavigation()
	return navigation.state !== 'idle' && navigation.formMethod?.toLowerCase() === 'post'
}

/** Where this page's forms post: the index route itself (a bare path would reach its parent). */
export function actionUrl(application: ApplicationPageView) {
	return `${application.links.self}?index`
}

type StatusKey = 'submitted' | 'awaiting' | 'accepted' | 'deadlinePassed' | 'confirmed' | 'waitlisted' | 'rejected' | 'withdrawn' | 'missed'

function statusKey(a: ApplicationPageView): StatusKey {
	if (a.status === 'withdrawn') return a.confirmationMissed ? 'missed' : 'withdrawn'
	if (a.status !== 'accepted') return a.status
	if (a.confirmed) return 'confirmed'
	if (a.canConfirm) return 'awaiting'
	return a.deadlinePassed ? 'deadlinePassed' : 'accepted'
}

export function ApplicationStatusCard({ application: a }: Props) {
	const { t } = useTranslation('application')
	const busy = useBusy()
	const key = statusKey(a)
	const pill = a.confirmed ? 'confirmed' : a.status
	return (
		<section className={`card ticket-card application-status status-${pill}`} aria-labelledby="status-title">
			<p className={`pill ticket-status status-${pill}`}>{t(`pill.${pill}`)}</p>
			<h2 id="status-title">{t(`state.${key}.title`)}</h2>
			<p>
				{t(key === 'confirmed' && a.stand ? 'state.confirmed.textStand' : `state.${key}.text`, {
					deadline: a.confirmBy ?? '',
					date: a.confirmedAt ?? a.withdrawnAt ?? '',
				})}
			</p>
			{a.decisionNote ? (
				<blockquote className="decision-note">
					<p className="muted small">{t('decisionNote')}</p>
					<p>{a.decisionNote}</p>
				</blockquote>
			) : null}
			{a.canConfirm ? (
				<Form method="post" action={actionUrl(a)} className="confirm-participation">
					<p className="confirm-deadline">
						{t('confirm.deadline')}{' '}
						<strong>
							<time dateTime={a.confirmByIso ?? undefined}>{a.confirmBy}</time>
						</strong>
					</p>
					<button className="button" type="submit" name="intent" value="confirm" disabled={busy}>
						{t('confirm.button')}
					</button>
				</Form>
			) : null}
		</section>
	)
}

/** "Your stand": what it offers, when to set up, and where it is on the plan. */
export function ApplicationStand({ application: a }: Props) {
	const { t } = useTranslation('application')
	const stand = a.stand
	if (!stand) return null
	return (
		<section className="card ticket-section application-stand" aria-labelledby="stand-title">
			<h2 id="stand-title">{t('stand.title')}</h2>
			<dl className="data-list">
				<Row label={t('stand.label')}>
					<span className="stand-label" style={{ fontSize: '1.35rem' }}>
						{stand.label}
					</span>
				</Row>
				{stand.zone ? <Row label={t('stand.zone')}>{stand.zone}</Row> : null}
				<Row label={t('stand.size')}>{t('stand.sizeValue', { size: stand.size })}</Row>
				<Row label={t('stand.power')}>{stand.power ? t('yes') : t('no')}</Row>
				<Row label={t('stand.accessible')}>{stand.accessible ? t('yes') : t('no')}</Row>
				<Row label={t('stand.setup')}>
					<time dateTime={stand.setupIso}>{t('stand.setupAt', { date: stand.setupDate, time: stand.setupTime })}</time>
				</Row>
			</dl>
			<p>{t('stand.ready', { time: stand.openingTime })}</p>
			<figure className="stand-figure" style={{ margin: '1rem 0' }}>
				<StandLocator plan={stand.plan} outlines={stand.outlines} label={stand.label} />
				<figcaption className="muted small">{t('stand.planCaption')}</figcaption>
			</figure>
			{stand.mapUrl ? (
				<p>
					<Link to={stand.mapUrl}>{t('stand.mapLink')}</Link>
				</p>
			) : null}
		</section>
	)
}

export function ApplicationFair({ application: a }: Props) {
	const { t } = useTranslation(['application', 'public'])
	const { fair } = a
	return (
		<section className="card ticket-section" aria-labelledby="fair-title">
			<h2 id="fair-title">{t('fair.title')}</h2>
			<p className="fair-name" lang={fair.untranslated ? 'sr-Latn' : undefined}>
				<strong>{fair.title}</strong>
			</p>
			{fair.status === 'cancelled' ? <p className="notice danger">{t('fair.cancelled')}</p> : null}
			<EventFacts event={fair} />
			{fair.pageUrl ? (
				<p>
					<Link to={fair.pageUrl}>{t('fair.page')}</Link>
				</p>
			) : null}
		</section>
	)
}

function Row({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
	return (
		<div>
			<dt>{label}</dt>
			<dd className={className}>{children}</dd>
		</div>
	)
}

/** What was submitted, as the exhibitor entered it, with the codes in words. */
export function ApplicationSummary({ application: a }: Props) {
	const { t } = useTranslation(['application', 'apply'])
	const s = a.submitted
	const yesNo = (value: boolean) => (value ? t('yes') : t('no'))
	const needs = [
		s.needs.power ? t('needs.power') : null,
		s.needs.accessible ? t('needs.accessible') : null,
		s.needs.sizeM2 ? t('needs.size', { size: s.needs.sizeM2 }) : null,
		s.needs.table ? t('needs.table') : null,
		s.needs.chairs > 0 ? t('needs.chairs', { count: s.needs.chairs, formatted: s.needs.chairsText }) : null,
	].filter((need): need is string => need !== null)
	return (
		<>
			<dl className="data-list">
				<Row label={t('summary.logo')}>
					{s.logo ? <img className="application-logo" src={s.logo.url} alt={t('summary.logoAlt', { name: s.orgName })} /> : t('summary.noLogo')}
				</Row>
				<Row label={t('summary.orgName')}>{s.orgName}</Row>
				<Row label={t('summary.legalForm')}>{t(`apply:legalForm.${s.legalForm}`, { defaultValue: s.legalForm })}</Row>
				<Row label={t('summary.municipality')}>{s.municipalityName ?? t('apply:municipalityOther')}</Row>
				{s.companyNumber ? <Row label={t('summary.companyNumber')}>{s.companyNumber}</Row> : null}
				{s.pib ? <Row label={t('summary.pib')}>{s.pib}</Row> : null}
				{s.foundedYear !== null ? <Row label={t('summary.foundedYear')}>{s.foundedYear}</Row> : null}
				{s.website ? (
					<Row label={t('summary.website')} className="break">
						{s.website}
					</Row>
				) : null}
				{s.social.length ? (
					<Row label={t('summary.social')} className="break">
						{s.social.map((link, i) => (
							<span key={link}>
								{i > 0 ? <br /> : null}
								{link}
							</span>
						))}
					</Row>
				) : null}
				<Row label={t('summary.contact')}>
					{s.contactName}
					<br />
					<span className="break">{s.contactEmail}</span>
					{s.contactPhone ? (
						<>
							<br />
							{s.contactPhone}
						</>
					) : null}
				</Row>
				<Row label={t('summary.category')}>{s.categoryName}</Row>
				<Row label={t('summary.products')}>{s.products}</Row>
				<Row label={t('summary.description')}>{s.description ?? t('notGiven')}</Row>
				{s.descriptionEn ? (
					<Row label={t('summary.descriptionEn')}>
						<span lang="en">{s.descriptionEn}</span>
					</Row>
				) : null}
				<Row label={t('summary.needs')}>{needs.length ? needs.join(', ') : t('needs.none')}</Row>
				<Row label={t('summary.preferences')}>{s.preferences.length ? s.preferences.join(', ') : t('notGiven')}</Row>
				<Row label={t('summary.selling')}>{s.selling === null ? t('notGiven') : yesNo(s.selling)}</Row>
				<Row label={t('summary.consentCatalogue')}>{yesNo(s.consents.catalogue)}</Row>
				<Row label={t('summary.consentResearch')}>{yesNo(s.consents.research)}</Row>
				<Row label={t('summary.privacyAcceptedAt')}>{s.privacyAcceptedAt}</Row>
				<Row label={t('summary.createdAt')}>{s.createdAt}</Row>
				{s.updatedAt ? <Row label={t('summary.updatedAt')}>{s.updatedAt}</Row> : null}
			</dl>
		</>
	)
}

/** "Are you sure?" as its own page: the second POST does it, or a way back. */
export function ApplicationConfirmStep({ kind, application: a }: Props & { kind: 'withdraw' | 'delete' }) {
	const { t } = useTranslation('application')
	const busy = useBusy()
	const accepted = a.status === 'accepted'
	return (
		<section className="card confirm-step" aria-labelledby="confirm-title">
			<h1 id="confirm-title">{t(`${kind}.title`)}</h1>
			<p className="confirm-subject">
				<strong>{a.submitted.orgName}</strong>
				<br />
				<span lang={a.fair.untranslated ? 'sr-Latn' : undefined}>{a.fair.title}</span>, {a.fair.date}
			</p>
			<p>{t(`${kind}.text`)}</p>
			{accepted ? <p className="notice">{t(`${kind}.acceptedPlace`)}</p> : null}
			<Form method="post" action={actionUrl(a)} className="button-row confirm-actions">
				<input type="hidden" name="sure" value="yes" />
				<button className="button danger" type="submit" name="intent" value={kind} disabled={busy}>
					{t(`${kind}.confirm`)}
				</button>
				<Link className="button secondary" to={a.links.self}>
					{t(`${kind}.keep`)}
				</Link>
			</Form>
		</section>
	)
}

/** The first step of withdrawing or deleting: a POST that only asks. */
export function AskButton({ kind, application: a, className }: Props & { kind: 'withdraw' | 'delete'; className: string }) {
	const { t } = useTranslation('application')
	const busy = useBusy()
	return (
		<Form method="post" action={actionUrl(a)}>
			<button className={className} type="submit" name="intent" value={kind} disabled={busy}>
				{t(`${kind}.button`)}
			</button>
		</Form>
	)
}
