import { describe, expect, test } from 'vitest'
import {
	CANCEL_MESSAGE_MAX,
	EventCancelFormSchema,
	EventCreateApiSchema,
	EventFormSchema,
	EventPatchApiSchema,
	eventInputFromForm,
	eventPatchFromApi,
	needsPastStartConfirmation,
} from '#app/domain/event-input.ts'
import { makeZodErrorMap, issuesToFields } from '#app/utils/validation.ts'
import { getT } from '#app/utils/i18n.server.ts'

const valid = {
	title: 'Radionica o statusu',
	kind: 'workshop',
	startsAt: '2026-12-02T17:00:00+01:00',
	endsAt: '2026-12-02T19:30:00+01:00',
	venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
	capacity: 25,
}

function fieldsOf(schema: typeof EventCreateApiSchema | typeof EventPatchApiSchema, data: unknown, locale: 'sr-Latn' | 'en' = 'en') {
	const result = schema.safeParse(data, { error: makeZodErrorMap(getT(locale, ['common'])) })
	return result.success ? null : issuesToFields(result.error.issues)
}

describe('the API event schema', () => {
	test('accepts a valid event and fills the defaults', () => {
		const parsed = EventCreateApiSchema.parse(valid)
		expect(parsed.maxPartySize).toBe(1)
		expect(parsed.waitlist).toBe(true)
		expect(parsed.status).toBe('draft')
		expect(parsed.startsAt.toISOString()).toBe('2026-12-02T16:00:00.000Z')
	})

	test('the reminder defaults to 24 hours and the thank-you to none; whole hours ≥ 0 or null', () => {
		expect(EventCreateApiSchema.parse(valid)).toMatchObject({ reminderHoursBefore: 24, followUpHoursAfter: null })
		expect(EventCreateApiSchema.parse({ ...valid, reminderHoursBefore: null, followUpHoursAfter: 0 })).toMatchObject({
			reminderHoursBefore: null,
			followUpHoursAfter: 0,
		})
		expect(fieldsOf(EventCreateApiSchema, { ...valid, reminderHoursBefore: -1 })).toHaveProperty('reminderHoursBefore')
		expect(fieldsOf(EventCreateApiSchema, { ...valid, followUpHoursAfter: 1.5 })).toHaveProperty('followUpHoursAfter')
		expect(EventPatchApiSchema.parse({ reminderHoursBefore: null })).toEqual({ reminderHoursBefore: null })
	})

	test('a venue may be just a name', () => {
		expect(EventCreateApiSchema.parse({ ...valid, venue: 'Kulturni centar' }).venue).toEqual({ name: 'Kulturni centar' })
	})

	test('null capacity means unlimited', () => {
		expect(EventCreateApiSchema.parse({ ...valid, capacity: null }).capacity).toBeNull()
	})

	test('field errors are specific and translated', () => {
		expect(fieldsOf(EventCreateApiSchema, { ...valid, endsAt: '2026-12-02T16:00:00+01:00' })).toEqual({
			endsAt: ['The end cannot be before the start.'],
		})
		expect(fieldsOf(EventCreateApiSchema, { ...valid, kind: 'party' })?.kind).toEqual(['Choose one of the offered values.'])
		expect(fieldsOf(EventCreateApiSchema, { ...valid, capacity: -1 }, 'sr-Latn')?.capacity).toEqual(['Najmanja dozvoljena vrednost je 1.'])
		expect(fieldsOf(EventCreateApiSchema, { ...valid, title: undefined }, 'sr-Latn')?.title).toEqual(['Ovo polje je obavezno.'])
		expect(fieldsOf(EventCreateApiSchema, { ...valid, startsAt: '2026-12-02 17:00' })?.startsAt?.[0]).toMatch(/ISO 8601/)
		expect(fieldsOf(EventCreateApiSchema, { ...valid, slug: 'Mini Sajam!' })?.slug?.[0]).toMatch(/lowercase/)
	})

	test('unknown fields are refused, not silently dropped', () => {
		expect(fieldsOf(EventCreateApiSchema, { ...valid, capcity: 10 })).toEqual({ capcity: ['Unknown field.'] })
	})

	test('hostile bodies give field errors, not exceptions', () => {
		for (const body of [null, [], 'x', 42, { title: { $ne: 1 } }, { ...valid, capacity: 1e20 }, { ...valid, capacity: 2.5 }]) {
			expect(fieldsOf(EventCreateApiSchema, body)).not.toBeNull()
		}
	})

	test('registration cannot close after the event ends', () => {
		expect(fieldsOf(EventCreateApiSchema, { ...valid, registrationClosesAt: '2026-12-02T20:00:00+01:00' })).toEqual({
			registrationClosesAt: ['Registration must close before the event ends.'],
		})
	})

	test('a new venue in a patch replaces the whole venue', () => {
		expect(eventPatchFromApi(EventPatchApiSchema.parse({ venue: 'Dom omladine' }))).toEqual({
			venueName: 'Dom omladine',
			venueAddress: '',
			venueCity: 'Kruševac',
		})
	})

	test('a patch may change one field, and may cancel', () => {
		expect(EventPatchApiSchema.parse({ capacity: 40 })).toEqual({ capacity: 40 })
		expect(EventPatchApiSchema.parse({ status: 'cancelled' })).toEqual({ status: 'cancelled' })
	})
})

