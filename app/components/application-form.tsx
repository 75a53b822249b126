// The exhibitor application form, for a new application and for editing one through the magic
// link. One page, six sections, sent at once as multipart/form-data so it works without
// JavaScript; the server checks it (applicationFormSchema) and marks the fields. In the browser only
// the logo is checked before it is sent (no zod there: decision 0012).
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApplicationFormValue, PreferencePlan as PlanForPreferences } from '#app/domain/application-form.ts'
import { FORM_PREFERENCES, FORM_SOCIAL_LINKS, HONEYPOT_FIELD, LOGO_FIELD, LOGO_TOKEN_FIELD } from '#app/domain/application-form-fields.ts'
import {
	APR_STATUS,
	LEGAL_FORMS,
	MUNICIPALITIES_RASINA_FIRST,
	MUNICIPALITY_NAMES,
	RASINA_MUNICIPALITIES,
	STATUS_WAYS,
	VULNERABLE_STAFF_GROUPS,
	type Municipality,
} from '#app/domain/application-options.ts'
import { formatNumber } from '#app/domain/format.ts'
import { IMAGE_MIME_TYPES, MAX_IMAGE_BYTES } from '#app/domain/image-check.ts'
import { useLocale } from '#app/utils/use-locale.ts'
import { CheckboxField, FieldErrors, TextAreaField, TextField } from './form-fields.tsx'
import { PreferencePlan } from './preference-plan.tsx'

/** What the form knows about the logo: a draft kept from a failed submit, or the stored one (edit). */
export type LogoState = { kind: 'draft'; token: string; type: string; size: string } | { kind: 'current' } | null

type FormShape = ApplicationFormValue & { logo: string }

type Props = {
	action: string
	categories: readonly string[]
	/** Names of the fair's own categories by code (standard codes use the catalog's words). */
	categoryNames?: Record<string, string>
	/** The fair's published floor plan: preferences are then chosen among its stands; null: a zone, free text. */
	plan: PlanForPreferences | null
	/**
	 * Wishes stored before the plan was published that name no stand (a zone): shown, so choosing
	 * stands and saving does not silently drop something the exhibitor remembers giving.
	 */
	earlierWishes?: readonly string[]
	/** The public map of the fair (/fairs/{slug}/map). */
	mapHref: string
	lastResult?: SubmissionResult<string[]> | null
	defaultValue: Partial<ApplicationFormValue>
	logo: LogoState
	submitLabel: string
}

const Required = () => {
	const { t } = useTranslation('apply')
	return (
		<abbr className="required-mark" title={t('required')}>
			*
		</abbr>
	)
}

function Select({
	field,
	label,
	hint,
	children,
	required,
	onChange,
}: {
	field: FieldMetadata<string | undefined>
	label: ReactNode
	hint?: string
	children: ReactNode
	required?: boolean
	onChange?: (value: string) => void
}) {
	const describedBy = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ') || undefined
	return (
		<div className="field">
			<label htmlFor={field.id}>{label}</label>
			{hint ? (
				<span className="hint" id={`${field.id}-hint`}>
					{hint}
				</span>
			) : null}
			<select
				id={field.id}
				name={field.name}
				defaultValue={(field.initialValue as string | undefined) ?? ''}
				key={field.key}
				aria-invalid={field.errors?.length ? true : undefined}
				aria-describedby={describedBy}
				required={required}
				onChange={onChange ? (e) => onChange(e.target.value) : undefined}
			>
				{children}
			</select>
			<FieldErrors field={field as FieldMetadata<unknown>} />
		</div>
	)
}

/** A group of checkboxes or radios sharing one name, as a fieldset with its legend. */
function ChoiceGroup({
	field,
	legend,
	hint,
	type,
	options,
}: {
	field: FieldMetadata<unknown>
	legend: ReactNode
	hint?: string
	type: 'checkbox' | 'radio'
	options: { value: string; label: string }[]
}) {
	const initial = field.initialValue
	const chosen = new Set((Array.isArray(initial) ? initial : [initial]).filter((v): v is string => typeof v === 'string'))
	const describedBy = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ') || undefined
	return (
		<fieldset className="choice-group" id={field.id} aria-describedby={describedBy} tabIndex={-1}>
			<legend>{legend}</legend>
			{hint ? (
				<p className="fieldset-hint" id={`${field.id}-hint`}>
					{hint}
				</p>
			) : null}
			{options.map((o) => (
				<div className="check" key={o.value}>
					<input
						type={type}
						id={`${field.id}-${o.value}`}
						name={field.name}
						value={o.value}
						defaultChecked={chosen.has(o.value)}
						key={`${field.key ?? ''}-${o.value}`}
					/>
					<label htmlFor={`${field.id}-${o.value}`}>{o.label}</label>
				</div>
			))}
			<FieldErrors field={field} />
		</fieldset>
	)
}

