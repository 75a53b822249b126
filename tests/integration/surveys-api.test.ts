// The surveys API over real HTTP against the built server (issue 15): create and change, the lock
// after the first answer, the public survey in three languages, anonymous answers and their
// refusals, one-time tokens, suppressed results, and a fuzz of random bodies.
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as schema from '#db/schema/index.ts'
import { issueSurveyToken } from '#app/services/commands/surveys.server.ts'
import type { Db } from '#app/utils/db.server.ts'
import { apiCall, cliToken, expectApiError, type ApiOptions } from '#tests/support/api-client.ts'
import { dbAll, dbValue } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string
let scanner: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)
const asOrganizer = (method: string, path: string, options: ApiOptions = {}) => api(method, path, { token: organizer, ...options })

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
	scanner = await cliToken(server, 'scanner')
})

afterAll(async () => {
	await server?.stop()
})

let counter = 0
const QUESTIONS = [
	{ id: 'agree', kind: 'likert5', label: { 'sr-Latn': 'Događaj je bio koristan.', en: 'The event was useful.' }, required: true },
	{
		id: 'heard',
		kind: 'single',
		label: { 'sr-Latn': 'Kako ste saznali?', en: 'How did you hear?' },
		options: [
			{ value: 'friends', label: { 'sr-Latn': 'Od prijatelja', en: 'From friends' } },
			{ value: 'web', label: { 'sr-Latn': 'Na sajtu', en: 'On the website' } },
		],
	},
	{ id: 'groups', kind: 'multi', label: 'Koje grupe?', options: ['roma', 'disability', 'youth'] },
	{ id: 'visits', kind: 'number', label: 'Koliko puta ste bili?', min: 0, max: 50 },
	{ id: 'improve', kind: 'text', label: { 'sr-Latn': 'Šta da poboljšamo?', en: 'What should we improve?' } },
]

async function createSurvey(fields: Record<string, unknown> = {}) {
	const result = await asOrganizer('POST', '/api/v1/surveys', {
		body: { title: { 'sr-Latn': `Anketa ${++counter}`, en: `Survey ${counter}` }, questions: QUESTIONS, status: 'open', ...fields },
	})
	expect(result.status, result.text).toBe(201)
	return result.body.survey as { slug: string; url: string; [key: string]: any }
}

const answer = (slug: string, body: unknown, options: ApiOptions = {}) => api('POST', `/api/v1/surveys/${slug}/responses`, { body, ...options })
const stored = (slug: string) => dbValue<number>(server, 'SELECT count(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?', slug)
const allStored = () => dbValue<number>(server, 'SELECT count(*) FROM survey_responses')

