// Answering a survey in Chromium (issue 15): on a 390 px phone with JavaScript OFF, a visitor sends
// an empty form (errors), then answers; the organizer's results page shows "< 5" after three and the
// count after five, and the results API agrees. The
// page passes axe-core in the three languages, and also works with JavaScript on.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { describeViolations, launchBrowser, loginAsAdmin, runAxe, waitForHydration } from '#tests/support/browser.ts'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { createPublishedWorkshop } from '#tests/support/events.ts'
import { checkPageErrorsAfterEach, expectNoSidewaysScroll, screenshot } from '#tests/support/journey.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let browser: Browser
let organizer: string
let slug: string
let eventSlug: string

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	organizer = await cliToken(server, 'organizer')
	const event = await createPublishedWorkshop(server, organizer)
	eventSlug = event.slug
	const created = await apiCall(server.url, 'POST', '/api/v1/surveys', {
		token: organizer,
		body: {
			title: { 'sr-Latn': 'Vaše mišljenje o radionici', en: 'Your view of the workshop' },
			description: { 'sr-Latn': 'Tri kratka pitanja.', en: 'Three short questions.' },
			questions: [
				{ id: 'useful', kind: 'likert5', label: { 'sr-Latn': 'Radionica mi je bila korisna.', en: 'The workshop was useful to me.' }, required: true },
				{
					id: 'again',
					kind: 'single',
					label: { 'sr-Latn': 'Da li biste ponovo došli?', en: 'Would you come again?' },
					options: [
						{ value: 'yes', label: { 'sr-Latn': 'Da', en: 'Yes' } },
						{ value: 'no', label: { 'sr-Latn': 'Ne', en: 'No' } },
						{ value: 'dontKnow', label: { 'sr-Latn': 'Ne znam', en: "I don't know" } },
					],
				},
				{
					id: 'topics',
					kind: 'multi',
					label: { 'sr-Latn': 'Koje teme vas zanimaju?', en: 'Which topics interest you?' },
					options: [
						{ value: 'law', label: { 'sr-Latn': 'Zakon', en: 'The law' } },
						{ value: 'sales', label: { 'sr-Latn': 'Prodaja', en: 'Sales' } },
					],
				},
				{ id: 'people', kind: 'number', label: { 'sr-Latn': 'Koliko vas je došlo?', en: 'How many of you came?' }, min: 1, max: 10 },
				{ id: 'improve', kind: 'text', label: { 'sr-Latn': 'Šta da poboljšamo?', en: 'What should we improve?' } },
			],
			event: event.slug,
			status: 'open',
		},
	})
	expect(created.status, created.text).toBe(201)
	slug = created.body.survey.slug
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

const contexts = checkPageErrorsAfterEach()

async function submit(page: Page): Promise<number> {
	const [response] = await Promise.all([page.waitForNavigation(), page.locator('form.survey-form button[type=submit]').click()])
	return response?.status() ?? 0
}

