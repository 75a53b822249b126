// The life of an application against a real migrated SQLite file: staged decisions email nobody
// until released, a release mails each changed decision once, withdrawal and a missed confirmation
// deadline offer the place to the first waitlisted exhibitor, reminders go out once, erasure.
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { applicationApiSchema } from '#app/domain/application-input.ts'
import { DEFAULT_CATEGORIES } from '#app/domain/application-options.ts'
import { exhibitorView } from '#app/domain/application-status.ts'
import {
	confirmParticipation,
	decideApplication,
	eraseApplication,
	releaseDecisions,
	sweepApplicationDeadlines,
	withdrawApplication,
} from '#app/services/commands/application-lifecycle.server.ts'
import { unreleasedDecisions } from '#app/services/queries/applications.server.ts'
import { submitApplication } from '#app/services/commands/applications.server.ts'
import { updateEvent } from '#app/services/commands/events.server.ts'
import { stopOptionalMailsByApplicationToken, sweepReminders } from '#app/services/commands/reminders.server.ts'
import { applications, fairSettings, outbox, standAssignments, stands, type ApplicationRow } from '#db/schema/index.ts'
import { getDb } from '#app/utils/db.server.ts'
import { uniqueTitle } from '#tests/support/events.ts'
import { createEventInDb } from '#tests/support/service-events.ts'

const DAY = 24 * 60 * 60 * 1000
const now = new Date('2026-11-01T10:00:00Z')
const later = (ms: number) => new Date(now.getTime() + ms)
const organizer = { kind: 'user', id: 1 } as const
let slug = ''
let eventId = 0
let n = 0

/** The new application with the raw token of its magic link (the database keeps only its hash). */
function apply(name: string, locale: 'sr-Latn' | 'sr-Cyrl' | 'en' = 'sr-Latn'): ApplicationRow & { manageToken: string } {
	n++
	const body = applicationApiSchema(DEFAULT_CATEGORIES, now).parse({
		organization: { name, legalForm: 'association', municipality: 'krusevac', companyNumber: '28123456', pib: '101134702' },
		contact: { name: `Kontakt ${n}`, email: `kontakt${n}@example.rs` },
		products: 'Ručni radovi i suveniri',
		category: 'handicrafts',
		consent: { privacy: true, catalogue: true },
	})
	const result = submitApplication(getDb(), slug, body, now, { kind: 'system' }, locale)
	return { ...result.application, manageToken: result.manageToken }
}

const row = (id: number) => getDb().select().from(applications).where(eq(applications.id, id)).get()!
const mailsOf = (id: number) =>
	getDb()
		.select()
		.from(outbox)
		.where(eq(outbox.applicationId, id))
		.all()
		.map((m) => m.template)
const decide = (a: ApplicationRow, decision: 'accepted' | 'waitlisted' | 'rejected', note: string | null = null) =>
	decideApplication(getDb(), a.id, decision, note, organizer, now)

beforeEach(() => {
	const event = createEventInDb(
		{
			title: uniqueTitle('Mini-sajam'),
			kind: 'fair',
			venueName: 'Trg kosovskih junaka',
			startsAt: new Date('2026-12-19T09:00:00Z'),
			endsAt: new Date('2026-12-19T16:00:00Z'),
			waitlist: false,
		},
		{ actor: organizer, now },
	)
	slug = event.slug
	eventId = event.id
	getDb().insert(fairSettings).values({ eventId, confirmationDays: 5 }).run()
})

describe('submitting', () => {
	test('queues the received mail in the language of the application, with the magic link', () => {
		const a = apply('Udruženje Duga', 'sr-Cyrl')
		expect(a.locale).toBe('sr-Cyrl')
		const mail = getDb().select().from(outbox).where(eq(outbox.applicationId, a.id)).get()!
		expect(mail).toMatchObject({ template: 'application-received', locale: 'sr-Cyrl', toAddress: a.contactEmail, eventId })
		expect(mail.params).toMatchObject({ application: { id: a.id, manageToken: a.manageToken }, event: { slug } })
	})
})

