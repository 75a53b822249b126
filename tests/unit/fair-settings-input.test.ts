// The fair's settings as an organizer types them (form) or sends them (API): the window against the
// fair's start, the categories (standard codes, renamed ones, new ones with stable codes).
import { describe, expect, test } from 'vitest'
import { DEFAULT_CATEGORIES } from '#app/domain/application-options.ts'
import {
	categoryCodes,
	categoryName,
	categoryNameByCode,
	fairSettingsApiSchema,
	fairSettingsFormSchema,
	fairSettingsFromForm,
	isCategoryCode,
	ownCategoryNames,
	categoryNamesByCode,
	removedCategoryCodes,
	resolveCategories,
	type FairCategory,
} from '#app/domain/fair-settings-input.ts'

/** The fair starts at 10:00 on 19 December 2026, Belgrade time. */
const STARTS = new Date('2026-12-19T09:00:00Z')
const STANDARD: Record<string, { label: string; labelEn: string }> = {
	food: { label: 'Hrana i med', labelEn: 'Food and honey' },
	handicrafts: { label: 'Rukotvorine i suveniri', labelEn: 'Handicrafts and souvenirs' },
	other: { label: 'Drugo', labelEn: 'Other' },
}
const standardName = (code: string) => STANDARD[code]?.label ?? code

function form(entries: Record<string, string>) {
	const data = new FormData()
	for (const [k, v] of Object.entries(entries)) data.append(k, v)
	return data
}

/** What conform hands zod: empty strings are absent. */
function parseForm(entries: Record<string, string>) {
	const value: Record<string, unknown> = { categories: [] }
	for (const [key, v] of form(entries).entries()) {
		if (v === '') continue
		const m = /^categories\[(\d+)\]\.(\w+)$/.exec(key)
		if (m) {
			const rows = value.categories as Record<string, string>[]
			;(rows[Number(m[1])] ??= {})[m[2]!] = v as string
		} else value[key] = v
	}
	value.categories = (value.categories as unknown[]).map((r) => r ?? {})
	return fairSettingsFormSchema(STARTS).safeParse(value)
}

const keysOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; params?: unknown }[] } }) =>
	Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), (i as { params?: { key?: string } }).params?.key ?? i.message]))

const base = { setupMinutesBefore: '60', confirmationDays: '7' }

