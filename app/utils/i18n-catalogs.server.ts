// The message catalogs on the server: all of them bundled (a render never waits for a translation).
// The browser loads only what its page used (app/utils/i18n.ts, entry.client.tsx); never import
// this module from browser code (the .server name makes the build refuse it).
import i18next, { type i18n as I18n } from 'i18next'
import { type Locale } from '#app/domain/locale.ts'
import { i18nOptions as sharedOptions, NAMESPACES, provideI18n, type Namespace } from '#app/utils/i18n.ts'
import enAdmin from '#app/locales/en/admin.json'
import enApi from '#app/locales/en/api.json'
import enCommon from '#app/locales/en/common.json'
import enPublic from '#app/locales/en/public.json'
import cyrlAdmin from '#app/locales/sr-Cyrl/admin.json'
import cyrlApi from '#app/locales/sr-Cyrl/api.json'
import cyrlCommon from '#app/locales/sr-Cyrl/common.json'
import cyrlPublic from '#app/locales/sr-Cyrl/public.json'
import latnAdmin from '#app/locales/sr-Latn/admin.json'
import latnApi from '#app/locales/sr-Latn/api.json'
import latnCommon from '#app/locales/sr-Latn/common.json'
import latnPublic from '#app/locales/sr-Latn/public.json'
import enMail from '#app/locales/en/mail.json'
import enTicket from '#app/locales/en/ticket.json'
import cyrlMail from '#app/locales/sr-Cyrl/mail.json'
import cyrlTicket from '#app/locales/sr-Cyrl/ticket.json'
import latnMail from '#app/locales/sr-Latn/mail.json'
import latnTicket from '#app/locales/sr-Latn/ticket.json'
import enScan from '#app/locales/en/scan.json'
import cyrlScan from '#app/locales/sr-Cyrl/scan.json'
import latnScan from '#app/locales/sr-Latn/scan.json'
import enApply from '#app/locales/en/apply.json'
import cyrlApply from '#app/locales/sr-Cyrl/apply.json'
import latnApply from '#app/locales/sr-Latn/apply.json'
import enReview from '#app/locales/en/review.json'
import cyrlReview from '#app/locales/sr-Cyrl/review.json'
import latnReview from '#app/locales/sr-Latn/review.json'
import enExhibitors from '#app/locales/en/exhibitors.json'
import cyrlExhibitors from '#app/locales/sr-Cyrl/exhibitors.json'
import latnExhibitors from '#app/locales/sr-Latn/exhibitors.json'
import enApplication from '#app/locales/en/application.json'
import cyrlApplication from '#app/locales/sr-Cyrl/application.json'
import latnApplication from '#app/locales/sr-Latn/application.json'
import enFair from '#app/locales/en/fair.json'
import cyrlFair from '#app/locales/sr-Cyrl/fair.json'
import latnFair from '#app/locales/sr-Latn/fair.json'
import enPlan from '#app/locales/en/plan.json'
import cyrlPlan from '#app/locales/sr-Cyrl/plan.json'
import latnPlan from '#app/locales/sr-Latn/plan.json'
import enAllocation from '#app/locales/en/allocation.json'
import cyrlAllocation from '#app/locales/sr-Cyrl/allocation.json'
import latnAllocation from '#app/locales/sr-Latn/allocation.json'
import enAccounts from '#app/locales/en/accounts.json'
import cyrlAccounts from '#app/locales/sr-Cyrl/accounts.json'
import latnAccounts from '#app/locales/sr-Latn/accounts.json'
import enSurveys from '#app/locales/en/surveys.json'
import cyrlSurveys from '#app/locales/sr-Cyrl/surveys.json'
import latnSurveys from '#app/locales/sr-Latn/surveys.json'
import enSurveyAdmin from '#app/locales/en/survey-admin.json'
import enSurveyTemplates from '#app/locales/en/survey-templates.json'
import cyrlSurveyAdmin from '#app/locales/sr-Cyrl/survey-admin.json'
import cyrlSurveyTemplates from '#app/locales/sr-Cyrl/survey-templates.json'
import latnSurveyAdmin from '#app/locales/sr-Latn/survey-admin.json'
import latnSurveyTemplates from '#app/locales/sr-Latn/survey-templates.json'
import enSurveyResults from '#app/locales/en/survey-results.json'
import cyrlSurveyResults from '#app/locales/sr-Cyrl/survey-results.json'
import latnSurveyResults from '#app/locales/sr-Latn/survey-results.json'
import enReports from '#app/locales/en/reports.json'
import cyrlReports from '#app/locales/sr-Cyrl/reports.json'
import latnReports from '#app/locales/sr-Latn/reports.json'
import enPrint from '#app/locales/en/print.json'
import cyrlPrint from '#app/locales/sr-Cyrl/print.json'
import latnPrint from '#app/locales/sr-Latn/print.json'
import enQuestions from '#app/locales/en/questions.json'
import cyrlQuestions from '#app/locales/sr-Cyrl/questions.json'
import latnQuestions from '#app/locales/sr-Latn/questions.json'

