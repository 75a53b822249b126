// Creating and changing events: a new event gets a unique slug; a change of time or place tells
// the people already registered, and a cancelled fair tells its exhibitors. Reading is queries/events.
import { findEventById } from '#app/services/queries/events.server.ts'
import { eq } from 'drizzle-orm'
import { events, type EventRow } from '#db/schema/index.ts'
import { DEFAULT_CITY, DEFAULT_REMINDER_HOURS_BEFORE, needsPastStartConfirmation, type EventInput, type EventPatch } from '#app/domain/event-input.ts'
import { slugify, uniqueSlug } from '#app/domain/slug.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { renotifyStandsAfterFairChange } from '#app/services/commands/stand-mails.server.ts'
import { notifyApplicantsOfFairCancellation } from '#app/services/commands/application-lifecycle.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { notifyEventChange, promoteFromWaitlist, type EventChangeNotice } from '#app/services/commands/registrations.server.ts'

function slugTaken(tx: Db, slug: string, exceptId?: number) {
	const row = tx.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get()
	return row !== undefined && row.id !== exceptId
}

/**
 * How a change is made. `pastStartConfirmed`: the admin pages pass whether the organizer ticked
 * "yes, publish an event in the past"; false refuses such a publication (`past_start_unconfirmed`,
 * see needsPastStartConfirmation). Left out (the JSON API), the rule is not applied.
 * `message`: the organizer's words to the people registered, when the change cancels the event.
 */
export type EventChangeOptions = { pastStartConfirmed?: boolean; message?: string | null }

function checkPastStart(
	before: Pick<EventRow, 'status' | 'startsAt'> | null,
	after: Pick<EventRow, 'status' | 'startsAt'>,
	options: EventChangeOptions,
	now: Date,
) {
	if (options.pastStartConfirmed === false && needsPastStartConfirmation(before, after, now)) {
		throw new ServiceError('past_start_unconfirmed', 422, 'confirmPast')
	}
}

export function createEvent(db: Db, input: EventInput, actor: Actor, now = new Date(), options: EventChangeOptions = {}): EventRow {
	return writeTransaction(db, (tx) => {
		checkPastStart(null, { status: input.status ?? 'draft', startsAt: input.startsAt }, options, now)
		let slug: string
		if (input.slug) {
			if (slugTaken(tx, input.slug)) throw new ServiceError('slug_taken', 409, 'slug')
			slug = input.slug
		} else {
			slug = uniqueSlug(slugify(input.title), (s) => slugTaken(tx, s))
		}
		const row = tx
			.insert(events)
			.values({
				slug,
				title: input.title,
				titleEn: input.titleEn || null,
				summary: input.summary || null,
				summaryEn: input.summaryEn || null,
				description: input.description ?? '',
				descriptionEn: input.descriptionEn || null,
				kind: input.kind,
				venueName: input.venueName,
				venueAddress: input.venueAddress ?? '',
				venueCity: input.venueCity || DEFAULT_CITY,
				startsAt: input.startsAt,
				endsAt: input.endsAt,
				capacity: input.capacity,
				maxPartySize: input.maxPartySize,
				waitlist: input.waitlist,
				reentryAllowed: input.reentryAllowed ?? true,
				certificates: input.certificates ?? false,
				registrationClosesAt: input.registrationClosesAt ?? null,
				reminderHoursBefore: input.reminderHoursBefore === undefined ? DEFAULT_REMINDER_HOURS_BEFORE : input.reminderHoursBefore,
				followUpHoursAfter: input.followUpHoursAfter ?? null,
				status: input.status ?? 'draft',
				createdAt: now,
				updatedAt: now,
			})
			.returning()
			.get()
		recordAudit(tx, actor, 'event.create', `event:${row.id}`, { slug, status: row.status }, now)
		return row
	})
}

/** Fields whose change makes calendar invites out of date (RFC 5545: raise SEQUENCE). */
const CALENDAR_FIELDS = ['startsAt', 'endsAt', 'venueName', 'venueAddress', 'venueCity', 'title'] as const