describe('the form', () => {
	test('a full valid form becomes the service input, Belgrade times read as such', () => {
		const result = parseForm({
			...base,
			applicationsOpenAt: '2026-11-01T08:00',
			applicationsCloseAt: '2026-12-10T23:59',
			standCount: '24',
			'categories[0].code': 'food',
			'categories[0].label': 'Hrana i med',
			'categories[0].labelEn': 'Food and honey',
			'categories[0].position': '1',
			'categories[1].code': 'handicrafts',
			'categories[1].label': 'Rukotvorine',
			'categories[1].labelEn': 'Handicrafts and souvenirs',
			'categories[1].position': '2',
			'categories[2].label': 'Med i pčelinji proizvodi',
			'categories[2].position': '3',
			'categories[3].position': '4',
		})
		expect(result.success, JSON.stringify(result.error?.issues)).toBe(true)
		const input = fairSettingsFromForm(result.data!, STANDARD)
		expect(input.applicationsOpenAt?.toISOString()).toBe('2026-11-01T07:00:00.000Z')
		expect(input.applicationsCloseAt?.toISOString()).toBe('2026-12-10T22:59:00.000Z')
		expect(input.standCount).toBe(24)
		expect(input.categories).toEqual([
			'food', // words left as shown: stays a standard code
			{ code: 'handicrafts', label: 'Rukotvorine', labelEn: 'Handicrafts and souvenirs' }, // renamed in Serbian; the English as it stood
			{ code: 'custom-med-i-pcelinji-proizvodi', label: 'Med i pčelinji proizvodi' },
		])
	})

	test('removal, order by position, and empty new rows ignored', () => {
		const result = parseForm({
			...base,
			'categories[0].code': 'food',
			'categories[0].position': '3',
			'categories[1].code': 'handicrafts',
			'categories[1].remove': 'on',
			'categories[2].code': 'other',
			'categories[2].position': '1',
			'categories[3].label': 'Knjige',
			'categories[3].position': '2',
		})
		expect(result.success, JSON.stringify(result.error?.issues)).toBe(true)
		expect(categoryCodes(fairSettingsFromForm(result.data!, STANDARD).categories)).toEqual(['other', 'custom-knjige', 'food'])
	})

	test('the window must close after it opens and no later than the fair starts', () => {
		expect(
			keysOf(parseForm({ ...base, 'categories[0].code': 'food', applicationsOpenAt: '2026-12-01T10:00', applicationsCloseAt: '2026-12-01T09:00' })),
		).toEqual({
			applicationsCloseAt: 'closesBeforeOpens',
		})
		expect(keysOf(parseForm({ ...base, 'categories[0].code': 'food', applicationsCloseAt: '2026-12-19T10:01' }))).toEqual({
			applicationsCloseAt: 'closesAfterFairStart',
		})
		// Closing exactly at the start is the default and allowed.
		expect(parseForm({ ...base, 'categories[0].code': 'food', applicationsCloseAt: '2026-12-19T10:00' }).success).toBe(true)
		expect(keysOf(parseForm({ ...base, 'categories[0].code': 'food', applicationsOpenAt: '2026-12-20T10:00' }))).toEqual({
			applicationsOpenAt: 'opensAfterFairStart',
		})
		expect(keysOf(parseForm({ ...base, 'categories[0].code': 'food', applicationsOpenAt: '2026-02-30T10:00' }))).toEqual({ applicationsOpenAt: 'dateTime' })
	})

	test('numbers in range; setup and confirmation are required', () => {
		const r = parseForm({ 'categories[0].code': 'food', standCount: '-1', setupMinutesBefore: '2000', confirmationDays: '0' })
		expect(Object.keys(keysOf(r)).sort()).toEqual(['confirmationDays', 'setupMinutesBefore', 'standCount'])
		expect(Object.keys(keysOf(parseForm({ 'categories[0].code': 'food' }))).sort()).toEqual(['confirmationDays', 'setupMinutesBefore'])
	})

	test('categories: at least one, words for new ones, no two with the same name, only known codes', () => {
		expect(keysOf(parseForm({ ...base, 'categories[0].code': 'food', 'categories[0].remove': 'on' }))).toEqual({ categories: 'categoryRequired' })
		expect(keysOf(parseForm({ ...base, 'categories[0].code': 'food', 'categories[0].label': 'Med', 'categories[1].label': 'med' }))).toEqual({
			'categories.1.label': 'categoryTaken',
		})
		expect(keysOf(parseForm({ ...base, 'categories[0].code': 'custom-knjige' }))).toEqual({ 'categories.0.label': 'required' })
		expect(keysOf(parseForm({ ...base, 'categories[0].code': 'weapons', 'categories[0].label': 'Oružje' }))).toEqual({ 'categories.0.label': 'choice' })
		expect(Object.keys(keysOf(parseForm({ ...base, 'categories[0].label': 'K' })))).toEqual(['categories.0.label'])
	})
})

describe('the API body', () => {
	const parse = (body: unknown) => fairSettingsApiSchema(STARTS).safeParse(body)

	test('an empty body is the defaults', () => {
		const r = parse({})
		expect(r.success).toBe(true)
		expect(r.data).toEqual({
			applicationsOpenAt: null,
			applicationsCloseAt: null,
			categories: [...DEFAULT_CATEGORIES],
			standCount: null,
			setupMinutesBefore: 60,
			confirmationDays: 7,
		})
	})

	test('codes, renamed and new categories; GET output can be sent back', () => {
		const r = parse({
			applicationsCloseAt: '2026-12-12T23:59:00+01:00',
			categories: [
				'food',
				{ code: 'plants', label: 'Cveće i rasad', labelEn: 'Flowers and seedlings' },
				{ label: 'Knjige', labelEn: 'Books' },
				{ code: 'other', label: null, labelEn: null, names: { en: 'Other' } },
			],
			standCount: 30,
		})
		expect(r.success, JSON.stringify(r.error?.issues)).toBe(true)
		expect(r.data!.categories).toEqual([
			'food',
			{ code: 'plants', label: 'Cveće i rasad', labelEn: 'Flowers and seedlings' },
			{ code: 'custom-knjige', label: 'Knjige', labelEn: 'Books' },
			'other',
		])
		expect(r.data!.applicationsCloseAt?.toISOString()).toBe('2026-12-12T22:59:00.000Z')
	})

	test('refuses a bad window, unknown fields and codes, a bare own code, duplicates', () => {
		expect(keysOf(parse({ applicationsOpenAt: '2026-12-10T10:00:00+01:00', applicationsCloseAt: '2026-12-09T10:00:00+01:00' }))).toEqual({
			applicationsCloseAt: 'closesBeforeOpens',
		})
		expect(keysOf(parse({ applicationsCloseAt: '2026-12-20T10:00:00+01:00' }))).toEqual({ applicationsCloseAt: 'closesAfterFairStart' })
		expect(parse({ applicationsCloseAt: '2026-12-12 10:00' }).success).toBe(false)
		expect(parse({ colour: 'red' }).success).toBe(false)
		expect(parse({ categories: ['custom-knjige'] }).success).toBe(false)
		expect(parse({ categories: [] }).success).toBe(false)
		expect(keysOf(parse({ categories: ['food', 'food'] }))).toEqual({ 'categories.1': 'categoryTaken' })
		expect(parse({ categories: [{ code: 'custom-Bad Code', label: 'X y' }] }).success).toBe(false)
		expect(parse({ standCount: 1.5 }).success).toBe(false)
		expect(parse({ confirmationDays: 0 }).success).toBe(false)
	})
})

