// The public survey page /surveys/{slug} as a browser without JavaScript uses it (issue 15): plain
// GET and form POSTs against the built server, the errors per question with the answers kept, the
// thank-you after a redirect, a mail's one-time token, the event of the link, and the states.
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as schema from '#db/schema/index.ts'
import { issueSurveyToken } from '#app/services/commands/surveys.server.ts'
import type { Db } from '#app/utils/db.server.ts'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbAll, dbValue } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { drawQr } from '#app/services/views/ticket-qr.server.ts'
import { getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
})

afterAll(async () => {
	await server?.stop()
})

let counter = 0
async function createSurvey(fields: Record<string, unknown> = {}) {
	const result = await apiCall(server.url, 'POST', '/api/v1/surveys', {
		token: organizer,
		body: {
			title: { 'sr-Latn': `Anketa o radionici ${++counter}`, en: `Workshop survey ${counter}` },
			questions: [
				{ id: 'agree', kind: 'likert5', label: { 'sr-Latn': 'Radionica je bila korisna.', en: 'The workshop was useful.' }, required: true },
				{
					id: 'heard',
					kind: 'single',
					label: 'Kako ste saznali?',
					options: [{ value: 'web', label: { 'sr-Latn': 'Na sajtu', en: 'On the website' } }, 'Od prijatelja'],
				},
				{ id: 'groups', kind: 'multi', label: 'Koje grupe?', options: ['roma', 'mladi'] },
				{ id: 'visits', kind: 'number', label: 'Koliko puta?', min: 0, max: 20 },
				{ id: 'improve', kind: 'text', label: 'Šta da poboljšamo?' },
			],
			status: 'open',
			...fields,
		},
	})
	expect(result.status, result.text).toBe(201)
	return result.body.survey.slug as string
}

/** The <input> tags of a field (attributes in any order), optionally of one value. */
const inputs = (html: string, name: string, value?: string) =>
	(html.match(/<input[^>]*>/g) ?? []).filter((tag) => tag.includes(`name="${name}"`) && (value === undefined || tag.includes(`value="${value}"`)))

const stored = (slug: string) => dbValue<number>(server, 'SELECT count(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?', slug)

