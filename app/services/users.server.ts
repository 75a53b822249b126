import { randomBytes } from 'node:crypto'
import { and, eq, gt, lt } from 'drizzle-orm'
import { sessions, users, type Role, type UserRow } from '#db/schema/index.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { recordAudit, type Actor } from './audit.server.ts'

export const SESSION_DAYS = 14

export class UserExistsError extends Error {
	constructor(email: string) {
		super(`A user with email ${email} already exists`)
	}
}

export async function createUser(
	db: Db,
	input: { email: string; password: string; role: Role; name?: string },
	actor: Actor,
	now = new Date(),
): Promise<UserRow> {
	const email = input.email.trim().toLowerCase()
	const passwordHash = await hashPassword(input.password)
	return writeTransaction(db, (tx) => {
		if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw new UserExistsError(email)
		const user = tx
			.insert(users)
			.values({ email, name: input.name?.trim() || email.split('@')[0]!, role: input.role, passwordHash, createdAt: now })
			.returning()
			.get()
		recordAudit(tx, actor, 'user.create', `user:${user.id}`, { email, role: input.role }, now)
		return user
	})
}

/** The user for these credentials, or null. Takes as long for an unknown email as for a known one. */
export async function verifyLogin(db: Db, email: string, password: string): Promise<UserRow | null> {
	const user = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get()
	if (!user) {
		await verifyPassword(password, await DUMMY_HASH_PROMISE)
		return null
	}
	return (await verifyPassword(password, user.passwordHash)) ? user : null
}

export function createSession(db: Db, userId: number, now = new Date()) {
	const id = randomBytes(32).toString('base64url')
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000)
	writeTransaction(db, (tx) => {
		// Expired sessions are swept here, on the rare write, rather than by a timer.
		tx.delete(sessions).where(lt(sessions.expiresAt, now)).run()
		tx.insert(sessions).values({ id, userId, expiresAt, createdAt: now }).run()
	})
	return { id, expiresAt }
}

export function getSessionUser(db: Db, sessionId: string, now = new Date()): UserRow | null {
	const row = db
		.select({ user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
		.get()
	return row?.user ?? null
}

export function deleteSession(db: Db, sessionId: string) {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run()
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
