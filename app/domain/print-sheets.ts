// What the organizer's print pages (issue 18) print and how: the ticket sheet for people without a
// phone or imejl (/admin/events/{id}/print/tickets) and the name badges (/admin/events/{id}/print/badges).
// Their address bars (a GET form, so they work without JavaScript), who gets a printed ticket by
// default, the sheet layouts in millimetres and the colours of the exhibitors' categories.
import { z } from 'zod'
import { LOCALES } from './locale.ts'
import type { RegistrationSource } from './vocabulary.ts'

/** Which registrations the ticket sheet prints: those who need paper (default), all, or a selection. */
export const TICKET_CHOICES = ['default', 'all', 'selected'] as const
export type TicketChoice = (typeof TICKET_CHOICES)[number]

/** Ticket cards per A4 sheet: two columns, four rows, cut along the dashed lines. */
export const TICKET_SHEET = { columns: 2, rows: 4 } as const
export const TICKETS_PER_SHEET = TICKET_SHEET.columns * TICKET_SHEET.rows

/**
 * A person who needs a printed ticket: registered without an imejl address (no ticket mail could
 * reach them), or registered by an organizer (on the phone or at the Center's desk).
 */
export function needsPrintedTicket(registration: { email: string | null; source: RegistrationSource }): boolean {
	return registration.email === null || registration.source === 'organizer'
}

/** The badge layouts: one A6 badge per page, or a sheet of 70×37 mm labels, 3×8 on A4 (Zweckform 3474 and alike). */
export const BADGE_LAYOUTS = ['a6', 'labels'] as const
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number]

/** The label sheet in millimetres: 3 × 70 mm fill the 210 mm width; 8 × 37 mm leave 0.5 mm above and below. */
export const LABEL_SHEET = { columns: 3, rows: 8, widthMm: 70, heightMm: 37, topMm: 0.5 } as const
export const LABELS_PER_SHEET = LABEL_SHEET.columns * LABEL_SHEET.rows

/** Whose badges: a fair's exhibitors (their organisation from the accepted application) or the visitors. */
export const BADGE_PEOPLE = ['exhibitors', 'visitors'] as const
export type BadgePeople = (typeof BADGE_PEOPLE)[number]

export const MAX_BADGE_COPIES = 6
export const MAX_SKIPPED_LABELS = LABELS_PER_SHEET - 1

const id = z.coerce.number<string>().int().min(1).max(Number.MAX_SAFE_INTEGER)
const sheetLang = z.enum(LOCALES).optional().catch(undefined)

/** A wrong or hand-edited value falls back to the default: these are GET pages and a bookmark should open. */
const TicketSheetQuerySchema = z.object({
	which: z.enum(TICKET_CHOICES).catch('default').default('default'),
	sheetLang,
})

export type TicketSheetQuery = z.infer<typeof TicketSheetQuerySchema> & { selected: number[] }

/** The selected registrations come as repeated `r` (checkboxes); an unreadable one is left out. */
function selectedIds(params: URLSearchParams): number[] {
	const ids = params
		.getAll('r')
		.map((value) => id.safeParse(value))
		.flatMap((parsed) => (parsed.success ? [parsed.data] : []))
	return [...new Set(ids)]
}

export function parseTicketSheetQuery(params: URLSearchParams): TicketSheetQuery {
	const query = TicketSheetQuerySchema.parse({ which: params.get('which') ?? undefined, sheetLang: params.get('sheetLang') ?? undefined })
	return { ...query, selected: selectedIds(params) }
}

const BadgeQuerySchema = z.object({
	layout: z.enum(BADGE_LAYOUTS).catch('a6').default('a6'),
	people: z.enum(BADGE_PEOPLE).optional().catch(undefined),
	qr: z
		.literal('1')
		.optional()
		.catch(undefined)
		.transform((value) => value === '1'),
	copies: z.coerce.number<string>().int().min(1).max(MAX_BADGE_COPIES).catch(1).default(1),
	/** Labels already used on a started sheet: the first badge goes on the next one. */
	skip: z.coerce.number<string>().int().min(0).max(MAX_SKIPPED_LABELS).catch(0).default(0),
	sheetLang,
})

export type BadgeQuery = Omit<z.infer<typeof BadgeQuerySchema>, 'people'> & { people: BadgePeople }

/** `isFair`: a fair's badges are its exhibitors' by default, any other event's its visitors'. */
export function parseBadgeQuery(params: URLSearchParams, isFair: boolean): BadgeQuery {
	const field = (name: string) => params.get(name) ?? undefined
	const query = BadgeQuerySchema.parse({
		layout: field('layout'),
		people: field('people'),
		qr: field('qr'),
		copies: field('copies'),
		skip: field('skip'),
		sheetLang: field('sheetLang'),
	})
	const people: BadgePeople = isFair ? (query.people ?? 'exhibitors') : 'visitors'
	return { ...query, people, skip: query.layout === 'labels' ? query.skip : 0 }
}

/** Items cut into pages of `perPage` (the last one may be shorter); none gives no page. */
export function intoPages<T>(items: readonly T[], perPage: number): T[][] {
	const pages: T[][] = []
	for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage))
	return pages
}

/**
 * Colours for the categories' strips, distinct in print and apart for the common kinds of colour
 * blindness as far as eight colours can be (Okabe–Ito, with black for the eighth). A ninth
 * category takes the first colour again: the badge also names its category in words.
 */
export const CATEGORY_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const

/** Each category code its colour, in the fair's order of categories. */
export function categoryColours(codes: readonly string[]): Map<string, string> {
	return new Map([...new Set(codes)].map((code, i) => [code, CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!]))
}
