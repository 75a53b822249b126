// The registration rules against a real migrated SQLite file: counters, waiting list order,
// double cancel, promotion on cancel and on raised capacity, mail in the outbox, erasure.
import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { events, outbox, registrations } from '#db/schema/index.ts'
import type { RegistrationInput } from '#app/domain/registration-input.ts'
import { checkTicketCode } from '#app/utils/ticket-keys.server.ts'
import { updateEvent } from '#app/services/commands/events.server.ts'
import { cancelByManageToken, cancelByOrganizer, eraseByManageToken, registerVisitor } from '#app/services/commands/registrations.server.ts'
import { runIdempotent } from '#app/services/commands/idempotency.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { createEventInDb } from '#tests/support/service-events.ts'

const now = new Date('2026-12-01T10:00:00Z')
const organizer = { kind: 'user', id: 1 } as const
let slug = ''
let n = 0

function visitor(partySize = 1, overrides: Partial<RegistrationInput> = {}): RegistrationInput {
	n++
	return {
		name: `Posetilac ${n}`,
		email: `posetilac${n}@example.rs`,
		partySize,
		locale: 'sr-Latn',
		consent: { privacy: true, photos: false, newsletter: false, research: false },
		demographics: {},
		...overrides,
	}
}

/** A published workshop of this many places, 19 December 2026, parties up to 6; the one the helpers below use. */
function makeEvent(capacity: number | null, waitlist = true) {
	const event = createEventInDb(
		{ venueName: 'Centar', startsAt: new Date('2026-12-19T09:00:00Z'), endsAt: new Date('2026-12-19T11:00:00Z'), capacity, waitlist },
		{ actor: organizer, now },
	)
	slug = event.slug
	return event
}

const register = (input: RegistrationInput, at = now) => registerVisitor(getDb(), { slug }, input, 'api', { kind: 'system' }, at)
/** The raw token of the private link minted with the registration (the database keeps only its hash). */
const tokenOf = (result: ReturnType<typeof register>) => (result.kind === 'created' ? result.manageToken : '')
const eventRow = () => getDb().select().from(events).where(eq(events.slug, slug)).get()!
const mails = (registrationId: number) =>
	getDb()
		.select()
		.from(outbox)
		.where(eq(outbox.registrationId, registrationId))
		.all()
		.map((m) => m.template)

/** The counters must always equal the sum over the rows. */
function expectCountersConsistent() {
	const event = eventRow()
	const rows = getDb().select().from(registrations).where(eq(registrations.eventId, event.id)).all()
	const sum = (status: string) => rows.filter((r) => r.status === status).reduce((s, r) => s + r.partySize, 0)
	expect(event.confirmedPersons).toBe(sum('confirmed'))
	expect(event.waitlistedPersons).toBe(sum('waitlisted'))
	if (event.capacity !== null) expect(event.confirmedPersons).toBeLessThanOrEqual(event.capacity)
}

