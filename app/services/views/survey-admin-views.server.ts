// The organizers' survey pages (issue 15): the list of surveys (/admin/surveys) and the builder
// (/admin/surveys/new, /admin/surveys/{slug}), in the reader's language. The builder's form values
// come from domain/survey-form.ts; this shapes what the page draws around them.
import { desc, ne } from 'drizzle-orm'
import { events, type SurveyRow } from '#db/schema/index.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { parseStoredText, surveyTextIn } from '#app/domain/survey-definition.ts'
import { surveyFormValues, type SurveyFormValues } from '#app/domain/survey-form.ts'
import { SURVEY_TEMPLATES, type SurveyTemplateName } from '#app/domain/survey-templates.ts'
import type { Db } from '#app/utils/db.server.ts'
import {
	countSurveyResponses,
	listSurveys,
	surveyEventSlug,
	surveyQuestions,
	surveyStateOf,
	surveyTemplate,
	surveyUrl,
} from '#app/services/queries/surveys.server.ts'

export function surveyListPage(db: Db, locale: Locale, now = new Date()) {
	const titles = eventTitles(db, locale)
	return listSurveys(db).map((survey) => ({
		slug: survey.slug,
		title: surveyTextIn(parseStoredText(survey.title), locale).text,
		event: survey.eventId === null ? null : (titles.get(survey.eventId) ?? null),
		state: surveyStateOf(survey, now),
		responses: formatNumber(survey.responses, locale),
		createdAt: formatDateTime(survey.createdAt, locale),
	}))
}

/** The events a survey may belong to, newest first (cancelled ones left out), for the builder's select. */
export function surveyEventChoices(db: Db, locale: Locale): { slug: string; title: string }[] {
	return db
		.select({ slug: events.slug, title: events.title, titleEn: events.titleEn })
		.from(events)
		.where(ne(events.status, 'cancelled'))
		.orderBy(desc(events.startsAt))
		.all()
		.map((e) => ({ slug: e.slug, title: eventTitleIn(e, locale) }))
}

function eventTitles(db: Db, locale: Locale): Map<number, string> {
	return new Map(
		db
			.select({ id: events.id, title: events.title, titleEn: events.titleEn })
			.from(events)
			.all()
			.map((e) => [e.id, eventTitleIn(e, locale)]),
	)
}

export const isSurveyTemplate = (name: string | null): name is SurveyTemplateName => (SURVEY_TEMPLATES as readonly (string | null)[]).includes(name)

/** The builder's first values for a new survey: a template's questions, or one empty question. */
export function newSurveyFormValues(template: SurveyTemplateName | null, event: string | null): SurveyFormValues {
	if (template) return surveyFormValues({ ...surveyTemplate(template), event, status: 'draft', opensAt: null, closesAt: null })
	const empty = { 'sr-Latn': '', 'sr-Cyrl': '' }
	return surveyFormValues({
		title: empty,
		description: null,
		questions: [{ id: 'q1', kind: 'likert5', label: empty, required: false }],
		event,
		status: 'draft',
		opensAt: null,
		closesAt: null,
	})
}

/** A stored survey in the builder: its values, whether it is locked (has answers), its public address. */
export function surveyEditorPage(db: Db, survey: SurveyRow, publicUrl: string) {
	const eventSlug = surveyEventSlug(db, survey)
	const responses = countSurveyResponses(db, survey.id)
	return {
		slug: survey.slug,
		locked: responses > 0,
		url: surveyUrl(publicUrl, survey.slug, eventSlug),
		values: surveyFormValues({
			title: parseStoredText(survey.title),
			description: parseStoredText(survey.description),
			questions: surveyQuestions(survey),
			event: eventSlug,
			status: survey.status,
			opensAt: survey.opensAt,
			closesAt: survey.closesAt,
		}),
	}
}
