// The registration form and the ticket page without JavaScript: plain HTML form posts over real
// HTTP against the built server, as a browser with scripts off would send them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import enCommon from '#app/locales/en/common.json'
import enPublic from '#app/locales/en/public.json'
import srApi from '#app/locales/sr-Latn/api.json'
import srCommon from '#app/locales/sr-Latn/common.json'
import srPublic from '#app/locales/sr-Latn/public.json'
import srTicket from '#app/locales/sr-Latn/ticket.json'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import { cliToken } from '#tests/support/api-client.ts'
import { createEventViaApi, uniqueTitle } from '#tests/support/events.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { escapedByReact as html } from '#tests/support/html.ts'

let server: TestServer
let organizer: string

/** A published promotion ("Promocija zadruge N", 20 places, parties up to 4), `overrides` over it. */
const createEvent = (overrides: Record<string, unknown> = {}) =>
	createEventViaApi(server, organizer, {
		title: uniqueTitle('Promocija zadruge'),
		kind: 'promo',
		startsAt: '2030-11-20T18:00:00+01:00',
		endsAt: '2030-11-20T20:00:00+01:00',
		venue: { name: 'Kulturni centar', address: 'Trg kosovskih junaka 1', city: 'Kruševac' },
		capacity: 20,
		maxPartySize: 4,
		status: 'published',
		...overrides,
	})

async function registrations(slug: string) {
	const response = await fetch(`${server.url}/api/v1/events/${slug}/registrations`, { headers: { Authorization: `Bearer ${organizer}` } })
	expect(response.status).toBe(200)
	return (await response.json()).registrations as Array<{ id: number; email: string; name: string; status: string; partySize: number }>
}

async function eventJson(slug: string) {
	return (await (await fetch(`${server.url}/api/v1/events/${slug}`)).json()).event as { registered: number; waitlisted: number }
}

let visitorCounter = 0
function formFields(overrides: Record<string, string | undefined> = {}) {
	visitorCounter++
	const fields: Record<string, string | undefined> = {
		name: `Milica Jovanović ${visitorCounter}`,
		email: `milica${visitorCounter}@example.rs`,
		partySize: '1',
		locale: 'sr-Latn',
		consentPrivacy: 'on',
		website: '',
		...overrides,
	}
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, string>
}

/** A form submit with scripts off: urlencoded, to the index route's action, redirects not followed. */
function submit(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
	return fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
	})
}

const registerForm = (slug: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
	submit(`${server.url}/events/${slug}?index`, fields, headers)

function ticketPath(response: Response) {
	const location = response.headers.get('location') ?? ''
	const match = /^\/tickets\/([A-Za-z0-9_-]{43})\?registered=1$/.exec(location)
	expect(match, `Location: ${location}`).not.toBeNull()
	return { path: `/tickets/${match![1]}`, token: match![1]! }
}

async function page(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(server.url + path, { headers, redirect: 'manual' })
	return { response, text: await response.text() }
}

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
})

afterAll(async () => {
	await server?.stop()
})

