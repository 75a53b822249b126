// The survey builder (issue 15), one plain POST form that works without JavaScript: the survey's
// texts, event, status and dates, then a fieldset per question with its kind, texts, choices and
// buttons to move or remove it, and a button to add one. A survey with answers shows its texts
// read-only (they are sent back unchanged) and its questions as a list. Values and errors come
// from app/http/survey-builder.server.ts; the form's names are domain/survey-form.ts's.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isChoiceKind, readQuestionRows, type SurveyFormValues } from '#app/domain/survey-form.ts'
import { QUESTION_KINDS, SURVEY_STATUSES } from '#app/domain/vocabulary.ts'

export type Errors = Record<string, string[] | undefined>

export function FieldError({ name, errors }: { name: string; errors: Errors }) {
	const list = errors[name]
	return list?.length ? (
		<p className="field-error" id={`${name}-error`}>
			{list.join(' ')}
		</p>
	) : null
}

/** aria attributes of a field that may carry an error (and a hint). */
export function described(name: string, errors: Errors, hint?: string) {
	const ids = [hint, errors[name]?.length ? `${name}-error` : null].filter(Boolean).join(' ')
	return { 'aria-invalid': errors[name]?.length ? true : undefined, 'aria-describedby': ids || undefined }
}

export function Text({
	name,
	label,
	values,
	errors,
	readOnly,
	type = 'text',
}: {
	name: string
	label: string
	values: SurveyFormValues
	errors: Errors
	readOnly?: boolean
	type?: string
}) {
	return (
		<div className="field">
			<label htmlFor={name}>{label}</label>
			<input id={name} name={name} type={type} defaultValue={values[name] ?? ''} readOnly={readOnly} {...described(name, errors)} />
			<FieldError name={name} errors={errors} />
		</div>
	)
}

export function Area({
	name,
	label,
	values,
	errors,
	readOnly,
	rows = 3,
}: {
	name: string
	label: string
	values: SurveyFormValues
	errors: Errors
	readOnly?: boolean
	rows?: number
}) {
	return (
		<div className="field">
			<label htmlFor={name}>{label}</label>
			<textarea id={name} name={name} rows={rows} defaultValue={values[name] ?? ''} readOnly={readOnly} {...described(name, errors)} />
			<FieldError name={name} errors={errors} />
		</div>
	)
}

