// An event's own questions on the registration form (issue 18): the organizer's no-JS editor on
// /admin/events/{id}/questions, the event page's form (no JavaScript) and the JSON API
// (questions on the Event, `answers` on POST registration and on Registration), checked alike:
// a required answer missing, a choice not offered, 10 kB in a short text are refused naming the
// question and store nothing; an answered question cannot be removed, only hidden. Over HTTP.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbValue } from '#tests/support/database.ts'
import { createPublishedWorkshop, type CreatedEvent } from '#tests/support/events.ts'
import { getPage, logInCookie, submitForm } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let organizer: string
let admin: string

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
	admin = await logInCookie(server)
})

afterAll(async () => {
	await server?.stop()
})

/** The editor's form: a short text for the door, a required one choice, a yes/no. */
const EDITOR_FORM = {
	questions: '3',
	'q0.id': 'diet',
	'q0.kind': 'shortText',
	'q0.label': 'Ishrana',
	'q0.labelEn': 'Diet',
	'q0.door': 'on',
	'q1.id': 'size',
	'q1.kind': 'single',
	'q1.label': 'Veličina majice',
	'q1.labelEn': 'T-shirt size',
	'q1.options': 'Mala\nVelika',
	'q1.optionsEn': 'Small\nLarge',
	'q1.required': 'on',
	'q2.id': 'first',
	'q2.kind': 'yesNo',
	'q2.label': 'Prvi put?',
	accessibility: 'on',
	intent: 'save',
}

async function eventWithQuestions(): Promise<CreatedEvent> {
	const event = await createPublishedWorkshop(server, organizer, { maxPartySize: 2 })
	const saved = await submitForm(server, `/admin/events/${event.id}/questions`, EDITOR_FORM, { cookie: admin })
	expect(saved.status, saved.html.slice(0, 2000)).toBe(302)
	return event
}

const registrations = (slug: string) =>
	dbValue<number>(server, 'SELECT count(*) FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug = ?', slug)

function registerApi(slug: string, answers: unknown, email = `gost${Math.random().toString(36).slice(2, 8)}@primer.rs`) {
	return apiCall(server.url, 'POST', `/api/v1/events/${slug}/registrations`, {
		body: { name: 'Milica Jović', email, consent: { privacy: true }, answers },
		headers: { 'Accept-Language': 'en' },
	})
}

