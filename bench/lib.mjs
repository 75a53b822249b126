// Shared pieces of the benchmarks: the built server on a free port with a fresh database, the bare
// node:http ceiling, and autocannon runs reported as rate and latency percentiles.
import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BUILD_DIR = path.resolve(ROOT, process.env.REMIX_BUILD_DIR ?? 'build')

export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer()
		probe.on('error', reject)
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address()
			probe.close(() => resolve(port))
		})
	})
}

/** The built app with a fresh database, started like `npm start`. */
export async function startApp({ env = {}, seed = true } = {}) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sajam-bench-'))
	const port = await freePort()
	const appEnv = {
		PATH: process.env.PATH,
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		DATABASE_PATH: path.join(dir, 'bench.db'),
		PUBLIC_URL: `http://127.0.0.1:${port}`,
		RATE_LIMIT_PER_MINUTE: '0',
		REMIX_BUILD_DIR: BUILD_DIR,
		...env,
	}
	if (seed) {
		const result = spawnSync(process.execPath, [path.join(BUILD_DIR, 'cli.js'), 'seed', '--demo'], { cwd: ROOT, env: appEnv, encoding: 'utf8' })
		if (result.status !== 0) throw new Error(`seed failed: ${result.stderr}`)
	}
	const child = spawn(process.execPath, ['server.mjs'], {
		cwd: ROOT,
		env: appEnv,
		stdio: ['ignore', 'ignore', 'inherit'],
	})
	const url = `http://127.0.0.1:${port}`
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) break
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100))
	}
	return {
		url,
		env: appEnv,
		/** The server process (to read its memory from /proc). */
		pid: child.pid,
		async stop() {
			child.kill('SIGTERM')
			await new Promise((r) => child.once('exit', r))
			rmSync(dir, { recursive: true, force: true })
		},
	}
}

/** The built CLI against the app's database; returns stdout. */
export async function cli(app, args) {
	const result = spawnSync(process.execPath, [path.join(BUILD_DIR, 'cli.js'), ...args], { cwd: ROOT, env: app.env, encoding: 'utf8' })
	if (result.status !== 0) throw new Error(`cli ${args.join(' ')}: ${result.stderr}`)
	return result.stdout
}

/** The machine's ceiling: a bare node:http server answering a small JSON body, in another process. */
export async function startBareHttp() {
	const port = await freePort()
	const source = `require('node:http').createServer((req, res) => { res.writeHead(200, {'content-type': 'application/json'}); res.end('{"ok":true}') }).listen(${port}, '127.0.0.1', () => process.send('ready'))`
	const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
	await new Promise((r) => child.once('message', r))
	return {
		url: `http://127.0.0.1:${port}`,
		async stop() {
			child.kill('SIGTERM')
			await new Promise((r) => child.once('exit', r))
		},
	}
}

/** One autocannon run; returns requests/s and latency percentiles (ms), and counts non-2xx. */
export async function load(url, { connections = 64, duration = 5, ...rest } = {}) {
	const result = await autocannon({ url, connections, duration, ...rest })
	return {
		rps: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors,
	}
}

export function table(rows) {
	const keys = Object.keys(rows[0])
	const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)))
	const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')
	return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => r[k])))].join('\n')
}

/** A JSON call to the app's API; returns status and parsed body. */
export async function api(app, method, pathname, body, token) {
	const response = await fetch(app.url + pathname, {
		method,
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: body ? JSON.stringify(body) : undefined,
	})
	return { status: response.status, body: await response.json().catch(() => null) }
}

/** A server process's resident memory in MB (Linux /proc). */
export function rssMb(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8')
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024
}

/**
 * A published event a month ahead, made through the API; `fields` override the defaults
 * (capacity none, no waiting list, parties up to 4). Returns the API's event (slug, …).
 */
export async function createBenchEvent(app, token, fields = {}) {
	const start = new Date(Date.now() + 30 * 24 * 3600 * 1000)
	const { status, body } = await api(
		app,
		'POST',
		'/api/v1/events',
		{
			title: `Bench ${randomUUID().slice(0, 8)}`,
			kind: 'workshop',
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 7200_000).toISOString(),
			venue: 'Kulturni centar',
			capacity: null,
			waitlist: false,
			maxPartySize: 4,
			status: 'published',
			...fields,
		},
		token,
	)
	if (status !== 201) throw new Error(`create event: ${status} ${JSON.stringify(body)}`)
	return body.event
}

/** `count` confirmed tickets for the event, registered through the public API 64 at a time; their codes. */
export async function registerTickets(app, slug, count, partySize = (i) => 1 + (i % 3)) {
	const codes = []
	for (let start = 0; start < count; start += 64) {
		const answers = await Promise.all(
			Array.from({ length: Math.min(64, count - start) }, (_, k) =>
				api(app, 'POST', `/api/v1/events/${slug}/registrations`, {
					name: `Posetilac ${start + k}`,
					email: `p${start + k}-${randomUUID().slice(0, 6)}@example.rs`,
					partySize: partySize(start + k),
					consent: { privacy: true },
				}),
			),
		)
		for (const a of answers) {
			if (a.status !== 201) throw new Error(`register: ${a.status} ${JSON.stringify(a.body)}`)
			codes.push(a.body.registration.ticket.code)
		}
	}
	return codes
}
