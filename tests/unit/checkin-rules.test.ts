// The verdict at the door, the duplicate rule, a re-read of the same code, the event's day and the
// arrivals chart: pure rules, no database.
import { describe, expect, test } from 'vitest'
import {
	bucketArrivals,
	decideScan,
	effectiveScanTime,
	eventDay,
	isDuplicateScan,
	isSameArrival,
	REREAD_WINDOW_MS,
	verdictTone,
	type ScanInput,
	type TicketState,
} from '#app/domain/checkin-rules.ts'

const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00+01:00`)

function ticket(overrides: Partial<TicketState> = {}): TicketState {
	return { id: 42, eventId: 7, status: 'confirmed', currentCode: true, checkedInAt: null, checkedInBy: null, ...overrides }
}

function scan(overrides: Partial<ScanInput> = {}): ScanInput {
	return { verification: { valid: true, eventId: 7, registrationId: 42 }, ticket: ticket(), scannerEventId: 7, scannedAt: at('10:32'), ...overrides }
}

describe('decideScan', () => {
	test('the first scan of a confirmed ticket admits and sets the check-in at the scan time', () => {
		const verdict = decideScan(scan())
		expect(verdict).toMatchObject({ result: 'ok', registrationId: 42, setsCheckIn: true, replacesLaterCheckIn: false })
		expect(verdict.result === 'ok' && verdict.firstCheckedInAt).toEqual(at('10:32'))
	})

	test('a later scan is already_checked_in with the first time and device', () => {
		const verdict = decideScan(scan({ ticket: ticket({ checkedInAt: at('10:32'), checkedInBy: 'door-1' }), scannedAt: at('11:05') }))
		expect(verdict).toMatchObject({ result: 'already_checked_in', firstCheckedInAt: at('10:32'), firstCheckedInBy: 'door-1', setsCheckIn: false })
	})

	test('a scan at the very same instant as the check-in is a repeat, not a second first entry', () => {
		expect(decideScan(scan({ ticket: ticket({ checkedInAt: at('10:32') }), scannedAt: at('10:32') })).result).toBe('already_checked_in')
	})

	test('an offline scan made before the recorded check-in takes it over', () => {
		const verdict = decideScan(scan({ ticket: ticket({ checkedInAt: at('10:40'), checkedInBy: 'door-2' }), scannedAt: at('10:31') }))
		expect(verdict).toMatchObject({ result: 'ok', setsCheckIn: true, replacesLaterCheckIn: true })
	})

	test('a code we did not sign (forged, altered) is invalid, whatever else is known', () => {
		expect(decideScan(scan({ verification: { valid: false } })).result).toBe('invalid')
		expect(decideScan(scan({ verification: { valid: false }, ticket: undefined, scannerEventId: null })).result).toBe('invalid')
	})

	test('a genuine code of another event is wrong_event, before its status is looked at', () => {
		expect(decideScan(scan({ scannerEventId: 8 })).result).toBe('wrong_event')
		expect(decideScan(scan({ scannerEventId: 8, ticket: undefined })).result).toBe('wrong_event')
		expect(decideScan(scan({ scannerEventId: 8, ticket: ticket({ status: 'cancelled' }) })).result).toBe('wrong_event')
	})

	test('a scanner not limited to an event accepts any event', () => {
		expect(decideScan(scan({ scannerEventId: null })).result).toBe('ok')
	})

	test('a signed code whose registration is missing or does not match is invalid', () => {
		expect(decideScan(scan({ ticket: undefined })).result).toBe('invalid')
		expect(decideScan(scan({ ticket: ticket({ id: 43 }) })).result).toBe('invalid')
		expect(decideScan(scan({ ticket: ticket({ eventId: 9 }), scannerEventId: null })).result).toBe('invalid')
	})

	test('a cancelled registration, or a code no longer current (reissued), is cancelled', () => {
		expect(decideScan(scan({ ticket: ticket({ status: 'cancelled', currentCode: false }) })).result).toBe('cancelled')
		expect(decideScan(scan({ ticket: ticket({ currentCode: false }) })).result).toBe('cancelled')
		// Cancelled even if it had been checked in before.
		expect(decideScan(scan({ ticket: ticket({ status: 'cancelled', currentCode: false, checkedInAt: at('10:00') }) })).result).toBe('cancelled')
	})

	test('a waiting-list registration is not_confirmed', () => {
		expect(decideScan(scan({ ticket: ticket({ status: 'waitlisted', currentCode: false }) })).result).toBe('not_confirmed')
	})

	test('tones: green for ok, amber for a repeat, red for every refusal', () => {
		expect(verdictTone('ok')).toBe('green')
		expect(verdictTone('already_checked_in')).toBe('amber')
		for (const r of ['invalid', 'wrong_event', 'cancelled', 'not_confirmed'] as const) expect(verdictTone(r)).toBe('red')
	})
})

describe('isDuplicateScan', () => {
	const repeat = { result: 'already_checked_in' as const, offline: true, deviceId: 'door-2', firstCheckedInBy: 'door-1' }

	test('an online repeat was answered amber: not a duplicate', () => {
		expect(isDuplicateScan({ ...repeat, offline: false })).toBe(false)
	})

	test('an offline repeat from another device was shown green: a duplicate', () => {
		expect(isDuplicateScan(repeat)).toBe(true)
	})

	test('an offline repeat from the device of the first check-in was known to it: not a duplicate', () => {
		expect(isDuplicateScan({ ...repeat, deviceId: 'door-1' })).toBe(false)
	})

	test("the device's own verdict decides when it sent one", () => {
		expect(isDuplicateScan({ ...repeat, localResult: 'already_checked_in' })).toBe(false)
		expect(isDuplicateScan({ ...repeat, deviceId: 'door-1', localResult: 'ok' })).toBe(true)
	})

	test('only repeats can be duplicates', () => {
		expect(isDuplicateScan({ ...repeat, result: 'ok' })).toBe(false)
		expect(isDuplicateScan({ ...repeat, result: 'invalid', localResult: 'ok' })).toBe(false)
	})
})

describe('effectiveScanTime', () => {
	const now = at('12:00')
	test('the device time is kept, past or a little ahead', () => {
		expect(effectiveScanTime(at('09:00'), now)).toEqual(at('09:00'))
		expect(effectiveScanTime(at('12:04'), now)).toEqual(at('12:04'))
	})
	test('a missing, unreadable or far-future time becomes the server time', () => {
		expect(effectiveScanTime(undefined, now)).toEqual(now)
		expect(effectiveScanTime(new Date('nonsense'), now)).toEqual(now)
		expect(effectiveScanTime(at('13:00'), now)).toEqual(now)
	})
})

describe('isSameArrival', () => {
	const admitted = 50_000
	test("the same code read again within 10 s of this device's verdict is the same arrival", () => {
		expect(REREAD_WINDOW_MS).toBe(10_000)
		for (const later of [0, 80, 3_000, 6_000, 9_999]) expect(isSameArrival(admitted, admitted + later), `+${later} ms`).toBe(true)
	})
	test('from 10 s on it is a new scan (a real second entry); the window does not stretch with re-reads', () => {
		expect(isSameArrival(admitted, admitted + 10_000)).toBe(false)
		expect(isSameArrival(admitted, admitted + 60_000)).toBe(false)
	})
	test('nothing decided lately, or a clock that went back: a new scan', () => {
		expect(isSameArrival(undefined, admitted)).toBe(false)
		expect(isSameArrival(admitted, admitted - 1)).toBe(false)
	})
	test('the window can be given', () => {
		expect(isSameArrival(admitted, admitted + 1_500, 1_000)).toBe(false)
		expect(isSameArrival(admitted, admitted + 500, 1_000)).toBe(true)
	})
})

describe('eventDay', () => {
	// Saturday 16 May 2026, 10:00–18:00 Belgrade (UTC+2).
	const event = { startsAt: new Date('2026-05-16T10:00:00+02:00'), endsAt: new Date('2026-05-16T18:00:00+02:00') }
	test("any time of the event's Belgrade day is during, even before the doors open or after they close", () => {
		expect(eventDay(event, new Date('2026-05-16T00:00:00+02:00'))).toBe('during')
		expect(eventDay(event, new Date('2026-05-16T12:00:00+02:00'))).toBe('during')
		expect(eventDay(event, new Date('2026-05-16T23:59:00+02:00'))).toBe('during')
	})
	test('the days before and after, by Belgrade midnight, not UTC', () => {
		// 23:30 UTC on the 15th is 01:30 on the 16th in Belgrade.
		expect(eventDay(event, new Date('2026-05-15T23:30:00Z'))).toBe('during')
		expect(eventDay(event, new Date('2026-05-15T21:59:00Z'))).toBe('before')
		expect(eventDay(event, new Date('2026-05-10T12:00:00+02:00'))).toBe('before')
		expect(eventDay(event, new Date('2026-05-16T22:00:00Z'))).toBe('after')
		expect(eventDay(event, new Date('2027-01-01T12:00:00+01:00'))).toBe('after')
	})
	test('an event over several days is during on each of them', () => {
		const fair = { startsAt: new Date('2026-12-04T10:00:00+01:00'), endsAt: new Date('2026-12-06T16:00:00+01:00') }
		expect(eventDay(fair, new Date('2026-12-03T20:00:00+01:00'))).toBe('before')
		expect(eventDay(fair, new Date('2026-12-05T08:00:00+01:00'))).toBe('during')
		expect(eventDay(fair, new Date('2026-12-06T22:00:00+01:00'))).toBe('during')
		expect(eventDay(fair, new Date('2026-12-07T00:30:00+01:00'))).toBe('after')
	})
})

describe('bucketArrivals', () => {
	test('no arrivals, no buckets', () => {
		expect(bucketArrivals([])).toEqual([])
	})

	test('quarter hours of Belgrade time, gaps included, counting registrations and persons', () => {
		const buckets = bucketArrivals([
			{ at: at('10:02'), persons: 1 },
			{ at: at('10:14'), persons: 3 },
			{ at: at('10:15'), persons: 2 },
			{ at: at('10:59'), persons: 1 },
		])
		expect(buckets.map((b) => [b.label, b.registrations, b.persons])).toEqual([
			['10:00', 2, 4],
			['10:15', 1, 2],
			['10:30', 0, 0],
			['10:45', 1, 1],
		])
		expect(buckets[0]!.start).toBe('2026-12-05T09:00:00.000Z')
	})

	test('summer time: labels follow Belgrade (UTC+2), not UTC', () => {
		const buckets = bucketArrivals([{ at: new Date('2026-06-10T08:20:00Z'), persons: 1 }])
		expect(buckets).toEqual([{ start: '2026-06-10T08:15:00.000Z', label: '10:15', registrations: 1, persons: 1 }])
	})

	test('order of input does not matter', () => {
		const a = [
			{ at: at('11:40'), persons: 1 },
			{ at: at('10:05'), persons: 2 },
		]
		expect(bucketArrivals(a)).toEqual(bucketArrivals([...a].reverse()))
		expect(bucketArrivals(a)).toHaveLength(7)
	})
})
