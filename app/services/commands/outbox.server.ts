// Putting mail in the outbox. Call `enqueueMail` inside the transaction that makes the change the
// mail is about: the mail exists if and only if the change committed. Delivery is elsewhere
// (outbox-delivery.server.ts), after commit.
import { and, count, eq, lt, sql } from 'drizzle-orm'
import { outbox, registrations } from '#db/schema/index.ts'
import type { ApplicationRow, EventRow, RegistrationRow, Role } from '#db/schema/index.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { MessageText } from '#app/domain/message-input.ts'
import type { Db } from '#app/utils/db.server.ts'
import { mintPrivateLink } from '#app/services/commands/private-links.server.ts'

/** Mails to a visitor about their registration; parameters {event, registration}. */
export const REGISTRATION_MAIL_TEMPLATES = [
	'registration-confirmed',
	'registration-waitlisted',
	'registration-promoted',
	'registration-cancelled',
	'registration-link',
	'event-updated',
	'event-cancelled',
	// Optional (domain/mail-kinds.ts): queued by the sweep (reminders.server.ts), stoppable.
	'event-reminder',
	'event-follow-up',
	'event-message',
] as const
export type RegistrationMailTemplate = (typeof REGISTRATION_MAIL_TEMPLATES)[number]

/** Mails to an exhibitor about their application; parameters {event, application}. */
export const APPLICATION_MAIL_TEMPLATES = [
	'application-received',
	'application-decision',
	'application-confirm-reminder',
	'application-offer',
	'application-stand',
	'application-fair-cancelled',
	// Optional (domain/mail-kinds.ts): the day before setting up, queued by the sweep.
	'application-setup-reminder',
	'fair-message',
] as const
export type ApplicationMailTemplate = (typeof APPLICATION_MAIL_TEMPLATES)[number]

/** Mails to staff about their account: a one-time link; parameters {account}. */
export const ACCOUNT_MAIL_TEMPLATES = ['account-invitation', 'password-reset'] as const
export type AccountMailTemplate = (typeof ACCOUNT_MAIL_TEMPLATES)[number]

export const MAIL_TEMPLATES = [...REGISTRATION_MAIL_TEMPLATES, ...APPLICATION_MAIL_TEMPLATES, ...ACCOUNT_MAIL_TEMPLATES] as const
export type MailTemplate = (typeof MAIL_TEMPLATES)[number]

export function isApplicationMailTemplate(template: string): template is ApplicationMailTemplate {
	return (APPLICATION_MAIL_TEMPLATES as readonly string[]).includes(template)
}

export function isAccountMailTemplate(template: string): template is AccountMailTemplate {
	return (ACCOUNT_MAIL_TEMPLATES as readonly string[]).includes(template)
}

/** The event as it was when the mail was queued (the mail describes that moment). */
export type EventSnapshot = {
	id: number
	slug: string
	title: string
	titleEn: string | null
	summary: string | null
	summaryEn: string | null
	venueName: string
	venueAddress: string
	venueCity: string
	startsAt: string
	endsAt: string
	sequence: number
	status: EventRow['status']
	createdAt: string
	updatedAt: string
}

export type RegistrationSnapshot = {
	id: number
	name: string
	email: string
	partySize: number
	status: RegistrationRow['status']
	/** The raw token of a link minted for this mail; blanked ('') once the mail was sent or given up on. */
	manageToken: string
	ticketCode: string | null
	/** Position on the waiting list, for the waitlisted mail. */
	position?: number | null
	/** Whether the person ever held a ticket (a cancellation then withdraws a calendar entry). */
	wasConfirmed?: boolean
	/** Earlier cancelled registrations of the same address for the event: lifts the invite's SEQUENCE (domain inviteSequence). */
	inviteRound?: number
}

export type MailParams = {
	event: EventSnapshot
	registration: RegistrationSnapshot
	/** The organizer's own words to the people registered (the event-cancelled mail), plain text. */
	message?: string
	/** An organizer's message to the audience (the event-message mail). */
	letter?: Letter
	/**
	 * The event's open survey (the thank-you mail): its address and a one-time token for the link.
	 * The token is blanked once the mail is sent, so nothing in the database ties it to the person.
	 */
	survey?: { slug: string; eventSlug: string; token: string }
}

/** An organizer's message (event-message, fair-message): subject and body as each language reads them. */
export type Letter = { subject: MessageText; body: MessageText }

/** The application as it was when the mail was queued. */
export type ApplicationSnapshot = {
	id: number
	orgName: string
	contactName: string
	contactEmail: string
	category: string
	status: ApplicationRow['status']
	/** What the exhibitor has been told; the decision mail is about this. */
	releasedStatus: ApplicationRow['releasedStatus']
	decisionNote: string | null
	/** The raw token of a link minted for this mail; blanked ('') once the mail was sent or given up on. */
	manageToken: string
	/** ISO time; set for an accepted (or offered) application that awaits confirmation. */
	confirmBy: string | null
}

