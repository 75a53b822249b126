import { useTranslation } from 'react-i18next'
import type { CatalogueView } from '#app/services/queries/exhibitors.server.ts'

type Exhibitor = CatalogueView['exhibitors'][number]

/** The first letters of the first two words that are words ("Udruženje „Iskra”" → "UI"), for a card without a logo. */
function initials(name: string): string {
	const words = name.match(/\p{L}[\p{L}\p{M}]*/gu) ?? []
	return words
		.slice(0, 2)
		.map((w) => w[0]!.toUpperCase())
		.join('')
}

/** One exhibitor in the public catalogue. */
/**
 * `showStand={false}` where the stand is already the card's heading (the map). `mapHref`: the
 * stand links to the published plan with it chosen; `catalogueHref`: the card links to the
 * exhibitor's entry in the catalogue (from the map).
 */
export function ExhibitorCard({
	exhibitor,
	showStand = true,
	mapHref = null,
	catalogueHref = null,
}: {
	exhibitor: Exhibitor
	showStand?: boolean
	mapHref?: string | null
	catalogueHref?: string | null
}) {
	const { t } = useTranslation('exhibitors')
	return (
		<article className="exhibitor-card" aria-labelledby={`exhibitor-${exhibitor.id}`}>
			<div className="exhibitor-logo">
				{exhibitor.logoUrl ? (
					// The name is right beside it: the picture adds nothing a screen reader should repeat.
					<img src={exhibitor.logoUrl} alt="" width={96} height={96} loading="lazy" decoding="async" />
				) : (
					<span className="exhibitor-initials" aria-hidden="true">
						{initials(exhibitor.name)}
					</span>
				)}
			</div>
			<div className="exhibitor-body">
				<h2 id={`exhibitor-${exhibitor.id}`}>{exhibitor.name}</h2>
				<p className="exhibitor-meta">
					<span className={`pill category-${exhibitor.category}`}>{exhibitor.categoryName}</span>
					<span>{exhibitor.municipality ?? t('catalogue.municipalityOther')}</span>
					{showStand && exhibitor.standLabel ? (
						<strong className="exhibitor-stand">
							{mapHref ? (
								<a href={mapHref}>
									{t('catalogue.stand', { label: exhibitor.standLabel })}
									<span className="visually-hidden"> {t('catalogue.onMap')}</span>
								</a>
							) : (
								t('catalogue.stand', { label: exhibitor.standLabel })
							)}
						</strong>
					) : null}
				</p>
				{exhibitor.description ? (
					<p className="exhibitor-description" lang={exhibitor.descriptionLang}>
						{exhibitor.description}
					</p>
				) : null}
				{exhibitor.website ? (
					<p className="exhibitor-website">
						<a href={exhibitor.website.href} rel="noopener nofollow">
							<span className="visually-hidden">{t('catalogue.websiteOf', { name: exhibitor.name })}: </span>
							{exhibitor.website.label}
						</a>
					</p>
				) : null}
				{catalogueHref ? (
					<p className="exhibitor-entry-link">
						<a href={catalogueHref}>{t('plan:map.toEntry')}</a>
					</p>
				) : null}
			</div>
		</article>
	)
}
