// The public exhibitor catalogue of a fair: the page /fairs/{slug}/exhibitors, its JSON twin
// GET /api/v1/fairs/{slug}/exhibitors, and the logo route all ask this one query, so "who is in
// the catalogue" is decided in one place. In the catalogue: an application the organizers accepted
// AND whose acceptance was released to the exhibitor (a staged acceptance is not public yet), not
// withdrawn, with the exhibitor's consent to the public catalogue. Nothing about staff, law status
// or contacts is ever read here: those are not for the public.
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import { applicationImages, applications, standAssignments, stands, type EventRow } from '#db/schema/index.ts'
import { MUNICIPALITY_NAMES } from '#app/domain/application-options.ts'
import { localizeEventTexts } from '#app/domain/event-text.ts'
import type { Locale } from '#app/domain/locale.ts'
import { searchMatches, searchWords } from '#app/domain/search-text.ts'
import { latinToCyrillic } from '#app/domain/transliterate.ts'
import type { Db } from '#app/utils/db.server.ts'
import { findFair, type FairContext } from '#app/services/queries/applications.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'

export type CatalogueEntry = {
	id: number
	name: string
	category: string
	municipality: string
	description: string | null
	descriptionEn: string | null
	website: string | null
	hasLogo: boolean
	standLabel: string | null
}

const inCatalogue = (eventId: number) =>
	and(
		eq(applications.eventId, eventId),
		eq(applications.status, 'accepted'),
		eq(applications.releasedStatus, 'accepted'),
		eq(applications.consentCatalogue, true),
		isNull(applications.withdrawnAt),
	)

const collator = new Intl.Collator('sr-Latn', { sensitivity: 'base', ignorePunctuation: true })
// Cyrillic has its own alphabet order (ђ after д, љ after л, ћ after т, …), so a Cyrillic page sorts again.
const cyrillicCollator = new Intl.Collator('sr-Cyrl', { sensitivity: 'base', ignorePunctuation: true })

/** A fair's catalogue, ordered by name as a Serbian reader sorts (č after c, dž after d, …). */
export function listCatalogue(db: Db, eventId: number): CatalogueEntry[] {
	const rows = db
		.select({
			id: applications.id,
			name: applications.orgName,
			category: applications.category,
			municipality: applications.municipality,
			description: applications.description,
			descriptionEn: applications.descriptionEn,
			website: applications.website,
			imageId: applicationImages.id,
			standLabel: stands.label,
		})
		.from(applications)
		.leftJoin(applicationImages, eq(applicationImages.applicationId, applications.id))
		// A stand is public once its exhibitor has been mailed it: after a move by hand, again only after the new mail.
		.leftJoin(standAssignments, and(eq(standAssignments.applicationId, applications.id), isNotNull(standAssignments.notifiedAt)))
		.leftJoin(stands, eq(stands.id, standAssignments.standId))
		.where(inCatalogue(eventId))
		.all()
	return rows.map(({ imageId, ...row }) => ({ ...row, hasLogo: imageId !== null })).sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id)
}

/** Whether one application is in its fair's public catalogue (the logo route asks this). */
export function isInCatalogue(db: Db, eventId: number, applicationId: number): boolean {
	return (
		db
			.select({ id: applications.id })
			.from(applications)
			.where(and(inCatalogue(eventId), eq(applications.id, applicationId)))
			.get() !== undefined
	)
}

/**
 * The fair behind a catalogue address: a published or cancelled fair, else undefined (the route
 * answers 404 for an unknown event, a draft and an event of another kind alike).
 */
export function findCatalogueFair(db: Db, slug: string): FairContext | undefined {
	try {
		return findFair(db, slug)
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		return undefined
	}
}

export function logoUrl(slug: string, id: number) {
	return `/fairs/${slug}/exhibitors/${id}/logo`
}

/** The API's exhibitor object (CONTRACT.md: {name, category, description?, standLabel?}, plus a few more). */
export function toExhibitorJson(entry: CatalogueEntry, slug: string, publicUrl: string) {
	return {
		id: entry.id,
		name: entry.name,
		category: entry.category,
		...(entry.description ? { description: entry.description } : {}),
		...(entry.descriptionEn ? { descriptionEn: entry.descriptionEn } : {}),
		municipality: entry.municipality,
		...(entry.website ? { website: entry.website } : {}),
		...(entry.hasLogo ? { logoUrl: publicUrl + logoUrl(slug, entry.id) } : {}),
		...(entry.standLabel ? { standLabel: entry.standLabel } : {}),
	}
}