/** What the browser can tell of a chosen logo before it is sent: its size and declared type. */
function logoFileProblem(file: File | undefined): 'errors.image_empty' | 'errors.image_too_large' | 'errors.image_not_allowed' | null {
	if (!file) return null
	if (file.size === 0) return 'errors.image_empty'
	if (file.size > MAX_IMAGE_BYTES) return 'errors.image_too_large'
	// An empty type is a browser that does not know; the server looks at the bytes either way.
	if (file.type && !Object.values(IMAGE_MIME_TYPES).includes(file.type)) return 'errors.image_not_allowed'
	return null
}

export function ApplicationForm({
	action,
	categories,
	categoryNames = {},
	plan,
	mapHref,
	earlierWishes = [],
	lastResult,
	defaultValue,
	logo,
	submitLabel,
}: Props) {
	const { t } = useTranslation(['apply', 'common'])
	const navigation = useNavigation()
	const submitting = navigation.state === 'submitting'
	const [form, fields] = useForm<FormShape>({
		id: 'application-form',
		lastResult,
		defaultValue,
		// No schema in the browser (zod would double the page's script, decision 0012): the server checks
		// the whole form and marks the fields; the browser checks only the logo before it is sent.
	})
	const [logoProblem, setLogoProblem] = useState<string | null>(null)
	const serverRefused = Boolean(lastResult?.error && Object.keys(lastResult.error).length)
	const errorEntries = Object.entries(form.allErrors).filter(([name, errors]) => name !== '' && errors.length > 0)
	const summary = useRef<HTMLDivElement>(null)
	useEffect(() => {
		if (serverRefused) summary.current?.focus()
	}, [lastResult, serverRefused])

	const org = fields.organization.getFieldset()
	const law = fields.lawStatus.getFieldset()
	const staff = fields.staff.getFieldset()
	const vulnerable = staff.vulnerable.getFieldset()
	const needs = fields.needs.getFieldset()
	const contact = fields.contact.getFieldset()
	const consent = fields.consent.getFieldset()
	const social = org.social.getFieldList()
	const preferences = fields.preferences.getFieldList()
	const otherMunicipalities = MUNICIPALITIES_RASINA_FIRST.filter((m) => !(RASINA_MUNICIPALITIES as readonly string[]).includes(m))
	const municipalityName = (m: Municipality) => (m === 'other' ? t('municipalityOther') : MUNICIPALITY_NAMES[m])
	// conform's ids are the form id and the field name; groups carry their field's id on the fieldset.
	const fieldId = (name: string) => `${form.id}-${name}`
	const fieldNames = t('fieldName', { returnObjects: true }) as Record<string, string>
	const fieldLabel = (name: string) => {
		const group = /^staff\.vulnerable\.(.+)$/.exec(name)?.[1]
		if (group) return `${fieldNames['staff.vulnerable']} – ${t(`group.${group}`)}`
		const base = name.replace(/\[\d+\]$/, '')
		return fieldNames[base] ?? base
	}

	return (
		<Form method="post" action={action} encType="multipart/form-data" className="form application-form" {...getFormProps(form)} noValidate={form.noValidate}>
			{form.errors?.length || (serverRefused && errorEntries.length) ? (
				<div className="notice danger error-summary" id={form.errorId} role="alert" tabIndex={-1} ref={summary}>
					{form.errors?.length ? <p>{form.errors.join(' ')}</p> : null}
					{serverRefused && errorEntries.length ? (
						<>
							<p className="error-summary-title">{t('errorSummary')}</p>
							<ul>
								{errorEntries.map(([name, errors]) => (
									<li key={name}>
										<a href={`#${fieldId(name)}`}>
											{fieldLabel(name)}: {errors.join(' ')}
										</a>
									</li>
								))}
							</ul>
						</>
					) : null}
				</div>
			) : null}

			<div className="honeypot" aria-hidden="true">
				<label htmlFor="application-honeypot">{t('honeypot')}</label>
				<input id="application-honeypot" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
			</div>

			<fieldset>
				<legend>{t('section.organization')}</legend>
				<TextField
					field={org.name}
					label={
						<>
							{t('org.name')} <Required />
						</>
					}
					autoComplete="organization"
					required
				/>
				<Select
					field={org.legalForm}
					label={
						<>
							{t('org.legalForm')} <Required />
						</>
					}
					required
				>
					<option value="">{t('org.choose')}</option>
					{LEGAL_FORMS.map((f) => (
						<option key={f} value={f}>
							{t(`legalForm.${f}`)}
						</option>
					))}
				</Select>
				<div className="field-grid two">
					<TextField field={org.companyNumber} label={t('org.companyNumber')} hint={t('org.companyNumberHint')} inputMode="numeric" autoComplete="off" />
					<TextField field={org.pib} label={t('org.pib')} hint={t('org.pibHint')} inputMode="numeric" autoComplete="off" />
				</div>
				<div className="field-grid two">
					<Select
						field={org.municipality}
						label={
							<>
								{t('org.municipality')} <Required />
							</>
						}
						required
					>
						<option value="">{t('org.choose')}</option>
						<optgroup label={t('org.rasina')}>
							{RASINA_MUNICIPALITIES.map((m) => (
								<option key={m} value={m}>
									{municipalityName(m)}
								</option>
							))}
						</optgroup>
						<optgroup label={t('org.otherMunicipalities')}>
							{otherMunicipalities.map((m) => (
								<option key={m} value={m}>
									{municipalityName(m)}
								</option>
							))}
						</optgroup>
					</Select>
					<TextField field={org.foundedYear} label={t('org.foundedYear')} inputMode="numeric" autoComplete="off" />
				</div>
				<TextField field={org.website} label={t('org.website')} hint={t('org.websiteHint')} inputMode="url" autoComplete="url" spellCheck={false} />
				<fieldset className="sub">
					<legend>{t('org.social')}</legend>
					<p className="fieldset-hint">{t('org.socialHint')}</p>
					{social.slice(0, FORM_SOCIAL_LINKS).map((link, i) => (
						<TextField key={link.key} field={link} label={t('org.socialLink', { n: i + 1 })} inputMode="url" spellCheck={false} />
					))}
				</fieldset>
			</fieldset>

			<fieldset>
				<legend>{t('section.law')}</legend>
				<p className="fieldset-hint">{t('law.intro')}</p>
				<ChoiceGroup
					field={law.apr as FieldMetadata<unknown>}
					legend={t('law.apr')}
					type="radio"
					options={APR_STATUS.map((v) => ({ value: v, label: t(`apr.${v}`) }))}
				/>
				<div className="field date-field">
					<label htmlFor={law.aprDate.id}>{t('law.aprDate')}</label>
					<input
						type="date"
						id={law.aprDate.id}
						name={law.aprDate.name}
						defaultValue={(law.aprDate.initialValue as string | undefined) ?? ''}
						key={law.aprDate.key}
						aria-invalid={law.aprDate.errors?.length ? true : undefined}
						aria-describedby={law.aprDate.errors?.length ? law.aprDate.errorId : undefined}
					/>
					<FieldErrors field={law.aprDate as FieldMetadata<unknown>} />
				</div>
				<ChoiceGroup
					field={law.ways as FieldMetadata<unknown>}
					legend={t('law.ways')}
					hint={t('law.waysHint')}
					type="checkbox"
					options={STATUS_WAYS.map((v) => ({ value: v, label: t(`way.${v}`) }))}
				/>
				<CheckboxField field={law.selfIdentified} label={t('law.selfIdentified')} />
			</fieldset>

			<fieldset>
				<legend>{t('section.people')}</legend>
				<p className="fieldset-hint">{t('people.intro')}</p>
				<div className="field-grid three">
					<TextField field={staff.employees} label={t('people.employees')} inputMode="numeric" />
					<TextField field={staff.women} label={t('people.women')} inputMode="numeric" />
					<TextField field={staff.volunteers} label={t('people.volunteers')} inputMode="numeric" />
				</div>
				<fieldset className="sub">
					<legend>{t('people.vulnerableLegend')}</legend>
					<p className="fieldset-hint">{t('people.vulnerableHint')}</p>
					<div className="field-grid two counts">
						{VULNERABLE_STAFF_GROUPS.map((g) => (
							<TextField key={g} field={vulnerable[g]} label={t(`group.${g}`)} inputMode="numeric" />
						))}
					</div>
				</fieldset>
			</fieldset>

			<fieldset>
				<legend>{t('section.fair')}</legend>
				<Select
					field={fields.category}
					label={
						<>
							{t('fair.category')} <Required />
						</>
					}
					required
				>
					<option value="">{t('org.choose')}</option>
					{categories.map((c) => (
						<option key={c} value={c}>
							{categoryNames[c] ?? c}
						</option>
					))}
				</Select>
				<TextAreaField
					field={fields.products}
					label={
						<>
							{t('fair.products')} <Required />
						</>
					}
					hint={t('fair.productsHint')}
					rows={3}
				/>
				<TextAreaField field={fields.description} label={t('fair.description')} hint={t('fair.descriptionHint')} rows={4} />
				<TextAreaField field={fields.descriptionEn} label={t('fair.descriptionEn')} rows={3} />
				<div className="field">
					<label htmlFor={fields.logo.id}>{t('fair.logo')}</label>
					<span className="hint" id={`${fields.logo.id}-hint`}>
						{t('fair.logoHint')}
					</span>
					{logo?.kind === 'draft' ? (
						<p className="logo-kept" role="status">
							{t('fair.logoKept', { type: logo.type, size: logo.size })}
						</p>
					) : null}
					{logo?.kind === 'current' ? <p className="logo-kept">{t('fair.logoCurrent')}</p> : null}
					<input
						type="file"
						id={fields.logo.id}
						name={LOGO_FIELD}
						accept="image/png,image/jpeg,image/webp"
						aria-invalid={logoProblem || fields.logo.errors?.length ? true : undefined}
						aria-describedby={[`${fields.logo.id}-hint`, logoProblem || fields.logo.errors?.length ? fields.logo.errorId : null].filter(Boolean).join(' ')}
						onChange={(event) => {
							const problem = logoFileProblem(event.currentTarget.files?.[0])
							setLogoProblem(problem ? t(problem) : null)
							// A file that would be refused is not sent: a 3.6 MB photo over mobile data is not
							// uploaded only to come back with "at most 2 MB". The server still checks every file.
							if (problem) event.currentTarget.value = ''
						}}
					/>
					{logo?.kind === 'draft' ? <input type="hidden" name={LOGO_TOKEN_FIELD} value={logo.token} /> : null}
					{logoProblem ? (
						<p className="field-error" id={fields.logo.errorId} role="alert">
							{logoProblem}
						</p>
					) : (
						<FieldErrors field={fields.logo as FieldMetadata<unknown>} />
					)}
				</div>
				<fieldset className="sub">
					<legend>{t('fair.needs')}</legend>
					<CheckboxField field={needs.power} label={t('fair.power')} />
					<CheckboxField field={needs.accessible} label={t('fair.accessible')} />
					<CheckboxField field={needs.table} label={t('fair.table')} />
					<div className="field-grid two">
						<TextField field={needs.chairs} label={t('fair.chairs')} inputMode="numeric" />
						<TextField field={needs.sizeM2} label={t('fair.sizeM2')} inputMode="decimal" />
					</div>
				</fieldset>
				<Preferences
					plan={plan}
					mapHref={mapHref}
					earlierWishes={earlierWishes}
					preferences={preferences.slice(0, FORM_PREFERENCES)}
					group={fields.preferences as FieldMetadata<unknown>}
					lastResult={lastResult}
				/>
				<ChoiceGroup
					field={fields.selling as FieldMetadata<unknown>}
					legend={t('fair.selling')}
					type="radio"
					options={[
						{ value: 'yes', label: t('fair.sellingYes') },
						{ value: 'no', label: t('fair.sellingNo') },
					]}
				/>
			</fieldset>

			<fieldset>
				<legend>{t('section.contact')}</legend>
				<TextField
					field={contact.name}
					label={
						<>
							{t('contact.name')} <Required />
						</>
					}
					autoComplete="name"
					autoCapitalize="words"
					required
				/>
				<TextField
					field={contact.email}
					type="email"
					label={
						<>
							{t('contact.email')} <Required />
						</>
					}
					hint={t('contact.emailHint')}
					autoComplete="email"
					inputMode="email"
					spellCheck={false}
					required
				/>
				<TextField field={contact.phone} label={t('contact.phone')} type="text" inputMode="tel" autoComplete="tel" />
			</fieldset>

			<fieldset>
				<legend>{t('section.consents')}</legend>
				<div className="privacy-short" id="application-privacy-notice">
					<p>{t('consent.who')}</p>
					<p>
						<Link to="/privacy" target="_blank" rel="noopener">
							{t('consent.privacyMore')}
						</Link>
					</p>
				</div>
				<div className="check-required">
					<CheckboxField
						field={consent.privacy}
						label={
							<>
								{t('consent.privacy')} <Required />
							</>
						}
					/>
				</div>
				<p className="fieldset-hint">{t('consent.extra')}</p>
				<CheckboxField field={consent.catalogue} label={t('consent.catalogue')} />
				<CheckboxField field={consent.research} label={t('consent.research')} />
			</fieldset>

			<p className="submit-row">
				<button type="submit" className="button block" disabled={submitting}>
					{submitting ? t('submitting') : submitLabel}
				</button>
			</p>
		</Form>
	)
}

