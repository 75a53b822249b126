// The event's own questions on the registration form (issue 18), plain inputs that post without
// JavaScript: a line or a text area, a number, radio buttons (one choice, yes/no) or checkboxes
// (several choices). Values and errors come back from the server's answer (conform's lastResult).
import { useTranslation } from 'react-i18next'
import type { FormQuestionView } from '#app/services/views/event-question-views.server.ts'

type Props = {
	questions: FormQuestionView[]
	/** What the reader sent, to show again with the errors. */
	values: Record<string, unknown>
	errors: Record<string, string[] | null | undefined>
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [])

export function EventQuestionFields({ questions, values, errors }: Props) {
	const { t } = useTranslation('questions')
	if (questions.length === 0) return null
	return (
		<fieldset className="event-questions">
			<legend>{t('form.legend')}</legend>
			{questions.map((q) => (
				<Question key={q.id} question={q} values={asList(values[q.name])} errors={errors[q.name] ?? undefined} />
			))}
		</fieldset>
	)
}

function Question({ question: q, values, errors }: { question: FormQuestionView; values: string[]; errors?: string[] }) {
	const { t } = useTranslation('questions')
	const errorId = `${q.name}-error`
	const hintId = `${q.name}-hint`
	const invalid = errors?.length ? true : undefined
	const required = q.required ? (
		<>
			{' '}
			<span aria-hidden="true" className="required-mark">
				*
			</span>
			<span className="visually-hidden">{`(${t('form.required')})`}</span>
		</>
	) : null
	const error = errors?.length ? (
		<p className="field-error" id={errorId}>
			{errors.join(' ')}
		</p>
	) : null
	if (q.kind === 'shortText' || q.kind === 'text' || q.kind === 'number') {
		const hint =
			q.kind === 'number'
				? t('form.numberHint', { min: q.minText, max: q.maxText })
				: t(q.kind === 'text' ? 'form.textHint' : 'form.shortHint', { count: q.maxLength ?? 0 })
		const common = {
			id: q.name,
			name: q.name,
			defaultValue: values[0] ?? '',
			'aria-invalid': invalid,
			'aria-describedby': [hintId, invalid ? errorId : null].filter(Boolean).join(' '),
			required: q.required || undefined,
		}
		return (
			<div className="field">
				<label htmlFor={q.name}>
					<span lang={q.lang ?? undefined}>{q.label}</span>
					{required}
				</label>
				<span className="hint" id={hintId}>
					{hint}
				</span>
				{q.kind === 'text' ? (
					<textarea {...common} rows={4} maxLength={q.maxLength ?? undefined} />
				) : q.kind === 'number' ? (
					<input {...common} type="number" inputMode="numeric" step={1} min={q.min ?? undefined} max={q.max ?? undefined} />
				) : (
					<input {...common} type="text" maxLength={q.maxLength ?? undefined} />
				)}
				{error}
			</div>
		)
	}
	const choices =
		q.kind === 'yesNo'
			? [
					{ value: 'yes', label: t('yes'), lang: null },
					{ value: 'no', label: t('no'), lang: null },
				]
			: q.options
	const type = q.kind === 'multi' ? 'checkbox' : 'radio'
	return (
		<fieldset
			className="field event-question"
			id={q.name}
			tabIndex={-1}
			aria-describedby={[q.kind === 'multi' ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined}
		>
			<legend>
				<span lang={q.lang ?? undefined}>{q.label}</span>
				{required}
			</legend>
			{q.kind === 'multi' ? (
				<p className="hint fieldset-hint" id={hintId}>
					{t('form.multiHint')}
				</p>
			) : null}
			{choices.map((choice, i) => (
				<div className="check" key={choice.value}>
					<input
						type={type}
						id={`${q.name}-${i}`}
						name={q.name}
						value={choice.value}
						defaultChecked={values.includes(choice.value)}
						aria-invalid={invalid}
						required={type === 'radio' && q.required ? true : undefined}
					/>
					<label htmlFor={`${q.name}-${i}`} lang={choice.lang ?? undefined}>
						{choice.label}
					</label>
				</div>
			))}
			{error}
		</fieldset>
	)
}
