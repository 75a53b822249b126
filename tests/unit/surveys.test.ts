import { describe, expect, test } from 'vitest'
import { catalogKeys, type Catalog } from '#app/domain/catalog.ts'
import { questionFromInput, SurveyCreateSchema, SurveyPatchSchema, type SurveyQuestion } from '#app/domain/survey-definition.ts'
import { numberBuckets, surveyResults } from '#app/domain/survey-results.ts'
import { answersFromForm, parseAnswers, roundDownToHour, surveyState } from '#app/domain/survey-rules.ts'
import { SURVEY_TEMPLATES, surveyFromTemplate, templateKeys } from '#app/domain/survey-templates.ts'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import { resources } from '#app/utils/i18n-catalogs.server.ts'

const questions: SurveyQuestion[] = [
	questionFromInput({ id: 'scale', kind: 'likert5', label: 'Slažem se', required: true }),
	questionFromInput({ id: 'color', kind: 'single', label: 'Boja', options: ['crvena', { value: 'plava', label: { 'sr-Latn': 'Plava', en: 'Blue' } }] }),
	questionFromInput({ id: 'tags', kind: 'multi', label: 'Oznake', options: ['a', 'b', 'c'] }),
	questionFromInput({ id: 'age', kind: 'number', label: 'Godine', min: 15, max: 99 }),
	questionFromInput({ id: 'note', kind: 'text', label: 'Napomena' }),
]

const fieldsOf = (result: ReturnType<typeof SurveyCreateSchema.safeParse>) =>
	result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), (i as { params?: { key?: string } }).params?.key ?? i.code]))

describe('the survey definition', () => {
	test('a text written in Latin gets its Cyrillic; options as strings are their own values', () => {
		expect(questions[1]!.label).toEqual({ 'sr-Latn': 'Boja', 'sr-Cyrl': 'Боја' })
		expect(questions[1]!.options).toEqual([
			{ value: 'crvena', label: { 'sr-Latn': 'crvena', 'sr-Cyrl': 'црвена' } },
			{ value: 'plava', label: { 'sr-Latn': 'Plava', 'sr-Cyrl': 'Плава', en: 'Blue' } },
		])
		expect(questions[0]!.required).toBe(true)
		expect(questions[1]!.required).toBe(false)
	})

	test('clear field errors for a broken definition', () => {
		const result = SurveyCreateSchema.safeParse({
			title: '',
			extra: 1,
			opensAt: '2026-12-05T10:00:00+01:00',
			closesAt: '2026-12-05T09:00:00+01:00',
			questions: [
				{ id: 'a', kind: 'single', label: 'A' },
				{ id: 'a', kind: 'text', label: 'B', options: ['x', 'y'] },
				{ id: 'bad id!', kind: 'poll', label: 'C' },
				{ id: 'n', kind: 'number', label: 'N', min: 5, max: 5 },
				{ id: 'm', kind: 'multi', label: 'M', options: ['x', 'x'] },
				{ id: 's', kind: 'likert5', label: 'S', min: 1 },
			],
		})
		expect(fieldsOf(result)).toMatchObject({
			title: 'too_small',
			'': 'unrecognized_keys',
			'questions.0.options': 'optionsRequired',
			'questions.1.options': 'optionsNotAllowed',
			'questions.2.id': 'questionId',
			'questions.2.kind': 'invalid_value',
			'questions.3.max': 'maxNotAboveMin',
			'questions.4.options.1': 'duplicateOption',
			'questions.5.min': 'numberOnly',
		})
		// Rules across fields are checked once the fields themselves are valid (like an event's endsAt).
		const second = SurveyCreateSchema.safeParse({
			title: 'Anketa',
			opensAt: '2026-12-05T10:00:00+01:00',
			closesAt: '2026-12-05T09:00:00+01:00',
			questions: [
				{ id: 'a', kind: 'text', label: 'A' },
				{ id: 'a', kind: 'text', label: 'B' },
			],
		})
		expect(fieldsOf(second)).toEqual({ closesAt: 'surveyClosesBeforeOpens', 'questions.1.id': 'duplicateQuestion' })
	})

	test('a patch takes any field, a status alone included', () => {
		expect(SurveyPatchSchema.safeParse({ status: 'closed' }).success).toBe(true)
		expect(SurveyPatchSchema.safeParse({ status: 'archived' }).success).toBe(false)
		expect(SurveyPatchSchema.safeParse({ questions: [] }).success).toBe(false)
	})
})

