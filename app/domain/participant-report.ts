// The participant report for funders (issue 16): who registered for the Center's events and who
// came, with the checked-in persons broken down by sex, age group, municipality and vulnerable
// group (EU guidance: "by sex, age group and disability status where possible"). Pure: rows in,
// suppressed tables out (small-cells.ts does the hiding).
//
// Persons, not registrations. A registration is a party of 1..n persons; the statistics answers
// describe the registering person only, so that person counts under their answer and the other
// persons of the party under "not stated", never guessed. A person who skipped a question is "not
// stated" too; "prefer not to say" is an answer and has its own line.
//
// Suppression. Each table's total is the checked-in persons, which the report shows as they are,
// so every table is protected against that total (suppressBreakdown). When the total itself is
// below five no cell could be shown without giving it away: then the whole table is hidden.
import { z } from 'zod'
import { fromBelgradeLocalInput } from './format.ts'
import { issueKey } from './input-fields.ts'
import { AGE_GROUPS, GENDERS, MUNICIPALITIES, VULNERABLE_GROUPS } from './registration-input.ts'
import type { Cell } from './research-tables.ts'
import { MIN_SHOWN_COUNT, suppressBreakdown, type Suppressed } from './small-cells.ts'

export const NOT_STATED = 'not_stated'

export const REPORT_DIMENSIONS = ['gender', 'ageGroup', 'municipality', 'vulnerableGroup'] as const
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number]

/** The Rasina district first, in the order the Center reports them, then the rest. */
const RASINA_REPORT_ORDER = ['krusevac', 'aleksandrovac', 'brus', 'varvarin', 'trstenik', 'cicevac'] as const

/** Each table's lines in order: the answers, then "not stated". */
export const REPORT_CATEGORIES: Record<ReportDimension, readonly string[]> = {
	gender: [...GENDERS, NOT_STATED],
	ageGroup: [...AGE_GROUPS, NOT_STATED],
	municipality: [...RASINA_REPORT_ORDER, ...MUNICIPALITIES.filter((m) => !(RASINA_REPORT_ORDER as readonly string[]).includes(m)), NOT_STATED],
	vulnerableGroup: [...VULNERABLE_GROUPS, NOT_STATED],
}

/** One registration as the report needs it: no name, no contact. */
export type ParticipantRow = {
	eventId: number
	/** The registrations this row stands for, when the database grouped equal rows (1 when absent). */
	registrations?: number
	/** Persons: of the registration, or of all the registrations the row stands for. */
	partySize: number
	/** Confirmed (not waiting, not cancelled). */
	confirmed: boolean
	checkedIn: boolean
	gender: string | null
	ageGroup: string | null
	municipality: string | null
	vulnerableGroup: string | null
}

export type ReportEvent = { id: number; slug: string; title: string; kind: string; startsAt: Date }

/**
 * A protected table as pages and spreadsheets show it: a number, 'small' (1–4, "< 5") or 'hidden'
 * (hidden to protect a small one, "—"). The JSON API shows both as null (tableJson).
 */
export type ReportTable = { cells: Record<string, Cell>; total: Cell }

export type ParticipantReport = {
	events: { slug: string; title: string; kind: string; startsAt: Date; registeredPersons: number; checkedInPersons: number }[]
	totals: { registeredPersons: number; checkedInPersons: number }
	tables: Record<ReportDimension, ReportTable>
}

/** Raw counts of checked-in persons per line of one table (before suppression). */
export function countPersons(rows: readonly ParticipantRow[], dimension: ReportDimension): Record<string, number> {
	const known = REPORT_CATEGORIES[dimension]
	const counts: Record<string, number> = Object.fromEntries(known.map((c) => [c, 0]))
	for (const row of rows) {
		if (!row.checkedIn) continue
		const answer = row[dimension]
		// An answer outside today's list (an old code) is not stated rather than a line of its own.
		const line = answer !== null && known.includes(answer) && answer !== NOT_STATED ? answer : NOT_STATED
		// The person who registered answered; the rest of each party did not.
		const registered = row.registrations ?? 1
		counts[line]! += registered
		counts[NOT_STATED]! += row.partySize - registered
	}
	return counts
}