export function SurveyEditor({
	values,
	errors,
	locked,
	events,
	heading,
	notice,
	publicUrl,
}: {
	values: SurveyFormValues
	errors: Errors
	locked: boolean
	events: { slug: string; title: string }[]
	heading: string
	notice: string | null
	publicUrl: string | null
}) {
	const { t } = useTranslation('survey-admin')
	const rows = readQuestionRows(values)
	const hasErrors = Object.values(errors).some((list) => list?.length)
	const eventTitle = events.find((e) => e.slug === values.event)?.title
	return (
		<>
			<p className="breadcrumb">
				<Link to="/admin/surveys">← {t('editor.back')}</Link>
			</p>
			<h1>{heading}</h1>
			{notice ? (
				<p className="notice success" role="status">
					{notice}
				</p>
			) : null}
			{hasErrors ? (
				<p className="notice danger" role="alert">
					{t('editor.errors')} {errors._?.join(' ')}
				</p>
			) : null}
			{publicUrl ? (
				<p>
					{t('editor.publicAddress')}: <a href={publicUrl}>{publicUrl}</a>
				</p>
			) : null}
			{locked ? <p className="notice">{t('editor.locked')}</p> : null}
			{/* A whole-page POST even with JavaScript: the form is drawn anew from the answer (its fields use defaultValue). */}
			<Form method="post" className="form survey-editor" noValidate reloadDocument>
				{/* Enter in a text field saves (the first submit button of a form is its default). */}
				<button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
					{t('editor.save')}
				</button>
				<fieldset className="card">
					<legend>{t('editor.basics')}</legend>
					<Text name="title" label={t('editor.titleField')} values={values} errors={errors} readOnly={locked} />
					<Text name="titleEn" label={t('editor.titleEn')} values={values} errors={errors} readOnly={locked} />
					<Area name="description" label={t('editor.description')} values={values} errors={errors} readOnly={locked} />
					<Area name="descriptionEn" label={t('editor.descriptionEn')} values={values} errors={errors} readOnly={locked} />
					<div className="field">
						<label htmlFor="event">{t('editor.event')}</label>
						<span className="hint" id="event-hint">
							{t('editor.eventHint')}
						</span>
						{locked ? (
							<>
								<input type="hidden" name="event" value={values.event ?? ''} />
								<p id="event">{eventTitle ?? t('editor.noEvent')}</p>
							</>
						) : (
							<select id="event" name="event" defaultValue={values.event ?? ''} {...described('event', errors, 'event-hint')}>
								<option value="">{t('editor.noEvent')}</option>
								{events.map((e) => (
									<option key={e.slug} value={e.slug}>
										{e.title}
									</option>
								))}
							</select>
						)}
						<FieldError name="event" errors={errors} />
					</div>
					<div className="field">
						<label htmlFor="status">{t('editor.status')}</label>
						<select id="status" name="status" defaultValue={values.status ?? 'draft'} {...described('status', errors)}>
							{SURVEY_STATUSES.map((s) => (
								<option key={s} value={s}>
									{t(`status.${s}`)}
								</option>
							))}
						</select>
						<FieldError name="status" errors={errors} />
					</div>
					<p className="hint">{t('editor.datesHint')}</p>
					<Text name="opensAt" type="datetime-local" label={t('editor.opensAt')} values={values} errors={errors} />
					<Text name="closesAt" type="datetime-local" label={t('editor.closesAt')} values={values} errors={errors} />
				</fieldset>

				<h2>{t('editor.questions')}</h2>
				<FieldError name="questions" errors={errors} />
				<input type="hidden" name="questions" value={rows.length} />
				{rows.map((row, i) => {
					const p = `q${i}.`
					return (
						<fieldset key={`${row.id}-${i}`} className="card survey-question" data-question={row.id}>
							<legend>{t('editor.question', { number: i + 1 })}</legend>
							<input type="hidden" name={`${p}id`} value={row.id} />
							<input type="hidden" name={`${p}values`} value={row.values} />
							{locked ? (
								<>
									{(['kind', 'label', 'labelEn', 'options', 'optionsEn', 'required', 'min', 'max'] as const).map((f) => (
										<input key={f} type="hidden" name={`${p}${f}`} value={row[f]} />
									))}
									<p>
										<strong>{row.label}</strong> <span className="muted">({t(`editor.kinds.${row.kind}`, { defaultValue: row.kind })})</span>
									</p>
								</>
							) : (
								<>
									<div className="field">
										<label htmlFor={`${p}kind`}>{t('editor.kind')}</label>
										<select id={`${p}kind`} name={`${p}kind`} defaultValue={row.kind} {...described(`${p}kind`, errors)}>
											{QUESTION_KINDS.map((k) => (
												<option key={k} value={k}>
													{t(`editor.kinds.${k}`)}
												</option>
											))}
										</select>
										<FieldError name={`${p}kind`} errors={errors} />
									</div>
									<Area name={`${p}label`} label={t('editor.label')} values={values} errors={errors} rows={2} />
									<Area name={`${p}labelEn`} label={t('editor.labelEn')} values={values} errors={errors} rows={2} />
									{isChoiceKind(row.kind) ? (
										<>
											<Area name={`${p}options`} label={t('editor.options')} values={values} errors={errors} rows={5} />
											<Area name={`${p}optionsEn`} label={t('editor.optionsEn')} values={values} errors={errors} rows={5} />
										</>
									) : null}
									{row.kind === 'number' ? (
										<div className="field-row">
											<Text name={`${p}min`} type="number" label={t('editor.min')} values={values} errors={errors} />
											<Text name={`${p}max`} type="number" label={t('editor.max')} values={values} errors={errors} />
										</div>
									) : null}
									<div className="field checkbox">
										<label>
											<input type="checkbox" name={`${p}required`} defaultChecked={row.required === 'on'} /> {t('editor.required')}
										</label>
									</div>
									<div className="button-row">
										{i > 0 ? (
											<button type="submit" name="intent" value={`up:${i}`} className="button secondary small" formNoValidate>
												{t('editor.moveUp')}
											</button>
										) : null}
										{i < rows.length - 1 ? (
											<button type="submit" name="intent" value={`down:${i}`} className="button secondary small" formNoValidate>
												{t('editor.moveDown')}
											</button>
										) : null}
										<button type="submit" name="intent" value={`remove:${i}`} className="button secondary small" formNoValidate>
											{t('editor.remove')}
										</button>
									</div>
								</>
							)}
						</fieldset>
					)
				})}
				{locked ? null : (
					<div className="card field-row survey-add">
						<div className="field">
							<label htmlFor="newKind">{t('editor.addKind')}</label>
							<select id="newKind" name="newKind" defaultValue="likert5">
								{QUESTION_KINDS.map((k) => (
									<option key={k} value={k}>
										{t(`editor.kinds.${k}`)}
									</option>
								))}
							</select>
						</div>
						<button type="submit" name="intent" value="add" className="button secondary" formNoValidate>
							{t('editor.add')}
						</button>
					</div>
				)}
				<p>
					<button type="submit" name="intent" value="save" className="button">
						{t('editor.save')}
					</button>
				</p>
			</Form>
		</>
	)
}
