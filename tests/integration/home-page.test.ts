// The home page (/) says who the Center is, in the reader's language, and leads to the published
// fair's catalogue, map and application form (issue 13).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import publicCyrl from '#app/locales/sr-Cyrl/public.json'
import publicEn from '#app/locales/en/public.json'
import publicSr from '#app/locales/sr-Latn/public.json'
import commonCyrl from '#app/locales/sr-Cyrl/common.json'
import commonEn from '#app/locales/en/common.json'
import commonSr from '#app/locales/sr-Latn/common.json'
import { cliToken } from '#tests/support/api-client.ts'
import { dbRun } from '#tests/support/database.ts'
import { createPublishedFair, setFairSettings } from '#tests/support/fair-fixtures.ts'
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