describe('registering', () => {
	beforeEach(() => {
		makeEvent(5)
	})

	test('confirmed with a valid signed ticket, counters and confirmation mail', () => {
		const result = register(visitor(2))
		expect(result.kind).toBe('created')
		if (result.kind !== 'created') return
		expect(result.registration.status).toBe('confirmed')
		const verified = checkTicketCode(result.registration.ticketCode!)
		expect(verified.valid && verified.claims.registrationId).toBe(result.registration.id)
		expect(eventRow().confirmedPersons).toBe(2)
		expect(mails(result.registration.id)).toEqual(['registration-confirmed'])
		expectCountersConsistent()
	})

	test('a party that does not fit waits; the position is told', () => {
		register(visitor(4))
		const second = register(visitor(2))
		const third = register(visitor(1))
		expect(second.kind === 'created' && [second.registration.status, second.position]).toEqual(['waitlisted', 1])
		// One place is still free and the single person fits: they are confirmed, not queued.
		expect(third.kind === 'created' && third.registration.status).toBe('confirmed')
		const fourth = register(visitor(1))
		expect(fourth.kind === 'created' && [fourth.registration.status, fourth.position]).toEqual(['waitlisted', 2])
		expect(mails(second.kind === 'created' ? second.registration.id : 0)).toEqual(['registration-waitlisted'])
		expectCountersConsistent()
	})

	test('the same address twice: no second registration, the link is mailed again', () => {
		const first = register(visitor(1, { email: 'ana@example.rs' }))
		const again = register(visitor(1, { email: 'ana@example.rs' }))
		expect(again.kind).toBe('already_registered')
		expect(again.registration.id).toBe(first.registration.id)
		expect(mails(first.registration.id)).toEqual(['registration-confirmed', 'registration-link'])
		expect(eventRow().confirmedPersons).toBe(1)
	})

	test('after cancelling, the same address may register again', () => {
		const first = register(visitor(1, { email: 'mila@example.rs' }))
		cancelByManageToken(getDb(), tokenOf(first), now)
		expect(register(visitor(1, { email: 'mila@example.rs' })).kind).toBe('created')
	})

	test('sold out without a waiting list; closed after the start; too large a party', () => {
		makeEvent(1, false)
		register(visitor(1))
		expect(() => register(visitor(1))).toThrow(expect.objectContaining({ code: 'sold_out' }))
		expect(() => register(visitor(1), new Date('2026-12-19T09:00:00Z'))).toThrow(expect.objectContaining({ code: 'registration_closed' }))
		expect(() => register(visitor(7))).toThrow(expect.objectContaining({ code: 'party_too_large' }))
		expectCountersConsistent()
	})
})

describe('cancelling and promotion', () => {
	test('cancelling twice frees the places once and promotes in order, the first that fits', () => {
		makeEvent(4)
		const a = register(visitor(3))
		const b = register(visitor(1))
		const w1 = register(visitor(3)) // waits
		const w2 = register(visitor(1)) // waits: full
		const w3 = register(visitor(2)) // waits
		expect([w1, w2, w3].map((r) => r.registration.status)).toEqual(['waitlisted', 'waitlisted', 'waitlisted'])

		// One place frees: w1 (3) does not fit, w2 (1) does.
		const first = cancelByManageToken(getDb(), tokenOf(b), now)
		expect(first.promoted).toEqual([w2.registration.id])
		const second = cancelByManageToken(getDb(), tokenOf(b), now)
		expect(second).toMatchObject({ promoted: [], changed: false })
		expect(eventRow().confirmedPersons).toBe(4)
		expectCountersConsistent()

		// Three places free: w1 (3) is first in line and fits.
		const third = cancelByOrganizer(getDb(), a.registration.id, organizer, now)
		expect(third.promoted).toEqual([w1.registration.id])
		expect(mails(w1.registration.id)).toEqual(['registration-waitlisted', 'registration-promoted'])
		const promoted = getDb().select().from(registrations).where(eq(registrations.id, w1.registration.id)).get()!
		expect(promoted.status).toBe('confirmed')
		expect(checkTicketCode(promoted.ticketCode!).valid).toBe(true)
		expectCountersConsistent()
	})

	test('a cancelled ticket code is revoked', () => {
		makeEvent(3)
		const r = register(visitor(1))
		cancelByManageToken(getDb(), tokenOf(r), now)
		const row = getDb().select().from(registrations).where(eq(registrations.id, r.registration.id)).get()!
		expect(row.ticketCode).toBeNull()
		expect(mails(r.registration.id)).toEqual(['registration-confirmed', 'registration-cancelled'])
	})

	test('raising the capacity promotes at once', () => {
		const event = makeEvent(1)
		register(visitor(1))
		const waiting = register(visitor(2))
		updateEvent(getDb(), event.id, { capacity: 3 }, organizer, now)
		expect(getDb().select().from(registrations).where(eq(registrations.id, waiting.registration.id)).get()!.status).toBe('confirmed')
		expectCountersConsistent()
	})

	test('lowering the capacity below the registered persons is refused', () => {
		const event = makeEvent(5)
		register(visitor(3))
		expect(() => updateEvent(getDb(), event.id, { capacity: 2 }, organizer, now)).toThrow(expect.objectContaining({ code: 'capacity_below_registered' }))
	})
})