describe('a survey on a phone without JavaScript', () => {
	test('errors first, then the answers; five visitors; the results page and API count them, small counts as "< 5"', async () => {
		let resultsPage: Page | undefined
		for (let visitor = 0; visitor < 5; visitor++) {
			const { page, watch } = await contexts.phone(browser, { javaScriptEnabled: false })
			await page.goto(`${server.url}/surveys/${slug}?event=${eventSlug}`)
			if (visitor === 0) {
				await expectNoSidewaysScroll(page)
				await screenshot(page, 'survey-phone')
				// Sent without the required answer: the page again, the question named, what was chosen kept.
				await page.locator('#q-again-0').check()
				expect(await watch.expecting(/^HTTP 400 POST /, () => submit(page))).toBe(400)
				await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Radionica mi je bila korisna.')
				expect(await page.locator('#q-useful .field-error').innerText()).toBe('Ovo polje je obavezno.')
				expect(await page.locator('#q-again-0').isChecked()).toBe(true)
				await expectNoSidewaysScroll(page)
				await screenshot(page, 'survey-phone-errors')
			}
			await page.locator('#q-useful-3').check()
			await page.locator('#q-again-0').check()
			await page.locator('#q-topics-0').check()
			await page.locator('#q-people').fill('2')
			await page.locator('#q-improve').fill('Više vremena za pitanja.')
			expect(await submit(page)).toBe(200)
			expect(new URL(page.url()).search).toBe('?sent=1')
			expect(await page.locator('.survey-thanks').innerText()).toContain('Vaši odgovori su primljeni.')
			await page.context().close()
			if (visitor === 2) {
				// Three answers: the organizer's results page (no JavaScript either) shows "< 5", not 3.
				const organizerPage = (await contexts.phone(browser, { javaScriptEnabled: false })).page
				await loginAsAdmin(organizerPage, server, `/admin/surveys/${slug}/results`)
				const yes = organizerPage.locator('[data-question="again"] [data-answer="yes"]')
				expect(await yes.locator('[data-count]').innerText()).toBe('< 5')
				expect(await yes.locator('[data-count]').getAttribute('data-count')).toBe('hidden')
				await screenshot(organizerPage, 'survey-results-small-phone')
				resultsPage = organizerPage
			}
		}
		// Five answers: the same page, reloaded, shows the count.
		await resultsPage!.reload()
		const yes = resultsPage!.locator('[data-question="again"] [data-answer="yes"] [data-count]')
		expect(await yes.innerText()).toBe('5')
		expect(await resultsPage!.locator('[data-testid=responses]').innerText()).toBe('5')
		const results = await apiCall(server.url, 'GET', `/api/v1/surveys/${slug}/results?include=text&event=${eventSlug}`, { token: organizer })
		expect(results.status, results.text).toBe(200)
		const byId = Object.fromEntries(results.body.questions.map((q: { id: string }) => [q.id, q]))
		expect(results.body.responses).toBe(5)
		expect(byId.useful.counts).toEqual({ '1': 0, '2': 0, '3': 0, '4': 5, '5': 0 })
		expect(byId.again.counts).toEqual({ yes: 5, no: 0, dontKnow: 0 })
		expect(byId.topics.counts).toEqual({ law: 5, sales: 0 })
		expect(byId.people.counts).toEqual({ '1-4': 5, '5-9': 0, '10': 0 })
		expect(byId.improve.texts).toEqual(Array(5).fill('Više vremena za pitanja.'))
	})
})

describe('accessibility and JavaScript on', () => {
	// axe-core runs in the page, so these pages have JavaScript (the markup is the same without).
	test.each(['sr-Latn', 'sr-Cyrl', 'en'])('axe-core finds no violations in %s (the form, its errors, the thank-you)', async (lang) => {
		const { page, watch } = await contexts.phone(browser)
		await page.goto(`${server.url}/surveys/${slug}?lang=${lang}`)
		await waitForHydration(page)
		expect(describeViolations(await runAxe(page)), `form ${lang}`).toBe('')
		await watch.expecting(/^HTTP 400 POST /, async () => {
			await page.locator('form.survey-form button[type=submit]').click()
			await page.locator('.error-summary').waitFor()
		})
		expect(describeViolations(await runAxe(page)), `errors ${lang}`).toBe('')
		await page.goto(`${server.url}/surveys/${slug}?lang=${lang}&sent=1`)
		expect(describeViolations(await runAxe(page)), `thanks ${lang}`).toBe('')
	})

	test('with JavaScript the same form sends and thanks', async () => {
		const { page } = await contexts.desktop(browser)
		await page.goto(`${server.url}/surveys/${slug}?lang=en`)
		await waitForHydration(page)
		await screenshot(page, 'survey-desktop-en')
		await page.locator('#q-useful-4').check()
		await page.locator('form.survey-form button[type=submit]').click()
		await page.waitForURL(/sent=1/)
		await expect.poll(() => page.locator('.survey-thanks').isVisible()).toBe(true)
		expect(await page.locator('.survey-thanks').innerText()).toContain('Your answers were received.')
	})
})
