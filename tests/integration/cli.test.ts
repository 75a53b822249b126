// The operator's command line (CONTRACT.md, "Command line"), run as the built bundle against the
// database of a running server, the way an operator would on the machine.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { verifyLogin } from '#app/services/commands/users.server.ts'
import { openDatabase } from '#app/utils/db.server.ts'
import { ROOT, cleanEnv, runBuiltCli, runNode, startServer, type CliResult, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let scratch: string

beforeAll(async () => {
	server = await startServer()
	scratch = mkdtempSync(path.join(os.tmpdir(), 'sajam-cli-'))
})

afterAll(async () => {
	await server?.stop()
	if (scratch) rmSync(scratch, { recursive: true, force: true })
})

/** A failure: non-zero, nothing on stdout, exactly one line on stderr. Returns that line. */
function expectFailure(result: CliResult, pattern?: RegExp): string {
	expect(result.code, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).not.toBe(0)
	expect(result.code).not.toBeNull()
	expect(result.stdout).toBe('')
	const lines = result.stderr.trimEnd().split('\n')
	expect(lines, result.stderr).toHaveLength(1)
	expect(lines[0]!.length).toBeGreaterThan(10)
	if (pattern) expect(lines[0]).toMatch(pattern)
	return lines[0]!
}

function expectSuccess(result: CliResult) {
	expect(result.code, result.stderr).toBe(0)
	expect(result.stderr).toBe('')
	return result.stdout
}

function tablesOf(file: string): string[] {
	const sqlite = new Database(file, { readonly: true, fileMustExist: true })
	try {
		const rows = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
		return rows.map((r) => r.name)
	} finally {
		sqlite.close()
	}
}

function lastLine(text: string) {
	return text.trimEnd().split('\n').at(-1)!
}

async function post(token: string, body: unknown) {
	const response = await fetch(`${server.url}/api/v1/events`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	})
	return { status: response.status, body: await response.json() }
}

const EVENT = {
	title: 'Promocija zadruge Rasinka',
	kind: 'promo',
	startsAt: '2030-06-10T12:00:00+02:00',
	endsAt: '2030-06-10T14:00:00+02:00',
	venue: 'Trg kosovskih junaka',
	capacity: 50,
}

describe('migrate', () => {
	test('creates and migrates a new database, and is idempotent', async () => {
		const file = path.join(scratch, 'fresh', 'nested', 'sajam.db')
		const env = cleanEnv({ DATABASE_PATH: file })
		expect(expectSuccess(await runBuiltCli(['migrate'], env))).toContain(file)
		expect(tablesOf(file)).toEqual(expect.arrayContaining(['events', 'users', 'sessions', 'api_tokens', 'audit_log']))
		expectSuccess(await runBuiltCli(['migrate'], env))
	})

	test('the development entry (npm run cli, through tsx) runs the same code', async () => {
		const file = path.join(scratch, 'tsx', 'sajam.db')
		const result = await runNode([path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'app/cli/main.ts', 'migrate'], cleanEnv({ DATABASE_PATH: file }))
		expectSuccess(result)
		expect(tablesOf(file)).toContain('events')
	})
})

