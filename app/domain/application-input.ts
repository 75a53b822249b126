// What an organization gives when it applies for a stand at a fair, through the JSON API
// (CONTRACT.md: POST /api/v1/fairs/{slug}/applications). The fair's own categories and the current
// time are parameters: the domain has no database and no clock.
// Messages are catalog keys under common:validation, turned into text by the error map.
// People are counts only (ZZPL): no names of employees, no per-person data.
import { z } from 'zod'
import { APR_STATUS, isRegisteredLegalForm, LEGAL_FORMS, MUNICIPALITIES_RASINA_FIRST, STATUS_WAYS, VULNERABLE_STAFF_GROUPS } from './application-options.ts'
import { isValidCompanyNumber, isValidPib, normalizeCompanyNumber, normalizePib } from './serbian-ids.ts'
import { labelKey } from './stand-input.ts'
import { issueKey } from './input-fields.ts'

import { FORM_PREFERENCES } from './application-form-fields.ts'

export const MAX_PREFERENCES = FORM_PREFERENCES
export const MAX_PREFERENCE_LENGTH = 60
export const MAX_DESCRIPTION_LENGTH = 500
export const EARLIEST_FOUNDED_YEAR = 1900
/** Generous for a social enterprise; a typo like 1000 instead of 10 should still be caught. */
export const MAX_STAFF_COUNT = 5_000
export const MAX_STAND_SIZE_M2 = 100
export const MAX_SOCIAL_LINKS = 5

const name = z.string().trim().min(2).max(160)
const optionalText = (max: number) => z.string().trim().max(max).optional()
// Trim before checking the format: zod 4's z.email() checks first, so " a@b.rs " would fail.
const email = z.string().trim().toLowerCase().max(200).pipe(z.email())
const count = z.number().int().min(0).max(MAX_STAFF_COUNT)

/** Only http(s) with a real domain: a "javascript:" link would end up in the public catalogue. */
const httpUrl = z
	.string()
	.trim()
	.max(300)
	// People type "www.zadruga.rs"; a missing scheme is not worth a round trip.
	.transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
	.pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }))

/** +381 or 0, then 8–10 digits; spaces, slashes, dashes, dots and brackets are ignored. Stored compact. */
export const PHONE_PATTERN = /^(\+381|0)\d{8,10}$/
const phone = z
	.string()
	.trim()
	.max(40)
	.transform((v) => v.replace(/[\s/().-]/g, ''))
	.refine((v) => PHONE_PATTERN.test(v), issueKey('phone'))

const companyNumber = z.string().max(20).transform(normalizeCompanyNumber).refine(isValidCompanyNumber, issueKey('companyNumber'))
const pib = z.string().max(20).transform(normalizePib).refine(isValidPib, issueKey('pib'))

/** An empty string from a form or a client means "not given", not "invalid". */
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

