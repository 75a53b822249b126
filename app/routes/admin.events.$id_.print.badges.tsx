// /admin/events/{id}/print/badges: name badges (issue 18), A6 one per page or 70×37 mm labels 3×8
// on A4, chosen in a GET form (no JavaScript needed). A fair's exhibitors: the organisation of the
// accepted application, a colour strip of its category (legend on screen) and a line to write a
// name on; visitors: their name, optionally with the small QR of their ticket. Printed: only the sheets.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PrintButton } from '#app/components/print-button.tsx'
import { SheetLanguageRow } from '#app/components/sheet-language.tsx'
import { BADGE_LAYOUTS, BADGE_PEOPLE, MAX_BADGE_COPIES, MAX_SKIPPED_LABELS, parseBadgeQuery, type BadgeLayout } from '#app/domain/print-sheets.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { badgeSheetView, type BadgeSheetView, type BadgeSlot } from '#app/services/views/print-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'
import paperA4Styles from '#app/styles/paper-a4-edge.css?url'
import paperA6Styles from '#app/styles/paper-a6.css?url'
import printStyles from '#app/styles/print-sheets.css?url'
import { QrImage } from '#app/components/qr-image.tsx'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: printStyles }]

// No form posts here: an anonymous caller goes to the login first; any other method is a 405 page.
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { locale, t } = await getRequestT(request, 'print')
	const query = parseBadgeQuery(new URL(request.url).searchParams, event.kind === 'fair')
	const sheet = badgeSheetView(getDb(), event, query, locale)
	return { title: pageTitle(locale, `${t('badges.pageTitle')}: ${sheet.event.title}`), query, sheet }
}

// The paper depends on the layout chosen: A6, or A4 edge to edge for the label sheet (the grid keeps its own distances).
const PAPER: Record<BadgeLayout, string> = { a6: paperA6Styles, labels: paperA4Styles }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
	{ tagName: 'link', rel: 'stylesheet', href: PAPER[data?.query.layout ?? 'a6'] },
]

function BadgeCard({ badge, sheet }: { badge: BadgeSlot; sheet: BadgeSheetView }) {
	if (!badge) return <div className="badge empty" aria-hidden="true" />
	const { event, words } = sheet
	const label = [badge.name, badge.organisation].filter(Boolean).join(', ')
	return (
		<article className={badge.category ? 'badge has-strip' : 'badge'} data-badge={badge.key} aria-label={label}>
			{badge.category ? <span className="badge-strip" style={{ background: badge.category.colour }} aria-hidden="true" /> : null}
			{badge.qr ? <QrImage qr={badge.qr} label={`${words.qrAlt}: ${label}`} className="badge-qr" /> : null}
			<div className="badge-text">
				{badge.name ? <p className="badge-name">{badge.name}</p> : <p className="badge-write">{words.writeName}</p>}
				{badge.organisation ? <p className="badge-org">{badge.organisation}</p> : null}
				{badge.category || badge.stand ? <p className="badge-meta">{[badge.category?.name, badge.stand].filter(Boolean).join(' · ')}</p> : null}
				<p className="badge-event" lang={event.titleLang}>
					{event.title}
				</p>
			</div>
		</article>
	)
}

export default function PrintBadges() {
	const { sheet, query } = useLoaderData<typeof loader>()
	const { t } = useTranslation(['print', 'common'])
	const sheets = sheet.pages.map((page, i) => (
		<section className={`sheet badge-sheet ${query.layout}`} key={i} data-sheet={i + 1}>
			{page.map((badge, j) => (
				<BadgeCard key={badge?.key ?? `empty-${j}`} badge={badge} sheet={sheet} />
			))}
		</section>
	))
	return (
		<div className="print-page">
			<div className="print-controls no-print">
				<p className="breadcrumb">
					<Link to={`/admin/events/${sheet.event.id}`}>← {sheet.event.title}</Link>
				</p>
				<h1>{t('badges.pageTitle')}</h1>
				<p>{t('badges.intro')}</p>
				<Form method="get" className="print-options">
					<fieldset>
						<legend>{t('badges.layout.legend')}</legend>
						{BADGE_LAYOUTS.map((layout) => (
							<label className="choice" key={layout}>
								<input type="radio" name="layout" value={layout} defaultChecked={query.layout === layout} />
								<span>{t(`badges.layout.${layout}`)}</span>
							</label>
						))}
					</fieldset>
					{sheet.event.isFair ? (
						<fieldset>
							<legend>{t('badges.people.legend')}</legend>
							{BADGE_PEOPLE.map((people) => (
								<label className="choice" key={people}>
									<input type="radio" name="people" value={people} defaultChecked={query.people === people} />
									<span>{t(`badges.people.${people}`)}</span>
								</label>
							))}
						</fieldset>
					) : null}
					<label className="choice">
						<input type="checkbox" name="qr" value="1" defaultChecked={query.qr} />
						<span>{t('badges.qr')}</span>
					</label>
					<p className="field-row">
						<label htmlFor="badge-copies">{t('badges.copies')}</label>
						<input id="badge-copies" type="number" name="copies" min={1} max={MAX_BADGE_COPIES} defaultValue={query.copies} />
						<label htmlFor="badge-skip">{t('badges.skip')}</label>
						<input id="badge-skip" type="number" name="skip" min={0} max={MAX_SKIPPED_LABELS} defaultValue={query.skip} />
					</p>
					<SheetLanguageRow lang={sheet.lang} />
				</Form>
				<p className="notice" data-summary>
					{t('badges.summary', { n: sheet.countText, sheets: sheet.sheetsText })}
				</p>
				{sheet.legend.length > 0 ? (
					<>
						<h2>{t('badges.legend')}</h2>
						<ul className="print-legend">
							{sheet.legend.map((entry) => (
								<li key={entry.colour + entry.name}>
									<span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
									{entry.name} ({entry.count})
								</li>
							))}
						</ul>
					</>
				) : null}
				{query.people === 'visitors' ? <p className="muted">{t('badges.noOrganisation')}</p> : null}
				<p className="muted">{t('badges.printHint')}</p>
				{sheet.count > 0 ? <PrintButton label={t('printButton')} /> : null}
			</div>
			{sheet.count === 0 ? (
				<p className="no-print">{t('badges.none')}</p>
			) : (
				<div className="print-sheets" lang={sheet.lang}>
					{query.layout === 'labels' ? (
						// The sheet at its true size scrolls sideways on a narrow screen: a region the keyboard reaches.
						<div className="labels-wrap" role="region" aria-label={t('badges.layout.labels')} tabIndex={0}>
							{sheets}
						</div>
					) : (
						sheets
					)}
				</div>
			)}
		</div>
	)
}
