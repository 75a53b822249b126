// The public survey page (/surveys/{slug}) and the organizer's QR poster: the survey in the
// reader's language, its state in words, and what each field needs (hints, bounds).
import type { SurveyRow } from '#db/schema/index.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { parseStoredText, surveyTextIn, TEXT_ANSWER_MAX } from '#app/domain/survey-definition.ts'
import { surveyState, type SurveyState } from '#app/domain/survey-rules.ts'
import { localizeSurvey, surveyEventSlug, surveyUrl, type LocalizedQuestion } from '#app/services/queries/surveys.server.ts'
import { drawQr, type QrDrawing } from '#app/services/views/ticket-qr.server.ts'
import type { Db } from '#app/utils/db.server.ts'

export type SurveyPageQuestion = LocalizedQuestion & { minText?: string; maxText?: string }

export type SurveyPageView = {
	slug: string
	title: string
	description: string | null
	/** The language the texts are in, when it is not the page's (English asked, Serbian given). */
	textLang: 'sr-Latn' | null
	state: Exclude<SurveyState, 'draft'>
	opensAtText: string | null
	questions: SurveyPageQuestion[]
	textMax: number
}

export function surveyPageView(survey: SurveyRow, locale: Locale, now = new Date()): SurveyPageView {
	const localized = localizeSurvey(survey, locale)
	const state = surveyState(survey, now)
	return {
		slug: survey.slug,
		title: localized.title,
		description: localized.description,
		textLang: localized.fallback ? 'sr-Latn' : null,
		state: state === 'draft' ? 'closed' : state,
		opensAtText: survey.opensAt ? formatDateTime(survey.opensAt, locale) : null,
		questions: localized.questions.map((q) =>
			q.kind === 'number' && q.min !== undefined && q.max !== undefined
				? { ...q, minText: formatNumber(q.min, locale), maxText: formatNumber(q.max, locale) }
				: q,
		),
		textMax: TEXT_ANSWER_MAX,
	}
}

export type SurveyPosterView = {
	slug: string
	title: string
	/** Set when the title is not in the poster's language (English asked for, none written). */
	titleLang: 'sr-Latn' | null
	url: string
	/** The QR code of `url` (ticket-qr.server.ts): viewBox size in modules and the dark modules' path. */
	qr: QrDrawing
}

/** The poster: the title in the chosen language and the address the QR code holds (with ?event= when the survey belongs to one). */
export function surveyPosterView(db: Db, survey: SurveyRow, locale: Locale, publicUrl: string): SurveyPosterView {
	const title = surveyTextIn(parseStoredText(survey.title), locale)
	const url = surveyUrl(publicUrl, survey.slug, surveyEventSlug(db, survey))
	return { slug: survey.slug, title: title.text, titleLang: title.fallback ? 'sr-Latn' : null, url, qr: drawQr(url) }
}
