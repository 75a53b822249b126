// Small form primitives that wire labels, hints and errors the accessible way
// (aria-invalid + aria-describedby), for conform fields.
import type { FieldMetadata } from '@conform-to/react'
import { getInputProps, getTextareaProps } from '@conform-to/react'
import type { ReactNode } from 'react'

type Common = { label: ReactNode; hint?: ReactNode }

function describedBy(field: FieldMetadata<unknown>, hint?: ReactNode) {
	return [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ') || undefined
}

export function FieldErrors({ field }: { field: FieldMetadata<unknown> }) {
	if (!field.errors?.length) return null
	return (
		<p className="field-error" id={field.errorId}>
			{field.errors.join(' ')}
		</p>
	)
}

export function TextField({
	field,
	label,
	hint,
	type = 'text',
	...rest
}: Common & {
	field: FieldMetadata<string | number | Date | undefined | null>
	type?: 'text' | 'email' | 'password' | 'number' | 'datetime-local' | 'url'
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'type'>) {
	const props = getInputProps(field as FieldMetadata<string>, {
		type,
		ariaAttributes: true,
		ariaDescribedBy: describedBy(field as FieldMetadata<unknown>, hint),
	})
	return (
		<div className="field">
			<label htmlFor={field.id}>{label}</label>
			{hint ? (
				<span className="hint" id={`${field.id}-hint`}>
					{hint}
				</span>
			) : null}
			<input {...props} {...rest} key={props.key} />
			<FieldErrors field={field as FieldMetadata<unknown>} />
		</div>
	)
}

export function TextAreaField({ field, label, hint, rows = 6 }: Common & { field: FieldMetadata<string | undefined>; rows?: number }) {
	const props = getTextareaProps(field, { ariaAttributes: true, ariaDescribedBy: describedBy(field as FieldMetadata<unknown>, hint) })
	return (
		<div className="field">
			<label htmlFor={field.id}>{label}</label>
			{hint ? (
				<span className="hint" id={`${field.id}-hint`}>
					{hint}
				</span>
			) : null}
			<textarea {...props} key={props.key} rows={rows} />
			<FieldErrors field={field as FieldMetadata<unknown>} />
		</div>
	)
}

export function SelectField({
	field,
	label,
	hint,
	options,
}: Common & { field: FieldMetadata<string | undefined>; options: { value: string; label: string }[] }) {
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
				defaultValue={field.initialValue as string | undefined}
				key={field.key}
				aria-invalid={field.errors?.length ? true : undefined}
				aria-describedby={describedBy(field as FieldMetadata<unknown>, hint)}
				required={field.required}
			>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
			<FieldErrors field={field as FieldMetadata<unknown>} />
		</div>
	)
}

export function CheckboxField({ field, label, hint }: Common & { field: FieldMetadata<boolean | string | undefined> }) {
	const props = getInputProps(field as FieldMetadata<string>, {
		type: 'checkbox',
		ariaAttributes: true,
		ariaDescribedBy: describedBy(field as FieldMetadata<unknown>, hint),
	})
	return (
		<div className="field">
			<div className="check">
				<input {...props} key={props.key} />
				<label htmlFor={field.id}>{label}</label>
			</div>
			{hint ? (
				<span className="hint" id={`${field.id}-hint`}>
					{hint}
				</span>
			) : null}
			<FieldErrors field={field as FieldMetadata<unknown>} />
		</div>
	)
}