describe('surveyState', () => {
	const at = (iso: string) => new Date(iso)
	const now = at('2026-12-05T12:00:00Z')
	test.each([
		['draft', null, null, 'draft'],
		['draft', '2026-12-01T00:00:00Z', null, 'draft'],
		['closed', null, null, 'closed'],
		['open', null, null, 'open'],
		['open', '2026-12-06T00:00:00Z', null, 'scheduled'],
		['open', '2026-12-05T12:00:00Z', null, 'open'],
		['open', null, '2026-12-05T12:00:00Z', 'closed'],
		['open', '2026-12-01T00:00:00Z', '2026-12-10T00:00:00Z', 'open'],
	] as const)('%s from %s to %s is %s', (status, opensAt, closesAt, state) => {
		expect(surveyState({ status, opensAt: opensAt ? at(opensAt) : null, closesAt: closesAt ? at(closesAt) : null }, now)).toBe(state)
	})

	test('a response is kept under the hour, rounded down', () => {
		expect(roundDownToHour(at('2026-12-05T10:59:59.999Z')).toISOString()).toBe('2026-12-05T10:00:00.000Z')
	})
})

describe('parseAnswers', () => {
	test('valid answers of every kind; blanks are no answer; multi in the question’s order', () => {
		const result = parseAnswers(questions, { scale: 4, color: 'plava', tags: ['c', 'a'], age: 30, note: '  Dobro  ', extra: undefined })
		expect(result).toEqual({ ok: false, issues: { extra: { key: 'unknownQuestion' } } })
		expect(parseAnswers(questions, { scale: 4, color: 'plava', tags: ['c', 'a'], age: 30, note: '  Dobro  ' })).toEqual({
			ok: true,
			answers: { scale: 4, color: 'plava', tags: ['a', 'c'], age: 30, note: 'Dobro' },
		})
		expect(parseAnswers(questions, { scale: 1, color: null, tags: [], note: '   ' })).toEqual({ ok: true, answers: { scale: 1 } })
	})

	test('every wrong kind, range or unknown id is named', () => {
		const result = parseAnswers(questions, { scale: 6, color: 'zelena', tags: ['a', 'a'], age: 14, note: 'x'.repeat(2001), nope: 1 })
		expect(result).toEqual({
			ok: false,
			issues: {
				scale: { key: 'scalePoint' },
				color: { key: 'choice' },
				tags: { key: 'choices' },
				age: { key: 'tooSmall', values: { min: 15 } },
				note: { key: 'tooLong', values: { count: 2000 } },
				nope: { key: 'unknownQuestion' },
			},
		})
		expect(parseAnswers(questions, { scale: '3', tags: 'a', age: 30.5, note: 5 })).toMatchObject({
			ok: false,
			issues: { scale: { key: 'scalePoint' }, tags: { key: 'choices' }, age: { key: 'wholeNumber' }, note: { key: 'type' } },
		})
		expect(parseAnswers(questions, { color: 'crvena' })).toEqual({ ok: false, issues: { scale: { key: 'required' } } })
		expect(parseAnswers(questions, [1, 2])).toEqual({ ok: false, issues: { _: { key: 'type' } } })
		expect(parseAnswers(questions, JSON.parse('{"__proto__": 1, "scale": 3}'))).toMatchObject({ ok: false, issues: { __proto__: { key: 'unknownQuestion' } } })
	})

	test('a page form becomes the same answers', () => {
		const form = new URLSearchParams('q.scale=5&q.color=crvena&q.tags=b&q.tags=a&q.age=40&q.note=&q.other=1')
		expect(parseAnswers(questions, answersFromForm(questions, form))).toEqual({ ok: true, answers: { scale: 5, color: 'crvena', tags: ['a', 'b'], age: 40 } })
		expect(parseAnswers(questions, answersFromForm(questions, new URLSearchParams('q.scale=x&q.age=abc')))).toMatchObject({
			ok: false,
			issues: { scale: { key: 'scalePoint' }, age: { key: 'number' } },
		})
	})
})

