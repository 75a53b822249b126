// What an organizer may set for a fair: the application window, the product categories, the
// number of stands, setup time and the confirmation period. One set of rules for the admin form
// (browser and server, through conform) and the JSON API. Pure: the fair's start is an argument.
//
// Categories are stored in fair_settings.categories (JSON) in the form's order. An entry is either
// a standard code (a plain string from DEFAULT_CATEGORIES: its words come from the catalogs, in
// every language) or an object with the organizer's own words: {code, label, labelEn?}. The object
// form renames a standard category or defines a new one, whose code is `custom-<slug of the first
// label>` and never changes afterwards (applications store the code), so renaming keeps it.
// Serbian Cyrillic is transliterated from the Latin label; English falls back to the Latin label.
import { z } from 'zod'
import { DEFAULT_CATEGORIES, type DefaultCategory } from './application-options.ts'
import type { Locale } from './locale.ts'
import { slugify, uniqueSlug } from './slug.ts'
import { latinToCyrillic } from './transliterate.ts'
import { isoDateTime, issueKey, localDateTime } from './input-fields.ts'

export type OwnCategory = { code: string; label: string; labelEn?: string | null }
export type FairCategory = string | OwnCategory

export const CUSTOM_CATEGORY_PREFIX = 'custom-'
const CUSTOM_CODE = /^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/
export const MAX_CATEGORIES = 30
export const MAX_CATEGORY_LABEL = 60
export const MAX_STAND_COUNT = 1000
/** Setup time before the fair starts when the organizer set none (the form's default too). */
export const DEFAULT_SETUP_MINUTES = 60
export const MAX_SETUP_MINUTES = 24 * 60
export const MAX_CONFIRMATION_DAYS = 60
/** Empty rows the form offers for new categories (no JavaScript needed to add one). */
export const NEW_CATEGORY_ROWS = 3

export const DEFAULT_FAIR_SETTINGS = {
	applicationsOpenAt: null,
	applicationsCloseAt: null,
	categories: [...DEFAULT_CATEGORIES],
	standCount: null,
	setupMinutesBefore: DEFAULT_SETUP_MINUTES,
	confirmationDays: 7,
} as const satisfies FairSettingsInput

/** What the service stores, whichever door the data came through. */
export type FairSettingsInput = {
	applicationsOpenAt: Date | null
	applicationsCloseAt: Date | null
	categories: FairCategory[]
	standCount: number | null
	setupMinutesBefore: number
	confirmationDays: number
}

export function isStandardCategory(code: string): code is DefaultCategory {
	return (DEFAULT_CATEGORIES as readonly string[]).includes(code)
}

export function isCategoryCode(code: string): boolean {
	return isStandardCategory(code) || (code.length <= 80 && CUSTOM_CODE.test(code))
}

export function categoryCode(category: FairCategory): string {
	return typeof category === 'string' ? category : category.code
}

/** The codes in order: what applications choose from and store. */
export function categoryCodes(categories: readonly FairCategory[]): string[] {
	return categories.map(categoryCode)
}

/**
 * A category's name in a language. `standardName(code)` gives the catalog's word for a standard
 * code (e.g. `(c) => t(\`fair:category.${c}\`)`); it is also asked for a code the fair no longer
 * lists (an application kept it after an edit), so it should fall back to the code itself.
 */
export function categoryName(category: FairCategory, locale: Locale, standardName: (code: string) => string): string {
	if (typeof category === 'string') return standardName(category)
	if (locale === 'en') return category.labelEn?.trim() || category.label
	if (locale === 'sr-Cyrl') return latinToCyrillic(category.label)
	return category.label
}

/** The name of the category with this code among the fair's categories (or a standard/unknown one). */
export function categoryNameByCode(categories: readonly FairCategory[], code: string, locale: Locale, standardName: (code: string) => string): string {
	const category = categories.find((c) => categoryCode(c) === code)
	return categoryName(category ?? code, locale, standardName)
}

/** The names organizers gave their own (or renamed) categories, by code, in a language; standard ones are left to the catalogs. */
export function ownCategoryNames(categories: readonly FairCategory[], locale: Locale): Record<string, string> {
	return Object.fromEntries(categories.filter((c): c is OwnCategory => typeof c !== 'string').map((c) => [c.code, categoryName(c, locale, (code) => code)]))
}

/**
 * The name of each of a fair's categories by code, in a language: the organizer's words for their
 * own (or renamed) ones, the catalog's for standard ones. Given to the application form ready made,
 * so the browser needs no catalog of category names (decision 0012).
 */
export function categoryNamesByCode(
	categories: readonly FairCategory[],
	codes: readonly string[],
	locale: Locale,
	standardName: (code: string) => string,
): Record<string, string> {
	return Object.fromEntries(codes.map((code) => [code, categoryNameByCode(categories, code, locale, standardName)]))
}