export { NAMESPACES, type Namespace }

export const resources = {
	'sr-Latn': {
		common: latnCommon,
		public: latnPublic,
		admin: latnAdmin,
		api: latnApi,
		mail: latnMail,
		ticket: latnTicket,
		scan: latnScan,
		apply: latnApply,
		review: latnReview,
		exhibitors: latnExhibitors,
		application: latnApplication,
		fair: latnFair,
		plan: latnPlan,
		allocation: latnAllocation,
		accounts: latnAccounts,
		surveys: latnSurveys,
		'survey-templates': latnSurveyTemplates,
		'survey-admin': latnSurveyAdmin,
		'survey-results': latnSurveyResults,
		reports: latnReports,
		print: latnPrint,
		questions: latnQuestions,
	},
	'sr-Cyrl': {
		common: cyrlCommon,
		public: cyrlPublic,
		admin: cyrlAdmin,
		api: cyrlApi,
		mail: cyrlMail,
		ticket: cyrlTicket,
		scan: cyrlScan,
		apply: cyrlApply,
		review: cyrlReview,
		exhibitors: cyrlExhibitors,
		application: cyrlApplication,
		fair: cyrlFair,
		plan: cyrlPlan,
		allocation: cyrlAllocation,
		accounts: cyrlAccounts,
		surveys: cyrlSurveys,
		'survey-templates': cyrlSurveyTemplates,
		'survey-admin': cyrlSurveyAdmin,
		'survey-results': cyrlSurveyResults,
		reports: cyrlReports,
		print: cyrlPrint,
		questions: cyrlQuestions,
	},
	en: {
		common: enCommon,
		public: enPublic,
		admin: enAdmin,
		api: enApi,
		mail: enMail,
		ticket: enTicket,
		scan: enScan,
		apply: enApply,
		review: enReview,
		exhibitors: enExhibitors,
		application: enApplication,
		fair: enFair,
		plan: enPlan,
		allocation: enAllocation,
		accounts: enAccounts,
		surveys: enSurveys,
		'survey-templates': enSurveyTemplates,
		'survey-admin': enSurveyAdmin,
		'survey-results': enSurveyResults,
		reports: enReports,
		print: enPrint,
		questions: enQuestions,
	},
} satisfies Record<Locale, Record<Namespace, object>>

export const i18nOptions = { ...sharedOptions, resources, ns: [...NAMESPACES] }

/** A ready i18next instance (synchronous: resources are in memory). */
export function createI18n(locale: Locale): I18n {
	const instance = i18next.createInstance()
	void instance.init({ ...i18nOptions, lng: locale })
	return instance
}

const byLocale = new Map<Locale, I18n>()

/**
 * One instance per language, made once and shared by every server render in that language.
 * Safe because nobody calls changeLanguage on them; creating an instance per request cost more
 * than rendering the page.
 */
export function sharedI18n(locale: Locale): I18n {
	let instance = byLocale.get(locale)
	if (!instance) {
		instance = createI18n(locale)
		byLocale.set(locale, instance)
	}
	return instance
}

provideI18n(sharedI18n)

/**
 * A render's own view of the shared instance that notes every namespace a translation looked in,
 * and every namespace a component asked for (useTranslation(['plan', 'exhibitors']) needs both
 * loaded in the browser even when the server found every key in the first): `used()` after the
 * render. entry.server.tsx tells the browser to fetch just those catalogs for the page.
 */
export function trackingI18n(locale: Locale): { i18n: I18n; used: () => Set<string> } {
	const looked = new Set<string>()
	const i18n = sharedI18n(locale).cloneInstance()
	// i18next's Translator looks every key up through getResource(language, namespace, key, options).
	const translator = (i18n as unknown as { translator: { getResource: (lng: string, ns: string, ...rest: unknown[]) => unknown } }).translator
	const getResource = translator.getResource.bind(translator)
	translator.getResource = (lng, ns, ...rest) => {
		looked.add(ns)
		return getResource(lng, ns, ...rest)
	}
	// react-i18next's useTranslation reports its namespaces here (it adds the object if missing).
	const used = () => {
		const reported = (i18n as unknown as { reportNamespaces?: { getUsedNamespaces(): string[] } }).reportNamespaces
		return new Set([...looked, ...(reported?.getUsedNamespaces() ?? [])])
	}
	return { i18n, used }
}
