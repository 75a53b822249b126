import type { Locale } from './locale.ts'
import { latinToCyrillic } from './transliterate.ts'

/** What an organizer writes about an event, in Serbian Latin and optionally English. */
export type EventTexts = {
	title: string
	titleEn: string | null
	summary: string | null
	summaryEn: string | null
	description: string
	descriptionEn: string | null
	venueName: string
	venueAddress: string
	venueCity: string
}

/** An event's title in the reader's language (English if written, Cyrillic derived from the Latin). */
export function eventTitleIn(event: Pick<EventTexts, 'title' | 'titleEn'>, locale: Locale): string {
	if (locale === 'en') return event.titleEn?.trim() ? event.titleEn : event.title
	return locale === 'sr-Cyrl' ? latinToCyrillic(event.title) : event.title
}

/**
 * An event's texts in the reader's language: English where the organizer wrote it (else the
 * Serbian text), Cyrillic derived from the Latin original.
 */
export function localizeEventTexts(event: EventTexts, locale: Locale) {
	const pick = (sr: string, en: string | null) => eventTitleIn({ title: sr, titleEn: en }, locale)
	const place = (text: string) => (locale === 'sr-Cyrl' ? latinToCyrillic(text) : text)
	return {
		title: pick(event.title, event.titleEn),
		summary: event.summary ? pick(event.summary, event.summaryEn) : null,
		description: pick(event.description, event.descriptionEn),
		venueName: place(event.venueName),
		venueAddress: place(event.venueAddress),
		venueCity: place(event.venueCity),
		/** True when an English reader sees the Serbian original. */
		untranslated: locale === 'en' && !event.titleEn?.trim(),
	}
}

/** A link that opens the venue on OpenStreetMap (a link only: no map tiles are loaded). */
export function mapLink(venueName: string, venueAddress: string, venueCity: string): string {
	const query = [venueAddress || venueName, venueCity, 'Srbija'].filter(Boolean).join(', ')
	return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`
}
