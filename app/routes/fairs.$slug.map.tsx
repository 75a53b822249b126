// /fairs/{slug}/map: the fair's public floor plan and catalogue. Stands are coloured by category;
// ?stand=A3 opens an exhibitor's card (it links to the exhibitor's catalogue entry), ?category= and
// ?q= (every word, in the name, description or category name; Latin or Cyrillic, with or without
// diacritics) dim the stands that do not match. Below the plan the same as an accessible table.
// Only exhibitors in the public catalogue (accepted, released, consented) appear by name; other
// taken stands say "occupied". Before the plan is published the page says so (200).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ExhibitorCard } from '#app/components/exhibitor-card.tsx'
import { EMPTY_FILL, FloorPlanMap, LandmarkSwatch, Swatch, categoryColour, landmarkText, standHref } from '#app/components/floor-plan-map.tsx'
import { localizeEventTexts } from '#app/domain/event-text.ts'
import { findCatalogueFair } from '#app/services/queries/exhibitors.server.ts'
import { fairMapView } from '#app/services/views/fair-map-views.server.ts'
import exhibitorStyles from '#app/styles/exhibitors.css?url'
import planStyles from '#app/styles/plan.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: exhibitorStyles },
	{ rel: 'stylesheet', href: planStyles },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
	const db = getDb()
	const fair = findCatalogueFair(db, params.slug ?? '')
	invariantResponse(fair, 404)
	const { locale, t } = await getRequestT(request, ['plan', 'exhibitors'])
	const texts = localizeEventTexts(fair.event, locale)
	const head = {
		fair: { slug: fair.event.slug, title: texts.title, untranslated: texts.untranslated, status: fair.event.status },
		metaTitle: pageTitle(locale, t('plan:map.metaTitle', { fair: texts.title })),
	}
	const url = new URL(request.url)
	const filter = { category: url.searchParams.get('category'), q: url.searchParams.get('q'), stand: url.searchParams.get('stand') }
	const view = fairMapView(
		db,
		fair,
		filter,
		locale,
		(c) => t(`fair:category.${c}`, { defaultValue: c }),
		(k) => t(`plan:landmarkKind.${k}`),
	)
	return view.published ? { ...head, ...view } : { ...head, published: false as const }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? [{ title: data.metaTitle }] : [{ title: siteName(metaLocale(matches)) }])

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
	const categoryName = (c: string) => t(`fair:category.${c}`, { defaultValue: c })
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
			<p>
				<Link to={`/fairs/${fair.slug}/exhibitors`}>{t('map.toCatalogue')}</Link>
			</p>
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
					<p className="map-scroll-hint muted" aria-hidden="true">
						{t('map.scrollHint')}
					</p>
					<FloorPlanMap
						plan={data.plan}
						stands={data.stands}
						landmarks={data.landmarks}
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
							{data.landmarks.map((l, i) => (
								<li key={`landmark-${i}`} data-landmark={l.kind}>
									<LandmarkSwatch />
									{`${landmarkText(l)}${l.kindName && l.kindName !== l.name ? ` (${l.kindName})` : ''}`}
								</li>
							))}
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
									<ExhibitorCard
										exhibitor={selected.exhibitor}
										showStand={false}
										catalogueHref={`/fairs/${fair.slug}/exhibitors#exhibitor-${selected.exhibitor.id}`}
									/>
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
