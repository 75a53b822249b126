// One-time links to set a password: an admin's invitation (creates the account) and "forgot
// password" (replaces the password). Only a SHA-256 of each link's token is stored; the link
// itself travels in the mail, and the outbox forgets it once the mail is sent.
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '#app/utils/secret-tokens.server.ts'
import { and, eq, isNull } from 'drizzle-orm'
import { invitations, passwordResets, users, type InvitationRow, type Role, type UserRow } from '#db/schema/index.ts'
import { INVITATION_TTL_MS, PASSWORD_RESET_TTL_MS } from '#app/domain/account-rules.ts'
import type { Locale } from '#app/domain/locale.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { enqueueAccountMail } from '#app/services/commands/outbox.server.ts'
import { UserExistsError, findUserByEmail, insertUser, normalizeEmail, setPassword } from '#app/services/commands/users.server.ts'

const INVITATION_PREFIX = 'inv_'
const RESET_PREFIX = 'pwr_'

export const invitationUrl = (publicUrl: string, token: string) => `${publicUrl}/admin/invitation/${token}`
export const resetUrl = (publicUrl: string, token: string) => `${publicUrl}/admin/reset/${token}`

/**
 * Invites a colleague: a one-time link by mail, in `locale`, valid for 7 days. A newer invitation
 * to the same address replaces the older one. 409 `user_exists` for an address that has an account.
 */
export function inviteUser(
	db: Db,
	input: { email: string; name?: string | null; role: Role; locale: Locale },
	inviter: UserRow,
	publicUrl: string,
	now = new Date(),
): InvitationRow {
	const email = normalizeEmail(input.email)
	const token = newSecretToken(INVITATION_PREFIX)
	const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS)
	return writeTransaction(db, (tx) => {
		if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw new ServiceError('user_exists', 409, 'email')
		tx.update(invitations)
			.set({ usedAt: now })
			.where(and(eq(invitations.email, email), isNull(invitations.usedAt)))
			.run()
		const row = tx
			.insert(invitations)
			.values({
				email,
				name: input.name?.trim() || null,
				role: input.role,
				locale: input.locale,
				tokenHash: hashSecretToken(token),
				invitedBy: inviter.id,
				expiresAt,
				createdAt: now,
			})
			.returning()
			.get()
		enqueueAccountMail(
			tx,
			'account-invitation',
			input.locale,
			{ account: { email, name: row.name, role: input.role, inviter: inviter.name, url: invitationUrl(publicUrl, token), expiresAt: expiresAt.toISOString() } },
			now,
		)
		recordAudit(tx, { kind: 'user', id: inviter.id }, 'user.invite', `invitation:${row.id}`, { email, role: input.role }, now)
		return row
	})
}

/** The invitation behind a link, if it can still be used. */
export function findOpenInvitation(db: Db, token: string, now = new Date()): InvitationRow | null {
	if (!looksLikeSecretToken(token, INVITATION_PREFIX)) return null
	const row = db
		.select()
		.from(invitations)
		.where(eq(invitations.tokenHash, hashSecretToken(token)))
		.get()
	return row && !row.usedAt && row.expiresAt > now ? row : null
}

/**
 * Accepts an invitation: creates the user with this password. The link then stops working.
 * 404 `link_invalid` for a used, replaced or expired link; 409 `user_exists` if the address got
 * an account meanwhile.
 */
export async function acceptInvitation(db: Db, token: string, input: { name: string; password: string }, now = new Date()): Promise<UserRow> {
	if (!findOpenInvitation(db, token, now)) throw new ServiceError('link_invalid', 404)
	const passwordHash = await hashPassword(input.password)
	return writeTransaction(db, (tx) => {
		// Again inside the lock: two tabs may submit the same link at once.
		const invitation = findOpenInvitation(tx, token, now)
		if (!invitation) throw new ServiceError('link_invalid', 404)
		tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, invitation.id)).run()
		try {
			return insertUser(tx, { email: invitation.email, passwordHash, role: invitation.role, name: input.name || invitation.name }, { kind: 'system' }, now)
		} catch (error) {
			if (error instanceof UserExistsError) throw new ServiceError('user_exists', 409)
			throw error
		}
	})
}

/**
 * "Forgot password": if the address belongs to an active user, a one-time link valid for an hour
 * goes out by mail in `locale`. Says nothing about whether it did: the caller answers the same.
 */
export function requestPasswordReset(db: Db, email: string, locale: Locale, publicUrl: string, now = new Date()): void {
	const user = findUserByEmail(db, email)
	if (!user || user.disabledAt) return
	const token = newSecretToken(RESET_PREFIX)
	const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS)
	writeTransaction(db, (tx) => {
		tx.insert(passwordResets)
			.values({ userId: user.id, tokenHash: hashSecretToken(token), expiresAt, createdAt: now })
			.run()
		enqueueAccountMail(
			tx,
			'password-reset',
			locale,
			{ account: { email: user.email, name: user.name, role: user.role, inviter: null, url: resetUrl(publicUrl, token), expiresAt: expiresAt.toISOString() } },
			now,
		)
		recordAudit(tx, { kind: 'system' }, 'user.password_reset_requested', `user:${user.id}`, null, now)
	})
}

/** The user a reset link is for, if the link can still be used (and the user is not disabled). */
export function findOpenReset(db: Db, token: string, now = new Date()): { resetId: number; user: UserRow } | null {
	if (!looksLikeSecretToken(token, RESET_PREFIX)) return null
	const row = db
		.select({ reset: passwordResets, user: users })
		.from(passwordResets)
		.innerJoin(users, eq(users.id, passwordResets.userId))
		.where(eq(passwordResets.tokenHash, hashSecretToken(token)))
		.get()
	if (!row || row.reset.usedAt || row.reset.expiresAt <= now || row.user.disabledAt) return null
	return { resetId: row.reset.id, user: row.user }
}

/**
 * Uses a reset link: sets the new password, ends all the user's sessions, and spends this link and
 * every other open link of the user. 404 `link_invalid` for a used or expired link.
 */
export async function completePasswordReset(db: Db, token: string, password: string, now = new Date()): Promise<UserRow> {
	const open = findOpenReset(db, token, now)
	if (!open) throw new ServiceError('link_invalid', 404)
	// Spend the link first (inside the lock, re-checked), so a second use fails even while hashing runs.
	writeTransaction(db, (tx) => {
		const again = tx.select().from(passwordResets).where(eq(passwordResets.id, open.resetId)).get()
		if (!again || again.usedAt) throw new ServiceError('link_invalid', 404)
		tx.update(passwordResets)
			.set({ usedAt: now })
			.where(and(eq(passwordResets.userId, open.user.id), isNull(passwordResets.usedAt)))
			.run()
	})
	const actor: Actor = { kind: 'system' }
	await setPassword(db, open.user.id, password, actor, { now })
	return open.user
}
