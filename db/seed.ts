// The demo: `npm run cli -- seed --demo` (and `npm run demo`). Dates are set relative to today,
// so the demo always shows a fair a few weeks ahead and smaller events over the coming months.
import { asc, count, eq } from 'drizzle-orm'
import {
	applications,
	events,
	fairSettings,
	floorPlans,
	planLandmarks,
	standAssignments,
	stands,
	type EventRow,
	type NewApplicationRow,
} from './schema/index.ts'
import { allocateExact } from '#app/domain/allocation/exact.ts'
import type { Stand } from '#app/domain/stand-geometry.ts'
import { isRegisteredLegalForm, MUNICIPALITY_NAMES, type LegalForm } from '#app/domain/application-options.ts'
import { fromBelgradeLocalInput, toBelgradeLocalInput } from '#app/domain/format.ts'
import type { EventInput } from '#app/domain/event-input.ts'
import { isValidPib } from '#app/domain/serbian-ids.ts'
import { createEvent } from '#app/services/commands/events.server.ts'
import { registerVisitor } from '#app/services/commands/registrations.server.ts'
import { createSurvey, submitSurveyResponse } from '#app/services/commands/surveys.server.ts'
import { surveyTemplate } from '#app/services/queries/surveys.server.ts'
import { AGE_GROUPS, MUNICIPALITIES } from '#app/domain/registration-input.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { CENTER_VENUE, DEMO_EXHIBITORS, DEMO_FAIR_VENUE, type DemoExhibitor } from './demo-data.ts'

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
			summary: `Više od ${DEMO_EXHIBITORS.length} socijalnih preduzeća iz Rasinskog okruga predstavlja i prodaje svoje proizvode na glavnom trgu.`,
			summaryEn: `More than ${DEMO_EXHIBITORS.length} social enterprises from the Rasina district show and sell their products on the main square.`,
			description: [
				'Centar za socijalno preduzetništvo Kruševac i ove godine organizuje Mini-sajam socijalnog preduzetništva. Udruženja osoba sa invaliditetom, zadruge, udruženja žena i mala preduzeća iz Kruševca, Aleksandrovca, Brusa, Trstenika, Ćićevca i Varvarina predstavljaju med, zimnicu, rukotvorine, tekstil, prirodnu kozmetiku i sadnice.',
				'Kupovinom na sajmu podržavate zapošljavanje osoba iz osetljivih grupa: prihod socijalnih preduzeća vraća se u njihov rad i zajednicu.',
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
			summary: 'Predstavljanje kataloga proizvoda socijalnih preduzeća Rasinskog okruga.',
			summaryEn: 'Presenting the catalogue of products made by social enterprises of the Rasina district.',
			description:
				'Predstavljamo novi katalog proizvoda i usluga socijalnih preduzeća iz Kruševca i okoline. Predstavnici preduzeća govore o svom radu, a posetioci mogu da probaju i kupe proizvode.\n\nPromocija je otvorena za sve građane i medije.',
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
			summary: 'Razgovor predstavnika grada, poslodavaca i socijalnih preduzeća o saradnji i javnim nabavkama.',
			summaryEn: 'City officials, employers and social enterprises on cooperation and public procurement.',
			description:
				'Kako lokalna samouprava i privreda mogu da podrže socijalna preduzeća? Govorimo o rezervisanim javnim nabavkama, o zapošljavanju osoba sa invaliditetom i o primerima dobre prakse iz Srbije.\n\nUčešće je besplatno uz prijavu.',
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
				'Za socijalna preduzeća koja žele da izlažu: kako se prijaviti, kako se dodeljuju štandovi, šta organizator obezbeđuje (struja, sto i stolice) i koji su rokovi.',
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
export function seedDemo(db: Db, now = new Date()): { created: number; applications: number; skipped: boolean; fair?: string } {
	const existing = db.select({ n: count() }).from(events).get()?.n ?? 0
	if (existing > 0) {
		// Already seeded: still name the fair, so `npm run demo` can print its addresses again.
		const fair = db.select({ slug: events.slug }).from(events).where(eq(events.kind, 'fair')).orderBy(asc(events.startsAt)).get()
		return { created: 0, applications: 0, skipped: true, ...(fair ? { fair: fair.slug } : {}) }
	}
	const list = demoEvents(now)
	const created = list.map((input) => createEvent(db, input, { kind: 'cli' }, now))
	const fair = created.find((e) => e.kind === 'fair')
	const applicationCount = fair ? seedDemoFair(db, fair, now) : 0
	seedDemoVisitors(db, created, now)
	if (fair) seedDemoSurvey(db, fair, now)
	return { created: list.length, applications: applicationCount, skipped: false, ...(fair ? { fair: fair.slug } : {}) }
}

const VISITOR_NAMES = [
	'Jelena Marković',
	'Nikola Petrović',
	'Ivana Stojanović',
	'Marko Jovanović',
	'Snežana Ilić',
	'Dragan Milošević',
	'Tijana Đorđević',
	'Miloš Pavlović',
	'Ana Ristić',
	'Zoran Stanković',
	'Milena Vasić',
	'Bojan Lazić',
	'Dušica Kostić',
	'Vladimir Nikolić',
	'Marija Todorović',
	'Nenad Simić',
	'Sanja Živković',
	'Aleksandar Mitić',
	'Gordana Stefanović',
	'Predrag Radovanović',
	'Olivera Janković',
	'Stefan Obradović',
	'Katarina Milić',
	'Dejan Veljković',
]

/**
 * Visitors registered for the fair (most of the names) and the workshop (a few), in the three
 * languages, some with family, most answering a few of the optional statistics questions, as a
 * real list looks a few weeks before. Their ticket mails are queued like any registration's.
 */
function seedDemoVisitors(db: Db, created: EventRow[], now: Date) {
	const fair = created.find((e) => e.kind === 'fair')
	const workshop = created.find((e) => e.kind === 'workshop')
	const locales = ['sr-Latn', 'sr-Latn', 'sr-Cyrl', 'sr-Latn', 'en'] as const
	VISITOR_NAMES.forEach((name, i) => {
		const event = i % 6 === 5 ? workshop : fair
		if (!event) return
		const answered = i % 4 !== 3
		registerVisitor(
			db,
			{ id: event.id },
			{
				name,
				email: demoEmail(name).replace('@', `+${event.kind}@`),
				partySize: event.kind === 'fair' ? 1 + (i % 4) : 1,
				locale: locales[i % locales.length]!,
				consent: { privacy: true, photos: i % 3 === 0, newsletter: i % 2 === 0, research: answered },
				demographics: answered
					? {
							gender: i % 2 === 0 ? 'female' : 'male',
							ageGroup: AGE_GROUPS[1 + (i % 5)],
							municipality: MUNICIPALITIES[i % 3 === 0 ? 0 : i % 6],
							...(i % 5 === 0 ? { vulnerableGroup: 'disability' as const } : {}),
						}
					: {},
			},
			'web',
			{ kind: 'cli' },
			new Date(now.getTime() - (VISITOR_NAMES.length - i) * 3 * 3600_000),
		)
	})
}

/**
 * The Center's research survey (the community template), open and offered at the fair, with a
 * score of anonymous answers already in: the results page then shows numbers and "< 5" cells.
 */
function seedDemoSurvey(db: Db, fair: EventRow, now: Date) {
	const survey = createSurvey(
		db,
		{ ...surveyTemplate('community'), event: fair.slug, status: 'open', opensAt: null, closesAt: null },
		{ kind: 'cli' },
		new Date(now.getTime() - 5 * 24 * 3600_000),
	)
	const pick = <T>(list: readonly T[], i: number, step: number) => list[(i * step) % list.length]!
	for (let i = 0; i < 20; i++) {
		const answers: Record<string, unknown> = {
			respondent: pick(['resident', 'resident', 'resident', 'company', 'association', 'publicInstitution'], i, 5),
			familiar: pick(['somewhat', 'termOnly', 'well', 'notAtAll', 'somewhat'], i, 3),
			law: pick(['nameOnly', 'no', 'content', 'no'], i, 3),
			buy: pick(['yes', 'probably', 'yes', 'dontKnow', 'probably', 'probablyNot'], i, 5),
			municipality: pick(['definitely', 'somewhat', 'definitely', 'dontKnow'], i, 3),
			employ: pick([['disability'], ['disability', 'roma'], ['ruralWomen', 'longTermUnemployed'], ['dontKnow'], ['disability', 'youth']], i, 3),
			community: 3 + (i % 3),
		}
		if (i % 4 === 0) answers.cooperation = pick(['yes', 'dontKnow', 'notApplicable'], i, 1)
		submitSurveyResponse(db, { slug: survey.slug, answers }, new Date(now.getTime() - (20 - i) * 5 * 3600_000))
	}
}

type Outcome = 'confirmed' | 'accepted' | 'waitlisted' | 'rejected' | 'submitted'

/**
 * What happened to each demo organisation's application (same order as DEMO_EXHIBITORS): 12
 * accepted and told (9 confirmed, 3 still to confirm), 3 on the waiting list, 2 rejected, 3 not yet
 * decided. Staff are counts only; `v` is the vulnerable groups. Most consent to the catalogue and
 * to research use, as they do on the real paper forms.
 */
const PLAN: {
	outcome: Outcome
	catalogue: boolean
	research: boolean
	staff: { employees: number; women: number; v: Partial<Record<string, number>>; volunteers: number }
	apr: 'yes' | 'no' | 'pending' | 'dont_know'
	ways: string[]
	power?: boolean
	accessible?: boolean
	size?: number
	website?: string
	en?: string
	founded: number
}[] = [
	{
		outcome: 'confirmed',
		catalogue: true,
		research: true,
		staff: { employees: 4, women: 3, v: { disability: 4 }, volunteers: 9 },
		apr: 'yes',
		ways: ['work_integration'],
		accessible: true,
		size: 6,
		website: 'https://iskra-krusevac.org.rs',
		en: 'Hand-painted ceramics and souvenirs with Kruševac motifs.',
		founded: 2008,
	},
	{
		outcome: 'confirmed',
		catalogue: true,
		research: true,
		staff: { employees: 6, women: 2, v: { over_50: 3, long_term_unemployed: 1 }, volunteers: 0 },
		apr: 'pending',
		ways: ['local_development'],
		size: 6,
		website: 'https://rasinskimed.rs',
		en: 'Acacia, meadow and forest honey from Mount Jastrebac.',
		founded: 2015,
	},
	{
		outcome: 'confirmed',
		catalogue: true,
		research: true,
		staff: { employees: 7, women: 7, v: { violence_survivors: 2, long_term_unemployed: 3 }, volunteers: 2 },
		apr: 'yes',
		ways: ['work_integration', 'local_development'],
		power: true,
		size: 9,
		en: 'Traditional embroidery and woven goods made by women of Župa.',
		founded: 2018,
	},
	{
		outcome: 'confirmed',
		catalogue: true,
		research: true,
		staff: { employees: 3, women: 3, v: { over_50: 2 }, volunteers: 6 },
		apr: 'no',
		ways: ['general_interest'],
		size: 6,
		en: 'Homemade fruit preserves, ajvar and winter stores from our grandmothers’ recipes.',
		founded: 2012,
	},
	{
		outcome: 'confirmed',
		catalogue: true,
		research: true,
		staff: { employees: 2, women: 1, v: { youth: 2 }, volunteers: 5 },
		apr: 'dont_know',
		ways: ['general_interest'],
		power: true,
		size: 6,
		founded: 2020,
	},
	{
		outcome: 'confirmed',
		catalogue: true,
		research: true,
		staff: { employees: 18, women: 8, v: { disability: 14 }, volunteers: 0 },
		apr: 'yes',
		ways: ['work_integration'],
		power: true,
		accessible: true,
		size: 9,
		website: 'https://napredak-krusevac.rs',
		en: 'Bookbinding, printing and stamp making.',
		founded: 1992,
	},
	{
		outcome: 'confirmed',
		catalogue: false,
		research: true,
		staff: { employees: 2, women: 1, v: { disability: 2 }, volunteers: 4 },
		apr: 'no',
		ways: ['work_integration'],
		accessible: true,
		size: 4,
		founded: 1998,
	},
	{
		outcome: 'confirmed',
		catalogue: true,
		research: false,
		staff: { employees: 5, women: 3, v: { over_50: 2 }, volunteers: 0 },
		apr: 'pending',
		ways: ['local_development'],
		power: true,
		size: 6,
		en: 'Grape juice and dried fruit from Župa.',
		founded: 2016,
	},
	{
		outcome: 'confirmed',
		catalogue: true,
		research: true,
		staff: { employees: 1, women: 1, v: { youth: 1 }, volunteers: 7 },
		apr: 'no',
		ways: ['general_interest'],
		size: 6,
		founded: 2019,
	},
	{
		outcome: 'accepted',
		catalogue: true,
		research: true,
		staff: { employees: 1, women: 1, v: {}, volunteers: 0 },
		apr: 'dont_know',
		ways: [],
		size: 4,
		website: 'https://lavanda-trstenik.rs',
		en: 'Natural soaps and creams made from medicinal herbs.',
		founded: 2021,
	},
	{
		outcome: 'accepted',
		catalogue: true,
		research: true,
		staff: { employees: 2, women: 2, v: { disability: 1 }, volunteers: 12 },
		apr: 'no',
		ways: ['general_interest', 'work_integration'],
		accessible: true,
		size: 6,
		founded: 2010,
	},
	{
		outcome: 'accepted',
		catalogue: false,
		research: true,
		staff: { employees: 5, women: 5, v: { social_assistance: 2, roma: 1 }, volunteers: 1 },
		apr: 'yes',
		ways: ['work_integration'],
		power: true,
		size: 6,
		founded: 2017,
	},
	{
		outcome: 'waitlisted',
		catalogue: true,
		research: true,
		staff: { employees: 4, women: 2, v: { roma: 4 }, volunteers: 3 },
		apr: 'pending',
		ways: ['work_integration'],
		power: true,
		size: 9,
		founded: 2014,
	},
	{
		outcome: 'waitlisted',
		catalogue: true,
		research: true,
		staff: { employees: 3, women: 2, v: { youth: 2, long_term_unemployed: 1 }, volunteers: 10 },
		apr: 'no',
		ways: ['general_interest', 'local_development'],
		size: 4,
		website: 'https://rasinazazajednicu.org',
		founded: 2011,
	},
	{
		outcome: 'waitlisted',
		catalogue: true,
		research: false,
		staff: { employees: 0, women: 0, v: {}, volunteers: 6 },
		apr: 'no',
		ways: [],
		size: 4,
		founded: 2022,
	},
	{
		outcome: 'rejected',
		catalogue: true,
		research: true,
		staff: { employees: 0, women: 0, v: {}, volunteers: 14 },
		apr: 'no',
		ways: ['general_interest'],
		size: 4,
		founded: 2005,
	},
	{
		outcome: 'rejected',
		catalogue: false,
		research: true,
		staff: { employees: 3, women: 1, v: { over_50: 1 }, volunteers: 0 },
		apr: 'dont_know',
		ways: ['local_development'],
		power: true,
		size: 6,
		founded: 2013,
	},
	{
		outcome: 'submitted',
		catalogue: true,
		research: true,
		staff: { employees: 6, women: 4, v: { disability: 5 }, volunteers: 2 },
		apr: 'yes',
		ways: ['work_integration'],
		accessible: true,
		size: 6,
		website: 'https://rukekojestvaraju.rs',
		founded: 2016,
	},
	{
		outcome: 'submitted',
		catalogue: true,
		research: true,
		staff: { employees: 2, women: 1, v: { disability: 1, youth: 1 }, volunteers: 8 },
		apr: 'pending',
		ways: ['work_integration', 'general_interest'],
		size: 6,
		founded: 2009,
	},
	{
		outcome: 'submitted',
		catalogue: true,
		research: false,
		staff: { employees: 0, women: 0, v: {}, volunteers: 11 },
		apr: 'no',
		ways: [],
		size: 4,
		founded: 2023,
	},
]

const CONTACTS = [
	'Milica Stojanović',
	'Dragan Nikolić',
	'Snežana Radovanović',
	'Jelena Marković',
	'Nikola Jovanović',
	'Zoran Đorđević',
	'Vesna Ilić',
	'Miroslav Pavlović',
	'Ivana Milenković',
	'Tamara Stevanović',
	'Gordana Petković',
	'Dragana Lazić',
	'Dejan Ristić',
	'Marija Vasić',
	'Ana Kostić',
	'Ljiljana Živković',
	'Bojan Mitić',
	'Slobodan Krstić',
	'Jovana Tasić',
	'Stefan Obradović',
]

const MUNICIPALITY_CODES = Object.fromEntries(Object.entries(MUNICIPALITY_NAMES).map(([code, name]) => [name, code]))

/** "Milica Stojanović" → "milica.stojanovic@example.rs". */
function demoEmail(name: string): string {
	const ascii = name
		.toLowerCase()
		.replace(/đ/g, 'dj')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
	return `${ascii.replace(/[^a-z]+/g, '.')}@example.rs`
}

/** An invented PIB with a correct check digit (8 digits from `seed`, then the one digit that fits). */
function demoPib(seed: number): string {
	const body = String(10_990_000 + seed * 373)
		.padStart(8, '0')
		.slice(0, 8)
	for (let d = 0; d < 10; d++) if (isValidPib(body + d)) return body + d
	throw new Error('unreachable: every 8 digits have a check digit')
}

function demoApplication(exhibitor: DemoExhibitor, plan: (typeof PLAN)[number], index: number, fair: EventRow, now: Date): NewApplicationRow {
	// Applications came in over the last five weeks, the early ones first.
	const createdAt = new Date(now.getTime() - (34 - index * 1.4) * DAY - ((index * 7919) % 600) * 60_000)
	const released = new Date(now.getTime() - 4 * DAY)
	const decided = plan.outcome !== 'submitted'
	const status = plan.outcome === 'confirmed' ? 'accepted' : plan.outcome
	const registered = isRegisteredLegalForm(exhibitor.legalForm as LegalForm)
	return {
		eventId: fair.id,
		status,
		releasedStatus: decided ? (status as 'accepted' | 'waitlisted' | 'rejected') : null,
		decisionReleasedAt: decided ? released : null,
		confirmBy: status === 'accepted' ? new Date(released.getTime() + 7 * DAY) : null,
		confirmedAt: plan.outcome === 'confirmed' ? new Date(released.getTime() + (1 + (index % 3)) * DAY) : null,
		locale: index === 5 ? 'sr-Cyrl' : index === 9 ? 'en' : 'sr-Latn',
		orgName: exhibitor.name,
		legalForm: exhibitor.legalForm,
		municipality: MUNICIPALITY_CODES[exhibitor.municipality] ?? 'other',
		companyNumber: registered ? String(21_000_000 + index * 48_611) : null,
		pib: registered ? demoPib(index) : null,
		foundedYear: plan.founded,
		website: plan.website ?? null,
		contactName: CONTACTS[index]!,
		contactEmail: demoEmail(CONTACTS[index]!),
		contactPhone: `06${index % 10} ${100 + index * 17} ${4000 + index * 233}`.replace(/ /g, ''),
		products: exhibitor.description,
		category: exhibitor.category,
		description: exhibitor.description,
		descriptionEn: plan.en ?? null,
		needsPower: plan.power ?? false,
		needsAccessible: plan.accessible ?? false,
		needsSizeM2: plan.size ?? null,
		needsTable: true,
		needsChairs: 2,
		preferences: [],
		lawStatus: { apr: plan.apr, ways: plan.ways, selfIdentified: plan.apr !== 'dont_know' || plan.ways.length > 0 },
		staff: { employees: plan.staff.employees, women: plan.staff.women, vulnerable: plan.staff.v, volunteers: plan.staff.volunteers },
		selling: exhibitor.category !== 'services',
		consentCatalogue: plan.catalogue,
		consentResearch: plan.research,
		privacyAcceptedAt: createdAt,
		createdAt,
		updatedAt: decided ? released : createdAt,
	}
}

/**
 * The demo fair's settings (applications open now, closing three days before the fair, 24 stands)
 * and the 20 demo organisations' applications, written directly: a seed, not somebody applying,
 * so no mail is queued and no private link is minted (nobody was sent one).
 */
function seedDemoFair(db: Db, fair: EventRow, now: Date): number {
	return writeTransaction(db, (tx) => {
		tx.insert(fairSettings)
			.values({
				eventId: fair.id,
				applicationsOpenAt: new Date(now.getTime() - 40 * DAY),
				applicationsCloseAt: new Date(fair.startsAt.getTime() - 3 * DAY),
				standCount: 24,
			})
			.run()
		const rows = DEMO_EXHIBITORS.map((exhibitor, i) => demoApplication(exhibitor, PLAN[i]!, i, fair, now))
		const inserted = tx.insert(applications).values(rows).returning().all()
		seedDemoFloorPlan(tx, fair, inserted, now)
		return rows.length
	})
}

/**
 * The square in front of the Kulturni centar, 40 × 24 m: a row of large stands with power along the
 * building (A), a row of middle ones by the entrance, accessible on level paving (B), and small
 * ones by the fountain (C). Published, and the accepted exhibitors placed by the real allocation
 * and told their stand.
 */
function demoStands(): Stand[] {
	const row = (letter: string, y: number, width: number, height: number, zone: string, power: (n: number) => boolean, accessible: (n: number) => boolean) =>
		Array.from({ length: 8 }, (_, i) => ({
			label: `${letter}${i + 1}`,
			x: 4 + i * width,
			y,
			width,
			height,
			sizeM2: width * height,
			power: power(i + 1),
			accessible: accessible(i + 1),
			zone,
		}))
	return [
		...row(
			'A',
			2,
			3,
			3,
			'Trg',
			(n) => n <= 6,
			(n) => n <= 2,
		),
		...row(
			'B',
			9,
			3,
			2,
			'Trg',
			(n) => n <= 2,
			(n) => n <= 4,
		),
		...row(
			'C',
			16,
			2.5,
			2,
			'Kod fontane',
			() => false,
			(n) => n <= 2,
		),
	]
}

function seedDemoFloorPlan(
	tx: Db,
	fair: EventRow,
	inserted: {
		id: number
		status: string
		category: string
		needsPower: boolean
		needsAccessible: boolean
		needsSizeM2: number | null
		preferences: string[]
		confirmedAt: Date | null
		decisionReleasedAt: Date | null
	}[],
	now: Date,
) {
	const plan = demoStands()
	tx.insert(floorPlans)
		.values({ eventId: fair.id, width: 40, height: 24, publishedAt: new Date(now.getTime() - 10 * DAY), updatedAt: now })
		.run()
	const standRows = tx
		.insert(stands)
		.values(plan.map((stand) => ({ eventId: fair.id, ...stand, createdAt: now, updatedAt: now })))
		.returning()
		.all()
	// The entrance from the street, the stage by the fountain and the information desk between them.
	tx.insert(planLandmarks)
		.values(
			[
				{ kind: 'entrance' as const, label: null, x: 0, y: 12, width: 3.5, height: 2.5 },
				{ kind: 'stage' as const, label: null, x: 26, y: 15, width: 8, height: 5 },
				{ kind: 'info' as const, label: 'Info pult', x: 4, y: 12.5, width: 4, height: 2 },
			].map((l) => ({ eventId: fair.id, ...l, createdAt: now, updatedAt: now })),
		)
		.run()
	const standId = new Map(standRows.map((row) => [row.label, row.id]))
	const accepted = inserted.filter((a) => a.status === 'accepted')
	const result = allocateExact({
		stands: plan,
		applications: accepted.map((a) => ({
			id: a.id,
			category: a.category,
			needs: { power: a.needsPower, accessible: a.needsAccessible, sizeM2: a.needsSizeM2 },
			preferences: a.preferences,
		})),
	})
	const byId = new Map(accepted.map((a) => [a.id, a]))
	for (const assignment of result.assignments) {
		const application = byId.get(assignment.applicationId)!
		tx.insert(standAssignments)
			.values({
				applicationId: assignment.applicationId,
				eventId: fair.id,
				standId: standId.get(assignment.standLabel)!,
				locked: false,
				assignedAt: new Date(now.getTime() - 2 * DAY),
				// Saving the allocation mailed every exhibitor whose acceptance had been released.
				notifiedAt: application.decisionReleasedAt ? new Date(now.getTime() - 2 * DAY) : null,
			})
			.run()
	}
}
