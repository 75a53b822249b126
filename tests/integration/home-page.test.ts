// The home page (/) says who the Center is, in the reader's language, and leads to the published
// fair's catalogue, map and application form; an English reader of the public pages (home, event,
// ticket, application) is told that the times are Belgrade time (issue 13).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import publicCyrl from '#app/locales/sr-Cyrl/public.json'
import publicEn from '#app/locales/en/public.json'
import publicSr from '#app/locales/sr-Latn/public.json'
import commonCyrl from '#app/locales/sr-Cyrl/common.json'
import commonEn from '#app/locales/en/common.json'
import commonSr from '#app/locales/sr-Latn/common.json'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbRun } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { createPublishedFair, setFairSettings, submitApplication } from '#tests/support/fair-fixtures.ts'
import { escapedByReact } from '#tests/support/html.ts'
import { getPage } from '#tests/support/pages.ts'
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

const LANGUAGES = [
	{ lang: 'sr-Latn', pub: publicSr, common: commonSr },
	{ lang: 'sr-Cyrl', pub: publicCyrl, common: commonCyrl },
	{ lang: 'en', pub: publicEn, common: commonEn },
] as const

describe('the home page', () => {
	test('says who the Center is and what it does, in each language, with or without a fair', async () => {
		for (const { lang, pub, common } of LANGUAGES) {
			const page = await getPage(server, `/?lang=${lang}`)
			expect(page.status).toBe(200)
			expect(page.html).toContain(`<html lang="${lang}"`)
			expect(page.html).toContain(escapedByReact(common.centerName))
			expect(page.html).toContain(escapedByReact(pub.home.aboutCenter))
		}
	})

	test("links to the published fair's catalogue and application form, and to its map once the plan is published", async () => {
		const fair = await createPublishedFair(server, organizer)
		for (const { lang, pub } of LANGUAGES) {
			const { html } = await getPage(server, `/?lang=${lang}`)
			expect(html).toContain(`href="/fairs/${fair.slug}/exhibitors"`)
			expect(html).toContain(escapedByReact(pub.home.fairLinks.catalogue))
			expect(html).toContain(`href="/fairs/${fair.slug}/apply"`)
			expect(html).toContain(escapedByReact(pub.home.fairLinks.apply))
			// No published floor plan yet: no map to link to.
			expect(html).not.toContain(`href="/fairs/${fair.slug}/map"`)
		}

		dbRun(server, 'INSERT INTO floor_plans (event_id, width, height, published_at, updated_at) VALUES (?, 40, 25, ?, ?)', fair.id, Date.now(), Date.now())
		const withMap = await getPage(server, '/?lang=en')
		expect(withMap.html).toContain(`href="/fairs/${fair.slug}/map"`)
		expect(withMap.html).toContain(escapedByReact(publicEn.home.fairLinks.map))

		// Applications closed: the catalogue and the map stay, the form goes.
		setFairSettings(server, fair.slug, { applications_close_at: Date.now() - 60_000 })
		const closed = await getPage(server, '/?lang=en')
		expect(closed.html).toContain(`href="/fairs/${fair.slug}/exhibitors"`)
		expect(closed.html).not.toContain(`href="/fairs/${fair.slug}/apply"`)
		expect(closed.html).not.toContain(escapedByReact(publicEn.home.fairLinks.apply))
	})
})