describe('user add', () => {
	test('creates a staff user whose password works, recorded as done by the cli', async () => {
		const out = expectSuccess(
			await server.cli(['user', 'add', '--email', 'Vesna@Sajam.test', '--password', 'dobra-lozinka-1', '--role', 'organizer', '--name', 'Vesna Petrović']),
		)
		expect(JSON.parse(lastLine(out))).toMatchObject({ email: 'vesna@sajam.test', role: 'organizer', name: 'Vesna Petrović' })

		const db = openDatabase(server.dbPath, { runMigrations: false })
		try {
			expect(await verifyLogin(db, 'vesna@sajam.test', 'dobra-lozinka-1')).toMatchObject({ role: 'organizer' })
			expect(await verifyLogin(db, 'vesna@sajam.test', 'pogresna')).toBeNull()
			const audit = db.$client.prepare("SELECT actor FROM audit_log WHERE action = 'user.create' AND details LIKE '%vesna@sajam.test%'").all()
			expect(audit).toEqual([{ actor: 'cli' }])
		} finally {
			db.$client.close()
		}
	})

	test('the same email again fails, whatever its case', async () => {
		expectSuccess(await server.cli(['user', 'add', '--email', 'marko@sajam.test', '--password', 'lozinka-123', '--role', 'scanner']))
		const line = expectFailure(
			await server.cli(['user', 'add', '--email', 'MARKO@sajam.test', '--password', 'lozinka-456', '--role', 'admin']),
			/already exists/,
		)
		expect(line).toContain('marko@sajam.test')
	})

	test('bad or missing options fail with the option named', async () => {
		const base = ['user', 'add', '--email', 'nova@sajam.test', '--password', 'lozinka-123']
		expectFailure(await server.cli([...base, '--role', 'superuser']), /--role/)
		expectFailure(await server.cli(base), /--role/)
		expectFailure(await server.cli(['user', 'add', '--email', 'not-an-email', '--password', 'lozinka-123', '--role', 'admin']), /--email/)
		expectFailure(await server.cli(['user', 'add', '--email', 'nova@sajam.test', '--password', 'kratka', '--role', 'admin']), /--password/)
		expectFailure(await server.cli(['user', 'add', '--password', 'lozinka-123', '--role', 'admin']), /--email/)
		expectFailure(await server.cli([...base, '--role', 'admin', '--colour', 'red']), /colour/)
		expectFailure(await server.cli([...base, '--role', 'admin', 'extra']), /extra/)
		expectFailure(await server.cli(['user']), /add/)
		expectFailure(await server.cli(['user', 'remove']), /remove/)
	})
})

describe('token create', () => {
	test('prints a token as the last line, and the token works against the API', async () => {
		const out = expectSuccess(await server.cli(['token', 'create', '--role', 'organizer', '--name', 'integracija']))
		const token = lastLine(out)
		expect(token).toMatch(/^\S{40,}$/)
		const created = await post(token, EVENT)
		expect(created.status, JSON.stringify(created.body)).toBe(201)

		const scannerToken = lastLine(expectSuccess(await server.cli(['token', 'create', '--role', 'scanner'])))
		expect(scannerToken).not.toBe(token)
		expect((await post(scannerToken, EVENT)).status).toBe(403)
	})

	test('--event limits a scanner token to an existing event', async () => {
		const organizer = lastLine(expectSuccess(await server.cli(['token', 'create', '--role', 'organizer'])))
		const created = await post(organizer, { ...EVENT, slug: 'promocija-za-skener' })
		expect(created.status).toBe(201)

		const token = lastLine(expectSuccess(await server.cli(['token', 'create', '--role', 'scanner', '--event', 'promocija-za-skener'])))
		const sqlite = new Database(server.dbPath, { readonly: true })
		try {
			const row = sqlite.prepare('SELECT t.role, e.slug FROM api_tokens t JOIN events e ON e.id = t.event_id ORDER BY t.id DESC LIMIT 1').get()
			expect(row).toEqual({ role: 'scanner', slug: 'promocija-za-skener' })
		} finally {
			sqlite.close()
		}
		expect(token.length).toBeGreaterThan(40)

		expectFailure(await server.cli(['token', 'create', '--role', 'scanner', '--event', 'nepostojeci']), /nepostojeci/)
		expectFailure(await server.cli(['token', 'create', '--role', 'organizer', '--event', 'promocija-za-skener']), /--event/)
	})

	test('a bad or missing role fails', async () => {
		expectFailure(await server.cli(['token', 'create', '--role', 'visitor']), /--role/)
		expectFailure(await server.cli(['token', 'create']), /--role/)
		expectFailure(await server.cli(['token', 'create', '--role']), /role/)
		expectFailure(await server.cli(['token']), /create/)
	})
})