describe('categories', () => {
	const list: FairCategory[] = [
		'food',
		{ code: 'custom-knjige', label: 'Knjige i džepni kalendari', labelEn: 'Books' },
		{ code: 'handicrafts', label: 'Rukotvorine' },
	]

	test('names: catalog words for standard codes, the organizer’s own words otherwise, Cyrillic derived', () => {
		expect(list.map((c) => categoryName(c, 'sr-Latn', standardName))).toEqual(['Hrana i med', 'Knjige i džepni kalendari', 'Rukotvorine'])
		expect(categoryName(list[1]!, 'sr-Cyrl', standardName)).toBe('Књиге и џепни календари')
		expect(categoryName(list[1]!, 'en', standardName)).toBe('Books')
		expect(categoryName(list[2]!, 'en', standardName)).toBe('Rukotvorine')
		// A code the fair no longer lists (an application kept it): the standard word or the code.
		expect(categoryNameByCode(list, 'other', 'sr-Latn', standardName)).toBe('Drugo')
		expect(categoryNameByCode(list, 'custom-gone', 'sr-Latn', standardName)).toBe('custom-gone')
	})

	test('new codes are unique and stable; a rename keeps the code', () => {
		expect(resolveCategories([{ label: 'Med' }, { label: 'Med!' }, { code: 'custom-med-2', label: 'Med?' }])).toEqual([
			{ code: 'custom-med', label: 'Med' },
			{ code: 'custom-med-3', label: 'Med!' },
			{ code: 'custom-med-2', label: 'Med?' },
		])
		expect(resolveCategories([{ code: 'custom-knjige', label: 'Stripovi' }])).toEqual([{ code: 'custom-knjige', label: 'Stripovi' }])
		expect(isCategoryCode('custom-knjige')).toBe(true)
		expect(isCategoryCode('custom-')).toBe(false)
		expect(isCategoryCode('food')).toBe(true)
	})

	test('what a change removes', () => {
		expect(removedCategoryCodes(list, ['food', { code: 'handicrafts', label: 'Ručni rad' }])).toEqual(['custom-knjige'])
		// Plain strings stored before labels existed are still categories.
		expect(removedCategoryCodes(['food', 'plants'], ['food'])).toEqual(['plants'])
	})
})

describe('ownCategoryNames', () => {
	test('names only the fair’s own categories, in the reader’s script', () => {
		const categories = ['food', { code: 'custom-pletivo', label: 'Pletivo i vez', labelEn: 'Knitting' }, { code: 'plants', label: 'Cveće' }]
		expect(ownCategoryNames(categories, 'sr-Latn')).toEqual({ 'custom-pletivo': 'Pletivo i vez', plants: 'Cveće' })
		expect(ownCategoryNames(categories, 'sr-Cyrl')).toEqual({ 'custom-pletivo': 'Плетиво и вез', plants: 'Цвеће' })
		expect(ownCategoryNames(categories, 'en')).toEqual({ 'custom-pletivo': 'Knitting', plants: 'Cveće' })
	})
})

describe('categoryNamesByCode', () => {
	test('names every category of the fair: the organizer’s words for their own, the catalog’s for standard ones', () => {
		const categories = ['food', { code: 'custom-pletivo', label: 'Pletivo i vez', labelEn: 'Knitting' }]
		const standard = (code: string) => `[${code}]`
		expect(categoryNamesByCode(categories, ['food', 'custom-pletivo'], 'sr-Cyrl', standard)).toEqual({ food: '[food]', 'custom-pletivo': 'Плетиво и вез' })
		expect(categoryNamesByCode(categories, ['food', 'custom-pletivo'], 'en', standard)).toEqual({ food: '[food]', 'custom-pletivo': 'Knitting' })
	})
})
