// A large event (issue 21): 30,000 registrations in one event (BENCH_LARGE_N). While `/healthz` is
// asked all the time (8 connections), an organizer downloads the registrations CSV and a client
// walks the whole paged API list at the same time. Measured: /healthz p99 and slowest answer alone
// and during the two, the export's time and the server's memory growth (RSS, sampled every 20 ms),
// the walk's time and whether it gave each registration exactly once, and the scanners' offline
// dataset per 1,000 tickets (as sent, and gzip-compressed; the legacy shape and version 2), with
// its time to build and /healthz meanwhile. Goals: /healthz p99 under 100 ms during
// the export and the walk; RSS growth under 50 MB; each registration exactly once. Printed, not
// asserted. Needs `npm run build`.
import Database from 'better-sqlite3'
import autocannon from 'autocannon'
import { api, cli, rssMb, startApp, table } from './lib.mjs'

const N = Number(process.env.BENCH_LARGE_N ?? 30_000)
const HEALTH_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const ADMIN = { email: 'bench-admin@sajam.test', password: 'bench-admin-password-1' }

function healthLoad(app, seconds) {
	return autocannon({ url: `${app.url}/healthz`, connections: 8, duration: seconds }).then((r) => ({
		rps: Math.round(r.requests.average),
		p50: r.latency.p50,
		p99: r.latency.p99,
		max: r.latency.max,
		bad: r.non2xx + r.errors,
	}))
}

function insertRegistrations(app, slug) {
	const db = new Database(app.env.DATABASE_PATH)
	db.pragma('busy_timeout = 5000')
	const eventId = db.prepare('SELECT id FROM events WHERE slug = ?').get(slug).id
	const insert = db.prepare(
		`INSERT INTO registrations (event_id, status, name, email, party_size, locale, privacy_accepted_at, source, created_at, ticket_code, confirmed_at)
		 VALUES (?, 'confirmed', ?, ?, ?, ?, ?, 'web', ?, ?, ?)`,
	)
	const locales = ['sr-Latn', 'sr-Cyrl', 'en']
	const now = Date.now()
	db.transaction(() => {
		for (let i = 0; i < N; i++) insert.run(eventId, `Posetilac Prezimenić ${i}`, `posetilac${i}@primer.rs`, 1 + (i % 4), locales[i % 3], now, now, `T${i}`, now)
	})()
	db.close()
}

async function logIn(app) {
	const response = await fetch(`${app.url}/admin/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password, redirectTo: '/admin' }),
	})
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ')
}

/** Downloads the CSV, reading it as it streams; its time and size. */
async function exportCsv(app, eventId, cookie) {
	const t0 = performance.now()
	const response = await fetch(`${app.url}/admin/events/${eventId}/registrations.csv`, { headers: { cookie } })
	let bytes = 0
	let lines = 0
	for await (const chunk of response.body) {
		bytes += chunk.length
		for (const byte of chunk) if (byte === 10) lines++
	}
	return { ms: performance.now() - t0, bytes, rows: lines - 1, status: response.status }
}

/** Walks the paged list; its time, its pages and how many ids it saw, and how many distinct. */
async function walk(app, slug, token) {
	const t0 = performance.now()
	const ids = []
	let cursor = null
	let pages = 0
	do {
		const { status, body } = await api(
			app,
			'GET',
			`/api/v1/events/${slug}/registrations?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			undefined,
			token,
		)
		if (status !== 200) throw new Error(`walk: ${status} ${JSON.stringify(body).slice(0, 200)}`)
		for (const r of body.registrations) ids.push(r.id)
		cursor = body.next
		pages++
	} while (cursor)
	return { ms: performance.now() - t0, pages, seen: ids.length, distinct: new Set(ids).size }
}

