// The operator's command line: `npm run cli -- <command>`, or `node build/cli.js <command>`.
// Exit 0 on success; otherwise a one-line reason on stderr and exit 1 (2 for a usage mistake).
// Machine-readable results go to stdout; the token of `token create` is always its last line.
import { sweepApplicationDeadlines } from '#app/services/commands/application-lifecycle.server.ts'
import { sweepReminders } from '#app/services/commands/reminders.server.ts'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { count, inArray } from 'drizzle-orm'
import { outbox as outboxTable } from '#db/schema/outbox.ts'
import { getTicketKeys, rotateTicketKey } from '#app/utils/ticket-keys.server.ts'
import { createMailer, deliverDueMail, mailerConfigFromEnv } from '#app/services/workers/outbox-delivery.server.ts'
import { closeDb, getDb, openDatabase, type Db } from '#app/utils/db.server.ts'
import { createOwnerOnlyFile, makeOwnerOnly } from '#app/utils/file-modes.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { tokenCommand, userCommand } from './accounts.ts'
import { CliError, parse, usageError } from './args.ts'

const USAGE = `Usage: sajam <command> [options]

Commands:
  migrate                                   apply pending database migrations
  seed --demo                               load the demo fair and promo events
  user add --email E --password-stdin --role admin|organizer|scanner [--name N]
                                            create a staff user; the password is read from
                                            stdin (--password P still works, but stays in
                                            the shell history and in \`ps\`)
  user list                                 one JSON line per user: {id,email,role,disabled}
  user disable --email E | user enable --email E
                                            a disabled user cannot log in; their sessions end
                                            at once (the last active admin cannot be disabled)
  user passwd --email E                     set a new password read from stdin; the user's
                                            sessions end
  token create --role admin|organizer|scanner [--event SLUG] [--name N] [--expires ISO]
                                            create an API token (printed as the last line);
                                            --event limits a scanner token to one event;
                                            --expires ends its validity at that time (default:
                                            a year for organizer and admin tokens)
  token list                                one JSON line per token (never the secret)
  token revoke ID                           the token answers 401 from then on
  backup FILE [--force]                     consistent copy of the live database (online backup)
  outbox send                               deliver the mail that is due now; prints a JSON
                                            summary, fails if any mail could not be sent
  applications sweep                        confirmation reminders and missed deadlines (the
                                            server does this every minute by itself)
  sweep [--now ISO]                         queue the reminders before events, the thank-yous
                                            after them and the exhibitors' setup reminders that
                                            are due (the server does this every minute by
                                            itself); prints a JSON summary; --now sweeps as if
                                            it were that time (tests, catching up)
  keys list | keys rotate                   ticket signing keys; rotate adds a new key for new
                                            tickets (tickets already sent stay valid)

The database is DATABASE_PATH (default data/sajam.db).
Exit status: 0 success, 1 failure, 2 usage error.`

function withDb<T>(work: (db: Db) => T): T {
	try {
		return work(getDb())
	} finally {
		closeDb()
	}
}

async function migrate(args: string[]) {
	parse('migrate', args, {})
	const file = getEnv().DATABASE_PATH
	openDatabase(file).$client.close()
	console.log(`migrated ${file}`)
}

async function seed(args: string[]) {
	const { values } = parse('seed', args, { demo: { type: 'boolean' } })
	if (!values.demo) throw usageError('seed: only the demo can be loaded; run `seed --demo`')
	// Loaded only here: the demo data is not needed by any other command.
	const { seedDemo } = await import('#db/seed.ts')
	const result = withDb((db) => seedDemo(db))
	console.log(JSON.stringify(result))
}

async function backup(args: string[]) {
	const { values, positionals } = parse('backup', args, { force: { type: 'boolean' } }, 1)
	const target = positionals[0]
	if (!target) throw usageError('backup: missing FILE')
	const source = getEnv().DATABASE_PATH
	const destination = path.resolve(target)
	if (!existsSync(source)) throw new CliError(`backup: no database at ${source}`)
	if (destination === source) throw new CliError('backup: FILE is the live database itself')
	if (existsSync(destination) && !values.force) {
		throw new CliError(`backup: ${destination} already exists (use --force to overwrite)`)
	}
	mkdirSync(path.dirname(destination), { recursive: true })
	// Copy to a side file and rename, so FILE is never a half-written database.
	const partial = `${destination}.partial`
	rmSync(partial, { force: true })
	const db = openDatabase(source, { runMigrations: false })
	try {
		// Owner-only from the first byte, whatever the umask: a backup holds everyone's personal data.
		createOwnerOnlyFile(partial)
		await db.$client.backup(partial)
		makeOwnerOnly(partial)
	} catch (error) {
		rmSync(partial, { force: true })
		throw error
	} finally {
		db.$client.close()
	}
	renameSync(partial, destination)
	console.log(destination)
}

