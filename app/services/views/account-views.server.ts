// What the users and API tokens pages show, with times already in the reader's words.
import { asc } from 'drizzle-orm'
import { events, type UserRow } from '#db/schema/index.ts'
import { formatDateTime } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { Db } from '#app/utils/db.server.ts'
import { listPendingInvitations } from '#app/services/queries/accounts.server.ts'
import { listApiTokens } from '#app/services/queries/accounts.server.ts'
import { listUsers } from '#app/services/queries/accounts.server.ts'

export function usersPage(db: Db, me: UserRow, locale: Locale, now = new Date()) {
	return {
		users: listUsers(db).map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, isMe: u.id === me.id })),
		invitations: listPendingInvitations(db, now).map((i) => ({
			id: i.id,
			email: i.email,
			name: i.name,
			role: i.role,
			expires: formatDateTime(i.expiresAt, locale),
		})),
	}
}

export function tokensPage(db: Db, locale: Locale, now = new Date()) {
	const when = (d: Date | null) => (d ? formatDateTime(d, locale) : null)
	return {
		tokens: listApiTokens(db).map((t) => ({
			id: t.id,
			name: t.name,
			role: t.role,
			event: t.event,
			created: formatDateTime(t.createdAt, locale),
			expires: when(t.expiresAt),
			lastUsed: when(t.lastUsedAt),
			revoked: when(t.revokedAt),
			state: t.revokedAt ? ('revoked' as const) : t.expiresAt && t.expiresAt <= now ? ('expired' as const) : ('active' as const),
		})),
		events: db.select({ slug: events.slug, title: events.title }).from(events).orderBy(asc(events.startsAt)).all(),
	}
}