const app = await startApp({ seed: false, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } })
try {
	const organizer = (await cli(app, ['token', 'create', '--role', 'organizer'])).trim().split('\n').pop()
	const start = new Date(Date.now() + 30 * 24 * 3600_000)
	const created = await api(
		app,
		'POST',
		'/api/v1/events',
		{
			title: 'Veliki događaj',
			kind: 'fair',
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 8 * 3600_000).toISOString(),
			venue: 'Trg kosovskih junaka',
			capacity: null,
			waitlist: false,
			maxPartySize: 6,
			status: 'published',
		},
		organizer,
	)
	if (created.status !== 201) throw new Error(`create event: ${created.status}`)
	const { slug } = created.body.event
	insertRegistrations(app, slug)
	const eventId = new Database(app.env.DATABASE_PATH, { readonly: true }).prepare('SELECT id FROM events WHERE slug = ?').get(slug).id
	const scanner = (await cli(app, ['token', 'create', '--role', 'scanner', '--event', slug])).trim().split('\n').pop()
	const cookie = await logIn(app)

	const alone = await healthLoad(app, Math.max(3, Math.round(HEALTH_SECONDS / 2)))
	const rssBefore = rssMb(app.pid)
	let rssPeak = rssBefore
	const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(app.pid))), 20)
	const [during, exported, walked] = await Promise.all([
		healthLoad(app, HEALTH_SECONDS),
		(async () => {
			await new Promise((r) => setTimeout(r, 500))
			return exportCsv(app, eventId, cookie)
		})(),
		(async () => {
			await new Promise((r) => setTimeout(r, 500))
			return walk(app, slug, organizer)
		})(),
	])
	clearInterval(sampler)

	// The scanners' offline dataset, before (legacy shape) and after (version 2): as sent, and gzip.
	const dataset = async (query) => {
		const url = `${app.url}/api/v1/events/${slug}/checkins/offline${query}`
		const headers = { authorization: `Bearer ${scanner}` }
		const t0 = performance.now()
		const raw = await (await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' } })).text()
		const ms = performance.now() - t0
		const zipped = await fetch(url, { headers: { ...headers, 'accept-encoding': 'gzip' } })
		// fetch decodes gzip by itself: the bytes on the wire are the Content-Length.
		const wire = Number(zipped.headers.get('content-length'))
		await zipped.arrayBuffer()
		return { raw: Buffer.byteLength(raw), wire, encoding: zipped.headers.get('content-encoding') ?? 'uncompressed', ms }
	}
	const legacyDataset = await dataset('')
	const compactDataset = await dataset('?v=2')
	// Its time to build (the whole answer, over HTTP, uncompressed), and /healthz while it is built again and again.
	const builds = []
	const [duringDataset] = await Promise.all([
		healthLoad(app, 3),
		(async () => {
			await new Promise((r) => setTimeout(r, 300))
			for (let i = 0; i < 5; i++) builds.push((await dataset('?v=2')).ms)
		})(),
	])
	const perThousand = (bytes) => `${(((bytes / N) * 1000) / 1024).toFixed(1)} KiB`

	console.log(`\nOne event with ${N} registrations (${new Date().toISOString()})\n`)
	console.log(
		table([
			{ run: '/healthz alone (8 conn.)', 'per s': alone.rps, p50: alone.p50, p99: alone.p99, max: alone.max, errors: alone.bad },
			{ run: '/healthz during export + walk', 'per s': during.rps, p50: during.p50, p99: during.p99, max: during.max, errors: during.bad },
		]),
	)
	console.log(
		`\nCSV export: ${Math.round(exported.ms)} ms, ${(exported.bytes / 1024 / 1024).toFixed(1)} MB, ${exported.rows} rows (HTTP ${exported.status}); server RSS ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MB (+${(rssPeak - rssBefore).toFixed(1)} MB)`,
	)
	console.log(`Paged walk: ${Math.round(walked.ms)} ms, ${walked.pages} pages, ${walked.seen} registrations seen, ${walked.distinct} distinct`)
	for (const [name, d] of [
		['before (no ?v, one object per ticket)', legacyDataset],
		['version 2 (?v=2, columns)', compactDataset],
	])
		console.log(
			`Offline dataset, ${name}: ${(d.raw / 1024).toFixed(0)} KiB raw (${perThousand(d.raw)} per 1,000 tickets); on the wire ${d.encoding} ${(d.wire / 1024).toFixed(0)} KiB (${perThousand(d.wire)} per 1,000 tickets)`,
		)
	console.log(
		`Offline dataset v2 built and sent over and over: ${builds.map((ms) => Math.round(ms)).join(', ')} ms; /healthz meanwhile p99 ${duringDataset.p99} ms, slowest ${duringDataset.max} ms`,
	)
	const goals = [
		['/healthz p99 < 100 ms during export + walk', during.p99 < 100],
		['export RSS growth < 50 MB', rssPeak - rssBefore < 50],
		[`the export has all ${N} rows`, exported.rows === N],
		['the walk gives each registration exactly once', walked.seen === N && walked.distinct === N],
		['offline dataset v2 < 60 KiB per 1,000 tickets raw', (compactDataset.raw / N) * 1000 < 60 * 1024],
		['/healthz p99 < 100 ms while the dataset is built', duringDataset.p99 < 100],
	]
	console.log(`\nGoals: ${goals.map(([what, met]) => `${what}: ${met ? 'met' : 'NOT met'}`).join('; ')}`)
	if (goals.some(([, met]) => !met)) process.exitCode = 1
} finally {
	await app.stop()
}
