// /admin/events/{id}/print/tickets: A4 sheets of ticket cards (issue 18) for the people who
// registered without a phone or imejl: by default the confirmed registrations without an imejl
// address or made by an organizer; or all confirmed ones, or those ticked in the list (a GET form,
// no JavaScript needed). Each card has the same QR as the person's ticket page, their name, party
// size, the event, its date, time and place, in the sheet's language. Printed: only the sheets.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PrintButton } from '#app/components/print-button.tsx'
import { SheetLanguageRow } from '#app/components/sheet-language.tsx'
import { TICKET_CHOICES, parseTicketSheetQuery } from '#app/domain/print-sheets.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { ticketSheetView, type TicketSlip, type TicketSheetView } from '#app/services/views/print-views.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'
import paperStyles from '#app/styles/paper-a4-margin.css?url'
import printStyles from '#app/styles/print-sheets.css?url'
import { QrImage } from '#app/components/qr-image.tsx'

// A4 with a 10 mm margin: inside any printer's unprintable edge.
export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: printStyles },
	{ rel: 'stylesheet', href: paperStyles },
]

// No form posts here: an anonymous caller goes to the login first; any other method is a 405 page.
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { locale, t } = await getRequestT(request, 'print')
	const query = parseTicketSheetQuery(new URL(request.url).searchParams)
	const sheet = ticketSheetView(getDb(), event, query, locale)
	return { title: pageTitle(locale, `${t('tickets.pageTitle')}: ${sheet.event.title}`), which: query.which, sheet }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

function Slip({ slip, sheet }: { slip: TicketSlip; sheet: TicketSheetView }) {
	const { event, words } = sheet
	return (
		<article className="ticket-slip" data-ticket={slip.id} aria-label={`${words.heading}: ${slip.name}`}>
			<QrImage qr={slip.qr} label={`${words.qrAlt}: ${slip.name}`} className="slip-qr" />
			<div className="slip-text">
				<p className="slip-heading">{words.heading}</p>
				<p className="slip-event" lang={event.titleLang}>
					{event.title}
				</p>
				<p>
					{event.date}
					<br />
					{event.time}
				</p>
				{event.place ? <p>{event.place}</p> : null}
				<p className="slip-name">
					<strong>{slip.name}</strong>
					<br />
					{slip.persons}
				</p>
				<p className="slip-hint">{words.showAtEntrance}</p>
			</div>
		</article>
	)
}

export default function PrintTickets() {
	const { sheet, which } = useLoaderData<typeof loader>()
	const { t } = useTranslation(['print', 'common'])
	return (
		<div className="print-page">
			<div className="print-controls no-print">
				<p className="breadcrumb">
					<Link to={`/admin/events/${sheet.event.id}/registrations`}>← {sheet.event.title}</Link>
				</p>
				<h1>{t('tickets.pageTitle')}</h1>
				<p>{t('tickets.intro')}</p>
				{sheet.event.cancelled ? <p className="notice danger">{t('tickets.cancelledEvent')}</p> : null}
				<p className="notice" data-summary>
					<strong>{t(`tickets.printing.${which}`)}</strong>
					<br />
					{t('tickets.summary', { n: sheet.counts.chosenText, sheets: sheet.counts.sheets })}
				</p>
				<Form method="get" className="print-options">
					<fieldset>
						<legend>{t('tickets.which.legend')}</legend>
						{TICKET_CHOICES.map((choice) => (
							<label className="choice" key={choice}>
								<input type="radio" name="which" value={choice} defaultChecked={which === choice} />
								<span>{t(`tickets.which.${choice}`, { n: choice === 'all' ? sheet.counts.confirmed : sheet.counts.needing })}</span>
							</label>
						))}
						{sheet.list.length > 0 ? (
							<details open={which === 'selected'}>
								<summary>{t('tickets.list')}</summary>
								<ul className="print-choice-list">
									{sheet.list.map((r) => (
										<li key={r.id}>
											<label className="choice">
												<input type="checkbox" name="r" value={r.id} defaultChecked={which === 'selected' && r.checked} />
												<span>
													{r.name} <span className="tag">{t('tickets.persons', { n: r.partySize })}</span>
													{r.withoutEmail ? <span className="tag">· {t('tickets.withoutEmail')}</span> : null}
													{r.byOrganizer ? <span className="tag">· {t('tickets.byOrganizer')}</span> : null}
												</span>
											</label>
										</li>
									))}
								</ul>
							</details>
						) : null}
					</fieldset>
					<SheetLanguageRow lang={sheet.lang} />
				</Form>
				<p className="muted">{t('tickets.notPrinted')}</p>
				<p className="muted">{t('tickets.printHint')}</p>
				{sheet.counts.chosen > 0 ? <PrintButton label={t('printButton')} /> : null}
			</div>
			{sheet.counts.chosen === 0 ? (
				<p className="no-print">{t('tickets.none')}</p>
			) : (
				<div className="print-sheets" lang={sheet.lang}>
					{sheet.pages.map((page, i) => (
						<section className="sheet ticket-sheet" key={i} data-sheet={i + 1}>
							{page.map((slip) => (
								<Slip key={slip.id} slip={slip} sheet={sheet} />
							))}
						</section>
					))}
				</div>
			)}
		</div>
	)
}
