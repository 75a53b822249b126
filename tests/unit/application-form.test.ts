import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { apiBodyToFormValue, applicationFormSchema, formValueToApiBody } from '#app/domain/application-form.ts'
import { DEFAULT_CATEGORIES } from '#app/domain/application-options.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'

const now = new Date('2026-11-26T12:00:00+01:00')
const schema = applicationFormSchema(DEFAULT_CATEGORIES, now)

function formData(entries: Record<string, string | string[]>) {
	const fd = new FormData()
	for (const [name, value] of Object.entries(entries)) for (const v of [value].flat()) fd.append(name, v)
	return fd
}

const valid: Record<string, string | string[]> = {
	'organization.name': 'Zadruga Rasinka',
	'organization.legalForm': 'social_cooperative',
	'organization.municipality': 'krusevac',
	'organization.companyNumber': '65794896',
	'organization.pib': '101134702',
	'organization.foundedYear': '2019',
	'organization.website': 'www.rasinka.rs',
	'organization.social[0]': '',
	'organization.social[1]': 'https://instagram.com/rasinka',
	'organization.social[2]': '',
	'lawStatus.apr': 'pending',
	'lawStatus.aprDate': '2026-03-01',
	'lawStatus.ways': ['work_integration', 'local_development'],
	'lawStatus.selfIdentified': 'on',
	'staff.employees': '6',
	'staff.women': '5',
	'staff.vulnerable.roma': '2',
	'staff.vulnerable.disability': '',
	'staff.volunteers': '',
	products: 'Med, ajvar i džemovi',
	category: 'food',
	description: 'Radna integracija žena.',
	descriptionEn: '',
	'needs.power': 'on',
	'needs.sizeM2': '6,5',
	'needs.chairs': '2',
	'preferences[0]': 'A3',
	'preferences[1]': '',
	'preferences[2]': 'near the entrance',
	selling: 'yes',
	'contact.name': 'Jelena Petrović',
	'contact.email': 'jelena@rasinka.rs',
	'contact.phone': '',
	'consent.privacy': 'on',
	'consent.research': 'on',
	website: '',
	logoToken: '',
}

const parse = (entries: Record<string, string | string[]>, locale: 'sr-Latn' | 'sr-Cyrl' | 'en' = 'sr-Latn') =>
	parseWithZod(formData(entries), { schema, disableAutoCoercion: true, error: makeZodErrorMap(getT(locale, ['common'])) })

