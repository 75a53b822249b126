// /fairs/{slug}/exhibitors: the fair's public exhibitor catalogue. Filtering is a plain link
// (?category=food) and the search a GET form (?q=: every word, in any order, in the name, the
// description or the category's name, Latin or Cyrillic), so both work without JavaScript and every
// filtered view is a shareable address. An exhibitor's stand links to the floor plan with it chosen.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ExhibitorCard } from '#app/components/exhibitor-card.tsx'
import { categoryNameByCode } from '#app/domain/fair-settings-input.ts'
import { formatNumber } from '#app/domain/format.ts'
import { catalogueView, findCatalogueFair, listCatalogue } from '#app/services/queries/exhibitors.server.ts'
import { getPlanInfo } from '#app/services/queries/floor-plan.server.ts'
import exhibitorStyles from '#app/styles/exhibitors.css?url'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'
import { STATIC_PAGE } from '#app/utils/page-handle.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: exhibitorStyles }]

/** Nothing here needs JavaScript (its forms post without it): no React in the browser (issue 17). */
export const handle = STATIC_PAGE

export async function loader({ request, params }: LoaderFunctionArgs) {
	const db = getDb()
	const fair = findCatalogueFair(db, params.slug ?? '')
	invariantResponse(fair, 404)
	const { locale, t } = await getRequestT(request, 'exhibitors')
	const url = new URL(request.url)
	const category = url.searchParams.get('category')
	// The fair's own words for a category it renamed or added; the catalog's for the standard ones.
	const ownCategories = fair.settings?.categories ?? []
	const categoryName = (code: string) => categoryNameByCode(ownCategories, code, locale, (c) => t(`fair:category.${c}`, { defaultValue: c }))
	const view = catalogueView(fair.event, fair.categories, listCatalogue(db, fair.event.id), locale, category, categoryName, url.searchParams.get('q'))
	return {
		...view,
		/** The floor plan is public: stands link to it. */
		mapPublished: getPlanInfo(db, fair.event.id).publishedAt !== null,
		totalText: formatNumber(view.total, locale),
		counts: Object.fromEntries(view.categories.map((c) => [c.code, formatNumber(c.count, locale)])),
		shownText: formatNumber(view.exhibitors.length, locale),
		meta: {
			title: pageTitle(locale, t('catalogue.metaTitle', { fair: view.fair.title })),
			description: t('catalogue.description', { fair: view.fair.title }),
			url: `${getEnv().PUBLIC_URL}/fairs/${view.fair.slug}/exhibitors${view.active ? `?category=${encodeURIComponent(view.active)}` : ''}`,
		},
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	data
		? [
				{ title: data.meta.title },
				{ name: 'description', content: data.meta.description },
				{ property: 'og:title', content: data.meta.title },
				{ property: 'og:url', content: data.meta.url },
			]
		: [{ title: siteName(metaLocale(matches)) }]

export default function ExhibitorCatalogue() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation(['exhibitors', 'plan'])
	const location = useLocation()
	const { fair, active, q } = data
	const base = `/fairs/${fair.slug}/exhibitors`
	const withQuery = (params: Record<string, string | null>) => {
		const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])))
		return search.size ? `${base}?${search}` : base
	}
	const mapHref = (label: string | null) => (data.mapPublished && label ? `/fairs/${fair.slug}/map?stand=${encodeURIComponent(label)}#stand-card` : null)
	return (
		<div className="container">
			<header className="catalogue-head">
				<p className="breadcrumb">
					<Link to={`/events/${fair.slug}`}>
						← <span lang={fair.untranslated ? 'sr-Latn' : undefined}>{fair.title}</span>
					</Link>
				</p>
				<h1>{t('catalogue.title')}</h1>
				<p className="lead">{t('catalogue.intro')}</p>
				{data.mapPublished ? (
					<p>
						<Link to={`/fairs/${fair.slug}/map`}>{t('catalogue.toMap')}</Link>
					</p>
				) : null}
				{fair.status === 'cancelled' ? <p className="notice danger">{t('catalogue.cancelled')}</p> : null}
			</header>
			{data.total === 0 ? (
				<p className="empty-state">{t('catalogue.noneYet')}</p>
			) : (
				<>
					<Form method="get" action={base} className="catalogue-search" role="search" key={location.search}>
						<div className="field">
							<label htmlFor="catalogue-q">{t('catalogue.search')}</label>
							<input id="catalogue-q" name="q" type="search" defaultValue={q} maxLength={100} autoComplete="off" aria-describedby="catalogue-q-hint" />
							<p className="muted field-hint" id="catalogue-q-hint">
								{t('catalogue.searchHint')}
							</p>
						</div>
						{active ? <input type="hidden" name="category" value={active} /> : null}
						<p className="button-row">
							<button type="submit" className="button">
								{t('catalogue.searchSubmit')}
							</button>
							{q ? <Link to={withQuery({ category: active })}>{t('catalogue.clearSearch')}</Link> : null}
						</p>
					</Form>
					<nav className="category-filter" aria-label={t('catalogue.filterLabel')}>
						<ul>
							<li>
								<Link to={withQuery({ q })} aria-current={active ? undefined : 'page'} preventScrollReset>
									{t('catalogue.all')} <span className="n">{data.totalText}</span>
								</Link>
							</li>
							{data.categories.map((c) => (
								<li key={c.code}>
									<Link to={withQuery({ category: c.code, q })} aria-current={active === c.code ? 'page' : undefined} preventScrollReset>
										{c.name} <span className="n">{data.counts[c.code]}</span>
									</Link>
								</li>
							))}
						</ul>
					</nav>
					<p className="muted" role="status">
						{t('catalogue.count', { count: data.exhibitors.length, formatted: data.shownText })}
					</p>
					{data.exhibitors.length === 0 ? (
						<p className="empty-state">
							{q ? t('catalogue.noMatches') : t('catalogue.noneInCategory')} <Link to={base}>{t('catalogue.showAll')}</Link>
						</p>
					) : (
						<ul className="exhibitor-list">
							{data.exhibitors.map((exhibitor) => (
								<li key={exhibitor.id}>
									<ExhibitorCard exhibitor={exhibitor} mapHref={mapHref(exhibitor.standLabel)} />
								</li>
							))}
						</ul>
					)}
				</>
			)}
		</div>
	)
}
