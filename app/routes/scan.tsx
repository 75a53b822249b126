// /scan: the door scanner. With JavaScript, a full-screen camera that reads QR tickets and keeps
// working offline (app/scanner/). Without it, a short explanation and, for a logged-in organizer,
// the event picker and the name search with a check-in button per result, as plain forms.
// A volunteer opens it through a scanner link (/scan?event=SLUG#token=TOKEN); the page keeps the
// token on the phone. A link in the older form, ?key=TOKEN, is turned into that one at once, so the
// token never stays in an address that is shown, stored in the history or rendered into the page.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_SEARCH_QUERY_LENGTH, MIN_SEARCH_QUERY_LENGTH } from '#app/domain/checkin-limits.ts'
import { SCAN_RESULTS, type ScanResult } from '#app/domain/checkin-rules.ts'
import { formatDateTime, formatTime } from '#app/domain/format.ts'
import { hasRole } from '#app/domain/roles.ts'
import { NotToday, ScannerApp } from '#app/scanner/scanner-app.tsx'
import { manualCheckin } from '#app/services/commands/checkin.server.ts'
import { searchForCheckin } from '#app/services/queries/checkin-queries.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findEventBySlug, listUpcomingEvents } from '#app/services/queries/events.server.ts'
import { findRegistrationOfEvent } from '#app/services/queries/registration-queries.server.ts'
import { getOptionalUser, requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import scanStyles from '#app/styles/scan.css?url'
import { readPageForm } from '#app/http/page-form.server.ts'
import { errorResponse, invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: scanStyles },
	{ rel: 'manifest', href: '/scan.webmanifest' },
]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const key = url.searchParams.get('key')
	if (key) {
		const event = url.searchParams.get('event')
		const query = event ? `?event=${encodeURIComponent(event)}` : ''
		throw redirect(`/scan${query}#token=${encodeURIComponent(key)}`, { headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } })
	}
	const { locale, t } = await getRequestT(request, 'scan')
	const user = await getOptionalUser(request)
	const organizer = user !== null && hasRole(user.role, 'organizer')
	const base = { title: pageTitle(locale, t('title')), organizer, events: [], selected: null, q: '', results: null, notice: null }
	if (!organizer) return base

	const db = getDb()
	const events = listUpcomingEvents(db).map((event) => ({ slug: event.slug, title: event.title, startsAt: formatDateTime(event.startsAt, locale) }))
	const row = url.searchParams.get('event') ? findEventBySlug(db, url.searchParams.get('event')!) : undefined
	const selected = row ? { slug: row.slug, title: row.title, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() } : null
	if (row && !events.some((event) => event.slug === row.slug))
		events.unshift({ slug: row.slug, title: row.title, startsAt: formatDateTime(row.startsAt, locale) })
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, MAX_SEARCH_QUERY_LENGTH)
	const results =
		row && q.length >= MIN_SEARCH_QUERY_LENGTH
			? searchForCheckin(db, row.id, q).map((hit) => ({ ...hit, checkedInTime: hit.checkedInAt ? formatTime(new Date(hit.checkedInAt), locale) : null }))
			: null
	// After a check-in: what it gave, for whom (by id, so no name sits in the address) and when.
	const result = url.searchParams.get('notice')
	const noticed = row ? findRegistrationOfEvent(db, row.id, Number(url.searchParams.get('rid'))) : undefined
	const notice =
		result && (SCAN_RESULTS as readonly string[]).includes(result)
			? {
					result: result as ScanResult,
					name: noticed?.name ?? '',
					time: /^\d\d:\d\d$/.test(url.searchParams.get('time') ?? '') ? url.searchParams.get('time')! : '',
				}
			: null
	return { ...base, events, selected, q, results, notice }
}

/** The no-JS check-in from the name search: a plain POST, then back to the same search. */
export async function action({ request }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const form = await readPageForm(request)
	const slug = String(form.get('event') ?? '')
	const registrationId = Number(form.get('registrationId'))
	const q = String(form.get('q') ?? '').slice(0, MAX_SEARCH_QUERY_LENGTH)
	const event = slug ? findEventBySlug(getDb(), slug) : undefined
	invariantResponse(event && Number.isSafeInteger(registrationId) && registrationId > 0, 400)
	const { locale } = await getRequestT(request, 'scan')
	try {
		const answer = manualCheckin(getDb(), registrationId, { deviceId: null }, { actor: { kind: 'user', id: user.id }, tokenEventId: event.id })
		const params = new URLSearchParams({ event: event.slug, q, notice: answer.result, rid: String(registrationId) })
		if (answer.firstCheckedInAt) params.set('time', formatTime(new Date(answer.firstCheckedInAt), locale))
		return redirect(`/scan?${params}`)
	} catch (error) {
		if (error instanceof ServiceError) throw errorResponse(404)
		throw error
	}
}

