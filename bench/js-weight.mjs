// JavaScript each public page makes the phone load: the module scripts and modulepreload links in
// its HTML and the message catalogs it preloads for hydration, each file's size compressed (gzip -9 and brotli, as a server or CDN would send it),
// summed per page; inline scripts counted apart. Issue 17's goal: the event and apply pages at most
// half of what they loaded before (the figures of commit 9571b24, measured by this script then).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { ROOT, startApp, table } from './lib.mjs'

const BUILD_DIR = path.resolve(ROOT, process.env.REMIX_BUILD_DIR ?? 'build')
/** gzip KiB per page at 9571b24 (before issue 17), for the goal. */
const BEFORE = { event: Number(process.env.JS_BEFORE_EVENT ?? 263.1), apply: Number(process.env.JS_BEFORE_APPLY ?? 261.6) }

const app = await startApp()
try {
	const { events } = await (await fetch(`${app.url}/api/v1/events`)).json()
	const event = events.find((e) => e.kind !== 'fair') ?? events[0]
	const fair = events.find((e) => e.kind === 'fair')
	const pages = [
		['home', '/'],
		['event', `/events/${event.slug}`],
		['apply', `/fairs/${fair.slug}/apply`],
		['exhibitors', `/fairs/${fair.slug}/exhibitors`],
		['map', `/fairs/${fair.slug}/map`],
		['privacy', '/privacy'],
		['scan', '/scan'],
	]
	const rows = []
	const sizes = {}
	for (const [name, pathname] of pages) {
		const html = await (await fetch(app.url + pathname, { headers: { 'accept-language': 'sr' } })).text()
		const files = new Set()
		for (const m of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) files.add(m[1])
		for (const m of html.matchAll(/<script[^>]* src="([^"]+)"/g)) files.add(m[1])
		for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/assets\/[^"]+\.js)"/g)) files.add(m[1])
		// The message catalogs the browser fetches before hydrating (decision 0012): counted as script.
		for (const m of html.matchAll(/<link rel="preload" as="fetch"[^>]* href="([^"]+)"/g)) files.add(m[1])
		let raw = 0
		let gzip = 0
		let brotli = 0
		for (const file of files) {
			const bytes = readFileSync(path.join(BUILD_DIR, 'client', file))
			raw += bytes.length
			gzip += zlib.gzipSync(bytes, { level: 9 }).length
			brotli += zlib.brotliCompressSync(bytes).length
		}
		const inline = [...html.matchAll(/<script(?![^>]* src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + Buffer.byteLength(m[1]), 0)
		sizes[name] = gzip / 1024
		rows.push({
			page: pathname.replace(event.slug, ':slug').replace(fair.slug, ':slug'),
			files: files.size,
			'KiB raw': (raw / 1024).toFixed(1),
			'KiB gzip': (gzip / 1024).toFixed(1),
			'KiB brotli': (brotli / 1024).toFixed(1),
			'inline script KiB': (inline / 1024).toFixed(1),
			'HTML KiB': (Buffer.byteLength(html) / 1024).toFixed(1),
		})
	}
	console.log(`\nJavaScript per public page (${new Date().toISOString()})\n`)
	console.log(table(rows))
	for (const name of ['event', 'apply']) {
		if (!BEFORE[name]) continue
		const met = sizes[name] <= BEFORE[name] / 2
		console.log(`Goal (issue 17): ${name} page JS ≤ half of before (${BEFORE[name]} KiB gzip): ${met ? 'met' : 'NOT met'} (${sizes[name].toFixed(1)} KiB)`)
	}
} finally {
	await app.stop()
}
