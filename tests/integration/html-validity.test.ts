// Every public page, a ticket page and the 404 page, in the three languages, through the Nu HTML
// checker (vnu-jar, run once with Java over all the saved pages): no error, fatal or not. The
// pages are fetched as a browser would (streamed), which is where Remix's stream scripts once
// landed after </html>.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { apiCall } from '#tests/support/api-client.ts'
import { seedDemo } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const
const CHROME_UA = 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0 Mobile Safari/537.36'
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

type VnuMessage = { type: string; subType?: string; url: string; message: string; lastLine?: number; extract?: string }

let server: TestServer
let dir: string

beforeAll(async () => {
	server = await startServer()
	await seedDemo(server)
	dir = mkdtempSync(path.join(os.tmpdir(), 'sajam-vnu-'))
})

afterAll(async () => {
	await server?.stop()
	if (dir) rmSync(dir, { recursive: true, force: true })
})

test('the Nu HTML checker finds no error on any public page in any language', { timeout: 120_000 }, async () => {
	const { body } = await apiCall(server.url, 'GET', '/api/v1/events')
	const events = body.events as { slug: string; kind: string }[]
	const fair = events.find((event) => event.kind === 'fair')!
	const promo = events.find((event) => event.kind !== 'fair')!
	const registered = await apiCall(server.url, 'POST', `/api/v1/events/${promo.slug}/registrations`, {
		body: { name: 'Jelena Pavlović', email: 'jelena.pavlovic@example.rs', partySize: 1, consent: { privacy: true } },
	})
	expect(registered.status, registered.text).toBe(201)
	const ticketPath = new URL(registered.body.registration.manageUrl).pathname
	const pages: [string, number][] = [
		['/', 200],
		[`/events/${promo.slug}`, 200],
		[`/events/${fair.slug}`, 200],
		[`/fairs/${fair.slug}/apply`, 200],
		[`/fairs/${fair.slug}/exhibitors`, 200],
		[`/fairs/${fair.slug}/map`, 200],
		['/scan', 200],
		['/privacy', 200],
		[ticketPath, 200],
		['/no-such-page', 404],
	]
	const files: string[] = []
	const names = new Map<string, string>()
	for (const locale of LOCALES) {
		for (const [pathname, status] of pages) {
			const response = await fetch(`${server.url}${pathname}?lang=${locale}`, { headers: { Accept: 'text/html', 'User-Agent': CHROME_UA } })
			expect(response.status, pathname).toBe(status)
			const file = path.join(dir, `page-${files.length}.html`)
			writeFileSync(file, Buffer.from(await response.arrayBuffer()))
			files.push(file)
			names.set(path.basename(file), `${pathname.replace(/^\/tickets\/[^/]+/, '/tickets/…')}?lang=${locale}`)
		}
	}
	// vnu exits 1 when it reports errors; the JSON on stdout is what counts.
	const run = await promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
		(error: { stdout?: string; code?: unknown; message: string }) => {
			if (typeof error.stdout === 'string' && error.stdout.startsWith('{')) return { stdout: error.stdout }
			throw new Error(`vnu did not run (is Java installed?): ${error.message}`)
		},
	)
	const messages = (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages
	const errors = messages
		.filter((m) => m.type === 'error' || m.type === 'non-document-error')
		.map((m) => `${names.get(path.basename(new URL(m.url).pathname)) ?? m.url}:${m.lastLine ?? '?'} ${m.subType ?? ''} ${m.message} «${m.extract ?? ''}»`)
	expect(errors).toEqual([])
	expect(files).toHaveLength(LOCALES.length * pages.length)
})
