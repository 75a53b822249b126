// How a name or an address is compared when an organizer searches: the way people in Serbia type.
// A name may be written in Cyrillic or Latin, with or without diacritics, and đ is typed as "dj"
// or "d". Both the text and the query are folded the same way, so "petrovic", "Petrović" and
// "Петровић" find each other, and so do "Đorđe", "Djordje" and "Dorde".
import { cyrillicToLatin } from './transliterate.ts'

const COMBINING_MARKS = /\p{M}/gu

export function foldForSearch(text: string): string {
	return cyrillicToLatin(text)
		.toLowerCase()
		.replaceAll('đ', 'd')
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replaceAll('dj', 'd')
		.replace(/\s+/g, ' ')
		.trim()
}

/**
 * The words of a query, folded: "Jovanović Ana" → ["jovanovic", "ana"]. A text matches when it
 * holds every word, in any order (searchMatches), so people can type a surname first.
 */
export function searchWords(query: string): string[] {
	const folded = foldForSearch(query)
	return folded ? [...new Set(folded.split(' '))] : []
}

/**
 * Whether every word of the query is in one of the texts (a name, an address), compared folded.
 * The database asks the same of its rows (registration-queries: wordsMatch); the scanner asks it
 * of the names on the phone.
 */
export function searchMatches(texts: readonly (string | null | undefined)[], words: readonly string[]): boolean {
	if (words.length === 0) return false
	const folded = texts.filter((text): text is string => typeof text === 'string').map(foldForSearch)
	return words.every((word) => folded.some((text) => text.includes(word)))
}
