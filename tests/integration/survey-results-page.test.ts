// The admin results page of a survey and its exports over real HTTP against the built server
// (issue 15): a survey made through the API with one question of each kind, 12 answers chosen so
// some counts are under 5 (and one is hidden only to protect another); the page shows "< 5"
// exactly where the API's results are null, no hidden count can be worked out from the page's
// numbers, the event filter, the free-text answers under their warning, the CSV and XLSX of the
// same numbers, and the raw rows for admins only.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken, type ApiOptions } from '#tests/support/api-client.ts'
import { withDatabase } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { escapedByReact } from '#tests/support/html.ts'
import { addUserAndLogIn, getPage, logInCookie } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'
import resultsEn from '#app/locales/en/survey-results.json'
import resultsLatn from '#app/locales/sr-Latn/survey-results.json'

let server: TestServer
let token: string
let organizer: string
let admin: string
let eventSlug: string
let slug: string

const QUESTIONS = [
	{
		id: 'heard',
		kind: 'single',
		label: { 'sr-Latn': 'Kako ste saznali?', en: 'How did you hear?' },
		options: [
			{ value: 'friends', label: { 'sr-Latn': 'Od prijatelja', en: 'From friends' } },
			{ value: 'web', label: { 'sr-Latn': 'Na sajtu', en: 'On the website' } },
			{ value: 'poster', label: { 'sr-Latn': 'Plakat', en: 'A poster' } },
		],
	},
	{ id: 'groups', kind: 'multi', label: { 'sr-Latn': 'Koje grupe?', en: 'Which groups?' }, options: ['roma', 'disability', 'youth'] },
	{ id: 'agree', kind: 'likert5', label: { 'sr-Latn': 'Bilo je korisno.', en: 'It was useful.' }, required: true },
	{ id: 'visits', kind: 'number', label: { 'sr-Latn': 'Koliko puta?', en: 'How many times?' }, min: 0, max: 50 },
	{ id: 'improve', kind: 'text', label: { 'sr-Latn': 'Šta da poboljšamo?', en: 'What should we improve?' } },
]

// heard: friends 7, web 3, poster 2 → web and poster hidden (together 5).
// groups (11 answered: an empty list is no answer): roma 10 (1 "not chosen": both hidden), disability 6, youth 0.
// agree: 5 ×6, 4 ×4, 3 ×2 → 4 and 3 hidden.
// visits: 0 ×5, 1-4 ×5, 20-49 ×2 → 20-49 hidden, and one of the fives with it.
// The first 7 answers are given for the event.
const HEARD = ['friends', 'friends', 'friends', 'friends', 'friends', 'friends', 'friends', 'web', 'web', 'web', 'poster', 'poster']
const AGREE = [5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 3, 3]
const VISITS = [0, 0, 0, 0, 0, 2, 2, 3, 3, 4, 25, 30]
const TEXTS: Record<number, string> = { 0: 'Više klupa <b>molim</b>.', 4: '=HYPERLINK("x")', 9: 'Bolje ozvučenje.' }
function answers(i: number) {
	const groups = [...(i < 10 ? ['roma'] : []), ...(i % 2 === 0 ? ['disability'] : [])]
	return {
		heard: HEARD[i],
		groups,
		agree: AGREE[i],
		visits: VISITS[i],
		...(TEXTS[i] ? { improve: TEXTS[i] } : {}),
	}
}

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)
type Results = {
	responses: number
	questions: { id: string; kind: string; answered: number | null; counts: Record<string, number | null>; texts?: string[] }[]
}

beforeAll(async () => {
	server = await startServer()
	token = await cliToken(server, 'organizer')
	admin = await logInCookie(server)
	organizer = await addUserAndLogIn(server, 'organizatorka@sajam.test', 'organizer')
	eventSlug = (await createPublishedWorkshop(server, token)).slug
	const created = await api('POST', '/api/v1/surveys', {
		token,
		body: { title: { 'sr-Latn': 'Anketa posle radionice', en: 'After the workshop' }, questions: QUESTIONS, status: 'open' },
	})
	expect(created.status, created.text).toBe(201)
	slug = created.body.survey.slug
	for (let i = 0; i < 12; i++) {
		const sent = await api('POST', `/api/v1/surveys/${slug}/responses`, { body: { answers: answers(i), ...(i < 7 ? { event: eventSlug } : {}) } })
		expect(sent.status, sent.text).toBe(201)
	}
})