describe('the application form maps onto the API schema', () => {
	test('a full form becomes the API body: numbers, ticks, lists without blanks', () => {
		const submission = parse(valid)
		expect(submission.status).toBe('success')
		if (submission.status !== 'success') return
		const v = submission.value
		expect(v.organization).toMatchObject({
			companyNumber: '65794896',
			pib: '101134702',
			foundedYear: 2019,
			website: 'https://www.rasinka.rs',
			social: ['https://instagram.com/rasinka'],
		})
		expect(v.lawStatus).toEqual({ apr: 'pending', aprDate: '2026-03-01', ways: ['work_integration', 'local_development'], selfIdentified: true })
		expect(v.staff).toEqual({ employees: 6, women: 5, vulnerable: { roma: 2 }, volunteers: 0 })
		expect(v.needs).toEqual({ power: true, accessible: false, sizeM2: 6.5, table: false, chairs: 2 })
		expect(v.preferences).toEqual(['A3', 'near the entrance'])
		expect(v.selling).toBe(true)
		expect(v.consent).toEqual({ privacy: true, catalogue: false, research: true })
		expect(v.contact.phone).toBeUndefined()
	})

	test('blank law status and staff sections are left out, not refused', () => {
		const entries = {
			...valid,
			'lawStatus.apr': '',
			'lawStatus.aprDate': '',
			'lawStatus.ways': [],
			'lawStatus.selfIdentified': '',
			'staff.employees': '',
			'staff.women': '',
			'staff.vulnerable.roma': '',
		}
		const submission = parse(entries)
		expect(submission.status).toBe('success')
		if (submission.status === 'success') {
			expect(submission.value.lawStatus).toBeUndefined()
			expect(submission.value.staff).toBeUndefined()
		}
	})

	test('field errors carry the form names and read in the chosen language', () => {
		const submission = parse({ ...valid, 'organization.pib': '101134703', 'organization.companyNumber': '123', 'staff.women': '9', 'consent.privacy': '' })
		expect(submission.status).toBe('error')
		const errors = submission.reply().error ?? {}
		expect(errors['organization.pib']).toEqual(['PIB ima 9 cifara, a poslednja je kontrolna. Proverite broj.'])
		expect(errors['organization.companyNumber']).toHaveLength(1)
		expect(errors['staff.women']).toEqual(['Broj zaposlenih žena ne može biti veći od ukupnog broja zaposlenih.'])
		expect(errors['consent.privacy']?.[0]).toMatch(/privatnosti/)
		const en = parse({ ...valid, 'organization.pib': '101134703' }, 'en').reply().error ?? {}
		expect(en['organization.pib']?.[0]).toMatch(/PIB/)
		expect(en['organization.pib']?.[0]).not.toMatch(/cifara/)
		const cyrl = parse({ ...valid, 'organization.pib': '101134703' }, 'sr-Cyrl').reply().error ?? {}
		expect(cyrl['organization.pib']?.[0]).toMatch(/[а-я]/)
	})

	test('registered forms must give MB and PIB; an informal group need not', () => {
		const blank = { ...valid, 'organization.companyNumber': '', 'organization.pib': '' }
		const errors = parse(blank).reply().error ?? {}
		expect(Object.keys(errors).sort()).toEqual(['organization.companyNumber', 'organization.pib'])
		expect(parse({ ...blank, 'organization.legalForm': 'informal_group' }).status).toBe('success')
	})

	test('a word in a number field asks for a number; ways alone need the APR answer', () => {
		const errors = parse({ ...valid, 'staff.employees': 'six', 'lawStatus.apr': '' }).reply().error ?? {}
		expect(errors['staff.employees']).toEqual(['Unesite broj.'])
		expect(errors['lawStatus.apr']).toEqual(['Izaberite jednu od ponuđenih vrednosti.'])
	})

	test('a category the fair does not offer is refused', () => {
		const narrow = applicationFormSchema(['food'], now)
		const submission = parseWithZod(formData({ ...valid, category: 'plants' }), { schema: narrow, disableAutoCoercion: true })
		expect(Object.keys(submission.reply().error ?? {})).toEqual(['category'])
	})

	test('on a published plan the form takes only its stand labels, with the plan’s message', () => {
		const onPlan = applicationFormSchema(DEFAULT_CATEGORIES, now, ['A3', 'B12'])
		const form = (entries: Record<string, string>, locale: 'sr-Latn' | 'en' = 'sr-Latn') =>
			parseWithZod(formData({ ...valid, ...entries }), { schema: onPlan, disableAutoCoercion: true, error: makeZodErrorMap(getT(locale, ['common'])) })
		const refused = form({ 'preferences[0]': 'A3', 'preferences[2]': 'near the entrance' }, 'en')
		expect(refused.reply().error).toEqual({ 'preferences[1]': ['There is no stand “near the entrance” on the plan. Choose one of the plan’s stands.'] })
		const accepted = form({ 'preferences[0]': 'b12', 'preferences[1]': '', 'preferences[2]': 'a3' })
		if (accepted.status !== 'success') throw new Error('valid stands refused')
		expect(accepted.value.preferences).toEqual(['B12', 'A3'])
	})

	test('a stored application round-trips through the edit form', () => {
		const submission = parse(valid)
		if (submission.status !== 'success') throw new Error('valid form refused')
		const formValue = apiBodyToFormValue(submission.value)
		expect(formValue.organization.social).toEqual(['https://instagram.com/rasinka', '', ''])
		expect(formValue.preferences).toEqual(['A3', 'near the entrance', ''])
		expect(schema.parse(formValue)).toEqual(submission.value)
		expect(formValueToApiBody(formValue)).toMatchObject({ selling: true, consent: { privacy: true } })
	})
})
