import { describe, expect, test } from 'vitest'
import {
	countPersons,
	dayRange,
	participantReport,
	ParticipantReportQuerySchema,
	protectedTable,
	tableJson,
	type ParticipantRow,
} from '#app/domain/participant-report.ts'

const row = (over: Partial<ParticipantRow>): ParticipantRow => ({
	eventId: 1,
	partySize: 1,
	confirmed: true,
	checkedIn: true,
	gender: null,
	ageGroup: null,
	municipality: null,
	vulnerableGroup: null,
	...over,
})

describe('countPersons', () => {
	test('the registering person counts under their answer, the rest of the party as not stated', () => {
		const counts = countPersons([row({ gender: 'female', partySize: 3 }), row({ partySize: 2 }), row({ gender: 'male', checkedIn: false })], 'gender')
		expect(counts).toEqual({ female: 1, male: 0, other: 0, prefer_not_to_say: 0, not_stated: 4 })
	})

	test('rows the database grouped count as the registrations they stand for (issue 21: the report aggregates in SQL)', () => {
		const single = [
			row({ gender: 'female', partySize: 3 }),
			row({ gender: 'female', partySize: 1 }),
			row({ gender: 'female', partySize: 2 }),
			row({ partySize: 2 }),
		]
		const grouped = [row({ gender: 'female', registrations: 3, partySize: 6 }), row({ registrations: 1, partySize: 2 })]
		expect(countPersons(grouped, 'gender')).toEqual(countPersons(single, 'gender'))
		expect(countPersons(grouped, 'gender')).toEqual({ female: 3, male: 0, other: 0, prefer_not_to_say: 0, not_stated: 5 })
	})

	test('an answer outside the vocabulary is not stated; disability has its own line', () => {
		const counts = countPersons([row({ vulnerableGroup: 'old-code' }), row({ vulnerableGroup: 'disability' })], 'vulnerableGroup')
		expect(counts.not_stated).toBe(1)
		expect(counts.disability).toBe(1)
	})

	test('the Rasina district first, in the Center order', () => {
		expect(Object.keys(countPersons([], 'municipality'))).toEqual([
			'krusevac',
			'aleksandrovac',
			'brus',
			'varvarin',
			'trstenik',
			'cicevac',
			'other',
			'prefer_not_to_say',
			'not_stated',
		])
	})
})

describe('protectedTable', () => {
	test('a small cell is hidden with the smallest other one, the total stays', () => {
		const table = protectedTable({ a: 12, b: 6, c: 2, d: 0 })
		expect(table).toEqual({ cells: { a: 12, b: 'hidden', c: 'small', d: 0 }, total: 20 })
		expect(tableJson(table)).toEqual({ a: 12, b: null, c: null, d: 0 })
	})

	test('a total under 5 hides the whole table, zeros included', () => {
		expect(tableJson(protectedTable({ a: 3, b: 0 }))).toEqual({ a: null, b: null })
	})
})

test('participantReport: persons per event and in total, only the chosen events', () => {
	const events = [{ id: 1, slug: 'a', title: 'A', kind: 'workshop', startsAt: new Date(0) }]
	const report = participantReport(events, [row({ partySize: 2 }), row({ checkedIn: false }), row({ confirmed: false, checkedIn: false }), row({ eventId: 2 })])
	expect(report.totals).toEqual({ registeredPersons: 3, checkedInPersons: 2 })
	expect(report.events[0]).toMatchObject({ slug: 'a', registeredPersons: 3, checkedInPersons: 2 })
})

describe('the query', () => {
	test('to before from names to; a range or events is needed', () => {
		const reversed = ParticipantReportQuerySchema.safeParse({ from: '2026-12-05', to: '2026-12-01' })
		expect(reversed.error?.issues.map((i) => i.path)).toEqual([['to']])
		expect(ParticipantReportQuerySchema.safeParse({}).error?.issues.map((i) => i.path)).toEqual([['from'], ['to']])
		expect(ParticipantReportQuerySchema.safeParse({ events: 'a, b' }).data?.events).toEqual(['a', 'b'])
		expect(ParticipantReportQuerySchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false)
	})

	test('dayRange covers whole Belgrade days across the DST change', () => {
		expect(dayRange('2026-03-28', '2026-03-29')).toEqual({ start: new Date('2026-03-27T23:00:00Z'), end: new Date('2026-03-29T22:00:00Z') })
		expect(dayRange('2026-12-05', '2026-12-05')).toEqual({ start: new Date('2026-12-04T23:00:00Z'), end: new Date('2026-12-05T23:00:00Z') })
	})
})