describe('staged decisions and release', () => {
	test('nobody is emailed about a decision until the release; the exhibitor still sees "submitted"', () => {
		const a = apply('Zadruga Rasinka')
		const b = apply('Udruženje Iskra')
		const c = apply('Radionica Leptir')
		decide(a, 'accepted', 'Dobrodošli!')
		decide(b, 'waitlisted')
		decide(c, 'rejected')
		decide(c, 'accepted') // a misclick corrected before release: only the final one counts
		for (const x of [a, b, c]) {
			expect(mailsOf(x.id)).toEqual(['application-received'])
			expect(exhibitorView(row(x.id), now).status).toBe('submitted')
		}
		expect(row(a.id).status).toBe('accepted')
		expect(unreleasedDecisions(getDb(), eventId).map((x) => x.id)).toEqual([a.id, b.id, c.id])

		expect(releaseDecisions(getDb(), eventId, organizer, now)).toEqual({ released: 3 })
		for (const x of [a, b, c]) expect(mailsOf(x.id)).toEqual(['application-received', 'application-decision'])
		expect(exhibitorView(row(a.id), now)).toMatchObject({ status: 'accepted', canConfirm: true, confirmBy: later(5 * DAY) })
		expect(exhibitorView(row(b.id), now).status).toBe('waitlisted')
		const decisionMail = getDb().select().from(outbox).where(eq(outbox.applicationId, a.id)).all()[1]!
		expect(decisionMail.params).toMatchObject({
			application: { releasedStatus: 'accepted', decisionNote: 'Dobrodošli!', confirmBy: later(5 * DAY).toISOString() },
		})

		// Nothing left to release: a second release mails nobody.
		expect(releaseDecisions(getDb(), eventId, organizer, now)).toEqual({ released: 0 })
		// A changed decision is staged again, and only that one is mailed at the next release.
		decide(b, 'rejected')
		expect(exhibitorView(row(b.id), now).status).toBe('waitlisted')
		expect(releaseDecisions(getDb(), eventId, organizer, now)).toEqual({ released: 1 })
		expect(mailsOf(b.id)).toEqual(['application-received', 'application-decision', 'application-decision'])
		expect(mailsOf(a.id)).toHaveLength(2)
	})

	test('a stand allocated before the acceptance was released is mailed right after the decision', () => {
		const a = apply('Zadruga Rasinka')
		const b = apply('Udruženje Iskra')
		decide(a, 'accepted')
		decide(b, 'accepted')
		const stand = getDb()
			.insert(stands)
			.values({ eventId, label: 'A1', x: 0, y: 0, width: 3, height: 2, sizeM2: 6, createdAt: now, updatedAt: now })
			.returning()
			.get()
		getDb().insert(standAssignments).values({ applicationId: a.id, eventId, standId: stand.id, assignedAt: now }).run()
		expect(mailsOf(a.id)).toEqual(['application-received'])
		releaseDecisions(getDb(), eventId, organizer, now)
		expect(mailsOf(a.id)).toEqual(['application-received', 'application-decision', 'application-stand'])
		expect(mailsOf(b.id)).toEqual(['application-received', 'application-decision'])
		expect(getDb().select().from(standAssignments).where(eq(standAssignments.applicationId, a.id)).get()?.notifiedAt).toEqual(now)
		// Withdrawing gives the stand up.
		withdrawApplication(getDb(), a.manageToken, now)
		expect(getDb().select().from(standAssignments).where(eq(standAssignments.applicationId, a.id)).get()).toBeUndefined()
	})

	test('when the fair moves, exhibitors told their stand get it again with the new setup time', () => {
		const told = apply('Zadruga Rasinka')
		const untold = apply('Udruženje Iskra')
		for (const a of [told, untold]) decide(a, 'accepted')
		releaseDecisions(getDb(), eventId, organizer, now)
		for (const [a, label, notifiedAt] of [
			[told, 'A1', now],
			[untold, 'A2', null],
		] as const) {
			const stand = getDb()
				.insert(stands)
				.values({ eventId, label, x: label === 'A1' ? 0 : 3, y: 0, width: 3, height: 2, sizeM2: 6, createdAt: now, updatedAt: now })
				.returning()
				.get()
			getDb().insert(standAssignments).values({ applicationId: a.id, eventId, standId: stand.id, assignedAt: now, notifiedAt }).run()
		}
		updateEvent(getDb(), eventId, { startsAt: new Date('2026-12-20T09:00:00Z'), endsAt: new Date('2026-12-20T16:00:00Z') }, organizer, later(DAY))
		expect(mailsOf(told.id)).toEqual(['application-received', 'application-decision', 'application-stand'])
		expect(mailsOf(untold.id)).toEqual(['application-received', 'application-decision'])
		const mail = getDb().select().from(outbox).where(eq(outbox.applicationId, told.id)).all().at(-1)!
		expect(mail.params).toMatchObject({ stand: { label: 'A1' }, setupStartsAt: '2026-12-20T08:00:00.000Z', event: { sequence: 1 } })
	})

	test('when the fair is cancelled, everyone still in the running is told; a told stand gets its slot cancelled', () => {
		const accepted = apply('Zadruga Rasinka')
		const waiting = apply('Udruženje Iskra')
		const rejected = apply('Radionica Leptir')
		const gone = apply('Pčelarstvo Jovanović')
		const pending = apply('Eko radionica')
		decide(accepted, 'accepted')
		decide(waiting, 'waitlisted')
		decide(rejected, 'rejected')
		releaseDecisions(getDb(), eventId, organizer, now)
		withdrawApplication(getDb(), gone.manageToken, now)
		const stand = getDb()
			.insert(stands)
			.values({ eventId, label: 'A1', x: 0, y: 0, width: 3, height: 2, sizeM2: 6, createdAt: now, updatedAt: now })
			.returning()
			.get()
		getDb().insert(standAssignments).values({ applicationId: accepted.id, eventId, standId: stand.id, assignedAt: now, notifiedAt: now }).run()
		updateEvent(getDb(), eventId, { status: 'cancelled' }, organizer, later(DAY))
		for (const a of [accepted, waiting, pending]) expect(mailsOf(a.id).at(-1)).toBe('application-fair-cancelled')
		for (const a of [rejected, gone]) expect(mailsOf(a.id)).not.toContain('application-fair-cancelled')
		const mail = getDb().select().from(outbox).where(eq(outbox.applicationId, accepted.id)).all().at(-1)!
		expect(mail.params).toMatchObject({ stand: { label: 'A1' }, event: { status: 'cancelled' } })
		const toPending = getDb().select().from(outbox).where(eq(outbox.applicationId, pending.id)).all().at(-1)!
		expect(toPending.params).not.toHaveProperty('stand')
		// No reminders or expiries for a cancelled fair (the sweep covers every fair: look at this one).
		sweepApplicationDeadlines(getDb(), later(4 * DAY))
		sweepApplicationDeadlines(getDb(), later(6 * DAY))
		expect(mailsOf(accepted.id).at(-1)).toBe('application-fair-cancelled')
		expect(row(accepted.id).status).toBe('accepted')
	})

	test('cancelling the fair passes the organizers’ message to the exhibitors too', () => {
		const accepted = apply('Zadruga Rasinka')
		decide(accepted, 'accepted')
		releaseDecisions(getDb(), eventId, organizer, now)
		updateEvent(getDb(), eventId, { status: 'cancelled' }, organizer, later(DAY), { message: 'Zbog nevremena sajam se seli na proleće.' })
		const mail = getDb().select().from(outbox).where(eq(outbox.applicationId, accepted.id)).all().at(-1)!
		expect(mail).toMatchObject({ template: 'application-fair-cancelled', params: { message: 'Zbog nevremena sajam se seli na proleće.' } })
	})

	test('exhibitors who confirmed and were told their stand get one setup reminder 24 h before setting up; not after a stop', async () => {
		getDb().update(fairSettings).set({ setupMinutesBefore: 60 }).where(eq(fairSettings.eventId, eventId)).run()
		const told = apply('Zadruga Rasinka')
		const stopped = apply('Udruženje Iskra')
		const unconfirmed = apply('Eko radionica')
		for (const a of [told, stopped, unconfirmed]) decide(a, 'accepted')
		releaseDecisions(getDb(), eventId, organizer, now)
		confirmParticipation(getDb(), told.manageToken, now)
		confirmParticipation(getDb(), stopped.manageToken, now)
		for (const [i, a] of [told, stopped, unconfirmed].entries()) {
			const stand = getDb()
				.insert(stands)
				.values({ eventId, label: `S${i + 1}`, x: i * 4, y: 0, width: 3, height: 2, sizeM2: 6, createdAt: now, updatedAt: now })
				.returning()
				.get()
			getDb().insert(standAssignments).values({ applicationId: a.id, eventId, standId: stand.id, assignedAt: now, notifiedAt: now }).run()
		}
		expect(stopOptionalMailsByApplicationToken(getDb(), stopped.manageToken, now)?.stoppedAt).toEqual(now)
		// Setting up starts at 09:00 Belgrade on 19 December: the reminder is due from 09:00 the day before.
		await sweepReminders(getDb(), new Date('2026-12-18T07:59:59.999Z'))
		expect(mailsOf(told.id)).not.toContain('application-setup-reminder')
		await sweepReminders(getDb(), new Date('2026-12-18T08:00:00.000Z'))
		await sweepReminders(getDb(), new Date('2026-12-18T12:00:00.000Z'))
		expect(mailsOf(told.id).filter((t) => t === 'application-setup-reminder')).toHaveLength(1)
		const mail = getDb().select().from(outbox).where(eq(outbox.applicationId, told.id)).all().at(-1)!
		expect(mail.params).toMatchObject({ stand: { label: 'S1' }, setupStartsAt: '2026-12-19T08:00:00.000Z' })
		expect(mailsOf(stopped.id)).not.toContain('application-setup-reminder')
		expect(mailsOf(unconfirmed.id)).not.toContain('application-setup-reminder')
	})

	test('the confirmation deadline never falls after the fair starts', () => {
		getDb().update(fairSettings).set({ confirmationDays: 60 }).where(eq(fairSettings.eventId, eventId)).run()
		const a = apply('Zadruga Rasinka')
		decide(a, 'accepted')
		releaseDecisions(getDb(), eventId, organizer, now)
		expect(row(a.id).confirmBy).toEqual(new Date('2026-12-19T09:00:00Z'))
	})

	test('a withdrawn application cannot be decided', () => {
		const a = apply('Zadruga Rasinka')
		withdrawApplication(getDb(), a.manageToken, now)
		expect(() => decide(a, 'accepted')).toThrow('application_withdrawn')
	})
})

