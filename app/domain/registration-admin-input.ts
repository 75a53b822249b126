// What the organizer's registrations page accepts: the list's query (search, status, page, the
// notice after a change) and the manual add form.
import { z } from 'zod'
import { issueKey } from './input-fields.ts'
import { LOCALES } from './locale.ts'
import { RegistrationFormSchema, type RegistrationInput } from './registration-input.ts'
import { REGISTRATION_STATUSES } from './vocabulary.ts'

export const STATUS_FILTERS = ['all', ...REGISTRATION_STATUSES] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

/** What the page says after a change (POST, then redirect to the list with ?notice=). */
export const LIST_NOTICES = ['confirmed', 'waitlisted', 'already_registered', 'sold_out', 'cancelled', 'already_cancelled', 'resent'] as const
export type ListNotice = (typeof LIST_NOTICES)[number]

const positiveInt = z.coerce.number<string>().int().min(1).max(1_000_000)

/**
 * The list's address bar. A wrong or hand-edited value falls back to the default instead of
 * failing: it is a GET page, and a bookmark with an old parameter should still open.
 */
export const RegistrationListQuerySchema = z.object({
	q: z.string().trim().max(100).catch('').default(''),
	status: z.enum(STATUS_FILTERS).catch('all').default('all'),
	/** An answer to one of the event's questions (issue 18): `{questionId}:{value}` (`yes`/`no` for yes/no); '' for any. */
	answer: z.string().trim().max(200).catch('').default(''),
	page: positiveInt.catch(1).default(1),
	notice: z.enum(LIST_NOTICES).optional().catch(undefined),
	/** The registration the notice is about. */
	rid: positiveInt.optional().catch(undefined),
	/** How many waiting parties got places after a cancellation. */
	promoted: z.coerce.number<string>().int().min(0).max(10_000).optional().catch(undefined),
})
export type RegistrationListQuery = z.infer<typeof RegistrationListQuerySchema>

export function parseListQuery(params: URLSearchParams): RegistrationListQuery {
	return RegistrationListQuerySchema.parse(Object.fromEntries(params))
}

/** The query string that shows the same list (search, filter, page) with a new notice. */
export function listSearchParams(
	query: Pick<RegistrationListQuery, 'q' | 'status' | 'page'> & { answer?: string },
	notice?: { notice: ListNotice; rid?: number; promoted?: number },
) {
	const params = new URLSearchParams()
	if (query.q) params.set('q', query.q)
	if (query.status !== 'all') params.set('status', query.status)
	if (query.answer) params.set('answer', query.answer)
	if (query.page > 1) params.set('page', String(query.page))
	if (notice) {
		params.set('notice', notice.notice)
		if (notice.rid !== undefined) params.set('rid', String(notice.rid))
		if (notice.promoted) params.set('promoted', String(notice.promoted))
	}
	const text = params.toString()
	return text ? `?${text}` : ''
}

/**
 * A phone number as people write it: digits, spaces, +, -, /, ( and ). Checked loosely (someone
 * at the door may give a landline, a foreign number or an extension), but it must have at least
 * 6 digits and at most 20, so a typo like "064" or a name in the wrong field is caught.
 */
export const LoosePhoneSchema = z
	.string()
	.trim()
	.max(40)
	.refine((v) => /^[0-9 +\-/()]+$/.test(v) && /^(?:\D*\d){6,20}\D*$/.test(v), issueKey('phoneLoose'))

/**
 * An organizer adds someone by hand (a phone call, a walk-in). The organizer confirms that the
 * person was told about the privacy notice (who keeps the data, why, how long, their rights):
 * that is the acknowledgement stored as privacyAcceptedAt. The optional consents (photos,
 * newsletter, research) are never given on someone's behalf, and no demographic questions are
 * asked for someone else.
 *
 * An email address or a phone number, at least one: someone at the door or on the phone may have
 * no address. Without one, nothing is mailed; the organizer prints the ticket instead.
 */
export const ManualRegistrationSchema = z
	.object({
		name: RegistrationFormSchema.shape.name,
		email: RegistrationFormSchema.shape.email.optional(),
		phone: LoosePhoneSchema.optional(),
		partySize: RegistrationFormSchema.shape.partySize,
		locale: z.enum(LOCALES),
		/** "I told the person about the privacy notice." A missing checkbox reads "required". */
		informed: z.string().refine((v) => v === 'on'),
	})
	.superRefine((value, ctx) => {
		if (!value.email && !value.phone) ctx.addIssue({ code: 'custom', path: ['email'], ...issueKey('emailOrPhone') })
	})

export function manualRegistrationInput(values: z.infer<typeof ManualRegistrationSchema>): RegistrationInput {
	return {
		name: values.name,
		email: values.email ?? null,
		phone: values.phone ?? null,
		partySize: values.partySize,
		locale: values.locale,
		consent: { privacy: true, photos: false, newsletter: false, research: false },
		demographics: {},
	}
}

/** The small forms on each row: cancel, resend, and open the ticket to print. */
export const RowActionSchema = z.object({
	intent: z.enum(['cancel', 'resend', 'print']),
	registrationId: positiveInt,
})