describe('the survey page without JavaScript', () => {
	test('one form: a fieldset per choice question, the labelled scale, required marked, in the reader’s language', async () => {
		const slug = await createSurvey()
		const page = await getPage(server, `/surveys/${slug}?lang=sr-Latn`)
		expect(page.status).toBe(200)
		expect(page.html).toContain('Radionica je bila korisna.')
		expect(page.html).toMatch(/<fieldset[^>]*id="q-agree"/)
		expect(page.html).toContain('1 – Uopšte se ne slažem')
		expect(page.html).toContain('5 – Potpuno se slažem')
		expect(inputs(page.html, 'q.agree', '3')[0]).toContain('type="radio"')
		expect(inputs(page.html, 'q.groups')[0]).toContain('type="checkbox"')
		expect(inputs(page.html, 'q.visits')[0]).toContain('type="number"')
		expect(page.html).toMatch(/<textarea[^>]*name="q.improve"/)
		expect(page.html).toContain('(obavezno)')
		const en = await getPage(server, `/surveys/${slug}?lang=en`)
		expect(en.html).toContain('The workshop was useful.')
		expect(en.html).toContain('5 – Strongly agree')
		expect(en.html).toContain('On the website')
		const cyrl = await getPage(server, `/surveys/${slug}?lang=sr-Cyrl`)
		expect(cyrl.html).toContain('Радионица је била корисна.')
		expect(cyrl.html).toContain('Потпуно се слажем')
	})

	test('errors per question in the reader’s language, with the answers kept; nothing stored', async () => {
		const slug = await createSurvey()
		const page = await submitForm(server, `/surveys/${slug}?lang=sr-Latn`, {
			'q.heard': 'web',
			'q.groups': 'mladi',
			'q.visits': '25',
			'q.improve': 'Više pauza',
		})
		expect(page.status).toBe(400)
		expect(page.html).toContain('Neki odgovori nisu ispravni.')
		expect(page.html).toContain('Ovo polje je obavezno.')
		expect(page.html).toContain('Najveća dozvoljena vrednost je 20.')
		expect(inputs(page.html, 'q.heard', 'web')[0]).toContain('checked=""')
		expect(inputs(page.html, 'q.groups', 'mladi')[0]).toContain('checked=""')
		expect(inputs(page.html, 'q.groups', 'roma')[0]).not.toContain('checked')
		expect(inputs(page.html, 'q.visits')[0]).toContain('value="25"')
		expect(inputs(page.html, 'q.visits')[0]).toContain('aria-invalid="true"')
		expect(page.html).toContain('Više pauza</textarea>')
		const en = await submitForm(server, `/surveys/${slug}?lang=en`, { 'q.agree': '9' })
		expect(en.html).toContain('Choose one of the five points, from 1 to 5.')
		const long = await submitForm(server, `/surveys/${slug}`, { 'q.agree': '3', 'q.improve': 'x'.repeat(100_000) })
		expect(long.status).toBe(400)
		expect(long.html).toContain('Najviše 2000 znakova.')
		expect(await stored(slug)).toBe(0)
	})

	test('a valid answer redirects to the thank-you (POST-redirect-GET) and is stored for the link’s event', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		const slug = await createSurvey()
		const form = await getPage(server, `/surveys/${slug}?event=${event.slug}`)
		expect(form.html).toContain(`name="event" value="${event.slug}"`)
		const sent = await submitForm(server, `/surveys/${slug}`, { 'q.agree': '4', 'q.groups': 'roma', 'q.visits': '2', event: event.slug })
		expect(sent.status).toBe(302)
		expect(sent.location).toBe(`/surveys/${slug}?sent=1`)
		const thanks = await getPage(server, sent.location!)
		expect(thanks.html).toContain('Vaši odgovori su primljeni.')
		expect(thanks.html).not.toContain('<form')
		const rows = dbAll<{ event_id: number; answers: string }>(
			server,
			'SELECT r.event_id, r.answers FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?',
			slug,
		)
		expect(rows).toEqual([{ event_id: event.id, answers: JSON.stringify({ agree: 4, groups: ['roma'], visits: 2 }) }])
		// A mistyped event in the link is not carried on.
		expect((await getPage(server, `/surveys/${slug}?event=nema-ga`)).html).not.toContain('name="event"')
	})

	test('a mail’s one-time token travels as a hidden field and works once', async () => {
		const slug = await createSurvey()
		const surveyId = dbValue<number>(server, 'SELECT id FROM surveys WHERE slug = ?', slug)
		const sqlite = new Database(server.dbPath)
		let token: string
		try {
			sqlite.pragma('busy_timeout = 5000')
			token = issueSurveyToken(drizzle(sqlite, { schema }) as Db, surveyId)
		} finally {
			sqlite.close()
		}
		const page = await getPage(server, `/surveys/${slug}?t=${token}`)
		expect(page.html).toContain(`name="t" value="${token}"`)
		expect(page.headers.get('cache-control')).toBe('private, no-store')
		expect(page.headers.get('referrer-policy')).toBe('same-origin')
		expect((await submitForm(server, `/surveys/${slug}`, { 'q.agree': '5', t: token })).status).toBe(302)
		const again = await submitForm(server, `/surveys/${slug}`, { 'q.agree': '5', t: token })
		expect(again.status).toBe(409)
		expect(again.html).toContain('Ovaj link za anketu je već iskorišćen.')
		expect(await stored(slug)).toBe(1)
	})

	test('a closed or scheduled survey says so plainly; a draft is 404', async () => {
		const closed = await createSurvey({ status: 'closed' })
		const page = await getPage(server, `/surveys/${closed}`)
		expect(page.status).toBe(200)
		expect(page.html).toContain('Anketa je zatvorena')
		expect(page.html).not.toContain('<form')
		expect((await submitForm(server, `/surveys/${closed}`, { 'q.agree': '3' })).status).toBe(409)
		const later = await createSurvey({ opensAt: '2040-01-01T10:00:00+01:00' })
		const scheduled = await getPage(server, `/surveys/${later}`)
		expect(scheduled.html).toContain('Anketa još nije otvorena')
		expect(scheduled.html).toContain('2040')
		const draft = await createSurvey({ status: 'draft' })
		expect((await getPage(server, `/surveys/${draft}`)).status).toBe(404)
		expect((await submitForm(server, `/surveys/${draft}`, { 'q.agree': '3' })).status).toBe(404)
		expect((await getPage(server, '/surveys/nema-je')).status).toBe(404)
		expect((await stored(closed)) + (await stored(draft))).toBe(0)
	})

	test('the POST is rate-limited (429 with Retry-After), and then stores nothing', async () => {
		const limited = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3' } })
		try {
			const token = await cliToken(limited, 'organizer')
			const created = await apiCall(limited.url, 'POST', '/api/v1/surveys', {
				token,
				body: { title: 'Anketa', status: 'open', questions: [{ id: 'agree', kind: 'likert5', label: 'Slažem se.' }] },
			})
			expect(created.status, created.text).toBe(201)
			const statuses: number[] = []
			let last: Awaited<ReturnType<typeof submitForm>> | undefined
			for (let i = 0; i < 5; i++) {
				last = await submitForm(limited, '/surveys/anketa', { 'q.agree': '3' })
				statuses.push(last.status)
			}
			expect(statuses).toEqual([302, 302, 302, 429, 429])
			expect(last!.headers.get('retry-after')).toMatch(/^\d+$/)
			expect(last!.html).toContain('Previše zahteva.')
			expect(dbValue<number>(limited, 'SELECT count(*) FROM survey_responses')).toBe(3)
		} finally {
			await limited.stop()
		}
	})

	test('300 random forms: no 5xx, and only valid answers stored', async () => {
		const slug = await createSurvey()
		let seed = 5
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
		const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
		const values = ['', ' ', '0', '3', '6', '-1', '2.5', '1e309', 'NaN', 'web', 'Od prijatelja', 'roma', 'mladi', '\u0000', 'ž'.repeat(2500), '<b>x</b>']
		const names = ['q.agree', 'q.heard', 'q.groups', 'q.visits', 'q.improve', 'q.nope', 'q.__proto__', 't', 'event', 'x']
		for (let i = 0; i < 300; i++) {
			const fields = new URLSearchParams()
			for (let n = Math.floor(random() * 8); n > 0; n--) fields.append(pick(names), pick(values))
			const response = await fetch(`${server.url}/surveys/${slug}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: fields,
			})
			expect(response.status, fields.toString().slice(0, 200)).toBeLessThan(500)
			await response.body?.cancel()
		}
		const rows = dbAll<{ answers: string }>(server, 'SELECT r.answers FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?', slug)
		for (const row of rows) {
			const answers = JSON.parse(row.answers) as Record<string, unknown>
			expect([1, 2, 3, 4, 5]).toContain(answers.agree)
			expect(Object.keys(answers).every((id) => ['agree', 'heard', 'groups', 'visits', 'improve'].includes(id))).toBe(true)
		}
	})

	test('the privacy notice explains surveys', async () => {
		const page = await getPage(server, '/privacy')
		expect(page.html).toContain('id="privacy-surveys"')
		expect(page.html).toContain('Ankete su anonimne')
	})
})

describe('the printable QR poster', () => {
	test('organizers get an A4 poster with the title, a QR code of the survey’s address (with ?event=) and the address written out', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		const slug = await createSurvey({ event: event.slug })
		const path = `/admin/surveys/${slug}/poster`
		const anonymous = await getPage(server, path)
		expect(anonymous.status).toBe(302)
		expect(anonymous.location).toMatch(/^\/admin\/login/)
		const cookie = await logInCookie(server)
		const page = await getPage(server, `${path}?posterLang=sr-Cyrl`, { cookie })
		expect(page.status).toBe(200)
		const url = page.html.match(/class="poster-address">([^<]+)</)?.[1]
		expect(url).toMatch(new RegExp(`^https?://[^/]+/surveys/${slug}\\?event=${event.slug}$`))
		expect(page.html).toContain(`Анкета о радионици`)
		expect(page.html).toContain('Скенирајте код телефоном')
		// The QR code is of exactly that address.
		expect(page.html).toContain(`d="${drawQr(url!).path}"`)
		expect(page.html).toMatch(/<svg[^>]*class="poster-qr"/)
		const en = await getPage(server, `${path}?posterLang=en`, { cookie })
		expect(en.html).toContain('Workshop survey')
		expect(en.html).toContain('Scan the code with your phone')
		expect((await getPage(server, '/admin/surveys/nema-je/poster', { cookie })).status).toBe(404)
	})
})
