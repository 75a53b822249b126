// A message to 5,000 visitors sent while the door is busy (issue 14): check-ins run at 64
// connections against the built server; in the middle of a run an organizer sends a message to the
// 5,000 visitors of another event (the message and its 5,000 mails are queued in one transaction).
// Measured: the time the send takes over HTTP, and the check-ins' rate and latency with and
// without the send, in the same run. Goals: the send under 1 s; check-ins keep at least 90% of
// their rate and no check-in waits more than 1 s. Printed, not asserted. Needs `npm run build`.
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import autocannon from 'autocannon'
import { cli, createBenchEvent, registerTickets, startApp, table } from './lib.mjs'

const duration = Number(process.env.BENCH_SECONDS ?? 10)
const RECIPIENTS = Number(process.env.BENCH_MESSAGES_N ?? 5000)
const TICKETS = 1000

/** The message's audience, written straight into the database; the tickets' mails marked sent (mailed days before). */
function prepareDatabase(app, slug) {
	const db = new Database(app.env.DATABASE_PATH)
	db.pragma('busy_timeout = 5000')
	db.prepare("UPDATE outbox SET status = 'sent' WHERE status IN ('pending', 'sending')").run()
	const eventId = db.prepare('SELECT id FROM events WHERE slug = ?').get(slug).id
	const insert = db.prepare(
		`INSERT INTO registrations (event_id, status, name, email, party_size, locale, privacy_accepted_at, source, created_at, ticket_code)
		 VALUES (?, 'confirmed', ?, ?, 1, ?, ?, 'web', ?, ?)`,
	)
	const locales = ['sr-Latn', 'sr-Cyrl', 'en']
	const now = Date.now()
	db.transaction(() => {
		for (let i = 0; i < RECIPIENTS; i++) insert.run(eventId, `Posetilac ${i}`, `posetilac${i}@primer.rs`, locales[i % 3], now, now, `M${i}`)
	})()
	db.close()
}

async function checkIns(app, scanner, codes, during) {
	let next = 0
	const body = () => JSON.stringify({ code: codes[next++ % codes.length], deviceId: `bench-${next % 64}`, nonce: randomUUID() })
	const run = autocannon({
		url: `${app.url}/api/v1/checkins`,
		connections: 64,
		duration,
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${scanner}` },
		requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
	})
	const sideResult = during ? during() : Promise.resolve(null)
	const [result, side] = await Promise.all([run, sideResult])
	return {
		rps: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		max: result.latency.max,
		bad: result.non2xx + result.errors,
		side,
	}
}

const app = await startApp({ seed: false })
try {
	const organizer = (await cli(app, ['token', 'create', '--role', 'organizer'])).trim().split('\n').pop()
	const door = await createBenchEvent(app, organizer)
	const audience = await createBenchEvent(app, organizer)
	const scanner = (await cli(app, ['token', 'create', '--role', 'scanner', '--event', door.slug])).trim().split('\n').pop()
	const codes = await registerTickets(app, door.slug, TICKETS, () => 1)
	prepareDatabase(app, audience.slug)

	const alone = await checkIns(app, scanner, codes)
	const withSend = await checkIns(app, scanner, codes, async () => {
		await new Promise((r) => setTimeout(r, (duration * 1000) / 3))
		const t0 = performance.now()
		const response = await fetch(`${app.url}/api/v1/events/${audience.slug}/messages`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}`, 'idempotency-key': randomUUID() },
			body: JSON.stringify({ subject: 'Parking', body: 'Dragi posetioci,\n\nparking je iza Centra.', audience: 'confirmed', send: true }),
		})
		const answer = await response.json()
		const ms = performance.now() - t0
		if (response.status !== 202 || answer.message.recipients !== RECIPIENTS) throw new Error(`send: ${response.status} ${JSON.stringify(answer)}`)
		return ms
	})

	console.log(
		`\nCheck-ins at 64 connections for ${duration} s, alone and with a message to ${RECIPIENTS} sent a third of the way in (${new Date().toISOString()})\n`,
	)
	console.log(
		table([
			{ run: 'check-ins alone', 'per s': alone.rps, p50: alone.p50, p99: alone.p99, max: alone.max, 'non-2xx/errors': alone.bad },
			{
				run: `check-ins + message to ${RECIPIENTS}`,
				'per s': withSend.rps,
				p50: withSend.p50,
				p99: withSend.p99,
				max: withSend.max,
				'non-2xx/errors': withSend.bad,
			},
		]),
	)
	const sendMs = Math.round(withSend.side)
	console.log(`\nThe send (POST …/messages with send: true, over HTTP, under load): ${sendMs} ms`)
	const goals = [
		[`queueing ${RECIPIENTS} under 1 s`, sendMs < 1000],
		['check-ins keep ≥ 90% of their rate', withSend.rps >= alone.rps * 0.9],
		['no check-in waits over 1 s', withSend.max < 1000],
		['no errors', alone.bad === 0 && withSend.bad === 0],
	]
	console.log(`\nGoals: ${goals.map(([what, met]) => `${what}: ${met ? 'met' : 'NOT met'}`).join('; ')}`)
	if (goals.some(([, met]) => !met)) process.exitCode = 1
} finally {
	await app.stop()
}
