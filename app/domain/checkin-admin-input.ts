// What the organizer's check-in pages and API accept: the scan log's address bar, the undo form,
// and the scanner link form with its expiry choices. Pure: the clock and the event are arguments.
// What the scanner phone sends is checkin-contract.ts.
import { z } from 'zod'
import { fromBelgradeLocalInput, toBelgradeLocalInput } from './format.ts'

/** GET /api/v1/events/{slug}/checkins/log?filter= */
export const SCAN_LOG_FILTERS = ['all', 'flagged', 'duplicates', 'refused', 'undone'] as const
export type ScanLogFilter = (typeof SCAN_LOG_FILTERS)[number]

/** The query of the scan log; other parameters (?lang=) are ignored. */
export const ScanLogQuerySchema = z.object({
	filter: z.enum(SCAN_LOG_FILTERS).default('all'),
	before: z.coerce.number<string>().int().positive().optional(),
	limit: z.coerce.number<string>().int().min(1).max(500).optional(),
})
export type ScanLogQuery = z.infer<typeof ScanLogQuerySchema>

/** What the check-in page says after a change (POST, then redirect with ?notice=). */
export const CHECKIN_NOTICES = ['undone', 'not_checked_in'] as const
export type CheckinNotice = (typeof CHECKIN_NOTICES)[number]

const positiveInt = z.coerce.number<string>().int().min(1).max(Number.MAX_SAFE_INTEGER)

/** A wrong or hand-edited value falls back to the default: it is a GET page people bookmark. */
export const CheckinPageQuerySchema = z.object({
	filter: z.enum(SCAN_LOG_FILTERS).catch('all').default('all'),
	/** The scan log's page: entries older than this scan id. */
	before: positiveInt.optional().catch(undefined),
	notice: z.enum(CHECKIN_NOTICES).optional().catch(undefined),
	/** The registration the notice is about. */
	rid: positiveInt.optional().catch(undefined),
})
export type CheckinPageQuery = z.infer<typeof CheckinPageQuerySchema>

export function parseCheckinQuery(params: URLSearchParams): CheckinPageQuery {
	return CheckinPageQuerySchema.parse(Object.fromEntries(params))
}

/** The query string of the same log view (filter, page), with a new notice. */
export function checkinSearchParams(query: Pick<CheckinPageQuery, 'filter' | 'before'>, notice?: { notice: CheckinNotice; rid?: number }): string {
	const params = new URLSearchParams()
	if (query.filter !== 'all') params.set('filter', query.filter)
	if (query.before !== undefined) params.set('before', String(query.before))
	if (notice) {
		params.set('notice', notice.notice)
		if (notice.rid !== undefined) params.set('rid', String(notice.rid))
	}
	const text = params.toString()
	return text ? `?${text}` : ''
}

/** The undo button on an admitting scan: undoes the registration's check-in. */
export const UndoCheckinSchema = z.object({
	intent: z.literal('undo'),
	registrationId: positiveInt,
})

// ---- Scanner links ----

/** Until when a new scanner link works. */
export const EXPIRY_CHOICES = ['day', 'event', 'hours4', 'custom'] as const
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]

const custom = (key: string) => ({ params: { key } })

export const ScannerLinkFormSchema = z
	.object({
		intent: z.literal('create'),
		label: z.string().trim().min(1).max(120),
		expiry: z.enum(EXPIRY_CHOICES),
		/** The custom expiry, Belgrade wall-clock time of an <input type="datetime-local">. */
		expiresAt: z.string().trim().optional(),
	})
	.superRefine((value, ctx) => {
		if (value.expiry !== 'custom') return
		if (!value.expiresAt) ctx.addIssue({ code: 'custom', path: ['expiresAt'], ...custom('required') })
		else if (!fromBelgradeLocalInput(value.expiresAt)) ctx.addIssue({ code: 'custom', path: ['expiresAt'], ...custom('dateTime') })
	})
export type ScannerLinkForm = z.infer<typeof ScannerLinkFormSchema>

/** POST /api/v1/events/{slug}/scanner-links: a link for one volunteer's phone, until `expiresAt`. */
export const ScannerLinkApiSchema = z.strictObject({
	expiresAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
	label: z.string().trim().min(1).max(120).optional(),
})
export type ScannerLinkApiBody = z.infer<typeof ScannerLinkApiSchema>

export const RevokeScannerLinkSchema = z.object({
	intent: z.literal('revoke'),
	linkId: positiveInt,
})

const FOUR_HOURS_MS = 4 * 60 * 60 * 1000

/** The last minute of the Belgrade day the event ends on: a link for the whole event day. */
export function endOfEventDay(endsAt: Date): Date {
	const day = toBelgradeLocalInput(endsAt).slice(0, 10)
	return fromBelgradeLocalInput(`${day}T23:59`)!
}

/** The instant each preset choice stands for, for this event at this moment. */
export function expiryPresets(event: { endsAt: Date }, now: Date): Record<Exclude<ExpiryChoice, 'custom'>, Date> {
	return {
		day: endOfEventDay(event.endsAt),
		event: event.endsAt,
		hours4: new Date(now.getTime() + FOUR_HOURS_MS),
	}
}

/**
 * The choice the form starts with: the end of the event day, unless that has passed (a link made
 * for a late helper after the event), then the next four hours.
 */
export function defaultExpiryChoice(event: { endsAt: Date }, now: Date): ExpiryChoice {
	return endOfEventDay(event.endsAt) > now ? 'day' : 'hours4'
}

/** The expiry a valid form asks for. Whether it is still in the future is the service's rule. */
export function expiryFromForm(form: ScannerLinkForm, event: { endsAt: Date }, now: Date): Date {
	if (form.expiry === 'custom') return fromBelgradeLocalInput(form.expiresAt ?? '')!
	return expiryPresets(event, now)[form.expiry]
}