describe('confirmation, withdrawal and the waiting list', () => {
	function acceptedWithWaitlist() {
		const accepted = apply('Zadruga Rasinka')
		const first = apply('Udruženje Iskra')
		const second = apply('Radionica Leptir')
		const staged = apply('Pčelarstvo Jovanović')
		decide(accepted, 'accepted')
		decide(first, 'waitlisted')
		decide(second, 'waitlisted')
		releaseDecisions(getDb(), eventId, organizer, now)
		decide(staged, 'waitlisted') // staged, not released: never offered a place
		return { accepted, first, second, staged }
	}

	test('confirming before the deadline; not before acceptance is released; not after the deadline', () => {
		const { accepted, first } = acceptedWithWaitlist()
		expect(() => confirmParticipation(getDb(), first.manageToken, now)).toThrow('not_accepted')
		const staged = apply('Nova zadruga')
		decide(staged, 'accepted')
		expect(() => confirmParticipation(getDb(), staged.manageToken, now)).toThrow('not_accepted')
		expect(() => confirmParticipation(getDb(), accepted.manageToken, later(6 * DAY))).toThrow('confirmation_closed')
		expect(confirmParticipation(getDb(), accepted.manageToken, later(DAY)).changed).toBe(true)
		expect(confirmParticipation(getDb(), accepted.manageToken, later(DAY)).changed).toBe(false)
		expect(exhibitorView(row(accepted.id), later(DAY))).toMatchObject({ status: 'accepted', confirmed: true, canConfirm: false })
	})

	test('an accepted exhibitor withdrawing offers the place to the first released waitlisted one', () => {
		const { accepted, first, second, staged } = acceptedWithWaitlist()
		const result = withdrawApplication(getDb(), accepted.manageToken, later(DAY))
		expect(result.offered?.id).toBe(first.id)
		expect(row(first.id)).toMatchObject({ status: 'accepted', releasedStatus: 'accepted', confirmBy: later(6 * DAY) })
		expect(mailsOf(first.id)).toEqual(['application-received', 'application-decision', 'application-offer'])
		expect(row(second.id).status).toBe('waitlisted')
		expect(mailsOf(staged.id)).toEqual(['application-received'])
		// Withdrawing again changes nothing and offers nothing more.
		expect(withdrawApplication(getDb(), accepted.manageToken, later(DAY))).toMatchObject({ changed: false, offered: null })
		expect(row(second.id).status).toBe('waitlisted')
	})

	test('withdrawing an unreleased acceptance or a waitlisted application offers nothing', () => {
		const { first, second } = acceptedWithWaitlist()
		const stagedAccept = apply('Nova zadruga')
		decide(stagedAccept, 'accepted')
		expect(withdrawApplication(getDb(), stagedAccept.manageToken, now).offered).toBeNull()
		expect(withdrawApplication(getDb(), first.manageToken, now).offered).toBeNull()
		expect(row(second.id).status).toBe('waitlisted')
	})

	test('the deadline sweep reminds once, then gives up a missed place to the waiting list', () => {
		// The sweep covers every fair; the other tests' fairs would count too.
		getDb().delete(applications).run()
		const { accepted, first } = acceptedWithWaitlist()
		const confirmer = apply('Eko radionica')
		decide(confirmer, 'accepted')
		releaseDecisions(getDb(), eventId, organizer, now)
		confirmParticipation(getDb(), confirmer.manageToken, later(DAY))

		expect(sweepApplicationDeadlines(getDb(), later(DAY))).toEqual({ reminded: 0, expired: 0, offered: 0 })
		expect(sweepApplicationDeadlines(getDb(), later(3.5 * DAY))).toEqual({ reminded: 1, expired: 0, offered: 0 })
		expect(sweepApplicationDeadlines(getDb(), later(4 * DAY))).toEqual({ reminded: 0, expired: 0, offered: 0 })
		expect(mailsOf(accepted.id)).toEqual(['application-received', 'application-decision', 'application-confirm-reminder'])

		expect(sweepApplicationDeadlines(getDb(), later(5 * DAY))).toEqual({ reminded: 0, expired: 1, offered: 1 })
		expect(row(accepted.id)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'confirmation_missed' })
		expect(exhibitorView(row(accepted.id), later(5 * DAY))).toMatchObject({ status: 'withdrawn', confirmationMissed: true })
		expect(row(first.id)).toMatchObject({ status: 'accepted', confirmBy: later(10 * DAY) })
		expect(row(confirmer.id)).toMatchObject({ status: 'accepted', withdrawnAt: null })
		// Running the sweep again at the same moment changes nothing.
		expect(sweepApplicationDeadlines(getDb(), later(5 * DAY))).toEqual({ reminded: 0, expired: 0, offered: 0 })
	})
})

describe('erasure', () => {
	test('removes the application and the parameters of its mails, and frees a released place', () => {
		const accepted = apply('Zadruga Rasinka')
		const waiting = apply('Udruženje Iskra')
		decide(accepted, 'accepted')
		decide(waiting, 'waitlisted')
		releaseDecisions(getDb(), eventId, organizer, now)
		// Pretend the received mail went out: its row stays, blanked; unsent ones are dropped.
		getDb().update(outbox).set({ status: 'sent' }).where(eq(outbox.template, 'application-received')).run()
		eraseApplication(getDb(), accepted.manageToken, now)
		expect(getDb().select().from(applications).where(eq(applications.id, accepted.id)).get()).toBeUndefined()
		const left = getDb()
			.select()
			.from(outbox)
			.all()
			.filter((m) => m.toAddress === accepted.contactEmail || JSON.stringify(m.params).includes(accepted.manageToken))
		expect(left).toEqual([])
		expect(row(waiting.id).status).toBe('accepted')
		expect(() => eraseApplication(getDb(), accepted.manageToken, now)).toThrow('not_found')
	})
})