/** The stand an exhibitor was given (the `application-stand` mail). */
export type StandSnapshot = { label: string; zone: string | null; sizeM2: number; power: boolean }

export type ApplicationMailParams = {
	event: EventSnapshot
	application: ApplicationSnapshot
	stand?: StandSnapshot
	/** ISO time when setting up the stand may start (the fair's start minus its setup minutes). */
	setupStartsAt?: string
	/** The organizers' own words when cancelling the fair (the same as the visitors get), plain text. */
	message?: string
	/** An organizer's message to the exhibitors (the fair-message mail). */
	letter?: Letter
}

/**
 * An invitation or a password reset. `url` holds the one-time link: the only place its token
 * exists outside the mail itself, so delivery blanks these parameters once the mail is sent.
 */
export type AccountMailParams = {
	account: {
		email: string
		name: string | null
		role: Role
		/** Who invited (the invitation mail). */
		inviter: string | null
		url: string
		expiresAt: string
	}
}

/** The parameters a template is rendered from. */
export type MailParamsOf<T extends MailTemplate> = T extends ApplicationMailTemplate
	? ApplicationMailParams
	: T extends AccountMailTemplate
		? AccountMailParams
		: MailParams

export function snapshotApplication(a: ApplicationRow, manageToken: string): ApplicationSnapshot {
	return {
		id: a.id,
		orgName: a.orgName,
		contactName: a.contactName,
		contactEmail: a.contactEmail,
		category: a.category,
		status: a.status,
		releasedStatus: a.releasedStatus,
		decisionNote: a.decisionNote,
		manageToken,
		confirmBy: a.confirmBy ? a.confirmBy.toISOString() : null,
	}
}

export function snapshotEvent(e: EventRow): EventSnapshot {
	return {
		id: e.id,
		slug: e.slug,
		title: e.title,
		titleEn: e.titleEn,
		summary: e.summary,
		summaryEn: e.summaryEn,
		venueName: e.venueName,
		venueAddress: e.venueAddress,
		venueCity: e.venueCity,
		startsAt: e.startsAt.toISOString(),
		endsAt: e.endsAt.toISOString(),
		sequence: e.sequence,
		status: e.status,
		createdAt: e.createdAt.toISOString(),
		updatedAt: e.updatedAt.toISOString(),
	}
}

/** Only a registration with an address is mailed, so only such a one is snapshotted. */
export function snapshotRegistration(r: RegistrationRow & { email: string }, manageToken: string, position?: number | null): RegistrationSnapshot {
	return {
		id: r.id,
		name: r.name,
		email: r.email,
		partySize: r.partySize,
		status: r.status,
		manageToken,
		ticketCode: r.ticketCode,
		wasConfirmed: r.confirmedAt !== null,
		...(position !== undefined ? { position } : {}),
	}
}

type Listener = () => void
const listeners = new Set<Listener>()

/** The delivery worker subscribes here to hear about new mail at once instead of polling. */
export function onMailQueued(listener: Listener) {
	listeners.add(listener)
	return () => listeners.delete(listener)
}

// Prepared once per connection: a mail is queued with nearly every change.
const inserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>()
function prepareInsert(db: Db) {
	const p = (name: string) => sql.placeholder(name)
	return db
		.insert(outbox)
		.values({
			template: sql`${p('template')}`,
			locale: sql`${p('locale')}`,
			toAddress: p('toAddress'),
			toName: p('toName'),
			params: sql`${p('params')}`,
			status: 'pending',
			nextAttemptAt: sql`${p('now')}`,
			registrationId: p('registrationId'),
			eventId: p('eventId'),
			applicationId: p('applicationId'),
			createdAt: sql`${p('now')}`,
		})
		.prepare()
}

let kickScheduled = false

type OutboxInsert = {
	template: MailTemplate
	locale: Locale
	toAddress: string
	toName: string | null
	params: MailParams | ApplicationMailParams | AccountMailParams
	now: Date
	eventId: number | null
	registrationId: number | null
	applicationId: number | null
}

function insertMail(tx: Db, mail: OutboxInsert) {
	let insert = inserts.get(tx)
	if (!insert) inserts.set(tx, (insert = prepareInsert(tx)))
	insert.run({ ...mail, params: JSON.stringify(mail.params), now: mail.now.getTime() })
	wakeWorkerAfterCommit()
}

/**
 * Queues a mail about a registration. Must run inside the caller's write transaction. Every such
 * mail carries the private link: a new one is minted for it (in the same transaction), unless the
 * caller passes the one it just minted for its own answer.
 * The worker is woken on the next turn of the event loop, which is after the (synchronous)
 * transaction has committed; if it rolled back, the worker simply finds nothing.
 */