export function updateEvent(db: Db, id: number, patch: EventPatch, actor: Actor, now = new Date(), options: EventChangeOptions = {}): EventRow {
	return changeEvent(db, id, patch, actor, now, options).event
}

/** updateEvent, and who was told of the change (see notifyEventChange); nobody for a draft or no change. */
export function changeEvent(
	db: Db,
	id: number,
	patch: EventPatch,
	actor: Actor,
	now = new Date(),
	options: EventChangeOptions = {},
): { event: EventRow; notified: EventChangeNotice } {
	const nobody: EventChangeNotice = { mailed: 0, withoutEmail: 0 }
	return writeTransaction(db, (tx) => {
		const current = findEventById(tx, id)
		if (!current) throw new ServiceError('not_found', 404)
		if (current.status === 'cancelled') throw new ServiceError('event_cancelled', 409)
		if (patch.slug && patch.slug !== current.slug && slugTaken(tx, patch.slug, id)) {
			throw new ServiceError('slug_taken', 409, 'slug')
		}
		const next = { ...current, ...definedOnly(patch) }
		if (next.endsAt < next.startsAt) throw new ServiceError('ends_before_start', 422, 'endsAt')
		if (next.registrationClosesAt && next.registrationClosesAt > next.endsAt) {
			throw new ServiceError('closes_after_end', 422, 'registrationClosesAt')
		}
		if (next.capacity !== null && next.capacity < current.confirmedPersons) {
			throw new ServiceError('capacity_below_registered', 409, 'capacity')
		}
		checkPastStart(current, next, options, now)
		const changed = Object.keys(definedOnly(patch)).filter((key) => String(current[key as keyof EventRow]) !== String(next[key as keyof EventRow]))
		if (changed.length === 0) return { event: current, notified: nobody }
		const calendarChanged = changed.some((key) => (CALENDAR_FIELDS as readonly string[]).includes(key)) || next.status === 'cancelled'
		const row = tx
			.update(events)
			.set({
				...definedOnly(patch),
				sequence: calendarChanged ? current.sequence + 1 : current.sequence,
				updatedAt: now,
			})
			.where(eq(events.id, id))
			.returning()
			.get()
		recordAudit(tx, actor, patch.status && patch.status !== current.status ? `event.${patch.status}` : 'event.update', `event:${id}`, { changed }, now)
		// Visitors hear of a new time or place (an updated invite) or of the cancellation.
		const notified = calendarChanged && current.status !== 'draft' ? notifyEventChange(tx, row, now, { message: options.message }) : nobody
		// Exhibitors told their stand hear of it too, with their setup slot moved.
		if (calendarChanged && current.status !== 'draft') renotifyStandsAfterFairChange(tx, row, now)
		// A cancelled fair: every exhibitor still in the running is told (and loses the setup slot).
		if (row.status === 'cancelled' && current.status === 'published') notifyApplicantsOfFairCancellation(tx, row, now, options.message ?? undefined)
		// More places (or a waiting list switched on again): serve the waiting list at once.
		if (changed.includes('capacity')) promoteFromWaitlist(tx, id, actor, now)
		return { event: findEventById(tx, id)!, notified }
	})
}

export function setEventStatus(
	db: Db,
	id: number,
	status: 'published' | 'cancelled' | 'draft',
	actor: Actor,
	now = new Date(),
	options: EventChangeOptions = {},
) {
	return updateEvent(db, id, { status }, actor, now, options)
}

/**
 * An organizer cancels the event: everyone still registered with an address is mailed (with the
 * organizer's message, if any). Answers how many were mailed and how many have no address.
 */
export function cancelEvent(db: Db, id: number, actor: Actor, options: { message?: string | null } = {}, now = new Date()) {
	return changeEvent(db, id, { status: 'cancelled' }, actor, now, { message: options.message })
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
