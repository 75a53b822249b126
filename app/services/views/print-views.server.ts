// What the organizer's print pages draw (issue 18): the A4 sheet of ticket cards for people who
// registered without a phone or imejl, and the name badges (A6, or 70×37 mm labels 3×8 on A4). The
// printed words are in the sheet's language (the page's by default); each QR is drawn by the same
// drawQr as the visitor's ticket page, from the same signed ticket code, so it scans like any ticket.
import type { EventRow } from '#db/schema/index.ts'
import { categoryCodes, categoryNameByCode } from '#app/domain/fair-settings-input.ts'
import { formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import {
	LABELS_PER_SHEET,
	TICKETS_PER_SHEET,
	categoryColours,
	intoPages,
	needsPrintedTicket,
	type BadgeQuery,
	type TicketSheetQuery,
} from '#app/domain/print-sheets.ts'
import type { Db } from '#app/utils/db.server.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { getFairSettings } from '#app/services/queries/fair-settings.server.ts'
import { badgeExhibitors, printableRegistrations } from '#app/services/queries/print-sheets.server.ts'
import { eventFactsView } from '#app/services/views/event-views.server.ts'
import { drawQr, type QrDrawing } from '#app/services/views/ticket-qr.server.ts'

/** The event as a printed ticket or badge names it, in the sheet's language. */
function printedEvent(event: EventRow, lang: Locale) {
	const facts = eventFactsView(event, lang)
	return {
		id: event.id,
		title: facts.title,
		/** The title is in Serbian Latin only (no English written): marked so a reader speaks it right. */
		titleLang: facts.untranslated ? ('sr-Latn' as const) : undefined,
		date: facts.date,
		time: facts.time,
		place: [facts.venueName, facts.venueAddress].filter(Boolean).join(', '),
		cancelled: event.status === 'cancelled',
		isFair: event.kind === 'fair',
	}
}

export type TicketSlip = { id: number; name: string; persons: string; qr: QrDrawing }

export function ticketSheetView(db: Db, event: EventRow, query: TicketSheetQuery, pageLocale: Locale) {
	const lang = query.sheetLang ?? pageLocale
	const words = getT(lang, ['print', 'ticket'])
	const all = printableRegistrations(db, event.id)
	const needing = all.filter(needsPrintedTicket)
	const selected = new Set(query.selected)
	// A cancelled event's tickets admit nobody: nothing to print.
	const chosen = event.status === 'cancelled' ? [] : query.which === 'all' ? all : query.which === 'selected' ? all.filter((r) => selected.has(r.id)) : needing
	const chosenIds = new Set(chosen.map((r) => r.id))
	const slips: TicketSlip[] = chosen.map((r) => ({
		id: r.id,
		name: r.name,
		persons: words('ticket:persons', { count: r.partySize, formatted: formatNumber(r.partySize, lang) }),
		qr: drawQr(r.ticketCode),
	}))
	return {
		lang,
		event: printedEvent(event, lang),
		words: {
			heading: words('print:slip.heading'),
			showAtEntrance: words('print:slip.showAtEntrance'),
			qrAlt: words('ticket:qrAlt'),
		},
		pages: intoPages(slips, TICKETS_PER_SHEET),
		counts: {
			confirmed: formatNumber(all.length, pageLocale),
			needing: formatNumber(needing.length, pageLocale),
			chosen: chosen.length,
			chosenText: formatNumber(chosen.length, pageLocale),
			sheets: formatNumber(Math.ceil(chosen.length / TICKETS_PER_SHEET), pageLocale),
		},
		/** Every confirmed registration, for the selection's checkboxes. */
		list: all.map((r) => ({
			id: r.id,
			name: r.name,
			partySize: formatNumber(r.partySize, pageLocale),
			withoutEmail: r.email === null,
			byOrganizer: r.source === 'organizer',
			checked: chosenIds.has(r.id),
		})),
	}
}

export type TicketSheetView = ReturnType<typeof ticketSheetView>

export type Badge = {
	key: string
	name: string | null
	organisation: string | null
	category: { name: string; colour: string } | null
	stand: string | null
	qr: QrDrawing | null
}

/** An empty place on a started label sheet. */
export type BadgeSlot = Badge | null

export function badgeSheetView(db: Db, event: EventRow, query: BadgeQuery, pageLocale: Locale) {
	const lang = query.sheetLang ?? pageLocale
	const words = getT(lang, ['print', 'fair', 'ticket'])
	const printed = printedEvent(event, lang)
	let badges: Badge[]
	let legend: Array<{ name: string; colour: string; count: string }> = []
	if (query.people === 'exhibitors') {
		const exhibitors = badgeExhibitors(db, event.id)
		const fairCategories = getFairSettings(db, event.id).categories
		const colours = categoryColours([...categoryCodes(fairCategories), ...exhibitors.map((e) => e.category)])
		const categoryName = (code: string) => categoryNameByCode(fairCategories, code, lang, (c) => words(`fair:category.${c}`, { defaultValue: c }))
		badges = exhibitors.map((e) => ({
			key: `a${e.id}`,
			name: null,
			organisation: e.orgName,
			category: { name: categoryName(e.category), colour: colours.get(e.category)! },
			stand: e.standLabel ? words('print:badge.stand', { label: e.standLabel }) : null,
			qr: null,
		}))
		const used = [...colours.keys()].filter((code) => exhibitors.some((e) => e.category === code))
		legend = used.map((code) => ({
			name: categoryNameByCode(fairCategories, code, pageLocale, (c) => getT(pageLocale, 'fair')(`category.${c}`, { defaultValue: c })),
			colour: colours.get(code)!,
			count: formatNumber(exhibitors.filter((e) => e.category === code).length, pageLocale),
		}))
	} else {
		badges = printableRegistrations(db, event.id).map((r) => ({
			key: `r${r.id}`,
			name: r.name,
			// No organisation is asked at registration today: the line stays empty.
			organisation: null,
			category: null,
			stand: null,
			qr: query.qr && !printed.cancelled ? drawQr(r.ticketCode) : null,
		}))
	}
	const copies = badges.flatMap((badge) => Array.from({ length: query.copies }, (_, i) => ({ ...badge, key: `${badge.key}-${i}` })))
	const slots: BadgeSlot[] = [...Array.from({ length: query.skip }, () => null), ...copies]
	return {
		lang,
		event: printed,
		words: {
			writeName: words('print:badge.writeName'),
			qrAlt: words('ticket:qrAlt'),
		},
		pages: query.layout === 'a6' ? copies.map((badge) => [badge] as BadgeSlot[]) : intoPages(slots, LABELS_PER_SHEET),
		legend,
		count: copies.length,
		countText: formatNumber(copies.length, pageLocale),
		sheetsText: formatNumber(query.layout === 'a6' ? copies.length : Math.ceil(slots.length / LABELS_PER_SHEET), pageLocale),
	}
}

export type BadgeSheetView = ReturnType<typeof badgeSheetView>