function municipalityName(code: string, locale: Locale): string | null {
	const name = MUNICIPALITY_NAMES[code as keyof typeof MUNICIPALITY_NAMES]
	if (!name) return null // "other": the page says it in words
	return locale === 'sr-Cyrl' ? latinToCyrillic(name) : name
}

/** "https://www.rasinka.rs/" → "www.rasinka.rs": what a reader recognises. */
function websiteLabel(url: string): string {
	try {
		const parsed = new URL(url)
		const path = parsed.pathname === '/' ? '' : parsed.pathname
		return parsed.host + path
	} catch {
		return url
	}
}

/** The longest search query read (?q=); the rest is ignored. */
export const MAX_SEARCH = 100

/** The words of a catalogue search (?q=): folded, so Latin and Cyrillic, with or without diacritics, find each other. */
export const catalogueSearchWords = (q: string | null | undefined) => searchWords((q ?? '').slice(0, MAX_SEARCH))

/**
 * Whether an exhibitor matches every word of a search, in any order, in its name, its public
 * description (Serbian or English) or its category's name ("med" finds "Hrana i med").
 */
export function catalogueEntryMatches(entry: CatalogueEntry, words: readonly string[], categoryName: (code: string) => string): boolean {
	return searchMatches([entry.name, entry.description, entry.descriptionEn, categoryName(entry.category)], words)
}

/**
 * What the page shows, in the reader's language: names and descriptions in Cyrillic for sr-Cyrl
 * (transliterated, as event texts are), the English description for en where the exhibitor wrote
 * one. `category` filters; an unknown category shows everyone. `q` searches (catalogueEntryMatches).
 */
export function catalogueView(
	event: EventRow,
	categories: string[],
	entries: CatalogueEntry[],
	locale: Locale,
	category: string | null,
	categoryName: (code: string) => string,
	q: string | null = null,
) {
	const words = catalogueSearchWords(q)
	const counts = new Map<string, number>()
	for (const entry of entries) counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1)
	// The fair's categories in its own order, then any an exhibitor kept after the list was edited.
	const order = [...categories, ...[...counts.keys()].filter((c) => !categories.includes(c))]
	const active = category && order.includes(category) ? category : null
	const text = (sr: string) => (locale === 'sr-Cyrl' ? latinToCyrillic(sr) : sr)
	const fair = localizeEventTexts(event, locale)
	return {
		fair: { slug: event.slug, title: fair.title, untranslated: fair.untranslated, status: event.status },
		total: entries.length,
		active,
		q: (q ?? '').slice(0, MAX_SEARCH).trim(),
		categories: order.filter((c) => (counts.get(c) ?? 0) > 0 || c === active).map((c) => ({ code: c, name: categoryName(c), count: counts.get(c) ?? 0 })),
		exhibitors: entries
			.filter((e) => (!active || e.category === active) && (words.length === 0 || catalogueEntryMatches(e, words, categoryName)))
			.map((e) => ({ e, name: text(e.name) }))
			.sort((a, b) => (locale === 'sr-Cyrl' ? cyrillicCollator.compare(a.name, b.name) : 0))
			.map(({ e, name }) => {
				const english = locale === 'en' && e.descriptionEn?.trim() ? e.descriptionEn : null
				return {
					id: e.id,
					name,
					category: e.category,
					categoryName: categoryName(e.category),
					municipality: municipalityName(e.municipality, locale),
					description: english ?? (e.description ? text(e.description) : null),
					/** The description is the Serbian original on an English page. */
					descriptionLang: locale === 'en' && !english && e.description ? 'sr-Latn' : undefined,
					website: e.website ? { href: e.website, label: websiteLabel(e.website) } : null,
					logoUrl: e.hasLogo ? logoUrl(event.slug, e.id) : null,
					standLabel: e.standLabel,
				}
			}),
	}
}

export type CatalogueView = ReturnType<typeof catalogueView>
