// A visitor on a 390 px phone finds an event and reads it in each of the three languages; drafts
// stay hidden, a cancelled event says so, the pages pass axe-core, and screenshots are kept for
// people to look at (test-results/screenshots/).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import commonEn from '#app/locales/en/common.json'
import publicEn from '#app/locales/en/public.json'
import commonCyrl from '#app/locales/sr-Cyrl/common.json'
import publicCyrl from '#app/locales/sr-Cyrl/public.json'
import admin from '#app/locales/sr-Latn/admin.json'
import applySr from '#app/locales/sr-Latn/apply.json'
import common from '#app/locales/sr-Latn/common.json'
import publicSr from '#app/locales/sr-Latn/public.json'
import { describeViolations, launchBrowser, loginAsAdmin, runAxe, seriousViolations, waitForHydration } from '#tests/support/browser.ts'
import { bodyText, checkPageErrorsAfterEach, expectNoSidewaysScroll, screenshot } from '#tests/support/journey.ts'
import { NEXT_YEAR, organizerApi, seedDemo, type ApiEvent } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let browser: Browser

/** The event the visitor looks for: a June evening, so the dates read differently in each language. */
const WORKSHOP = {
	slug: 'radionica-sivenje',
	title: 'Radionica: Šivenje od recikliranog tekstila',
	// Written out by hand: what the transliteration must give.
	titleCyrl: 'Радионица: Шивење од рециклираног текстила',
	titleEn: 'Workshop: Sewing with recycled textiles',
	startsAt: `${NEXT_YEAR}-06-10T18:30:00+02:00`,
	endsAt: `${NEXT_YEAR}-06-10T20:00:00+02:00`,
}
const DRAFT = { slug: 'tajni-nacrt', title: 'Nacrt koji niko ne sme da vidi' }
const CANCELLED = { slug: 'otkazana-promocija', title: 'Promocija koja je otkazana' }
let workshop: ApiEvent

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	await seedDemo(server)
	const api = await organizerApi(server)
	const venue = { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' }
	workshop = await api.create({
		title: WORKSHOP.title,
		titleEn: WORKSHOP.titleEn,
		slug: WORKSHOP.slug,
		kind: 'workshop',
		summary: 'Od starih majica pravimo torbe i prostirke, uz udruženje „Nit“.',
		summaryEn: 'We turn old T-shirts into bags and rugs, with the “Nit” association.',
		description: 'Donesite staru odeću. Mašine i pribor obezbeđujemo mi.',
		descriptionEn: 'Bring old clothes. We provide the machines and tools.',
		startsAt: WORKSHOP.startsAt,
		endsAt: WORKSHOP.endsAt,
		venue,
		capacity: 20,
		maxPartySize: 2,
		status: 'published',
	})
	await api.create({ ...DRAFT, kind: 'other', startsAt: WORKSHOP.startsAt, endsAt: WORKSHOP.endsAt, venue, capacity: null, status: 'draft' })
	await api.create({ ...CANCELLED, kind: 'promo', startsAt: WORKSHOP.startsAt, endsAt: WORKSHOP.endsAt, venue, capacity: null, status: 'published' })
	await api.update(CANCELLED.slug, { status: 'cancelled' })
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

const contexts = checkPageErrorsAfterEach()

/** A phone whose browser asks for `locale` (German: a language we do not speak → the default). */
const phone = (locale = 'de-DE') => contexts.phone(browser, { locale })

async function html(page: Page) {
	return {
		lang: await page.locator('html').getAttribute('lang'),
		text: await bodyText(page),
	}
}

function languageLink(page: Page, languageLabel: string, name: string) {
	return page.getByRole('navigation', { name: languageLabel, exact: true }).getByRole('link', { name, exact: true })
}

describe('a visitor on a phone', () => {
	test('reads the event in Serbian Latin (the default), switches to Cyrillic, which is remembered, then English', async () => {
		const { page } = await phone()

		// Home, Serbian Latin: the fair leads, the workshop is in the list with its Serbian date.
		await page.goto(`${server.url}/`)
		let view = await html(page)
		expect(view.lang).toBe('sr-Latn')
		expect(await page.locator('h1').innerText()).toMatch(/^Mini-sajam socijalnog preduzetništva \d{4}$/)
		expect(view.text).toContain(publicSr.home.upcoming)
		const card = page.locator('article.event-card').filter({ has: page.getByRole('link', { name: WORKSHOP.title, exact: true }) })
		expect(await card.count()).toBe(1)
		const cardText = await card.innerText()
		expect(cardText).toContain(`10. jun ${NEXT_YEAR}`)
		expect(cardText).toContain('18:30–20:00')
		expect(cardText).not.toMatch(/June|јун/)
		expect(view.text).not.toContain(DRAFT.title)
		expect(view.text).not.toContain('Info dan') // the demo's own draft
		await expectNoSidewaysScroll(page)

		// The event page.
		await Promise.all([page.waitForURL(`**/events/${WORKSHOP.slug}`), card.getByRole('link', { name: WORKSHOP.title }).tap()])
		// A client-side navigation changes the URL a moment before React renders the new page.
		await page.locator('h1', { hasText: WORKSHOP.title }).waitFor()
		view = await html(page)
		expect(await page.locator('h1').innerText()).toBe(WORKSHOP.title)
		expect(view.text).toContain(publicSr.event.about)
		const facts = page.getByRole('complementary', { name: publicSr.event.details })
		const factsText = await facts.innerText()
		expect(factsText).toContain(`10. jun ${NEXT_YEAR}`)
		expect(factsText).toContain('18:30–20:00')
		expect(factsText).toContain('Jugovićeva 17, Kruševac')
		expect(await facts.locator('time').getAttribute('datetime')).toBe(workshop.startsAt)
		await expectNoSidewaysScroll(page)

		// Ћирилица through the language switcher.
		const cyrillic = languageLink(page, common.language.label, common.language['sr-Cyrl'])
		expect(await cyrillic.getAttribute('hreflang')).toBe('sr-Cyrl')
		expect(await languageLink(page, common.language.label, common.language['sr-Latn']).getAttribute('aria-current')).toBe('true')
		await Promise.all([page.waitForURL((u) => u.searchParams.get('lang') === 'sr-Cyrl'), cyrillic.tap()])
		await page.waitForLoadState('load')
		view = await html(page)
		expect(view.lang).toBe('sr-Cyrl')
		expect(await page.locator('h1').innerText()).toBe(WORKSHOP.titleCyrl)
		expect(view.text).toContain(publicCyrl.event.about)
		expect(await page.getByRole('complementary', { name: publicCyrl.event.details }).innerText()).toContain(`10. јун ${NEXT_YEAR}`)
		expect(await languageLink(page, commonCyrl.language.label, commonCyrl.language['sr-Cyrl']).getAttribute('aria-current')).toBe('true')
		await expectNoSidewaysScroll(page)

		// The next page, without ?lang=, is still in Cyrillic: the choice was remembered.
		await page.goto(`${server.url}/`)
		view = await html(page)
		expect(view.lang).toBe('sr-Cyrl')
		expect(view.text).toContain(publicCyrl.home.upcoming)
		expect(view.text).not.toContain(publicSr.home.upcoming)
		expect(await page.locator('h1').innerText()).toMatch(/^Мини-сајам социјалног предузетништва \d{4}$/)
		const cyrillicCard = page.locator('article.event-card').filter({ has: page.getByRole('link', { name: WORKSHOP.titleCyrl, exact: true }) })
		expect(await cyrillicCard.innerText()).toContain(`10. јун ${NEXT_YEAR}`)
		await expectNoSidewaysScroll(page)

		// English.
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('lang') === 'en'),
			languageLink(page, commonCyrl.language.label, commonCyrl.language.en).tap(),
		])
		await page.waitForLoadState('load')
		view = await html(page)
		expect(view.lang).toBe('en')
		expect(view.text).toContain(publicEn.home.upcoming)
		expect(await page.locator('h1').innerText()).toMatch(/^Mini-fair of Social Entrepreneurship \d{4}$/)
		const englishCard = page.locator('article.event-card').filter({ has: page.getByRole('link', { name: WORKSHOP.titleEn, exact: true }) })
		expect(await englishCard.innerText()).toContain(`10 June ${NEXT_YEAR}`)
		await expectNoSidewaysScroll(page)
		await Promise.all([page.waitForURL(`**/events/${WORKSHOP.slug}`), englishCard.getByRole('link').tap()])
		await page.locator('h1', { hasText: WORKSHOP.titleEn }).waitFor()
		expect(await page.locator('h1').innerText()).toBe(WORKSHOP.titleEn)
		const englishFacts = await page.getByRole('complementary', { name: publicEn.event.details }).innerText()
		expect(englishFacts).toContain(`10 June ${NEXT_YEAR}`)
		expect(englishFacts).toContain('18:30–20:00')
		expect((await html(page)).text).toContain(publicEn.event.about)
		await expectNoSidewaysScroll(page)
	})

	test('a first visit with Accept-Language: en is in English', async () => {
		const { page } = await phone('en-US')
		const response = await page.goto(`${server.url}/events/${WORKSHOP.slug}`)
		expect(response?.status()).toBe(200)
		const view = await html(page)
		expect(view.lang).toBe('en')
		expect(await page.locator('h1').innerText()).toBe(WORKSHOP.titleEn)
		expect(view.text).toContain(publicEn.event.about)
		expect(view.text).toContain(commonEn.kind.workshop)
	})

	test('a draft is not there: not in the list, 404 on its page', async () => {
		const { page, watch } = await phone()
		await page.goto(`${server.url}/`)
		expect((await html(page)).text).not.toContain(DRAFT.title)
		const response = await watch.expecting(/^HTTP 404 /, () => page.goto(`${server.url}/events/${DRAFT.slug}`))
		expect(response?.status()).toBe(404)
		const view = await html(page)
		expect(view.text).toContain(common.error.notFoundTitle)
		expect(view.text).not.toContain(DRAFT.title)
		expect((await fetch(`${server.url}/events/${DRAFT.slug}/event.ics`)).status).toBe(404)
	})

	test('a cancelled event says it is cancelled and offers no calendar entry', async () => {
		const { page } = await phone()
		const response = await page.goto(`${server.url}/events/${CANCELLED.slug}`)
		expect(response?.status()).toBe(200)
		expect(await page.locator('h1').innerText()).toBe(CANCELLED.title)
		const view = await html(page)
		expect(view.text).toContain(publicSr.event.cancelledNotice)
		expect(await page.locator('.pill.status-cancelled').innerText()).toBe(common.status.cancelled)
		expect(view.text).not.toContain(publicSr.event.addToCalendar)
		await expectNoSidewaysScroll(page)

		await page.goto(`${server.url}/events/${CANCELLED.slug}?lang=en`)
		expect((await html(page)).text).toContain(publicEn.event.cancelledNotice)
	})
})

