// The mail templates as a visitor's mail client and calendar see them: every template in every
// language with no missing message, user text escaped, and invites that calendars accept
// (parsed with ical.js and checked against what RFC 5545/5546 require of REQUEST and CANCEL).
import { createRequire } from 'node:module'
import ICAL from 'ical.js'
import QRCode from 'qrcode'
import { describe, expect, test } from 'vitest'
import { catalogKeys, type Catalog } from '#app/domain/catalog.ts'
import { buildCalendar } from '#app/domain/calendar.ts'
import { escapeText, foldLine } from '#app/domain/invite.ts'
import { LOCALES, type Locale } from '#app/domain/locale.ts'
import latinMail from '#app/locales/sr-Latn/mail.json'
import {
	ACCOUNT_MAIL_TEMPLATES,
	APPLICATION_MAIL_TEMPLATES,
	type AccountMailParams,
	MAIL_TEMPLATES,
	REGISTRATION_MAIL_TEMPLATES,
	type ApplicationMailParams,
	type MailParams,
	type MailParamsOf,
	type MailTemplate,
} from '#app/services/commands/outbox.server.ts'
import { MAIL_BUILDERS, UnrenderableMailError, mailContext, renderMail, type RenderedMail } from '#emails/index.ts'
import type { MailBuilder } from '#emails/types.ts'
import { LOGO_CID } from '#emails/logo-png.ts'
import { QR_CID } from '#emails/parts.ts'
import { qrPng } from '#emails/qr-png.ts'
import { OPTIONAL_MAIL_TEMPLATES } from '#app/domain/mail-kinds.ts'

const PUBLIC_URL = 'https://sajam.example'
const FROM = { name: 'Sajam', address: 'no-reply@sajam.example' }
const QUEUED_AT = new Date('2026-11-20T08:30:00Z')

function params(overrides: { event?: Partial<MailParams['event']>; registration?: Partial<MailParams['registration']> } = {}): MailParams {
	return {
		event: {
			id: 7,
			slug: 'mini-sajam-2026',
			title: 'Mini-sajam socijalnog preduzetništva, Kruševac; zima 2026',
			titleEn: 'Mini-fair of Social Entrepreneurship, Kruševac; winter 2026',
			summary: 'Društvena preduzeća na trgu.',
			summaryEn: 'Social enterprises on the square.',
			venueName: 'Plato ispred Kulturnog centra',
			venueAddress: 'Trg kosovskih junaka',
			venueCity: 'Kruševac',
			startsAt: '2026-12-19T09:00:00.000Z',
			endsAt: '2026-12-19T16:00:00.000Z',
			sequence: 2,
			status: 'published',
			createdAt: '2026-11-01T10:00:00.000Z',
			updatedAt: '2026-11-10T10:00:00.000Z',
			...overrides.event,
		},
		registration: {
			id: 41,
			// Markup in a name must reach the mail as text, never as HTML.
			name: 'Ana <b>Jović</b> & "drugari"',
			email: 'ana.jovic@example.org',
			partySize: 3,
			status: 'confirmed',
			manageToken: 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
			ticketCode: 'AQABAAAABwAAACk' + 'x'.repeat(93),
			position: null,
			...overrides.registration,
		},
	}
}

function applicationParams(
	overrides: { event?: Partial<ApplicationMailParams['event']>; application?: Partial<ApplicationMailParams['application']> } = {},
): ApplicationMailParams {
	return {
		event: { ...params().event, ...overrides.event },
		application: {
			id: 12,
			// Markup in what exhibitors and organizers typed must reach the mail as text, never as HTML.
			orgName: 'Zadruga <i>Bilje</i> & "Sunce"',
			contactName: 'Mira <b>Petrović</b>',
			contactEmail: 'mira.petrovic@example.org',
			category: 'food',
			status: 'submitted',
			releasedStatus: null,
			decisionNote: null,
			manageToken: 'app_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
			confirmBy: null,
			...overrides.application,
		},
	}
}

function accountParams(overrides: Partial<AccountMailParams['account']> = {}): AccountMailParams {
	return {
		account: {
			email: 'milica@example.org',
			name: 'Milica <b>Savić</b>',
			role: 'organizer',
			inviter: null,
			url: `${PUBLIC_URL}/admin/password/inv_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG`,
			// 17:00 on Saturday 28 November 2026 in Belgrade.
			expiresAt: '2026-11-28T16:00:00.000Z',
			...overrides,
		},
	}
}

/** 23:59 on Saturday 5 December 2026 in Belgrade (UTC+1). */
const CONFIRM_BY = '2026-12-05T22:59:00.000Z'
const NOTE = 'Vaš štand je pored ulaza <script>alert(1)</script> & "struja" je obezbeđena.\nDrugi red.\n\nDrugi pasus.'

/** An organizer's message (event-message, fair-message), Serbian only. */
const LETTER = {
	subject: { 'sr-Latn': 'Parking', 'sr-Cyrl': 'Паркинг' },
	body: { 'sr-Latn': `${NOTE}\n\nMapa: https://example.org/mapa?x=1&y=2.`, 'sr-Cyrl': 'Мапа' },
}

