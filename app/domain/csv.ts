// CSV for the spreadsheets the Center actually opens: Excel with Serbian regional settings first,
// then LibreOffice and Google Sheets. RFC 4180 otherwise: fields with the delimiter, a double quote,
// CR or LF are quoted, quotes are doubled, records end with CRLF.
//
// Delimiter `;` by default. Excel splits a CSV file at the Windows "list separator", which is `;`
// wherever the decimal separator is a comma, Serbian (sr-Latn-RS, sr-Cyrl-RS) included: a `,` file
// opens there as one long column. LibreOffice and Google Sheets detect `;` on their own. `,` stays
// available for English-locale Excel and for scripts.
//
// A UTF-8 byte order mark comes first: without it Excel reads the file as Windows-1250/1252 and
// "Đorđe Petrović" turns into mojibake. No `sep=;` line: Excel ignores the BOM when that line is
// present (mojibake again), and every other program shows it as a data row.
//
// Formula injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab or a carriage
// return may be run as a formula by a spreadsheet (`=HYPERLINK(...)` leaking data, DDE). Such a
// text cell gets a leading apostrophe, which makes it plain text; the value stays readable. Numbers
// are written as they are: a finite number is never a formula, and "-3" must stay a number.
import { TIME_ZONE } from './locale.ts'

export type CsvDelimiter = ';' | ','
export type CsvCell = string | number | null | undefined

export const CSV_BOM = '\uFEFF'
export const CSV_LINE_END = '\r\n'

const FORMULA_START = /^[=+\-@\t\r]/

/** One field, guarded and quoted as needed. null and undefined are empty fields. */
export function csvField(value: CsvCell, delimiter: CsvDelimiter = ';'): string {
	if (value === null || value === undefined) return ''
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new TypeError(`csvField: not a finite number: ${value}`)
		return String(value)
	}
	const text = FORMULA_START.test(value) ? `'${value}` : value
	const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')
	return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record without its line end. */
export function csvRecord(cells: readonly CsvCell[], delimiter: CsvDelimiter = ';'): string {
	return cells.map((cell) => csvField(cell, delimiter)).join(delimiter)
}

/** A whole file: the BOM, then every record (the header is simply the first) ending in CRLF. */
export function toCsv(records: Iterable<readonly CsvCell[]>, { delimiter = ';', bom = true }: { delimiter?: CsvDelimiter; bom?: boolean } = {}): string {
	let out = bom ? CSV_BOM : ''
	for (const record of records) out += csvRecord(record, delimiter) + CSV_LINE_END
	return out
}

const belgradeTimestamp = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
})

/**
 * "2026-12-05 10:00:00", Belgrade wall-clock time: the one date form every spreadsheet reads as a
 * date whatever its locale, and that sorts right as text. null stays an empty field.
 */
export function csvDateTime(date: Date | null | undefined): string | null {
	if (!date) return null
	const parts = Object.fromEntries(belgradeTimestamp.formatToParts(date).map((p) => [p.type, p.value]))
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}