describe('accessibility (axe-core)', () => {
	test('the check itself works on our pages (CSP and all): a broken image and an empty button are caught', async () => {
		const { page } = await phone()
		await page.goto(`${server.url}/`)
		await waitForHydration(page)
		await page.evaluate(() => {
			document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><button type="button"></button>')
		})
		const ids = seriousViolations(await runAxe(page)).map((v) => v.id)
		expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']))
	})

	test('no serious or critical violations on the home page, an event page and the login page, in each language', async () => {
		const { page } = await phone()
		const found: string[] = []
		const checked: string[] = []
		for (const lang of ['sr-Latn', 'sr-Cyrl', 'en']) {
			for (const pathname of ['/', `/events/${WORKSHOP.slug}`, `/events/${CANCELLED.slug}`, '/admin/login']) {
				await page.goto(`${server.url}${pathname}?lang=${lang}`)
				expect(await page.locator('html').getAttribute('lang')).toBe(lang)
				const serious = seriousViolations(await runAxe(page))
				checked.push(`${lang} ${pathname}`)
				if (serious.length) found.push(`${lang} ${pathname}: ${serious.map((v) => v.id).join(', ')}\n${describeViolations(serious)}`)
			}
		}
		expect(checked).toHaveLength(12)
		expect(found.join('\n\n'), 'axe-core found serious or critical violations').toBe('')
	})

	test("the new-event form too (Serbian Latin, the organizers' language)", async () => {
		const { page } = await phone()
		await loginAsAdmin(page, server, '/admin/events/new')
		expect(await page.locator('h1').innerText()).toBe(admin.eventForm.newTitle)
		const serious = seriousViolations(await runAxe(page))
		expect(describeViolations(serious), 'axe-core found serious or critical violations').toBe('')
		await expectNoSidewaysScroll(page)
	})
})

