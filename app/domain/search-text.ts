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