describe('questions per event', () => {
	test('the organizer adds questions; the Event carries them; the API takes and returns valid answers', async () => {
		const event = await eventWithQuestions()
		const editor = await getPage(server, `/admin/events/${event.id}/questions?lang=en&saved=1`, { cookie: admin })
		expect(editor.html).toContain('The questions were saved.')
		expect(editor.html).toContain('Veličina majice')

		const read = await apiCall(server.url, 'GET', `/api/v1/events/${event.slug}`)
		const questions = read.body.event.questions as { id: string; kind: string; door: boolean; label: Record<string, string> }[]
		expect(questions.map((q) => q.id)).toEqual(['diet', 'size', 'first', 'access', 'access-other'])
		expect(questions[0]).toMatchObject({ kind: 'shortText', door: true, label: { 'sr-Latn': 'Ishrana', 'sr-Cyrl': 'Исхрана', en: 'Diet' } })
		expect(questions[3]).toMatchObject({ kind: 'multi', door: true, builtin: 'accessibility' })

		const created = await registerApi(event.slug, { diet: 'vegan', size: 'velika', first: true, access: ['wheelchair'] })
		expect(created.status, created.text).toBe(201)
		expect(created.body.registration.answers).toEqual({ diet: 'vegan', size: 'velika', first: true, access: ['wheelchair'] })
		const list = await apiCall(server.url, 'GET', `/api/v1/events/${event.slug}/registrations`, { token: organizer })
		expect(list.body.registrations[0].answers).toEqual({ diet: 'vegan', size: 'velika', first: true, access: ['wheelchair'] })
	})

	test('the API refuses a missing required answer, a choice not offered and 10 kB in a short text with 422 naming the question, storing nothing', async () => {
		const event = await eventWithQuestions()
		const missing = await registerApi(event.slug, { diet: 'vegan' })
		expect(missing.status).toBe(422)
		expect(missing.body.fields).toEqual({ 'answers.size': ['This field is required.'] })
		const notOffered = await registerApi(event.slug, { size: 'ogromna' })
		expect(notOffered.status).toBe(422)
		expect(notOffered.body.fields['answers.size']).toEqual(['Choose one of the offered values.'])
		const long = await registerApi(event.slug, { size: 'mala', diet: 'x'.repeat(10_000) })
		expect(long.status).toBe(422)
		expect(long.body.fields['answers.diet']).toEqual(['Enter at most 200 characters.'])
		const unknown = await registerApi(event.slug, { size: 'mala', shoe: '42', first: 'maybe' })
		expect(unknown.body.fields).toEqual({ 'answers.shoe': ['This event has no such question.'], 'answers.first': ['Answer yes or no.'] })
		expect(registrations(event.slug)).toBe(0)
	})

	test('the event page asks the questions without JavaScript and refuses bad answers naming the question, storing nothing', async () => {
		const event = await eventWithQuestions()
		const page = await getPage(server, `/events/${event.slug}?lang=en`)
		expect(page.html).toContain('T-shirt size')
		expect(page.html).toMatch(/<input[^>]*name="question-size"[^>]*value="velika"/)
		expect(page.html).toContain('Wheelchair access')
		const base = { name: 'Petar Ilić', email: 'petar@primer.rs', partySize: '1', locale: 'en', consentPrivacy: 'on', website: '' }
		const refused = await submitForm(server, `/events/${event.slug}?index&lang=en`, {
			...base,
			'question-size': 'ogromna',
			'question-diet': 'x'.repeat(10_000),
		})
		expect(refused.status).toBe(400)
		const summary = refused.html.replaceAll('<!-- -->', '')
		expect(summary).toMatch(/T-shirt size<\/span>:\s*Choose one of the offered values\./)
		expect(summary).toMatch(/Diet<\/span>:\s*Enter at most 200 characters\./)
		const missing = await submitForm(server, `/events/${event.slug}?index&lang=en`, base)
		expect(missing.status).toBe(400)
		expect(missing.html.replaceAll('<!-- -->', '')).toMatch(/T-shirt size<\/span>:\s*This field is required\./)
		expect(registrations(event.slug)).toBe(0)

		const ok = await submitForm(server, `/events/${event.slug}?index&lang=en`, {
			...base,
			'question-size': 'mala',
			'question-first': 'no',
			'question-access': 'seating',
			'question-access-other': 'Blizu izlaza',
		})
		expect(ok.status).toBe(302)
		expect(JSON.parse(dbValue<string>(server, 'SELECT answers FROM registrations WHERE email = ?', 'petar@primer.rs'))).toEqual({
			size: 'mala',
			first: false,
			access: ['seating'],
			'access-other': 'Blizu izlaza',
		})
	})

	test('an answered question cannot be removed (refused with the reason) but can be hidden', async () => {
		const event = await eventWithQuestions()
		expect((await registerApi(event.slug, { size: 'mala', diet: 'bez glutena' })).status).toBe(201)
		const path = `/admin/events/${event.id}/questions?lang=en`
		const editor = await getPage(server, path, { cookie: admin })
		expect(editor.html).toContain('This question already has answers')
		expect(editor.html).not.toContain('value="remove:0"')
		// The remove button of an answered question, pressed anyway (an old page): refused with the reason.
		const pressed = await submitForm(server, path, { ...EDITOR_FORM, intent: 'remove:0' }, { cookie: admin })
		expect(pressed.status).toBe(200)
		expect(pressed.html).toContain('This question already has answers, so it cannot be removed.')
		// Saved without it: refused, nothing changes.
		const without = {
			questions: '2',
			'q0.id': 'size',
			'q0.kind': 'single',
			'q0.label': 'Veličina majice',
			'q0.options': 'Mala\nVelika',
			'q0.values': 'mala\nvelika',
			'q0.required': 'on',
			'q1.id': 'first',
			'q1.kind': 'yesNo',
			'q1.label': 'Prvi put?',
			accessibility: 'on',
			intent: 'save',
		}
		const removed = await submitForm(server, path, without, { cookie: admin })
		expect(removed.status).toBe(200)
		expect(removed.html).toContain('This question already has answers, so it cannot be removed.')
		expect(JSON.parse(dbValue<string>(server, 'SELECT questions FROM events WHERE id = ?', event.id)).length).toBe(5)
		// Hidden: no longer asked, kept.
		const hidden = await submitForm(server, path, { ...EDITOR_FORM, 'q0.hidden': 'on', 'q1.values': 'mala\nvelika' }, { cookie: admin })
		expect(hidden.status).toBe(302)
		expect((await getPage(server, `/events/${event.slug}?lang=en`)).html).not.toContain('name="question-diet"')
		expect((await registerApi(event.slug, { size: 'mala', diet: 'x' })).body.fields).toEqual({ 'answers.diet': ['This event has no such question.'] })
	})

	test('the editor refuses a choice question without options, naming the field, and an eleventh question', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		const path = `/admin/events/${event.id}/questions?lang=en`
		const bad = await submitForm(server, path, { questions: '1', 'q0.id': 'q1', 'q0.kind': 'single', 'q0.label': 'Boja', intent: 'save' }, { cookie: admin })
		expect(bad.status).toBe(200)
		expect(bad.html).toContain('Choose at least 2 items.')
		const ten: Record<string, string> = { questions: '10', intent: 'add', newKind: 'number' }
		for (let i = 0; i < 10; i++) Object.assign(ten, { [`q${i}.id`]: `q${i + 1}`, [`q${i}.kind`]: 'shortText', [`q${i}.label`]: `Pitanje ${i}` })
		const eleventh = await submitForm(server, path, ten, { cookie: admin })
		expect(eleventh.html).toContain('An event can have at most 10 questions.')
	})

	test('answers are in the organizer’s list with a filter, in the CSV, in the data download, and erased with the person', async () => {
		const event = await eventWithQuestions()
		const ana = await registerApi(event.slug, { size: 'mala', diet: 'vegan', first: true }, 'ana@primer.rs')
		const bora = await registerApi(event.slug, { size: 'velika', access: ['wheelchair', 'companion'] }, 'bora@primer.rs')
		expect([ana.status, bora.status]).toEqual([201, 201])
		const list = `/admin/events/${event.id}/registrations?lang=en`
		const all = await getPage(server, list, { cookie: admin })
		expect(all.html).toMatch(/<dt[^>]*>Diet<\/dt><dd[^>]*>vegan<\/dd>/)
		expect(all.html).toMatch(/<dt[^>]*>T-shirt size<\/dt><dd[^>]*>Large<\/dd>/)
		expect(all.html).toMatch(/<dt[^>]*>Do you need any accessibility arrangements\?<\/dt><dd[^>]*>Wheelchair access, I am coming with a companion<\/dd>/)
		expect(all.html).toContain('<option value="size:mala">Small</option>')
		const rowsOf = (html: string) => [...html.matchAll(/data-registration-id="(\d+)"/g)].map((m) => Number(m[1]))
		expect(rowsOf((await getPage(server, `${list}&answer=size:mala`, { cookie: admin })).html)).toEqual([ana.body.registration.id])
		expect(rowsOf((await getPage(server, `${list}&answer=first:yes`, { cookie: admin })).html)).toEqual([ana.body.registration.id])
		expect(rowsOf((await getPage(server, `${list}&answer=access:companion`, { cookie: admin })).html)).toEqual([bora.body.registration.id])

		const csv = await (await fetch(`${server.url}/admin/events/${event.id}/registrations.csv?lang=en`, { headers: { cookie: admin } })).text()
		const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n')
		expect(header).toMatch(/;Diet;T-shirt size;First time\?|;Diet;T-shirt size;Prvi put\?/)
		expect(first).toMatch(/;vegan;Small;yes;/)

		const token = (ana.body.registration.manageUrl as string).split('/').at(-1)!
		const mine = await (await fetch(`${server.url}/tickets/${token}/data.json`)).json()
		expect(mine.registration.answers).toEqual([
			{ question: 'diet', text: 'Diet', answer: 'vegan' },
			{ question: 'size', text: 'T-shirt size', answer: 'mala' },
			{ question: 'first', text: 'Prvi put?', answer: true },
		])
		const erased = await submitForm(server, `/tickets/${token}`, { intent: 'delete' })
		expect(erased.status).toBe(302)
		expect(dbValue(server, 'SELECT answers FROM registrations WHERE id = ?', ana.body.registration.id)).toBeNull()
	})

	test('accessibility needs: switched on per event, door-visible, counted and listed on the admin event page before the event', async () => {
		const event = await createPublishedWorkshop(server, organizer)
		const editor = `/admin/events/${event.id}/questions?lang=en`
		expect((await getPage(server, `/admin/events/${event.id}?lang=en`, { cookie: admin })).html).not.toContain('Accessibility needs')
		expect((await submitForm(server, editor, { questions: '0', accessibility: 'on', intent: 'save' }, { cookie: admin })).status).toBe(302)
		const read = await apiCall(server.url, 'GET', `/api/v1/events/${event.slug}`)
		expect(read.body.event.questions.map((q: { id: string; door: boolean; required: boolean }) => [q.id, q.door, q.required])).toEqual([
			['access', true, false],
			['access-other', true, false],
		])
		expect((await registerApi(event.slug, { access: ['wheelchair', 'seating'] }, 'vesna@primer.rs')).status).toBe(201)
		expect((await registerApi(event.slug, { access: ['wheelchair'], 'access-other': 'Pas vodič' }, 'zoran@primer.rs')).status).toBe(201)
		expect((await registerApi(event.slug, {}, 'nema@primer.rs')).status).toBe(201)
		const page = (await getPage(server, `/admin/events/${event.id}?lang=en`, { cookie: admin })).html.replaceAll('<!-- -->', '')
		expect(page).toContain('Accessibility needs')
		expect(page).toMatch(/<tr data-need="wheelchair"><td>Wheelchair access<\/td><td class="num">2<\/td><\/tr>/)
		expect(page).toMatch(/<tr data-need="seating"><td>A seat<\/td><td class="num">1<\/td><\/tr>/)
		expect(page).toMatch(/<strong>Milica Jović<\/strong>: Wheelchair access \(Pas vodič\)/)
		// Switched off: no longer asked, but the answers (and the summary) stay.
		expect((await submitForm(server, editor, { questions: '0', intent: 'save' }, { cookie: admin })).status).toBe(302)
		expect((await getPage(server, `/events/${event.slug}?lang=en`)).html).not.toContain('Wheelchair access')
		expect((await getPage(server, `/admin/events/${event.id}?lang=en`, { cookie: admin })).html).toContain('Accessibility needs')
	})

	test('the door-visible answers travel in the offline dataset (one compact column), the scan answer and the name search', async () => {
		const event = await eventWithQuestions()
		const ana = await registerApi(event.slug, { size: 'mala', diet: 'vegan', first: true }, 'ana.door@primer.rs')
		await registerApi(event.slug, { size: 'velika' }, 'bora.door@primer.rs')
		const headers = { 'Accept-Language': 'en' }
		const offline = await apiCall(server.url, 'GET', `/api/v1/events/${event.slug}/checkins/offline?v=2`, { token: organizer, headers })
		expect(offline.status).toBe(200)
		// Only `diet` is for the door; the ticket without a door answer carries nothing.
		expect(offline.body.tickets.door).toEqual({ labels: ['Diet'], answers: [[0, 0, 'vegan']] })
		const search = await apiCall(server.url, 'GET', `/api/v1/events/${event.slug}/checkins/search?q=Milica`, { token: organizer, headers })
		expect(search.body.results.map((r: { door?: unknown }) => r.door ?? null)).toEqual([[{ label: 'Diet', text: 'vegan' }], null])
		const scan = await apiCall(server.url, 'POST', '/api/v1/checkins', {
			token: organizer,
			headers,
			body: { code: ana.body.registration.ticket.code, event: event.slug },
		})
		expect(scan.body).toMatchObject({ result: 'ok', registration: { name: 'Milica Jović', door: [{ label: 'Diet', text: 'vegan' }] } })
	})
})
