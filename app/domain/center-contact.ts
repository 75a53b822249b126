// The Center's contact for people: where a visitor or an exhibitor reaches a person. One source
// (queries/site-settings centerContact): the site's footer, the privacy notice, every mail's
// Reply-To and every calendar invite's ORGANIZER. The admin's settings page writes it; the
// address falls back to CONTACT_EMAIL from the environment.
// The admin's form for it is checked in center-contact-input.ts: this module stays free of zod, as
// every hydrated page's footer uses it (decision 0012).

export type CenterContact = {
	email: string | null
	phone: string | null
	address: string | null
}

/** The keys of `site_settings` that hold it. */
export const CONTACT_KEYS = { email: 'contact.email', phone: 'contact.phone', address: 'contact.address' } as const

/** `tel:` link of a phone as typed: digits and a leading +. */
export function telHref(phone: string) {
	return `tel:${phone.replace(/[^\d+]/g, '')}`
}

/** Whether there is anything to show. */
export function hasContact(contact: CenterContact | null | undefined): contact is CenterContact {
	return !!contact && !!(contact.email || contact.phone || contact.address)
}
