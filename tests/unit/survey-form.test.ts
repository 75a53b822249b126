// The survey builder's form (domain/survey-form.ts): a survey read into the form and saved back
// unchanged is the same survey; the buttons add, move and remove questions; an option keeps its
// value when its label is edited; an issue's path names the field that shows it.
import { describe, expect, test } from 'vitest'
import { SurveyCreateSchema, surveyDraftFromBody, type SurveyDefinition } from '#app/domain/survey-definition.ts'
import { applyBuilderIntent, formFieldOfIssue, parseBuilderIntent, readQuestionRows, surveyBodyFromForm, surveyFormValues } from '#app/domain/survey-form.ts'

const survey: SurveyDefinition = {
	title: { 'sr-Latn': 'Utisci', 'sr-Cyrl': 'Утисци', en: 'Feedback' },
	description: null,
	questions: [
		{ id: 'agree', kind: 'likert5', label: { 'sr-Latn': 'Bilo je korisno.', 'sr-Cyrl': 'Било је корисно.' }, required: true },
		{
			id: 'heard',
			kind: 'single',
			label: { 'sr-Latn': 'Kako ste čuli?', 'sr-Cyrl': 'Како сте чули?', en: 'How did you hear?' },
			required: false,
			options: [
				{ value: 'friends', label: { 'sr-Latn': 'Od prijatelja', 'sr-Cyrl': 'Од пријатеља', en: 'From friends' } },
				{ value: 'radio', label: { 'sr-Latn': 'Radio', 'sr-Cyrl': 'Радио', en: 'Radio' } },
			],
		},
		{ id: 'staff', kind: 'number', label: { 'sr-Latn': 'Koliko zaposlenih?', 'sr-Cyrl': 'Колико запослених?' }, required: false, max: 500 },
	],
}
const form = () => surveyFormValues({ ...survey, event: null, status: 'open', opensAt: new Date('2026-12-05T09:00:00Z'), closesAt: null })

describe('the survey builder form', () => {
	test('a survey read into the form and saved back unchanged is the same survey', () => {
		const values = form()
		expect(values.opensAt).toBe('2026-12-05T10:00')
		const parsed = SurveyCreateSchema.parse(surveyBodyFromForm(values, { withQuestions: true }))
		const draft = surveyDraftFromBody(parsed)
		expect(draft.questions).toEqual(survey.questions)
		expect(draft.title).toEqual(survey.title)
		expect(draft.opensAt).toEqual(new Date('2026-12-05T09:00:00Z'))
		expect(draft.status).toBe('open')
	})

	test('add, move and remove questions; an edited option keeps its value, a new line gets one from its label', () => {
		let values = applyBuilderIntent({ ...form(), newKind: 'multi' }, parseBuilderIntent('add')!)
		expect(readQuestionRows(values).map((r) => [r.id, r.kind])).toEqual([
			['agree', 'likert5'],
			['heard', 'single'],
			['staff', 'number'],
			['q4', 'multi'],
		])
		values = applyBuilderIntent(values, parseBuilderIntent('up:3')!)
		values = applyBuilderIntent(values, parseBuilderIntent('remove:0')!)
		expect(readQuestionRows(values).map((r) => r.id)).toEqual(['heard', 'q4', 'staff'])
		expect(applyBuilderIntent(values, parseBuilderIntent('up:0')!)).toEqual(values)
		expect(parseBuilderIntent('remove:x')).toBeNull()

		values = { ...values, 'q0.options': 'Od prijatelja i rodbine\nRadio\nDruštvene mreže (Facebook)' }
		const body = surveyBodyFromForm(values, { withQuestions: true }) as { questions: { options?: { value: string }[] }[] }
		expect(body.questions[0]!.options!.map((o) => o.value)).toEqual(['friends', 'radio', 'društvene-mreže-facebook'])
	})

	test('an issue names the field that shows it', () => {
		const values = { ...form(), title: '', 'q1.options': '', 'q2.max': 'sto' }
		const result = SurveyCreateSchema.safeParse(surveyBodyFromForm(values, { withQuestions: true }))
		expect(result.success).toBe(false)
		const fields = new Set(result.error!.issues.map((issue) => formFieldOfIssue(issue.path)))
		expect(fields).toEqual(new Set(['title', 'q1.options', 'q2.max']))
		expect(formFieldOfIssue(['questions', 4, 'label', 'en'])).toBe('q4.labelEn')
		expect(formFieldOfIssue(['closesAt'])).toBe('closesAt')
	})
})