describe('the admin form schema', () => {
	const form = {
		title: 'Okrugli sto',
		kind: 'roundtable',
		startsAt: '2026-12-31T12:00',
		endsAt: '2026-12-31T14:00',
		venueName: 'Kulturni centar',
		venueCity: 'Kruševac',
		maxPartySize: '1',
	}

	test('reads Belgrade wall-clock times and empty capacity as unlimited', () => {
		const parsed = EventFormSchema.parse(form)
		expect(parsed.startsAt.toISOString()).toBe('2026-12-31T11:00:00.000Z')
		expect(parsed.capacity).toBeUndefined()
		expect(parsed.waitlist).toBe(false)
		expect(EventFormSchema.parse({ ...form, waitlist: 'on', capacity: '40' })).toMatchObject({ waitlist: true, capacity: 40 })
		// Unticked checkboxes are absent from the form data: re-entry off, not "unchanged".
		expect(EventFormSchema.parse({ ...form, reentryAllowed: 'on' }).reentryAllowed).toBe(true)
		expect(EventFormSchema.parse(form).reentryAllowed).toBe(false)
	})

	test('an impossible date is an error on that field', () => {
		const result = EventFormSchema.safeParse({ ...form, startsAt: '2026-02-30T10:00' })
		expect(result.success).toBe(false)
		expect(result.error?.issues[0]?.path).toEqual(['startsAt'])
	})
})

describe('publishing an event in the past', () => {
	const now = new Date('2026-12-03T09:00:00Z')
	const past = new Date('2026-12-01T10:00:00Z')
	const later = new Date('2026-12-20T10:00:00Z')

	test('publishing (or creating as published) an event whose start has passed needs the confirmation', () => {
		expect(needsPastStartConfirmation(null, { status: 'published', startsAt: past }, now)).toBe(true)
		expect(needsPastStartConfirmation({ status: 'draft', startsAt: past }, { status: 'published', startsAt: past }, now)).toBe(true)
		// A minute ago is in the past too.
		expect(needsPastStartConfirmation(null, { status: 'published', startsAt: new Date(now.getTime() - 60_000) }, now)).toBe(true)
	})

	test('a published event moved into the past needs it; an edit that leaves a past start alone does not', () => {
		expect(needsPastStartConfirmation({ status: 'published', startsAt: later }, { status: 'published', startsAt: past }, now)).toBe(true)
		expect(needsPastStartConfirmation({ status: 'published', startsAt: past }, { status: 'published', startsAt: past }, now)).toBe(false)
	})

	test('a future start, a draft or a cancellation needs nothing', () => {
		expect(needsPastStartConfirmation(null, { status: 'published', startsAt: later }, now)).toBe(false)
		expect(needsPastStartConfirmation(null, { status: 'published', startsAt: now }, now)).toBe(false)
		expect(needsPastStartConfirmation(null, { status: 'draft', startsAt: past }, now)).toBe(false)
		expect(needsPastStartConfirmation({ status: 'published', startsAt: past }, { status: 'cancelled', startsAt: past }, now)).toBe(false)
	})

	test('the form reads the tick, and it never reaches the event’s fields', () => {
		const form = {
			title: 'Okrugli sto',
			kind: 'roundtable',
			startsAt: '2026-12-01T12:00',
			endsAt: '2026-12-01T14:00',
			venueName: 'Kulturni centar',
			venueCity: 'Kruševac',
		}
		expect(EventFormSchema.parse(form).confirmPast).toBe(false)
		const ticked = EventFormSchema.parse({ ...form, confirmPast: 'on' })
		expect(ticked.confirmPast).toBe(true)
		expect(eventInputFromForm(ticked)).not.toHaveProperty('confirmPast')
	})
})

describe('the cancel form', () => {
	test('needs the tick; the message is optional plain text, trimmed, with one character per line end', () => {
		expect(EventCancelFormSchema.safeParse({ message: 'x' }).success).toBe(false)
		expect(EventCancelFormSchema.parse({ confirmCancel: 'on' })).toEqual({ confirmCancel: 'on', message: undefined })
		expect(EventCancelFormSchema.parse({ confirmCancel: 'on', message: '   ' }).message).toBeUndefined()
		expect(EventCancelFormSchema.parse({ confirmCancel: 'on', message: ' Izvinite.\r\nVidimo se <b>uskoro</b>. ' }).message).toBe(
			'Izvinite.\nVidimo se <b>uskoro</b>.',
		)
	})

	test(`at most ${CANCEL_MESSAGE_MAX} characters, counted as the browser counts them`, () => {
		const lines = `${'a'.repeat(499)}\r\n${'b'.repeat(500)}`
		expect(EventCancelFormSchema.safeParse({ confirmCancel: 'on', message: lines }).success).toBe(true)
		const tooLong = EventCancelFormSchema.safeParse({ confirmCancel: 'on', message: 'a'.repeat(CANCEL_MESSAGE_MAX + 1) })
		expect(tooLong.success).toBe(false)
		expect(tooLong.error?.issues[0]?.path).toEqual(['message'])
	})
})
