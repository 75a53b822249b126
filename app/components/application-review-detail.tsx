// The parts of one application's review page (routes/admin.events.$id_.applications_.$applicationId.tsx):
// what the exhibitor submitted, every reviewer's scores, the organizer's own review form and the
// decision form. Both forms are plain POSTs (conform + zod, the same schema as the server).
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DECISION_NOTE_MAX, DecisionFormSchema, REVIEW_NOTE_MAX, ReviewFormSchema } from '#app/domain/review-input.ts'
import { CRITERIA, REVIEW_SCORE_MAX, REVIEW_SCORE_MIN } from '#app/domain/review-stats.ts'
import { APPLICATION_DECISIONS } from '#app/domain/vocabulary.ts'
import type { ReviewDetailPage } from '#app/services/views/application-review-views.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { NeedsList } from './application-review.tsx'
import { FieldErrors, TextAreaField } from './form-fields.tsx'

type Application = ReviewDetailPage['application']
const SCORES = Array.from({ length: REVIEW_SCORE_MAX - REVIEW_SCORE_MIN + 1 }, (_, i) => REVIEW_SCORE_MIN + i)

export function PrevNext({ nav, listHref }: { nav: ReviewDetailPage['nav']; listHref: string }) {
	const { t } = useTranslation('review')
	return (
		<nav aria-label={t('detail.navLabel')} className="button-row" style={{ justifyContent: 'space-between' }}>
			{nav.previous ? (
				<Link className="button small secondary" to={nav.previous.href} rel="prev">
					← {t('detail.previous')}
					<span className="visually-hidden">: {nav.previous.orgName}</span>
				</Link>
			) : (
				<span />
			)}
			<Link to={listHref}>{nav.position > 0 ? t('detail.position', { position: nav.position, total: nav.total }) : t('detail.backToList')}</Link>
			{nav.next ? (
				<Link className="button small secondary" to={nav.next.href} rel="next">
					{t('detail.next')} →<span className="visually-hidden">: {nav.next.orgName}</span>
				</Link>
			) : (
				<span />
			)}
		</nav>
	)
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
	return (
		<div>
			<dt>{label}</dt>
			<dd style={{ overflowWrap: 'anywhere' }}>{children}</dd>
		</div>
	)
}

const FACTS = { gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))' } as const