describe('backup', () => {
	test('copies the live database into a file that opens and has the data', async () => {
		expectSuccess(await server.cli(['user', 'add', '--email', 'backup@sajam.test', '--password', 'lozinka-123', '--role', 'admin']))
		const file = path.join(scratch, 'backups', 'sajam-backup.db')
		// The server is running and keeps its connection open the whole time.
		const health = await fetch(`${server.url}/healthz`).catch((error: Error) => {
			throw new Error(`${error.message}\n${server.output()}`)
		})
		expect(health.status).toBe(200)
		const out = expectSuccess(await server.cli(['backup', file]))
		expect(lastLine(out)).toBe(file)
		expect(existsSync(`${file}.partial`)).toBe(false)

		expect(tablesOf(file)).toEqual(expect.arrayContaining(['events', 'users', 'sessions', 'api_tokens', 'audit_log']))
		const copy = new Database(file, { readonly: true })
		try {
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
			const emails = (copy.prepare('SELECT email FROM users').all() as { email: string }[]).map((r) => r.email)
			expect(emails).toEqual(expect.arrayContaining(['backup@sajam.test', server.admin.email]))
		} finally {
			copy.close()
		}

		expectFailure(await server.cli(['backup', file]), /exists/)
		expectSuccess(await server.cli(['backup', file, '--force']))
		expect(tablesOf(file)).toContain('events')
	})

	test('without FILE, or onto the live database itself, it refuses', async () => {
		expectFailure(await server.cli(['backup']), /FILE/)
		expectFailure(await server.cli(['backup', server.dbPath, '--force']), /live database/)
		expect(tablesOf(server.dbPath)).toContain('events')
	})

	test('with no database to copy, it says so', async () => {
		const env = cleanEnv({ DATABASE_PATH: path.join(scratch, 'missing', 'sajam.db') })
		expectFailure(await runBuiltCli(['backup', path.join(scratch, 'never.db')], env), /no database/)
		expect(existsSync(path.join(scratch, 'never.db'))).toBe(false)
	})
})

describe('other commands', () => {
	test('an unknown command, or none, fails', async () => {
		expectFailure(await server.cli(['frobnicate']), /unknown command 'frobnicate'/)
		expectFailure(await server.cli([]), /no command/)
	})

	test('--help lists every command of the contract', async () => {
		const out = expectSuccess(await server.cli(['--help']))
		for (const command of ['migrate', 'seed --demo', 'user add', 'token create', 'backup FILE', 'outbox send']) {
			expect(out).toContain(command)
		}
	})

	test('seed --demo loads demo events into a new database once; seed alone is refused', async () => {
		expectFailure(await server.cli(['seed']), /--demo/)
		const file = path.join(scratch, 'demo', 'sajam.db')
		const env = cleanEnv({ DATABASE_PATH: file, PUBLIC_URL: 'http://sajam.test' })
		const count = () => {
			const sqlite = new Database(file, { readonly: true })
			try {
				return (sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
			} finally {
				sqlite.close()
			}
		}
		expectSuccess(await runBuiltCli(['seed', '--demo'], env))
		const seeded = count()
		expect(seeded).toBeGreaterThan(0)
		expectSuccess(await runBuiltCli(['seed', '--demo'], env))
		expect(count()).toBe(seeded)
	})

	test('outbox send with nothing due succeeds and says so', async () => {
		expect(JSON.parse(expectSuccess(await server.cli(['outbox', 'send'])))).toMatchObject({ attempted: 0, sent: 0, mode: 'file' })
		expectFailure(await server.cli(['outbox']), /send/)
	})
})

describe('ticket keys', () => {
	test('rotate adds a key that signs new tickets; old tickets stay valid', async () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'sajam-keys-'))
		const env = cleanEnv({ DATABASE_PATH: path.join(dir, 'keys.db') })
		try {
			const before = await runBuiltCli(['keys', 'list'], env)
			expect(before.code).toBe(0)
			expect(
				before.stdout
					.trim()
					.split('\n')
					.map((l) => JSON.parse(l)),
			).toEqual([expect.objectContaining({ keyId: 1, current: true })])
			const rotated = await runBuiltCli(['keys', 'rotate'], env)
			expect(JSON.parse(rotated.stdout)).toEqual({ rotated: true, keyId: 2 })
			const after = (await runBuiltCli(['keys', 'list'], env)).stdout
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l))
			expect(after.map((k) => [k.keyId, k.current])).toEqual([
				[1, false],
				[2, true],
			])
			expect((await runBuiltCli(['keys', 'spin'], env)).code).toBe(2)
		} finally {
			rmSync(dir, { recursive: true, force: true })
		}
	})
})
