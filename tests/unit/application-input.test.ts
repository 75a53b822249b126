import { describe, expect, test } from 'vitest'
import { applicationApiSchema, matchStandLabel } from '#app/domain/application-input.ts'
import { DEFAULT_CATEGORIES } from '#app/domain/application-options.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'

const now = new Date('2026-11-26T12:00:00+01:00')
const schema = applicationApiSchema(DEFAULT_CATEGORIES, now)

const valid = {
	organization: {
		name: 'Zadruga Rasinka',
		legalForm: 'social_cooperative',
		municipality: 'krusevac',
		companyNumber: '65 794 896',
		pib: '101134702',
		foundedYear: 2019,
		website: 'www.rasinka.rs',
		social: ['https://instagram.com/rasinka'],
	},
	contact: { name: 'Jelena Petrović', email: ' Jelena@Rasinka.rs ', phone: '064 123 4567' },
	products: 'Med, ajvar i džemovi iz Rasinskog okruga',
	category: 'food',
	needs: { power: true, sizeM2: 6 },
	preferences: ['A3', 'B1'],
	consent: { privacy: true, catalogue: true },
	lawStatus: { apr: 'pending', aprDate: '2026-03-01', ways: ['work_integration', 'work_integration'], selfIdentified: true },
	staff: { employees: 6, women: 5, vulnerable: { roma: 2, disability: 1 }, volunteers: 3 },
	description: 'Radna integracija žena iz ruralnih sredina.',
	selling: true,
}

type Body = Record<string, unknown>
const withOrg = (org: Body) => ({ ...valid, organization: { ...valid.organization, ...org } })

function keysOf(data: unknown) {
	const result = schema.safeParse(data)
	if (result.success) return null
	const out: Record<string, string[]> = {}
	for (const issue of result.error.issues) {
		const key = (issue as { params?: { key?: string } }).params?.key ?? issue.code
		;(out[issue.path.join('.')] ??= []).push(key)
	}
	return out
}