/** The codes a change removes: applications that chose one of them stand in the way. */
export function removedCategoryCodes(before: readonly FairCategory[], after: readonly FairCategory[]): string[] {
	const kept = new Set(categoryCodes(after))
	return categoryCodes(before).filter((c) => !kept.has(c))
}

const optionalLabel = z.string().trim().min(2).max(MAX_CATEGORY_LABEL).optional()

/** A category as given: a known code, possibly with words; a new one has words and no code yet. */
type CategoryDraft = { code?: string; label?: string; labelEn?: string }

/**
 * Drafts → stored entries: a standard code without words stays a plain string; new ones get a
 * code from their Latin label (unique in the list); English equal to the Latin label is dropped.
 */
export function resolveCategories(drafts: readonly CategoryDraft[]): FairCategory[] {
	const taken = new Set(drafts.map((d) => d.code).filter((c): c is string => !!c))
	return drafts.map((d) => {
		const label = d.label?.trim() ?? ''
		const labelEn = d.labelEn?.trim() || null
		let code = d.code
		if (!code) {
			code = uniqueSlug(`${CUSTOM_CATEGORY_PREFIX}${slugify(label, 40)}`, (c) => taken.has(c))
			taken.add(code)
		}
		if (isStandardCategory(code) && !label) return code
		return labelEn && labelEn !== label ? { code, label, labelEn } : { code, label }
	})
}

/** Rules on the list as a whole: at least one, no code twice, no two with the same words. */
function checkCategories(drafts: readonly CategoryDraft[], ctx: z.RefinementCtx, path: (index: number, field: 'label' | 'code') => (string | number)[]) {
	if (drafts.length === 0) ctx.addIssue({ code: 'custom', path: ['categories'], ...issueKey('categoryRequired') })
	if (drafts.length > MAX_CATEGORIES) ctx.addIssue({ code: 'custom', path: ['categories'], ...issueKey('tooManyCategories') })
	const codes = new Set<string>()
	const labels = new Set<string>()
	drafts.forEach((d, i) => {
		if (d.code !== undefined) {
			if (!isCategoryCode(d.code)) ctx.addIssue({ code: 'custom', path: path(i, 'code'), ...issueKey('choice') })
			else if (codes.has(d.code)) ctx.addIssue({ code: 'custom', path: path(i, 'code'), ...issueKey('categoryTaken') })
			codes.add(d.code)
		}
		const label = d.label?.trim().toLocaleLowerCase('sr')
		// A new or own category needs words; a standard one may go without (its catalog words).
		if (!label && !(d.code && isStandardCategory(d.code))) ctx.addIssue({ code: 'custom', path: path(i, 'label'), ...issueKey('required') })
		if (label) {
			if (labels.has(label)) ctx.addIssue({ code: 'custom', path: path(i, 'label'), ...issueKey('categoryTaken') })
			labels.add(label)
		}
	})
}

function checkWindow(value: { applicationsOpenAt?: Date | null; applicationsCloseAt?: Date | null }, ctx: z.RefinementCtx, fairStartsAt: Date) {
	const { applicationsOpenAt: opens, applicationsCloseAt: closes } = value
	if (opens && closes && closes <= opens) ctx.addIssue({ code: 'custom', path: ['applicationsCloseAt'], ...issueKey('closesBeforeOpens') })
	if (closes && closes > fairStartsAt) ctx.addIssue({ code: 'custom', path: ['applicationsCloseAt'], ...issueKey('closesAfterFairStart') })
	if (opens && opens >= fairStartsAt) ctx.addIssue({ code: 'custom', path: ['applicationsOpenAt'], ...issueKey('opensAfterFairStart') })
}

const standCount = z.number().int().min(0).max(MAX_STAND_COUNT)
const setupMinutesBefore = z.number().int().min(0).max(MAX_SETUP_MINUTES)
const confirmationDays = z.number().int().min(1).max(MAX_CONFIRMATION_DAYS)
const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on')

/**
 * The admin form. Category rows: `categories[i].code` (hidden; empty in the rows for new ones),
 * `.label`, `.labelEn`, `.position` (order) and `.remove` (a checkbox). An empty new row is ignored.
 */