describe('screenshots', () => {
	test('home, an event page and the new-event form, at 390 and 1280 px', async () => {
		const devices = [
			{ width: 390, ...(await contexts.phone(browser, { locale: 'de-DE' })) },
			{ width: 1280, ...(await contexts.desktop(browser, { locale: 'de-DE' })) },
		]
		for (const { width, page } of devices) {
			const shots: [string, string, string][] = [
				['home', '/', publicSr.home.upcoming],
				['event', `/events/${WORKSHOP.slug}`, WORKSHOP.title],
			]
			for (const [name, pathname, expectedText] of shots) {
				await page.goto(`${server.url}${pathname}`)
				expect(await page.locator('body').innerText()).toContain(expectedText)
				await screenshot(page, `${name}-${width}`)
			}
			await loginAsAdmin(page, server, '/admin/events/new')
			expect(await page.locator('h1').innerText()).toBe(admin.eventForm.newTitle)
			await screenshot(page, `admin-new-event-${width}`)
		}
	})
})

// Issue 13 ("Forms"): links of 17–20 px, an invalid field marked by the colour of its text only, a
// 3.6 MB photo refused only after it was uploaded over mobile data, a legend running out of its box.
describe('forms and tap targets on a 390 px phone', () => {
	/** The demo fair (applications open, a published plan with exhibitors on it). */
	async function demoFairSlug(page: Page) {
		await page.goto(`${server.url}/`)
		const href = await page.locator('a[href^="/events/mini-sajam-"]').first().getAttribute('href')
		return href!.replace('/events/', '')
	}

	async function sizes(page: Page, selector: string) {
		return page
			.locator(selector)
			.evaluateAll((elements) =>
				elements.map((e) => ({ text: (e as HTMLElement).innerText.trim(), width: e.getBoundingClientRect().width, height: e.getBoundingClientRect().height })),
			)
	}

	test('a lone link is at least 24 × 24 CSS px (WCAG 2.5.8), a submit button at least 44 px high', async () => {
		const { page } = await phone()
		const fair = await demoFairSlug(page)
		await page.goto(`${server.url}/events/${WORKSHOP.slug}`)
		const links = [...(await sizes(page, '.breadcrumb a')), ...(await sizes(page, '.facts dd > a')), ...(await sizes(page, '.site-footer a'))]
		expect(links.map((l) => l.text)).toEqual(expect.arrayContaining([`← ${publicSr.event.allEvents}`, expect.stringContaining(publicSr.event.openMap)]))
		expect(links.length).toBeGreaterThanOrEqual(6)
		for (const link of links) {
			expect(link.height, link.text).toBeGreaterThanOrEqual(24)
			expect(link.width, link.text).toBeGreaterThanOrEqual(24)
		}
		const [submit] = await sizes(page, '#registration-form button[type="submit"]')
		expect(submit!.height).toBeGreaterThanOrEqual(44)

		await page.goto(`${server.url}/fairs/${fair}/map`)
		const stands = await sizes(page, '.map-list th a')
		expect(stands.length).toBeGreaterThan(0)
		for (const stand of stands) {
			expect(stand.height, stand.text).toBeGreaterThanOrEqual(24)
			expect(stand.width, stand.text).toBeGreaterThanOrEqual(24)
		}

		await page.goto(`${server.url}/fairs/${fair}/apply`)
		const [send] = await sizes(page, '#application-form button[type="submit"]')
		expect(send!.height).toBeGreaterThanOrEqual(44)
	})

	test('an invalid field is marked by its border (colour and width), not only by red text', async () => {
		const { page, watch } = await phone()
		await page.goto(`${server.url}/events/${WORKSHOP.slug}`)
		await waitForHydration(page)
		const email = page.locator('#registration-form-email')
		const border = () => email.evaluate((e) => ({ ...getComputedStyle(e) }))
		const before = await border()
		await email.fill('nije-adresa')
		// The event page needs no JavaScript (issue 17): the server's answer marks the field.
		await watch.expecting(/^HTTP 400 POST /, async () => {
			await page.locator('form#registration-form button[type=submit]').click()
			await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
		})
		const after = await border()
		expect(parseFloat(after.borderTopWidth)).toBeGreaterThan(parseFloat(before.borderTopWidth))
		expect(after.borderTopColor).not.toBe(before.borderTopColor)
		expect(after.boxShadow).not.toBe('none')
	})

	test('a logo over 2 MB is refused in the browser on choosing it, before anything is sent; the long legend wraps', async () => {
		const { page } = await phone()
		const fair = await demoFairSlug(page)
		await page.goto(`${server.url}/fairs/${fair}/apply`)
		await waitForHydration(page)
		const posts: string[] = []
		page.on('request', (request) => {
			if (request.method() === 'POST') posts.push(request.url())
		})
		const logo = page.locator('#application-form-logo')
		await logo.setInputFiles({ name: 'fotografija.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(3_600_000, 0xff) })
		await expect.poll(() => page.locator('#application-form-logo-error').textContent()).toBe(applySr.errors.image_too_large)
		expect(await logo.getAttribute('aria-invalid')).toBe('true')
		expect(await logo.evaluate((input) => (input as HTMLInputElement).files?.length)).toBe(0)
		await logo.setInputFiles({ name: 'ponuda.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') })
		await expect.poll(() => page.locator('#application-form-logo-error').textContent()).toBe(applySr.errors.image_not_allowed)
		expect(posts).toEqual([])

		const legend = page.locator('legend', { hasText: applySr.section.law })
		const [legendBox, fieldsetBox] = [await legend.boundingBox(), await legend.locator('xpath=..').boundingBox()]
		expect(legendBox!.x + legendBox!.width).toBeLessThanOrEqual(fieldsetBox!.x + fieldsetBox!.width)
		await expectNoSidewaysScroll(page)
	})

	test('screenshots at 390 px: home, an event page, the application form with errors, in Serbian Latin and English', async () => {
		for (const locale of ['sr-Latn', 'en'] as const) {
			const { page, watch } = await phone(locale === 'en' ? 'en-GB' : 'de-DE')
			const fair = await demoFairSlug(page)
			await page.goto(`${server.url}/?lang=${locale}`)
			await screenshot(page, `issue13-home-${locale}-390`)
			await page.goto(`${server.url}/events/${WORKSHOP.slug}?lang=${locale}`)
			await screenshot(page, `issue13-event-${locale}-390`)
			await page.goto(`${server.url}/fairs/${fair}/apply?lang=${locale}`)
			await waitForHydration(page)
			await page.locator('#application-form-contact\\.email').fill('nije-adresa')
			// The server checks the form and its 422 marks the fields (no zod in the browser, decision 0012).
			await watch.expecting(/^HTTP 422 POST /, async () => {
				await page.locator('#application-form button[type="submit"]').click()
				await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0)
			})
			await screenshot(page, `issue13-apply-errors-${locale}-390`)
		}
	})
})
