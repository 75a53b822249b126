// What an event may look like when an organizer creates or edits it. One set of rules, used by the
// admin form (in the browser and on the server, through conform) and by the JSON API.
// Messages are catalog keys under common:validation, turned into text by the error map.
import { z } from 'zod'
import { SlugSchema } from './slug.ts'
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from './vocabulary.ts'
import { isoDateTime, issueKey, localDateTime } from './input-fields.ts'

export const MAX_CAPACITY = 100_000
/** The Center's events are in Kruševac unless said otherwise. */
export const DEFAULT_CITY = 'Kruševac'
export const MAX_PARTY_SIZE = 20

const title = z.string().trim().min(3).max(160)
const optionalText = (max: number) => z.string().trim().max(max).optional()
const kind = z.enum(EVENT_KINDS)
const capacity = z.number().int().min(1).max(MAX_CAPACITY)
const maxPartySize = z.number().int().min(1).max(MAX_PARTY_SIZE)
/** Hours before the start (the reminder) or after the end (the thank-you); at most a year. */
export const MAX_MAIL_HOURS = 8760
export const DEFAULT_REMINDER_HOURS_BEFORE = 24
const mailHours = z.number().int().min(0).max(MAX_MAIL_HOURS)

function endsAfterStart<T extends { startsAt?: Date; endsAt?: Date; registrationClosesAt?: Date | null }>(value: T, ctx: z.RefinementCtx) {
	if (value.startsAt && value.endsAt && value.endsAt < value.startsAt) {
		ctx.addIssue({ code: 'custom', path: ['endsAt'], ...issueKey('endsBeforeStart') })
	}
	if (value.registrationClosesAt && value.endsAt && value.registrationClosesAt > value.endsAt) {
		ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], ...issueKey('closesAfterEnd') })
	}
}

/** The admin form. Checkboxes arrive as "on" or not at all; empty capacity means no limit. */
export const EventFormSchema = z
	.object({
		title,
		titleEn: optionalText(160),
		slug: SlugSchema.optional(),
		kind,
		summary: optionalText(300),
		summaryEn: optionalText(300),
		description: optionalText(10_000),
		descriptionEn: optionalText(10_000),
		venueName: z.string().trim().min(2).max(160),
		venueAddress: optionalText(200),
		venueCity: z.string().trim().min(2).max(80),
		startsAt: localDateTime,
		endsAt: localDateTime,
		capacity: z.coerce.number<string>().pipe(capacity).optional(),
		maxPartySize: z.coerce.number<string>().pipe(maxPartySize).default(1),
		/** Empty: no reminder (or no thank-you). */
		reminderHoursBefore: z.coerce.number<string>().pipe(mailHours).optional(),
		followUpHoursAfter: z.coerce.number<string>().pipe(mailHours).optional(),
		waitlist: z
			.string()
			.optional()
			.transform((v) => v === 'on'),
		registrationClosesAt: localDateTime.optional(),
		reentryAllowed: z
			.string()
			.optional()
			.transform((v) => v === 'on'),
		certificates: z
			.string()
			.optional()
			.transform((v) => v === 'on'),
		/** "Yes, publish an event in the past" (see needsPastStartConfirmation); not an event field. */
		confirmPast: z
			.string()
			.optional()
			.transform((v) => v === 'on'),
	})
	.superRefine(endsAfterStart)

export type EventFormValues = z.infer<typeof EventFormSchema>

const venue = z.union([
	z
		.string()
		.trim()
		.min(2)
		.max(160)
		.transform((name) => ({ name })),
	z.object({
		name: z.string().trim().min(2).max(160),
		address: optionalText(200),
		city: z.string().trim().min(2).max(80).optional(),
	}),
])

const apiFields = {
	title,
	titleEn: optionalText(160).nullable(),
	kind,
	startsAt: isoDateTime,
	endsAt: isoDateTime,
	venue,
	capacity: capacity.nullable(),
	slug: SlugSchema,
	summary: optionalText(300).nullable(),
	summaryEn: optionalText(300).nullable(),
	description: optionalText(10_000),
	descriptionEn: optionalText(10_000).nullable(),
	maxPartySize,
	waitlist: z.boolean(),
	reentryAllowed: z.boolean(),
	certificates: z.boolean(),
	status: z.enum(['draft', 'published']),
	registrationClosesAt: isoDateTime.nullable(),
	reminderHoursBefore: mailHours.nullable(),
	followUpHoursAfter: mailHours.nullable(),
}