afterAll(async () => {
	await server?.stop()
})

const apiResults = async (query = ''): Promise<Results> => {
	const result = await api('GET', `/api/v1/surveys/${slug}/results${query}`, { token })
	expect(result.status, result.text).toBe(200)
	return result.body
}

/** Per question section of the page: answer key → the count cell (number, or 'hidden'). */
function pageCounts(html: string): Record<string, Record<string, number | 'hidden'>> {
	const out: Record<string, Record<string, number | 'hidden'>> = {}
	for (const section of html.split('<section').slice(1)) {
		const id = /data-question="([^"]+)"/.exec(section)?.[1]
		if (!id) continue
		const cells: Record<string, number | 'hidden'> = {}
		for (const row of section.matchAll(/data-answer="([^"]+)".*?data-count="([^"]+)"/gs)) cells[row[1]!] = row[2] === 'hidden' ? 'hidden' : Number(row[2])
		out[id] = cells
	}
	return out
}

async function resultsPage(query = '', cookie = organizer) {
	const page = await getPage(server, `/admin/surveys/${slug}/results${query}`, { cookie })
	expect(page.status, page.html.slice(0, 300)).toBe(200)
	return page.html
}

describe('the results page', () => {
	test('anonymous callers go to the login; a scanner is refused; an unknown survey or event is 404', async () => {
		for (const path of ['results', 'results.csv', 'results.xlsx', 'responses.csv', 'responses.xlsx'].map((p) => `/admin/surveys/${slug}/${p}`)) {
			const page = await getPage(server, path)
			expect(page.status, path).toBe(302)
			expect(page.location).toBe(`/admin/login?redirectTo=${encodeURIComponent(path)}`)
		}
		const scanner = await addUserAndLogIn(server, 'skener@sajam.test', 'scanner')
		expect((await getPage(server, `/admin/surveys/${slug}/results`, { cookie: scanner })).status).toBe(403)
		expect((await getPage(server, '/admin/surveys/nema-je/results', { cookie: organizer })).status).toBe(404)
		expect((await getPage(server, `/admin/surveys/${slug}/results?event=nema-ga`, { cookie: organizer })).status).toBe(404)
		expect((await getPage(server, `/admin/surveys/${slug}/results.csv?event=nema-ga`, { cookie: organizer })).status).toBe(404)
	})

	test('"< 5" exactly where the API hides a count, the counts where it does not', async () => {
		const results = await apiResults()
		const html = await resultsPage('?lang=en')
		const counts = pageCounts(html)
		for (const question of results.questions.filter((q) => q.kind !== 'text')) {
			const expected = Object.fromEntries(Object.entries(question.counts).map(([k, v]) => [k, v === null ? 'hidden' : v]))
			expect(counts[question.id], question.id).toEqual(expected)
		}
		// The cases this survey was built for: primary and secondary suppression, a hidden multi line.
		expect(counts.heard).toEqual({ friends: 7, web: 'hidden', poster: 'hidden' })
		expect(counts.groups).toEqual({ roma: 'hidden', disability: 6, youth: 0 })
		expect(counts.agree).toEqual({ '1': 0, '2': 0, '3': 'hidden', '4': 'hidden', '5': 6 })
		expect(counts.visits).toMatchObject({ '0': 'hidden', '1-4': 5, '20-49': 'hidden' })
		// The buckets in their own order (an object would put "0" and "50" first).
		expect(
			[
				...html
					.split('data-question="visits"')[1]!
					.split('<section')[0]!
					.matchAll(/data-answer="([^"]+)"/g),
			].map((m) => m[1]),
		).toEqual(['0', '1-4', '5-9', '10-19', '20-49', '50'])
		expect(html).toContain('&lt; 5')
		expect(html).toContain('From friends')
		expect(html).toContain(escapedByReact(resultsEn.legend.smallText))
		expect(html).toContain('Answered: 12 of 12')
		expect(html).toContain('href="/admin/surveys"')
		expect(html).toContain(`href="/admin/surveys/${slug}"`)
		expect(html).toContain(`href="/admin/surveys/${slug}/results.csv"`)
		// Organizers get no link to the raw rows; admins do.
		expect(html).not.toContain('responses.csv')
		expect(await resultsPage('', admin)).toContain(`href="/admin/surveys/${slug}/responses.csv"`)
	})

	test('no hidden count can be worked out from the numbers on the page', async () => {
		const html = await resultsPage('?lang=en')
		const results = await apiResults()
		for (const section of html.split('<section').slice(1)) {
			const id = /data-question="([^"]+)"/.exec(section)?.[1]
			const question = results.questions.find((q) => q.id === id)
			if (!question || question.kind === 'text') continue
			const cells = Object.values(pageCounts(`<section${section}`)[id!]!)
			const hidden = cells.filter((c) => c === 'hidden').length
			const answered = /Answered: (\d+) of/.exec(section)?.[1]
			if (question.kind !== 'multi' && answered && hidden > 0) {
				// A breakdown's hidden cells: at least two, and together at least 5.
				const shown = cells.reduce<number>((sum, c) => sum + (c === 'hidden' ? 0 : c), 0)
				expect(hidden, id).toBeGreaterThanOrEqual(2)
				expect(Number(answered) - shown, id).toBeGreaterThanOrEqual(5)
			}
			// A hidden count has no share and no bar length; every row's numbers are the count and a share of it.
			for (const row of section.matchAll(/<tr data-answer="[^"]+">(.*?)<\/tr>/gs)) {
				if (!row[1]!.includes('data-count="hidden"')) continue
				expect(row[1], id).not.toMatch(/width:/)
				expect(row[1], id).not.toMatch(/\d+\s?%/)
			}
		}
		// The multi question: "roma" is hidden as chosen by 10 of 11 (1 "not chosen" would be small).
		const groups = html.split('data-question="groups"')[1]!.split('<section')[0]!
		expect(groups).toContain('Answered: 11 of 12')
		expect(groups).toMatch(/data-count="6">6<\/td>.*55%/s)
	})

	test('the event filter counts only the answers given for the event, as the API does', async () => {
		const html = await resultsPage(`?event=${eventSlug}&lang=en`)
		const results = await apiResults(`?event=${eventSlug}`)
		expect(results.responses).toBe(7)
		expect(html).toMatch(/data-testid="responses">7</)
		expect(html).toContain(`<option value="${eventSlug}" selected="">`)
		const counts = pageCounts(html)
		for (const question of results.questions.filter((q) => q.kind !== 'text'))
			expect(counts[question.id], question.id).toEqual(Object.fromEntries(Object.entries(question.counts).map(([k, v]) => [k, v === null ? 'hidden' : v])))
		expect(html).toContain(`href="/admin/surveys/${slug}/results.csv?event=${eventSlug}"`)
		expect(await resultsPage('?lang=en')).toMatch(/data-testid="responses">12</)
	})

	test('the page in Cyrillic and in Serbian Latin', async () => {
		expect(await resultsPage('?lang=sr-Cyrl')).toContain('Резултати: Анкета после радионице')
		const latin = await resultsPage('?lang=sr-Latn')
		expect(latin).toContain('Odgovorilo: 12 od 12')
	})

	test('free-text answers are listed under a warning that they may identify people', async () => {
		const html = await resultsPage('?lang=en')
		expect(html).toContain(escapedByReact(resultsEn.texts.warning))
		for (const text of Object.values(TEXTS)) expect(html).toContain(`<li>${escapedByReact(text)}</li>`)
		expect(html).not.toContain('<b>molim</b>')
	})

	test('responses per Belgrade day, suppressed like the rest', async () => {
		const html = await resultsPage('?lang=en')
		expect(html).toContain(resultsEn.overTime)
		const days = html.split('id="over-time"')[1]!
		expect([...days.matchAll(/data-count="([^"]+)"/g)].map((m) => m[1])).toEqual(['12'])
	})
})

