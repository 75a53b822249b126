import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EventFormSchema, type EventFormDefaults } from '#app/domain/event-input.ts'
import { EVENT_KINDS } from '#app/domain/vocabulary.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { CheckboxField, SelectField, TextAreaField, TextField } from './form-fields.tsx'

/**
 * Create and edit an event. Validated in the browser and again on the server with the same
 * schema; without JavaScript the server's answer shows the same messages.
 */
export function EventForm({
	lastResult,
	defaultValue,
	mode,
}: {
	lastResult?: SubmissionResult<string[]> | null
	defaultValue?: EventFormDefaults
	mode: 'create' | 'edit'
}) {
	const { t } = useTranslation(['admin', 'common'])
	const [form, fields] = useForm({
		id: 'event-form',
		lastResult,
		defaultValue,
		constraint: getZodConstraint(EventFormSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: EventFormSchema, error: makeZodErrorMap(t) }),
	})
	// Reading every field's errors here subscribes this component to them, so a submit that fails
	// in the browser shows all messages at once (conform re-renders only what was read).
	const errorCount = Object.keys(form.allErrors).length
	return (
		<Form method="post" className="form" {...getFormProps(form)} data-error-count={errorCount}>
			{form.errors?.length ? (
				<p className="notice danger" id={form.errorId} role="alert">
					{form.errors.join(' ')}
				</p>
			) : null}
			<fieldset>
				<legend>{t('eventForm.basics')}</legend>
				<TextField field={fields.title} label={t('eventForm.title')} hint={t('eventForm.titleHint')} />
				<TextField field={fields.titleEn} label={t('eventForm.titleEn')} />
				<div className="field-grid two">
					<SelectField field={fields.kind} label={t('eventForm.kind')} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`common:kind.${k}`) }))} />
					<TextField field={fields.slug} label={t('eventForm.slug')} hint={t('eventForm.slugHint')} />
				</div>
				<TextField field={fields.summary} label={t('eventForm.summary')} hint={t('eventForm.summaryHint')} />
				<TextField field={fields.summaryEn} label={t('eventForm.summaryEn')} />
				<TextAreaField field={fields.description} label={t('eventForm.description')} hint={t('eventForm.descriptionHint')} />
				<TextAreaField field={fields.descriptionEn} label={t('eventForm.descriptionEn')} rows={4} />
			</fieldset>
			<fieldset>
				<legend>{t('eventForm.whenWhere')}</legend>
				<div className="field-grid two">
					<TextField field={fields.startsAt} type="datetime-local" label={t('eventForm.startsAt')} />
					<TextField field={fields.endsAt} type="datetime-local" label={t('eventForm.endsAt')} />
				</div>
				<TextField field={fields.venueName} label={t('eventForm.venueName')} />
				<div className="field-grid two">
					<TextField field={fields.venueAddress} label={t('eventForm.venueAddress')} />
					<TextField field={fields.venueCity} label={t('eventForm.venueCity')} />
				</div>
			</fieldset>
			<fieldset>
				<legend>{t('eventForm.registration')}</legend>
				<div className="field-grid two">
					<TextField field={fields.capacity} type="number" inputMode="numeric" label={t('eventForm.capacity')} hint={t('eventForm.capacityHint')} />
					<TextField field={fields.maxPartySize} type="number" inputMode="numeric" label={t('eventForm.maxPartySize')} hint={t('eventForm.maxPartySizeHint')} />
				</div>
				<TextField
					field={fields.registrationClosesAt}
					type="datetime-local"
					label={t('eventForm.registrationClosesAt')}
					hint={t('eventForm.registrationClosesAtHint')}
				/>
				<CheckboxField field={fields.waitlist} label={t('eventForm.waitlist')} hint={t('eventForm.waitlistHint')} />
				<CheckboxField field={fields.reentryAllowed} label={t('eventForm.reentryAllowed')} hint={t('eventForm.reentryAllowedHint')} />
				<CheckboxField field={fields.certificates} label={t('eventForm.certificates')} hint={t('eventForm.certificatesHint')} />
			</fieldset>
			<fieldset>
				<legend>{t('eventForm.mails')}</legend>
				<div className="field-grid two">
					<TextField
						field={fields.reminderHoursBefore}
						type="number"
						inputMode="numeric"
						label={t('eventForm.reminderHoursBefore')}
						hint={t('eventForm.reminderHoursBeforeHint')}
					/>
					<TextField
						field={fields.followUpHoursAfter}
						type="number"
						inputMode="numeric"
						label={t('eventForm.followUpHoursAfter')}
						hint={t('eventForm.followUpHoursAfterHint')}
					/>
				</div>
			</fieldset>
			{/* Shown once the server refused to publish an event whose start has passed (no-JS: the date is read there). */}
			{fields.confirmPast.errors?.length ? (
				<div className="notice" data-past-start>
					<p style={{ marginTop: 0 }}>{t('eventPage.pastStartWarning')}</p>
					<CheckboxField field={fields.confirmPast} label={t('eventPage.confirmPast')} />
				</div>
			) : null}
			<div className="button-row">
				{mode === 'create' ? (
					<>
						<button className="button" type="submit" name="intent" value="publish">
							{t('eventForm.saveAndPublish')}
						</button>
						<button className="button secondary" type="submit" name="intent" value="draft">
							{t('eventForm.saveDraft')}
						</button>
					</>
				) : (
					<button className="button" type="submit" name="intent" value="save">
						{t('eventForm.save')}
					</button>
				)}
			</div>
		</Form>
	)
}
