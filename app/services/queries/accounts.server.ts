// Reading staff accounts: the users list, invitations still open, and API tokens with their events.
// Their changes (invite, disable, revoke) are commands/users, account-links and api-tokens.
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm'
import { apiTokens, events, invitations, users, type Role } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'

export type UserListItem = { id: number; email: string; name: string; role: Role; disabled: boolean; createdAt: Date }

export function listUsers(db: Db): UserListItem[] {
	return db
		.select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, createdAt: users.createdAt })
		.from(users)
		.orderBy(asc(users.email))
		.all()
		.map(({ disabledAt, ...u }) => ({ ...u, disabled: disabledAt !== null }))
}

/** Invitations not yet used or replaced and not expired, oldest first. */
export function listPendingInvitations(db: Db, now = new Date()) {
	return db
		.select({
			id: invitations.id,
			email: invitations.email,
			name: invitations.name,
			role: invitations.role,
			expiresAt: invitations.expiresAt,
			createdAt: invitations.createdAt,
		})
		.from(invitations)
		.where(and(isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
		.orderBy(asc(invitations.createdAt))
		.all()
}

export type ApiTokenListItem = {
	id: number
	name: string
	role: Role
	/** The event's slug for a token limited to one event. */
	event: string | null
	createdAt: Date
	expiresAt: Date | null
	lastUsedAt: Date | null
	revokedAt: Date | null
}

/** Every token, newest first, never the secret (only its hash is stored anyway). */
export function listApiTokens(db: Db): ApiTokenListItem[] {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			role: apiTokens.role,
			event: events.slug,
			createdAt: apiTokens.createdAt,
			expiresAt: apiTokens.expiresAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
		})
		.from(apiTokens)
		.leftJoin(events, eq(events.id, apiTokens.eventId))
		.orderBy(desc(apiTokens.id))
		.all()
}
