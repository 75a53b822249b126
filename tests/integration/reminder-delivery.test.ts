// A reminder queued but not yet sent when the person cancels, stops these mails, or the event is
// cancelled: delivery holds it back (settled "withheld" with the reason, not a failure), while the
// mails one needs still go, without List-Unsubscribe. Against a real migrated SQLite file.
import { eq, inArray } from 'drizzle-orm'
import type { SendMailOptions } from 'nodemailer'
import { expect, test } from 'vitest'
import { outbox } from '#db/schema/index.ts'
import { cancelByManageToken, registerVisitor } from '#app/services/commands/registrations.server.ts'
import { stopOptionalMailsByTicketToken, sweepReminders } from '#app/services/commands/reminders.server.ts'
import { deliverDueMail, type Mailer } from '#app/services/workers/outbox-delivery.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { createEventInDb } from '#tests/support/service-events.ts'

const registeredAt = new Date('2026-11-01T10:00:00Z')

function fakeMailer() {
	const sent: SendMailOptions[] = []
	const mailer: Mailer = {
		mode: 'file',
		from: { name: 'Sajam', address: 'no-reply@sajam.test' },
		publicUrl: 'https://sajam.test',
		contactEmail: 'centar@sajam.test',
		async send(message) {
			sent.push(message)
			return { note: null }
		},
		forget: () => {},
		close: () => {},
	}
	return { sent, mailer }
}

test('a queued reminder is not sent after a cancellation or a stop; the one that goes names its stop link', async () => {
	const event = createEventInDb({ startsAt: new Date('2026-12-19T09:00:00Z'), endsAt: new Date('2026-12-19T11:00:00Z') })
	const register = (name: string) => {
		const result = registerVisitor(
			getDb(),
			{ id: event.id },
			{
				name,
				email: `${name}@primer.rs`,
				partySize: 1,
				locale: 'sr-Latn',
				consent: { privacy: true, photos: false, newsletter: false, research: false },
				demographics: {},
			},
			'api',
			{ kind: 'system' },
			registeredAt,
		)
		if (result.kind !== 'created') throw new Error('not created')
		return result
	}
	const ana = register('ana')
	const boris = register('boris')
	register('cvijeta')
	expect(await sweepReminders(getDb(), new Date('2026-12-18T09:30:00Z'))).toMatchObject({ reminders: 3 })
	// Queued, not sent yet: Ana cancels, Boris stops the optional mails.
	cancelByManageToken(getDb(), ana.manageToken)
	stopOptionalMailsByTicketToken(getDb(), boris.manageToken)

	const { sent, mailer } = fakeMailer()
	const summary = await deliverDueMail(getDb(), mailer)
	expect(summary.withdrawn).toBe(2)
	expect(summary.failed).toBe(0)
	const reminders = sent.filter((m) => String(m.subject).startsWith('Podsetnik'))
	expect(reminders.map((m) => (m.to as { address: string }).address)).toEqual(['cvijeta@primer.rs'])
	const headers = reminders[0]!.headers as Record<string, string>
	expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/sajam\.test\/tickets\/[A-Za-z0-9_-]+\/stop-mails>, <mailto:centar@sajam\.test\?subject=stop>$/)
	expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
	// The tickets and Ana's cancellation went, without a stop link.
	const needed = sent.filter((m) => !String(m.subject).startsWith('Podsetnik'))
	expect(needed.length).toBeGreaterThanOrEqual(4)
	for (const m of needed) expect(m.headers as Record<string, string>).not.toHaveProperty('List-Unsubscribe')
	const held = getDb()
		.select({ registrationId: outbox.registrationId, status: outbox.status, lastError: outbox.lastError })
		.from(outbox)
		.where(inArray(outbox.registrationId, [ana.registration.id, boris.registration.id]))
		.all()
		.filter((r) => r.status === 'withheld')
	// Withheld, with the reason: not a failure an organizer should act on.
	expect(held).toEqual([
		{ registrationId: ana.registration.id, status: 'withheld', lastError: 'registration_cancelled' },
		{ registrationId: boris.registration.id, status: 'withheld', lastError: 'mails_stopped' },
	])
	expect(getDb().select().from(outbox).where(eq(outbox.status, 'pending')).all()).toEqual([])
})