describe('the application API schema', () => {
	test('a valid application passes and is normalized', () => {
		const parsed = schema.parse(valid)
		expect(parsed.organization.companyNumber).toBe('65794896')
		expect(parsed.organization.website).toBe('https://www.rasinka.rs')
		expect(parsed.contact.email).toBe('jelena@rasinka.rs')
		expect(parsed.contact.phone).toBe('0641234567')
		expect(parsed.needs).toEqual({ power: true, accessible: false, sizeM2: 6, table: false, chairs: 0 })
		expect(parsed.consent).toEqual({ privacy: true, catalogue: true, research: false })
		expect(parsed.lawStatus?.ways).toEqual(['work_integration'])
	})

	test('the minimum from CONTRACT.md is enough for an informal group', () => {
		const parsed = schema.parse({
			organization: { name: 'Neformalna grupa Vez', legalForm: 'informal_group', municipality: 'brus' },
			contact: { name: 'Ana', email: 'ana@example.rs' },
			products: 'Vez',
			category: 'handicrafts',
			needs: {},
			consent: { privacy: true },
		})
		expect(parsed.preferences).toEqual([])
		expect(parsed.staff).toBeUndefined()
	})

	test('registered forms need MB and PIB; empty strings count as missing', () => {
		expect(keysOf(withOrg({ companyNumber: undefined, pib: '' }))).toEqual({
			'organization.companyNumber': ['companyNumberRequired'],
			'organization.pib': ['pibRequired'],
		})
		expect(keysOf(withOrg({ legalForm: 'other', companyNumber: undefined, pib: undefined }))).toBeNull()
	})

	test.each([
		[{ pib: '101134703' }, 'organization.pib', 'pib'],
		[{ companyNumber: '1234567' }, 'organization.companyNumber', 'companyNumber'],
		[{ foundedYear: 1899 }, 'organization.foundedYear', 'too_small'],
		[{ foundedYear: 2027 }, 'organization.foundedYear', 'too_big'],
		[{ website: 'javascript:alert(1)' }, 'organization.website', 'invalid_format'],
		[{ website: 'ftp://rasinka.rs' }, 'organization.website', 'invalid_format'],
		[{ municipality: 'atlantis' }, 'organization.municipality', 'invalid_value'],
		[{ legalForm: 'plc' }, 'organization.legalForm', 'invalid_value'],
	])('organization %j fails at %s with %s', (org, path, key) => {
		expect(keysOf(withOrg(org))).toEqual({ [path]: [key] })
	})

	test.each(['+381 64 123 4567', '037/123-456', '0641234567', '+381 (37) 123 456'])('phone %s is accepted', (phone) => {
		expect(keysOf({ ...valid, contact: { ...valid.contact, phone } })).toBeNull()
	})

	test.each(['123', '+385 91 123 4567', '064 123 4567 8901', 'call me'])('phone %s is refused', (phone) => {
		expect(keysOf({ ...valid, contact: { ...valid.contact, phone } })).toEqual({ 'contact.phone': ['phone'] })
	})

	test('the category must be one of the fair’s', () => {
		expect(keysOf({ ...valid, category: 'weapons' })).toEqual({ category: ['choice'] })
		const custom = applicationApiSchema(['honey'], now)
		expect(custom.safeParse({ ...valid, category: 'honey' }).success).toBe(true)
		expect(custom.safeParse(valid).success).toBe(false)
	})

	test('staff counts cannot exceed employees', () => {
		expect(keysOf({ ...valid, staff: { employees: 3, women: 4, vulnerable: { roma: 4, youth: 3 } } })).toEqual({
			'staff.women': ['womenOverEmployees'],
			'staff.vulnerable.roma': ['vulnerableOverEmployees'],
		})
		// Per group, not summed: one person may be in several groups.
		expect(keysOf({ ...valid, staff: { employees: 3, vulnerable: { roma: 3, youth: 3 } } })).toBeNull()
		expect(keysOf({ ...valid, staff: { employees: 3, vulnerable: { aliens: 1 } } })).not.toBeNull()
	})

	test('on a published plan a preference names one of its stands, in any case, stored as the plan spells it', () => {
		const labels = ['A3', 'B1', 'Č2']
		expect(matchStandLabel(' a3 ', labels)).toBe('A3')
		expect(matchStandLabel('č2', labels)).toBe('Č2')
		expect(matchStandLabel('kod ulaza', labels)).toBeUndefined()
		const onPlan = applicationApiSchema(DEFAULT_CATEGORIES, now, labels)
		expect(onPlan.parse({ ...valid, preferences: ['b1', ' a3'] }).preferences).toEqual(['B1', 'A3'])
		const refused = onPlan.safeParse({ ...valid, preferences: ['A3', 'X9'] }, { error: makeZodErrorMap(getT('sr-Latn', ['common'])) })
		expect(refused.success).toBe(false)
		expect(issuesToFields(refused.error!.issues)).toEqual({ 'preferences.1': ['Na planu nema štanda „X9“. Izaberite jedan od štandova sa plana.'] })
		// A repeat in another case is still a repeat; an unknown label is not also called a repeat.
		const repeat = onPlan.safeParse({ ...valid, preferences: ['A3', 'a3'] })
		expect(repeat.error?.issues.map((i) => [i.path.join('.'), (i as { params?: { key?: string } }).params?.key])).toEqual([
			['preferences.1', 'duplicatePreference'],
		])
		const unknownTwice = onPlan.safeParse({ ...valid, preferences: ['X9', 'x9'] })
		expect(unknownTwice.error?.issues.map((i) => (i as { params?: { key?: string } }).params?.key)).toEqual(['noSuchStand', 'noSuchStand'])
		// Without a published plan a wish is free text (a zone), as before.
		expect(schema.parse({ ...valid, preferences: ['kod ulaza'] }).preferences).toEqual(['kod ulaza'])
	})

	test('preferences: at most 3, each once', () => {
		expect(keysOf({ ...valid, preferences: ['A1', 'A2', 'A1'] })).toEqual({ 'preferences.2': ['duplicatePreference'] })
		expect(keysOf({ ...valid, preferences: ['A1', 'A2', 'A3', 'A4'] })).toEqual({ preferences: ['too_big'] })
	})

	test('privacy must be acknowledged', () => {
		expect(keysOf({ ...valid, consent: { privacy: false } })).toEqual({ 'consent.privacy': ['privacyRequired'] })
	})

	test('APR date: a real date, not in the future', () => {
		expect(keysOf({ ...valid, lawStatus: { apr: 'yes', aprDate: '2026-02-30' } })).toEqual({ 'lawStatus.aprDate': ['date'] })
		expect(keysOf({ ...valid, lawStatus: { apr: 'yes', aprDate: '2027-01-01' } })).toEqual({ 'lawStatus.aprDate': ['dateInFuture'] })
	})

	test('description is at most 500 characters', () => {
		expect(keysOf({ ...valid, description: 'x'.repeat(501) })).toEqual({ description: ['too_big'] })
	})

	test('messages are translated through the error map', () => {
		const result = schema.safeParse(withOrg({ pib: '101134703' }), { error: makeZodErrorMap(getT('sr-Latn', ['common'])) })
		expect(result.success).toBe(false)
		if (!result.success)
			expect(issuesToFields(result.error.issues)).toEqual({ 'organization.pib': ['PIB ima 9 cifara, a poslednja je kontrolna. Proverite broj.'] })
	})

	test.each([
		null,
		undefined,
		'',
		'[]',
		42,
		[],
		{},
		{ organization: null, contact: [], consent: 'yes' },
		{ ...valid, organization: { ...valid.organization, pib: 101134702, companyNumber: {} } },
		// eslint-disable-next-line no-loss-of-precision -- Infinity from JSON-like input is under test
		{ ...valid, staff: { employees: -1, women: 1e309, vulnerable: [] } },
		{ ...valid, staff: { employees: 3, vulnerable: { __proto__: { roma: 9 }, constructor: 1 } } },
		JSON.parse('{"__proto__": {"polluted": true}, "organization": {"__proto__": {"legalForm": "llc"}}}'),
		{ ...valid, preferences: 'A1' },
		{ ...valid, needs: { sizeM2: Number.NaN, chairs: 'many' } },
		{ ...valid, extra: 1 },
	])('a hostile body is refused without throwing: %j', (body) => {
		expect(() => schema.safeParse(body)).not.toThrow()
		expect(schema.safeParse(body).success).toBe(false)
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})
})
