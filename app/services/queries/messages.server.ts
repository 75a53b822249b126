// Who an organizer's message reaches (CONTRACT.md, Talking to people), and the messages sent.
// Never a recipient: a registration without an address (taken at the door) or one whose person
// stopped optional mails; for exhibitors only the RELEASED decision counts, never a staged one.
import { and, desc, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm'
import { applications, eventMessages, registrations, users } from '#db/schema/index.ts'
import type { ApplicationRow, RegistrationRow } from '#db/schema/index.ts'
import type { ExhibitorAudience, MessageText, VisitorAudience } from '#app/domain/message-input.ts'
import type { MessageTarget } from '#app/domain/vocabulary.ts'
import type { Db } from '#app/utils/db.server.ts'

function visitorWhere(eventId: number, audience: VisitorAudience): SQL | undefined {
	const base = [eq(registrations.eventId, eventId), isNotNull(registrations.email), isNull(registrations.optionalMailStoppedAt)]
	switch (audience) {
		case 'confirmed':
			return and(...base, eq(registrations.status, 'confirmed'))
		case 'waitlisted':
			return and(...base, eq(registrations.status, 'waitlisted'))
		case 'checked_in':
			return and(...base, ne(registrations.status, 'cancelled'), isNotNull(registrations.checkedInAt))
		case 'not_checked_in':
			return and(...base, eq(registrations.status, 'confirmed'), isNull(registrations.checkedInAt))
		case 'all':
			return and(...base, ne(registrations.status, 'cancelled'))
	}
}

function exhibitorWhere(eventId: number, audience: ExhibitorAudience): SQL | undefined {
	const base = [eq(applications.eventId, eventId), isNull(applications.optionalMailStoppedAt), ne(applications.status, 'withdrawn')]
	switch (audience) {
		case 'accepted':
			return and(...base, eq(applications.releasedStatus, 'accepted'))
		case 'confirmed':
			return and(...base, eq(applications.releasedStatus, 'accepted'), isNotNull(applications.confirmedAt))
		case 'waitlisted':
			return and(...base, eq(applications.releasedStatus, 'waitlisted'))
		case 'rejected':
			return and(...base, eq(applications.releasedStatus, 'rejected'))
		case 'all':
			return and(...base)
	}
}

export function countVisitorRecipients(db: Db, eventId: number, audience: VisitorAudience): number {
	const row = db
		.select({ n: sql<number>`count(*)` })
		.from(registrations)
		.where(visitorWhere(eventId, audience))
		.get()
	return row?.n ?? 0
}

export function visitorRecipients(db: Db, eventId: number, audience: VisitorAudience): (RegistrationRow & { email: string })[] {
	return db.select().from(registrations).where(visitorWhere(eventId, audience)).orderBy(registrations.id).all() as (RegistrationRow & { email: string })[]
}

export function countExhibitorRecipients(db: Db, eventId: number, audience: ExhibitorAudience): number {
	const row = db
		.select({ n: sql<number>`count(*)` })
		.from(applications)
		.where(exhibitorWhere(eventId, audience))
		.get()
	return row?.n ?? 0
}

export function exhibitorRecipients(db: Db, eventId: number, audience: ExhibitorAudience): ApplicationRow[] {
	return db.select().from(applications).where(exhibitorWhere(eventId, audience)).orderBy(applications.id).all()
}

export type SentMessage = {
	id: number
	target: MessageTarget
	audience: string
	subject: MessageText
	body: MessageText
	recipients: number
	author: string
	createdAt: Date
}

/** The messages sent about an event, newest first. */
export function listMessages(db: Db, eventId: number): SentMessage[] {
	return db
		.select()
		.from(eventMessages)
		.where(eq(eventMessages.eventId, eventId))
		.orderBy(desc(eventMessages.createdAt), desc(eventMessages.id))
		.all()
		.map((row) => ({ ...row, subject: JSON.parse(row.subject) as MessageText, body: JSON.parse(row.body) as MessageText }))
}

/** Who sent it, for people: a user's name (else the stored label, e.g. `token:5`). */
export function authorNames(db: Db, labels: readonly string[]): Map<string, string> {
	const names = new Map<string, string>()
	for (const label of new Set(labels)) {
		const match = /^user:(\d+)$/.exec(label)
		const user = match
			? db
					.select({ name: users.name })
					.from(users)
					.where(eq(users.id, Number(match[1])))
					.get()
			: undefined
		names.set(label, user?.name || label)
	}
	return names
}