/** One protected table; the whole table hidden when its total is (see the header). */
export function protectedTable(counts: Record<string, number>): ReportTable {
	const result = suppressBreakdown(counts)
	const all = Object.values(counts).reduce((a, b) => a + b, 0)
	const mark = (value: Suppressed, raw: number): Cell => (value !== null ? value : raw > 0 && raw < MIN_SHOWN_COUNT ? 'small' : 'hidden')
	if (result.total === null)
		return { cells: Object.fromEntries(Object.entries(counts).map(([k, raw]) => [k, raw > 0 && raw < MIN_SHOWN_COUNT ? 'small' : 'hidden'])), total: 'small' }
	return { cells: Object.fromEntries(Object.entries(counts).map(([k, raw]) => [k, mark(result.cells[k]!, raw)])), total: mark(result.total, all) }
}

/** A table for the JSON API: every line's count, null where hidden (small or to protect a small one). */
export function tableJson(table: ReportTable): Record<string, number | null> {
	return Object.fromEntries(Object.entries(table.cells).map(([k, v]) => [k, typeof v === 'number' ? v : null]))
}

export function participantReport(events: readonly ReportEvent[], rows: readonly ParticipantRow[]): ParticipantReport {
	const chosen = new Set(events.map((e) => e.id))
	const own = rows.filter((r) => chosen.has(r.eventId))
	const perEvent = events.map((e) => {
		const mine = own.filter((r) => r.eventId === e.id)
		return {
			slug: e.slug,
			title: e.title,
			kind: e.kind,
			startsAt: e.startsAt,
			registeredPersons: mine.filter((r) => r.confirmed).reduce((s, r) => s + r.partySize, 0),
			checkedInPersons: mine.filter((r) => r.checkedIn).reduce((s, r) => s + r.partySize, 0),
		}
	})
	const totals = {
		registeredPersons: perEvent.reduce((s, e) => s + e.registeredPersons, 0),
		checkedInPersons: perEvent.reduce((s, e) => s + e.checkedInPersons, 0),
	}
	const tables = Object.fromEntries(REPORT_DIMENSIONS.map((d) => [d, protectedTable(countPersons(own, d))])) as Record<ReportDimension, ReportTable>
	return { events: perEvent, totals, tables }
}

const day = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && fromBelgradeLocalInput(`${v}T00:00`) !== undefined, issueKey('reportDate'))

/** The report's query: a date range (Belgrade days, both included) or a list of event slugs. */
export const ParticipantReportQuerySchema = z
	.strictObject({
		from: day.optional(),
		to: day.optional(),
		events: z
			.string()
			.transform((v) =>
				v
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean),
			)
			.pipe(z.array(z.string().max(200)).min(1).max(200))
			.optional(),
		format: z.enum(['json', 'xlsx']).default('json'),
		lang: z.string().optional(),
	})
	.superRefine((q, ctx) => {
		if (q.events) return
		if (!q.from) ctx.addIssue({ code: 'custom', path: ['from'], ...issueKey('reportRangeRequired') })
		if (!q.to) ctx.addIssue({ code: 'custom', path: ['to'], ...issueKey('reportRangeRequired') })
		if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], ...issueKey('reportToBeforeFrom') })
	})

export type ParticipantReportQuery = z.output<typeof ParticipantReportQuerySchema>

/** The instants of a range of Belgrade days: from the first day's midnight to the midnight after the last. */
export function dayRange(from: string, to: string): { start: Date; end: Date } {
	const start = fromBelgradeLocalInput(`${from}T00:00`)!
	const last = fromBelgradeLocalInput(`${to}T00:00`)!
	// The next day's midnight: noon of the last day plus 12 hours is safe across DST.
	const next = new Date(last.getTime() + 36 * 3600_000)
	const nextDay = fromBelgradeLocalInput(`${next.toISOString().slice(0, 10)}T00:00`)!
	return { start, end: nextDay }
}
