// The exhibitor application as an HTML form. The fields are named after the JSON API body
// (`organization.name`, `staff.vulnerable.roma`, `preferences[0]`), so a zod issue's path is the
// form field's name, and the rules are the API's own: the form value (strings, as conform parses
// FormData) is turned into an API body and checked by applicationApiSchema. One source of truth.
import { z } from 'zod'
import { applicationApiSchema, type ApplicationApiInput } from './application-input.ts'
import { VULNERABLE_STAFF_GROUPS } from './application-options.ts'

import { FORM_PREFERENCES, FORM_SOCIAL_LINKS } from './application-form-fields.ts'

export { emptyFormValue, FORM_PREFERENCES, FORM_SOCIAL_LINKS, HONEYPOT_FIELD, LOGO_FIELD, LOGO_TOKEN_FIELD } from './application-form-fields.ts'

/**
 * A logo sent with a form that fails elsewhere is kept as a draft only when the sender is a real
 * applicant: who they are and the privacy notice are valid. An empty form with a 2 MiB file
 * stores nothing (issue 10: anonymous clients could fill the disk with drafts).
 */
export const DRAFT_NEEDS_VALID_FIELDS = ['organization.name', 'contact.name', 'contact.email', 'consent.privacy'] as const

/** Whether a failed submission may keep its logo as a draft (see DRAFT_NEEDS_VALID_FIELDS). */
export function mayKeepDraft(fieldErrors: Record<string, unknown> | undefined): boolean {
	if (!fieldErrors) return true
	return DRAFT_NEEDS_VALID_FIELDS.every((field) => !fieldErrors[field])
}

/** A stand as the preference selects and the plan picture show it: where it is and what it offers. */
export type PreferenceStand = {
	label: string
	x: number
	y: number
	width: number
	height: number
	sizeM2: number
	power: boolean
	accessible: boolean
	zone: string | null
}
/** The fair's published plan, for ranked stand preferences; null while there is none. */
export type PreferencePlan = { width: number; height: number; stands: PreferenceStand[] }

type Dict = Record<string, unknown>

const dict = (v: unknown): Dict => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {})
/** Blank means "not given". */
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
/** A number when it is one; otherwise the text stays, so the schema says "enter a number". */
const num = (v: unknown): number | string | undefined => {
	const s = text(v)
	if (s === undefined) return undefined
	const n = Number(s.trim().replace(',', '.'))
	return Number.isFinite(n) ? n : s
}
const checked = (v: unknown): boolean => v === 'on' || v === 'true'
const yesNo = (v: unknown): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined)
/** Filled inputs of a list, in order (blank ones in between are skipped). */
const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(text).filter((s): s is string => s !== undefined)
const withoutUndefined = (o: Dict): Dict => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

/** The form value, as conform parses it (nested, all strings), as a JSON API body. */
export function formValueToApiBody(value: unknown): unknown {
	const form = dict(value)
	const org = dict(form.organization)
	const contact = dict(form.contact)
	const needs = dict(form.needs)
	const consent = dict(form.consent)
	const law = dict(form.lawStatus)
	const staff = dict(form.staff)
	const vulnerable = dict(staff.vulnerable)

	const lawStatus = withoutUndefined({ apr: text(law.apr), aprDate: text(law.aprDate), ways: list(law.ways), selfIdentified: checked(law.selfIdentified) })
	const lawGiven =
		lawStatus.apr !== undefined || lawStatus.aprDate !== undefined || (lawStatus.ways as string[]).length > 0 || lawStatus.selfIdentified === true

	const vulnerableCounts = withoutUndefined(Object.fromEntries(VULNERABLE_STAFF_GROUPS.map((g) => [g, num(vulnerable[g])])))
	const staffBody = withoutUndefined({ employees: num(staff.employees), women: num(staff.women), volunteers: num(staff.volunteers) })
	const staffGiven = Object.keys(staffBody).length > 0 || Object.keys(vulnerableCounts).length > 0

	return withoutUndefined({
		organization: withoutUndefined({
			name: text(org.name),
			legalForm: text(org.legalForm),
			municipality: text(org.municipality),
			companyNumber: text(org.companyNumber),
			pib: text(org.pib),
			foundedYear: num(org.foundedYear),
			website: text(org.website),
			social: list(org.social),
		}),
		contact: withoutUndefined({ name: text(contact.name), email: text(contact.email), phone: text(contact.phone) }),
		products: text(form.products),
		category: text(form.category),
		description: text(form.description),
		descriptionEn: text(form.descriptionEn),
		needs: withoutUndefined({
			power: checked(needs.power),
			accessible: checked(needs.accessible),
			sizeM2: num(needs.sizeM2),
			table: checked(needs.table),
			chairs: num(needs.chairs),
		}),
		preferences: list(form.preferences),
		selling: yesNo(form.selling),
		lawStatus: lawGiven ? lawStatus : undefined,
		staff: staffGiven ? { ...staffBody, vulnerable: vulnerableCounts } : undefined,
		consent: { privacy: checked(consent.privacy), catalogue: checked(consent.catalogue), research: checked(consent.research) },
	})
}

