// The participant list for the funders (issue 16): only people who came AND agreed at registration
// (the form's optional consent, or `consent.funderList` in the API) are on it, with their
// municipality and a column to sign; admins only. Over HTTP against the built server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { dbRun, dbValue } from '#tests/support/database.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { addUserAndLogIn, getPage, logInCookie } from '#tests/support/pages.ts'
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

async function register(slug: string, name: string, funderList: boolean, municipality?: string) {
	const result = await apiCall(server.url, 'POST', `/api/v1/events/${slug}/registrations`, {
		body: {
			name,
			email: `${name.split(' ')[0]!.toLowerCase()}@primer.rs`,
			partySize: 2,
			consent: { privacy: true, funderList },
			...(municipality ? { demographics: { municipality } } : {}),
		},
	})
	expect(result.status, result.text).toBe(201)
	return result.body.registration.id as number
}

describe('the participant list for the funders', () => {
	test('lists only those who came and agreed, with municipality and persons; admins only; printable', async () => {
		const event = await createPublishedWorkshop(server, organizer, { maxPartySize: 4 })
		const agreedCame = await register(event.slug, 'Ana Ristić', true, 'brus')
		await register(event.slug, 'Boris Lazić', true, 'trstenik') // agreed, did not come
		const refusedCame = await register(event.slug, 'Cveta Janković', false, 'krusevac')
		dbRun(server, 'UPDATE registrations SET checked_in_at = ? WHERE id IN (?, ?)', Date.now(), agreedCame, refusedCame)

		const path = `/admin/events/${event.id}/participants`
		expect((await getPage(server, path)).status).toBe(302)
		const organizerCookie = await addUserAndLogIn(server, 'organizerka@sajam.test', 'organizer')
		expect((await getPage(server, path, { cookie: organizerCookie })).status).toBe(403)

		const admin = await logInCookie(server)
		const page = await getPage(server, `${path}?lang=en`, { cookie: admin })
		expect(page.status).toBe(200)
		expect(page.headers.get('cache-control')).toBe('private, no-store')
		expect(page.html).toContain('Ana Ristić')
		expect(page.html).toContain('Brus')
		expect(page.html).not.toContain('Boris Lazić')
		expect(page.html).not.toContain('Cveta Janković')
		expect(page.html).toContain('1 of 2 registrations checked in agreed to be on the list.')
		expect(page.html).toMatch(/<td class="signature"><\/td>/)
		// The event page links it for admins only.
		expect((await getPage(server, `/admin/events/${event.id}?lang=en`, { cookie: admin })).html).toContain('Participant list for funders')
		expect((await getPage(server, `/admin/events/${event.id}?lang=en`, { cookie: organizerCookie })).html).not.toContain('Participant list for funders')
	})

	test('the registration form offers the consent, unticked; ticked it is stored and shown in the person’s data', async () => {
		const event = await createPublishedWorkshop(server, organizer, { maxPartySize: 4 })
		const form = await getPage(server, `/events/${event.slug}?lang=en`)
		expect(form.html).toMatch(/<input[^>]*name="consentFunderList"/)
		expect(form.html).not.toMatch(/<input[^>]*name="consentFunderList"[^>]*checked/)
		expect(form.html).toContain('the list of participants the Center sends to the funders')

		const response = await fetch(`${server.url}/events/${event.slug}?index`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				name: 'Dragana Simić',
				email: 'dragana@primer.rs',
				partySize: '1',
				locale: 'sr-Latn',
				consentPrivacy: 'on',
				consentFunderList: 'on',
				website: '',
			}),
		})
		expect(response.status).toBe(302)
		expect(dbValue(server, 'SELECT consent_funder_list FROM registrations WHERE email = ?', 'dragana@primer.rs')).toBe(1)
		const token = /\/tickets\/([A-Za-z0-9_-]{43})/.exec(response.headers.get('location') ?? '')![1]!
		const data = await (await fetch(`${server.url}/tickets/${token}/data.json`)).json()
		expect(JSON.stringify(data)).toContain('"funderList":true')
		// Not given through the API: off.
		await register(event.slug, 'Emil Perić', false)
		expect(dbValue(server, 'SELECT consent_funder_list FROM registrations WHERE email = ?', 'emil@primer.rs')).toBe(0)
	})
})
