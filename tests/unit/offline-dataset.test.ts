// The scanner's compact offline dataset (app/domain/offline-dataset.ts): what the server encodes
// is what the phone decodes, ticket for ticket, and a dataset of another version is refused.
import { describe, expect, test } from 'vitest'
import type { OfflineDataset, OfflineTicket } from '#app/domain/checkin-contract.ts'
import { decodeOfflineTickets, encodeOfflineTickets, MAX_OFFLINE_NAME_LENGTH, OFFLINE_DATASET_VERSION } from '#app/domain/offline-dataset.ts'

const event = { id: 7, slug: 'sajam', title: 'Sajam', reentryAllowed: true, startsAt: '2026-05-16T08:00:00.000Z', endsAt: '2026-05-16T16:00:00.000Z' }

function ticket(registrationId: number, patch: Partial<OfflineTicket> = {}): OfflineTicket {
	return {
		registrationId,
		name: `Posetilac ${registrationId}`,
		partySize: 1,
		status: 'confirmed',
		codeHash: null,
		checkedInAt: null,
		checkedInBy: null,
		...patch,
	}
}

const tickets: OfflineTicket[] = [
	ticket(3, { name: 'Đorđe Petrović', partySize: 4, codeHash: 'AAAAAAAAAAAAAAAA' }),
	ticket(4, { status: 'cancelled' }),
	ticket(9, { status: 'waitlisted', partySize: 2 }),
	// Checked in before the doors officially opened, to the ms.
	ticket(10, { codeHash: 'abcdefghijklmnop', checkedInAt: '2026-05-16T07:59:58.123Z', checkedInBy: 'scan-A' }),
	ticket(11, { codeHash: '-_-_-_-_-_-_-_-_', checkedInAt: '2026-05-16T09:10:00.004Z', checkedInBy: 'scan-B' }),
	ticket(250, { codeHash: 'zzzzzzzzzzzzzzzz', checkedInAt: '2026-05-16T09:11:00.000Z', checkedInBy: 'scan-A' }),
	// Checked in by a logged-in organizer's browser without a device id.
	ticket(251, { name: 'Ана Јовановић', codeHash: '0123456789abcdef', checkedInAt: '2026-05-16T10:00:00.000Z', checkedInBy: null }),
]

const wire = (columns = encodeOfflineTickets(tickets, event)): Pick<OfflineDataset, 'version' | 'event' | 'tickets'> => ({
	version: OFFLINE_DATASET_VERSION,
	event,
	tickets: JSON.parse(JSON.stringify(columns)),
})

describe('the compact offline dataset', () => {
	test('decodes to exactly the tickets encoded, through JSON', () => {
		expect(decodeOfflineTickets(wire())).toEqual(tickets)
	})

	test('writes each field once per dataset: ids as steps, one letter per status, each device once, only check-ins that happened', () => {
		const columns = encodeOfflineTickets(tickets, event)
		expect(columns.id).toEqual([3, 1, 5, 1, 1, 239, 1])
		expect(columns.status).toBe('cxwcccc')
		expect(columns.party).toEqual([4, 1, 2, 1, 1, 1, 1])
		expect(columns.hash).toEqual(['AAAAAAAAAAAAAAAA', '', '', 'abcdefghijklmnop', '-_-_-_-_-_-_-_-_', 'zzzzzzzzzzzzzzzz', '0123456789abcdef'])
		expect(columns.devices).toEqual(['scan-A', 'scan-B'])
		expect(columns.checkedIn).toEqual([
			[3, -1877, 0],
			[4, 4_200_004, 1],
			[5, 4_260_000, 0],
			[6, 7_200_000, -1],
		])
		expect(JSON.stringify(columns)).not.toContain('registrationId')
	})

	test('names go with their whitespace collapsed and at most MAX_OFFLINE_NAME_LENGTH characters', () => {
		const long = 'Ana '.repeat(40)
		const columns = encodeOfflineTickets([ticket(1, { name: '  Milica   Ilić ' }), ticket(2, { name: long })], event)
		expect(columns.name[0]).toBe('Milica Ilić')
		expect(columns.name[1]).toHaveLength(MAX_OFFLINE_NAME_LENGTH)
	})

	test('an empty event is an empty dataset', () => {
		expect(decodeOfflineTickets(wire(encodeOfflineTickets([], event)))).toEqual([])
	})

	test('tickets out of order, another version or columns that disagree are refused, not misread', () => {
		expect(() => encodeOfflineTickets([ticket(2), ticket(1)], event)).toThrow()
		expect(() => decodeOfflineTickets({ ...wire(), version: 1 as 2 })).toThrow()
		const short = wire()
		short.tickets.hash.pop()
		expect(() => decodeOfflineTickets(short)).toThrow()
		const unknown = wire()
		unknown.tickets.status = unknown.tickets.status.replace('w', '?')
		expect(() => decodeOfflineTickets(unknown)).toThrow()
	})
})