/** Everything the exhibitor gave, grouped as the form asked for it. Staff data are counts only. */
export function ApplicationData({ application: a }: { application: Application }) {
	const { t } = useTranslation(['review', 'apply'])
	const yesNo = (v: boolean | null | undefined) => (v == null ? t('detail.notGiven') : v ? t('detail.yes') : t('detail.no'))
	const dash = (v: string | number | null | undefined) => (v == null || v === '' ? <span className="muted">{t('detail.notGiven')}</span> : v)
	const org = a.organization
	const staff = a.staff
	const vulnerable = Object.entries(staff?.vulnerable ?? {}).filter(([, n]) => (n ?? 0) > 0)
	return (
		<>
			<section className="card" aria-labelledby="org-title">
				<div style={{ display: 'flex', gap: '1rem', alignItems: 'flex-start', flexWrap: 'wrap' }}>
					{a.logoUrl ? (
						<img
							src={a.logoUrl}
							alt={t('detail.logoAlt', { name: org.name })}
							width={96}
							height={96}
							style={{ objectFit: 'contain', borderRadius: 8, background: 'var(--cream)' }}
						/>
					) : null}
					<h2 id="org-title" style={{ marginTop: 0 }}>
						{t('apply:section.organization')}
					</h2>
				</div>
				<dl className="facts" style={FACTS}>
					<Fact label={t('apply:org.legalForm')}>{t(`apply:legalForm.${org.legalForm}`, { defaultValue: org.legalForm })}</Fact>
					<Fact label={t('apply:org.municipality')}>{org.municipalityName ?? t('apply:municipalityOther')}</Fact>
					<Fact label={t('apply:org.companyNumber')}>{dash(org.companyNumber)}</Fact>
					<Fact label={t('apply:org.pib')}>{dash(org.pib)}</Fact>
					<Fact label={t('apply:org.foundedYear')}>{dash(org.foundedYear)}</Fact>
					<Fact label={t('apply:org.website')}>
						{org.website ? (
							<a href={org.website} rel="noopener noreferrer nofollow" target="_blank">
								{org.website}
							</a>
						) : (
							dash(null)
						)}
					</Fact>
					{org.social.length ? (
						<Fact label={t('apply:org.social')}>
							{org.social.map((link) => (
								<span key={link} style={{ display: 'block' }}>
									<a href={link} rel="noopener noreferrer nofollow" target="_blank">
										{link}
									</a>
								</span>
							))}
						</Fact>
					) : null}
				</dl>
			</section>
			<section className="card" aria-labelledby="law-title">
				<h2 id="law-title">{t('apply:section.law')}</h2>
				{a.lawStatus ? (
					<dl className="facts" style={FACTS}>
						<Fact label={t('detail.apr')}>
							{t(`apply:apr.${a.lawStatus.apr}`, { defaultValue: a.lawStatus.apr })}
							{a.lawStatus.aprDate ? ` (${a.lawStatus.aprDate})` : null}
						</Fact>
						<Fact label={t('apply:law.ways')}>
							{a.lawStatus.ways.length ? a.lawStatus.ways.map((w) => t(`apply:way.${w}`, { defaultValue: w })).join('; ') : dash(null)}
						</Fact>
						<Fact label={t('detail.selfIdentified')}>{yesNo(a.lawStatus.selfIdentified)}</Fact>
					</dl>
				) : (
					<p className="muted">{t('detail.notGiven')}</p>
				)}
			</section>
			<section className="card" aria-labelledby="people-title">
				<h2 id="people-title">{t('apply:section.people')}</h2>
				{staff ? (
					<dl className="facts" style={FACTS}>
						<Fact label={t('apply:people.employees')}>{staff.employees}</Fact>
						<Fact label={t('apply:people.women')}>{staff.women}</Fact>
						<Fact label={t('apply:people.volunteers')}>{staff.volunteers}</Fact>
						<Fact label={t('apply:people.vulnerableLegend')}>
							{vulnerable.length ? vulnerable.map(([group, n]) => `${t(`apply:group.${group}`, { defaultValue: group })}: ${n}`).join('; ') : dash(null)}
						</Fact>
					</dl>
				) : (
					<p className="muted">{t('detail.notGiven')}</p>
				)}
			</section>
			<section className="card" aria-labelledby="fair-title">
				<h2 id="fair-title">{t('apply:section.fair')}</h2>
				<dl className="facts" style={FACTS}>
					<Fact label={t('apply:fair.category')}>{a.categoryName}</Fact>
					<Fact label={t('apply:fair.products')}>{a.products}</Fact>
					<Fact label={t('detail.description')}>{dash(a.description)}</Fact>
					{a.descriptionEn ? <Fact label={t('detail.descriptionEn')}>{a.descriptionEn}</Fact> : null}
					<Fact label={t('apply:fair.needs')}>
						<NeedsList needs={a.needs} />
					</Fact>
					<Fact label={t('apply:fair.preferences')}>{a.preferences.length ? a.preferences.map((p, i) => `${i + 1}. ${p}`).join(' · ') : dash(null)}</Fact>
					<Fact label={t('detail.selling')}>{yesNo(a.selling)}</Fact>
				</dl>
			</section>
			<section className="card" aria-labelledby="contact-title">
				<h2 id="contact-title">{t('apply:section.contact')}</h2>
				<dl className="facts" style={FACTS}>
					<Fact label={t('apply:contact.name')}>{a.contact.name}</Fact>
					<Fact label={t('apply:contact.email')}>
						<a href={`mailto:${a.contact.email}`}>{a.contact.email}</a>
					</Fact>
					<Fact label={t('apply:contact.phone')}>{a.contact.phone ? <a href={`tel:${a.contact.phone}`}>{a.contact.phone}</a> : dash(null)}</Fact>
					<Fact label={t('detail.language')}>{t(`common:language.${a.locale}`)}</Fact>
					<Fact label={t('detail.privacy')}>{a.consent.privacyAcceptedAt}</Fact>
					<Fact label={t('detail.catalogue')}>{yesNo(a.consent.catalogue)}</Fact>
					<Fact label={t('detail.research')}>{yesNo(a.consent.research)}</Fact>
					<Fact label={t('detail.submitted')}>
						{a.createdAt}
						{a.updatedAt !== a.createdAt ? <span className="muted"> · {t('detail.updated', { date: a.updatedAt })}</span> : null}
					</Fact>
				</dl>
			</section>
		</>
	)
}

