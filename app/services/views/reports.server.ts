// The funders' reports in the reader's language: labels for each line, and the spreadsheet (one
// sheet per table, hidden cells written "< 5" or "—" as on the page, a sheet with the method).
import ExcelJS from 'exceljs'
import type { TFunction } from 'i18next'
import { formatNumber, formatShortDate } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { NOT_STATED, REPORT_DIMENSIONS, type ParticipantReport, type ReportDimension } from '#app/domain/participant-report.ts'
import type { Cell, ResearchLine } from '#app/domain/research-tables.ts'
import { researchLabel, type ExhibitorReportData, type ReportFair } from '#app/services/queries/research.server.ts'
import { latinToCyrillic } from '#app/domain/transliterate.ts'

/** A line's name: the registration form's own words for an answer, "Not stated" otherwise. */
export function lineLabel(t: TFunction, dimension: ReportDimension, code: string): string {
	return code === NOT_STATED ? t('reports:notStated') : t(`public:demographics.${dimension}.${code}`)
}

export function cellText(t: TFunction, cell: Cell): string | number {
	if (cell === 'small') return t('reports:small')
	if (cell === 'hidden') return t('reports:hidden')
	return cell
}

/** An event's title in the reader's script (titles are written in Latin). */
export function titleIn(title: string, locale: Locale): string {
	return locale === 'sr-Cyrl' ? latinToCyrillic(title) : title
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)

/** The funder's visibility texts in the reader's language (/admin/settings), for the method sheet. */
export type FunderText = { statement: string | null; disclaimer: string | null }

function addMethodSheet(workbook: ExcelJS.Workbook, t: TFunction, heading: string, lines: string[], funder: FunderText | null) {
	const sheet = workbook.addWorksheet(sheetName(t('reports:method.sheet')))
	sheet.getColumn(1).width = 110
	sheet.addRow([heading]).font = { bold: true }
	sheet.addRow([t('reports:method.title')]).font = { bold: true }
	for (const line of lines) sheet.addRow([line]).alignment = { wrapText: true, vertical: 'top' }
	// The EU's visibility rules: the funding statement and the disclaimer go with every report.
	const funderLines = [funder?.statement, funder?.disclaimer].filter((line): line is string => !!line)
	if (funderLines.length) {
		sheet.addRow([])
		for (const line of funderLines) sheet.addRow([line]).alignment = { wrapText: true, vertical: 'top' }
	}
}

