// Check-in through HTTP: scans/s and latency at 64 connections for POST /api/v1/checkins, next to
// this machine's ceilings measured in the same run (a bare node:http server; raw SQLite check-in
// updates with the same durability settings), and the time to sync a batch of 10,000 queued
// offline scans. Goals (issue 4): ≥ 3,000 scans/s, ≥ half the node:http ceiling, batch < 2 s.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { api, cli, createBenchEvent, load, registerTickets, startApp, startBareHttp, table } from './lib.mjs'

const duration = Number(process.env.BENCH_SECONDS ?? 10)
const ticketCount = Number(process.env.BENCH_TICKETS ?? 3000)
const batchSize = 10_000
const batchRuns = Number(process.env.BENCH_BATCH_RUNS ?? 3)

/** What one scan costs SQLite alone: set the check-in and log the scan, one durable transaction each. */
function rawSqliteUpdates(seconds) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sajam-raw-'))
	const db = new Database(path.join(dir, 'raw.db'))
	db.pragma('journal_mode = WAL')
	db.pragma('synchronous = FULL')
	db.exec('create table r (id integer primary key, code text unique, checked_in_at integer)')
	db.exec('create table c (id integer primary key, registration_id integer, code text, result text, scanned_at integer)')
	const fill = db.prepare('insert into r (code) values (?)')
	db.transaction(() => {
		for (let i = 0; i < 10_000; i++) fill.run(`code-${i}`)
	})()
	const find = db.prepare('select id, checked_in_at from r where code = ?')
	const update = db.prepare('update r set checked_in_at = ? where id = ? and checked_in_at is null')
	const log = db.prepare('insert into c (registration_id, code, result, scanned_at) values (?, ?, ?, ?)')
	const one = db.transaction((i) => {
		const code = `code-${i % 10_000}`
		const row = find.get(code)
		const now = Date.now()
		const changed = update.run(now, row.id).changes
		log.run(row.id, code, changed ? 'ok' : 'already_checked_in', now)
	})
	let count = 0
	const end = Date.now() + seconds * 1000
	while (Date.now() < end) one(count++)
	db.close()
	rmSync(dir, { recursive: true, force: true })
	return Math.round(count / seconds)
}

/**
 * The tickets were mailed days before the door opens: the benchmark marks the outbox as sent, so
 * the mail worker (QR images, calendar files) does not share the CPU with the scans it measures.
 */
function markMailSent(app) {
	const db = new Database(app.env.DATABASE_PATH)
	db.pragma('busy_timeout = 5000')
	db.prepare("UPDATE outbox SET status = 'sent' WHERE status IN ('pending', 'sending')").run()
	db.close()
}

const bare = await startBareHttp()
const app = await startApp({ seed: false })
try {
	const organizer = (await cli(app, ['token', 'create', '--role', 'organizer'])).trim().split('\n').pop()
	const { slug } = await createBenchEvent(app, organizer, { kind: 'fair' })
	const scanner = (await cli(app, ['token', 'create', '--role', 'scanner', '--event', slug])).trim().split('\n').pop()
	const codes = await registerTickets(app, slug, ticketCount)
	markMailSent(app)

	const raw = rawSqliteUpdates(Math.min(5, duration))
	const ceiling = await load(bare.url, { duration })

	// Single scans: the whole ticket pool round-robin, so the first pass admits and later ones
	// are repeats; every scan is recorded either way. One device id per connection.
	let next = 0
	const scanBody = () => JSON.stringify({ code: codes[next++ % codes.length], deviceId: `bench-${next % 64}`, nonce: randomUUID() })
	const scans = await load(`${app.url}/api/v1/checkins`, {
		duration,
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${scanner}` },
		requests: [{ setupRequest: (req) => ({ ...req, body: scanBody() }) }],
	})
	const stats = (await api(app, 'GET', `/api/v1/events/${slug}/checkins/stats`, undefined, scanner)).body

	const rows = [
		{ what: 'raw SQLite check-in (lookup+update+log, own txn, FULL)', 'per s': raw, p50: '-', p99: '-', 'vs ceiling': '-' },
		{ what: 'bare node:http GET', 'per s': ceiling.rps, p50: ceiling.p50, p99: ceiling.p99, 'vs ceiling': '1.00' },
		{ what: 'POST /api/v1/checkins', 'per s': scans.rps, p50: scans.p50, p99: scans.p99, 'vs ceiling': (scans.rps / ceiling.rps).toFixed(2) },
	]
	console.log(`\nCheck-in, ${duration} s at 64 connections, ${codes.length} tickets (${new Date().toISOString()})\n`)
	console.log(table(rows))
	console.log(
		`non-2xx answers: ${scans.non2xx}, errors: ${scans.errors}; after the run: ${stats.checkedIn} of ${stats.registrations} checked in, ${stats.scans} scans recorded`,
	)

	// Batch sync: a device that was offline all day sends 10,000 queued scans in one request.
	const batchTimes = []
	for (let run = 0; run < batchRuns; run++) {
		const { slug: batchSlug } = await createBenchEvent(app, organizer, { kind: 'fair' })
		const batchCodes = await registerTickets(app, batchSlug, 2000)
		markMailSent(app)
		const startAt = Date.now() - 4 * 3600_000
		const body = {
			deviceId: `offline-${run}`,
			event: batchSlug,
			scans: Array.from({ length: batchSize }, (_, i) => ({
				nonce: randomUUID(),
				code: batchCodes[i % batchCodes.length],
				scannedAt: new Date(startAt + i * 1000).toISOString(),
			})),
		}
		const text = JSON.stringify(body)
		const t0 = performance.now()
		const response = await fetch(`${app.url}/api/v1/checkins/batch`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}` },
			body: text,
		})
		const answer = await response.json()
		const ms = performance.now() - t0
		if (response.status !== 200 || answer.results.length !== batchSize) throw new Error(`batch: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`)
		const ok = answer.results.filter((r) => r.result === 'ok').length
		batchTimes.push({ run: run + 1, scans: batchSize, 'body KB': Math.round(text.length / 1024), ms: Math.round(ms), admitted: ok })
	}
	console.log(`\nBatch sync of ${batchSize} queued scans (2,000 tickets, 5 scans each), one request each\n`)
	console.log(table(batchTimes))

	const slowest = Math.max(...batchTimes.map((b) => b.ms))
	const goals = [
		['≥ 3,000 scans/s', scans.rps >= 3000],
		['≥ half the node:http ceiling', scans.rps >= ceiling.rps / 2],
		['batch of 10,000 < 2 s', slowest < 2000],
		['no errors', scans.errors === 0 && scans.non2xx === 0],
		[`≥ raw durable SQLite check-ins (issue 17; ${(scans.rps / raw).toFixed(2)}×)`, scans.rps >= raw],
	]
	console.log(`\nGoals: ${goals.map(([what, met]) => `${what}: ${met ? 'met' : 'NOT met'}`).join('; ')}`)
	if (goals.some(([, met]) => !met)) process.exitCode = 1
} finally {
	await app.stop()
	await bare.stop()
}
