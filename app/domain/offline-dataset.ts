// The scanner's offline dataset on the wire, version 2 (docs/decisions/0016): one array per field
// instead of one object per ticket, so a key is written once per dataset, not once per ticket.
// The server encodes (checkin-queries.server.ts), the phone decodes (app/scanner) into the
// OfflineTicket rows decideScan is fed with. Pure: no node:crypto, no DOM; both sides import it.
//
// The code hash is cut to its first 96 bits (CODE_HASH_BYTES). What it protects: the phone finds
// the ticket by the registration id the signed code names, and then asks only "is this the
// ticket's *current* code?" (a cancelled or reissued ticket's old code must not pass). That is a
// comparison with ONE known value, not a search among all tickets, so no birthday bound applies:
// an old code passes only if its hash matches the new code's in all 96 bits, a chance of 2^-96 per
// reissue (≤ 2^-79 for 100,000 tickets reissued a thousand times each). Nobody can aim for a match
// either: a code that could pass must also carry a valid Ed25519 signature, which only the server
// can make, and finding a text whose hash hits 96 given bits takes about 2^96 tries. Reading the
// dataset gives no code back (SHA-256 cannot be run backwards; the codes hold a 64-byte signature).
// The server decides every scan again when it reaches it, so even a wrong offline verdict would
// be corrected. 96 bits are 16 base64url characters with no padding.
import type { OfflineColumns, OfflineDataset, OfflineTicket } from './checkin-contract.ts'
import { REGISTRATION_STATUSES, type RegistrationStatus } from './vocabulary.ts'

/** The dataset's format: a phone drops a kept dataset of another version and fetches a new one. */
export const OFFLINE_DATASET_VERSION = 2
/** The first 96 bits of the code's SHA-256 (see above). */
export const CODE_HASH_BYTES = 12
/** A name on the phone: the verdict shows it, the offline search matches its words; longer is cut. */
export const MAX_OFFLINE_NAME_LENGTH = 80

const STATUS_LETTERS: Record<RegistrationStatus, string> = { confirmed: 'c', waitlisted: 'w', cancelled: 'x' }
const STATUS_OF_LETTER = new Map(REGISTRATION_STATUSES.map((status) => [STATUS_LETTERS[status], status]))

/** The time base of `checkedIn`: the event's start, in ms. */
const timeBase = (event: Pick<OfflineDataset['event'], 'startsAt'>) => Date.parse(event.startsAt)

/**
 * The tickets as columns. `tickets` must be ordered by registration id (ascending): ids go as the
 * difference to the previous one, mostly "1". Times are ms after the event's start (negative
 * before it), exact to the ms as the server keeps them (decideScan compares them with a scan's).
 */
export function encodeOfflineTickets(tickets: readonly OfflineTicket[], event: Pick<OfflineDataset['event'], 'startsAt'>): OfflineColumns {
	const base = timeBase(event)
	const columns: OfflineColumns = { id: [], name: [], party: [], status: '', hash: [], checkedIn: [], devices: [] }
	const deviceIndex = new Map<string, number>()
	const door: NonNullable<OfflineColumns['door']> = { labels: [], answers: [] }
	const labelIndex = new Map<string, number>()
	let previous = 0
	let status = ''
	tickets.forEach((ticket, index) => {
		if (ticket.registrationId <= previous) throw new Error('offline tickets must be ordered by registration id')
		columns.id.push(ticket.registrationId - previous)
		previous = ticket.registrationId
		columns.name.push(ticket.name.trim().replace(/\s+/g, ' ').slice(0, MAX_OFFLINE_NAME_LENGTH))
		columns.party.push(ticket.partySize)
		status += STATUS_LETTERS[ticket.status]
		columns.hash.push(ticket.codeHash ?? '')
		if (ticket.checkedInAt !== null) {
			let device = -1
			if (ticket.checkedInBy !== null) {
				device = deviceIndex.get(ticket.checkedInBy) ?? columns.devices.push(ticket.checkedInBy) - 1
				deviceIndex.set(ticket.checkedInBy, device)
			}
			columns.checkedIn.push([index, Date.parse(ticket.checkedInAt) - base, device])
		}
		for (const answer of ticket.door ?? []) {
			const label = labelIndex.get(answer.label) ?? door.labels.push(answer.label) - 1
			labelIndex.set(answer.label, label)
			door.answers.push([index, label, answer.text])
		}
	})
	columns.status = status
	if (door.answers.length > 0) columns.door = door
	return columns
}

/** The tickets of a version-2 dataset, as rows. Throws on a dataset whose columns do not agree. */
export function decodeOfflineTickets(dataset: Pick<OfflineDataset, 'version' | 'event' | 'tickets'>): OfflineTicket[] {
	if (dataset.version !== OFFLINE_DATASET_VERSION) throw new Error(`offline dataset version ${String(dataset.version)}`)
	const { id, name, party, status, hash, checkedIn, devices } = dataset.tickets
	const n = id.length
	if (name.length !== n || party.length !== n || status.length !== n || hash.length !== n) throw new Error('offline dataset columns differ in length')
	const base = timeBase(dataset.event)
	let registrationId = 0
	const tickets: OfflineTicket[] = id.map((delta, i) => {
		registrationId += delta
		const ticketStatus = STATUS_OF_LETTER.get(status[i]!)
		if (!ticketStatus) throw new Error(`offline dataset: unknown status ${status[i]}`)
		return {
			registrationId,
			name: name[i]!,
			partySize: party[i]!,
			status: ticketStatus,
			codeHash: hash[i] || null,
			checkedInAt: null,
			checkedInBy: null,
		}
	})
	for (const [index, at, device] of checkedIn) {
		const ticket = tickets[index]
		if (!ticket) throw new Error('offline dataset: check-in of no ticket')
		ticket.checkedInAt = new Date(base + at).toISOString()
		ticket.checkedInBy = device >= 0 ? (devices[device] ?? null) : null
	}
	for (const [index, label, text] of dataset.tickets.door?.answers ?? []) {
		const ticket = tickets[index]
		if (!ticket) throw new Error('offline dataset: door answer of no ticket')
		;(ticket.door ??= []).push({ label: dataset.tickets.door!.labels[label] ?? '', text })
	}
	return tickets
}