describe('times on the public pages', () => {
	// PUBLISHED_WORKSHOP and PUBLISHED_FAIR: 5 December 2030, 10:00 Belgrade time.
	const note = '(Belgrade time)'

	test('an English reader sees "(Belgrade time)" with the times on the home and event pages; a Serbian reader does not', async () => {
		const workshop = await createPublishedWorkshop(server, organizer, { title: 'Radionica vremena' })
		const home = await getPage(server, '/?lang=en')
		expect(home.html).toContain(`10:00–13:00 ${note}`)
		const event = await getPage(server, `/events/${workshop.slug}?lang=en`)
		expect(event.html).toContain(`10:00–13:00 ${note}`)
		for (const lang of ['sr-Latn', 'sr-Cyrl']) {
			for (const path of ['/', `/events/${workshop.slug}`]) {
				const page = await getPage(server, `${path}?lang=${lang}`)
				expect(page.html).toContain('10:00–13:00')
				expect(page.html).not.toContain(note)
			}
		}
	})

	test('the registration panel’s closing time says it to an English reader too', async () => {
		const workshop = await createPublishedWorkshop(server, organizer, { title: 'Radionica roka', registrationClosesAt: '2030-12-04T18:00:00+01:00' })
		expect((await getPage(server, `/events/${workshop.slug}?lang=en`)).html).toMatch(new RegExp(`18:00 ${note.replace(/[()]/g, '\\$&')}`))
		expect((await getPage(server, `/events/${workshop.slug}?lang=sr-Latn`)).html).toContain('18:00')
	})

	test('the ticket and the application page say it to an English reader, not to a Serbian one', async () => {
		const workshop = await createPublishedWorkshop(server, organizer, { title: 'Radionica ulaznice' })
		const registered = await apiCall(server.url, 'POST', `/api/v1/events/${workshop.slug}/registrations`, {
			body: { name: 'Ana Time', email: 'ana.time@example.rs', consent: { privacy: true } },
			headers: { 'Accept-Language': 'en' },
		})
		expect(registered.status, registered.text).toBe(201)
		const ticket = new URL(registered.body.registration.manageUrl as string).pathname
		const ticketEn = await getPage(server, ticket)
		expect(ticketEn.html).toContain('<html lang="en"')
		expect(ticketEn.html).toContain(`10:00–13:00 ${note}`)
		expect(ticketEn.headers.get('cache-control')).toContain('no-store')
		expect((await getPage(server, `${ticket}?lang=sr-Latn`)).html).not.toContain(note)

		const fair = await createPublishedFair(server, organizer)
		const application = await submitApplication(
			server,
			fair.slug,
			{
				organization: { name: 'Zadruga Vreme', legalForm: 'informal_group', municipality: 'krusevac' },
				contact: { name: 'Vesna Vreme', email: 'vesna.time@example.rs' },
				products: 'Hand-made soap',
				category: 'textiles',
				consent: { privacy: true, catalogue: false },
			},
			{ 'Accept-Language': 'en' },
		)
		const applicationEn = await getPage(server, `/applications/${application.token}`)
		expect(applicationEn.html).toContain('<html lang="en"')
		expect(applicationEn.html).toContain(`10:00–18:00 ${note}`)
		expect((await getPage(server, `/applications/${application.token}?lang=sr-Cyrl`)).html).not.toContain(note)
	})
})

describe('subscribing to the calendar', () => {
	test('the home page offers a webcal:// subscription to /calendar.ics with what to do in Google Calendar, Apple Calendar and Outlook, in each language, without JavaScript', async () => {
		const base = new URL(server.url)
		for (const { lang, pub } of LANGUAGES) {
			const { html } = await getPage(server, `/?lang=${lang}`)
			const https = `${server.url}/calendar.ics?lang=${lang}`
			// webcal:// whatever the scheme of PUBLIC_URL (here http).
			expect(html).toContain(`href="webcal://${base.host}/calendar.ics?lang=${lang}"`)
			expect(html).toContain(escapedByReact(pub.home.subscribe.webcal))
			// The https address, to paste into Google Calendar and Outlook.
			expect(html).toContain(`<code>${https}</code>`)
			for (const key of ['googleName', 'google', 'appleName', 'apple', 'outlookName', 'outlook'] as const) {
				expect(html).toContain(escapedByReact(pub.home.subscribe[key]))
			}
			// A <details>: opens without JavaScript.
			expect(html).toMatch(/<details[^>]*id="calendar-subscribe"/)
			// The footer's link leads to it rather than to a one-off download.
			expect(html).toContain('href="/#calendar-subscribe"')
			// The one-off download stays, once, inside the subscription's instructions.
			expect(html.match(/<a [^>]*href="\/calendar\.ics"/g)).toHaveLength(1)
		}
		// The address given is the feed, in the reader's language.
		const feed = await fetch(`${server.url}/calendar.ics?lang=en`)
		expect(feed.status).toBe(200)
		expect(feed.headers.get('content-type')).toContain('text/calendar')
	})
})
