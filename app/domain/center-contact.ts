// The Center's contact for people: where a visitor or an exhibitor reaches a person. One source
// (queries/site-settings centerContact): the site's footer, the privacy notice, every mail's
// Reply-To and every calendar invite's ORGANIZER. The admin's settings page writes it; the
// address falls back to CONTACT_EMAIL from the environment.
import { z } from 'zod'
import { PHONE_PATTERN } from './application-input.ts'
import { issueKey } from './input-fields.ts'
import type { Locale } from './locale.ts'
import { cyrillicToLatin, latinToCyrillic } from './transliterate.ts'

export type CenterContact = {
	email: string | null
	phone: string | null
	address: string | null
}

/** The keys of `site_settings` that hold it. */
export const CONTACT_KEYS = { email: 'contact.email', phone: 'contact.phone', address: 'contact.address' } as const

/** An empty field means "not set" (for the address: fall back to CONTACT_EMAIL). */
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** The phone as typed (shown so), checked on its digits. */
const phone = z
	.string()
	.trim()
	.max(40)
	.refine((v) => PHONE_PATTERN.test(v.replace(/[\s/().-]/g, '')), issueKey('phone'))

/** /admin/settings: the Center's contact. */
export const CenterContactSchema = z.object({
	email: z.preprocess(blankAsUndefined, z.string().trim().max(200).pipe(z.email()).optional()),
	phone: z.preprocess(blankAsUndefined, phone.optional()),
	address: z.preprocess(blankAsUndefined, z.string().trim().max(200).optional()),
})

export type CenterContactInput = z.infer<typeof CenterContactSchema>

/** `tel:` link of a phone as typed: digits and a leading +. */
export function telHref(phone: string) {
	return `tel:${phone.replace(/[^\d+]/g, '')}`
}

/** Whether there is anything to show. */
export function hasContact(contact: CenterContact | null | undefined): contact is CenterContact {
	return !!contact && !!(contact.email || contact.phone || contact.address)
}

/** The postal address as the admin typed it, in the page's script for Serbian readers. */
export function addressFor(address: string, locale: Locale) {
	if (locale === 'sr-Cyrl') return latinToCyrillic(address)
	if (locale === 'sr-Latn') return cyrillicToLatin(address)
	return address
}