export function ReviewSummary({ stats, reviews }: Pick<ReviewDetailPage, 'stats' | 'reviews'>) {
	const { t } = useTranslation('review')
	return (
		<section
			className="card"
			aria-labelledby="reviews-title"
			data-reviews={stats.count}
			data-average={stats.overall ?? ''}
			data-disagreement={stats.disagreement}
		>
			<h2 id="reviews-title">{t('detail.reviewsTitle', { count: stats.count })}</h2>
			{stats.count === 0 ? (
				<p className="muted">{t('detail.noReviewsYet')}</p>
			) : (
				<>
					<dl className="facts" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(8rem, 1fr))' }}>
						<Fact label={t('detail.overall')}>
							<strong>{stats.overall}</strong>
						</Fact>
						{CRITERIA.map((c) => (
							<Fact key={c} label={t(`criteria.${c}`)}>
								{stats[c]}
							</Fact>
						))}
					</dl>
					{stats.disagreement ? (
						<p className="notice danger" data-disagreement="true">
							⚠ {t('disagreement')}: {t('disagreementHint', { range: stats.range })}
						</p>
					) : null}
					<h3 className="visually-hidden">{t('detail.reviewsCaption')}</h3>
					<ul className="review-notes">
						{reviews.map((r) => (
							<li key={r.id} data-review-mine={r.mine}>
								<p style={{ margin: 0 }}>
									<strong>{r.reviewerName}</strong>
									{r.mine ? ` (${t('detail.you')})` : null} <span className="muted">· {r.updatedAt}</span>
								</p>
								<p className="score-row" style={{ margin: '0.25rem 0 0' }}>
									{CRITERIA.map((c) => (
										<span key={c}>
											{t(`criteriaShort.${c}`)}: <strong>{r[c]}</strong>
										</span>
									))}
									<span>
										{t('detail.overall')}: <strong>{r.overall}</strong>
									</span>
								</p>
								{r.note ? <p style={{ margin: '0.4rem 0 0', whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{r.note}</p> : null}
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	)
}

type Result = SubmissionResult<string[]> | undefined

export function ReviewForm({ defaultValue, lastResult }: { defaultValue: ReviewDetailPage['myReview']; lastResult: Result }) {
	const { t } = useTranslation(['review', 'common'])
	const [form, fields] = useForm({
		id: 'review',
		lastResult,
		defaultValue: defaultValue ?? undefined,
		constraint: getZodConstraint(ReviewFormSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewFormSchema, error: makeZodErrorMap(t) }),
	})
	void form.allErrors
	return (
		<section className="card" aria-labelledby="my-review-title">
			<h2 id="my-review-title">{defaultValue ? t('form.editTitle') : t('form.title')}</h2>
			<p className="muted">{t('form.hint')}</p>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="review" />
				{CRITERIA.map((c) => {
					const field = fields[c]
					return (
						<fieldset
							key={c}
							aria-invalid={field.errors?.length ? true : undefined}
							aria-describedby={field.errors?.length ? field.errorId : `${field.id}-hint`}
						>
							<legend>{t(`criteria.${c}`)}</legend>
							<span className="hint muted" id={`${field.id}-hint`} style={{ display: 'block', fontSize: '0.9rem', marginBottom: '0.35rem' }}>
								{t(`criteriaHint.${c}`)}
							</span>
							<div className="button-row" style={{ margin: 0, gap: '0.25rem 1rem' }}>
								{SCORES.map((n) => (
									<div className="check" key={n}>
										<input
											type="radio"
											id={`${field.id}-${n}`}
											name={field.name}
											value={String(n)}
											defaultChecked={field.initialValue === String(n)}
											required
										/>
										<label htmlFor={`${field.id}-${n}`}>{n}</label>
									</div>
								))}
							</div>
							<FieldErrors field={field} />
						</fieldset>
					)
				})}
				<TextAreaField field={fields.note} label={t('form.note')} hint={t('form.noteHint', { max: REVIEW_NOTE_MAX })} rows={4} />
				<div>
					<button className="button" type="submit">
						{t('form.submit')}
					</button>
				</div>
			</Form>
		</section>
	)
}

export function DecisionForm({ application: a, lastResult }: { application: Application; lastResult: Result }) {
	const { t } = useTranslation(['review', 'common'])
	const current = a.status === 'accepted' || a.status === 'waitlisted' || a.status === 'rejected' ? a.status : undefined
	const [form, fields] = useForm({
		id: 'decision',
		lastResult,
		defaultValue: { decision: current, note: a.decisionNote ?? '' },
		constraint: getZodConstraint(DecisionFormSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionFormSchema, error: makeZodErrorMap(t) }),
	})
	void form.allErrors
	const field = fields.decision
	return (
		<section className="card" aria-labelledby="decision-title" style={{ borderLeft: '6px solid var(--green-700)' }}>
			<h2 id="decision-title">{t('decisionForm.title')}</h2>
			<p className="notice" data-staging-hint>
				{t('decisionForm.staged')}
			</p>
			{a.status === 'withdrawn' ? (
				<p className="notice danger">
					{t(a.withdrawnReason === 'confirmation_missed' ? 'decisionForm.missed' : 'decisionForm.withdrawn', { date: a.withdrawnAt ?? '' })}
				</p>
			) : (
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="decision" />
					{form.errors?.length ? (
						<p className="notice danger" role="alert" id={form.errorId}>
							{form.errors.join(' ')}
						</p>
					) : null}
					<fieldset aria-invalid={field.errors?.length ? true : undefined} aria-describedby={field.errors?.length ? field.errorId : undefined}>
						<legend>{t('decisionForm.decision')}</legend>
						<div className="button-row" style={{ margin: 0, gap: '0.25rem 1.25rem' }}>
							{APPLICATION_DECISIONS.map((d) => (
								<div className="check" key={d}>
									<input type="radio" id={`decision-${d}`} name={field.name} value={d} defaultChecked={field.initialValue === d} required />
									<label htmlFor={`decision-${d}`}>{t(`decisionForm.${d}`)}</label>
								</div>
							))}
						</div>
						<FieldErrors field={field} />
					</fieldset>
					<TextAreaField field={fields.note} label={t('decisionForm.note')} hint={t('decisionForm.noteHint', { max: DECISION_NOTE_MAX })} rows={4} />
					<div>
						<button className="button" type="submit">
							{t('decisionForm.submit')}
						</button>
					</div>
				</Form>
			)}
		</section>
	)
}