describe('the exports', () => {
	test('results.csv: a BOM, semicolons, the same numbers and "< 5", the method note', async () => {
		const response = await fetch(`${server.url}/admin/surveys/${slug}/results.csv?lang=en`, { headers: { Cookie: organizer } })
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="results-${slug}.csv"`)
		expect(response.headers.get('cache-control')).toBe('private, no-store')
		const bytes = Buffer.from(await response.arrayBuffer())
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n')
		expect(lines[0]).toBe('Question ID;Question;Answer;Respondents;Share (%)')
		expect(lines[1]).toBe(';All responses;;12;')
		expect(lines).toContain('heard;How did you hear?;From friends;7;58')
		expect(lines).toContain('heard;How did you hear?;On the website;< 5;')
		expect(lines).toContain('groups;Which groups?;Answered the question;11;')
		expect(lines).toContain('groups;Which groups?;disability;6;55')
		expect(lines).toContain('agree;It was useful.;5 · Strongly agree;6;50')
		expect(lines.some((l) => l.startsWith(resultsEn.file.method.slice(0, 30)) || l.includes('written as'))).toBe(true)
		const results = await apiResults()
		for (const question of results.questions)
			for (const [key, count] of Object.entries(question.counts)) {
				const cells = lines.map((l) => l.split(';')).filter((c) => c[0] === question.id && c[2] !== resultsEn.file.answeredRow)
				expect(
					cells.map((c) => c[3]),
					`${question.id} ${key}`,
				).toContain(count === null ? '< 5' : String(count))
			}
		// The text answers are not in the results export.
		expect(lines.join('\n')).not.toContain('klupa')
		const filtered = await (
			await fetch(`${server.url}/admin/surveys/${slug}/results.csv?lang=en&event=${eventSlug}`, { headers: { Cookie: organizer } })
		).text()
		expect(filtered).toContain(';All responses;;7;')
	})

	test('results.xlsx: the same table read back with exceljs, and a method sheet', async () => {
		const response = await fetch(`${server.url}/admin/surveys/${slug}/results.xlsx?lang=en`, { headers: { Cookie: organizer } })
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="results-${slug}.xlsx"`)
		expect(response.headers.get('cache-control')).toBe('private, no-store')
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await response.arrayBuffer())
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Method'])
		const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]
		const row = (question: string, answer: string) => rows.find((r) => r[1] === question && r[3] === answer)
		expect(rows[0]!.slice(1)).toEqual(['Question ID', 'Question', 'Answer', 'Respondents', 'Share (%)'])
		expect(row('heard', 'From friends')!.slice(4)).toEqual([7, 58])
		expect(row('heard', 'A poster')![4]).toBe('< 5')
		expect(row('visits', '1–4')!.slice(4)).toEqual([5, 42])
		const results = await apiResults()
		for (const question of results.questions)
			for (const count of Object.values(question.counts))
				expect(
					rows.filter((r) => r[1] === question.id).map((r) => r[4]),
					question.id,
				).toContain(count === null ? '< 5' : count)
		const method = JSON.stringify(workbook.worksheets[1]!.getSheetValues())
		expect(method).toContain('After the workshop')
		expect(method).toContain('< 5')
	})

	test('responses.csv and .xlsx: the raw anonymous rows, for admins only', async () => {
		for (const ext of ['csv', 'xlsx']) expect((await getPage(server, `/admin/surveys/${slug}/responses.${ext}`, { cookie: organizer })).status).toBe(403)
		const response = await fetch(`${server.url}/admin/surveys/${slug}/responses.csv?lang=en`, { headers: { Cookie: admin } })
		expect(response.status).toBe(200)
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="responses-${slug}.csv"`)
		expect(response.headers.get('cache-control')).toBe('private, no-store')
		const lines = (await response.text())
			.trimEnd() // text() drops the BOM
			.split('\r\n')
		expect(lines[0]).toBe('Hour (Belgrade);Event;How did you hear?;Which groups?;It was useful.;How many times?;What should we improve?')
		expect(lines).toHaveLength(13)
		expect(lines.filter((l) => l.includes(`;${eventSlug};`))).toHaveLength(7)
		expect(lines.some((l) => /^\d{4}-\d\d-\d\d \d\d:00:00;/.test(l))).toBe(true)
		expect(lines.some((l) => l.includes(';"roma; disability";'))).toBe(true)
		expect(lines.some((l) => l.endsWith(`;'=HYPERLINK(""x"")"`) || l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true)
		const xlsx = await fetch(`${server.url}/admin/surveys/${slug}/responses.xlsx?lang=en&event=${eventSlug}`, { headers: { Cookie: admin } })
		expect(xlsx.status).toBe(200)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await xlsx.arrayBuffer())
		const sheet = workbook.worksheets[0]!
		expect(sheet.rowCount).toBe(8)
		const formulas: unknown[] = []
		sheet.eachRow((row) => row.eachCell((cell) => cell.type === ExcelJS.ValueType.Formula && formulas.push(cell.value)))
		expect(formulas).toEqual([])
	})

	test('a large survey (2,500 responses, issue 21): every row in the streamed responses.csv and .xlsx, the same counts on the page and in the API', async () => {
		const created = await api('POST', '/api/v1/surveys', { token, body: { title: 'Velika anketa', questions: QUESTIONS, status: 'open' } })
		expect(created.status, created.text).toBe(201)
		const big = created.body.survey.slug
		expect((await api('POST', `/api/v1/surveys/${big}/responses`, { body: { answers: answers(0) } })).status).toBe(201)
		const n = 2_500
		withDatabase(server, (db) => {
			const one = db.prepare('SELECT r.* FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?').get(big) as {
				survey_id: number
				submitted_at: number
				answers: string
			}
			const insert = db.prepare('INSERT INTO survey_responses (survey_id, event_id, submitted_at, answers) VALUES (?, NULL, ?, ?)')
			db.transaction(() => {
				for (let i = 1; i < n; i++) insert.run(one.survey_id, one.submitted_at, JSON.stringify(answers(i % 12)))
			})()
		})
		const csv = await fetch(`${server.url}/admin/surveys/${big}/responses.csv?lang=en`, { headers: { Cookie: admin } })
		expect(csv.status).toBe(200)
		const lines = (await csv.text()).trimEnd().split('\r\n')
		expect(lines).toHaveLength(n + 1)
		expect(lines.filter((l) => l.includes(';From friends;'))).toHaveLength(
			Array.from({ length: n }, (_, i) => HEARD[i % 12]).filter((h) => h === 'friends').length,
		)
		const xlsx = await fetch(`${server.url}/admin/surveys/${big}/responses.xlsx?lang=en`, { headers: { Cookie: admin } })
		expect(xlsx.status).toBe(200)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await xlsx.arrayBuffer())
		expect(workbook.worksheets.map((w) => w.name)).toEqual([resultsEn.file.sheetResponses, resultsEn.file.sheetMethod])
		expect(workbook.worksheets[0]!.rowCount).toBe(n + 1)
		expect(workbook.worksheets[0]!.getRow(1).font?.bold).toBe(true)
		const results = await api('GET', `/api/v1/surveys/${big}/results?include=text`, { token })
		expect(results.body.responses).toBe(n)
		expect(results.body.questions.find((q: { id: string }) => q.id === 'improve').texts).toHaveLength(lines.filter((l) => !l.endsWith(';')).length - 1)
	})
})