/** The parameters each template is queued with (see registrations.server.ts and applications.server.ts). */
const PARAMS_FOR: { [T in MailTemplate]: MailParamsOf<T> } = {
	'registration-confirmed': params(),
	'registration-waitlisted': params({ registration: { status: 'waitlisted', ticketCode: null, position: 4 } }),
	'registration-promoted': params(),
	'registration-cancelled': params({ registration: { status: 'cancelled', ticketCode: null } }),
	'registration-link': params(),
	'event-updated': params({ event: { sequence: 3, startsAt: '2026-12-20T09:00:00.000Z', endsAt: '2026-12-20T16:00:00.000Z' } }),
	'event-cancelled': params({ event: { sequence: 3, status: 'cancelled' } }),
	'event-reminder': params(),
	'event-follow-up': params(),
	'event-message': { ...params(), letter: LETTER },
	'application-received': applicationParams(),
	'application-decision': applicationParams({ application: { status: 'accepted', releasedStatus: 'accepted', confirmBy: CONFIRM_BY, decisionNote: NOTE } }),
	'application-confirm-reminder': applicationParams({ application: { status: 'accepted', releasedStatus: 'accepted', confirmBy: CONFIRM_BY } }),
	'application-offer': applicationParams({ application: { status: 'accepted', releasedStatus: 'accepted', confirmBy: CONFIRM_BY } }),
	'application-stand': {
		...applicationParams({ application: { status: 'accepted', releasedStatus: 'accepted', confirmBy: CONFIRM_BY } }),
		stand: { label: 'B3', zone: 'Hol', sizeM2: 6, power: true },
		setupStartsAt: '2026-12-19T08:00:00.000Z',
	},
	'application-fair-cancelled': {
		...applicationParams({
			event: { sequence: 2, status: 'cancelled' },
			application: { status: 'accepted', releasedStatus: 'accepted', confirmBy: CONFIRM_BY },
		}),
		stand: { label: 'B3', zone: 'Hol', sizeM2: 6, power: true },
	},
	'application-setup-reminder': {
		...applicationParams({ application: { status: 'accepted', releasedStatus: 'accepted', confirmBy: CONFIRM_BY } }),
		stand: { label: 'B3', zone: 'Hol', sizeM2: 6, power: true },
		setupStartsAt: '2026-12-19T08:00:00.000Z',
	},
	'fair-message': { ...applicationParams({ application: { status: 'accepted', releasedStatus: 'accepted' } }), letter: LETTER },
	'account-invitation': accountParams({ inviter: 'Vesna <i>Ilić</i>' }),
	'password-reset': accountParams(),
}

const render = <T extends MailTemplate>(template: T, locale: Locale, p: MailParamsOf<T> = PARAMS_FOR[template], queuedAt = QUEUED_AT) =>
	// TypeScript cannot tie the builder's parameter type to T through the mapped type: the cast says what MAIL_BUILDERS' type already guarantees.
	(MAIL_BUILDERS[template] as MailBuilder<MailParamsOf<T>>)(p, mailContext(locale, { publicUrl: PUBLIC_URL, from: FROM, queuedAt }))

function parseInvite(mail: RenderedMail) {
	expect(mail.icalEvent, 'the mail carries an invite').toBeDefined()
	const calendar = new ICAL.Component(ICAL.parse(mail.icalEvent!.content))
	const vevent = calendar.getFirstSubcomponent('vevent')!
	return { calendar, vevent, method: calendar.getFirstPropertyValue('method') }
}

const utc = (vevent: ICAL.Component, name: string) => {
	const value = vevent.getFirstPropertyValue(name) as ICAL.Time
	expect(value.zone?.tzid, `${name} is in UTC`).toBe('UTC')
	return value.toJSDate().toISOString()
}

const latinKeys = catalogKeys(latinMail as Catalog).filter((key) => !key.startsWith('outboxPage.'))

