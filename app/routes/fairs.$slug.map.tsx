// /fairs/{slug}/map: the fair's public floor plan and catalogue. Stands are coloured by category;
// ?stand=A3 opens an exhibitor's card, ?category= and ?q= (Latin or Cyrillic, with or without
// diacritics) dim the stands that do not match. Below the plan the same as an accessible table.
// Only exhibitors in the public catalogue (accepted, released, consented) appear by name; other
// taken stands say "occupied". Before the plan is published the page says so (200).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ExhibitorCard } from '#app/components/exhibitor-card.tsx'
import { EMPTY_FILL, FloorPlanMap, Swatch, categoryColour, standHref, type MapStand } from '#app/components/floor-plan-map.tsx'
import { localizeEventTexts } from '#app/domain/event-text.ts'
import { formatNumber } from '#app/domain/format.ts'
import { foldForSearch } from '#app/domain/search-text.ts'
import { catalogueView, findCatalogueFair, listCatalogue } from '#app/services/queries/exhibitors.server.ts'
import { getFloorPlan } from '#app/services/queries/floor-plan.server.ts'
import exhibitorStyles from '#app/styles/exhibitors.css?url'
import planStyles from '#app/styles/plan.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: exhibitorStyles },
	{ rel: 'stylesheet', href: planStyles },
]

const MAX_QUERY = 100

export async function loader({ request, params }: LoaderFunctionArgs) {
	const db = getDb()
	const fair = findCatalogueFair(db, params.slug ?? '')
	invariantResponse(fair, 404)
	const { locale, t } = await getRequestT(request, ['plan', 'exhibitors'])
	const texts = localizeEventTexts(fair.event, locale)
	const head = {
		fair: { slug: fair.event.slug, title: texts.title, untranslated: texts.untranslated, status: fair.event.status },
		metaTitle: `${t('plan:map.metaTitle', { fair: texts.title })} · Sajam`,
	}
	const floor = getFloorPlan(db, fair.event.id)
	if (!floor.plan.publishedAt) return { ...head, published: false as const }

	const url = new URL(request.url)
	const view = catalogueView(fair.event, fair.categories, listCatalogue(db, fair.event.id), locale, null, (c) =>
		t(`exhibitors:category.${c}`, { defaultValue: c }),
	)
	const exhibitors = new Map(view.exhibitors.map((e) => [e.id, e]))
	const byStand = new Map(floor.assignments.map((a) => [a.standId, a]))
	// Colours follow the fair's own category order, so they stay the same whatever is filtered.
	const categories = [...fair.categories, ...view.categories.map((c) => c.code).filter((c) => !fair.categories.includes(c))]
	const category = categories.includes(url.searchParams.get('category') ?? '') ? url.searchParams.get('category')! : null
	const q = (url.searchParams.get('q') ?? '').slice(0, MAX_QUERY).trim()
	const folded = foldForSearch(q)
	const filtered = Boolean(category || folded)

	const stands: MapStand[] = floor.stands.map((s) => {
		const assignment = byStand.get(s.id)
		const entry = assignment?.public ? exhibitors.get(assignment.applicationId) : undefined
		const occupant = entry ? { id: entry.id, name: entry.name, category: entry.category } : assignment ? ('occupied' as const) : null
		const named = occupant && occupant !== 'occupied' ? occupant : null
		const matches =
			!filtered ||
			(named !== null && (!category || named.category === category) && (!folded || foldForSearch(named.name).includes(folded))) ||
			(!category && folded !== '' && foldForSearch(s.label) === folded)
		return { label: s.label, x: s.x, y: s.y, width: s.width, height: s.height, power: s.power, accessible: s.accessible, occupant, matches }
	})

	const wanted = (url.searchParams.get('stand') ?? '').trim().toLowerCase()
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
	return {
		...head,
		published: true as const,
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

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.metaTitle }] : [{ title: 'Sajam' }])

export default function FairMap() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation(['plan', 'exhibitors'])
	const location = useLocation()
	const { fair } = data
	const header = (
		<header className="catalogue-head">
			<p className="breadcrumb">
				<Link to={`/events/${fair.slug}`}>
					← <span lang={fair.untranslated ? 'sr-Latn' : undefined}>{fair.title}</span>
				</Link>
			</p>
			<h1>{t('map.title')}</h1>
			<p className="print-only" lang={fair.untranslated ? 'sr-Latn' : undefined}>
				{fair.title}
			</p>
			{fair.status === 'cancelled' ? <p className="notice danger">{t('map.cancelled')}</p> : null}
		</header>
	)
	if (!data.published) {
		return (
			<div className="container plan-map">
				{header}
				<p className="empty-state" data-plan="unpublished">
					{t('map.notPublished')}
				</p>
				<p>
					<Link to={`/fairs/${fair.slug}/exhibitors`}>{t('map.toCatalogue')}</Link>
				</p>
			</div>
		)
	}
	return <PublishedMap data={data} header={header} search={location.search} />
}

type Published = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { published: true }>

