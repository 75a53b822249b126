// The visitor's registration form on the event page. Validated in the browser and again on the
// server with the same schema (RegistrationFormSchema); without JavaScript the server's answer
// shows the same messages, with an error summary at the top.
import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { LOCALES, type Locale } from '#app/domain/locale.ts'
import { AGE_GROUPS, GENDERS, MUNICIPALITIES, RegistrationFormSchema, VULNERABLE_GROUPS } from '#app/domain/registration-input.ts'
import type { RegistrationPanelView } from '#app/services/views/registration-views.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { CheckboxField, FieldErrors, SelectField, TextField } from './form-fields.tsx'
import { EventQuestionFields } from './event-question-fields.tsx'

type Props = {
	/** Where the form posts: the event page's index route, with the form as the fragment so a
	 * reader without JavaScript lands on the errors, not at the top of the page. */
	action: string
	panel: RegistrationPanelView
	lastResult?: SubmissionResult<string[]> | null
	defaultLocale: Locale
}

const DEMOGRAPHICS = [
	['gender', GENDERS],
	['ageGroup', AGE_GROUPS],
	['municipality', MUNICIPALITIES],
	['vulnerableGroup', VULNERABLE_GROUPS],
] as const

/**
 * The registration section of the event page: the form while registration is open, otherwise a
 * plain statement of why not (closed, cancelled, full without a waiting list).
 */
export function RegistrationPanel({ mailed, ...props }: Props & { mailed: boolean }) {
	const { t } = useTranslation('public')
	const { panel } = props
	return (
		<section className="registration card" id="registration" aria-labelledby="registration-title">
			<h2 id="registration-title">{panel.state === 'waitlist' ? t('register.titleWaitlist') : t('register.title')}</h2>
			{mailed ? (
				<p className="notice success" role="status">
					{t('register.mailed')}
				</p>
			) : null}
			{/* After a registration, the thank-you alone: not the form again, still filled in with what
			    was just sent (client-side navigation keeps the inputs' values). */}
			{mailed ? null : <RegistrationIntro {...props} />}
		</section>
	)
}

function RegistrationIntro(props: Props) {
	const { t } = useTranslation('public')
	const { panel } = props
	const open = panel.state === 'open' || panel.state === 'waitlist'
	return (
		<>
			{panel.state === 'open' ? (
				<p>
					{panel.remaining !== null ? (
						<strong className="places">{t('places.remaining', { count: panel.remaining, formatted: panel.remainingText })}. </strong>
					) : null}
					{t('register.intro')}
				</p>
			) : null}
			{panel.state === 'waitlist' ? <p className="notice">{t('register.waitlistIntro')}</p> : null}
			{panel.state === 'sold_out' ? <p className="notice danger">{t('register.soldOut')}</p> : null}
			{panel.state === 'closed' ? <p className="notice">{t('register.closed')}</p> : null}
			{panel.state === 'cancelled' ? <p className="notice danger">{t('register.cancelled')}</p> : null}
			{open && panel.closesAt ? <p className="muted">{t('register.closesAt', { date: panel.closesAt })}</p> : null}
			{open ? <RegistrationForm {...props} /> : null}
		</>
	)
}