export function enqueueMail(
	tx: Db,
	template: RegistrationMailTemplate,
	event: EventRow,
	registration: RegistrationRow,
	now: Date,
	extra: { position?: number | null; manageToken?: string; message?: string; survey?: MailParams['survey'] } = {},
) {
	// Taken at the door or on the phone without an address: nobody to mail (the ticket is printed).
	const { email } = registration
	if (email === null) return
	const manageToken = extra.manageToken ?? mintPrivateLink(tx, { registrationId: registration.id }, now)
	// The same person's earlier registrations for this event, cancelled since: their calendar got a CANCEL for each.
	const [earlier] = tx
		.select({ n: count() })
		.from(registrations)
		.where(
			and(eq(registrations.eventId, event.id), eq(registrations.email, email), eq(registrations.status, 'cancelled'), lt(registrations.id, registration.id)),
		)
		.all()
	insertMail(tx, {
		template,
		locale: registration.locale as Locale,
		toAddress: email,
		toName: registration.name,
		params: {
			event: snapshotEvent(event),
			registration: { ...snapshotRegistration({ ...registration, email }, manageToken, extra.position), ...(earlier?.n ? { inviteRound: earlier.n } : {}) },
			...(extra.message ? { message: extra.message } : {}),
			...(extra.survey ? { survey: extra.survey } : {}),
		},
		now,
		eventId: event.id,
		registrationId: registration.id,
		applicationId: null,
	})
}

/**
 * Queues a mail to an exhibitor about their application, in the language they applied in. Inside
 * the caller's transaction; mints the mail's own private link unless given the caller's.
 */
export function enqueueApplicationMail(
	tx: Db,
	template: ApplicationMailTemplate,
	event: EventRow,
	application: ApplicationRow,
	now: Date,
	extra: Pick<ApplicationMailParams, 'stand' | 'setupStartsAt' | 'message'> & { manageToken?: string } = {},
) {
	const { manageToken = mintPrivateLink(tx, { applicationId: application.id }, now), ...rest } = extra
	insertMail(tx, {
		template,
		locale: application.locale,
		toAddress: application.contactEmail,
		toName: application.contactName,
		params: { event: snapshotEvent(event), application: snapshotApplication(application, manageToken), ...rest },
		now,
		eventId: event.id,
		registrationId: null,
		applicationId: application.id,
	})
}

/**
 * A mail queued again (an organizer's resend) gets a fresh private link: the stored one was
 * blanked when the mail was sent or given up on. Inside the caller's transaction.
 */
export function withFreshLink(tx: Db, params: Record<string, unknown>, owner: { registrationId: number | null; applicationId: number | null }, now: Date) {
	const next = { ...params }
	if (owner.registrationId !== null && next.registration && typeof next.registration === 'object') {
		next.registration = { ...(next.registration as object), manageToken: mintPrivateLink(tx, { registrationId: owner.registrationId }, now) }
	}
	if (owner.applicationId !== null && next.application && typeof next.application === 'object') {
		next.application = { ...(next.application as object), manageToken: mintPrivateLink(tx, { applicationId: owner.applicationId }, now) }
	}
	return next
}

/** Queues an invitation or a reset link to a staff member, in the given language. Inside the caller's transaction. */
export function enqueueAccountMail(tx: Db, template: AccountMailTemplate, locale: Locale, params: AccountMailParams, now: Date) {
	insertMail(tx, {
		template,
		locale,
		toAddress: params.account.email,
		toName: params.account.name,
		params,
		now,
		eventId: null,
		registrationId: null,
		applicationId: null,
	})
}

/** One mail of a batch (enqueueMany): to a registration or an application, each with its own link. */
export type BatchRecipient =
	{ registration: RegistrationRow & { email: string }; application?: undefined } | { application: ApplicationRow; registration?: undefined }

/**
 * Queues one mail per recipient, fast: the event snapshot and the parameters' common part are
 * made once, each row is one prepared insert plus its private link (one hashed insert). Inside
 * the caller's transaction; returns how many were queued.
 */
export function enqueueMany(
	tx: Db,
	template: 'event-message' | 'fair-message',
	event: EventRow,
	recipients: readonly BatchRecipient[],
	letter: Letter,
	now: Date,
): number {
	const snapshot = snapshotEvent(event)
	for (const r of recipients) {
		if (r.registration) {
			const reg = r.registration
			const token = mintPrivateLink(tx, { registrationId: reg.id }, now)
			insertMail(tx, {
				template,
				locale: reg.locale as Locale,
				toAddress: reg.email,
				toName: reg.name,
				params: { event: snapshot, registration: snapshotRegistration(reg, token), letter },
				now,
				eventId: event.id,
				registrationId: reg.id,
				applicationId: null,
			})
		} else {
			const app = r.application
			const token = mintPrivateLink(tx, { applicationId: app.id }, now)
			insertMail(tx, {
				template,
				locale: app.locale,
				toAddress: app.contactEmail,
				toName: app.contactName,
				params: { event: snapshot, application: snapshotApplication(app, token), letter },
				now,
				eventId: event.id,
				registrationId: null,
				applicationId: app.id,
			})
		}
	}
	return recipients.length
}

function wakeWorkerAfterCommit() {
	if (!kickScheduled) {
		kickScheduled = true
		setImmediate(() => {
			kickScheduled = false
			for (const listener of listeners) listener()
		})
	}
}