describe('creating and changing a survey', () => {
	test('POST makes a survey with its url, texts in three languages and a slug from the title', async () => {
		const survey = await createSurvey({ description: 'Kratko.' })
		expect(survey).toMatchObject({
			slug: expect.stringMatching(/^anketa-\d+$/),
			url: expect.stringMatching(/^https?:\/\/[^/]+\/surveys\/anketa-\d+$/),
			title: { 'sr-Latn': expect.stringMatching(/^Anketa/), 'sr-Cyrl': expect.stringMatching(/^Анкета/), en: expect.stringMatching(/^Survey/) },
			description: { 'sr-Latn': 'Kratko.', 'sr-Cyrl': 'Кратко.' },
			status: 'open',
			state: 'open',
			event: null,
			responses: 0,
			locked: false,
		})
		expect(survey.questions[2].options[0]).toEqual({ value: 'roma', label: { 'sr-Latn': 'roma', 'sr-Cyrl': 'рома' } })
	})

	test('only organizers create; an invalid body names each field', async () => {
		expectApiError(await api('POST', '/api/v1/surveys', { body: { title: 'x', questions: QUESTIONS } }), 401, 'unauthorized')
		expectApiError(await api('POST', '/api/v1/surveys', { token: scanner, body: { title: 'x', questions: QUESTIONS } }), 403, 'forbidden')
		const bad = await asOrganizer('POST', '/api/v1/surveys?lang=en', {
			body: {
				title: '',
				questions: [
					{ id: 'a', kind: 'poll', label: 'A' },
					{ id: 'b', kind: 'single', label: 'B' },
				],
				status: 'archived',
				extra: true,
			},
		})
		expectApiError(bad, 422, 'invalid_fields')
		expect(Object.keys(bad.body.fields).sort()).toEqual(['extra', 'questions.0.kind', 'questions.1.options', 'status', 'title'])
		expect(bad.body.fields['questions.1.options']).toEqual(['A choice question needs at least two options.'])
	})

	test('an event is named by its slug: unknown is 422 on `event`', async () => {
		const unknown = await asOrganizer('POST', '/api/v1/surveys', { body: { title: 'Anketa bez događaja', questions: QUESTIONS, event: 'nema-ga' } })
		expectApiError(unknown, 422, 'invalid_fields')
		expect(Object.keys(unknown.body.fields)).toEqual(['event'])
		const event = await createPublishedWorkshop(server, organizer)
		const survey = await createSurvey({ event: event.slug })
		expect(survey.event).toBe(event.slug)
	})

	test('PATCH changes fields; after the first answer only status and dates change (409 survey_locked)', async () => {
		const survey = await createSurvey({ status: 'draft' })
		const changed = await asOrganizer('PATCH', `/api/v1/surveys/${survey.slug}`, { body: { questions: QUESTIONS.slice(0, 2), status: 'open' } })
		expect(changed.status, changed.text).toBe(200)
		expect(changed.body.survey.questions).toHaveLength(2)
		expect((await answer(survey.slug, { answers: { agree: 4 } })).status).toBe(201)
		expectApiError(await asOrganizer('PATCH', `/api/v1/surveys/${survey.slug}`, { body: { questions: QUESTIONS } }), 409, 'survey_locked')
		expectApiError(await asOrganizer('PATCH', `/api/v1/surveys/${survey.slug}`, { body: { title: 'Drugi naslov' } }), 409, 'survey_locked')
		// The same questions sent back unchanged are fine (a client's GET-modify-PATCH).
		const same = await asOrganizer('PATCH', `/api/v1/surveys/${survey.slug}`, {
			body: { questions: QUESTIONS.slice(0, 2), closesAt: '2040-01-01T00:00:00+01:00' },
		})
		expect(same.status, same.text).toBe(200)
		expect(same.body.survey).toMatchObject({ locked: true, responses: 1, closesAt: '2039-12-31T23:00:00.000Z' })
		const closed = await asOrganizer('PATCH', `/api/v1/surveys/${survey.slug}`, { body: { status: 'closed' } })
		expect(closed.body.survey.state).toBe('closed')
		expectApiError(await asOrganizer('PATCH', '/api/v1/surveys/nema-je', { body: { status: 'closed' } }), 404, 'not_found')
	})

	test('GET /api/v1/surveys lists them for organizers', async () => {
		const survey = await createSurvey()
		expectApiError(await api('GET', '/api/v1/surveys'), 401, 'unauthorized')
		const list = await asOrganizer('GET', '/api/v1/surveys')
		expect(list.body.surveys.map((s: { slug: string }) => s.slug)).toContain(survey.slug)
	})
})

describe('the public survey', () => {
	test('in the caller’s language: Latin, Cyrillic, English (Serbian where English is missing)', async () => {
		const survey = await createSurvey()
		const latin = await api('GET', `/api/v1/surveys/${survey.slug}?lang=sr-Latn`)
		expect(latin.status).toBe(200)
		expect(latin.body.survey).toMatchObject({ lang: 'sr-Latn', state: 'open', title: expect.stringMatching(/^Anketa/) })
		expect(latin.body.survey.questions[0]).toMatchObject({ id: 'agree', kind: 'likert5', label: 'Događaj je bio koristan.', required: true })
		expect(latin.body.survey.questions[0].scale[0]).toEqual({ value: 1, label: 'Uopšte se ne slažem' })
		const cyrl = await api('GET', `/api/v1/surveys/${survey.slug}?lang=sr-Cyrl`)
		expect(cyrl.body.survey.questions[1]).toMatchObject({
			label: 'Како сте сазнали?',
			options: [
				{ value: 'friends', label: 'Од пријатеља' },
				{ value: 'web', label: 'На сајту' },
			],
		})
		const en = await api('GET', `/api/v1/surveys/${survey.slug}`, { headers: { 'Accept-Language': 'en' } })
		expect(en.body.survey).toMatchObject({ title: expect.stringMatching(/^Survey/), lang: 'sr-Latn' })
		expect(en.body.survey.questions[0].scale[4]).toEqual({ value: 5, label: 'Strongly agree' })
		expect(en.body.survey.questions[2].label).toBe('Koje grupe?')
		expect(en.body.survey.questions[3]).toMatchObject({ min: 0, max: 50 })
	})

	test('a draft is 404 to the public, visible to organizers', async () => {
		const survey = await createSurvey({ status: 'draft' })
		expectApiError(await api('GET', `/api/v1/surveys/${survey.slug}`), 404, 'not_found')
		expectApiError(await answer(survey.slug, { answers: { agree: 3 } }), 404, 'not_found')
		expect((await asOrganizer('GET', `/api/v1/surveys/${survey.slug}`)).status).toBe(200)
		expect(await stored(survey.slug)).toBe(0)
	})
})

