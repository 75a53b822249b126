// Registrations through HTTP: throughput and latency at 64 connections, next to this machine's
// ceilings measured in the same run (a bare node:http server; raw SQLite inserts with the same
// durability settings), and an oversell race. Figures go to docs/performance.md.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { api, cli, createBenchEvent, load, startApp, startBareHttp, table } from './lib.mjs'

const duration = Number(process.env.BENCH_SECONDS ?? 10)
const rounds = Number(process.env.BENCH_RACE_ROUNDS ?? 20)

function rawSqliteInserts(seconds) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sajam-raw-'))
	const db = new Database(path.join(dir, 'raw.db'))
	db.pragma('journal_mode = WAL')
	db.pragma('synchronous = FULL')
	db.exec('create table r (id integer primary key, event_id integer, email text, name text, party_size integer, created_at integer)')
	const insert = db.prepare('insert into r (event_id, email, name, party_size, created_at) values (?, ?, ?, ?, ?)')
	const one = db.transaction((i) => insert.run(1, `v${i}@example.rs`, 'Posetilac', 1, Date.now()))
	let count = 0
	const end = Date.now() + seconds * 1000
	while (Date.now() < end) one(count++)
	db.close()
	rmSync(dir, { recursive: true, force: true })
	return Math.round(count / seconds)
}

const registration = (i) => ({ name: `Posetilac ${i}`, email: `p${i}-${randomUUID().slice(0, 6)}@example.rs`, consent: { privacy: true } })

const bare = await startBareHttp()
const app = await startApp({ seed: false })
try {
	const token = (await cli(app, ['token', 'create', '--role', 'organizer'])).trim().split('\n').pop()
	const raw = rawSqliteInserts(Math.min(5, duration))
	const ceiling = await load(bare.url, { duration })

	// Throughput: an event without a limit, every request a new visitor.
	const { slug } = await createBenchEvent(app, token)
	let i = 0
	const registrations = await load(`${app.url}/api/v1/events/${slug}/registrations`, {
		duration,
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		setupClient: (client) => client.setBody(JSON.stringify(registration(i++))),
		requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(registration(i++)) }) }],
	})
	const rows = [
		{ what: 'raw SQLite insert (own txn, synchronous=FULL)', 'per s': raw, p50: '-', p99: '-', 'vs ceiling': '-' },
		{ what: 'bare node:http GET', 'per s': ceiling.rps, p50: ceiling.p50, p99: ceiling.p99, 'vs ceiling': '1.00' },
		{
			what: 'POST /api/v1/events/:slug/registrations',
			'per s': registrations.rps,
			p50: registrations.p50,
			p99: registrations.p99,
			'vs ceiling': (registrations.rps / ceiling.rps).toFixed(2),
		},
	]
	console.log(`\nRegistrations, ${duration} s at 64 connections (${new Date().toISOString()})\n`)
	console.log(table(rows))
	console.log(`non-2xx answers: ${registrations.non2xx}, errors: ${registrations.errors}`)
	// Issue 17: a registration at least half the rate of one raw durable SQLite transaction each.
	const vsRaw = registrations.rps / raw
	console.log(`Goal (issue 17): registrations ≥ 0.5 × raw durable SQLite transactions: ${vsRaw >= 0.5 ? 'met' : 'NOT met'} (${vsRaw.toFixed(2)})`)

	// The race: 200 concurrent registrations for the last 10 places, `rounds` times.
	let oversold = 0
	let serverErrors = 0
	let confirmedTotal = 0
	for (let round = 0; round < rounds; round++) {
		const { slug: raceSlug } = await createBenchEvent(app, token, { capacity: 100 })
		for (let k = 0; k < 90; k++) await api(app, 'POST', `/api/v1/events/${raceSlug}/registrations`, registration(`pre${round}-${k}`))
		const answers = await Promise.all(
			Array.from({ length: 200 }, (_, k) => api(app, 'POST', `/api/v1/events/${raceSlug}/registrations`, registration(`race${round}-${k}`))),
		)
		serverErrors += answers.filter((a) => a.status >= 500).length
		const { body } = await api(app, 'GET', `/api/v1/events/${raceSlug}`)
		confirmedTotal += answers.filter((a) => a.status === 201).length
		oversold += Math.max(0, body.event.registered - 100)
		if (answers.filter((a) => a.status === 201).length !== 10)
			console.log(`round ${round}: ${answers.filter((a) => a.status === 201).length} confirmed of the last 10`)
	}
	console.log(`\nOversell race: ${rounds} rounds × 200 concurrent registrations for the last 10 places`)
	console.log(`confirmed in races: ${confirmedTotal} (expected ${rounds * 10}), oversold places: ${oversold}, 5xx answers: ${serverErrors}`)
	if (oversold > 0 || serverErrors > 0 || registrations.errors > 0) process.exitCode = 1
} finally {
	await app.stop()
	await bare.stop()
}
