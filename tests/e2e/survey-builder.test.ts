// An organizer builds a survey in the admin without JavaScript (issue 15): starts from the community
// template, adds a question, moves and removes one, is told what is wrong when a field is empty,
// saves, and finds it locked once the first answer has come in. At 390 px, checked with axe.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import surveyAdminEn from '#app/locales/en/survey-admin.json'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { loginAsAdmin } from '#tests/support/browser.ts'
import {
	bodyText,
	expectAccessible,
	expectNoSidewaysScroll,
	screenshot,
	startJourneyServers,
	useJourneySteps,
	type JourneyServers,
} from '#tests/support/journey.ts'
import type { TestServer } from '#tests/support/server.ts'

let servers: JourneyServers | undefined
let server: TestServer
let browser: Browser
let organizer: string

beforeAll(async () => {
	servers = await startJourneyServers()
	;({ server, browser } = servers)
	organizer = await cliToken(server, 'organizer')
})

afterAll(() => servers?.close())

const contexts = useJourneySteps()
const editor = surveyAdminEn.editor

test('an organizer builds a survey from a template without JavaScript; its questions lock with the first answer', async () => {
	const { page } = await contexts.phone(browser, { javaScriptEnabled: false, locale: 'en-US' })
	await loginAsAdmin(page, server, '/admin?lang=en')
	await page.getByRole('link', { name: surveyAdminEn.nav, exact: true }).click()
	expect(new URL(page.url()).pathname).toBe('/admin/surveys')

	await page.getByLabel(surveyAdminEn.new.start).selectOption('community')
	await page.getByRole('button', { name: surveyAdminEn.new.button }).click()
	expect(new URL(page.url()).pathname).toBe('/admin/surveys/new')
	const questions = page.locator('fieldset.survey-question')
	const fromTemplate = await questions.count()
	expect(fromTemplate).toBeGreaterThanOrEqual(6)
	await expectNoSidewaysScroll(page)

	// Add a number question: the page comes back with one more, its fields empty.
	await page.getByLabel(editor.addKind).selectOption('number')
	await page.getByRole('button', { name: editor.add }).click()
	await expect.poll(() => questions.count()).toBe(fromTemplate + 1)
	const added = questions.last()
	expect(await added.locator('select[name$=".kind"]').inputValue()).toBe('number')
	// Saved with its label empty: refused, the field named, what was typed kept.
	await page.getByLabel(editor.titleField).fill('Socijalno preduzetništvo u Kruševcu 2026')
	await page.getByRole('button', { name: editor.save, exact: true }).click()
	expect(await page.locator('[role=alert]').first().innerText()).toContain(editor.errors)
	const labelError = added.locator('.field-error')
	expect(await labelError.count()).toBeGreaterThan(0)
	expect(await page.getByLabel(editor.titleField).inputValue()).toBe('Socijalno preduzetništvo u Kruševcu 2026')
	await screenshot(page, 'survey-builder-error-390')

	await added.locator('textarea[name$=".label"]').first().fill('Koliko ljudi radi u vašoj organizaciji?')
	await added.locator('input[name$=".max"]').fill('500')
	// Move the new question up one place, then remove the first question of the template.
	await added.getByRole('button', { name: editor.moveUp }).click()
	expect(
		await questions
			.nth(fromTemplate - 1)
			.locator('textarea[name$=".label"]')
			.first()
			.inputValue(),
	).toBe('Koliko ljudi radi u vašoj organizaciji?')
	await questions.first().getByRole('button', { name: editor.remove }).click()
	await expect.poll(() => questions.count()).toBe(fromTemplate)
	await page.getByRole('button', { name: editor.save, exact: true }).click()
	await page.waitForURL((url) => url.searchParams.has('created'))
	expect(await bodyText(page)).toContain(editor.created)
	const slug = new URL(page.url()).pathname.split('/').pop()!
	await screenshot(page, 'survey-builder-saved-390')

	// What was stored is what the builder showed: the API reads it back.
	type StoredQuestion = { id: string; kind: string; label: Record<string, string>; max?: number }
	const storedSurvey = async () => {
		const list = await apiCall(server.url, 'GET', '/api/v1/surveys', { token: organizer })
		expect(list.status, list.text).toBe(200)
		return (list.body.surveys as { slug: string; status: string; locked: boolean; questions: StoredQuestion[] }[]).find((s) => s.slug === slug)!
	}
	const stored = await storedSurvey()
	expect(stored.status).toBe('draft')
	const ids = stored.questions.map((q) => q.id)
	expect(ids).toHaveLength(fromTemplate)
	expect(ids).not.toContain('respondent')
	const number = stored.questions.find((q) => q.kind === 'number')!
	expect(number.label).toEqual({ 'sr-Latn': 'Koliko ljudi radi u vašoj organizaciji?', 'sr-Cyrl': 'Колико људи ради у вашој организацији?' })
	expect(number.max).toBe(500)
	expect(ids.indexOf(number.id)).toBe(fromTemplate - 2)

	// Opened and answered once: the texts and questions are read-only, the status still changes.
	await page.getByLabel(editor.status).selectOption('open')
	await page.getByRole('button', { name: editor.save, exact: true }).click()
	await page.waitForURL((url) => url.searchParams.has('saved'))
	const answer = await apiCall(server.url, 'POST', `/api/v1/surveys/${slug}/responses`, { body: { answers: { [number.id]: 12 } } })
	expect(answer.status, answer.text).toBe(201)
	await page.reload()
	expect(await bodyText(page)).toContain(editor.locked)
	expect(await page.locator('textarea[name$=".label"]').count()).toBe(0)
	expect(await page.getByLabel(editor.titleField).getAttribute('readonly')).not.toBeNull()
	await page.getByLabel(editor.status).selectOption('closed')
	await page.getByRole('button', { name: editor.save, exact: true }).click()
	await page.waitForURL((url) => url.searchParams.has('saved'))
	const closed = await storedSurvey()
	expect(closed).toMatchObject({ status: 'closed', locked: true })
	expect(closed.questions.map((q) => q.id)).toEqual(ids)
	await screenshot(page, 'survey-builder-locked-390')

	// With JavaScript, on a desktop: the list and the builder with a template pass axe.
	const desktop = await contexts.desktop(browser, { locale: 'en-US' })
	await loginAsAdmin(desktop.page, server, '/admin/surveys?lang=en')
	// In English it goes by the template's English title, which was left as it was.
	expect(await desktop.page.locator(`[data-survey="${slug}"]`).innerText()).toContain('The community and social entrepreneurship')
	await expectAccessible(desktop.page, 'the survey list')
	await screenshot(desktop.page, 'survey-list-1280')
	await desktop.page.goto(`${server.url}/admin/surveys/new?template=afterEvent&lang=en`)
	expect(await desktop.page.locator('fieldset.survey-question').count()).toBeGreaterThanOrEqual(6)
	await expectAccessible(desktop.page, 'the builder')
	await screenshot(desktop.page, 'survey-builder-1280')
})
