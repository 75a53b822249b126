// `npm run demo`: builds the app, prepares data/demo.db with a realistic Kruševac fair and the
// Center's promo events, prints how to log in, and serves on http://localhost:3000 — to this
// computer only (127.0.0.1), since the demo's admin password is in the README; HOST=0.0.0.0 (or an
// address) shows it to the network.
// Run it again at any time: an existing demo database is kept (delete data/demo.db to start over).
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = process.env.PORT ?? '3000'
const host = process.env.HOST || '127.0.0.1'
const everywhere = host === '0.0.0.0' || host === '::'
const demo = {
	email: 'organizer@sajam.local',
	password: 'sajam-demo-2026',
}
const env = {
	...process.env,
	NODE_ENV: 'production',
	PORT: port,
	HOST: host,
	DATABASE_PATH: process.env.DATABASE_PATH ?? path.join('data', 'demo.db'),
	PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
}

function run(command, args, { allowFailure = false, capture = false } = {}) {
	const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'pipe'], encoding: 'utf8' })
	if (capture) process.stdout.write(result.stdout ?? '')
	if (result.status !== 0 && !allowFailure) {
		process.stderr.write(result.stderr ?? '')
		console.error(`demo: '${[command, ...args].join(' ')}' failed`)
		process.exit(result.status ?? 1)
	}
	return result
}

console.log('Building Sajam…')
run('npm', ['run', 'build', '--silent'])
run(process.execPath, ['build/cli.js', 'migrate'])
const seeded = run(process.execPath, ['build/cli.js', 'seed', '--demo'], { capture: true })
// The seed names the demo fair (also on a second run, when it changes nothing).
const fairSlug = JSON.parse(seeded.stdout.trim().split('\n').at(-1) || '{}').fair ?? null
// The demo organizer; "already exists" on a second run is fine.
const added = run(
	process.execPath,
	['build/cli.js', 'user', 'add', '--email', demo.email, '--password', demo.password, '--role', 'admin', '--name', 'Demo organizator'],
	{ allowFailure: true },
)
if (added.status !== 0 && !/exists/i.test(added.stderr)) {
	process.stderr.write(added.stderr)
	process.exit(1)
}

console.log(`
  Sajam demo is starting on ${env.PUBLIC_URL}

  Public site      ${env.PUBLIC_URL}/
  In Cyrillic      ${env.PUBLIC_URL}/?lang=sr-Cyrl
  In English       ${env.PUBLIC_URL}/?lang=en
  Calendar feed    ${env.PUBLIC_URL}/calendar.ics
${
	fairSlug
		? `  The fair         ${env.PUBLIC_URL}/events/${fairSlug}
    apply          ${env.PUBLIC_URL}/fairs/${fairSlug}/apply
    exhibitors     ${env.PUBLIC_URL}/fairs/${fairSlug}/exhibitors
    map            ${env.PUBLIC_URL}/fairs/${fairSlug}/map
`
		: ''
}  Organizers       ${env.PUBLIC_URL}/admin
    login          ${demo.email}
    password       ${demo.password}
  Database         ${env.DATABASE_PATH}

  Listening on     ${host}:${port}${
		everywhere
			? `, every network interface: anyone who can reach this computer can log in
                   with the demo password above`
			: host === '127.0.0.1' || host === 'localhost' || host === '::1'
				? ` (this computer only; HOST=0.0.0.0 npm run demo shows it to the network)`
				: ''
	}

  Stop with Ctrl+C.
`)

const server = spawn(process.execPath, ['server.mjs'], {
	cwd: root,
	env,
	stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