describe('event changes reach the visitors', () => {
	test('a new time mails an updated invite to each confirmed visitor; a cancellation to everyone', () => {
		const event = makeEvent(1)
		const confirmed = register(visitor(1))
		const waiting = register(visitor(1))
		updateEvent(getDb(), event.id, { startsAt: new Date('2026-12-19T10:00:00Z'), endsAt: new Date('2026-12-19T12:00:00Z') }, organizer, now)
		expect(mails(confirmed.registration.id)).toEqual(['registration-confirmed', 'event-updated'])
		expect(mails(waiting.registration.id)).toEqual(['registration-waitlisted'])
		const updated = getDb().select().from(outbox).where(eq(outbox.registrationId, confirmed.registration.id)).all()[1]!
		expect((updated.params as { event: { sequence: number } }).event.sequence).toBe(1)
		updateEvent(getDb(), event.id, { status: 'cancelled' }, organizer, now)
		expect(mails(confirmed.registration.id).at(-1)).toBe('event-cancelled')
		expect(mails(waiting.registration.id).at(-1)).toBe('event-cancelled')
	})
})

describe('erasing one’s data', () => {
	test('cancels, overwrites the personal data, drops unsent mail', () => {
		makeEvent(2)
		const r = register(visitor(1, { name: 'Jelena Jovanović', email: 'jelena@example.rs', demographics: { gender: 'female', municipality: 'krusevac' } }))
		eraseByManageToken(getDb(), tokenOf(r), now)
		const row = getDb().select().from(registrations).where(eq(registrations.id, r.registration.id)).get()!
		expect(row).toMatchObject({ status: 'cancelled', name: '', gender: null, municipality: null })
		expect(row.email).not.toContain('jelena')
		expect(JSON.stringify(getDb().select().from(outbox).all())).not.toContain('jelena')
		expect(() => cancelByManageToken(getDb(), tokenOf(r), now)).toThrow(ServiceError)
		expectCountersConsistent()
	})
})

describe('idempotency', () => {
	test('a repeated key returns the first answer and creates nothing; a refusal is remembered too', () => {
		makeEvent(1, false)
		const request = { scope: `registrations:${slug}`, key: 'k-1', bodyHash: 'h1' }
		const work = () => {
			const r = register(visitor(1))
			return { status: 201, body: { id: r.registration.id } }
		}
		const answerError = (e: ServiceError) => ({ status: e.status, body: { error: e.code } })
		const first = runIdempotent(getDb(), request, work, answerError, now)
		const again = runIdempotent(getDb(), request, work, answerError, now)
		expect(again).toEqual({ ...first, replayed: true })
		expect(eventRow().confirmedPersons).toBe(1)
		expect(runIdempotent(getDb(), { ...request, bodyHash: 'other' }, work, answerError, now).body).toEqual({ error: 'idempotency_key_reused' })
		const refused = runIdempotent(getDb(), { ...request, key: 'k-2' }, work, answerError, now)
		expect(refused).toMatchObject({ status: 409, body: { error: 'sold_out' } })
		expect(runIdempotent(getDb(), { ...request, key: 'k-2' }, work, answerError, now)).toMatchObject({ status: 409, replayed: true })
	})
})

test('the database file really holds it (a second connection sees the rows)', () => {
	makeEvent(2)
	register(visitor(1))
	const other = new Database(getEnv().DATABASE_PATH, { readonly: true })
	try {
		expect((other.prepare('select count(*) as n from registrations').get() as { n: number }).n).toBeGreaterThan(0)
	} finally {
		other.close()
	}
})
