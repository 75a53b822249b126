// The operator's command line: `npm run cli -- <command>`, or `node build/cli.js <command>`.
// Exit 0 on success; otherwise a one-line reason on stderr and exit 1 (2 for a usage mistake).
// Machine-readable results go to stdout; the token of `token create` is always its last line.
import { sweepApplicationDeadlines } from '#app/services/application-lifecycle.server.ts'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { count, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { outbox as outboxTable } from '#db/schema/outbox.ts'
import { ROLES } from '#db/schema/users.ts'
import { createApiToken } from '#app/services/api-tokens.server.ts'
import { getTicketKeys, rotateTicketKey } from '#app/services/ticket-keys.server.ts'
import type { Actor } from '#app/services/audit.server.ts'
import { findEventBySlug } from '#app/services/events.server.ts'
import { createMailer, deliverDueMail, mailerConfigFromEnv } from '#app/services/outbox-delivery.server.ts'
import { UserExistsError, createUser } from '#app/services/users.server.ts'
import { closeDb, getDb, openDatabase, type Db } from '#app/utils/db.server.ts'
import { createOwnerOnlyFile, makeOwnerOnly } from '#app/utils/file-modes.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

const ACTOR: Actor = { kind: 'cli' }

const USAGE = `Usage: sajam <command> [options]

Commands:
  migrate                                   apply pending database migrations
  seed --demo                               load the demo fair and promo events
  user add --email E --password P --role admin|organizer|scanner [--name N]
                                            create a staff user
  token create --role admin|organizer|scanner [--event SLUG] [--name N] [--expires ISO]
                                            create an API token (printed as the last line);
                                            --event limits a scanner token to one event;
                                            --expires ends its validity at that time
  backup FILE [--force]                     consistent copy of the live database (online backup)
  outbox send                               deliver the mail that is due now; prints a JSON
                                            summary, fails if any mail could not be sent
  applications sweep                        confirmation reminders and missed deadlines (the
                                            server does this every minute by itself)
  keys list | keys rotate                   ticket signing keys; rotate adds a new key for new
                                            tickets (tickets already sent stay valid)

The database is DATABASE_PATH (default data/sajam.db).
Exit status: 0 success, 1 failure, 2 usage error.`

/** A failure the operator can act on: printed as one line, no stack. */
class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1,
	) {
		super(message)
	}
}

const usageError = (message: string) => new CliError(`${message} (see --help)`, 2)

type Options = NonNullable<ParseArgsConfig['options']>

function parse<O extends Options>(command: string, args: string[], options: O, positionals = 0) {
	let parsed
	try {
		parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 })
	} catch (error) {
		throw usageError(`${command}: ${(error as Error).message.split('\n')[0]}`)
	}
	if (parsed.positionals.length > positionals) {
		throw usageError(`${command}: unexpected argument '${parsed.positionals[positionals]}'`)
	}
	return parsed
}

/** Checks options with zod and turns the first problem into one line naming the option. */
function validate<S extends z.ZodType>(command: string, schema: S, values: unknown): z.output<S> {
	const result = schema.safeParse(values)
	if (result.success) return result.data
	const issue = result.error.issues[0]!
	const option = issue.path.length ? `--${String(issue.path[0])}: ` : ''
	throw usageError(`${command}: ${option}${issue.message}`)
}

/** zod's message for an option: "is required" when it is missing, else what it must be. */
const mustBe = (what: string) => ({
	error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
})
const role = z.enum(ROLES, mustBe(`one of ${ROLES.join(', ')}`))

const UserAddSchema = z.object({
	email: z.email(mustBe('an email address')),
	password: z.string(mustBe('a string')).min(8, 'must be at least 8 characters'),
	role,
	name: z.string().trim().min(1).max(120).optional(),
})

const TokenCreateSchema = z
	.object({
		role,
		event: z.string().trim().min(1).optional(),
		name: z.string().trim().min(1).max(120).optional(),
		// Any time, even a past one (an already expired token is what a test of expiry needs).
		expires: z.iso
			.datetime({ offset: true, ...mustBe('an ISO 8601 time with an offset, e.g. 2026-12-05T18:00:00+01:00') })
			.transform((v) => new Date(v))
			.optional(),
	})
	.refine((v) => v.event === undefined || v.role === 'scanner', {
		path: ['event'],
		message: 'only a scanner token can be limited to one event',
	})

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

async function user(args: string[]) {
	const [sub, ...rest] = args
	if (sub !== 'add') throw usageError(sub ? `user: unknown subcommand '${sub}'` : 'user: missing subcommand (add)')
	const { values } = parse('user add', rest, {
		email: { type: 'string' },
		password: { type: 'string' },
		role: { type: 'string' },
		name: { type: 'string' },
	})
	const input = validate('user add', UserAddSchema, values)
	const db = getDb()
	try {
		const row = await createUser(db, input, ACTOR)
		console.log(JSON.stringify({ id: row.id, email: row.email, name: row.name, role: row.role }))
	} catch (error) {
		if (error instanceof UserExistsError) throw new CliError(`user add: a user with email ${input.email.trim().toLowerCase()} already exists`)
		throw error
	} finally {
		closeDb()
	}
}

async function token(args: string[]) {
	const [sub, ...rest] = args
	if (sub !== 'create') throw usageError(sub ? `token: unknown subcommand '${sub}'` : 'token: missing subcommand (create)')
	const { values } = parse('token create', rest, {
		role: { type: 'string' },
		event: { type: 'string' },
		name: { type: 'string' },
		expires: { type: 'string' },
	})
	const input = validate('token create', TokenCreateSchema, values)
	const { token: secret, row } = withDb((db) => {
		let eventId: number | null = null
		if (input.event !== undefined) {
			const event = findEventBySlug(db, input.event)
			if (!event) throw new CliError(`token create: unknown event '${input.event}'`)
			eventId = event.id
		}
		return createApiToken(db, { role: input.role, name: input.name, eventId, expiresAt: input.expires ?? null }, ACTOR)
	})
	const scope = input.event ? ` for event ${input.event}` : ''
	const until = row.expiresAt ? `, valid until ${row.expiresAt.toISOString()}` : ''
	console.log(`token ${row.id} "${row.name}" (${row.role}${scope}${until}); it is shown only this once:`)
	console.log(secret)
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
			throw new CliError(`outbox send: ${notSent} of ${summary.attempted} mail(s) not sent (${summary.retrying} will be retried, ${summary.failed} failed): ${summary.lastError}`)
		}
		const queued = db.select({ n: count() }).from(outboxTable).where(inArray(outboxTable.status, ['pending', 'sending'])).get()!.n
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

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { migrate, seed, user, token, backup, outbox, applications: applicationsCommand, keys }

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
