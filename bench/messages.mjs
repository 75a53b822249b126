// Messages to an audience (issue 14): sending one message to 5,000 visitors — the kept message and
// 5,000 outbox rows, each with its own private link (one hashed insert), in ONE synchronous
// transaction — measured against a raw SQLite insert of the same 5,000 outbox rows (one prepared
// statement, one transaction, no links). Goal: well under 1 s. Printed, not asserted. Needs no build
// (loads the TypeScript through tsx): `node bench/messages.mjs`, or `npm run bench -- messages`.
// BENCH_MESSAGES_N (default 5000) recipients, BENCH_MESSAGES_RUNS (default 5) runs of each.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { tsImport } from 'tsx/esm/api'

const N = Number(process.env.BENCH_MESSAGES_N ?? 5000)
const RUNS = Number(process.env.BENCH_MESSAGES_RUNS ?? 5)

const { openDatabase } = await tsImport('../app/utils/db.server.ts', import.meta.url)
const { createEvent } = await tsImport('../app/services/commands/events.server.ts', import.meta.url)
const { sendMessage } = await tsImport('../app/services/commands/messages.server.ts', import.meta.url)
const { messageText } = await tsImport('../app/domain/message-input.ts', import.meta.url)

const dir = mkdtempSync(path.join(tmpdir(), 'sajam-bench-messages-'))
try {
	const db = openDatabase(path.join(dir, 'bench.sqlite'))
	const sqlite = db.$client
	const event = createEvent(
		db,
		{
			title: 'Bench događaj',
			kind: 'workshop',
			venueName: 'Centar',
			startsAt: new Date('2031-06-01T08:00:00Z'),
			endsAt: new Date('2031-06-01T12:00:00Z'),
			capacity: null,
			maxPartySize: 6,
			waitlist: true,
			status: 'published',
		},
		{ kind: 'system' },
	)
	const now = Date.now()
	const locales = ['sr-Latn', 'sr-Cyrl', 'en']
	const insertRegistration = sqlite.prepare(
		`INSERT INTO registrations (event_id, status, name, email, party_size, locale, privacy_accepted_at, source, created_at, ticket_code)
		 VALUES (?, 'confirmed', ?, ?, 1, ?, ?, 'web', ?, ?)`,
	)
	sqlite.transaction(() => {
		for (let i = 0; i < N; i++)
			insertRegistration.run(event.id, `Posetilac ${i}`, `posetilac${i}@primer.rs`, locales[i % 3], now, now, `T${String(i).padStart(8, '0')}`)
	})()

	const letter = {
		subject: messageText('Parking ispred Centra'),
		body: messageText('Dragi posetioci,\n\nparking je iza Centra, ulaz iz Jugovićeve. Mapa: https://example.org/mapa\n\nVidimo se!'),
	}
	const sendTimes = []
	for (let run = 0; run < RUNS; run++) {
		const t0 = performance.now()
		const sent = sendMessage(db, { event, target: 'visitors', audience: 'all', letter }, { kind: 'system' })
		sendTimes.push(performance.now() - t0)
		if (sent.recipients !== N) throw new Error(`sent to ${sent.recipients}, expected ${N}`)
	}

	// The same rows, raw: one prepared insert in one transaction, the parameters' JSON made per row.
	const params = sqlite.prepare("SELECT params FROM outbox WHERE template = 'event-message' LIMIT 1").get().params
	const rawInsert = sqlite.prepare(
		`INSERT INTO outbox (template, locale, to_address, to_name, params, status, next_attempt_at, registration_id, event_id, created_at)
		 VALUES ('event-message', ?, ?, ?, ?, 'pending', ?, NULL, ?, ?)`,
	)
	const rawTimes = []
	for (let run = 0; run < RUNS; run++) {
		const t0 = performance.now()
		sqlite.transaction(() => {
			for (let i = 0; i < N; i++)
				rawInsert.run(locales[i % 3], `posetilac${i}@primer.rs`, `Posetilac ${i}`, JSON.stringify(JSON.parse(params)), now, event.id, now)
		})()
		rawTimes.push(performance.now() - t0)
	}
	const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
	const send = median(sendTimes)
	const raw = median(rawTimes)
	console.log(`messages: ${N} recipients, median of ${RUNS} runs`)
	console.log(`  sendMessage (event_messages + ${N} outbox rows + ${N} private links, one transaction): ${send.toFixed(1)} ms`)
	console.log(`  raw SQLite insert of the same ${N} outbox rows (one prepared statement, one transaction): ${raw.toFixed(1)} ms`)
	console.log(`  ratio: ${(send / raw).toFixed(2)}×; goal: well under 1000 ms (${send < 1000 ? 'met' : 'NOT met'})`)
	db.$client.close()
} finally {
	rmSync(dir, { recursive: true, force: true })
}