async function outbox(args: string[]) {
	const [sub] = args
	if (sub !== 'send') throw usageError(sub ? `outbox: unknown subcommand '${sub}'` : 'outbox: missing subcommand (send)')
	parse('outbox send', args.slice(1), {})
	const env = getEnv()
	const mailer = createMailer(mailerConfigFromEnv(env))
	const db = getDb()
	try {
		// Everything due now. What cannot be sent stays queued with its next attempt (the server
		// retries it by itself); saying so on stderr beats a success that delivered nothing.
		const summary = await deliverDueMail(db, mailer)
		const notSent = summary.retrying + summary.failed
		if (notSent > 0) {
			throw new CliError(
				`outbox send: ${notSent} of ${summary.attempted} mail(s) not sent (${summary.retrying} will be retried, ${summary.failed} failed): ${summary.lastError}`,
			)
		}
		const queued = db
			.select({ n: count() })
			.from(outboxTable)
			.where(inArray(outboxTable.status, ['pending', 'sending']))
			.get()!.n
		console.log(JSON.stringify({ ...summary, queued, mode: mailer.mode }))
	} finally {
		mailer.close()
		closeDb()
	}
}

/** Runs what the server runs every minute: reminders, then missed confirmation deadlines. */
async function applicationsCommand(args: string[]) {
	const [sub] = args
	if (sub !== 'sweep') throw usageError(sub ? `applications: unknown subcommand '${sub}'` : 'applications: missing subcommand (sweep)')
	parse('applications sweep', args.slice(1), {})
	const db = getDb()
	try {
		console.log(JSON.stringify(sweepApplicationDeadlines(db)))
	} finally {
		closeDb()
	}
}

/** Queues what is due now (or at --now): reminders, thank-yous, setup reminders; `outbox send` or the server sends them. */
async function sweep(args: string[]) {
	const { values } = parse('sweep', args, { now: { type: 'string' } })
	const now = values.now === undefined ? new Date() : new Date(values.now)
	if (Number.isNaN(now.getTime())) throw usageError(`sweep: --now is not a date and time: ${values.now}`)
	const db = getDb()
	try {
		console.log(JSON.stringify(await sweepReminders(db, now)))
	} finally {
		closeDb()
	}
}

/**
 * keys list: the ticket signing keys (id, created, which one signs new tickets).
 * keys rotate: a new key signs new tickets; tickets signed before stay valid, because every
 * older public key stays known. Restart the server afterwards so it signs with the new key.
 */
async function keys(args: string[]) {
	const [sub] = args
	parse(`keys ${sub ?? ''}`.trim(), args.slice(1), {})
	if (sub === 'rotate') {
		console.log(JSON.stringify({ rotated: true, keyId: rotateTicketKey() }))
		return
	}
	if (sub === 'list') {
		const ring = getTicketKeys()
		for (const key of ring.all) console.log(JSON.stringify({ keyId: key.keyId, createdAt: key.createdAt, current: key.keyId === ring.current.keyId }))
		return
	}
	throw usageError(sub ? `keys: unknown subcommand '${sub}'` : 'keys: missing subcommand (list, rotate)')
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
	migrate,
	seed,
	user: userCommand,
	token: tokenCommand,
	backup,
	outbox,
	applications: applicationsCommand,
	sweep,
	keys,
}

async function main(argv: string[]): Promise<number> {
	const [command, ...args] = argv
	if (command === undefined) {
		process.stderr.write(`sajam: no command given (see --help)\n`)
		return 2
	}
	if (command === '--help' || command === '-h' || command === 'help' || args.includes('--help')) {
		console.log(USAGE)
		return 0
	}
	const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
	try {
		if (!run) throw usageError(`unknown command '${command}'`)
		await run(args)
		return 0
	} catch (error) {
		const exitCode = error instanceof CliError ? error.exitCode : 1
		const message = error instanceof Error ? error.message : String(error)
		process.stderr.write(`sajam: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
		return exitCode
	}
}

process.exitCode = await main(process.argv.slice(2))