describe('the form on the event page', () => {
	test('is there while registration is open: fields, privacy notice, honeypot, demographics folded away', async () => {
		const event = await createEvent()
		const { response, text } = await page(`/events/${event.slug}`)
		expect(response.status).toBe(200)
		expect(text).toMatch(new RegExp(`<form[^>]*method="post"[^>]*action="/events/${event.slug}\\?index#registration"`))
		for (const name of [
			'name',
			'email',
			'partySize',
			'locale',
			'consentPrivacy',
			'consentPhotos',
			'consentNewsletter',
			'consentResearch',
			'gender',
			'ageGroup',
			'municipality',
			'vulnerableGroup',
		]) {
			expect(text, name).toContain(`name="${name}"`)
		}
		// Optional consents are never ticked in advance.
		expect(text).not.toMatch(/name="consent(Photos|Newsletter|Research)"[^>]*checked/)
		expect(text).toMatch(/<input[^>]*name="website"[^>]*tabindex="-1"|<input[^>]*tabindex="-1"[^>]*name="website"/i)
		expect(text).toContain(html(srPublic.register.privacyShort.who))
		expect(text).toContain('href="/privacy"')
		expect(text).toMatch(/<details class="demographics">/)
		expect(text).toContain(html(srPublic.demographics.vulnerableGroup.prefer_not_to_say))
		// Party size up to the event's maximum.
		expect(text).toContain('<option value="4">')
		expect(text).not.toContain('<option value="5">')
	})

	test('hides the party size when only one person may register', async () => {
		const event = await createEvent({ maxPartySize: 1 })
		const { text } = await page(`/events/${event.slug}`)
		expect(text).not.toContain('name="partySize"')
		const response = await registerForm(event.slug, formFields({ partySize: undefined }))
		expect(response.status).toBe(302)
		expect((await registrations(event.slug))[0]!.partySize).toBe(1)
	})

	test('registers without JavaScript: 302 to the ticket page, which shows the QR ticket, privately', async () => {
		const event = await createEvent()
		const fields = formFields({
			partySize: '3',
			consentPhotos: 'on',
			gender: 'female',
			ageGroup: '25_34',
			municipality: 'krusevac',
			vulnerableGroup: 'prefer_not_to_say',
		})
		const response = await registerForm(event.slug, fields)
		expect(response.status).toBe(302)
		const { path } = ticketPath(response)

		const ticket = await page(`${path}?registered=1`)
		expect(ticket.response.status).toBe(200)
		expect(ticket.response.headers.get('cache-control')).toBe('private, no-store')
		expect(ticket.response.headers.get('referrer-policy')).toBe('same-origin')
		expect(ticket.text).toMatch(/<meta name="robots" content="noindex/)
		expect(ticket.text).toContain(html(srTicket.registeredNotice.replace('{{email}}', fields.email!)))
		expect(ticket.text).toMatch(/<svg class="ticket-qr"[^>]*role="img"[^>]*aria-label="[^"]+"[\s\S]*?<path d="M\d/)
		expect(ticket.text).toContain(fields.name)
		expect(ticket.text).toContain(`${path}/ticket.ics`)
		expect(ticket.text).toContain('calendar.google.com')
		expect(ticket.text).toContain(`${path}/data.json`)

		const [row] = await registrations(event.slug)
		expect(row).toMatchObject({ email: fields.email, status: 'confirmed', partySize: 3 })

		const data = await fetch(`${server.url}${path}/data.json`)
		expect(data.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"$/)
		expect(data.headers.get('cache-control')).toBe('private, no-store')
		const exported = await data.json()
		expect(exported.registration).toMatchObject({
			email: fields.email,
			partySize: 3,
			consent: { photos: true, newsletter: false, research: false },
			demographics: { gender: 'female', ageGroup: '25_34', municipality: 'krusevac', vulnerableGroup: 'prefer_not_to_say' },
		})
	})

	test("the server says what is wrong, in the visitor's language, and keeps what was typed", async () => {
		const event = await createEvent()
		const bad = formFields({ email: 'nije-adresa', consentPrivacy: undefined, name: 'Zoran Ilić' })
		const sr = await registerForm(event.slug, bad)
		expect(sr.status).toBe(400)
		const srText = await sr.text()
		expect(srText).toContain(html(srCommon.validation.email))
		expect(srText).toContain(html(srCommon.validation.privacyRequired))
		expect(srText).toContain(html(srPublic.register.errorSummary))
		expect(srText).toContain('value="Zoran Ilić"')
		expect(srText).toMatch(/aria-invalid="true"/)

		const en = await registerForm(event.slug, bad, { 'Accept-Language': 'en' })
		expect(en.status).toBe(400)
		const enText = await en.text()
		expect(enText).toContain(html(enCommon.validation.email))
		expect(enText).toContain(html(enCommon.validation.privacyRequired))
		expect(enText).toContain(html(enPublic.register.errorSummary))
		expect(await registrations(event.slug)).toHaveLength(0)
	})

	test("a party above the event's maximum is refused on that field", async () => {
		const event = await createEvent({ maxPartySize: 2 })
		const response = await registerForm(event.slug, formFields({ partySize: '3' }))
		expect(response.status).toBe(422)
		expect(await response.text()).toContain(html(srApi.errors.party_too_large))
		expect(await registrations(event.slug)).toHaveLength(0)
	})

	test('a full event with a waiting list: the page says so, and the form puts the visitor on the list with a position', async () => {
		const event = await createEvent({ capacity: 1 })
		expect((await registerForm(event.slug, formFields())).status).toBe(302)
		const { text } = await page(`/events/${event.slug}`)
		expect(text).toContain(html(srPublic.register.waitlistIntro))
		expect(text).toContain(html(srPublic.register.submitWaitlist))
		const fields = formFields()
		const response = await registerForm(event.slug, fields)
		const { path } = ticketPath(response)
		const ticket = await page(`${path}?registered=1`)
		expect(ticket.text).toContain(html(srTicket.waitlistedNotice.replace('{{position}}', '1').replace('{{email}}', fields.email!)))
		expect(ticket.text).not.toContain('class="ticket-qr"')
	})

	test('closed, cancelled, and full without a waiting list: a clear message and no form', async () => {
		const closed = await createEvent({ registrationClosesAt: '2020-01-01T10:00:00+01:00' })
		const soldOut = await createEvent({ capacity: 1, waitlist: false })
		expect((await registerForm(soldOut.slug, formFields())).status).toBe(302)
		const cancelled = await createEvent()
		await fetch(`${server.url}/api/v1/events/${cancelled.slug}`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${organizer}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ status: 'cancelled' }),
		})
		for (const [slug, message] of [
			[closed.slug, srPublic.register.closed],
			[soldOut.slug, srPublic.register.soldOut],
			[cancelled.slug, srPublic.register.cancelled],
		] as const) {
			const { text } = await page(`/events/${slug}`)
			expect(text, slug).toContain(html(message))
			expect(text, slug).not.toContain('name="consentPrivacy"')
		}
		// A stale page posting anyway gets the refusal, not a ticket.
		const late = await registerForm(closed.slug, formFields())
		expect(late.status).toBe(409)
		expect(await late.text()).toContain(html(srApi.errors.registration_closed))
	})

	test('an address already registered gets the neutral notice, never the registration', async () => {
		const event = await createEvent()
		const fields = formFields()
		const first = await registerForm(event.slug, fields)
		const { token } = ticketPath(first)
		const again = await registerForm(event.slug, { ...fields, name: 'Neko drugi', email: fields.email!.toUpperCase() })
		expect(again.status).toBe(302)
		expect(again.headers.get('location')).toBe(`/events/${event.slug}?sent=1#registration`)
		const { text } = await page(`/events/${event.slug}?sent=1`)
		expect(text).toContain(html(srPublic.register.mailed))
		expect(text).not.toContain(token)
		expect(await registrations(event.slug)).toHaveLength(1)
	})

	test('a filled honeypot looks like success and creates nothing', async () => {
		const event = await createEvent()
		const response = await registerForm(event.slug, formFields({ website: 'http://spam.example' }))
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toBe(`/events/${event.slug}?sent=1#registration`)
		expect(await registrations(event.slug)).toHaveLength(0)
		expect((await eventJson(event.slug)).registered).toBe(0)
	})
})