describe('answering', () => {
	test('201 for valid answers, stored anonymously: no address, user, registration, token, and the time to the hour', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		const survey = await createSurvey({ event: event.slug })
		const result = await answer(survey.slug, { answers: { agree: 5, heard: 'web', groups: ['youth', 'roma'], visits: 3, improve: '  Više klupa.  ' } })
		expect(result.status, result.text).toBe(201)
		const rows = dbAll<Record<string, unknown>>(server, 'SELECT r.* FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?', survey.slug)
		expect(rows).toHaveLength(1)
		expect(Object.keys(rows[0]!).sort()).toEqual(['answers', 'event_id', 'id', 'submitted_at', 'survey_id'])
		expect(JSON.parse(rows[0]!.answers as string)).toEqual({ agree: 5, heard: 'web', groups: ['roma', 'youth'], visits: 3, improve: 'Više klupa.' })
		expect(rows[0]!.event_id).toBe(event.id)
		expect((rows[0]!.submitted_at as number) % 3_600_000).toBe(0)
		// No audit row names a respondent either.
		expect(dbValue<number>(server, "SELECT count(*) FROM audit_log WHERE action LIKE 'survey.response%'")).toBe(0)
	})

	test('422 names each question: wrong kind, out of range, not an option, unknown id, a missing required answer', async () => {
		const survey = await createSurvey()
		const bad = await answer(
			survey.slug,
			{ answers: { agree: 7, heard: 'tv', groups: 'roma', visits: 51, improve: 12, nope: 'x' } },
			{ headers: { 'Accept-Language': 'en' } },
		)
		expectApiError(bad, 422, 'invalid_fields')
		expect(bad.body.fields).toEqual({
			agree: ['Choose one of the five points, from 1 to 5.'],
			heard: ['Choose one of the offered values.'],
			groups: ['Choose from the given options, each at most once.'],
			visits: ['The largest allowed value is 50.'],
			improve: ['This value is not valid.'],
			nope: ['This survey has no such question.'],
		})
		const missing = await answer(survey.slug, { answers: { heard: 'web' } })
		expect(missing.body.fields).toEqual({ agree: ['Ovo polje je obavezno.'] })
		expectApiError(await answer(survey.slug, { answers: { agree: 3 }, extra: 1 }), 422, 'invalid_fields')
		expectApiError(await answer(survey.slug, {}), 422, 'invalid_fields')
		expectApiError(await answer(survey.slug, { answers: { agree: 3 }, event: 'nema-ga' }), 422, 'invalid_fields')
		expect(await stored(survey.slug)).toBe(0)
	})

	test('a 100 kB text answer is refused and nothing is stored', async () => {
		const survey = await createSurvey()
		const result = await answer(survey.slug, { answers: { agree: 3, improve: 'x'.repeat(100_000) } })
		expect([413, 422]).toContain(result.status)
		expect(result.body.error).toMatch(/payload_too_large|invalid_fields/)
		const long = await answer(survey.slug, { answers: { agree: 3, improve: 'x'.repeat(2001) } })
		expect(long.body.fields).toEqual({ improve: ['Najviše 2000 znakova.'] })
		expect(await stored(survey.slug)).toBe(0)
	})

	test('a closed survey is 409 survey_closed; a scheduled one 409 survey_not_open_yet', async () => {
		const closed = await createSurvey({ status: 'closed' })
		expectApiError(await answer(closed.slug, { answers: { agree: 3 } }), 409, 'survey_closed')
		const ended = await createSurvey({ closesAt: '2020-01-01T00:00:00+01:00' })
		expectApiError(await answer(ended.slug, { answers: { agree: 3 } }), 409, 'survey_closed')
		const later = await createSurvey({ opensAt: '2040-01-01T00:00:00+01:00' })
		expect((await api('GET', `/api/v1/surveys/${later.slug}`)).body.survey.state).toBe('scheduled')
		expectApiError(await answer(later.slug, { answers: { agree: 3 } }), 409, 'survey_not_open_yet')
		expect((await stored(closed.slug)) + (await stored(ended.slug)) + (await stored(later.slug))).toBe(0)
	})

	test('a one-time token works once; a second use or a wrong token stores nothing', async () => {
		const survey = await createSurvey()
		const other = await createSurvey()
		const surveyId = dbValue<number>(server, 'SELECT id FROM surveys WHERE slug = ?', survey.slug)
		const sqlite = new Database(server.dbPath)
		let token: string
		try {
			sqlite.pragma('busy_timeout = 5000')
			const db = drizzle(sqlite, { schema }) as Db
			token = db.transaction((tx) => issueSurveyToken(tx as unknown as Db, surveyId))
		} finally {
			sqlite.close()
		}
		expect(token).toMatch(/^svy_[A-Za-z0-9_-]{43}$/)
		// Only the hash is kept, with the hour.
		const [row] = dbAll<{ token_hash: string; created_at: number; used_at: null }>(server, 'SELECT * FROM survey_tokens WHERE survey_id = ?', surveyId)
		expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/)
		expect(row!.created_at % 3_600_000).toBe(0)

		expectApiError(await answer(other.slug, { answers: { agree: 3 }, token }), 403, 'survey_token_invalid')
		expectApiError(await answer(survey.slug, { answers: { agree: 9 }, token }), 422, 'invalid_fields')
		expect((await answer(survey.slug, { answers: { agree: 3 }, token })).status).toBe(201)
		expectApiError(await answer(survey.slug, { answers: { agree: 4 }, token }), 409, 'survey_token_used')
		expectApiError(await answer(survey.slug, { answers: { agree: 4 }, token: 'svy_junk' }), 403, 'survey_token_invalid')
		expect(await stored(survey.slug)).toBe(1)
		expect(await stored(other.slug)).toBe(0)
		expect(dbValue<number>(server, 'SELECT used_at % 3600000 FROM survey_tokens WHERE survey_id = ?', surveyId)).toBe(0)
	})
})

