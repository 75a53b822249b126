// The organizer's editor of an event's registration questions (issue 18): one plain POST form like
// the survey builder (survey-editor.tsx, whose fields it uses), a fieldset per question with its
// kind, texts, choices, required / door / hidden flags and buttons to move or remove it, a button
// to add one, and the switch of the built-in accessibility question. An answered question keeps
// its kind and cannot be removed (it can be hidden). Names are domain/survey-form.ts's.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isChoiceKind, readQuestionRows, type SurveyFormValues } from '#app/domain/survey-form.ts'
import { EVENT_QUESTION_KINDS } from '#app/domain/vocabulary.ts'
import { Area, described, FieldError, Text, type Errors } from './survey-editor.tsx'

function Flag({ name, label, values }: { name: string; label: string; values: SurveyFormValues }) {
	return (
		<div className="check">
			<input type="checkbox" id={name} name={name} defaultChecked={values[name] === 'on'} />
			<label htmlFor={name}>{label}</label>
		</div>
	)
}

export function EventQuestionEditor({
	values,
	errors,
	answered,
	max,
}: {
	values: SurveyFormValues
	errors: Errors
	/** Ids of the questions that have answers. */
	answered: string[]
	max: number
}) {
	const { t } = useTranslation('questions')
	const rows = readQuestionRows(values)
	const hasErrors = Object.values(errors).some((list) => list?.length)
	return (
		<>
			{hasErrors ? (
				<p className="notice danger" role="alert">
					{t('editor.errors')} {errors._?.join(' ')}
				</p>
			) : null}
			<Form method="post" className="form survey-editor" noValidate reloadDocument>
				{/* Enter in a text field saves (the first submit button of a form is its default). */}
				<button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
					{t('editor.save')}
				</button>
				<FieldError name="questions" errors={errors} />
				<input type="hidden" name="questions" value={rows.length} />
				{rows.map((row, i) => {
					const p = `q${i}.`
					const locked = answered.includes(row.id)
					return (
						<fieldset key={`${row.id}-${i}`} className="card survey-question" data-question={row.id}>
							<legend>{t('editor.question', { number: i + 1 })}</legend>
							<input type="hidden" name={`${p}id`} value={row.id} />
							<input type="hidden" name={`${p}values`} value={row.values} />
							{locked ? <p className="hint">{t('editor.answered')}</p> : null}
							<div className="field">
								<label htmlFor={`${p}kind`}>{t('editor.kind')}</label>
								{locked ? (
									<>
										<input type="hidden" name={`${p}kind`} value={row.kind} />
										<p id={`${p}kind`}>{t(`kinds.${row.kind}`, { defaultValue: row.kind })}</p>
									</>
								) : (
									<select id={`${p}kind`} name={`${p}kind`} defaultValue={row.kind} {...described(`${p}kind`, errors)}>
										{EVENT_QUESTION_KINDS.map((k) => (
											<option key={k} value={k}>
												{t(`kinds.${k}`)}
											</option>
										))}
									</select>
								)}
								<FieldError name={`${p}kind`} errors={errors} />
							</div>
							<Area name={`${p}label`} label={t('editor.label')} values={values} errors={errors} rows={2} />
							<Area name={`${p}labelEn`} label={t('editor.labelEn')} values={values} errors={errors} rows={2} />
							{isChoiceKind(row.kind) ? (
								<>
									<Area name={`${p}options`} label={t('editor.options')} values={values} errors={errors} rows={4} />
									<Area name={`${p}optionsEn`} label={t('editor.optionsEn')} values={values} errors={errors} rows={4} />
								</>
							) : null}
							{row.kind === 'number' ? (
								<div className="field-row">
									<Text name={`${p}min`} type="number" label={t('editor.min')} values={values} errors={errors} />
									<Text name={`${p}max`} type="number" label={t('editor.max')} values={values} errors={errors} />
								</div>
							) : null}
							<div className="field">
								<Flag name={`${p}required`} label={t('editor.required')} values={values} />
								<Flag name={`${p}door`} label={t('editor.door')} values={values} />
								<Flag name={`${p}hidden`} label={t('editor.hidden')} values={values} />
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
								{locked ? null : (
									<button type="submit" name="intent" value={`remove:${i}`} className="button secondary small" formNoValidate>
										{t('editor.remove')}
									</button>
								)}
							</div>
						</fieldset>
					)
				})}
				{rows.length < max ? (
					<div className="card field-row survey-add">
						<div className="field">
							<label htmlFor="newKind">{t('editor.addKind')}</label>
							<select id="newKind" name="newKind" defaultValue="shortText">
								{EVENT_QUESTION_KINDS.map((k) => (
									<option key={k} value={k}>
										{t(`kinds.${k}`)}
									</option>
								))}
							</select>
						</div>
						<button type="submit" name="intent" value="add" className="button secondary" formNoValidate>
							{t('editor.add')}
						</button>
					</div>
				) : null}
				<div className="card">
					<Flag name="accessibility" label={t('editor.accessibility')} values={values} />
				</div>
				<p>
					<button type="submit" name="intent" value="save" className="button">
						{t('editor.save')}
					</button>
				</p>
			</Form>
		</>
	)
}