describe.each(LOCALES)('every template in %s', (locale) => {
	test.each(MAIL_TEMPLATES)('%s renders with no missing message', async (template) => {
		const mail = await render(template, locale)
		for (const [part, value] of Object.entries({ subject: mail.subject, html: mail.html, text: mail.text })) {
			expect(value.trim(), part).not.toBe('')
			expect(value, `${part} has an unfilled placeholder`).not.toContain('{{')
			expect(value, `${part} names a namespace`).not.toMatch(/\bmail:/)
			for (const key of latinKeys) expect(value, `${part} shows the raw key ${key}`).not.toContain(key)
		}
		expect(mail.subject).not.toMatch(/[\r\n]/)
	})

	test.each(REGISTRATION_MAIL_TEMPLATES)('%s says who sends it, why, and links to the registration', async (template) => {
		const mail = await render(template, locale)
		const manage = `${PUBLIC_URL}/tickets/${PARAMS_FOR[template].registration.manageToken}`
		expect(mail.text).toContain(manage)
		expect(mail.html).toContain(`href="${manage}"`)
		expect(mail.text).toContain('ana.jovic@example.org')
		expect(mail.text).toContain(PUBLIC_URL)
		expect(mail.text).toMatch(
			locale === 'sr-Cyrl'
				? /Центар за социјално предузетништво Крушевац/
				: locale === 'en'
					? /Center for Social Entrepreneurship/
					: /Centar za socijalno preduzetništvo Kruševac/,
		)
	})

	test.each(REGISTRATION_MAIL_TEMPLATES)('%s escapes what visitors and organizers typed', async (template) => {
		const mail = await render(template, locale)
		expect(mail.html).not.toContain('<b>Jović</b>')
		expect(mail.html).toContain('&#60;b&#62;Jović&#60;/b&#62; &#38; &#34;drugari&#34;')
		expect(mail.text).toContain('Ana <b>Jović</b> & "drugari"')
		expect(mail.html).toMatch(/^<!doctype html>\n<html lang="/)
		expect(mail.html).toContain('max-width:600px')
	})

	test.each(APPLICATION_MAIL_TEMPLATES)('%s says who sends it, why, and has the magic link', async (template) => {
		const mail = await render(template, locale)
		const link = `${PUBLIC_URL}/applications/${PARAMS_FOR[template].application.manageToken}`
		expect(mail.text).toContain(link)
		expect(mail.html).toContain(`href="${link}"`)
		expect(mail.text).toContain('mira.petrovic@example.org')
		expect(mail.text).toContain(PUBLIC_URL)
		expect(mail.text).toMatch(
			locale === 'sr-Cyrl'
				? /Центар за социјално предузетништво Крушевац/
				: locale === 'en'
					? /Center for Social Entrepreneurship/
					: /Centar za socijalno preduzetništvo Kruševac/,
		)
		// The fair's name, date and place.
		expect(mail.subject).toContain(locale === 'en' ? 'Mini-fair of Social Entrepreneurship' : locale === 'sr-Cyrl' ? 'Мини-сајам' : 'Mini-sajam')
		expect(mail.text).toContain(
			locale === 'en' ? 'Saturday, 19 December 2026' : locale === 'sr-Cyrl' ? 'субота, 19. децембар 2026.' : 'subota, 19. decembar 2026.',
		)
		expect(mail.text).toContain(locale === 'sr-Cyrl' ? 'Плато испред Културног центра' : 'Plato ispred Kulturnog centra')
		expect(mail.text).not.toContain('/tickets/')
	})

	test.each(APPLICATION_MAIL_TEMPLATES)('%s escapes the organization, the contact and the note', async (template) => {
		const mail = await render(template, locale)
		expect(mail.html).not.toMatch(/<i>Bilje|<b>Petrović|<script>/)
		expect(mail.html).toContain('Zadruga &#60;i&#62;Bilje&#60;/i&#62; &#38; &#34;Sunce&#34;')
		expect(mail.html).toContain('Mira &#60;b&#62;Petrović&#60;/b&#62;')
		expect(mail.text).toContain('Zadruga <i>Bilje</i> & "Sunce"')
		expect(mail.text).toContain('Mira <b>Petrović</b>')
		if (template === 'application-decision') {
			expect(mail.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
			expect(mail.text).toContain('<script>alert(1)</script> & "struja"')
		}
	})
})

describe('exhibitor mails', () => {
	const decision = (locale: Locale, application: Partial<ApplicationMailParams['application']>) =>
		render('application-decision', locale, applicationParams({ application: { status: application.releasedStatus ?? 'submitted', ...application } }))

	test('an acceptance asks for confirmation by the deadline, in Belgrade time and the reader’s words', async () => {
		const latin = await render('application-decision', 'sr-Latn')
		expect(latin.subject).toBe('Primljeni ste na sajam: Mini-sajam socijalnog preduzetništva, Kruševac; zima 2026')
		expect(latin.text).toContain('Čestitamo!')
		expect(latin.text).toContain('Molimo vas da učešće potvrdite najkasnije do: subota, 5. decembar 2026. u 23:59.')
		expect((await render('application-decision', 'sr-Cyrl')).text).toContain('најкасније до: субота, 5. децембар 2026. у 23:59.')
		const english = await render('application-decision', 'en')
		expect(english.text).toContain('Please confirm your participation by: Saturday, 5 December 2026, 23:59.')
		expect(english.html).toContain('>Confirm participation</a>')
	})

	test('the organizers’ note is shown as text under its heading; without one there is no heading', async () => {
		const mail = await render('application-decision', 'en')
		expect(mail.text).toContain('Message from the organizers:')
		expect(mail.text).toContain('Drugi red.')
		expect(mail.html).toContain('je obezbeđena.<br>Drugi red.')
		expect(mail.html).toMatch(/>Drugi pasus\.<\/p>/)
		const plain = await decision('en', { releasedStatus: 'accepted', confirmBy: CONFIRM_BY, decisionNote: '   ' })
		expect(plain.text).not.toContain('Message from the organizers')
	})

	test('waiting list and rejection say so, kindly, and ask for nothing by a deadline', async () => {
		const waitlisted = await decision('sr-Latn', { releasedStatus: 'waitlisted', decisionNote: 'Vi ste prvi na listi.' })
		expect(waitlisted.subject).toBe('Lista čekanja za sajam: Mini-sajam socijalnog preduzetništva, Kruševac; zima 2026')
		expect(waitlisted.text).toContain('na listi čekanja')
		expect(waitlisted.text).toContain('Ako se neko mesto oslobodi, javićemo vam')
		expect(waitlisted.text).toContain('Poruka organizatora:\n\nVi ste prvi na listi.')
		expect(waitlisted.text).not.toContain('najkasnije do')
		const rejected = await decision('en', { releasedStatus: 'rejected' })
		expect(rejected.subject).toBe('Decision on your fair application: Mini-fair of Social Entrepreneurship, Kruševac; winter 2026')
		expect(rejected.text).toContain('Unfortunately, this time we could not accept')
		expect(rejected.text).toContain('wish you every success')
		expect(rejected.text).not.toContain('Please confirm')
		expect(rejected.html).not.toContain('>Confirm participation</a>')
	})

	test('the decision follows what the exhibitor is told (releasedStatus), not a newer staged one', async () => {
		const mail = await render('application-decision', 'en', applicationParams({ application: { status: 'rejected', releasedStatus: 'waitlisted' } }))
		expect(mail.subject).toContain('Waiting list')
	})

	test('the reminder and the offer carry the deadline and what happens after it', async () => {
		const reminder = await render('application-confirm-reminder', 'sr-Latn')
		expect(reminder.text).toContain('subota, 5. decembar 2026. u 23:59')
		expect(reminder.text).toContain('mesto prelazi na sledećeg izlagača sa liste čekanja')
		const offer = await render('application-offer', 'en')
		expect(offer.subject).toBe('A place at the fair is free for you: Mini-fair of Social Entrepreneurship, Kruševac; winter 2026')
		expect(offer.text).toContain('accepted from the waiting list')
		expect(offer.text).toContain('Saturday, 5 December 2026, 23:59')
	})

	test('the received mail thanks, says what happens next, and carries no invite or attachment', async () => {
		const mail = await render('application-received', 'sr-Latn')
		expect(mail.subject).toBe('Prijava za štand je primljena: Mini-sajam socijalnog preduzetništva, Kruševac; zima 2026')
		expect(mail.text).toContain('Zdravo, Mira <b>Petrović</b>,')
		expect(mail.text).toContain('Izlagač: Zadruga <i>Bilje</i> & "Sunce"')
		expect(mail.text).toContain('Organizatori će pregledati sve prijave')
		expect(mail.icalEvent).toBeUndefined()
		expect(mail.attachments ?? []).toHaveLength(0)
	})

	test('the stand mail: stand, map link, setup slot as an invite of its own, what to bring', async () => {
		const mail = await render('application-stand', 'en')
		expect(mail.subject).toContain('B3')
		expect(mail.text).toContain(`${PUBLIC_URL}/fairs/mini-sajam-2026/map?stand=B3&lang=en`)
		expect(mail.text).toContain('Setup: Saturday, 19 December 2026 from 09:00')
		expect(mail.text).toContain('an extension cable')
		const { vevent, method } = parseInvite(mail)
		expect(method).toBe('REQUEST')
		expect(vevent.getFirstPropertyValue('uid')).toBe('stand-setup-7-12@sajam.example')
		expect(utc(vevent, 'dtstart')).toBe('2026-12-19T08:00:00.000Z')
		expect(utc(vevent, 'dtend')).toBe('2026-12-19T09:00:00.000Z')
		// Without power there is no extension cable to bring; Cyrillic for sr-Cyrl.
		const noPower = { ...PARAMS_FOR['application-stand'], stand: { label: 'A1', zone: null, sizeM2: 4, power: false } }
		expect((await render('application-stand', 'en', noPower)).text).not.toContain('extension cable')
		expect((await render('application-stand', 'sr-Cyrl')).text).toContain('Штанд: B3')
	})

	test('the fair cancelled carries the organizers’ message, as text, like the visitors’ cancellation', async () => {
		const mail = await render('application-fair-cancelled', 'sr-Latn', {
			...PARAMS_FOR['application-fair-cancelled'],
			message: 'Kiša <b>jaka</b>.\n\nVidimo se u proleće.',
		})
		expect(mail.text).toContain('Kiša <b>jaka</b>.')
		expect(mail.text).toContain('Vidimo se u proleće.')
		expect(mail.html).not.toContain('<b>jaka</b>')
		expect((await render('application-fair-cancelled', 'sr-Latn')).text).not.toContain('Poruka organizatora')
	})

	test('the fair cancelled: says so, and takes the setup slot out of the calendar', async () => {
		const mail = await render('application-fair-cancelled', 'en')
		expect(mail.subject).toMatch(/cancelled/)
		const { vevent, method } = parseInvite(mail)
		expect(method).toBe('CANCEL')
		expect(vevent.getFirstPropertyValue('uid')).toBe('stand-setup-7-12@sajam.example')
		// Someone who had no stand yet gets the news without an invite.
		const noStand = { ...PARAMS_FOR['application-fair-cancelled'], stand: undefined }
		expect((await render('application-fair-cancelled', 'sr-Latn', noStand)).icalEvent).toBeUndefined()
	})
})

describe.each(LOCALES)('optional mails in %s', (locale) => {
	const stop = `${PUBLIC_URL}/tickets/${params().registration.manageToken}/stop-mails`

	test('the reminder carries the QR, the time and place, the way there, how to cancel and the stop link', async () => {
		const mail = await render('event-reminder', locale)
		expect(mail.attachments?.some((a) => a.cid === QR_CID)).toBe(true)
		expect(mail.html).toContain(`cid:${QR_CID}`)
		expect(mail.text).toContain(locale === 'sr-Cyrl' ? 'Плато испред Културног центра' : 'Plato ispred Kulturnog centra')
		expect(mail.text).toContain(
			locale === 'en' ? 'Saturday, 19 December 2026' : locale === 'sr-Cyrl' ? 'субота, 19. децембар 2026.' : 'subota, 19. decembar 2026.',
		)
		expect(mail.text).toContain('10:00')
		expect(mail.text).toContain('https://www.openstreetmap.org/search?query=')
		expect(mail.text).toContain(`${PUBLIC_URL}/tickets/${params().registration.manageToken}`)
		expect(mail.text).toMatch(locale === 'en' ? /cancel/i : locale === 'sr-Cyrl' ? /Откажите/ : /Otkažite/)
		expect(mail.text).toContain(stop)
		expect(mail.html).toContain(`href="${stop}"`)
		expect(mail.icalEvent).toBeUndefined()
	})

	test('the thank-you has no ticket and no survey link until events have surveys, and carries the stop link', async () => {
		const mail = await render('event-follow-up', locale)
		expect(mail.attachments ?? []).toEqual([])
		expect(mail.text).toContain(stop)
		expect(mail.text).not.toMatch(/survey|anket/i)
	})

	test('the setup reminder names the stand, the setup time in Belgrade and the exhibitor’s stop link', async () => {
		const mail = await render('application-setup-reminder', locale)
		expect(mail.text).toContain('B3')
		expect(mail.text).toContain('09:00')
		expect(mail.text).toContain(`${PUBLIC_URL}/applications/${applicationParams().application.manageToken}/stop-mails`)
	})

	test('messages to all carry the stop link: a visitor’s to the ticket’s, an exhibitor’s to the application’s', async () => {
		expect((await render('event-message', locale)).text).toContain(stop)
		expect((await render('fair-message', locale)).text).toContain(`${PUBLIC_URL}/applications/${applicationParams().application.manageToken}/stop-mails`)
	})

	test('mails one needs to take part carry no stop link', async () => {
		for (const template of MAIL_TEMPLATES.filter((t) => !(OPTIONAL_MAIL_TEMPLATES as readonly string[]).includes(t))) {
			expect((await render(template, locale)).text, template).not.toContain('/stop-mails')
		}
	})
})

describe('language and formatting', () => {
	test('event texts and dates follow the recipient’s language and script', async () => {
		const latin = await render('registration-confirmed', 'sr-Latn')
		const cyrillic = await render('registration-confirmed', 'sr-Cyrl')
		const english = await render('registration-confirmed', 'en')
		expect(latin.subject).toBe('Prijava potvrđena: Mini-sajam socijalnog preduzetništva, Kruševac; zima 2026')
		expect(cyrillic.subject).toBe('Пријава потврђена: Мини-сајам социјалног предузетништва, Крушевац; зима 2026')
		expect(english.subject).toBe('Registration confirmed: Mini-fair of Social Entrepreneurship, Kruševac; winter 2026')
		// 10:00 in Belgrade (UTC+1 in December), in each language's own date words.
		expect(latin.text).toContain('Datum: subota, 19. decembar 2026.\nVreme: 10:00–17:00')
		expect(cyrillic.text).toContain('Датум: субота, 19. децембар 2026.\nВреме: 10:00–17:00')
		expect(english.text).toContain('Date: Saturday, 19 December 2026\nTime: 10:00–17:00')
		expect(english.html).toContain('Saturday, 19 December 2026 · 10:00–17:00') // the preheader
		expect(cyrillic.text).toContain('Плато испред Културног центра, Трг косовских јунака, Крушевац')
	})

	test('an event over several days shows the whole range', async () => {
		const mail = await render('registration-link', 'sr-Latn', params({ event: { startsAt: '2026-12-19T09:00:00.000Z', endsAt: '2026-12-20T15:00:00.000Z' } }))
		expect(mail.text).toMatch(/Kada: 19\. 12\. 2026\. 10:00 – 20\. 12\. 2026\. 16:00/)
	})

	test('party sizes use the language’s plural forms', async () => {
		const party = async (locale: Locale, partySize: number) => (await render('registration-link', locale, params({ registration: { partySize } }))).text
		expect(await party('sr-Latn', 1)).toContain('Dolazite: 1 osoba')
		expect(await party('sr-Latn', 3)).toContain('Dolazite: 3 osobe')
		expect(await party('sr-Latn', 5)).toContain('Dolazite: 5 osoba')
		expect(await party('sr-Cyrl', 2)).toContain('Долазите: 2 особе')
		expect(await party('en', 1)).toContain('Coming: 1 person')
		expect(await party('en', 4)).toContain('Coming: 4 people')
	})

	test('the waiting-list mail says there is no place yet, the position, what happens next and how to leave', async () => {
		const expected: Record<Locale, string[]> = {
			'sr-Latn': [
				'Mesto na događaju još nemate i ulaznicu za sada ne dobijate.',
				'Vaš redni broj na listi čekanja: 4.',
				'Prijavili ste 3 osobe.',
				'Kad dođe red na vas, stići će vam imejl sa ulaznicom.',
				'napustite listu čekanja preko linka ispod',
				'Otvori prijavu na listi čekanja',
			],
			'sr-Cyrl': [
				'Место на догађају још немате и улазницу за сада не добијате.',
				'Ваш редни број на листи чекања: 4.',
				'Пријавили сте 3 особе.',
				'Кад дође ред на вас, стићи ће вам имејл са улазницом.',
				'напустите листу чекања преко линка испод',
			],
			en: [
				'You do not have a place at the event yet, and no ticket for now.',
				'Your number on the waiting list: 4.',
				'You registered 3 people.',
				'When your turn comes, you will get an email with your ticket.',
				'leave the waiting list through the link below',
				'Open my waiting-list registration',
			],
		}
		for (const locale of LOCALES) {
			const mail = await render('registration-waitlisted', locale)
			for (const line of expected[locale]) expect(mail.text, locale).toContain(line)
			expect(mail.html, locale).toContain(expected[locale][1]!)
			// Nothing that reads like a held place: no "you are coming", no ticket to see, no invite.
			expect(mail.text, locale).not.toMatch(/Dolazite|Долазите|Coming|vidite kartu|see your ticket|karta|карта/i)
			expect(mail.icalEvent, locale).toBeUndefined()
		}
	})
})

describe('the ticket', () => {
	test.each(['registration-confirmed', 'registration-promoted'] as const)('%s shows the QR inline as a PNG (CID)', async (template) => {
		const mail = await render(template, 'sr-Latn')
		const qr = mail.attachments?.find((a) => a.cid === QR_CID)
		expect(qr?.contentType).toBe('image/png')
		expect(qr!.content.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
		expect(mail.html).toContain(`src="cid:${QR_CID}"`)
		expect(mail.html).not.toMatch(/src="data:|<svg/)
	})

	test('the PNG is a valid image of exactly the ticket code’s QR modules', () => {
		// Decoded by pngjs (the PNG library the qrcode package itself uses), which checks every CRC.
		const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } } }
		const code = PARAMS_FOR['registration-confirmed'].registration.ticketCode!
		const image = PNG.sync.read(qrPng(code, { scale: 3, margin: 4 }))
		const { modules } = QRCode.create(code, { errorCorrectionLevel: 'M' })
		expect(image.width).toBe((modules.size + 8) * 3)
		expect(image.height).toBe(image.width)
		let dark = 0
		for (let y = 0; y < image.height; y++) {
			for (let x = 0; x < image.width; x++) {
				const [my, mx] = [Math.floor(y / 3) - 4, Math.floor(x / 3) - 4]
				const expected = my >= 0 && mx >= 0 && my < modules.size && mx < modules.size && modules.get(my, mx) ? 0 : 255
				const pixel = image.data[(y * image.width + x) * 4]!
				if (pixel !== expected) throw new Error(`pixel ${x},${y} is ${pixel}, expected ${expected}`)
				if (pixel === 0) dark++
			}
		}
		expect(dark).toBeGreaterThan(modules.size * 9)
	})

	test('mails without a ticket carry no QR', async () => {
		for (const template of ['registration-waitlisted', 'registration-cancelled', 'registration-link', 'event-cancelled'] as const) {
			const mail = await render(template, 'en')
			expect(mail.attachments ?? [], template).toHaveLength(0)
			expect(mail.html, template).not.toContain(`cid:${QR_CID}`)
		}
	})
})

describe('calendar invites', () => {
	const uid = 'event-7@sajam.example'

	test.each(['registration-confirmed', 'registration-promoted', 'event-updated'] as const)('%s: a REQUEST with what RFC 5546 asks for', async (template) => {
		const mail = await render(template, 'sr-Cyrl')
		const { calendar, vevent, method } = parseInvite(mail)
		expect(method).toBe('REQUEST')
		expect(mail.icalEvent!.method).toBe('REQUEST')
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
		expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy()
		expect(vevent.getFirstPropertyValue('uid')).toBe(uid)
		expect(vevent.getFirstPropertyValue('sequence')).toBe(PARAMS_FOR[template].event.sequence)
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED')
		expect(utc(vevent, 'dtstamp')).toBe(QUEUED_AT.toISOString())
		expect(utc(vevent, 'dtstart')).toBe(PARAMS_FOR[template].event.startsAt)
		expect(utc(vevent, 'dtend')).toBe(PARAMS_FOR[template].event.endsAt)
		expect(vevent.getFirstPropertyValue('summary')).toBe('Мини-сајам социјалног предузетништва, Крушевац; зима 2026')
		expect(vevent.getFirstPropertyValue('location')).toBe('Плато испред Културног центра, Трг косовских јунака, Крушевац')
		const organizer = vevent.getFirstProperty('organizer')!
		expect(organizer.getFirstValue()).toBe('mailto:no-reply@sajam.example')
		// Without a contact address the sender is the organizer, its default name in the reader's script.
		expect(organizer.getParameter('cn')).toBe('Сајам')
		const attendees = vevent.getAllProperties('attendee')
		expect(attendees).toHaveLength(1)
		expect(attendees[0]!.getFirstValue()).toBe('mailto:ana.jovic@example.org')
		expect(attendees[0]!.getParameter('partstat')).toBe('ACCEPTED')
		expect(attendees[0]!.getParameter('rsvp')).toBe('FALSE')
		expect(attendees[0]!.getParameter('cn')).toBe('Ana <b>Jović</b> & drugari')
		expect(attendees[0]!.getParameter('x-num-guests')).toBe('2')
		expect(String(vevent.getFirstPropertyValue('description'))).toContain(`${PUBLIC_URL}/tickets/`)
	})

	test('the updated invite keeps the UID and raises the SEQUENCE', async () => {
		const first = parseInvite(await render('registration-confirmed', 'en')).vevent
		const updated = parseInvite(await render('event-updated', 'en')).vevent
		expect(updated.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'))
		expect(Number(updated.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(first.getFirstPropertyValue('sequence')))
		expect(utc(updated, 'dtstart')).toBe('2026-12-20T09:00:00.000Z')
	})

	test('the event’s cancellation is METHOD:CANCEL, STATUS:CANCELLED, same UID', async () => {
		const first = parseInvite(await render('registration-confirmed', 'sr-Latn'))
		const mail = await render('event-cancelled', 'sr-Latn')
		const { vevent, method } = parseInvite(mail)
		expect(method).toBe('CANCEL')
		expect(mail.icalEvent!.method).toBe('CANCEL')
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
		expect(vevent.getFirstPropertyValue('uid')).toBe(first.vevent.getFirstPropertyValue('uid'))
		expect(Number(vevent.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(first.vevent.getFirstPropertyValue('sequence')))
		expect(vevent.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:no-reply@sajam.example')
		expect(vevent.getFirstProperty('attendee')!.getFirstValue()).toBe('mailto:ana.jovic@example.org')
		expect(utc(vevent, 'dtstart')).toBe('2026-12-19T09:00:00.000Z')
	})

	test('waitlisted visitors of a cancelled event get no cancellation of an entry they never had', async () => {
		const mail = await render(
			'event-cancelled',
			'en',
			params({ event: { status: 'cancelled', sequence: 3 }, registration: { status: 'waitlisted', ticketCode: null } }),
		)
		expect(mail.icalEvent).toBeUndefined()
	})

	test('a visitor’s own cancellation removes the entry: CANCEL, same UID, a higher SEQUENCE, later DTSTAMP, DECLINED', async () => {
		const confirmed = parseInvite(await render('registration-confirmed', 'en')).vevent
		const cancelledAt = new Date('2026-11-25T12:00:00Z')
		const mail = await render('registration-cancelled', 'en', PARAMS_FOR['registration-cancelled'], cancelledAt)
		const { vevent, method } = parseInvite(mail)
		expect(method).toBe('CANCEL')
		expect(vevent.getFirstPropertyValue('uid')).toBe(uid)
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
		// A CANCEL must be newer by SEQUENCE than the REQUEST the person got (not every client weighs DTSTAMP).
		expect(vevent.getFirstPropertyValue('sequence')).toBe(Number(confirmed.getFirstPropertyValue('sequence')) + 1)
		expect(utc(vevent, 'dtstamp')).toBe(cancelledAt.toISOString())
		expect(cancelledAt > QUEUED_AT).toBe(true)
		expect(vevent.getFirstProperty('attendee')!.getParameter('partstat')).toBe('DECLINED')
		// Registering again later brings the entry back: a REQUEST newer than the cancellation.
		const again = parseInvite(
			await render('registration-confirmed', 'en', params({ registration: { id: 58, inviteRound: 1 } }), new Date('2026-11-26T09:00:00Z')),
		).vevent
		expect(again.getFirstPropertyValue('uid')).toBe(uid)
		expect(Number(again.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(vevent.getFirstPropertyValue('sequence')))
		// …and cancelling that one is newer again.
		const againCancelled = parseInvite(
			await render('registration-cancelled', 'en', params({ registration: { id: 58, inviteRound: 1, status: 'cancelled' } })),
		).vevent
		expect(Number(againCancelled.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(again.getFirstPropertyValue('sequence')))
		expect(utc(again, 'dtstamp') > utc(vevent, 'dtstamp')).toBe(true)
		const waitlisted = params({ registration: { status: 'cancelled', ticketCode: null, wasConfirmed: false } as Partial<MailParams['registration']> })
		expect((await render('registration-cancelled', 'en', waitlisted)).icalEvent).toBeUndefined()
	})

	test('the UID is the event’s, as in the public feed and the event’s .ics', async () => {
		const { event } = params()
		const feed = buildCalendar(
			[
				{
					...event,
					description: '',
					descriptionEn: null,
					startsAt: new Date(event.startsAt),
					endsAt: new Date(event.endsAt),
					createdAt: new Date(event.createdAt),
					updatedAt: new Date(event.updatedAt),
				},
			],
			'en',
			PUBLIC_URL,
		)
		const feedUid = new ICAL.Component(ICAL.parse(feed)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid')
		expect(parseInvite(await render('registration-confirmed', 'en')).vevent.getFirstPropertyValue('uid')).toBe(feedUid)
		expect(feedUid).toBe(uid)
	})

	test('text values are escaped as RFC 5545 3.3.11 asks', async () => {
		expect(escapeText('Sala 1; sprat 2, levo\\desno\nulaz')).toBe('Sala 1\\; sprat 2\\, levo\\\\desno\\nulaz')
		const raw = (await render('registration-confirmed', 'sr-Latn')).icalEvent!.content.replace(/\r\n /g, '')
		expect(raw).toContain('SUMMARY:Mini-sajam socijalnog preduzetništva\\, Kruševac\\; zima 2026\r\n')
	})

	test('lines are CRLF and folded at 75 octets, never inside a letter', async () => {
		const content = (await render('registration-confirmed', 'sr-Cyrl')).icalEvent!.content
		expect(content.endsWith('\r\n')).toBe(true)
		expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
		for (const line of content.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75)
		const long = 'DESCRIPTION:' + 'Ђурђевдан у Крушевцу 🎉 '.repeat(12)
		const folded = foldLine(long)
		expect(folded.split('\r\n ').join('')).toBe(long)
		for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
	})
})

describe('renderMail', () => {
	const ctx = mailContext('en', { publicUrl: PUBLIC_URL, from: FROM, queuedAt: QUEUED_AT })

	test('refuses an unknown template and erased parameters, which no retry can fix', async () => {
		await expect(renderMail('no-such-template', params(), ctx)).rejects.toBeInstanceOf(UnrenderableMailError)
		await expect(renderMail('registration-confirmed', {}, ctx)).rejects.toBeInstanceOf(UnrenderableMailError)
		for (const template of APPLICATION_MAIL_TEMPLATES) {
			await expect(renderMail(template, {}, ctx), template).rejects.toBeInstanceOf(UnrenderableMailError)
			await expect(renderMail(template, null, ctx), template).rejects.toBeInstanceOf(UnrenderableMailError)
			// A registration's parameters are no application's.
			await expect(renderMail(template, params(), ctx), template).rejects.toBeInstanceOf(UnrenderableMailError)
		}
		await expect(renderMail('registration-confirmed', applicationParams(), ctx)).rejects.toBeInstanceOf(UnrenderableMailError)
	})

	test('renders an application mail from its stored parameters', async () => {
		const stored = JSON.parse(JSON.stringify(PARAMS_FOR['application-offer'])) as unknown
		const mail = await renderMail('application-offer', stored, ctx)
		expect(mail.text).toContain(`${PUBLIC_URL}/applications/app_`)
	})

	test('renders the same row the same way twice (a resend after a crash is the same mail)', async () => {
		const a = await renderMail('registration-confirmed', params(), ctx)
		const b = await renderMail('registration-confirmed', params(), ctx)
		expect(b.html).toBe(a.html)
		expect(b.icalEvent!.content).toBe(a.icalEvent!.content)
		expect(b.attachments![0]!.content.equals(a.attachments![0]!.content)).toBe(true)
	})
})

describe.each(LOCALES)('account mails in %s', (locale) => {
	test.each(ACCOUNT_MAIL_TEMPLATES)('%s carries the one-time link, when it ends, and why the mail came', async (template) => {
		const mail = await render(template, locale)
		const { url, email } = PARAMS_FOR[template].account
		expect(mail.text).toContain(url)
		expect(mail.html).toContain(`href="${url}"`)
		expect(mail.text).toContain(email)
		// The end of the link in Belgrade time (17:00), not UTC.
		expect(mail.text).toContain('17:00')
		expect(mail.text).toMatch(
			locale === 'sr-Cyrl'
				? /Центар за социјално предузетништво Крушевац/
				: locale === 'en'
					? /Center for Social Entrepreneurship/
					: /Centar za socijalno preduzetništvo Kruševac/,
		)
	})

	test('the invitation names the inviter and the role, escaped', async () => {
		const mail = await render('account-invitation', locale)
		expect(mail.html).not.toContain('<i>Ilić</i>')
		expect(mail.html).not.toContain('<b>Savić</b>')
		expect(mail.text).toContain('Vesna <i>Ilić</i>')
		expect(mail.text).toContain(locale === 'sr-Cyrl' ? 'организатор' : locale === 'en' ? 'organizer' : 'organizator')
	})

	test('a sent account mail (its parameters blanked) cannot be rendered again', async () => {
		await expect(renderMail('password-reset', {}, mailContext(locale, { publicUrl: PUBLIC_URL, from: FROM, queuedAt: QUEUED_AT }))).rejects.toBeInstanceOf(
			UnrenderableMailError,
		)
	})
})

describe('one look and one voice', () => {
	test('every mail carries the site’s mark (an inline PNG its HTML shows), its colours, a language and a plain-text part', async () => {
		for (const template of MAIL_TEMPLATES) {
			const mail = await renderMail(template, PARAMS_FOR[template], mailContext('sr-Latn', { publicUrl: PUBLIC_URL, from: FROM, queuedAt: QUEUED_AT }))
			const logo = mail.attachments?.find((a) => a.cid === LOGO_CID)
			expect(logo?.contentType, template).toBe('image/png')
			expect(logo!.content.subarray(1, 4).toString('latin1'), template).toBe('PNG')
			expect(mail.html, template).toContain(`src="cid:${LOGO_CID}"`)
			expect(mail.html, template).toContain('<html lang="sr-Latn">')
			// The site's green, never the old blue; every image has an alt.
			expect(mail.html, template).not.toContain('#0b5cad')
			expect(mail.html.match(/<img /g)!.length, template).toBe(mail.html.match(/<img [^>]*alt="/g)!.length)
			expect(mail.text.length, template).toBeGreaterThan(50)
		}
		const confirmed = await renderMail(
			'registration-confirmed',
			PARAMS_FOR['registration-confirmed'],
			mailContext('en', { publicUrl: PUBLIC_URL, from: FROM, queuedAt: QUEUED_AT }),
		)
		expect(confirmed.html).toMatch(/<td class="btn" bgcolor="#0d5447"/)
	})

	test('the default sender name is written in the reader’s script; a name of one’s own is kept', () => {
		const ctx = (locale: Locale, name: string) =>
			mailContext(locale, { publicUrl: PUBLIC_URL, from: { name, address: 'no-reply@sajam.example' }, queuedAt: QUEUED_AT })
		expect(ctx('sr-Cyrl', 'Sajam').from).toEqual({ name: 'Сајам', address: 'no-reply@sajam.example' })
		expect(ctx('sr-Latn', 'Sajam').from.name).toBe('Sajam')
		expect(ctx('en', 'Sajam').from.name).toBe('Sajam')
		expect(ctx('sr-Cyrl', 'Centar Sajam').from.name).toBe('Centar Sajam')
	})

	test('with the Center’s contact address, every invite’s ORGANIZER is the Center, and still asks for no reply', async () => {
		const withContact = mailContext('sr-Latn', { publicUrl: PUBLIC_URL, from: FROM, queuedAt: QUEUED_AT, contactEmail: 'kontakt@csp.example' })
		for (const template of ['registration-confirmed', 'registration-cancelled', 'event-updated', 'application-stand'] as const) {
			const mail = await (MAIL_BUILDERS[template] as MailBuilder<MailParamsOf<typeof template>>)(PARAMS_FOR[template], withContact)
			const vevent = parseInvite(mail).vevent
			const organizer = vevent.getFirstProperty('organizer')!
			expect(organizer.getFirstValue(), template).toBe('mailto:kontakt@csp.example')
			expect(organizer.getParameter('cn'), template).toBe('Centar za socijalno preduzetništvo Kruševac')
			expect(vevent.getFirstProperty('attendee')!.getParameter('rsvp'), template).toBe('FALSE')
			// …and the mail says where to ask.
			expect(mail.text, template).toContain('Imate pitanje? Odgovorite na ovu poruku ili pišite na kontakt@csp.example.')
		}
		expect((await render('registration-confirmed', 'sr-Latn')).text).not.toContain('Imate pitanje?')
	})
})
