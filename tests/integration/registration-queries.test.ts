// The read side of the organizer's registrations page on a real migrated SQLite file: what the
// page's loader and the CSV export get. In particular, demographic answers never come out.
import { beforeAll, describe, expect, test } from 'vitest'
import { parseListQuery } from '#app/domain/registration-admin-input.ts'
import { listRegistrations, registrationCounts, registrationsCsvStream, registrationsPage } from '#app/services/queries/registration-queries.server.ts'
import { cancelByOrganizer, registerVisitor } from '#app/services/commands/registrations.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getT } from '#app/utils/i18n.server.ts'
import type { EventRow } from '#db/schema/index.ts'
import { createEventInDb } from '#tests/support/service-events.ts'

const system = { kind: 'system' } as const
let event: EventRow
const id: Record<string, number> = {}

function register(name: string, email: string, partySize: number, demographics: Record<string, string>) {
	const result = registerVisitor(
		getDb(),
		{ id: event.id },
		{ name, email, partySize, locale: 'sr-Cyrl', consent: { privacy: true, photos: true, newsletter: false, research: true }, demographics },
		'web',
		system,
	)
	return result.registration.id
}

beforeAll(() => {
	const start = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 4, 20, 8))
	event = createEventInDb({
		title: 'Okrugli sto o zapošljavanju',
		kind: 'roundtable',
		venueName: 'Kulturni centar',
		startsAt: start,
		endsAt: new Date(start.getTime() + 3 * 3600_000),
		capacity: 3,
		maxPartySize: 2,
	})
	id.ljubica = register('Љубица Ђорђевић', 'ljubica@example.rs', 2, { gender: 'female', ageGroup: '50_64', municipality: 'brus', vulnerableGroup: 'roma' })
	id.dzemal = register('Džemal Šaćirović', 'dzemal@example.rs', 1, { gender: 'male', vulnerableGroup: 'disability', municipality: 'trstenik' })
	id.zorica = register('Zorica Čolić', 'zorica@example.rs', 2, { ageGroup: 'under_15', municipality: 'varvarin' })
	id.milan = register('Milan Ćirić', 'milan@example.rs', 1, { gender: 'other' })
	cancelByOrganizer(getDb(), id.milan, system)
})

describe('registration queries', () => {
	test('counts persons and parties per status', () => {
		expect(registrationCounts(getDb(), event.id)).toEqual({
			confirmed: { persons: 3, parties: 2 },
			waitlisted: { persons: 2, parties: 1 },
			cancelled: { persons: 1, parties: 1 },
		})
	})

	test('search folds scripts, diacritics and đ/dj both ways, and takes the words in any order', () => {
		const find = (q: string) => listRegistrations(getDb(), event.id, { q, status: 'all', page: 1 }).rows.map((r) => r.id)
		expect(find('ljubica djordjevic')).toEqual([id.ljubica])
		expect(find('Ђорђевић')).toEqual([id.ljubica])
		expect(find('dordevic')).toEqual([id.ljubica])
		expect(find('џемал')).toEqual([id.dzemal])
		expect(find('SACIROVIC')).toEqual([id.dzemal])
		expect(find('čolić')).toEqual([id.zorica])
		// Words in any order, each of them required, in the name or the address.
		expect(find('djordjevic ljubica')).toEqual([id.ljubica])
		expect(find('Ђорђевић Љубица')).toEqual([id.ljubica])
		expect(find('ŠAĆIROVIĆ   Džemal')).toEqual([id.dzemal])
		expect(find('čolić ljubica')).toEqual([])
		expect(find('zorica example.rs')).toEqual([id.zorica])
		expect(listRegistrations(getDb(), event.id, { q: 'Ćirić Milan', status: 'cancelled', page: 1 }).rows.map((r) => r.id)).toEqual([id.milan])
		expect(listRegistrations(getDb(), event.id, { q: 'Ćirić Milan', status: 'confirmed', page: 1 }).total).toBe(0)
		expect(find('  ')).toHaveLength(4)
		// A LIKE pattern would treat these as wildcards; the search takes them literally.
		expect(find('%')).toEqual([])
		expect(find('_')).toEqual([])
	})

	test('pages by the given size and clamps a page past the end', () => {
		const page = (n: number) => listRegistrations(getDb(), event.id, { q: '', status: 'all', page: n }, 3)
		expect(page(1)).toMatchObject({ total: 4, page: 1, pageCount: 2 })
		expect(page(1).rows.map((r) => r.id)).toEqual([id.milan, id.zorica, id.dzemal])
		expect(page(2).rows.map((r) => r.id)).toEqual([id.ljubica])
		expect(page(7).page).toBe(2)
	})

	test("the page's data carries no demographic answer, no token and no ticket code", () => {
		const data = registrationsPage(getDb(), event, parseListQuery(new URLSearchParams(`rid=${id.ljubica}&notice=confirmed`)), 'sr-Latn')
		expect(data.rows).toHaveLength(4)
		expect(data.subject).toMatchObject({ name: 'Љубица Ђорђевић', status: 'confirmed', position: null })
		const text = JSON.stringify(data)
		for (const answer of ['female', 'male', 'other', '50_64', 'under_15', 'brus', 'trstenik', 'varvarin', 'roma', 'disability']) {
			expect(text).not.toContain(`"${answer}"`)
		}
		for (const key of ['gender', 'ageGroup', 'municipality', 'vulnerableGroup', 'manageToken', 'ticketCode']) expect(text).not.toContain(`"${key}"`)
		expect(data.rows.find((r) => r.id === id.zorica)).toMatchObject({ status: 'waitlisted', position: 1 })
	})

	test('the CSV carries no demographic answer either, and reads in the chosen language', async () => {
		// As bytes, so the BOM is seen (text() would drop it).
		const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			await new Response(registrationsCsvStream(getDb(), event.id, getT('en', 'admin'))).arrayBuffer(),
		)
		expect(csv.split('\r\n')[0]).toBe(
			'\uFEFFID;Name;Email;Phone;People;Status;Language;Registered (Belgrade time);Confirmed (Belgrade time);Cancelled (Belgrade time);Checked in (Belgrade time);Source;Consent: photos;Consent: newsletter;Consent: research',
		)
		expect(csv).toMatch(new RegExp(`\\r\\n${id.ljubica};Љубица Ђорђевић;ljubica@example.rs;;2;Confirmed;sr-Cyrl;[^;]+;[^;]+;;;Web form;yes;no;yes\\r\\n`))
		for (const answer of ['female', 'male', '50_64', 'under_15', 'brus', 'trstenik', 'varvarin', 'roma', 'disability']) expect(csv).not.toContain(answer)
	})
})