const isoDate = z
	.string()
	.trim()
	.refine(
		(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
		issueKey('date'),
	)

function organizationSchema(now: Date) {
	return z
		.strictObject({
			name,
			legalForm: z.enum(LEGAL_FORMS),
			municipality: z.enum(MUNICIPALITIES_RASINA_FIRST),
			companyNumber: z.preprocess(blankAsUndefined, companyNumber.optional()),
			pib: z.preprocess(blankAsUndefined, pib.optional()),
			foundedYear: z.number().int().min(EARLIEST_FOUNDED_YEAR).max(now.getFullYear()).optional(),
			website: z.preprocess(blankAsUndefined, httpUrl.optional()),
			social: z.array(httpUrl).max(MAX_SOCIAL_LINKS).optional(),
		})
		.superRefine((org, ctx) => {
			// Registered forms are in APR, so they have both numbers; they identify returning exhibitors.
			if (!isRegisteredLegalForm(org.legalForm)) return
			if (!org.companyNumber) ctx.addIssue({ code: 'custom', path: ['companyNumber'], ...issueKey('companyNumberRequired') })
			if (!org.pib) ctx.addIssue({ code: 'custom', path: ['pib'], ...issueKey('pibRequired') })
		})
}

const contactSchema = z.strictObject({
	name,
	email,
	phone: z.preprocess(blankAsUndefined, phone.optional()),
})

const needsSchema = z.strictObject({
	power: z.boolean().default(false),
	accessible: z.boolean().default(false),
	sizeM2: z.number().positive().max(MAX_STAND_SIZE_M2).optional(),
	table: z.boolean().default(false),
	chairs: z.number().int().min(0).max(10).default(0),
})

/**
 * The plan's own spelling of a stand label given in any case and with stray spaces ("a3 " → "A3"),
 * or undefined when the plan has no such stand.
 */
export function matchStandLabel(value: string, standLabels: readonly string[]): string | undefined {
	const key = labelKey(value)
	return standLabels.find((label) => labelKey(label) === key)
}

/**
 * Ranked wishes. Before the plan is published they are free text (a zone, a label heard of);
 * once it is, `standLabels` are the plan's labels and each wish must name one of them (stored as
 * the plan spells it). The one place this is checked, for the form and the API alike.
 */
function preferencesSchema(standLabels?: readonly string[]) {
	// Long enough for a zone in words ("pored glavnog ulaza u halu"); stand labels are at most 20.
	const wishes = z.array(z.string().trim().min(1).max(MAX_PREFERENCE_LENGTH)).max(MAX_PREFERENCES)
	const ranked = standLabels
		? wishes.transform((labels, ctx) =>
				labels.map((label, i) => {
					const stand = matchStandLabel(label, standLabels)
					if (stand === undefined) ctx.addIssue({ code: 'custom', path: [i], input: label, params: { key: 'noSuchStand', label } })
					return stand ?? label
				}),
			)
		: wishes
	return ranked.superRefine((labels, ctx) => {
		// A ranking names each stand once; a repeat is a mistake worth pointing at.
		labels.forEach((label, i) => {
			if (labels.indexOf(label) !== i) ctx.addIssue({ code: 'custom', path: [i], ...issueKey('duplicatePreference') })
		})
	})
}

const consentSchema = z.strictObject({
	privacy: z.boolean().refine((v) => v === true, issueKey('privacyRequired')) as unknown as z.ZodLiteral<true>,
	catalogue: z.boolean().default(false),
	research: z.boolean().default(false),
})

function lawStatusSchema(now: Date) {
	return z.strictObject({
		apr: z.enum(APR_STATUS),
		aprDate: isoDate.refine((v) => new Date(`${v}T00:00:00Z`) <= now, issueKey('dateInFuture')).optional(),
		ways: z
			.array(z.enum(STATUS_WAYS))
			.max(STATUS_WAYS.length)
			.default([])
			.transform((ways) => [...new Set(ways)]),
		selfIdentified: z.boolean().default(false),
	})
}

const staffSchema = z
	.strictObject({
		employees: count,
		women: count.default(0),
		vulnerable: z.partialRecord(z.enum(VULNERABLE_STAFF_GROUPS), count).default({}),
		volunteers: count.default(0),
	})
	.superRefine((staff, ctx) => {
		if (staff.women > staff.employees) ctx.addIssue({ code: 'custom', path: ['women'], ...issueKey('womenOverEmployees') })
		// Per group, not summed: one person can be young and Roma and long-term unemployed.
		for (const group of VULNERABLE_STAFF_GROUPS) {
			const value = staff.vulnerable[group]
			if (value !== undefined && value > staff.employees) {
				ctx.addIssue({ code: 'custom', path: ['vulnerable', group], ...issueKey('vulnerableOverEmployees') })
			}
		}
	})

/**
 * POST /api/v1/fairs/{slug}/applications. `categories` are the fair's category codes (editable per
 * fair, DEFAULT_CATEGORIES to start with); `now` bounds the founding year and the APR date;
 * `standLabels`, given once the fair's floor plan is published, are what preferences may name.
 */
export function applicationApiSchema(categories: readonly string[], now: Date, standLabels?: readonly string[]) {
	return z.strictObject({
		organization: organizationSchema(now),
		contact: contactSchema,
		products: z.string().trim().min(2).max(1_000),
		category: z.string().refine((v) => categories.includes(v), issueKey('choice')),
		needs: needsSchema.default({ power: false, accessible: false, table: false, chairs: 0 }),
		preferences: preferencesSchema(standLabels).default([]),
		consent: consentSchema,
		lawStatus: lawStatusSchema(now).optional(),
		staff: staffSchema.optional(),
		description: optionalText(MAX_DESCRIPTION_LENGTH),
		descriptionEn: optionalText(MAX_DESCRIPTION_LENGTH),
		selling: z.boolean().optional(),
	})
}

export type ApplicationApiInput = z.output<ReturnType<typeof applicationApiSchema>>