function PublishedMap({ data, header, search }: { data: Published; header: React.ReactNode; search: string }) {
	const { t } = useTranslation(['plan', 'exhibitors'])
	const cardRef = useRef<HTMLElement>(null)
	const { fair, query, selected } = data
	const base = `/fairs/${fair.slug}/map`
	const categoryName = (c: string) => t(`exhibitors:category.${c}`, { defaultValue: c })
	// After a tap on the plan (client navigation), take the reader to the card.
	const selectedLabel = selected?.label ?? null
	useEffect(() => {
		if (selectedLabel && cardRef.current && document.activeElement?.closest('.map-svg')) cardRef.current.focus()
	}, [selectedLabel])
	const listed = data.stands.filter((s) => s.occupant && (!data.filtered || s.matches))
	return (
		<div className="container plan-map">
			{header}
			<p className="lead">{t('map.intro')}</p>
			<Form method="get" action={base} className="map-filters" role="search" key={search}>
				<div className="field">
					<label htmlFor="map-q">{t('map.search')}</label>
					<input id="map-q" name="q" type="search" defaultValue={query.q} maxLength={100} autoComplete="off" />
				</div>
				<div className="field">
					<label htmlFor="map-category">{t('map.category')}</label>
					<select id="map-category" name="category" defaultValue={query.category ?? ''}>
						<option value="">{t('map.allCategories')}</option>
						{data.categories.map((c) => (
							<option key={c} value={c}>
								{categoryName(c)}
							</option>
						))}
					</select>
				</div>
				<p className="button-row">
					<button type="submit" className="button">
						{t('map.apply')}
					</button>
					{data.filtered ? <Link to={base}>{t('map.clear')}</Link> : null}
				</p>
			</Form>
			<p className="muted" role="status" data-matching={data.counts.matching}>
				{data.filtered
					? t('map.matching', { count: data.counts.matching, formatted: data.counts.matchingText })
					: t('map.summary', { count: data.stands.length, formatted: data.counts.stands })}
			</p>
			<div className="map-layout">
				<figure className="map-figure">
					<FloorPlanMap
						plan={data.plan}
						stands={data.stands}
						categories={data.categories}
						selected={selected?.label ?? null}
						search={search}
						backgroundUrl={data.backgroundUrl}
						filtered={data.filtered}
					/>
					<figcaption>
						<ul className="map-legend" aria-label={t('map.legend')}>
							{data.legend.map((c) => (
								<li key={c}>
									<Swatch fill={categoryColour(data.categories, c).fill} />
									{categoryName(c)}
								</li>
							))}
							{data.hasOccupied ? (
								<li>
									<Swatch fill="#b9b5ab" hatch />
									{t('map.occupied')}
								</li>
							) : null}
							<li>
								<Swatch fill={EMPTY_FILL} />
								{t('map.free')}
							</li>
							<li>
								<span aria-hidden="true">⚡</span> {t('power')}
							</li>
							<li>
								<span aria-hidden="true">♿</span> {t('accessible')}
							</li>
						</ul>
					</figcaption>
				</figure>
				{selected || data.wantedMissing ? (
					<section id="stand-card" className="stand-card card" aria-labelledby="stand-card-title" tabIndex={-1} ref={cardRef}>
						<h2 id="stand-card-title">{selected ? t('map.standTitle', { label: selected.label }) : t('map.noSuchStand')}</h2>
						{selected ? (
							<>
								<p className="muted">
									{[t('map.size', { size: selected.size }), selected.power ? `⚡ ${t('power')}` : null, selected.accessible ? `♿ ${t('accessible')}` : null]
										.filter(Boolean)
										.join(' · ')}
								</p>
								{selected.exhibitor ? (
									<ExhibitorCard exhibitor={selected.exhibitor} showStand={false} />
								) : (
									<p>{selected.occupant === 'occupied' ? t('map.occupiedText') : t('map.freeText')}</p>
								)}
							</>
						) : null}
						<p>
							<Link
								to={`${base}${query.q || query.category ? `?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.category ? { category: query.category } : {}) })}` : ''}`}
								preventScrollReset
							>
								{t('map.closeCard')}
							</Link>
						</p>
					</section>
				) : null}
			</div>
			<section className="map-list" aria-labelledby="map-list-title">
				<h2 id="map-list-title">{t('map.listTitle')}</h2>
				{listed.length === 0 ? (
					<p className="empty-state">{data.filtered ? t('map.noMatches') : t('map.noneYet')}</p>
				) : (
					<div className="table-wrap">
						<table className="data">
							<caption className="visually-hidden">{t('map.listCaption', { fair: fair.title })}</caption>
							<thead>
								<tr>
									<th scope="col">{t('map.stand')}</th>
									<th scope="col">{t('map.exhibitor')}</th>
									<th scope="col">{t('map.category')}</th>
								</tr>
							</thead>
							<tbody>
								{listed.map((s) => (
									<tr key={s.label} data-stand={s.label}>
										<th scope="row">
											<a href={standHref(search, s.label)}>{s.label}</a>
										</th>
										<td>{s.occupant === 'occupied' ? <span className="muted">{t('map.occupied')}</span> : s.occupant!.name}</td>
										<td>
											{s.occupant === 'occupied' ? (
												'–'
											) : (
												<span className="map-category">
													<Swatch fill={categoryColour(data.categories, s.occupant!.category).fill} />
													{categoryName(s.occupant!.category)}
												</span>
											)}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</div>
	)
}