export function RegistrationForm({ action, panel, lastResult, defaultLocale }: Props) {
	const { t } = useTranslation(['public', 'common'])
	const navigation = useNavigation()
	const submitting = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post'
	const [form, fields] = useForm({
		id: 'registration-form',
		lastResult,
		defaultValue: { partySize: '1', locale: defaultLocale },
		constraint: getZodConstraint(RegistrationFormSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RegistrationFormSchema, error: makeZodErrorMap(t) }),
	})
	const waitlist = panel.state === 'waitlist'
	// The summary lists what the server refused; while typing, each field speaks for itself.
	const serverRefused = Boolean(lastResult?.error && Object.keys(lastResult.error).length)
	const errorEntries = Object.entries(form.allErrors).filter(([name, errors]) => name !== '' && errors.length > 0)
	// The event's own questions are named by their labels in the summary, and link to their fields.
	const questionByName = new Map(panel.questions.map((q) => [q.name, q]))
	const demographicsHaveErrors = DEMOGRAPHICS.some(([name]) => fields[name].errors?.length)
	const summary = useRef<HTMLDivElement>(null)
	useEffect(() => {
		if (serverRefused) summary.current?.focus()
	}, [lastResult, serverRefused])
	const privacy = getInputProps(fields.consentPrivacy, {
		type: 'checkbox',
		ariaAttributes: true,
		ariaDescribedBy: [fields.consentPrivacy.errors?.length ? fields.consentPrivacy.errorId : null, 'privacy-notice'].filter(Boolean).join(' '),
	})
	return (
		<Form method="post" action={action} className="form registration-form" {...getFormProps(form)} aria-labelledby="registration-title">
			{form.errors?.length || (serverRefused && errorEntries.length) ? (
				<div className="notice danger error-summary" id={form.errorId} role="alert" tabIndex={-1} ref={summary}>
					{form.errors?.length ? <p>{form.errors.join(' ')}</p> : null}
					{serverRefused && errorEntries.length ? (
						<>
							<p className="error-summary-title">{t('register.errorSummary')}</p>
							<ul>
								{errorEntries.map(([name, errors]) => {
									const question = questionByName.get(name)
									return (
										<li key={name}>
											<a href={`#${question ? question.name : (fields[name as keyof typeof fields]?.id ?? name)}`}>
												{question ? <span lang={question.lang ?? undefined}>{question.label}</span> : t(`register.fieldName.${name}`, { defaultValue: name })}:{' '}
												{errors.join(' ')}
											</a>
										</li>
									)
								})}
							</ul>
						</>
					) : null}
				</div>
			) : null}

			{/* Honeypot: people never see it; bots that fill it get a thank-you and nothing else. */}
			<div className="honeypot" aria-hidden="true">
				<label htmlFor="registration-website">{t('register.honeypot')}</label>
				<input id="registration-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
			</div>

			<fieldset>
				<legend>{t('register.aboutYou')}</legend>
				<TextField field={fields.name} label={t('register.name')} autoComplete="name" autoCapitalize="words" />
				<TextField
					field={fields.email}
					type="email"
					label={t('register.email')}
					hint={t('register.emailHint')}
					autoComplete="email"
					inputMode="email"
					spellCheck={false}
				/>
				{panel.maxPartySize > 1 ? (
					<SelectField
						field={fields.partySize as FieldMetadata<string | undefined>}
						label={t('register.partySize')}
						hint={partySizeHint(t, panel)}
						options={Array.from({ length: panel.maxPartySize }, (_, i) => ({ value: String(i + 1), label: t('register.persons', { count: i + 1 }) }))}
					/>
				) : null}
				<SelectField field={fields.locale} label={t('register.locale')} options={LOCALES.map((l) => ({ value: l, label: t(`register.localeName.${l}`) }))} />
			</fieldset>

			<EventQuestionFields
				questions={panel.questions}
				values={(lastResult?.initialValue as Record<string, unknown> | null | undefined) ?? {}}
				errors={lastResult?.error ?? {}}
			/>

			<fieldset>
				<legend>{t('register.privacyTitle')}</legend>
				<div className="privacy-short" id="privacy-notice">
					<ul>
						{(['who', 'why', 'keep', 'rights'] as const).map((part) => (
							<li key={part}>
								<strong>{t(`register.privacyShort.${part}Label`)}</strong> {t(`register.privacyShort.${part}`)}
							</li>
						))}
					</ul>
					<p>{t('register.privacyShort.children')}</p>
					<p>
						<Link to="/privacy" target="_blank" rel="noopener">
							{t('register.privacyMore')}
							<span className="visually-hidden"> ({t('event.newWindow')})</span>
						</Link>
					</p>
				</div>
				<div className="field">
					<div className="check check-required">
						<input {...privacy} key={privacy.key} required />
						<label htmlFor={fields.consentPrivacy.id}>{t('register.privacyAccept')}</label>
					</div>
					<FieldErrors field={fields.consentPrivacy as FieldMetadata<unknown>} />
				</div>
			</fieldset>

			<fieldset>
				<legend>{t('register.consentsLegend')}</legend>
				<p className="hint fieldset-hint">{t('register.consentsHint')}</p>
				<CheckboxField field={fields.consentPhotos} label={t('register.consentPhotos')} hint={t('register.consentPhotosHint')} />
				<CheckboxField field={fields.consentNewsletter} label={t('register.consentNewsletter')} />
				<CheckboxField field={fields.consentResearch} label={t('register.consentResearch')} />
				<CheckboxField field={fields.consentFunderList} label={t('register.consentFunderList')} hint={t('register.consentFunderListHint')} />
			</fieldset>

			<details className="demographics" open={demographicsHaveErrors || undefined}>
				<summary>{t('register.demographicsSummary')}</summary>
				<fieldset>
					<legend className="visually-hidden">{t('register.demographicsSummary')}</legend>
					<p className="hint fieldset-hint">{t('register.demographicsWhy')}</p>
					{DEMOGRAPHICS.map(([name, values]) => (
						<SelectField
							key={name}
							field={fields[name]}
							label={t(`register.fieldName.${name}`)}
							options={[{ value: '', label: t('register.notAnswered') }, ...values.map((v) => ({ value: v, label: t(`demographics.${name}.${v}`) }))]}
						/>
					))}
				</fieldset>
			</details>

			<div className="submit-row">
				<button className="button block" type="submit" disabled={submitting} aria-disabled={submitting || undefined}>
					{submitting ? t('register.submitting') : waitlist ? t('register.submitWaitlist') : t('register.submit')}
				</button>
			</div>
		</Form>
	)
}

function partySizeHint(t: (key: string, options?: Record<string, unknown>) => string, panel: RegistrationPanelView) {
	const base = t('register.partySizeHint', { max: panel.maxPartySize })
	if (!panel.partlyFull) return base
	return `${base} ${panel.waitlist ? t('register.partlyFullWaitlist') : t('register.partlyFullNoWaitlist')}`
}
