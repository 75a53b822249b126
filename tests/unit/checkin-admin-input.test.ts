import { describe, expect, test } from 'vitest'
import {
	ScannerLinkFormSchema,
	UndoCheckinSchema,
	checkinSearchParams,
	defaultExpiryChoice,
	endOfEventDay,
	expiryFromForm,
	parseCheckinQuery,
} from '#app/domain/checkin-admin-input.ts'
import { formatPercent, formatTimeWithSeconds } from '#app/domain/format.ts'

describe('the check-in page query', () => {
	test('defaults to the whole log from the newest scan', () => {
		expect(parseCheckinQuery(new URLSearchParams())).toEqual({ filter: 'all' })
	})

	test('reads the filter, the page and the notice; a hand-edited value falls back', () => {
		expect(parseCheckinQuery(new URLSearchParams('filter=flagged&before=120&notice=undone&rid=7'))).toEqual({
			filter: 'flagged',
			before: 120,
			notice: 'undone',
			rid: 7,
		})
		expect(parseCheckinQuery(new URLSearchParams('filter=everything&before=-3&notice=hacked&rid=x'))).toEqual({ filter: 'all' })
	})

	test('writes back the same view with a notice, leaving out defaults', () => {
		expect(checkinSearchParams({ filter: 'all', before: undefined })).toBe('')
		expect(checkinSearchParams({ filter: 'duplicates', before: 55 }, { notice: 'not_checked_in', rid: 3 })).toBe(
			'?filter=duplicates&before=55&notice=not_checked_in&rid=3',
		)
	})

	test('undo names a registration by a positive id', () => {
		expect(UndoCheckinSchema.safeParse({ intent: 'undo', registrationId: '12' }).data).toEqual({ intent: 'undo', registrationId: 12 })
		expect(UndoCheckinSchema.safeParse({ intent: 'undo', registrationId: '0' }).success).toBe(false)
		expect(UndoCheckinSchema.safeParse({ intent: 'cancel', registrationId: '12' }).success).toBe(false)
	})
})

describe('scanner link expiry', () => {
	// The fair: 5 December 2026, 10:00–16:00 Belgrade time (CET, UTC+1).
	const fair = { endsAt: new Date('2026-12-05T15:00:00Z') }
	const morning = new Date('2026-12-05T08:30:00Z')
	const parse = (fields: Record<string, string>) => ScannerLinkFormSchema.parse({ intent: 'create', label: 'Ulaz', ...fields })

	test('the end of the event day is 23:59 Belgrade time, also in summer time', () => {
		expect(endOfEventDay(fair.endsAt).toISOString()).toBe('2026-12-05T22:59:00.000Z')
		expect(endOfEventDay(new Date('2026-06-20T21:30:00Z')).toISOString()).toBe('2026-06-20T21:59:00.000Z')
		// 00:30 on 21 June in Belgrade is still the 21st there, though 20 June in UTC.
		expect(endOfEventDay(new Date('2026-06-20T22:30:00Z')).toISOString()).toBe('2026-06-21T21:59:00.000Z')
	})

	test('each choice gives its instant', () => {
		expect(expiryFromForm(parse({ expiry: 'day' }), fair, morning).toISOString()).toBe('2026-12-05T22:59:00.000Z')
		expect(expiryFromForm(parse({ expiry: 'event' }), fair, morning).toISOString()).toBe('2026-12-05T15:00:00.000Z')
		expect(expiryFromForm(parse({ expiry: 'hours4' }), fair, morning).toISOString()).toBe('2026-12-05T12:30:00.000Z')
		expect(expiryFromForm(parse({ expiry: 'custom', expiresAt: '2026-12-06T09:15' }), fair, morning).toISOString()).toBe('2026-12-06T08:15:00.000Z')
	})

	test('the form starts on the end of the event day, or the next four hours once that has passed', () => {
		expect(defaultExpiryChoice(fair, morning)).toBe('day')
		expect(defaultExpiryChoice(fair, new Date('2026-12-06T09:00:00Z'))).toBe('hours4')
	})

	test('a label is required; a custom expiry needs a valid date and time', () => {
		expect(ScannerLinkFormSchema.safeParse({ intent: 'create', expiry: 'day' }).success).toBe(false)
		const missing = ScannerLinkFormSchema.safeParse({ intent: 'create', label: 'Ulaz', expiry: 'custom' })
		expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['expiresAt'])
		expect(ScannerLinkFormSchema.safeParse({ intent: 'create', label: 'Ulaz', expiry: 'custom', expiresAt: '2026-02-31T10:00' }).success).toBe(false)
		// A custom value is ignored unless "another time" is chosen.
		expect(ScannerLinkFormSchema.safeParse({ intent: 'create', label: 'Ulaz', expiry: 'day', expiresAt: 'garbage' }).success).toBe(true)
	})
})

describe('formatting for the check-in page', () => {
	test('times with seconds in Belgrade time, whole percents', () => {
		const at = new Date('2026-12-05T09:03:07Z')
		expect(formatTimeWithSeconds(at, 'sr-Latn')).toBe('10:03:07')
		expect(formatTimeWithSeconds(at, 'en')).toBe('10:03:07')
		expect(formatPercent(0.755, 'en')).toBe('76%')
		expect(formatPercent(0, 'sr-Latn')).toMatch(/^0\s?%$/)
	})
})