describe('the free-text answers a page at a time (issue 21)', () => {
	const n = 120
	const forEvent = 60
	const textOf = (i: number) => `Predlog broj ${String(i).padStart(3, '0')}`
	let paged: string

	beforeAll(async () => {
		const created = await api('POST', '/api/v1/surveys', { token, body: { title: 'Mnogo odgovora', questions: QUESTIONS, status: 'open' } })
		expect(created.status, created.text).toBe(201)
		paged = created.body.survey.slug
		expect(
			(await api('POST', `/api/v1/surveys/${paged}/responses`, { body: { answers: { ...answers(0), improve: textOf(0) }, event: eventSlug } })).status,
		).toBe(201)
		withDatabase(server, (db) => {
			const one = db.prepare('SELECT r.* FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?').get(paged) as {
				survey_id: number
				event_id: number
				submitted_at: number
			}
			const insert = db.prepare('INSERT INTO survey_responses (survey_id, event_id, submitted_at, answers) VALUES (?, ?, ?, ?)')
			db.transaction(() => {
				for (let i = 1; i < n; i++)
					insert.run(one.survey_id, i < forEvent ? one.event_id : null, one.submitted_at, JSON.stringify({ ...answers(i % 12), improve: textOf(i) }))
			})()
		})
	})

	const section = (html: string) => html.split('data-question="improve"')[1]!.split('</section>')[0]!
	const textsOn = (html: string) => [...section(html).matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!)
	const link = (html: string, rel: 'next' | 'prev') => {
		const found = new RegExp(`<a[^>]*href="([^"]+)"[^>]*rel="${rel}"|<a[^>]*rel="${rel}"[^>]*href="([^"]+)"`).exec(section(html))
		return found ? (found[1] ?? found[2]!).replaceAll('&amp;', '&') : null
	}
	const get = async (path: string, cookie = organizer) => {
		const page = await getPage(server, path, { cookie })
		expect(page.status, `${path}: ${page.html.slice(0, 300)}`).toBe(200)
		return page.html
	}

	test('50 answers, a "next" link to the following ones, none twice, the last page without "next"', async () => {
		let html = await get(`/admin/surveys/${paged}/results?lang=en`)
		expect(html).toContain('Answers 1–50 of 120,')
		expect(link(html, 'prev')).toBeNull()
		expect(html).toContain(escapedByReact(resultsEn.texts.allOrganizer))
		const seen: string[] = []
		const pages: number[] = []
		for (;;) {
			const texts = textsOn(html)
			pages.push(texts.length)
			seen.push(...texts)
			const next = link(html, 'next')
			if (!next) break
			expect(next).toMatch(/texts=improve&page=\d+#q-improve$/)
			html = await get(`${next.split('#')[0]}&lang=en`)
		}
		expect(pages).toEqual([50, 50, 20])
		expect(html).toContain('Answers 101–120 of 120,')
		expect(link(html, 'prev')).toContain('texts=improve&page=2')
		expect(new Set(seen).size).toBe(n)
		expect([...seen].sort()).toEqual(Array.from({ length: n }, (_, i) => textOf(i)))
		// Admins are pointed to the raw rows that carry every answer.
		expect(await get(`/admin/surveys/${paged}/results?lang=en`, admin)).toContain(escapedByReact(resultsEn.texts.allAdmin))
	})

	test('the event filter is kept from page to page', async () => {
		const first = await get(`/admin/surveys/${paged}/results?event=${eventSlug}&lang=en`)
		expect(first).toContain(`Answers 1–50 of ${forEvent},`)
		const next = link(first, 'next')!
		expect(next).toContain(`event=${eventSlug}`)
		const second = await get(`${next.split('#')[0]}&lang=en`)
		expect(link(second, 'next')).toBeNull()
		const all = [...textsOn(first), ...textsOn(second)]
		expect(all.sort()).toEqual(Array.from({ length: forEvent }, (_, i) => textOf(i)))
	})

	test("a bad page falls back to the first one, a page past the end says so in the reader's language: never a 500", async () => {
		const first = textsOn(await get(`/admin/surveys/${paged}/results?lang=en`))
		for (const query of [
			'texts=improve&page=abc',
			'texts=improve&page=0',
			'texts=improve&page=-2',
			'texts=improve&page=1e3',
			'texts=improve&page=99999999',
			'texts=nope&page=2',
			'page=2',
		])
			expect(textsOn(await get(`/admin/surveys/${paged}/results?${query}&lang=en`)), query).toEqual(first)
		const past = await get(`/admin/surveys/${paged}/results?texts=improve&page=40&lang=sr-Latn`)
		expect(textsOn(past)).toEqual([])
		expect(past).toContain(resultsLatn.texts.pastEnd)
		expect(past).toContain(`href="/admin/surveys/${paged}/results#q-improve"`)
	})
})
