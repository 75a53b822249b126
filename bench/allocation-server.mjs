// The server while a stand allocation runs (issue 6, item 6): latency (p50, p99) of other endpoints
// (GET /healthz, GET /api/v1/events) with no solve running, and while POST
// /api/v1/fairs/{slug}/allocation solves a 200×220 fair over and over (all of the solve, exact stage,
// swaps, model and HiGHS, in a worker thread: docs/decisions/0006). Goal: p99 unaffected.
// Needs a build (with <build dir>/allocation-worker.js): `REMIX_BUILD_DIR=... node bench/allocation-server.mjs`
// or `npm run bench -- allocation-server`. BENCH_ALLOC_SIZE (default 200x220) the fair's size.
// BENCH_ALLOC_SERVER_SECONDS (default 5) per run, BENCH_ALLOC_LIMIT_MS (default 8000) the solve's limit.
import { instance } from './allocation.mjs'
import { api, cli, load, startApp, table } from './lib.mjs'

const SECONDS = Number(process.env.BENCH_ALLOC_SERVER_SECONDS ?? 5)
const LIMIT_MS = Number(process.env.BENCH_ALLOC_LIMIT_MS ?? 8_000)
/** BENCH_ALLOC_SPREAD=0: only the exact stage (no HiGHS), many short solves instead of a few long ones. */
const SPREAD = process.env.BENCH_ALLOC_SPREAD !== '0'
const [APPS, STANDS] = (process.env.BENCH_ALLOC_SIZE ?? '200x220').split('x').map(Number)

const app = await startApp({ seed: false })
try {
	const token = (await cli(app, ['token', 'create', '--role', 'organizer', '--name', 'bench'])).trim().split('\n').at(-1)
	const created = await api(
		app,
		'POST',
		'/api/v1/events',
		{
			title: 'Bench sajam',
			kind: 'fair',
			startsAt: '2031-06-01T10:00:00+02:00',
			endsAt: '2031-06-01T18:00:00+02:00',
			venue: { name: 'Hala', address: 'Bb', city: 'Kruševac' },
			capacity: null,
			status: 'published',
		},
		token,
	)
	if (created.status !== 201) throw new Error(`create fair: ${JSON.stringify(created.body)}`)
	const slug = created.body.event.slug
	const problem = instance(APPS, STANDS, 4242)
	const plan = {
		width: Math.ceil(Math.max(...problem.stands.map((s) => s.x + s.width)) + 1),
		height: Math.ceil(Math.max(...problem.stands.map((s) => s.y + s.height)) + 1),
	}
	const put = await api(app, 'PUT', `/api/v1/fairs/${slug}/stands`, { plan, stands: problem.stands }, token)
	if (put.status !== 200) throw new Error(`stands: ${JSON.stringify(put.body).slice(0, 500)}`)
	const ids = []
	for (const [i, a] of problem.applications.entries()) {
		const result = await api(app, 'POST', `/api/v1/fairs/${slug}/applications`, {
			organization: { name: `Izlagač ${i + 1}`, legalForm: 'informal_group', municipality: 'krusevac' },
			contact: { name: `Kontakt ${i + 1}`, email: `izlagac${i + 1}@example.rs` },
			products: 'Proizvodi',
			category: a.category,
			needs: { power: a.needs.power, accessible: a.needs.accessible, ...(a.needs.sizeM2 ? { sizeM2: a.needs.sizeM2 } : {}) },
			preferences: a.preferences,
			consent: { privacy: true },
		})
		if (result.status !== 201) throw new Error(`application: ${JSON.stringify(result.body).slice(0, 500)}`)
		ids.push(result.body.application.id)
	}
	for (const id of ids) {
		const result = await api(app, 'POST', `/api/v1/applications/${id}/decision`, { decision: 'accepted' }, token)
		if (result.status !== 200) throw new Error(`decision: ${JSON.stringify(result.body)}`)
	}
	// One solve first: warms the JIT and shows what a solve does at this size.
	const first = await api(app, 'POST', `/api/v1/fairs/${slug}/allocation`, { timeLimitMs: LIMIT_MS }, token)
	console.log(
		`${APPS}×${STANDS}: assigned ${first.body.objective.assigned}, preference cost ${first.body.objective.preferenceCost}, same-category pairs ${first.body.spread.sameCategoryPairsBefore} → ${first.body.spread.sameCategoryPairs} (${first.body.spread.status}, exact ${first.body.spread.exactMs} ms, spread ${first.body.spread.spreadMs} ms)`,
	)

	const rows = []
	for (const path of ['/healthz', '/api/v1/events']) {
		const idle = await load(app.url + path, { connections: 8, duration: SECONDS })
		rows.push({ endpoint: path, solve: 'none', rps: idle.rps, 'p50 ms': idle.p50, 'p99 ms': idle.p99, non2xx: idle.non2xx, solves: 0 })
		// Solves back to back for the whole run.
		let running = true
		const solveTimes = []
		const solver = (async () => {
			while (running) {
				const t = performance.now()
				const r = await api(app, 'POST', `/api/v1/fairs/${slug}/allocation`, { timeLimitMs: LIMIT_MS, spread: SPREAD }, token)
				if (r.status !== 200) throw new Error(`allocation: ${r.status}`)
				solveTimes.push(performance.now() - t)
			}
		})()
		await new Promise((r) => setTimeout(r, 50))
		const busy = await load(app.url + path, { connections: 8, duration: SECONDS })
		running = false
		await solver
		rows.push({
			endpoint: path,
			solve: `${APPS}×${STANDS}${SPREAD ? '' : ' exact only'}`,
			rps: busy.rps,
			'p50 ms': busy.p50,
			'p99 ms': busy.p99,
			non2xx: busy.non2xx,
			solves: solveTimes.length,
		})
	}
	console.log(table(rows))
	console.log(`Each busy run had solves running back to back (spread stage limit ${LIMIT_MS / 1000} s). Goal: p99 unaffected.`)
} finally {
	await app.stop()
}
