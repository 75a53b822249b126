// Rules of staff accounts: how long a session, an invitation and a reset link live, what a
// password must be, and that the last active admin stays. Pure: times are arguments.
import { z } from 'zod'
import type { Role } from './vocabulary.ts'

/** A session ends 14 days after login at the latest, whatever happens. */
export const SESSION_MAX_AGE_MS = 14 * 24 * 3600_000
/** ... and after 8 hours without a request (a laptop left open at the info desk). */
export const SESSION_IDLE_MS = 8 * 3600_000
/** Last-seen is written at most this often per session: a write per request would cost more than it says. */
export const SESSION_TOUCH_MS = 60_000
/** A token's last use is recorded at most this often, for the same reason. */
export const TOKEN_TOUCH_MS = 60_000

export const INVITATION_TTL_MS = 7 * 24 * 3600_000
export const PASSWORD_RESET_TTL_MS = 3600_000
/** Organizer and admin API tokens expire after a year unless told otherwise. */
export const STAFF_TOKEN_TTL_MS = 365 * 24 * 3600_000

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200

export type SessionTimes = { expiresAt: Date; lastSeenAt: Date }

/** 'valid' (and whether to write last-seen now), or 'ended' by the cap or by idling. */
export function sessionVerdict(session: SessionTimes, now: Date): { valid: false } | { valid: true; touch: boolean } {
	const t = now.getTime()
	if (session.expiresAt.getTime() <= t) return { valid: false }
	if (session.lastSeenAt.getTime() + SESSION_IDLE_MS <= t) return { valid: false }
	return { valid: true, touch: t - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS }
}

/** Whether recording a token's use now is worth a write. */
export function tokenNeedsTouch(lastUsedAt: Date | null, now: Date): boolean {
	return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= TOKEN_TOUCH_MS
}

/** The expiry a new token gets: the one asked for, else a year for staff roles, none for a scanner. */
export function defaultTokenExpiry(role: Role, asked: Date | null | undefined, now: Date): Date | null {
	if (asked) return asked
	return role === 'scanner' ? null : new Date(now.getTime() + STAFF_TOKEN_TTL_MS)
}

export type AccountState = { id: number; role: Role; disabled: boolean }

/**
 * Whether changing `target` to `next` would leave no active admin: nobody could then manage users
 * or tokens except from the command line. `activeAdmins` are the ids of admins not disabled.
 */
export function leavesNoAdmin(target: AccountState, next: { role: Role; disabled: boolean }, activeAdminIds: number[]): boolean {
	const wasActiveAdmin = target.role === 'admin' && !target.disabled
	const staysActiveAdmin = next.role === 'admin' && !next.disabled
	if (!wasActiveAdmin || staysActiveAdmin) return false
	return activeAdminIds.filter((id) => id !== target.id).length === 0
}

/** A new password: long enough to resist guessing, short enough to hash cheaply. */
export const NewPasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX)
