// The print pages' rules (issue 18): who needs a printed ticket, the address bars read leniently,
// pages of a sheet and the categories' colours.
import { describe, expect, test } from 'vitest'
import {
	CATEGORY_COLOURS,
	LABEL_SHEET,
	categoryColours,
	intoPages,
	needsPrintedTicket,
	parseBadgeQuery,
	parseTicketSheetQuery,
} from '#app/domain/print-sheets.ts'

describe('who needs a printed ticket', () => {
	test('no imejl address, or registered by an organizer', () => {
		expect(needsPrintedTicket({ email: null, source: 'organizer' })).toBe(true)
		expect(needsPrintedTicket({ email: null, source: 'api' })).toBe(true)
		expect(needsPrintedTicket({ email: 'a@primer.rs', source: 'organizer' })).toBe(true)
		expect(needsPrintedTicket({ email: 'a@primer.rs', source: 'web' })).toBe(false)
	})
})

describe('the address bars', () => {
	test('the ticket sheet: default choice, selected ids once each, odd values dropped', () => {
		expect(parseTicketSheetQuery(new URLSearchParams(''))).toEqual({ which: 'default', sheetLang: undefined, selected: [] })
		const query = parseTicketSheetQuery(new URLSearchParams('which=selected&r=3&r=x&r=3&r=-1&r=7&sheetLang=en'))
		expect(query).toEqual({ which: 'selected', sheetLang: 'en', selected: [3, 7] })
		expect(parseTicketSheetQuery(new URLSearchParams('which=everything&sheetLang=de'))).toMatchObject({ which: 'default', sheetLang: undefined })
	})

	test('badges: a fair defaults to exhibitors, another event has visitors only; skip only on labels', () => {
		expect(parseBadgeQuery(new URLSearchParams(''), true)).toEqual({ layout: 'a6', people: 'exhibitors', qr: false, copies: 1, skip: 0, sheetLang: undefined })
		expect(parseBadgeQuery(new URLSearchParams('people=exhibitors'), false).people).toBe('visitors')
		expect(parseBadgeQuery(new URLSearchParams('layout=labels&skip=5&qr=1&copies=3'), true)).toMatchObject({ layout: 'labels', skip: 5, qr: true, copies: 3 })
		expect(parseBadgeQuery(new URLSearchParams('layout=a6&skip=5'), true).skip).toBe(0)
		expect(parseBadgeQuery(new URLSearchParams('layout=labels&skip=99&copies=0'), true)).toMatchObject({ skip: 0, copies: 1 })
	})
})

test('the label sheet fills A4: 3 × 70 mm wide, 8 × 37 mm tall with a margin above', () => {
	expect(LABEL_SHEET.columns * LABEL_SHEET.widthMm).toBe(210)
	expect(LABEL_SHEET.topMm * 2 + LABEL_SHEET.rows * LABEL_SHEET.heightMm).toBe(297)
})

test('pages of a sheet, and a colour per category in order, repeating after the eighth', () => {
	expect(intoPages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
	expect(intoPages([], 8)).toEqual([])
	const codes = ['food', 'handicrafts', 'food', 'a', 'b', 'c', 'd', 'e', 'f', 'g']
	const colours = categoryColours(codes)
	expect(colours.size).toBe(9)
	expect(colours.get('food')).toBe(CATEGORY_COLOURS[0])
	expect(colours.get('handicrafts')).toBe(CATEGORY_COLOURS[1])
	expect(colours.get('g')).toBe(CATEGORY_COLOURS[0])
})