describe('the ticket page without JavaScript', () => {
	async function registered(overrides: Record<string, unknown> = {}) {
		const event = await createEvent(overrides)
		const response = await registerForm(event.slug, formFields({ partySize: '2' }))
		return { event, ...ticketPath(response) }
	}

	test('cancel: a confirmation step, then a POST; twice is harmless and frees the places once', async () => {
		const { event, path } = await registered({ capacity: 2 })
		const waiting = ticketPath(await registerForm(event.slug, formFields()))
		expect((await eventJson(event.slug)).registered).toBe(2)

		const confirm = await page(`${path}?confirm=cancel`)
		expect(confirm.response.status).toBe(200)
		expect(confirm.text).toContain(html(srTicket.cancel.title))
		expect(confirm.text).toMatch(/<button[^>]*name="intent"[^>]*value="cancel"/)
		expect(await eventJson(event.slug)).toMatchObject({ registered: 2 }) // a GET changes nothing

		const first = await submit(server.url + path, { intent: 'cancel' })
		expect(first.status).toBe(302)
		expect(first.headers.get('location')).toBe(`${path}?cancelled=1`)
		const after = await page(`${path}?cancelled=1`)
		expect(after.text).toContain(html(srTicket.cancelledNotice))
		expect(after.text).not.toContain('class="ticket-qr"')
		// The waiting visitor took the places.
		expect(await eventJson(event.slug)).toMatchObject({ registered: 1, waitlisted: 0 })
		expect((await page(waiting.path)).text).toContain('class="ticket-qr"')

		const second = await submit(server.url + path, { intent: 'cancel' })
		expect(second.status).toBe(302)
		expect(await eventJson(event.slug)).toMatchObject({ registered: 1, waitlisted: 0 })
	})

	test('delete my data: confirmation, then erased; the link stops working', async () => {
		const { event, path } = await registered()
		const email = (await registrations(event.slug))[0]!.email
		const confirm = await page(`${path}?confirm=delete`)
		expect(confirm.text).toContain(html(srTicket.delete.title))

		const response = await submit(server.url + path, { intent: 'delete' })
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toBe('/tickets/deleted')
		const done = await page('/tickets/deleted')
		expect(done.response.status).toBe(200)
		expect(done.text).toContain(html(srTicket.deleted.title))

		expect((await page(path)).response.status).toBe(404)
		expect((await fetch(`${server.url}${path}/data.json`)).status).toBe(404)
		expect((await fetch(`${server.url}${path}/ticket.ics`)).status).toBe(404)
		const rows = await registrations(event.slug)
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ status: 'cancelled', name: '' })
		expect(JSON.stringify(rows)).not.toContain(email)
		expect((await eventJson(event.slug)).registered).toBe(0)
	})

	test('an unknown token is a 404 page, not cached', async () => {
		for (const path of [`/tickets/${'x'.repeat(43)}`, '/tickets/kratko', `/tickets/${'x'.repeat(43)}/qr.svg`]) {
			const { response } = await page(path)
			expect(response.status, path).toBe(404)
			expect(response.headers.get('cache-control'), path).toBe('private, no-store')
		}
		expect((await submit(`${server.url}/tickets/${'x'.repeat(43)}`, { intent: 'cancel' })).status).toBe(404)
	})

	test("the calendar file is this visitor's entry for the event", async () => {
		const { path } = await registered()
		const response = await fetch(`${server.url}${path}/ticket.ics`)
		expect(response.headers.get('content-type')).toMatch(/^text\/calendar/)
		expect(response.headers.get('content-disposition')).toMatch(/^attachment;/)
		const ics = (await response.text()).replace(/\r\n[ \t]/g, '')
		expect(ics).toMatch(/BEGIN:VEVENT[\s\S]*UID:event-\d+@[\s\S]*DTSTART:20301120T170000Z[\s\S]*STATUS:CONFIRMED[\s\S]*END:VEVENT/)
		expect(ics).toContain(`${server.url}${path}`)
		expect(ics).toContain('Ulaznica za 2 osobe.')
	})
})

