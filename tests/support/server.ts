// Starts the BUILT app (`npm run build` first) as a real server process on a free port, with its own
// fresh database, for tests that talk HTTP to it like any client would. Also runs the built CLI
// against the same database.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// REMIX_BUILD_DIR lets a second checkout of the build (e.g. .cache/e2e) be tested while build/ is rebuilt.
const BUILD_DIR = path.resolve(ROOT, process.env.REMIX_BUILD_DIR ?? 'build')
export const SERVER_ENTRY = path.join(BUILD_DIR, 'server/index.js')
const SERVER_SCRIPT = path.join(ROOT, 'server.mjs')
const CLI_BUNDLE = path.join(BUILD_DIR, 'cli.js')

/** Variables the app reads; the test's own values must not leak into the server. */
const APP_VARIABLES = [
	'PORT',
	'HOST',
	'DATABASE_PATH',
	'PUBLIC_URL',
	'SMTP_URL',
	'CONTACT_EMAIL',
	'MAIL_FROM',
	'SESSION_SECRET',
	'TICKET_SIGNING_KEY',
	'ADMIN_EMAIL',
	'ADMIN_PASSWORD',
	'RATE_LIMIT_PER_MINUTE',
]

export type CliResult = { code: number | null; stdout: string; stderr: string }

export type TestServer = {
	/** e.g. http://127.0.0.1:41234, no trailing slash */
	url: string
	dbPath: string
	dataDir: string
	admin: { email: string; password: string }
	/** The server process's id (to read its memory use from /proc). */
	pid: number
	/** What the server printed so far (for failure messages). */
	output(): string
	/**
	 * Resolves once the server's output contains `text` (or matches it). Whatever the server printed
	 * before it, on stdout or stderr, has been read by then: wait for the line of the last request
	 * before asserting that something is NOT in the log.
	 */
	waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>
	/**
	 * Makes one more request (a GET of a page that does not exist, logged as a 404) and waits for
	 * its line: everything the server printed for the requests before it is in output() then.
	 */
	outputSettled(): Promise<void>
	/** Runs `node build/cli.js ...args` with the server's environment (same database); `input` goes to its stdin. */
	cli(args: string[], options?: { input?: string }): Promise<CliResult>
	/**
	 * Stops the server (SIGTERM, as a service manager does; SIGKILL for a crash) and starts it again
	 * on the same data folder and environment, on a new port: the new server is returned, this one
	 * is done.
	 */
	restart(signal?: 'SIGTERM' | 'SIGKILL'): Promise<TestServer>
	stop(): Promise<void>
}

export type StartServerOptions = {
	/** Extra or overriding environment, e.g. {RATE_LIMIT_PER_MINUTE: '5'} or {SMTP_URL: ...}. */
	env?: Record<string, string>
	/** How long to wait for /healthz, in ms. */
	timeout?: number
}

/** A port that was free a moment ago: the OS picks it for a listener on port 0, which we close. */
export function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer()
		probe.unref()
		probe.on('error', reject)
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address()
			if (!address || typeof address === 'string') return reject(new Error('no port'))
			probe.close(() => resolve(address.port))
		})
	})
}

/** Keeps the last `limit` characters of a stream, enough to explain a failure. */
function tail(limit = 64 * 1024) {
	let text = ''
	return {
		push(chunk: Buffer | string) {
			text = (text + chunk.toString()).slice(-limit)
		},
		get text() {
			return text
		},
	}
}

/** Runs `node build/cli.js ...args` from the repository root with exactly this environment. */
export function runBuiltCli(args: string[], env: NodeJS.ProcessEnv, options: { input?: string } = {}): Promise<CliResult> {
	return runNode([CLI_BUNDLE, ...args], env, options)
}

