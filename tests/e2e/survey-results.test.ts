// A survey's results page in Chromium on a 390 px phone (issue 15): an organizer sees "< 5"
// where a count is small (and where a count is hidden to protect it), answers keep coming in
// through the API until the count reaches 5, and after a reload the number stands where "< 5"
// stood. The page passes axe-core with no violation at all and has no sideways scrolling.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import resultsSr from '#app/locales/sr-Latn/survey-results.json'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { describeViolations, launchBrowser, loginAsAdmin, runAxe, waitForHydration } from '#tests/support/browser.ts'
import { checkPageErrorsAfterEach, expectNoSidewaysScroll } from '#tests/support/journey.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let browser: Browser
let slug: string
const ORGANIZER = { email: 'organizatorka@sajam.test', password: 'organizer-password-1' }

const QUESTIONS = [
	{
		id: 'again',
		kind: 'single',
		label: 'Da li biste došli ponovo?',
		options: [
			{ value: 'yes', label: 'Da' },
			{ value: 'no', label: 'Ne' },
		],
		required: true,
	},
	{ id: 'useful', kind: 'likert5', label: 'Radionica je bila korisna.', required: true },
]

const answer = async (again: string, useful: number) => {
	const sent = await apiCall(server.url, 'POST', `/api/v1/surveys/${slug}/responses`, { body: { answers: { again, useful } } })
	expect(sent.status, sent.text).toBe(201)
}

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	const added = await server.cli(['user', 'add', '--email', ORGANIZER.email, '--password', ORGANIZER.password, '--role', 'organizer'])
	expect(added.code, added.stderr).toBe(0)
	const token = await cliToken(server, 'organizer')
	const created = await apiCall(server.url, 'POST', '/api/v1/surveys', { token, body: { title: 'Utisci sa radionice', questions: QUESTIONS, status: 'open' } })
	expect(created.status, created.text).toBe(201)
	slug = created.body.survey.slug
	// "yes" 5, "no" 2: "no" is small, so "yes" is hidden with it (else 7 − 5 would give it away).
	for (let i = 0; i < 5; i++) await answer('yes', 5)
	for (let i = 0; i < 2; i++) await answer('no', 2)
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

const contexts = checkPageErrorsAfterEach()

test('an organizer on a phone sees "< 5", then the number once enough answers came in; axe finds nothing', async () => {
	const { page } = await contexts.phone(browser)
	const path = `/admin/surveys/${slug}/results`
	await loginAsAdmin(page, { url: server.url, admin: ORGANIZER }, path)
	await page.waitForURL((url) => url.pathname === path)
	await waitForHydration(page)
	await expect.poll(() => page.locator('h1').innerText()).toContain('Utisci sa radionice')

	const cell = (answer: string) => page.locator(`section[data-question="again"] tr[data-answer="${answer}"] td.num`)
	expect(await cell('yes').innerText()).toBe('< 5')
	expect(await cell('no').innerText()).toBe('< 5')
	expect(await page.locator('section[data-question="again"] [data-testid="answered"]').innerText()).toBe('Odgovorilo: 7 od 7')
	// The hatched bar of a hidden count says "< 5" and has no length of its own.
	expect(await page.locator('section[data-question="again"] .result-bar.hidden-count').count()).toBe(2)
	expect(await page.locator('section[data-question="again"] .result-bar-fill').count()).toBe(0)
	// The scale: a diverging bar (aria-hidden) with its table of the five points.
	expect(await page.locator('section[data-question="useful"] .likert[aria-hidden="true"]').count()).toBe(1)
	expect(await page.locator('section[data-question="useful"] tbody tr').count()).toBe(5)
	await expect.poll(() => page.locator('body').innerText()).toContain(resultsSr.legend.smallText)
	await expectNoSidewaysScroll(page)
	expect(describeViolations(await runAxe(page)), 'axe-core on the results page').toBe('')

	for (let i = 0; i < 3; i++) await answer('no', 4)
	await page.reload()
	await waitForHydration(page)
	expect(await cell('yes').innerText()).toBe('5')
	expect(await cell('no').innerText()).toBe('5')
	expect(await page.locator('[data-testid="responses"]').innerText()).toBe('10')
	expect(await page.locator('section[data-question="again"] .result-bar.hidden-count').count()).toBe(0)
	expect(await page.locator('section[data-question="again"] .result-bar-fill').count()).toBe(2)
	expect(describeViolations(await runAxe(page)), 'axe-core after the reload').toBe('')
})
