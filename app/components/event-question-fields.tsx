// The event's own questions on the registration form (issue 18), plain inputs that post without
// JavaScript: a line or a text area, a number, radio buttons (one choice, yes/no) or checkboxes
// (several choices). Values and errors come back from the server's answer (conform's lastResult).
import { useTranslation } from 'react-i18next'
import type { FormQuestionView } from '#app/services/views/event-question-views.server.ts'
import { QuestionField } from './question-field.tsx'

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
	const isField = q.kind === 'shortText' || q.kind === 'text' || q.kind === 'number'
	const hint = isField
		? q.kind === 'number'
			? t('form.numberHint', { min: q.minText, max: q.maxText })
			: t(q.kind === 'text' ? 'form.textHint' : 'form.shortHint', { count: q.maxLength ?? 0 })
		: q.kind === 'multi'
			? t('form.multiHint')
			: undefined
	const choices =
		q.kind === 'yesNo'
			? [
					{ value: 'yes', label: t('yes') },
					{ value: 'no', label: t('no') },
				]
			: q.options.map((o) => ({ value: o.value, label: o.label, lang: o.lang ?? undefined }))
	return (
		<QuestionField
			id={q.name}
			name={q.name}
			control={q.kind === 'shortText' ? 'line' : q.kind === 'text' ? 'text' : q.kind === 'number' ? 'number' : q.kind === 'multi' ? 'several' : 'one'}
			label={q.label}
			lang={q.lang ?? undefined}
			required={q.required}
			requiredText={t('form.required')}
			hint={hint}
			choices={isField ? undefined : choices}
			min={q.min ?? undefined}
			max={q.max ?? undefined}
			maxLength={q.maxLength ?? undefined}
			values={values}
			errors={errors}
			className={isField ? 'field' : 'field event-question'}
		/>
	)
}