/** Runs node with these arguments from the repository root; collects output and exit code. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, options: { input?: string } = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const run = spawn(process.execPath, args, { cwd: ROOT, env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
		if (options.input !== undefined) run.stdin!.end(options.input)
		let stdout = ''
		let stderr = ''
		run.stdout!.on('data', (chunk) => (stdout += chunk))
		run.stderr!.on('data', (chunk) => (stderr += chunk))
		run.on('error', reject)
		run.on('close', (code) => resolve({ code, stdout, stderr }))
	})
}

/** The current environment without any of the app's own variables, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env }
	for (const name of APP_VARIABLES) delete env[name]
	return { ...env, ...extra }
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false

function killAllOnExit() {
	if (exitHookInstalled) return
	exitHookInstalled = true
	process.on('exit', () => {
		for (const child of running) child.kill('SIGKILL')
	})
}

export async function startServer(options: StartServerOptions = {}, reuseTempDir?: string): Promise<TestServer> {
	for (const file of [SERVER_ENTRY, CLI_BUNDLE]) {
		if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`)
	}
	const port = await findFreePort()
	const url = `http://127.0.0.1:${port}`
	const tempDir = reuseTempDir ?? mkdtempSync(path.join(os.tmpdir(), 'sajam-server-'))
	const dataDir = path.join(tempDir, 'data')
	const dbPath = path.join(dataDir, 'sajam.db')
	const admin = { email: 'admin@sajam.test', password: 'test-admin-password' }

	const env = cleanEnv({
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		DATABASE_PATH: dbPath,
		PUBLIC_URL: url,
		ADMIN_EMAIL: admin.email,
		ADMIN_PASSWORD: admin.password,
		// Tests make many requests from one address; a test of the limit sets its own value.
		RATE_LIMIT_PER_MINUTE: '0',
		...options.env,
	})

	const child = spawn(process.execPath, [SERVER_SCRIPT], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
	running.add(child)
	killAllOnExit()
	const stdout = tail()
	const stderr = tail()
	const outputWatchers = new Set<() => void>()
	const notifyWatchers = () => outputWatchers.forEach((watch) => watch())
	child.stdout!.on('data', (chunk) => {
		stdout.push(chunk)
		notifyWatchers()
	})
	child.stderr!.on('data', (chunk) => {
		stderr.push(chunk)
		notifyWatchers()
	})
	const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`)))
	let hasExited = false
	let exitReason = ''
	void exited.then((reason) => {
		hasExited = true
		exitReason = reason
		running.delete(child)
	})

	const output = () => `${hasExited ? `--- the server has exited (${exitReason})\n` : ''}--- stdout\n${stdout.text}\n--- stderr\n${stderr.text}`

	function waitForOutput(text: string | RegExp, timeoutMs = 10_000) {
		const found = () => (typeof text === 'string' ? output().includes(text) : text.test(output()))
		return new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				outputWatchers.delete(watch)
				reject(new Error(`The server did not print ${String(text)} within ${timeoutMs} ms\n${output()}`))
			}, timeoutMs)
			function watch() {
				if (!found()) return
				outputWatchers.delete(watch)
				clearTimeout(timer)
				// The other stream's data that arrived in the same turn of the event loop is read first:
				// the child writes both pipes synchronously, so what it wrote earlier is in by then.
				setImmediate(resolve)
			}
			outputWatchers.add(watch)
			watch()
		})
	}

	let marks = 0
	async function outputSettled() {
		const path = `/log-mark-${process.pid}-${++marks}`
		const response = await fetch(url + path)
		await response.arrayBuffer()
		if (response.status !== 404) throw new Error(`GET ${path} answered ${response.status}, not 404`)
		await waitForOutput(`GET ${path} 404`)
	}

	async function halt(signal: 'SIGTERM' | 'SIGKILL') {
		if (hasExited) return
		child.kill(signal)
		const killer = setTimeout(() => child.kill('SIGKILL'), 5_000)
		await exited
		clearTimeout(killer)
	}

	async function stop() {
		await halt('SIGTERM')
		rmSync(tempDir, { recursive: true, force: true })
	}

	async function restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
		await halt(signal)
		return startServer(options, tempDir)
	}

	const cli = (args: string[], cliOptions: { input?: string } = {}) => runBuiltCli(args, env, cliOptions)

	const deadline = Date.now() + (options.timeout ?? 30_000)
	let lastProblem: string
	while (true) {
		if (hasExited) {
			await stop()
			throw new Error(`The server exited before it was ready (${await exited})\n${output()}`)
		}
		try {
			const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })
			if (response.status === 200) break
			lastProblem = `GET /healthz answered ${response.status}: ${(await response.text()).slice(0, 500)}`
		} catch (error) {
			lastProblem = `GET /healthz failed: ${(error as Error).message}`
		}
		if (Date.now() > deadline) {
			await stop()
			throw new Error(`The server did not become ready at ${url} (${lastProblem})\n${output()}`)
		}
		await new Promise((resolve) => setTimeout(resolve, 100))
	}

	return { url, dbPath, dataDir, admin, pid: child.pid!, output, waitForOutput, outputSettled, cli, restart, stop }
}