describe('survey results with small-cell suppression', () => {
	const scale = questions[0]!
	const many = (n: number, answers: Record<string, unknown>) => Array.from({ length: n }, () => answers)

	test('counts under 5 are null, and so is the next smallest so the hidden one cannot be worked out', () => {
		// 10 × "4", 6 × "5", 2 × "1": the 2 is hidden, and with the answered total shown the next
		// smallest (6) is hidden too.
		const rows = [...many(10, { scale: 4 }), ...many(6, { scale: 5 }), ...many(2, { scale: 1 })]
		const result = surveyResults([scale], rows).questions[0]!
		expect(result).toEqual({ id: 'scale', kind: 'likert5', answered: 18, counts: { '1': null, '2': 0, '3': 0, '4': 10, '5': null } })
		// Secondary suppression holds: the total minus the shown cells gives only the sum of the hidden ones.
		const shown = Object.values(result.counts).reduce<number>((sum, n) => sum + (n ?? 0), 0)
		expect(result.answered! - shown).toBe(8)
	})

	test('a small total hides everything but zeros; the number of responses is always shown', () => {
		const results = surveyResults([scale], many(3, { scale: 2 }))
		expect(results.responses).toBe(3)
		expect(results.questions[0]).toMatchObject({ answered: null, counts: { '1': 0, '2': null, '3': 0 } })
	})

	test('large counts are all shown', () => {
		const rows = [...many(5, { color: 'crvena' }), ...many(7, { color: 'plava' }), ...many(3, {})]
		expect(surveyResults([questions[1]!], rows)).toEqual({
			responses: 15,
			questions: [{ id: 'color', kind: 'single', answered: 12, counts: { crvena: 5, plava: 7 } }],
		})
	})

	test('multi: each option against those who answered, neither a small "chosen" nor a small "not chosen"', () => {
		// 20 answered: a chosen by 18 (2 did not), b by 11, c by 3.
		const rows = [...many(2, { tags: ['b', 'c'] }), ...many(1, { tags: ['a', 'c'] }), ...many(9, { tags: ['a', 'b'] }), ...many(8, { tags: ['a'] })]
		const result = surveyResults([questions[2]!], rows).questions[0]!
		expect(result).toEqual({ id: 'tags', kind: 'multi', answered: 20, counts: { a: null, b: 11, c: null } })
	})

	test('number answers fall into fixed buckets with the same rule', () => {
		expect(numberBuckets({}).map((b) => b.key)).toEqual(['0', '1-4', '5-9', '10-19', '20-49', '50-99', '100+'])
		expect(numberBuckets({ min: 15, max: 99 }).map((b) => b.key)).toEqual(['15-19', '20-49', '50-99'])
		expect(numberBuckets({ min: 18, max: 120, buckets: [24, 34, 49, 64] }).map((b) => b.key)).toEqual(['18-24', '25-34', '35-49', '50-64', '65-120'])
		const rows = [...many(6, { age: 17 }), ...many(5, { age: 30 }), ...many(1, { age: 70 })]
		expect(surveyResults([questions[3]!], rows).questions[0]).toEqual({
			id: 'age',
			kind: 'number',
			answered: 12,
			counts: { '15-19': 6, '20-49': null, '50-99': null },
		})
	})

	test('text answers only when asked for, sorted', () => {
		const rows = [{ note: 'Više klupa' }, { note: 'Bolji zvuk' }, {}]
		expect(surveyResults([questions[4]!], rows).questions[0]).toEqual({ id: 'note', kind: 'text', answered: null, counts: {} })
		expect(surveyResults([questions[4]!], rows, { includeText: true }).questions[0]!.texts).toEqual(['Bolji zvuk', 'Više klupa'])
	})

	test('no hidden count can be recovered from the total and the shown counts (random tables)', () => {
		let seed = 7
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
		for (let round = 0; round < 300; round++) {
			const rows = Array.from({ length: Math.floor(random() * 40) }, () => ({ scale: 1 + Math.floor(random() * 5) }))
			const { answered, counts } = surveyResults([scale], rows).questions[0]!
			const hidden = Object.entries(counts).filter(([, n]) => n === null)
			for (const [key, n] of Object.entries(counts)) {
				const raw = rows.filter((r) => String(r.scale) === key).length
				if (raw > 0 && raw < 5) expect(n).toBeNull()
			}
			if (answered !== null && hidden.length > 0) {
				expect(hidden.length).toBeGreaterThanOrEqual(2)
				const hiddenSum = answered - Object.values(counts).reduce<number>((s, n) => s + (n ?? 0), 0)
				expect(hiddenSum).toBeGreaterThanOrEqual(5)
			}
		}
	})
})

describe('the two templates', () => {
	const catalog = (locale: 'sr-Latn' | 'sr-Cyrl' | 'en') => resources[locale]['survey-templates'] as unknown as Catalog
	const lookup = (locale: 'sr-Latn' | 'sr-Cyrl' | 'en', key: string) => key.split('.').reduce<unknown>((o, k) => (o as Catalog)?.[k], catalog(locale)) as string

	test.each(SURVEY_TEMPLATES)('%s: 6–10 questions, every text in three languages, and nothing unused in the catalog', (name) => {
		const survey = surveyFromTemplate(name, (key) => ({ 'sr-Latn': lookup('sr-Latn', key), 'sr-Cyrl': lookup('sr-Cyrl', key), en: lookup('en', key) }))
		expect(survey.questions.length).toBeGreaterThanOrEqual(6)
		expect(survey.questions.length).toBeLessThanOrEqual(10)
		for (const key of templateKeys(name)) {
			expect(lookup('sr-Latn', key), key).toBeTruthy()
			expect(lookup('en', key), key).toBeTruthy()
			expect(lookup('sr-Cyrl', key)).toBe(latinToCyrillic(lookup('sr-Latn', key)))
		}
		expect(
			catalogKeys(catalog('sr-Latn'))
				.filter((k) => k.startsWith(`${name}.`))
				.sort(),
		).toEqual(templateKeys(name).sort())
		// The survey it builds is a valid definition.
		expect(SurveyCreateSchema.safeParse({ title: survey.title, questions: survey.questions }).success).toBe(true)
	})
})
