// The public floor plan of a fair (/fairs/{slug}/map) as the page shows it: each stand with who is
// on it (only exhibitors in the public catalogue by name; other taken stands are "occupied"), the
// category colours and legend, the landmarks, the filter by category and the search (every word, in
// the name, description or category name, or a stand label; Latin or Cyrillic, with or without
// diacritics), and the card of a chosen stand.
import { formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { foldForSearch } from '#app/domain/search-text.ts'
import type { Db } from '#app/utils/db.server.ts'
import { catalogueEntryMatches, catalogueSearchWords, catalogueView, listCatalogue, type findCatalogueFair } from '#app/services/queries/exhibitors.server.ts'
import { getFloorPlan, listLandmarks } from '#app/services/queries/floor-plan.server.ts'
import { latinToCyrillic } from '#app/domain/transliterate.ts'

const MAX_QUERY = 100

export type MapStand = {
	label: string
	x: number
	y: number
	width: number
	height: number
	power: boolean
	accessible: boolean
	/** null: free; 'occupied': taken by an exhibitor not in the public catalogue. */
	occupant: null | 'occupied' | { id: number; name: string; category: string }
	matches: boolean
}

/** A landmark as the map draws it: `name` is its label (in the reader's script) or its kind's name. */
export type MapLandmark = { kind: string; name: string; kindName?: string; x: number; y: number; width: number; height: number }

/** What the reader asked for in the address: ?category=, ?q=, ?stand= (raw, checked here). */
export type FairMapFilter = { category: string | null; q: string | null; stand: string | null }

export function fairMapView(
	db: Db,
	fair: NonNullable<ReturnType<typeof findCatalogueFair>>,
	filter: FairMapFilter,
	locale: Locale,
	categoryName: (code: string) => string,
	kindName: (kind: string) => string = (kind) => kind,
) {
	const floor = getFloorPlan(db, fair.event.id)
	if (!floor.plan.publishedAt) return { published: false as const }

	const entries = listCatalogue(db, fair.event.id)
	const entryById = new Map(entries.map((e) => [e.id, e]))
	const view = catalogueView(fair.event, fair.categories, entries, locale, null, categoryName)
	const exhibitors = new Map(view.exhibitors.map((e) => [e.id, e]))
	const byStand = new Map(floor.assignments.map((a) => [a.standId, a]))
	// Colours follow the fair's own category order, so they stay the same whatever is filtered.
	const categories = [...fair.categories, ...view.categories.map((c) => c.code).filter((c) => !fair.categories.includes(c))]
	const category = filter.category && categories.includes(filter.category) ? filter.category : null
	const q = (filter.q ?? '').slice(0, MAX_QUERY).trim()
	const folded = foldForSearch(q)
	const words = catalogueSearchWords(q)
	const filtered = Boolean(category || folded)

	const stands: MapStand[] = floor.stands.map((s) => {
		const assignment = byStand.get(s.id)
		const entry = assignment?.public ? exhibitors.get(assignment.applicationId) : undefined
		const occupant = entry ? { id: entry.id, name: entry.name, category: entry.category } : assignment ? ('occupied' as const) : null
		const named = occupant && occupant !== 'occupied' ? occupant : null
		const matches =
			!filtered ||
			(named !== null && (!category || named.category === category) && (!folded || catalogueEntryMatches(entryById.get(named.id)!, words, categoryName))) ||
			(!category && folded !== '' && foldForSearch(s.label) === folded)
		return { label: s.label, x: s.x, y: s.y, width: s.width, height: s.height, power: s.power, accessible: s.accessible, occupant, matches }
	})

	const wanted = (filter.stand ?? '').trim().toLowerCase()
	const selectedStand = wanted ? stands.find((s) => s.label.toLowerCase() === wanted) : undefined
	const selected = selectedStand
		? {
				label: selectedStand.label,
				power: selectedStand.power,
				accessible: selectedStand.accessible,
				size: formatNumber(floor.stands.find((s) => s.label === selectedStand.label)!.sizeM2, locale),
				occupant: selectedStand.occupant,
				exhibitor: selectedStand.occupant && selectedStand.occupant !== 'occupied' ? exhibitors.get(selectedStand.occupant.id)! : null,
			}
		: null

	const used = new Set(stands.flatMap((s) => (s.occupant && s.occupant !== 'occupied' ? [s.occupant.category] : [])))
	const named = stands.filter((s) => s.occupant && s.occupant !== 'occupied').length
	const matching = stands.filter((s) => s.matches && s.occupant && s.occupant !== 'occupied').length
	const landmarks: MapLandmark[] = listLandmarks(db, fair.event.id).map((l) => ({
		kind: l.kind,
		name: l.label ? (locale === 'sr-Cyrl' ? latinToCyrillic(l.label) : l.label) : kindName(l.kind),
		kindName: kindName(l.kind),
		x: l.x,
		y: l.y,
		width: l.width,
		height: l.height,
	}))
	return {
		published: true as const,
		landmarks,
		plan: { width: floor.plan.width, height: floor.plan.height },
		backgroundUrl: floor.plan.hasBackground ? `/fairs/${fair.event.slug}/map/background?v=${floor.plan.updatedAt?.getTime() ?? 0}` : null,
		stands,
		categories,
		legend: categories.filter((c) => used.has(c) || c === category),
		hasOccupied: stands.some((s) => s.occupant === 'occupied'),
		query: { q, category },
		filtered,
		selected,
		wantedMissing: wanted !== '' && !selectedStand,
		counts: { named, matching, matchingText: formatNumber(matching, locale), stands: formatNumber(stands.length, locale) },
	}
}
