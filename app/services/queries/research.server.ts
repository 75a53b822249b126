// The research view's data: one query over the applications whose applicants consented to research
// use, shaped for research-tables.ts, plus the labels and the CSV. Never a name, a contact or
// anything per organization leaves this module: only suppressed counts.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { TFunction } from 'i18next'
import { applications, events, fairSettings } from '#db/schema/index.ts'
import { ownCategoryNames, type FairCategory } from '#app/domain/fair-settings-input.ts'
import {
	APR_STATUS,
	DEFAULT_CATEGORIES,
	LEGAL_FORMS,
	MUNICIPALITIES_RASINA_FIRST,
	MUNICIPALITY_NAMES,
	STATUS_WAYS,
	VULNERABLE_STAFF_GROUPS,
} from '#app/domain/application-options.ts'
import { toCsv, type CsvCell, type CsvDelimiter } from '#app/domain/csv.ts'
import { toBelgradeLocalInput } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import { cellText, researchTables, type ResearchOptions, type ResearchRow, type ResearchTables } from '#app/domain/research-tables.ts'
import type { Db } from '#app/utils/db.server.ts'

export type ResearchFair = { id: number; title: string; year: string }

const ORDER: ResearchOptions['order'] = {
	legalForm: LEGAL_FORMS,
	apr: [...APR_STATUS, 'unknown'],
	ways: STATUS_WAYS,
	municipality: MUNICIPALITIES_RASINA_FIRST,
	category: DEFAULT_CATEGORIES,
}

const yearOf = (date: Date) => toBelgradeLocalInput(date).slice(0, 4)

/** Every fair (newest first), for the choice of fair. Drafts too: organizers plan with them. */
export function listResearchFairs(db: Db): ResearchFair[] {
	return db
		.select({ id: events.id, title: events.title, startsAt: events.startsAt })
		.from(events)
		.where(eq(events.kind, 'fair'))
		.orderBy(desc(events.startsAt))
		.all()
		.map((e) => ({ id: e.id, title: e.title, year: yearOf(e.startsAt) }))
}

type Loaded = { rows: (ResearchRow & { eventId: number; year: string })[]; all: number }

/** The consenting applications of every fair, and how many applications there are at all. */
function loadRows(db: Db): Loaded {
	const rows = db
		.select({
			eventId: applications.eventId,
			startsAt: events.startsAt,
			status: applications.status,
			releasedStatus: applications.releasedStatus,
			withdrawnAt: applications.withdrawnAt,
			legalForm: applications.legalForm,
			lawStatus: applications.lawStatus,
			municipality: applications.municipality,
			category: applications.category,
			staff: applications.staff,
		})
		.from(applications)
		.innerJoin(events, eq(events.id, applications.eventId))
		.where(and(eq(events.kind, 'fair'), eq(applications.consentResearch, true)))
		.all()
	const all =
		db
			.select({ n: sql<number>`count(*)` })
			.from(applications)
			.innerJoin(events, eq(events.id, applications.eventId))
			.where(eq(events.kind, 'fair'))
			.get()?.n ?? 0
	return {
		all,
		rows: rows.map((r) => ({
			consentResearch: true,
			eventId: r.eventId,
			year: yearOf(r.startsAt),
			period: '',
			exhibitor: r.status === 'accepted' && r.releasedStatus === 'accepted' && r.withdrawnAt === null,
			legalForm: r.legalForm,
			apr: r.lawStatus?.apr ?? null,
			ways: r.lawStatus?.ways ?? [],
			municipality: r.municipality,
			category: r.category,
			staff: r.staff,
		})),
	}
}

export type ResearchData = {
	fairs: ResearchFair[]
	fair: ResearchFair | null
	perFair: ResearchTables | null
	years: ResearchTables
	counts: { consented: number; all: number }
	/** Categories organizers named themselves, across all fairs (the newest fair's name wins). */
	ownCategories: FairCategory[]
}

