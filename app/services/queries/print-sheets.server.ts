// The rows behind the organizer's print pages (issue 18): an event's confirmed registrations with a
// ticket code (the only ones a printed ticket can admit; a cancelled or waiting party has none), and
// a fair's accepted exhibitors with their stand. Reads only.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm'
import { applications, registrations, standAssignments, stands } from '#db/schema/index.ts'
import type { RegistrationSource } from '#app/domain/vocabulary.ts'
import type { Db } from '#app/utils/db.server.ts'

export type PrintableRegistration = {
	id: number
	name: string
	email: string | null
	source: RegistrationSource
	partySize: number
	ticketCode: string
}

/** Confirmed registrations with a live ticket code, by name. */
export function printableRegistrations(db: Db, eventId: number): PrintableRegistration[] {
	return db
		.select({
			id: registrations.id,
			name: registrations.name,
			email: registrations.email,
			source: registrations.source,
			partySize: registrations.partySize,
			ticketCode: registrations.ticketCode,
		})
		.from(registrations)
		.where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed'), isNotNull(registrations.ticketCode)))
		.orderBy(asc(registrations.name), asc(registrations.id))
		.all()
		.map((row) => ({ ...row, ticketCode: row.ticketCode! }))
}

export type BadgeExhibitor = { id: number; orgName: string; category: string; legalForm: string; standLabel: string | null; confirmed: boolean }

/** A fair's accepted exhibitors that have not withdrawn, by organisation name, with their stand if they have one. */
export function badgeExhibitors(db: Db, eventId: number): BadgeExhibitor[] {
	const rows = db
		.select({
			id: applications.id,
			orgName: applications.orgName,
			category: applications.category,
			legalForm: applications.legalForm,
			standLabel: stands.label,
			confirmedAt: applications.confirmedAt,
		})
		.from(applications)
		.leftJoin(standAssignments, eq(standAssignments.applicationId, applications.id))
		.leftJoin(stands, eq(stands.id, standAssignments.standId))
		.where(and(eq(applications.eventId, eventId), eq(applications.status, 'accepted'), isNull(applications.withdrawnAt)))
		.orderBy(asc(applications.orgName), asc(applications.id))
		.all()
	// An exhibitor with two stands comes twice from the join: one badge, both stands on it.
	const byId = new Map<number, BadgeExhibitor>()
	for (const { confirmedAt, standLabel, ...row } of rows) {
		const known = byId.get(row.id)
		if (known) known.standLabel = [known.standLabel, standLabel].filter(Boolean).join(', ') || null
		else byId.set(row.id, { ...row, standLabel, confirmed: confirmedAt !== null })
	}
	return [...byId.values()]
}
