// The demo: `npm run cli -- seed --demo` (and `npm run demo`). Dates are set relative to today,
// so the demo always shows a fair a few weeks ahead and smaller events over the coming months.
import { count } from 'drizzle-orm'
import { events } from './schema/index.ts'
import { fromBelgradeLocalInput, toBelgradeLocalInput } from '#app/domain/format.ts'
import type { EventInput } from '#app/domain/event-input.ts'
import { createEvent } from '#app/services/events.server.ts'
import type { Db } from '#app/utils/db.server.ts'
import { CENTER_VENUE, DEMO_EXHIBITORS, DEMO_FAIR_VENUE } from './demo-data.ts'

const DAY = 24 * 3600 * 1000

/** The first `weekday` (0 = Sunday) at least `minDays` after `from`, at Belgrade `time`. */
function belgradeDay(from: Date, minDays: number, weekday: number, time: string): Date {
	let day = new Date(from.getTime() + minDays * DAY)
	while (day.getUTCDay() !== weekday) day = new Date(day.getTime() + DAY)
	const date = toBelgradeLocalInput(day).slice(0, 10)
	return fromBelgradeLocalInput(`${date}T${time}`)!
}

export function demoEvents(now: Date): EventInput[] {
	const fairStart = belgradeDay(now, 21, 6, '10:00')
	const fairYear = toBelgradeLocalInput(fairStart).slice(0, 4)
	const withEnd = (start: Date, hours: number) => new Date(start.getTime() + hours * 3600 * 1000)
	const workshop = belgradeDay(now, 6, 3, '17:00')
	const roundtable = belgradeDay(now, 35, 4, '12:00')
	const infoDay = belgradeDay(now, 60, 2, '11:00')
	const promo = belgradeDay(now, 13, 5, '11:00')
	return [
		{
			title: `Mini-sajam socijalnog preduzetništva ${fairYear}`,
			titleEn: `Mini-fair of Social Entrepreneurship ${fairYear}`,
			slug: `mini-sajam-${fairYear}`,
			kind: 'fair',
			summary: `Više od ${DEMO_EXHIBITORS.length} društvenih preduzeća iz Rasinskog okruga predstavlja i prodaje svoje proizvode na glavnom trgu.`,
			summaryEn: `More than ${DEMO_EXHIBITORS.length} social enterprises from the Rasina district show and sell their products on the main square.`,
			description: [
				'Centar za socijalno preduzetništvo Kruševac i ove godine organizuje Mini-sajam socijalnog preduzetništva. Udruženja osoba sa invaliditetom, zadruge, udruženja žena i mala preduzeća iz Kruševca, Aleksandrovca, Brusa, Trstenika, Ćićevca i Varvarina predstavljaju med, zimnicu, rukotvorine, tekstil, prirodnu kozmetiku i sadnice.',
				'Kupovinom na sajmu podržavate zapošljavanje osoba iz osetljivih grupa: prihod društvenih preduzeća vraća se u njihov rad i zajednicu.',
				'Ulaz je slobodan. Prijavite dolazak da biste dobili ulaznicu sa QR kodom i podsetnik u kalendaru. Za porodice i grupe: prijavite sve članove jednom prijavom.',
				'Prostor je pristupačan za osobe u invalidskim kolicima; u blizini je javni toalet prilagođen osobama sa invaliditetom.',
			].join('\n\n'),
			descriptionEn: [
				'The Center for Social Entrepreneurship Kruševac again organises the Mini-fair of Social Entrepreneurship. Associations of persons with disabilities, cooperatives, women’s associations and small firms from Kruševac, Aleksandrovac, Brus, Trstenik, Ćićevac and Varvarin present honey, preserves, handicrafts, textiles, natural cosmetics and plants.',
				'By buying at the fair you support the employment of people from vulnerable groups: social enterprises reinvest their income in their work and their community.',
				'Entry is free. Register to get a ticket with a QR code and a calendar reminder. Families and groups: register everyone in one registration.',
				'The square is accessible for wheelchair users; an accessible public toilet is nearby.',
			].join('\n\n'),
			...DEMO_FAIR_VENUE,
			startsAt: fairStart,
			endsAt: withEnd(fairStart, 7),
			capacity: 500,
			maxPartySize: 6,
			waitlist: true,
			status: 'published',
		},
		{
			title: 'Radionica: Kako do statusa socijalnog preduzeća',
			titleEn: 'Workshop: How to get social enterprise status',
			kind: 'workshop',
			summary: 'Praktična radionica o Zakonu o socijalnom preduzetništvu i upisu statusa u APR.',
			summaryEn: 'A hands-on workshop on the Law on Social Entrepreneurship and registering the status with the APR.',
			description:
				'Zakon o socijalnom preduzetništvu (2022) uveo je status socijalnog preduzeća koji se upisuje u registre APR-a. Na radionici prolazimo kroz uslove (reinvestiranje najmanje polovine dobiti, participativno upravljanje, izveštavanje), četiri načina sticanja statusa i potrebnu dokumentaciju.\n\nRadionica je namenjena udruženjima, zadrugama i preduzetnicima iz Rasinskog okruga. Broj mesta je ograničen.',
			descriptionEn:
				'The Law on Social Entrepreneurship (2022) introduced the status of social enterprise, entered in the APR registers. We go through the conditions (reinvesting at least half of the profit, participatory governance, reporting), the four ways of obtaining the status, and the documents needed.\n\nFor associations, cooperatives and entrepreneurs from the Rasina district. Places are limited.',
			...CENTER_VENUE,
			startsAt: workshop,
			endsAt: withEnd(workshop, 2.5),
			capacity: 25,
			maxPartySize: 2,
			waitlist: true,
			status: 'published',
		},
		{
			title: 'Promocija: Kupujmo odgovorno u Kruševcu',
			titleEn: 'Launch: Buy responsibly in Kruševac',
			kind: 'promo',
			summary: 'Predstavljanje kataloga proizvoda društvenih preduzeća Rasinskog okruga.',
			summaryEn: 'Presenting the catalogue of products made by social enterprises of the Rasina district.',
			description:
				'Predstavljamo novi katalog proizvoda i usluga društvenih preduzeća iz Kruševca i okoline. Predstavnici preduzeća govore o svom radu, a posetioci mogu da probaju i kupe proizvode.\n\nPromocija je otvorena za sve građane i medije.',
			descriptionEn: null,
			...CENTER_VENUE,
			startsAt: promo,
			endsAt: withEnd(promo, 1.5),
			capacity: 60,
			maxPartySize: 4,
			waitlist: false,
			status: 'published',
		},
		{
			title: 'Okrugli sto: Socijalno preduzetništvo i lokalna zajednica',
			titleEn: 'Round table: Social entrepreneurship and the local community',
			kind: 'roundtable',
			summary: 'Razgovor predstavnika grada, poslodavaca i društvenih preduzeća o saradnji i javnim nabavkama.',
			summaryEn: 'City officials, employers and social enterprises on cooperation and public procurement.',
			description:
				'Kako lokalna samouprava i privreda mogu da podrže društvena preduzeća? Govorimo o rezervisanim javnim nabavkama, o zapošljavanju osoba sa invaliditetom i o primerima dobre prakse iz Srbije.\n\nUčešće je besplatno uz prijavu.',
			descriptionEn:
				'How can the city and local businesses support social enterprises? Reserved public procurement, employing persons with disabilities, and good practice from Serbia.\n\nParticipation is free with registration.',
			venueName: 'Kulturni centar Kruševac, mala sala',
			venueAddress: 'Trg kosovskih junaka',
			venueCity: 'Kruševac',
			startsAt: roundtable,
			endsAt: withEnd(roundtable, 2),
			capacity: 40,
			maxPartySize: 1,
			waitlist: true,
			status: 'published',
		},
		{
			title: 'Info dan: Prijave za Mini-sajam sledeće godine',
			titleEn: 'Info day: Applying for next year’s Mini-fair',
			kind: 'other',
			summary: 'Sve što izlagači treba da znaju o prijavi, štandovima i rokovima.',
			summaryEn: 'Everything exhibitors need to know about applying, stands and deadlines.',
			description:
				'Za društvena preduzeća koja žele da izlažu: kako se prijaviti, kako se dodeljuju štandovi, šta organizator obezbeđuje (struja, sto i stolice) i koji su rokovi.',
			descriptionEn: null,
			...CENTER_VENUE,
			startsAt: infoDay,
			endsAt: withEnd(infoDay, 1.5),
			capacity: 30,
			maxPartySize: 2,
			waitlist: true,
			status: 'draft',
		},
	]
}

/** Loads the demo into an empty database; a database that already has events is left alone. */
export function seedDemo(db: Db, now = new Date()): { created: number; skipped: boolean } {
	const existing = db.select({ n: count() }).from(events).get()?.n ?? 0
	if (existing > 0) return { created: 0, skipped: true }
	const list = demoEvents(now)
	for (const input of list) createEvent(db, input, { kind: 'cli' }, now)
	return { created: list.length, skipped: false }
}