describe('results', () => {
	test('counts with small cells null (and the next smallest), text answers for organizers who ask', async () => {
		const survey = await createSurvey()
		const send = async (answers: Record<string, unknown>, times: number) => {
			for (let i = 0; i < times; i++) expect((await answer(survey.slug, { answers })).status).toBe(201)
		}
		await send({ agree: 4, heard: 'web', groups: ['roma'], visits: 2, improve: 'Više klupa' }, 8)
		await send({ agree: 5, heard: 'friends', groups: ['roma', 'youth'], visits: 30 }, 6)
		await send({ agree: 1 }, 2)
		expectApiError(await api('GET', `/api/v1/surveys/${survey.slug}/results`), 401, 'unauthorized')
		expectApiError(await api('GET', `/api/v1/surveys/${survey.slug}/results`, { token: scanner }), 403, 'forbidden')
		const results = await asOrganizer('GET', `/api/v1/surveys/${survey.slug}/results`)
		expect(results.status, results.text).toBe(200)
		const byId = Object.fromEntries(results.body.questions.map((q: { id: string }) => [q.id, q]))
		expect(results.body.responses).toBe(16)
		expect(byId.agree).toEqual({ id: 'agree', kind: 'likert5', answered: 16, counts: { '1': null, '2': 0, '3': 0, '4': 8, '5': null } })
		expect(byId.heard).toEqual({ id: 'heard', kind: 'single', answered: 14, counts: { friends: 6, web: 8 } })
		// roma: 14 of 14 chosen (0 not chosen); youth 6 of 14.
		expect(byId.groups).toEqual({ id: 'groups', kind: 'multi', answered: 14, counts: { roma: 14, disability: 0, youth: 6 } })
		expect(byId.visits).toEqual({ id: 'visits', kind: 'number', answered: 14, counts: { '0': 0, '1-4': 8, '5-9': 0, '10-19': 0, '20-49': 6, '50': 0 } })
		expect(byId.improve).toEqual({ id: 'improve', kind: 'text', answered: 8, counts: {} })
		const withText = await asOrganizer('GET', `/api/v1/surveys/${survey.slug}/results?include=text`)
		expect(withText.body.questions.find((q: { id: string }) => q.id === 'improve').texts).toEqual(Array(8).fill('Više klupa'))
		expectApiError(await asOrganizer('GET', `/api/v1/surveys/${survey.slug}/results?include=all`), 422, 'invalid_fields')
		expectApiError(await api('GET', `/api/v1/surveys/${survey.slug}/results?include=text`), 401, 'unauthorized')
	})

	test('the event filter keeps the responses given for that event', async () => {
		const a = await createPublishedWorkshop(server, organizer)
		const b = await createPublishedWorkshop(server, organizer)
		const survey = await createSurvey({ event: a.slug })
		for (let i = 0; i < 5; i++) await answer(survey.slug, { answers: { agree: 2 } })
		for (let i = 0; i < 6; i++) await answer(survey.slug, { answers: { agree: 3 }, event: b.slug })
		const onlyB = await asOrganizer('GET', `/api/v1/surveys/${survey.slug}/results?event=${b.slug}`)
		expect(onlyB.body.responses).toBe(6)
		expect(onlyB.body.questions[0].counts).toMatchObject({ '2': 0, '3': 6 })
		expectApiError(await asOrganizer('GET', `/api/v1/surveys/${survey.slug}/results?event=nema-ga`), 422, 'invalid_fields')
	})
})