export const EventCreateApiSchema = z
	.strictObject({
		...apiFields,
		capacity: apiFields.capacity,
		slug: apiFields.slug.optional(),
		titleEn: apiFields.titleEn.optional(),
		summary: apiFields.summary.optional(),
		summaryEn: apiFields.summaryEn.optional(),
		descriptionEn: apiFields.descriptionEn.optional(),
		maxPartySize: apiFields.maxPartySize.default(1),
		waitlist: apiFields.waitlist.default(true),
		reentryAllowed: apiFields.reentryAllowed.default(true),
		certificates: apiFields.certificates.default(false),
		status: apiFields.status.default('draft'),
		registrationClosesAt: apiFields.registrationClosesAt.optional(),
		reminderHoursBefore: apiFields.reminderHoursBefore.default(DEFAULT_REMINDER_HOURS_BEFORE),
		followUpHoursAfter: apiFields.followUpHoursAfter.default(null),
	})
	.superRefine(endsAfterStart)

/** PATCH: any field; status may also become "cancelled". */
export const EventPatchApiSchema = z
	.strictObject({ ...apiFields, status: z.enum(EVENT_STATUSES) })
	.partial()
	.superRefine(endsAfterStart)

/** What the service layer takes, whichever door the data came through. */
export type EventInput = {
	title: string
	titleEn?: string | null
	slug?: string
	kind: EventKind
	summary?: string | null
	summaryEn?: string | null
	description?: string
	descriptionEn?: string | null
	venueName: string
	venueAddress?: string
	venueCity?: string
	startsAt: Date
	endsAt: Date
	capacity: number | null
	maxPartySize: number
	waitlist: boolean
	/** May a checked-in visitor leave and come back? Default true. */
	reentryAllowed?: boolean
	/** Certificates of attendance for checked-in participants. Default false. */
	certificates?: boolean
	registrationClosesAt?: Date | null
	/** The reminder this many hours before the start (null: none; default 24). */
	reminderHoursBefore?: number | null
	/** The thank-you to checked-in visitors this many hours after the end (null: none, the default). */
	followUpHoursAfter?: number | null
	status?: 'draft' | 'published'
}

export function eventInputFromForm({ confirmPast: _, ...values }: EventFormValues): EventInput {
	return {
		...values,
		capacity: values.capacity ?? null,
		registrationClosesAt: values.registrationClosesAt ?? null,
		reminderHoursBefore: values.reminderHoursBefore ?? null,
		followUpHoursAfter: values.followUpHoursAfter ?? null,
	}
}

export function eventInputFromApi(body: z.infer<typeof EventCreateApiSchema>): EventInput {
	const { venue: v, ...rest } = body
	return {
		...rest,
		venueName: v.name,
		venueAddress: 'address' in v ? v.address : undefined,
		venueCity: 'city' in v ? v.city : undefined,
	}
}

export type EventPatch = Partial<Omit<EventInput, 'status'>> & {
	status?: EventStatus
}

export function eventPatchFromApi(body: z.infer<typeof EventPatchApiSchema>): EventPatch {
	const { venue: v, ...rest } = body
	const patch: EventPatch = { ...rest }
	// A new venue replaces the whole venue: an address left over from the old place would mislead.
	if (v) {
		patch.venueName = v.name
		patch.venueAddress = ('address' in v ? v.address : undefined) ?? ''
		patch.venueCity = ('city' in v ? v.city : undefined) ?? DEFAULT_CITY
	}
	return patch
}

/** The event form's values as strings, as the page starts it (new event, or an event to edit). */
export type EventFormDefaults = Partial<Record<keyof typeof EventFormSchema.shape, string | undefined>> & {
	waitlist?: 'on' | undefined
	reentryAllowed?: 'on' | undefined
	certificates?: 'on' | undefined
}

/** An event as far as publishing in the past is concerned. */
type Publication = { status: EventStatus; startsAt: Date }

/**
 * Publishing an event whose start has already passed is most often a mistake (last year's date
 * copied, a wrong month): visitors would see an event they cannot attend. So it needs an explicit
 * "yes, publish it in the past" — when the event becomes published with a start before `now`, or
 * a published event's start is moved into the past. Editing a published event that has already
 * started, without touching its start, needs nothing (a typo fixed after the event).
 * `before` is null for a new event.
 */
export function needsPastStartConfirmation(before: Publication | null, after: Publication, now: Date): boolean {
	if (after.status !== 'published' || after.startsAt.getTime() >= now.getTime()) return false
	if (!before || before.status !== 'published') return true
	return before.startsAt.getTime() !== after.startsAt.getTime()
}

/** What an organizer may say to the people registered when cancelling an event: plain text. */
export const CANCEL_MESSAGE_MAX = 1000

/** The event page's cancel form: the confirmation box and an optional message for the people registered. */
export const EventCancelFormSchema = z.object({
	/** The route answers a missing tick with its own sentence (admin:eventPage.confirmCancelRequired). */
	confirmCancel: z
		.string()
		.default('')
		.refine((v) => v === 'on'),
	/** Line ends as the browser counts them (one character each), so its maxlength and this agree. */
	message: z
		.string()
		.optional()
		.transform((v) => v?.replaceAll('\r\n', '\n').trim() || undefined)
		.pipe(z.string().max(CANCEL_MESSAGE_MAX).optional()),
})