function ownCategoriesOfAllFairs(db: Db): FairCategory[] {
	const rows = db
		.select({ categories: fairSettings.categories })
		.from(fairSettings)
		.innerJoin(events, eq(events.id, fairSettings.eventId))
		.orderBy(events.startsAt)
		.all()
	const byCode = new Map<string, FairCategory>()
	for (const row of rows) for (const category of row.categories) if (typeof category !== 'string') byCode.set(category.code, category)
	return [...byCode.values()]
}

/** Both views: the chosen fair (default: the newest), and every fair by year. */
export function researchData(db: Db, fairId: number | null): ResearchData {
	const fairs = listResearchFairs(db)
	const fair = fairs.find((f) => f.id === fairId) ?? fairs[0] ?? null
	const { rows, all } = loadRows(db)
	const options = { order: ORDER, vulnerableGroups: VULNERABLE_STAFF_GROUPS }
	const perFair = fair
		? researchTables(
				rows.filter((r) => r.eventId === fair.id).map((r) => ({ ...r, period: String(fair.id) })),
				{ ...options, periods: [String(fair.id)] },
			)
		: null
	const years = [...new Set(fairs.map((f) => f.year))].sort()
	return {
		fairs,
		fair,
		perFair,
		years: researchTables(
			rows.map((r) => ({ ...r, period: r.year })),
			{ ...options, periods: years },
		),
		counts: { consented: rows.length, all },
		ownCategories: ownCategoriesOfAllFairs(db),
	}
}

/** The words for a row of a table. */
export function researchLabel(t: TFunction, dimension: string, key: string, locale: Locale, ownCategories: readonly FairCategory[] = []): string {
	switch (dimension) {
		case 'legalForm':
			return t(`exhibitors:research.legalForm.${key}`, { defaultValue: key })
		case 'apr':
			return t(`exhibitors:research.apr.${key}`, { defaultValue: key })
		case 'ways':
			return t(`exhibitors:research.way.${key}`, { defaultValue: key })
		case 'category':
			return ownCategoryNames(ownCategories, locale)[key] ?? t(`fair:category.${key}`, { defaultValue: key })
		case 'municipality': {
			const name = MUNICIPALITY_NAMES[key as keyof typeof MUNICIPALITY_NAMES]
			if (!name) return t('exhibitors:catalogue.municipalityOther')
			return locale === 'sr-Cyrl' ? latinToCyrillic(name) : name
		}
		case 'staff':
			if (key.startsWith('vulnerable:')) {
				const group = key.slice('vulnerable:'.length)
				return t('exhibitors:research.staff.vulnerable', { group: t(`exhibitors:research.staff.group.${group}`, { defaultValue: group }) })
			}
			return t(`exhibitors:research.staff.${key}`, { defaultValue: key })
		default:
			return key
	}
}

/**
 * The CSV: one record per view, period and table row (long format, for pivot tables), with the
 * same "<5" and "—" as the page. Hidden numbers stay hidden.
 */
export function researchCsv(data: ResearchData, t: TFunction, locale: Locale, delimiter: CsvDelimiter): string {
	const records: CsvCell[][] = [
		[
			t('exhibitors:research.csv.scope'),
			t('exhibitors:research.csv.period'),
			t('exhibitors:research.csv.dimension'),
			t('exhibitors:research.csv.value'),
			t('exhibitors:research.csv.applicants'),
			t('exhibitors:research.csv.exhibitors'),
		],
	]
	const number = (cell: Parameters<typeof cellText>[0]): CsvCell => (typeof cell === 'number' ? cell : cellText(cell, String))
	const add = (scope: string, periodNames: string[], tables: ResearchTables, withAll: boolean) => {
		for (const table of tables.tables) {
			const dimension = t(`exhibitors:research.dimension.${table.dimension}`)
			const lines = table.totals ? [...table.rows, table.totals] : table.rows
			for (const line of lines) {
				const value =
					line.key === 'total' && line === table.totals
						? t('exhibitors:research.csv.total')
						: researchLabel(t, table.dimension, line.key, locale, data.ownCategories)
				line.periods.forEach((cells, i) => records.push([scope, periodNames[i]!, dimension, value, number(cells.applicants), number(cells.exhibitors)]))
				if (withAll)
					records.push([scope, t('exhibitors:research.csv.allYears'), dimension, value, number(line.total.applicants), number(line.total.exhibitors)])
			}
		}
	}
	if (data.fair && data.perFair) add(t('exhibitors:research.csv.perFair'), [data.fair.title], data.perFair, false)
	if (data.years.periods.length > 0) add(t('exhibitors:research.csv.acrossYears'), data.years.periods, data.years, data.years.periods.length > 1)
	return toCsv(records, { delimiter })
}