describe('fuzzing', () => {
	test('1,000 random bodies: no 5xx, and nothing invalid stored', async () => {
		const survey = await createSurvey()
		let seed = 15
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
		const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
		const junkValue = (depth: number): unknown => {
			const kinds = ['num', 'int', 'str', 'bool', 'null', 'arr', 'obj', 'big', 'option', 'scale']
			switch (pick(depth > 2 ? kinds.slice(0, 5) : kinds)) {
				case 'num':
					return (random() - 0.5) * 1e12
				case 'int':
					return Math.floor(random() * 12) - 3
				case 'str':
					return pick(['', ' ', 'web', 'roma', '\u0000', '<script>', 'ž'.repeat(Math.floor(random() * 3000)), '3', '__proto__'])
				case 'bool':
					return random() < 0.5
				case 'null':
					return null
				case 'arr':
					return Array.from({ length: Math.floor(random() * 4) }, () => junkValue(depth + 1))
				case 'obj':
					return Object.fromEntries(
						Array.from({ length: Math.floor(random() * 4) }, () => [pick(['agree', 'heard', 'x', '__proto__', 'constructor']), junkValue(depth + 1)]),
					)
				case 'big':
					return 1e308 * 10
				case 'option':
					return pick(['friends', 'web', ['roma'], ['roma', 'roma'], ['youth', 'disability']])
				default:
					return Math.floor(random() * 7)
			}
		}
		const ids = ['agree', 'heard', 'groups', 'visits', 'improve', 'nope', '__proto__', 'constructor', '']
		const body = (): string => {
			const r = random()
			if (r < 0.1) return pick(['', '{', 'null', '[]', '"x"', '{"answers":', '1e999', '{"answers":{"agree":1e999}}'])
			if (r < 0.2) return JSON.stringify(junkValue(0))
			const answers: Record<string, unknown> = {}
			for (const id of ids) if (random() < 0.5) answers[id] = junkValue(0)
			const envelope: Record<string, unknown> = { answers: random() < 0.1 ? junkValue(1) : answers }
			if (random() < 0.1) envelope.token = junkValue(2)
			if (random() < 0.1) envelope.event = junkValue(2)
			if (random() < 0.05) envelope[pick(['extra', '__proto__'])] = 1
			return JSON.stringify(envelope) ?? 'null'
		}
		const before = allStored()
		let created = 0
		for (let i = 0; i < 1000; i++) {
			const result = await api('POST', `/api/v1/surveys/${survey.slug}/responses`, { raw: body() })
			expect(result.status, result.text).toBeLessThan(500)
			expect([201, 400, 403, 409, 413, 422]).toContain(result.status)
			if (result.status === 201) created++
		}
		expect(allStored() - before).toBe(created)
		// Whatever was stored is a valid set of answers for the survey.
		const rows = dbAll<{ answers: string }>(
			server,
			'SELECT r.answers FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?',
			survey.slug,
		)
		expect(rows).toHaveLength(created)
		for (const row of rows) {
			const answers = JSON.parse(row.answers) as Record<string, unknown>
			expect(Object.keys(answers).every((id) => ['agree', 'heard', 'groups', 'visits', 'improve'].includes(id))).toBe(true)
			expect([1, 2, 3, 4, 5]).toContain(answers.agree)
			if ('heard' in answers) expect(['friends', 'web']).toContain(answers.heard)
			if ('groups' in answers) expect((answers.groups as string[]).every((g) => ['roma', 'disability', 'youth'].includes(g))).toBe(true)
			if ('visits' in answers) expect(Number.isInteger(answers.visits) && (answers.visits as number) >= 0 && (answers.visits as number) <= 50).toBe(true)
			if ('improve' in answers) expect(typeof answers.improve === 'string' && (answers.improve as string).length <= 2000).toBe(true)
		}
	}, 120_000)
})