/**
 * The form's schema, in the browser and on the server: the API schema after the form value is
 * mapped (`standLabels`: the published plan's labels, see applicationApiSchema). Use with parseWithZod(formData, { schema, disableAutoCoercion: true }): the mapping
 * does the coercion, so conform must not guess types through the preprocess.
 */
export function applicationFormSchema(categories: readonly string[], now: Date, standLabels?: readonly string[]) {
	return z.preprocess(formValueToApiBody, applicationApiSchema(categories, now, standLabels))
}

/** The form's fields as conform sees them (all strings), for typed field metadata. */
export type ApplicationFormValue = {
	organization: {
		name: string
		legalForm: string
		municipality: string
		companyNumber: string
		pib: string
		foundedYear: string
		website: string
		social: string[]
	}
	lawStatus: { apr: string; aprDate: string; ways: string[]; selfIdentified: string }
	staff: { employees: string; women: string; volunteers: string; vulnerable: Record<(typeof VULNERABLE_STAFF_GROUPS)[number], string> }
	products: string
	category: string
	description: string
	descriptionEn: string
	needs: { power: string; accessible: string; sizeM2: string; table: string; chairs: string }
	preferences: string[]
	selling: string
	contact: { name: string; email: string; phone: string }
	consent: { privacy: string; catalogue: string; research: string }
}

const pad = (values: readonly string[], length: number) =>
	[...values, ...Array<string>(Math.max(0, length - values.length)).fill('')].slice(0, Math.max(length, values.length))
const on = (v: boolean | undefined) => (v ? 'on' : '')
const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v))

/** A stored application (as an API body) as the form's values, for the edit page. */
export function apiBodyToFormValue(body: ApplicationApiInput): ApplicationFormValue {
	const { organization: org, contact, needs, consent, lawStatus, staff } = body
	return {
		organization: {
			name: org.name,
			legalForm: org.legalForm,
			municipality: org.municipality,
			companyNumber: str(org.companyNumber),
			pib: str(org.pib),
			foundedYear: str(org.foundedYear),
			website: str(org.website),
			social: pad(org.social ?? [], FORM_SOCIAL_LINKS),
		},
		lawStatus: { apr: str(lawStatus?.apr), aprDate: str(lawStatus?.aprDate), ways: lawStatus?.ways ?? [], selfIdentified: on(lawStatus?.selfIdentified) },
		staff: {
			employees: str(staff?.employees),
			women: str(staff?.women),
			volunteers: str(staff?.volunteers),
			vulnerable: Object.fromEntries(VULNERABLE_STAFF_GROUPS.map((g) => [g, str(staff?.vulnerable[g])])) as ApplicationFormValue['staff']['vulnerable'],
		},
		products: body.products,
		category: body.category,
		description: str(body.description),
		descriptionEn: str(body.descriptionEn),
		needs: {
			power: on(needs.power),
			accessible: on(needs.accessible),
			sizeM2: str(needs.sizeM2),
			table: on(needs.table),
			chairs: needs.chairs ? String(needs.chairs) : '',
		},
		preferences: pad(body.preferences, FORM_PREFERENCES),
		selling: body.selling === true ? 'yes' : body.selling === false ? 'no' : '',
		contact: { name: contact.name, email: contact.email, phone: str(contact.phone) },
		consent: { privacy: 'on', catalogue: on(consent.catalogue), research: on(consent.research) },
	}
}

/**
 * conform drops blank values when it answers with the submitted form, so a list that had blank
 * inputs comes back shorter; the form always shows all of its list inputs again.
 */
export function padFormLists<T extends { initialValue?: Record<string, unknown> | null }>(reply: T): T {
	const value = reply.initialValue
	if (!value) return reply
	const org = dict(value.organization)
	const strings = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => (typeof s === 'string' ? s : ''))
	return {
		...reply,
		initialValue: {
			...value,
			organization: { ...org, social: pad(strings(org.social), FORM_SOCIAL_LINKS) },
			preferences: pad(strings(value.preferences), FORM_PREFERENCES),
		},
	}
}