export default function Scan() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation('scan')
	// The scanner is browser-only (camera, IndexedDB, service worker): it starts after hydration.
	const [mounted, setMounted] = useState(false)
	useEffect(() => setMounted(true), [])

	return (
		<section className="container narrow scan-page">
			<h1>{t('title')}</h1>
			{/* The stage keeps its height while the page turns into the scanner (CLS, issue 17). */}
			<div className="scan-stage">
				{mounted ? null : (
					<>
						<p>{t('intro')}</p>
						<noscript>
							<p className="notice">{data.organizer ? t('noScriptOrganizer') : t('noScript')}</p>
						</noscript>
					</>
				)}
				{data.organizer ? (
					<EventPicker events={data.events} selected={data.selected?.slug} />
				) : mounted ? null : (
					<p>
						{t('howTo')} <a href="/admin/login?redirectTo=%2Fscan">{t('logIn')}</a>
					</p>
				)}
				{mounted ? <ScannerApp organizer={data.organizer} /> : data.selected ? <NameSearch /> : null}
			</div>
		</section>
	)
}

function EventPicker({ events, selected }: { events: { slug: string; title: string; startsAt: string }[]; selected: string | undefined }) {
	const { t } = useTranslation('scan')
	if (events.length === 0) return <p className="empty-state">{t('pick.none')}</p>
	return (
		<form method="get" action="/scan" className="scan-code scan-section">
			<div className="field">
				<label htmlFor="scan-event">{t('pick.label')}</label>
				<select id="scan-event" name="event" defaultValue={selected ?? events[0]!.slug}>
					{events.map((event) => (
						<option key={event.slug} value={event.slug}>
							{event.title} · {event.startsAt}
						</option>
					))}
				</select>
			</div>
			<button type="submit" className="button secondary">
				{t('pick.submit')}
			</button>
		</form>
	)
}

/** The organizer's name search without JavaScript: GET to search, a POST per check-in. */
function NameSearch() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation('scan')
	const event = data.selected!
	const notice = data.notice
	return (
		<section className="scan-section" aria-labelledby="manual-title">
			<p className="scan-event-title">{event.title}</p>
			<NotToday times={event} />
			{notice ? (
				<p className={`notice ${notice.result === 'ok' ? 'success' : notice.result === 'already_checked_in' ? '' : 'danger'}`} role="status">
					<strong>
						{notice.name ? `${notice.name}: ` : ''}
						{t(`verdict.title.${notice.result}`)}
					</strong>
					{notice.result === 'already_checked_in' && notice.time ? ` ${t('verdict.alreadyAt', { time: notice.time })}` : ''}
				</p>
			) : null}
			<h2 id="manual-title">{t('manual.title')}</h2>
			<p className="muted">{t('manual.help')}</p>
			<form method="get" action="/scan" className="scan-search" role="search">
				<input type="hidden" name="event" value={event.slug} />
				<div className="field">
					<label htmlFor="scan-q">{t('manual.label')}</label>
					<input
						id="scan-q"
						name="q"
						type="text"
						autoComplete="off"
						defaultValue={data.q}
						maxLength={MAX_SEARCH_QUERY_LENGTH}
						minLength={MIN_SEARCH_QUERY_LENGTH}
						required
					/>
				</div>
				<button type="submit" className="button">
					{t('manual.submit')}
				</button>
			</form>
			{data.results === null ? null : data.results.length === 0 ? (
				<p className="empty-state">{t('manual.none')}</p>
			) : (
				<ul className="scan-results">
					{data.results.map((hit) => (
						<li key={hit.id} data-registration={hit.id}>
							<span className="who">
								<strong>{hit.name}</strong>
								<small>
									{[
										hit.emailHint,
										t('verdict.party', { count: hit.partySize }),
										hit.checkedInTime ? t('manual.checkedInAt', { time: hit.checkedInTime }) : null,
									]
										.filter(Boolean)
										.join(' · ')}
								</small>
							</span>
							<form method="post" action={`/scan?event=${encodeURIComponent(event.slug)}`}>
								<input type="hidden" name="event" value={event.slug} />
								<input type="hidden" name="q" value={data.q} />
								<input type="hidden" name="registrationId" value={hit.id} />
								<button type="submit" className={`button small${hit.checkedInTime ? ' secondary' : ''}`}>
									{t('manual.checkIn')}
									<span className="visually-hidden">: {hit.name}</span>
								</button>
							</form>
						</li>
					))}
				</ul>
			)}
		</section>
	)
}
