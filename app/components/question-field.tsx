// One question of a public form that posts without JavaScript: a line, a text area or a number
// field, or a group of radio buttons / checkboxes. Shared by the survey page (/surveys/{slug}) and
// the event's own questions on the registration form, so both mark a required question, a hint and
// an error the same accessible way. The caller gives the texts in the reader's language.
import type { ReactNode } from 'react'

export type QuestionChoice = { value: string; label: string; lang?: string }

export type QuestionFieldProps = {
	/** The control's id (a choice group's fieldset id; its inputs get `${id}-${i}`). */
	id: string
	name: string
	control: 'line' | 'text' | 'number' | 'one' | 'several'
	label: string
	/** The language of the label and choices when it differs from the page's (an untranslated text). */
	lang?: string
	required: boolean
	/** "(required)" for screen readers, in the reader's language. */
	requiredText: string
	/** Under the label of a line, text or number; above the boxes of `several`. */
	hint?: string
	choices?: QuestionChoice[]
	min?: number
	max?: number
	maxLength?: number
	values: string[]
	errors?: string[]
	className: string
	/** An id for the wrapper of a line, text or number field (a choice group's fieldset has `id`). */
	wrapperId?: string
	/** A class around the choices (the survey's scale lays them out in a row). */
	choicesClassName?: string
}

export function QuestionField(props: QuestionFieldProps) {
	const { id, name, control, label, lang, required, values, errors, className } = props
	const errorId = `${id}-error`
	const hintId = `${id}-hint`
	const invalid = errors?.length ? true : undefined
	const requiredMark: ReactNode = required ? (
		<>
			{' '}
			<span aria-hidden="true" className="required-mark">
				*
			</span>
			<span className="visually-hidden">{`(${props.requiredText})`}</span>
		</>
	) : null
	const error = errors?.length ? (
		<p className="field-error" id={errorId}>
			{errors.join(' ')}
		</p>
	) : null
	const title = (
		<>
			<span lang={lang}>{label}</span>
			{requiredMark}
		</>
	)

	if (control === 'line' || control === 'text' || control === 'number') {
		const common = {
			id,
			name,
			defaultValue: values[0] ?? '',
			'aria-invalid': invalid,
			'aria-describedby': [props.hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined,
			required: required || undefined,
		}
		return (
			<div className={className} id={props.wrapperId}>
				<label htmlFor={id}>{title}</label>
				{props.hint ? (
					<span className="hint" id={hintId}>
						{props.hint}
					</span>
				) : null}
				{control === 'text' ? (
					<textarea {...common} rows={4} maxLength={props.maxLength} />
				) : control === 'number' ? (
					<input {...common} type="number" inputMode="numeric" step={1} min={props.min} max={props.max} />
				) : (
					<input {...common} type="text" maxLength={props.maxLength} />
				)}
				{error}
			</div>
		)
	}

	const type = control === 'several' ? 'checkbox' : 'radio'
	const boxes = (props.choices ?? []).map((choice, i) => (
		<div className="check" key={choice.value}>
			<input
				type={type}
				id={`${id}-${i}`}
				name={name}
				value={choice.value}
				defaultChecked={values.includes(choice.value)}
				aria-invalid={invalid}
				required={type === 'radio' && required ? true : undefined}
			/>
			<label htmlFor={`${id}-${i}`} lang={choice.lang}>
				{choice.label}
			</label>
		</div>
	))
	const hasHint = control === 'several' && Boolean(props.hint)
	return (
		<fieldset
			className={className}
			id={id}
			tabIndex={-1}
			aria-describedby={[hasHint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined}
		>
			<legend>{title}</legend>
			{hasHint ? (
				<p className="hint fieldset-hint" id={hintId}>
					{props.hint}
				</p>
			) : null}
			{props.choicesClassName ? <div className={props.choicesClassName}>{boxes}</div> : boxes}
			{error}
		</fieldset>
	)
}
