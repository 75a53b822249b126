// The Center's postal address in the reader's script. Apart from center-contact.ts so the footer's
// browser code carries no transliteration tables: the root loader sends the address converted
// (decision 0012).
import type { Locale } from './locale.ts'
import { cyrillicToLatin, latinToCyrillic } from './transliterate.ts'

/** The postal address as the admin typed it, in the page's script for Serbian readers. */
export function addressFor(address: string, locale: Locale) {
	if (locale === 'sr-Cyrl') return latinToCyrillic(address)
	if (locale === 'sr-Latn') return cyrillicToLatin(address)
	return address
}
