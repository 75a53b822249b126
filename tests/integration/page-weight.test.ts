// Issue 17's budget for the application form (decision 0012): the phone loads at most half of the
// 261.6 KiB gzip of JavaScript the page loaded before (gzip -9 of every module file and message
// catalog the HTML names, as bench/js-weight.mjs counts), none of it zod, and only catalogs of the
// page's language, never the admin's or the mails'. The scanner (/scan) loads no zod either: its
// code takes the check-in limits from app/domain/checkin-limits.ts, not the server's schemas.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cliToken } from '#tests/support/api-client.ts'
import { createPublishedFair } from '#tests/support/fair-fixtures.ts'
import { ROOT, startServer, type TestServer } from '#tests/support/server.ts'

const BUDGET_KIB = 261.6 / 2
const CLIENT_DIR = path.resolve(ROOT, process.env.REMIX_BUILD_DIR ?? 'build', 'client')

let server: TestServer
let slug: string

beforeAll(async () => {
	server = await startServer()
	slug = (await createPublishedFair(server, await cliToken(server, 'organizer'))).slug
})

afterAll(async () => {
	await server?.stop()
})

/** The files the page makes the browser load before it runs: module scripts, their preloads, the catalogs. */
function loadedFiles(html: string): string[] {
	const files = new Set<string>()
	for (const m of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) files.add(m[1]!)
	for (const m of html.matchAll(/<script[^>]* src="([^"]+)"/g)) files.add(m[1]!)
	for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/assets\/[^"]+\.js)"/g)) files.add(m[1]!)
	for (const m of html.matchAll(/<link rel="preload" as="fetch"[^>]* href="([^"]+)"/g)) files.add(m[1]!)
	return [...files]
}

describe('the application form page', () => {
	test.each(['sr-Latn', 'sr-Cyrl', 'en'])('%s: at most half of its former JavaScript, no zod, only its own catalogs', async (locale) => {
		const html = await (await fetch(`${server.url}/fairs/${slug}/apply?lang=${locale}`)).text()
		const files = loadedFiles(html)
		expect(files.some((file) => file.endsWith('.json'))).toBe(true)
		let gzip = 0
		for (const file of files) {
			const bytes = readFileSync(path.join(CLIENT_DIR, file))
			gzip += zlib.gzipSync(bytes, { level: 9 }).length
			// zod's error class names itself so in every build.
			expect(bytes.includes('$ZodError'), file).toBe(false)
		}
		expect(gzip / 1024).toBeLessThanOrEqual(BUDGET_KIB)
		const namespaces = [...html.matchAll(/data-i18n-ns="([^"]+)"/g)].map((m) => m[1])
		expect(namespaces).toContain('apply')
		for (const namespace of ['admin', 'mail', 'api', 'survey-admin']) expect(namespaces).not.toContain(namespace)
		// Each named catalog is the page's language: the same texts the server bundles for it.
		for (const m of html.matchAll(/href="([^"]+)" data-i18n-ns="common"/g)) {
			const catalog = JSON.parse(readFileSync(path.join(CLIENT_DIR, m[1]!), 'utf8')) as unknown
			const own = JSON.parse(readFileSync(path.join(ROOT, 'app/locales', locale, 'common.json'), 'utf8')) as unknown
			expect(catalog).toEqual(own)
		}
	})
})

describe('the scanner page', () => {
	test('no zod in what /scan loads', async () => {
		const html = await (await fetch(`${server.url}/scan`)).text()
		const files = loadedFiles(html).filter((file) => file.endsWith('.js'))
		expect(files.length).toBeGreaterThan(0)
		for (const file of files) expect(readFileSync(path.join(CLIENT_DIR, file)).includes('$ZodError'), file).toBe(false)
	})
})