/** The tables of the funders' exhibitor report: those a funder asks about (issue 16). */
export const EXHIBITOR_REPORT_TABLES = ['legalForm', 'apr', 'municipality', 'staff'] as const

export type ReportFair = { id: number; slug: string; title: string; startsAt: Date }
/** How far each fair's applications went. No exhibitor is marked present at the fair: `present` is the confirmed. */
export type FairStages = { applicants: number; accepted: number; confirmed: number; present: number }

export type ExhibitorReportData = {
	fair: ReportFair
	/** The fair before it (by date), for the change; null for the first fair. */
	previous: ReportFair | null
	stages: { fair: FairStages; previous: FairStages | null }
	/** The research tables with a column per fair (the previous first), consenting applications only. */
	tables: ResearchTables
}

/** A fair by its slug, or null when there is none (or the event is not a fair). */
export function fairBySlug(db: Db, slug: string): ReportFair | null {
	return (
		db
			.select({ id: events.id, slug: events.slug, title: events.title, startsAt: events.startsAt })
			.from(events)
			.where(and(eq(events.slug, slug), eq(events.kind, 'fair')))
			.get() ?? null
	)
}

function fairStages(db: Db, fairId: number): FairStages {
	const row = db
		.select({
			applicants: sql<number>`count(*)`,
			accepted: sql<number>`coalesce(sum(${applications.releasedStatus} = 'accepted' AND ${applications.status} = 'accepted' AND ${applications.withdrawnAt} IS NULL), 0)`,
			confirmed: sql<number>`coalesce(sum(${applications.releasedStatus} = 'accepted' AND ${applications.status} = 'accepted' AND ${applications.withdrawnAt} IS NULL AND ${applications.confirmedAt} IS NOT NULL), 0)`,
		})
		.from(applications)
		.where(eq(applications.eventId, fairId))
		.get()!
	return { applicants: row.applicants, accepted: row.accepted, confirmed: row.confirmed, present: row.confirmed }
}

/** The exhibitor report for one fair, next to the fair before it. */
export function exhibitorReportData(db: Db, fair: ReportFair): ExhibitorReportData {
	const previous =
		db
			.select({ id: events.id, slug: events.slug, title: events.title, startsAt: events.startsAt })
			.from(events)
			.where(and(eq(events.kind, 'fair'), sql`(${events.startsAt}, ${events.id}) < (${fair.startsAt.getTime()}, ${fair.id})`))
			.orderBy(desc(events.startsAt), desc(events.id))
			.get() ?? null
	const fairs = previous ? [previous, fair] : [fair]
	const { rows } = loadRows(db)
	const tables = researchTables(
		rows.filter((r) => fairs.some((f) => f.id === r.eventId)).map((r) => ({ ...r, period: fairs.find((f) => f.id === r.eventId)!.slug })),
		{ order: ORDER, vulnerableGroups: VULNERABLE_STAFF_GROUPS, periods: fairs.map((f) => f.slug) },
	)
	return {
		fair,
		previous,
		stages: { fair: fairStages(db, fair.id), previous: previous ? fairStages(db, previous.id) : null },
		tables: { ...tables, tables: tables.tables.filter((t) => (EXHIBITOR_REPORT_TABLES as readonly string[]).includes(t.dimension)) },
	}
}
