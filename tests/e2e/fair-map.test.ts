// The demo fair's public map and catalogue on a 390 px phone, in the three languages: every stand
// is big enough to tap (44 × 44 CSS px at least) and tapping one opens its card; the landmarks are
// drawn and in the legend; the map and the catalogue link to each other; the stand table fits or
// says it scrolls; axe-core finds nothing serious. Screenshots in test-results/screenshots/.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import planSr from '#app/locales/sr-Latn/plan.json'
import { launchBrowser, newDesktopContext, newPhoneContext, waitForHydration } from '#tests/support/browser.ts'
import { expectAccessible, expectNoSidewaysScroll, screenshot } from '#tests/support/journey.ts'
import { dbAll } from '#tests/support/database.ts'
import { seedDemo } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let browser: Browser
let slug: string

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	await seedDemo(server)
	slug = (dbAll(server, `SELECT slug FROM events WHERE kind = 'fair' ORDER BY starts_at LIMIT 1`)[0] as { slug: string }).slug
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

async function phonePage(): Promise<Page> {
	const context = await newPhoneContext(browser)
	return context.newPage()
}

describe('the public map on a phone', () => {
	test('every stand is at least 44 × 44 px to tap, and tapping one shows its card', async () => {
		const page = await phonePage()
		await page.goto(`${server.url}/fairs/${slug}/map?lang=sr-Latn`)
		await waitForHydration(page)
		const stands = page.locator('.map-svg .map-stand')
		const count = await stands.count()
		expect(count).toBe(24)
		for (let i = 0; i < count; i++) {
			const box = (await stands.nth(i).locator('rect').first().boundingBox())!
			expect(box.width, `stand ${i} width`).toBeGreaterThanOrEqual(44)
			expect(box.height, `stand ${i} height`).toBeGreaterThanOrEqual(44)
			// The label is readable: its glyphs at least 12 px high.
			const text = (await stands.nth(i).locator('text').first().boundingBox())!
			expect(text.height, `stand ${i} label`).toBeGreaterThanOrEqual(12)
		}
		// The plan scrolls in its own labelled, focusable region, and says so.
		const region = page.locator('.map-scroll[role=region][tabindex="0"]')
		expect(await region.getAttribute('aria-label')).toBe(planSr.map.scrollLabel)
		expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
		expect(await page.locator('.map-scroll-hint').isVisible()).toBe(true)
		const label = await page.locator('.map-svg a.map-stand').first().getAttribute('aria-label')
		const stand = /\b([A-C]\d)\b/.exec(label!)![1]!
		const target = page.locator('.map-svg a.map-stand').first()
		await target.scrollIntoViewIfNeeded()
		await target.click()
		await expect.poll(() => page.locator('#stand-card-title').textContent()).toContain(stand)
		await expectNoSidewaysScroll(page)
		// From the card to the exhibitor's catalogue entry, and from its stand back to the map.
		await page.locator('#stand-card .exhibitor-entry-link a').click()
		await page.waitForURL(/\/exhibitors#exhibitor-\d+$/)
		const entry = page.locator(`article:has(h2[id="${new URL(page.url()).hash.slice(1)}"])`)
		await entry.locator('.exhibitor-stand a').click()
		await page.waitForURL(new RegExp(`/map\\?stand=${stand}#stand-card$`))
		expect(await page.locator('#stand-card-title').textContent()).toContain(stand)
		await page.context().close()
	})

	for (const lang of ['sr-Latn', 'sr-Cyrl', 'en'] as const) {
		test(`map and catalogue in ${lang}: landmarks, the catalogue links stands to the map, the stand table fits (stacked rows), no sideways scroll, axe`, async () => {
			const page = await phonePage()
			await page.goto(`${server.url}/fairs/${slug}/map?lang=${lang}`)
			await waitForHydration(page)
			expect(await page.locator('.map-svg .plan-landmark').count()).toBe(3)
			expect(await page.locator('.map-legend [data-landmark]').count()).toBe(3)
			await expectNoSidewaysScroll(page)
			// The stand table fits: nothing in it is cut off or scrolls sideways.
			const list = page.locator('.map-list .table-wrap')
			expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth), 'the stand table scrolls sideways').toBeLessThanOrEqual(1)
			expect(await page.locator('.map-list tbody tr').count()).toBeGreaterThan(10)
			await expectAccessible(page)
			await screenshot(page, `fair-map-${lang}-390`)
			await page.goto(`${server.url}/fairs/${slug}/exhibitors?lang=${lang}`)
			await waitForHydration(page)
			await expectNoSidewaysScroll(page)
			await expectAccessible(page)
			expect(await page.locator(`.exhibitor-stand a[href^="/fairs/${slug}/map?stand="]`).count()).toBeGreaterThanOrEqual(10)
			await screenshot(page, `fair-catalogue-${lang}-390`)
			await page.context().close()
		})
	}

	test('at 1280 px', async () => {
		const context = await newDesktopContext(browser)
		const page = await context.newPage()
		await page.goto(`${server.url}/fairs/${slug}/map?stand=A1`)
		await waitForHydration(page)
		await expectAccessible(page)
		await screenshot(page, 'fair-map-1280')
		await page.goto(`${server.url}/fairs/${slug}/exhibitors`)
		await screenshot(page, 'fair-catalogue-1280')
		await context.close()
	})
})
