// How fast the public pages and the events API answer, next to the machine's bare node:http
// ceiling measured in the same run. Figures go to docs/performance.md.
import { load, startApp, startBareHttp, table } from './lib.mjs'

const duration = Number(process.env.BENCH_SECONDS ?? 5)
const bare = await startBareHttp()
const app = await startApp()
try {
	const ceiling = await load(bare.url, { duration })
	const rows = [{ target: 'bare node:http', ...ceiling, 'vs ceiling': '1.00' }]
	for (const [name, pathname] of [
		['GET /healthz', '/healthz'],
		['GET /api/v1/events', '/api/v1/events'],
		['GET / (home page)', '/'],
		['GET /events/:slug', `/events/${await firstSlug(app.url)}`],
		['GET /calendar.ics', '/calendar.ics'],
	]) {
		const r = await load(app.url + pathname, { duration })
		rows.push({ target: name, ...r, 'vs ceiling': (r.rps / ceiling.rps).toFixed(2) })
	}
	console.log(`\nPages and API, ${duration} s each, 64 connections (${new Date().toISOString()})\n`)
	console.log(table(rows.map(({ errors, ...r }) => r)))
	if (rows.some((r) => r.non2xx > 0 || r.errors > 0)) {
		console.error('bench: some requests failed')
		process.exitCode = 1
	}
} finally {
	await app.stop()
	await bare.stop()
}

async function firstSlug(url) {
	const { events } = await (await fetch(`${url}/api/v1/events`)).json()
	return events[0].slug
}
