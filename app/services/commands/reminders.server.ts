// The mails the server sends by itself: the reminder before an event, the thank-you after it
// (checked-in visitors only) and the exhibitors' reminder before setting up. Each is queued once:
// the row's *QueuedAt is set in the same transaction as its outbox row. Work goes in batches of
// BATCH_SIZE, one transaction each, and the event loop gets a turn between batches, so a big
// event does not hold up requests. The rules are app/domain/mail-kinds.ts; the queries below are
// their SQL form (a candidate the rules refuse would be read again at every batch).
import { issueSurveyToken } from '#app/services/commands/surveys.server.ts'
import { openSurveyForEvent } from '#app/services/queries/surveys.server.ts'
import { and, asc, eq, gt, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import { applications, events, fairSettings, registrations, standAssignments, stands } from '#db/schema/index.ts'
import { DEFAULT_SETUP_MINUTES } from '#app/domain/fair-settings-input.ts'
import { FOLLOW_UP_WINDOW_MS, isFollowUpDue, isReminderDue, isSetupReminderDue, SETUP_REMINDER_HOURS_BEFORE } from '#app/domain/mail-kinds.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { enqueueApplicationMail, enqueueMail } from '#app/services/commands/outbox.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { findApplicationByManageToken } from '#app/services/queries/applications.server.ts'
import { findByManageToken } from '#app/services/queries/registrations.server.ts'

export const REMINDER_BATCH_SIZE = 100

export type ReminderSweep = { reminders: number; followUps: number; setupReminders: number }

const HOUR = 3_600_000
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Runs one batch after another until a batch queues less than a full batch. */
async function inBatches(db: Db, batch: (tx: Db) => number): Promise<number> {
	let total = 0
	while (true) {
		const n = writeTransaction(db, batch)
		total += n
		if (n < REMINDER_BATCH_SIZE) return total
		await yieldToLoop()
	}
}

function reminderBatch(tx: Db, now: Date, queuedAt: Date): number {
	const nowMs = now.getTime()
	const dueAt = sql`${events.startsAt} - ${events.reminderHoursBefore} * ${HOUR}`
	const rows = tx
		.select({ registration: registrations, event: events })
		.from(registrations)
		.innerJoin(events, eq(events.id, registrations.eventId))
		.where(
			and(
				eq(events.status, 'published'),
				isNotNull(events.reminderHoursBefore),
				gt(events.startsAt, now),
				sql`${dueAt} <= ${nowMs}`,
				eq(registrations.status, 'confirmed'),
				isNotNull(registrations.email),
				isNull(registrations.reminderQueuedAt),
				isNull(registrations.optionalMailStoppedAt),
				sql`${registrations.confirmedAt} <= ${dueAt}`,
			),
		)
		.orderBy(asc(registrations.id))
		.limit(REMINDER_BATCH_SIZE)
		.all()
	for (const { registration, event } of rows) {
		if (!isReminderDue(event, registration, now)) throw new Error(`reminder query and rule disagree on registration ${registration.id}`)
		tx.update(registrations).set({ reminderQueuedAt: queuedAt }).where(eq(registrations.id, registration.id)).run()
		enqueueMail(tx, 'event-reminder', event, registration, queuedAt)
	}
	return rows.length
}

function followUpBatch(tx: Db, now: Date, queuedAt: Date): number {
	const nowMs = now.getTime()
	const dueAt = sql`${events.endsAt} + ${events.followUpHoursAfter} * ${HOUR}`
	const rows = tx
		.select({ registration: registrations, event: events })
		.from(registrations)
		.innerJoin(events, eq(events.id, registrations.eventId))
		.where(
			and(
				eq(events.status, 'published'),
				isNotNull(events.followUpHoursAfter),
				sql`${dueAt} <= ${nowMs}`,
				sql`${dueAt} > ${nowMs - FOLLOW_UP_WINDOW_MS}`,
				ne(registrations.status, 'cancelled'),
				isNotNull(registrations.email),
				isNotNull(registrations.checkedInAt),
				isNull(registrations.followUpQueuedAt),
				isNull(registrations.optionalMailStoppedAt),
			),
		)
		.orderBy(asc(registrations.id))
		.limit(REMINDER_BATCH_SIZE)
		.all()
	// The event's open survey, looked up once per event of the batch; each thank-you gets its own one-time token.
	const surveysOfEvents = new Map<number, ReturnType<typeof openSurveyForEvent>>()
	for (const { registration, event } of rows) {
		if (!isFollowUpDue(event, registration, now)) throw new Error(`follow-up query and rule disagree on registration ${registration.id}`)
		tx.update(registrations).set({ followUpQueuedAt: queuedAt }).where(eq(registrations.id, registration.id)).run()
		if (!surveysOfEvents.has(event.id)) surveysOfEvents.set(event.id, openSurveyForEvent(tx, event.id, now))
		const survey = surveysOfEvents.get(event.id)
		enqueueMail(tx, 'event-follow-up', event, registration, queuedAt, {
			...(survey && registration.email ? { survey: { slug: survey.slug, eventSlug: event.slug, token: issueSurveyToken(tx, survey.id, queuedAt) } } : {}),
		})
	}
	return rows.length
}

function setupReminderBatch(tx: Db, now: Date, queuedAt: Date): number {
	const nowMs = now.getTime()
	const setupAt = sql`${events.startsAt} - coalesce(${fairSettings.setupMinutesBefore}, ${DEFAULT_SETUP_MINUTES}) * 60000`
	const rows = tx
		.select({ application: applications, event: events, stand: stands, setupAt: sql<number>`${setupAt}` })
		.from(applications)
		.innerJoin(events, eq(events.id, applications.eventId))
		.innerJoin(standAssignments, eq(standAssignments.applicationId, applications.id))
		.innerJoin(stands, eq(stands.id, standAssignments.standId))
		.leftJoin(fairSettings, eq(fairSettings.eventId, events.id))
		.where(
			and(
				eq(events.status, 'published'),
				eq(applications.status, 'accepted'),
				eq(applications.releasedStatus, 'accepted'),
				isNotNull(applications.confirmedAt),
				isNotNull(standAssignments.notifiedAt),
				isNull(applications.setupReminderQueuedAt),
				isNull(applications.optionalMailStoppedAt),
				sql`${setupAt} > ${nowMs}`,
				sql`${setupAt} - ${SETUP_REMINDER_HOURS_BEFORE * HOUR} <= ${nowMs}`,
			),
		)
		.orderBy(asc(applications.id))
		.limit(REMINDER_BATCH_SIZE)
		.all()
	for (const { application, event, stand, setupAt: at } of rows) {
		const setupStartsAt = new Date(at)
		if (!isSetupReminderDue(setupStartsAt, now)) throw new Error(`setup reminder query and rule disagree on application ${application.id}`)
		tx.update(applications).set({ setupReminderQueuedAt: queuedAt }).where(eq(applications.id, application.id)).run()
		enqueueApplicationMail(tx, 'application-setup-reminder', event, application, queuedAt, {
			stand: { label: stand.label, zone: stand.zone, sizeM2: stand.sizeM2, power: stand.power },
			setupStartsAt: setupStartsAt.toISOString(),
		})
	}
	return rows.length
}

/**
 * Queues every reminder, thank-you and setup reminder due at `now`; the outbox sends them.
 * `now` decides what is due (`cli sweep --now` for tests and catching up); the mails are queued
 * at `queuedAt`, the real clock, so they go at once and their private links last from today.
 */
export async function sweepReminders(db: Db, now = new Date(), queuedAt = new Date()): Promise<ReminderSweep> {
	const reminders = await inBatches(db, (tx) => reminderBatch(tx, now, queuedAt))
	const followUps = await inBatches(db, (tx) => followUpBatch(tx, now, queuedAt))
	const setupReminders = await inBatches(db, (tx) => setupReminderBatch(tx, now, queuedAt))
	return { reminders, followUps, setupReminders }
}

export type StopMailsTarget = { eventTitle: string; eventTitleEn: string | null; stoppedAt: Date | null }

function eventTitles(db: Db, eventId: number) {
	return db.select({ title: events.title, titleEn: events.titleEn }).from(events).where(eq(events.id, eventId)).get()!
}

/** What a visitor's stop link is about (undefined: no such link). */
export function ticketStopTarget(db: Db, token: string): StopMailsTarget | undefined {
	const registration = findByManageToken(db, token)
	if (!registration) return undefined
	const event = eventTitles(db, registration.eventId)
	return { eventTitle: event.title, eventTitleEn: event.titleEn, stoppedAt: registration.optionalMailStoppedAt }
}

/** What an exhibitor's stop link is about (undefined: no such link). */
export function applicationStopTarget(db: Db, token: string): StopMailsTarget | undefined {
	const application = findApplicationByManageToken(db, token)
	if (!application) return undefined
	const event = eventTitles(db, application.eventId)
	return { eventTitle: event.title, eventTitleEn: event.titleEn, stoppedAt: application.optionalMailStoppedAt }
}

/**
 * The one-click stop (RFC 8058): from now on this person gets no optional mail for this event
 * (reminders, thank-yous, messages to all); queued ones are held back at delivery. Tickets,
 * changes and cancellations still go. Idempotent: a second click keeps the first time.
 */
export function stopOptionalMailsByTicketToken(db: Db, token: string, now = new Date()): StopMailsTarget | undefined {
	return writeTransaction(db, (tx) => {
		const registration = findByManageToken(tx, token)
		if (!registration) return undefined
		if (!registration.optionalMailStoppedAt) {
			tx.update(registrations).set({ optionalMailStoppedAt: now }).where(eq(registrations.id, registration.id)).run()
			recordAudit(tx, { kind: 'system' }, 'registration.optional_mail_stopped', `registration:${registration.id}`, { eventId: registration.eventId }, now)
		}
		return ticketStopTarget(tx, token)
	})
}

/** The same for an exhibitor's application (the setup reminder, messages to exhibitors). */
export function stopOptionalMailsByApplicationToken(db: Db, token: string, now = new Date()): StopMailsTarget | undefined {
	return writeTransaction(db, (tx) => {
		const application = findApplicationByManageToken(tx, token)
		if (!application) return undefined
		if (!application.optionalMailStoppedAt) {
			tx.update(applications).set({ optionalMailStoppedAt: now }).where(eq(applications.id, application.id)).run()
			recordAudit(tx, { kind: 'system' }, 'application.optional_mail_stopped', `application:${application.id}`, { eventId: application.eventId }, now)
		}
		return applicationStopTarget(tx, token)
	})
}
