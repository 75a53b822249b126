// The two questionnaires an organizer can start from and edit (issue 15): feedback after an event,
// and the Center's research on what the people and institutions of Kruševac think of social
// entrepreneurship. The shape (ids, kinds, options, what is required) is here; the words are in
// the `survey-templates` catalogs (Serbian Latin and English written, Cyrillic derived), read
// through `text`, so this file stays pure. Questions are worded neutrally: balanced scales, and
// "I don't know" where a respondent may well not know.
import type { SurveyDefinition, SurveyQuestion, SurveyText } from './survey-definition.ts'
import type { QuestionKind } from './vocabulary.ts'

export const SURVEY_TEMPLATES = ['afterEvent', 'community'] as const
export type SurveyTemplateName = (typeof SURVEY_TEMPLATES)[number]

type TemplateQuestion = { id: string; kind: QuestionKind; required?: boolean; options?: readonly string[]; min?: number; max?: number }

const TEMPLATES: Record<SurveyTemplateName, readonly TemplateQuestion[]> = {
	afterEvent: [
		{ id: 'expectations', kind: 'likert5' },
		{ id: 'useful', kind: 'likert5' },
		{ id: 'organized', kind: 'likert5' },
		{ id: 'heard', kind: 'single', options: ['friends', 'social', 'website', 'media', 'poster', 'organization', 'other'] },
		{ id: 'before', kind: 'single', options: ['first', 'once', 'several'] },
		{ id: 'again', kind: 'single', options: ['definitely', 'probably', 'probablyNot', 'definitelyNot', 'dontKnow'] },
		{ id: 'improve', kind: 'text' },
		{ id: 'topics', kind: 'text' },
	],
	community: [
		{ id: 'respondent', kind: 'single', required: true, options: ['resident', 'publicInstitution', 'company', 'association', 'other'] },
		{ id: 'familiar', kind: 'single', options: ['well', 'somewhat', 'termOnly', 'notAtAll'] },
		{ id: 'law', kind: 'single', options: ['content', 'nameOnly', 'no'] },
		{ id: 'buy', kind: 'single', options: ['yes', 'probably', 'probablyNot', 'no', 'dontKnow'] },
		{ id: 'municipality', kind: 'single', options: ['definitely', 'somewhat', 'notReally', 'notAtAll', 'dontKnow'] },
		{ id: 'employ', kind: 'multi', options: ['disability', 'roma', 'longTermUnemployed', 'ruralWomen', 'youth', 'over50', 'violence', 'dontKnow'] },
		{ id: 'community', kind: 'likert5' },
		{ id: 'cooperation', kind: 'single', options: ['yes', 'no', 'dontKnow', 'notApplicable'] },
		{ id: 'help', kind: 'text' },
	],
}

/**
 * The template as a survey definition in the three languages. `text(key)` gives a catalog key's
 * text in each language (`{name}.title`, `{name}.description`, `{name}.questions.{id}.label`,
 * `{name}.questions.{id}.options.{value}`).
 */
export function surveyFromTemplate(name: SurveyTemplateName, text: (key: string) => SurveyText): SurveyDefinition {
	const questions = TEMPLATES[name].map((q): SurveyQuestion => {
		const key = `${name}.questions.${q.id}`
		const question: SurveyQuestion = { id: q.id, kind: q.kind, label: text(`${key}.label`), required: q.required ?? false }
		if (q.options) question.options = q.options.map((value) => ({ value, label: text(`${key}.options.${value}`) }))
		return question
	})
	return { title: text(`${name}.title`), description: text(`${name}.description`), questions }
}

/** Every catalog key a template reads, for the test that the catalogs have them all. */
export function templateKeys(name: SurveyTemplateName): string[] {
	return [
		`${name}.title`,
		`${name}.description`,
		...TEMPLATES[name].flatMap((q) => [`${name}.questions.${q.id}.label`, ...(q.options ?? []).map((v) => `${name}.questions.${q.id}.options.${v}`)]),
	]
}