export function fairSettingsFormSchema(fairStartsAt: Date) {
	return z
		.object({
			applicationsOpenAt: localDateTime.optional(),
			applicationsCloseAt: localDateTime.optional(),
			standCount: z.coerce.number<string>().pipe(standCount).optional(),
			setupMinutesBefore: z.coerce.number<string>().pipe(setupMinutesBefore),
			confirmationDays: z.coerce.number<string>().pipe(confirmationDays),
			categories: z
				.array(
					z.object({
						code: z.string().trim().max(80).optional(),
						label: optionalLabel,
						labelEn: optionalLabel,
						position: z.coerce.number<string>().pipe(z.number().int().min(0).max(999)).optional(),
						remove: checkbox,
					}),
				)
				.max(MAX_CATEGORIES + NEW_CATEGORY_ROWS)
				.default([]),
		})
		.superRefine((value, ctx) => {
			checkWindow(value, ctx, fairStartsAt)
			const kept = keptRows(value.categories)
			checkCategories(
				kept.map((r) => r.row),
				ctx,
				(i, field) => ['categories', kept[i]!.index, field === 'code' ? 'label' : field],
			)
		})
}

export type FairSettingsFormValues = z.output<ReturnType<typeof fairSettingsFormSchema>>
type FormRow = FairSettingsFormValues['categories'][number]

/** Rows that stay, in the order asked for (position, then the form's order); empty new rows drop out. */
function keptRows(rows: readonly FormRow[]) {
	return rows
		.map((row, index) => ({ row, index }))
		.filter(({ row }) => !row.remove && (row.code || row.label))
		.sort((a, b) => (a.row.position ?? a.index + 1000) - (b.row.position ?? b.index + 1000) || a.index - b.index)
}

/**
 * Form values → the service's input. `standardNames` are the catalog words of the standard codes in
 * sr-Latn and en: a standard row whose words were left as shown stays a plain code (and so follows
 * the catalogs), a changed one keeps the organizer's words.
 */
export function fairSettingsFromForm(value: FairSettingsFormValues, standardNames: Record<string, { label: string; labelEn: string }>): FairSettingsInput {
	const drafts = keptRows(value.categories).map(({ row }): CategoryDraft => {
		const code = row.code || undefined
		const standard = code ? standardNames[code] : undefined
		if (code && isStandardCategory(code) && standard) {
			const sameLabel = !row.label || row.label === standard.label
			const sameEn = !row.labelEn || row.labelEn === standard.labelEn
			if (sameLabel && sameEn) return { code }
			return { code, label: row.label || standard.label, labelEn: row.labelEn || (sameLabel ? standard.labelEn : undefined) }
		}
		return { code, label: row.label, labelEn: row.labelEn }
	})
	return {
		applicationsOpenAt: value.applicationsOpenAt ?? null,
		applicationsCloseAt: value.applicationsCloseAt ?? null,
		categories: resolveCategories(drafts),
		standCount: value.standCount ?? null,
		setupMinutesBefore: value.setupMinutesBefore,
		confirmationDays: value.confirmationDays,
	}
}

const apiCategory = z.union([
	// A bare code must be a standard one: an own category without its words would lose them.
	z.string().refine(isStandardCategory, issueKey('choice')),
	z.object({
		code: z.string().max(80).optional(),
		label: z.string().trim().min(2).max(MAX_CATEGORY_LABEL).nullable().optional(),
		labelEn: z.string().trim().max(MAX_CATEGORY_LABEL).nullable().optional(),
	}),
])

/**
 * PUT /api/v1/fairs/{slug}/settings: the whole settings; a field left out takes its default
 * (DEFAULT_FAIR_SETTINGS). A category is a standard code or {code?, label, labelEn?}; what GET
 * answers can be sent back as it is (its `names` are ignored).
 */
export function fairSettingsApiSchema(fairStartsAt: Date) {
	return z
		.strictObject({
			applicationsOpenAt: isoDateTime.nullable().default(null),
			applicationsCloseAt: isoDateTime.nullable().default(null),
			categories: z
				.array(apiCategory)
				.max(MAX_CATEGORIES)
				.default([...DEFAULT_CATEGORIES]),
			standCount: standCount.nullable().default(null),
			setupMinutesBefore: setupMinutesBefore.default(DEFAULT_FAIR_SETTINGS.setupMinutesBefore),
			confirmationDays: confirmationDays.default(DEFAULT_FAIR_SETTINGS.confirmationDays),
		})
		.superRefine((value, ctx) => {
			checkWindow(value, ctx, fairStartsAt)
			const drafts = value.categories.map(toDraft)
			checkCategories(drafts, ctx, (i, field) => ['categories', i, ...(typeof value.categories[i] === 'string' ? [] : [field])])
		})
		.transform((value): FairSettingsInput => ({
			applicationsOpenAt: value.applicationsOpenAt,
			applicationsCloseAt: value.applicationsCloseAt,
			categories: resolveCategories(value.categories.map(toDraft)),
			standCount: value.standCount,
			setupMinutesBefore: value.setupMinutesBefore,
			confirmationDays: value.confirmationDays,
		}))
}

function toDraft(c: z.output<typeof apiCategory>): CategoryDraft {
	if (typeof c === 'string') return { code: c }
	return { code: c.code || undefined, label: c.label ?? undefined, labelEn: c.labelEn ?? undefined }
}