export async function participantReportXlsx(
	report: ParticipantReport,
	t: TFunction,
	locale: Locale,
	heading: string,
	funder: FunderText | null = null,
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'Sajam'
	const list = workbook.addWorksheet(sheetName(t('reports:events.sheet')))
	list.columns = [{ width: 50 }, { width: 14 }, { width: 14 }, { width: 20 }, { width: 20 }]
	list.addRow([heading]).font = { bold: true }
	list.addRow([
		t('reports:events.event'),
		t('reports:events.kind'),
		t('reports:events.date'),
		t('reports:events.registeredPersons'),
		t('reports:events.checkedInPersons'),
	]).font = {
		bold: true,
	}
	for (const e of report.events)
		list.addRow([titleIn(e.title, locale), t(`common:kind.${e.kind}`), formatShortDate(e.startsAt, locale), e.registeredPersons, e.checkedInPersons])
	list.addRow([t('reports:total'), '', '', report.totals.registeredPersons, report.totals.checkedInPersons]).font = { bold: true }

	for (const dimension of REPORT_DIMENSIONS) {
		const table = report.tables[dimension]
		const sheet = workbook.addWorksheet(sheetName(t(`reports:tables.${dimension}`)))
		sheet.columns = [{ width: 50 }, { width: 14 }]
		sheet.addRow([t(`reports:tables.${dimension}`)]).font = { bold: true }
		sheet.addRow([t('reports:category'), t('reports:persons')]).font = { bold: true }
		for (const [code, cell] of Object.entries(table.cells)) sheet.addRow([lineLabel(t, dimension, code), cellText(t, cell)])
		sheet.addRow([t('reports:total'), cellText(t, table.total)]).font = { bold: true }
	}
	addMethodSheet(workbook, t, heading, [t('reports:method.persons'), t('reports:method.answers'), t('reports:method.suppression')], funder)
	return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const nullIfHidden = (cell: Cell): number | null => (typeof cell === 'number' ? cell : null)

/** The exhibitor report as the API answers it: a line per value, a column per fair, hidden counts null. */
export function exhibitorReportJson(data: ExhibitorReportData) {
	const fairs = data.previous ? [data.previous, data.fair] : [data.fair]
	const fairJson = (f: ReportFair) => ({ slug: f.slug, title: f.title, startsAt: f.startsAt })
	const line = (l: ResearchLine) => ({
		key: l.key,
		fairs: Object.fromEntries(
			fairs.map((f, i) => [f.slug, { applicants: nullIfHidden(l.periods[i]!.applicants), exhibitors: nullIfHidden(l.periods[i]!.exhibitors) }]),
		),
	})
	return {
		fair: fairJson(data.fair),
		previousFair: data.previous ? fairJson(data.previous) : null,
		stages: Object.fromEntries([
			...(data.previous && data.stages.previous ? [[data.previous.slug, data.stages.previous] as const] : []),
			[data.fair.slug, data.stages.fair] as const,
		]),
		presentMeans: 'confirmed',
		consentedApplications: data.tables.consented,
		tables: Object.fromEntries(data.tables.tables.map((t) => [t.dimension, [...t.rows, ...(t.totals ? [t.totals] : [])].map(line)])),
	}
}

export async function exhibitorReportXlsx(data: ExhibitorReportData, t: TFunction, locale: Locale, funder: FunderText | null = null): Promise<Buffer> {
	const fairs = data.previous ? [data.previous, data.fair] : [data.fair]
	const heading = `${t('reports:exhibitorsTitle')}: ${titleIn(data.fair.title, locale)}`
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'Sajam'
	const stages = workbook.addWorksheet(sheetName(t('reports:exhibitors.stagesSheet')))
	stages.columns = [{ width: 40 }, ...fairs.map(() => ({ width: 24 }))]
	stages.addRow([heading]).font = { bold: true }
	stages.addRow(['', ...fairs.map((f) => `${titleIn(f.title, locale)} (${formatShortDate(f.startsAt, locale)})`)]).font = { bold: true }
	const stagesOf = (f: ReportFair) => (f.id === data.fair.id ? data.stages.fair : data.stages.previous!)
	for (const stage of ['applicants', 'accepted', 'confirmed', 'present'] as const)
		stages.addRow([t(`reports:exhibitors.stage.${stage}`), ...fairs.map((f) => stagesOf(f)[stage])])
	for (const table of data.tables.tables) {
		const sheet = workbook.addWorksheet(sheetName(t(`reports:exhibitors.table.${table.dimension}`)))
		sheet.columns = [{ width: 50 }, ...fairs.flatMap(() => [{ width: 18 }, { width: 18 }])]
		sheet.addRow([t(`reports:exhibitors.table.${table.dimension}`)]).font = { bold: true }
		sheet.addRow(['', ...fairs.flatMap((f) => [titleIn(f.title, locale), ''])]).font = { bold: true }
		sheet.addRow([t('reports:category'), ...fairs.flatMap(() => [t('exhibitors:research.csv.applicants'), t('exhibitors:research.csv.exhibitors')])]).font = {
			bold: true,
		}
		for (const l of [...table.rows, ...(table.totals ? [table.totals] : [])]) {
			const label = l === table.totals ? t('reports:total') : researchLabel(t, table.dimension, l.key, locale)
			sheet.addRow([label, ...l.periods.flatMap((p) => [cellText(t, p.applicants), cellText(t, p.exhibitors)])])
		}
	}
	addMethodSheet(workbook, t, heading, [t('reports:method.exhibitors'), t('reports:exhibitors.presentMeans'), t('reports:method.suppression')], funder)
	return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** One line of a table on the page: its label, the text of its count and the bar's length (0–100). */
export type BarLine = { key: string; label: string; text: string; bar: number | null }
export type BarTable = { dimension: string; title: string; lines: BarLine[]; total: string }

/** The participant report as the page draws it: formatted counts and bar lengths. */
export function participantTablesView(report: ParticipantReport, t: TFunction, locale: Locale): BarTable[] {
	return REPORT_DIMENSIONS.map((dimension) => {
		const table = report.tables[dimension]
		const shown = Object.values(table.cells).filter((c): c is number => typeof c === 'number')
		const max = Math.max(1, ...shown)
		const text = (cell: Cell) => (typeof cell === 'number' ? formatNumber(cell, locale) : String(cellText(t, cell)))
		return {
			dimension,
			title: t(`reports:tables.${dimension}`),
			lines: Object.entries(table.cells).map(([key, cell]) => ({
				key,
				label: lineLabel(t, dimension, key),
				text: text(cell),
				bar: typeof cell === 'number' ? Math.round((cell / max) * 1000) / 10 : null,
			})),
			total: text(table.total),
		}
	})
}

export type ExhibitorTableView = { dimension: string; title: string; lines: { key: string; label: string; cells: string[]; bar: number | null }[] }

/** The exhibitor report as the page draws it: per fair applicants and exhibitors; the bar is this fair's applicants. */
export function exhibitorTablesView(data: ExhibitorReportData, t: TFunction, locale: Locale) {
	const fairs = data.previous ? [data.previous, data.fair] : [data.fair]
	const text = (cell: Cell) => (typeof cell === 'number' ? formatNumber(cell, locale) : String(cellText(t, cell)))
	const stagesOf = (f: ReportFair) => (f.id === data.fair.id ? data.stages.fair : data.stages.previous!)
	const tables: ExhibitorTableView[] = data.tables.tables.map((table) => {
		const last = fairs.length - 1
		const current = table.rows.map((r) => r.periods[last]!.applicants).filter((c): c is number => typeof c === 'number')
		const max = Math.max(1, ...current)
		const lines = [...table.rows, ...(table.totals ? [table.totals] : [])].map((l) => {
			const cell = l.periods[last]!.applicants
			return {
				key: l.key,
				label: l === table.totals ? t('reports:total') : researchLabel(t, table.dimension, l.key, locale),
				cells: l.periods.flatMap((p) => [text(p.applicants), text(p.exhibitors)]),
				bar: l === table.totals || typeof cell !== 'number' ? null : Math.round((cell / max) * 1000) / 10,
			}
		})
		return { dimension: table.dimension, title: t(`reports:exhibitors.table.${table.dimension}`), lines }
	})
	return {
		fairs: fairs.map((f) => ({ slug: f.slug, title: titleIn(f.title, locale), date: formatShortDate(f.startsAt, locale) })),
		stages: (['applicants', 'accepted', 'confirmed', 'present'] as const).map((stage) => ({
			stage,
			label: t(`reports:exhibitors.stage.${stage}`),
			cells: fairs.map((f) => formatNumber(stagesOf(f)[stage], locale)),
		})),
		tables,
	}
}
