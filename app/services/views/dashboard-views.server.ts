// The organizers' dashboard (/admin): what comes next and what waits for someone. The events
// coming up first, soonest first, then the past ones (latest first); each with its numbers, the
// checked-in persons once it has started (today's or a past event). "Needs doing" links every count
// to the page where it is done.
import type { TFunction } from 'i18next'
import type { EventRow } from '#db/schema/index.ts'
import { remainingPlaces } from '#app/domain/capacity.ts'
import { formatDateTime, formatNumber, toBelgradeLocalInput } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { Db } from '#app/utils/db.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import {
	applicationsAwaitingReview,
	dashboardEvents,
	failedMailCount,
	unconfirmedAcceptances,
	unreleasedDecisionCounts,
} from '#app/services/queries/dashboard.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'

export type DashboardEvent = {
	id: number
	title: string
	kind: EventRow['kind']
	status: EventRow['status']
	startsAt: string
	startsAtIso: string
	today: boolean
	registered: string
	capacity: string | null
	remaining: string | null
	waitlisted: string
	/** Persons checked in; null before the event's day. */
	checkedIn: string | null
}

export type DashboardTask = { kind: 'reviews' | 'unreleased' | 'unconfirmed' | 'failedMail'; href: string; text: string }

const belgradeDay = (date: Date) => toBelgradeLocalInput(date).slice(0, 10)

/** The page: `t` reads the `admin` namespace. */
export function dashboardView(db: Db, t: TFunction, locale: Locale, now = new Date()) {
	const { events, checkedIn } = dashboardEvents(db)
	const today = belgradeDay(now)
	const row = (e: EventRow): DashboardEvent => {
		const remaining = remainingPlaces(e.capacity, e.confirmedPersons)
		const day = belgradeDay(e.startsAt)
		return {
			id: e.id,
			title: eventTitleIn(e, locale),
			kind: e.kind,
			status: e.status,
			startsAt: formatDateTime(e.startsAt, locale),
			startsAtIso: e.startsAt.toISOString(),
			today: day <= today && belgradeDay(e.endsAt) >= today,
			registered: formatNumber(e.confirmedPersons, locale),
			capacity: e.capacity === null ? null : formatNumber(e.capacity, locale),
			remaining: remaining === null ? null : formatNumber(remaining, locale),
			waitlisted: formatNumber(e.waitlistedPersons, locale),
			checkedIn: day <= today ? formatNumber(checkedIn.get(e.id) ?? 0, locale) : null,
		}
	}
	const upcoming = events.filter((e) => e.endsAt >= now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id)
	const past = events.filter((e) => e.endsAt < now).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id - a.id)

	const count = (n: number) => ({ count: n, formatted: formatNumber(n, locale) })
	const tasks: DashboardTask[] = [
		...applicationsAwaitingReview(db).map((f) => ({
			kind: 'reviews' as const,
			href: `/admin/events/${f.eventId}/applications?status=submitted`,
			text: t('dashboard.reviews', { fair: eventTitleIn(f, locale), ...count(f.count) }),
		})),
		...unreleasedDecisionCounts(db).map((f) => ({
			kind: 'unreleased' as const,
			href: `/admin/events/${f.eventId}/applications#release-title`,
			text: t('dashboard.unreleased', { fair: eventTitleIn(f, locale), ...count(f.count) }),
		})),
		...unconfirmedAcceptances(db).map((f) => ({
			kind: 'unconfirmed' as const,
			href: `/admin/events/${f.eventId}/applications?status=accepted`,
			text: t('dashboard.unconfirmed', {
				fair: eventTitleIn(f, locale),
				...count(f.count),
				deadline: f.nearestDeadline ? formatDateTime(f.nearestDeadline, locale) : '',
			}),
		})),
	]
	const failed = failedMailCount(db)
	if (failed > 0) tasks.push({ kind: 'failedMail', href: '/admin/outbox?status=failed', text: t('dashboard.failedMail', count(failed)) })

	return {
		title: pageTitle(locale, t('events.title')),
		upcoming: upcoming.map(row),
		past: past.map(row),
		pastCount: count(past.length),
		tasks,
	}
}