/**
 * Ranked stand preferences. On a published plan: the plan with every stand labelled, a link to the
 * public map, and three selects (first, second, third choice) listing the stands. Before that one
 * text field for a zone (stored as the first preference); stands are chosen once the plan is out.
 */
function Preferences({
	plan,
	mapHref,
	earlierWishes,
	preferences,
	group,
	lastResult,
}: {
	plan: PlanForPreferences | null
	mapHref: string
	earlierWishes: readonly string[]
	preferences: FieldMetadata<string>[]
	group: FieldMetadata<unknown>
	lastResult?: SubmissionResult<string[]> | null
}) {
	const { t } = useTranslation('apply')
	const locale = useLocale()
	const initial = preferences.map((p) => (typeof p.initialValue === 'string' ? p.initialValue : undefined))
	// What is chosen now, for the picture; the server's answer starts again from its values.
	const [picked, setPicked] = useState<(string | undefined)[] | null>(null)
	useEffect(() => setPicked(null), [lastResult])
	if (!plan) {
		const [zone, ...rest] = preferences
		return (
			<fieldset className="sub" id={group.id} tabIndex={-1}>
				<legend>{t('fair.zoneLegend')}</legend>
				{zone ? <TextField field={zone} label={t('fair.zone')} hint={t('fair.zoneHint')} autoComplete="off" /> : null}
				<p className="fieldset-hint">{t('fair.zoneLater')}</p>
				{/* Wishes given earlier beyond the first stay as they are. */}
				{rest.map((p, i) => (initial[i + 1] ? <input key={p.key} type="hidden" name={p.name} value={initial[i + 1]} /> : null))}
				<FieldErrors field={group} />
			</fieldset>
		)
	}
	const chosen = picked ?? initial
	const optionText = (s: PlanForPreferences['stands'][number]) =>
		[
			s.label,
			t('fair.standSize', { size: formatNumber(s.sizeM2, locale) }),
			s.power ? t('fair.standPower') : null,
			s.accessible ? t('fair.standAccessible') : null,
			s.zone,
		]
			.filter(Boolean)
			.join(' · ')
	return (
		<fieldset className="sub" id={group.id} tabIndex={-1}>
			<legend>{t('fair.preferences')}</legend>
			<p className="fieldset-hint">{t('fair.preferencesHint')}</p>
			{earlierWishes.length > 0 ? <p className="notice">{t('fair.earlierWishes', { wishes: earlierWishes.map((w) => `„${w}“`).join(', ') })}</p> : null}
			<PreferencePlan plan={plan} stands={plan.stands} chosen={chosen} />
			<p className="fieldset-hint">
				<Link to={mapHref} target="_blank" rel="noopener">
					{t('fair.openMap')}
				</Link>
			</p>
			{preferences.map((p, i) => (
				<Select
					key={p.key}
					field={p as FieldMetadata<string | undefined>}
					label={t(`fair.choice.${i + 1}`)}
					onChange={(value) => setPicked((current) => (current ?? initial).map((v, j) => (j === i ? value || undefined : v)))}
				>
					<option value="">{t('fair.noChoice')}</option>
					{plan.stands.map((s) => (
						<option key={s.label} value={s.label}>
							{optionText(s)}
						</option>
					))}
				</Select>
			))}
			<FieldErrors field={group} />
		</fieldset>
	)
}
