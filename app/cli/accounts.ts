// Staff users and API tokens on the command line: user add | list | disable | enable | passwd,
// token create | list | revoke. Passwords never come from the command line (shell history, `ps`):
// `user passwd` and `user add --password-stdin` read them from stdin.
import { z } from 'zod'
import { PASSWORD_MAX, PASSWORD_MIN } from '#app/domain/account-rules.ts'
import { createApiToken, revokeApiToken } from '#app/services/commands/api-tokens.server.ts'
import { listApiTokens } from '#app/services/queries/accounts.server.ts'
import type { Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findEventBySlug } from '#app/services/queries/events.server.ts'
import { UserExistsError, createUser, findUserByEmail, normalizeEmail, setPassword, updateUserAccess } from '#app/services/commands/users.server.ts'
import { listUsers } from '#app/services/queries/accounts.server.ts'
import { closeDb, getDb, type Db } from '#app/utils/db.server.ts'
import { CliError, mustBe, parse, role, usageError, validate } from './args.ts'

const ACTOR: Actor = { kind: 'cli' }

const password = z
	.string(mustBe('a string'))
	.min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
	.max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`)

const UserAddSchema = z.object({
	email: z.email(mustBe('an email address')),
	password: password.optional(),
	'password-stdin': z.boolean().optional(),
	role,
	name: z.string().trim().min(1).max(120).optional(),
})

const EmailSchema = z.object({ email: z.email(mustBe('an email address')) })

const TokenCreateSchema = z
	.object({
		role,
		event: z.string().trim().min(1).optional(),
		name: z.string().trim().min(1).max(120).optional(),
		// Any time, even a past one (an already expired token is what a test of expiry needs).
		// Without it, an organizer or admin token expires in a year.
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

async function withDbAsync<T>(work: (db: Db) => Promise<T>): Promise<T> {
	try {
		return await work(getDb())
	} finally {
		closeDb()
	}
}

/**
 * The password on stdin: its first line, without the line end. From a terminal it is asked for
 * without echo; from a pipe (`printf '%s\n' "$PW" | sajam user passwd ...`) it is read whole.
 */
async function readPassword(command: string): Promise<string> {
	const stdin = process.stdin
	let text: string
	if (stdin.isTTY) {
		text = await promptHidden('New password: ')
	} else {
		const chunks: Buffer[] = []
		for await (const chunk of stdin) chunks.push(chunk as Buffer)
		text = Buffer.concat(chunks).toString('utf8')
	}
	const line = text.split(/\r?\n/)[0] ?? ''
	if (!line) throw new CliError(`${command}: no password on stdin`)
	const checked = password.safeParse(line)
	if (!checked.success) throw new CliError(`${command}: the password ${checked.error.issues[0]!.message}`)
	return checked.data
}

function promptHidden(prompt: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin
		process.stderr.write(prompt)
		stdin.setRawMode(true)
		stdin.resume()
		let value = ''
		const done = (error?: Error) => {
			stdin.setRawMode(false)
			stdin.pause()
			stdin.off('data', onData)
			process.stderr.write('\n')
			if (error) reject(error)
			else resolve(value)
		}
		const onData = (data: Buffer) => {
			for (const char of data.toString('utf8')) {
				if (char === '\r' || char === '\n') return done()
				if (char === '\u0003') return done(new CliError('interrupted'))
				if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
				else value += char
			}
		}
		stdin.on('data', onData)
	})
}

function requireUserByEmail(db: Db, command: string, email: string) {
	const user = findUserByEmail(db, email)
	if (!user) throw new CliError(`${command}: no user with email ${normalizeEmail(email)}`)
	return user
}

const userJson = (u: { id: number; email: string; name: string; role: string; disabled: boolean }) =>
	JSON.stringify({ id: u.id, email: u.email, role: u.role, disabled: u.disabled, name: u.name })

async function userAdd(rest: string[]) {
	const { values } = parse('user add', rest, {
		email: { type: 'string' },
		password: { type: 'string' },
		'password-stdin': { type: 'boolean' },
		role: { type: 'string' },
		name: { type: 'string' },
	})
	const input = validate('user add', UserAddSchema, values)
	if (input.password !== undefined && input['password-stdin']) throw usageError('user add: give --password or --password-stdin, not both')
	if (input.password === undefined && !input['password-stdin']) throw usageError('user add: --password-stdin is required (the password is read from stdin)')
	const secret = input.password ?? (await readPassword('user add'))
	await withDbAsync(async (db) => {
		try {
			const row = await createUser(db, { email: input.email, password: secret, role: input.role, name: input.name }, ACTOR)
			console.log(JSON.stringify({ id: row.id, email: row.email, name: row.name, role: row.role }))
		} catch (error) {
			if (error instanceof UserExistsError) throw new CliError(`user add: a user with email ${normalizeEmail(input.email)} already exists`)
			throw error
		}
	})
}

function userList(rest: string[]) {
	parse('user list', rest, {})
	withDb((db) => {
		for (const u of listUsers(db)) console.log(userJson(u))
	})
}

/** user disable / user enable: disabling ends the user's sessions at once; the last active admin stays. */
function userAccess(command: 'disable' | 'enable', rest: string[]) {
	const { values } = parse(`user ${command}`, rest, { email: { type: 'string' } })
	const { email } = validate(`user ${command}`, EmailSchema, values)
	withDb((db) => {
		const user = requireUserByEmail(db, `user ${command}`, email)
		try {
			const updated = updateUserAccess(db, user.id, { disabled: command === 'disable' }, ACTOR)
			console.log(userJson({ ...updated, disabled: updated.disabledAt !== null }))
		} catch (error) {
			if (error instanceof ServiceError && error.code === 'last_admin') {
				throw new CliError(`user ${command}: ${user.email} is the last active admin; make another user admin first`)
			}
			throw error
		}
	})
}

async function userPasswd(rest: string[]) {
	const { values } = parse('user passwd', rest, { email: { type: 'string' } })
	const { email } = validate('user passwd', EmailSchema, values)
	// The address first: a typo should not cost typing a password.
	const user = withDb((db) => requireUserByEmail(db, 'user passwd', email))
	const secret = await readPassword('user passwd')
	await withDbAsync((db) => setPassword(db, user.id, secret, ACTOR))
	console.log(JSON.stringify({ id: user.id, email: user.email, passwordChanged: true, sessionsEnded: true }))
}

export async function userCommand(args: string[]) {
	const [sub, ...rest] = args
	switch (sub) {
		case 'add':
			return userAdd(rest)
		case 'list':
			return userList(rest)
		case 'disable':
		case 'enable':
			return userAccess(sub, rest)
		case 'passwd':
			return userPasswd(rest)
		default:
			throw usageError(sub ? `user: unknown subcommand '${sub}'` : 'user: missing subcommand (add, list, disable, enable, passwd)')
	}
}

function tokenCreate(rest: string[]) {
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

function tokenList(rest: string[]) {
	parse('token list', rest, {})
	const iso = (d: Date | null) => (d ? d.toISOString() : null)
	withDb((db) => {
		for (const t of listApiTokens(db)) {
			console.log(
				JSON.stringify({
					id: t.id,
					name: t.name,
					role: t.role,
					event: t.event,
					createdAt: iso(t.createdAt),
					expiresAt: iso(t.expiresAt),
					lastUsedAt: iso(t.lastUsedAt),
					revoked: t.revokedAt !== null,
					revokedAt: iso(t.revokedAt),
				}),
			)
		}
	})
}

function tokenRevoke(rest: string[]) {
	const { positionals } = parse('token revoke', rest, {}, 1)
	const text = positionals[0]
	if (!text) throw usageError('token revoke: missing ID (see `token list`)')
	if (!/^[1-9]\d{0,15}$/.test(text)) throw usageError(`token revoke: ID must be a token's number, not '${text}'`)
	const id = Number(text)
	withDb((db) => {
		try {
			const row = revokeApiToken(db, id, ACTOR)
			console.log(JSON.stringify({ id: row.id, name: row.name, revoked: true, revokedAt: row.revokedAt?.toISOString() ?? null }))
		} catch (error) {
			if (error instanceof ServiceError && error.code === 'not_found') throw new CliError(`token revoke: no token with id ${id}`)
			throw error
		}
	})
}

export async function tokenCommand(args: string[]) {
	const [sub, ...rest] = args
	switch (sub) {
		case 'create':
			return tokenCreate(rest)
		case 'list':
			return tokenList(rest)
		case 'revoke':
			return tokenRevoke(rest)
		default:
			throw usageError(sub ? `token: unknown subcommand '${sub}'` : 'token: missing subcommand (create, list, revoke)')
	}
}
