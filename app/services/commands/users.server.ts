// Staff accounts and their sessions: create, log in, list, change role, disable, change password.
// Invitations and "forgot password" links are in account-links.server.ts.
import { hashSecretToken, newSecretToken } from '#app/utils/secret-tokens.server.ts'
import { and, eq, isNull, lt, ne, or } from 'drizzle-orm'
import { sessions, users, type Role, type UserRow } from '#db/schema/index.ts'
import { SESSION_IDLE_MS, SESSION_MAX_AGE_MS, leavesNoAdmin, sessionVerdict } from '#app/domain/account-rules.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { DUMMY_HASH_PROMISE, hashPassword, needsRehash, verifyPassword } from '#app/utils/password.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'

export const SESSION_DAYS = SESSION_MAX_AGE_MS / (24 * 3600_000)

export class UserExistsError extends Error {
	constructor(email: string) {
		super(`A user with email ${email} already exists`)
	}
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** The row keeps only this: a copy of the database lets nobody take over a session. */
export function findUserByEmail(db: Db, email: string): UserRow | null {
	return (
		db
			.select()
			.from(users)
			.where(eq(users.email, normalizeEmail(email)))
			.get() ?? null
	)
}

/** Inside a transaction: inserts the user (the caller has hashed the password). */
export function insertUser(tx: Db, input: { email: string; passwordHash: string; role: Role; name?: string | null }, actor: Actor, now: Date): UserRow {
	const email = normalizeEmail(input.email)
	if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw new UserExistsError(email)
	const user = tx
		.insert(users)
		.values({ email, name: input.name?.trim() || email.split('@')[0]!, role: input.role, passwordHash: input.passwordHash, createdAt: now })
		.returning()
		.get()
	recordAudit(tx, actor, 'user.create', `user:${user.id}`, { email, role: input.role }, now)
	return user
}

export async function createUser(
	db: Db,
	input: { email: string; password: string; role: Role; name?: string },
	actor: Actor,
	now = new Date(),
): Promise<UserRow> {
	const passwordHash = await hashPassword(input.password)
	return writeTransaction(db, (tx) => insertUser(tx, { ...input, passwordHash }, actor, now))
}

/**
 * The user for these credentials, or null (also for a disabled user). Takes as long for an
 * unknown email as for a known one. A hash made with older scrypt parameters is replaced.
 */
export async function verifyLogin(db: Db, email: string, password: string): Promise<UserRow | null> {
	const user = findUserByEmail(db, email)
	if (!user) {
		await verifyPassword(password, await DUMMY_HASH_PROMISE)
		return null
	}
	if (!(await verifyPassword(password, user.passwordHash)) || user.disabledAt) return null
	if (needsRehash(user.passwordHash)) {
		const passwordHash = await hashPassword(password)
		// Only if nobody changed the password meanwhile.
		db.update(users)
			.set({ passwordHash })
			.where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
			.run()
		return { ...user, passwordHash }
	}
	return user
}

export function createSession(db: Db, userId: number, now = new Date()) {
	const id = newSecretToken()
	const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_MS)
	writeTransaction(db, (tx) => {
		// Ended sessions are swept here, on the rare write, rather than by a timer.
		tx.delete(sessions)
			.where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))))
			.run()
		tx.insert(sessions)
			.values({ id: hashSecretToken(id), userId, expiresAt, lastSeenAt: now, createdAt: now })
			.run()
	})
	return { id, expiresAt }
}

/** The session's user, or null when the session is unknown, ended (cap or idle) or the user disabled. */
export function getSessionUser(db: Db, sessionId: string, now = new Date()): UserRow | null {
	const key = hashSecretToken(sessionId)
	const row = db
		.select({ user: users, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, key))
		.get()
	if (!row || row.user.disabledAt) return null
	const verdict = sessionVerdict(row, now)
	if (!verdict.valid) return null
	if (verdict.touch) db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, key)).run()
	return row.user
}

export function deleteSession(db: Db, sessionId: string) {
	db.delete(sessions)
		.where(eq(sessions.id, hashSecretToken(sessionId)))
		.run()
}

/** Ends every session of the user except `keep` (a raw session id), inside the caller's transaction. */
function endSessions(tx: Db, userId: number, keep?: string | null) {
	tx.delete(sessions)
		.where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, hashSecretToken(keep))) : eq(sessions.userId, userId))
		.run()
}

function activeAdminIds(tx: Db): number[] {
	return tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
		.all()
		.map((r) => r.id)
}

/**
 * Changes a user's role and/or disables or enables them, refusing (409 `last_admin`) to leave no
 * active admin. Disabling ends the user's sessions at once.
 */
export function updateUserAccess(db: Db, userId: number, change: { role?: Role; disabled?: boolean }, actor: Actor, now = new Date()): UserRow {
	return writeTransaction(db, (tx) => {
		const user = tx.select().from(users).where(eq(users.id, userId)).get()
		if (!user) throw new ServiceError('not_found', 404)
		const current = { id: user.id, role: user.role, disabled: user.disabledAt !== null }
		const next = { role: change.role ?? current.role, disabled: change.disabled ?? current.disabled }
		if (leavesNoAdmin(current, next, activeAdminIds(tx))) throw new ServiceError('last_admin', 409)
		const disabledAt = next.disabled ? (user.disabledAt ?? now) : null
		const updated = tx.update(users).set({ role: next.role, disabledAt }).where(eq(users.id, userId)).returning().get()
		if (next.disabled) endSessions(tx, userId)
		if (next.role !== current.role) recordAudit(tx, actor, 'user.role', `user:${userId}`, { from: current.role, to: next.role }, now)
		if (next.disabled !== current.disabled) recordAudit(tx, actor, next.disabled ? 'user.disable' : 'user.enable', `user:${userId}`, null, now)
		return updated
	})
}

/**
 * Sets a new password and ends the user's other sessions (all of them when `keepSession` is not
 * given: the command line, a reset link). The caller has checked who may do this.
 */
export async function setPassword(db: Db, userId: number, password: string, actor: Actor, options: { keepSession?: string | null; now?: Date } = {}) {
	const now = options.now ?? new Date()
	const passwordHash = await hashPassword(password)
	writeTransaction(db, (tx) => {
		const updated = tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning({ id: users.id }).get()
		if (!updated) throw new ServiceError('not_found', 404)
		endSessions(tx, userId, options.keepSession)
		recordAudit(tx, actor, 'user.password', `user:${userId}`, null, now)
	})
}

/** A user changing their own password: the current one must be right (422 `wrong_password`). */
export async function changeOwnPassword(db: Db, user: UserRow, current: string, next: string, sessionId: string | null) {
	if (!(await verifyPassword(current, user.passwordHash))) throw new ServiceError('wrong_password', 422, 'current')
	await setPassword(db, user.id, next, { kind: 'user', id: user.id }, { keepSession: sessionId })
}

/** At start: ADMIN_EMAIL + ADMIN_PASSWORD create the first admin if there is none. */
export async function ensureBootstrapAdmin(db: Db, email?: string, password?: string) {
	if (!email || !password) return
	if (db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get()) return
	try {
		await createUser(db, { email, password, role: 'admin', name: 'Admin' }, { kind: 'system' })
	} catch (error) {
		if (!(error instanceof UserExistsError)) throw error
	}
}