describe('the privacy notice', () => {
	test('is at /privacy in each language', async () => {
		for (const [lang, title] of [
			['sr-Latn', 'Obaveštenje o obradi podataka o ličnosti'],
			['sr-Cyrl', 'Обавештење о обради података о личности'],
			['en', enPublic.privacy.title],
		] as const) {
			const { response, text } = await page(`/privacy?lang=${lang}`)
			expect(response.status).toBe(200)
			expect(text).toContain(`<h1>${title}</h1>`)
			expect(text).toContain(lang === 'sr-Cyrl' ? 'Југовићева 17, 37000 Крушевац' : 'Jugovićeva 17, 37000 Kruševac')
		}
	})
})

describe('rate limit on the form', () => {
	let limited: TestServer

	beforeAll(async () => {
		limited = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3' } })
	})

	afterAll(async () => {
		await limited?.stop()
	})

	test('the 4th POST in a minute is answered 429 with Retry-After and the message on the page', async () => {
		const token = await cliToken(limited, 'organizer')
		const { slug } = await createEventViaApi(limited, token, {
			title: 'Sajam zdrave hrane',
			kind: 'fair',
			startsAt: '2030-05-09T10:00:00+02:00',
			endsAt: '2030-05-09T16:00:00+02:00',
			venue: 'Trg',
			capacity: 100,
			status: 'published',
		})
		const post = () => submit(`${limited.url}/events/${slug}?index`, formFields())
		for (let i = 0; i < 3; i++) expect((await post()).status).toBe(302)
		const fourth = await post()
		expect(fourth.status).toBe(429)
		expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
		const text = await fourth.text()
		expect(text).toContain(html(srApi.errors.rate_limited))
		// What was typed is still there, to send again in a minute.
		expect(text).toContain('name="email"')
		const list = await fetch(`${limited.url}/api/v1/events/${slug}/registrations`, { headers: { Authorization: `Bearer ${token}` } })
		expect((await list.json()).registrations).toHaveLength(3)
	})
})

// Issue 13: after a registration (or an address already registered) the page showed the thank-you
// above the form, still filled in with what was just sent; and Cyrillic pages ended their titles
// in Latin "· Sajam".
describe('after the form, and the page title', () => {
	test('the thank-you alone: no form under it, nothing filled in', async () => {
		const event = await createEvent()
		const fields = formFields()
		ticketPath(await registerForm(event.slug, fields))
		const again = await registerForm(event.slug, fields)
		expect(again.headers.get('location')).toBe(`/events/${event.slug}?sent=1#registration`)
		const { text } = await page(`/events/${event.slug}?sent=1`)
		expect(text).toContain(html(srPublic.register.mailed))
		expect(text).not.toContain('id="registration-form"')
		expect(text).not.toContain('name="email"')
		// Without ?sent=1 the form is there, as before.
		expect((await page(`/events/${event.slug}`)).text).toContain('id="registration-form"')
	})

	test('a Cyrillic page ends its <title> in "· Сајам"; Latin and English in "· Sajam"', async () => {
		const event = await createEvent()
		const title = async (path: string) => /<title>([^<]*)<\/title>/.exec((await page(path)).text)?.[1] ?? ''
		for (const path of [`/events/${event.slug}`, '/privacy', '/']) {
			expect(await title(`${path}?lang=sr-Cyrl`), path).toMatch(/ · Сајам$/)
			expect(await title(`${path}?lang=sr-Latn`), path).toMatch(/ · Sajam$/)
			expect(await title(`${path}?lang=en`), path).toMatch(/ · Sajam$/)
		}
		expect(await title(`/events/${event.slug}?lang=sr-Cyrl`)).toBe(html(`${latinToCyrillic(event.title)} · Сајам`))
	})
})
