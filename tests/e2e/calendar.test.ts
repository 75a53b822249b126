// The calendar side as a calendar program sees it: /calendar.ics and each event's .ics parsed by
// ical.js (a real iCalendar parser, not our own code), compared with what the JSON API says, and
// the "add to calendar" links on the event page clicked in Chromium. When an organizer moves an
// event, calendars must recognise the same entry (UID) and take the change (higher SEQUENCE).
import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import admin from '#app/locales/sr-Latn/admin.json'
import publicSr from '#app/locales/sr-Latn/public.json'
import { launchBrowser, loginAsAdmin, newDesktopContext, watchPageErrors, type PageErrorWatch } from '#tests/support/browser.ts'
import { NEXT_YEAR, organizerApi, seedDemo, type ApiEvent, type OrganizerApi } from '#tests/support/organizer-api.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
let watch: PageErrorWatch
let api: OrganizerApi

const VENUE = { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' }
const PUBLISHED = {
	slug: 'sajam-zdrave-hrane',
	title: 'Sajam zdrave hrane i rukotvorina',
	titleCyrl: 'Сајам здраве хране и рукотворина',
	titleEn: 'Healthy food and crafts fair',
}
const DRAFT = { slug: 'nacrt-za-kalendar', title: 'Nacrt koji ne ide u kalendar' }
const CANCELLED = { slug: 'otkazana-tribina', title: 'Otkazana tribina o zadrugarstvu' }

beforeAll(async () => {
	;[server, browser] = await Promise.all([startServer(), launchBrowser()])
	await seedDemo(server)
	api = await organizerApi(server)
	const when = { startsAt: `${NEXT_YEAR}-04-18T09:00:00+02:00`, endsAt: `${NEXT_YEAR}-04-18T15:00:00+02:00` }
	await api.create({
		slug: PUBLISHED.slug,
		title: PUBLISHED.title,
		titleEn: PUBLISHED.titleEn,
		kind: 'fair',
		...when,
		venue: VENUE,
		capacity: 300,
		status: 'published',
	})
	await api.create({ ...DRAFT, kind: 'other', ...when, venue: VENUE, capacity: null, status: 'draft' })
	await api.create({ ...CANCELLED, kind: 'roundtable', ...when, venue: VENUE, capacity: 30, status: 'published' })
	await api.update(CANCELLED.slug, { status: 'cancelled' })
	context = await newDesktopContext(browser, { locale: 'de-DE', acceptDownloads: true })
	watch = watchPageErrors(context)
	page = await context.newPage()
})

afterAll(async () => {
	await browser?.close()
	await server?.stop()
})

afterEach(() => watch?.check())

type VEvent = {
	uid: string
	summary: string
	location: string
	url: string
	status: string
	sequence: number
	start: ICAL.Time
	end: ICAL.Time
}

function parseCalendar(text: string): { calendar: ICAL.Component; events: VEvent[] } {
	const calendar = new ICAL.Component(ICAL.parse(text))
	expect(calendar.name).toBe('vcalendar')
	const events = calendar.getAllSubcomponents('vevent').map((v) => ({
		uid: String(v.getFirstPropertyValue('uid') ?? ''),
		summary: String(v.getFirstPropertyValue('summary') ?? ''),
		location: String(v.getFirstPropertyValue('location') ?? ''),
		url: String(v.getFirstPropertyValue('url') ?? ''),
		status: String(v.getFirstPropertyValue('status') ?? ''),
		sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
		start: v.getFirstPropertyValue('dtstart') as ICAL.Time,
		end: v.getFirstPropertyValue('dtend') as ICAL.Time,
	}))
	return { calendar, events }
}

async function fetchCalendar(pathname: string) {
	const response = await fetch(server.url + pathname)
	expect(response.status, pathname).toBe(200)
	expect(response.headers.get('content-type')).toMatch(/^text\/calendar\b/)
	return { response, ...parseCalendar(await response.text()) }
}

function byUrl(events: VEvent[], event: ApiEvent): VEvent {
	const found = events.filter((v) => v.url === event.url)
	expect(found, `one VEVENT for ${event.url}`).toHaveLength(1)
	return found[0]!
}

/** A time in UTC ("...Z" in the file), the same instant as the API's. */
function expectUtcInstant(time: ICAL.Time, iso: string) {
	expect(time.zone?.tzid).toBe('UTC')
	expect(time.toJSDate().toISOString()).toBe(new Date(iso).toISOString())
}

/** "20270418T070000Z" → the instant; Google's format for `dates=`. */
function parseGoogleDate(value: string): string {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
	expect(m, `Google date ${value}`).not.toBeNull()
	const [y, mo, d, h, mi, s] = m!.slice(1).map(Number) as [number, number, number, number, number, number]
	return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString()
}

async function googleLink(slug: string): Promise<URL> {
	await page.goto(`${server.url}/events/${slug}`)
	const href = await page.getByRole('link', { name: new RegExp(`^${publicSr.event.googleCalendar}\\b`) }).getAttribute('href')
	return new URL(href!)
}

describe('/calendar.ics', () => {
	test('one VEVENT per published or cancelled event, matching the API; no drafts', async () => {
		const { events } = await fetchCalendar('/calendar.ics')
		const published = await api.listPublished()
		const cancelled = await api.get(CANCELLED.slug)
		expect(published.some((e) => e.slug === PUBLISHED.slug)).toBe(true)
		expect(published.length).toBeGreaterThanOrEqual(5) // the demo's four and ours
		expect(events).toHaveLength(published.length + 1)
		expect(new Set(events.map((v) => v.uid)).size).toBe(events.length)

		for (const event of [...published, cancelled]) {
			const v = byUrl(events, event)
			expect(v.uid).toMatch(/\S+@\S+/)
			expectUtcInstant(v.start, event.startsAt)
			expectUtcInstant(v.end, event.endsAt)
			expect(v.summary).toBe(event.title)
			expect(v.location).toContain(event.venue.name)
			expect(v.location).toContain(event.venue.city)
			expect(v.status).toBe(event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED')
		}
		// A cancellation is a change calendars must take over the entry they have.
		expect(byUrl(events, cancelled).sequence).toBeGreaterThan(0)

		expect(events.some((v) => v.url.endsWith(`/events/${DRAFT.slug}`) || v.summary === DRAFT.title)).toBe(false)
		expect(events.some((v) => v.summary.startsWith('Info dan'))).toBe(false) // the demo's draft
	})

	test('?lang=en gives English titles, ?lang=sr-Cyrl Cyrillic ones; the entries stay the same', async () => {
		const latin = (await fetchCalendar('/calendar.ics')).events
		const { calendar, events: english } = await fetchCalendar('/calendar.ics?lang=en')
		const cyrillic = (await fetchCalendar('/calendar.ics?lang=sr-Cyrl')).events
		const event = await api.get(PUBLISHED.slug)
		expect(byUrl(english, event).summary).toBe(PUBLISHED.titleEn)
		expect(byUrl(cyrillic, event).summary).toBe(PUBLISHED.titleCyrl)
		expect(byUrl(cyrillic, event).location).toContain('Крушевац')
		expect(english.some((v) => /^Mini-fair of Social Entrepreneurship \d{4}$/.test(v.summary))).toBe(true)
		expect(String(calendar.getFirstPropertyValue('x-wr-calname'))).toContain('Center for Social Entrepreneurship')
		// Same UIDs whatever the language: one subscription, one set of entries.
		const uids = (list: VEvent[]) => list.map((v) => v.uid).sort()
		expect(uids(english)).toEqual(uids(latin))
		expect(uids(cyrillic)).toEqual(uids(latin))
	})
})

describe('one event', () => {
	test('/events/{slug}/event.ics is a download with that one event, same UID as in the feed', async () => {
		const event = await api.get(PUBLISHED.slug)
		const feed = byUrl((await fetchCalendar('/calendar.ics')).events, event)
		const { response, events } = await fetchCalendar(`/events/${PUBLISHED.slug}/event.ics`)
		expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment;\\s*filename="${PUBLISHED.slug}\\.ics"`))
		expect(events).toHaveLength(1)
		expect(events[0]!.uid).toBe(feed.uid)
		expectUtcInstant(events[0]!.start, event.startsAt)
		expectUtcInstant(events[0]!.end, event.endsAt)

		// The button on the page, clicked in the browser, saves the same calendar file.
		await page.goto(`${server.url}/events/${PUBLISHED.slug}`)
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: publicSr.event.downloadIcs, exact: true }).click()])
		expect(download.suggestedFilename()).toBe(`${PUBLISHED.slug}.ics`)
		const saved = parseCalendar(readFileSync((await download.path())!, 'utf8')).events
		expect(saved.map((v) => v.uid)).toEqual([feed.uid])

		// Drafts have no calendar file; a cancelled event's file says it is cancelled.
		expect((await fetch(`${server.url}/events/${DRAFT.slug}/event.ics`)).status).toBe(404)
		const cancelled = (await fetchCalendar(`/events/${CANCELLED.slug}/event.ics`)).events
		expect(cancelled.map((v) => v.status)).toEqual(['CANCELLED'])
	})

	test('the Google Calendar link carries the same times (dates=) and title', async () => {
		const event = await api.get(PUBLISHED.slug)
		const link = await googleLink(PUBLISHED.slug)
		expect(link.hostname).toBe('calendar.google.com')
		expect(link.searchParams.get('action')).toBe('TEMPLATE')
		expect(link.searchParams.get('text')).toBe(PUBLISHED.title)
		expect(link.searchParams.get('location')).toContain(VENUE.name)
		const [start, end] = (link.searchParams.get('dates') ?? '').split('/')
		expect(parseGoogleDate(start!)).toBe(new Date(event.startsAt).toISOString())
		expect(parseGoogleDate(end!)).toBe(new Date(event.endsAt).toISOString())
	})

	test('after the organizer moves the event, the UID stays and SEQUENCE goes up', async () => {
		const before = byUrl((await fetchCalendar('/calendar.ics')).events, await api.get(PUBLISHED.slug))
		const beforeFile = (await fetchCalendar(`/events/${PUBLISHED.slug}/event.ics`)).events[0]!

		// The organizer moves it a week later, 10:00–16:00, through the admin form.
		await loginAsAdmin(page, server)
		await page.getByRole('link', { name: PUBLISHED.title, exact: true }).click()
		await page.waitForURL(/\/admin\/events\/\d+$/)
		await page.getByLabel(admin.eventForm.startsAt, { exact: true }).fill(`${NEXT_YEAR}-04-25T10:00`)
		await page.getByLabel(admin.eventForm.endsAt, { exact: true }).fill(`${NEXT_YEAR}-04-25T16:00`)
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('saved') === 'save'),
			page.getByRole('button', { name: admin.eventForm.save, exact: true }).click(),
		])
		await page.getByRole('status').filter({ hasText: admin.eventPage.saved.save }).waitFor()

		const moved = await api.get(PUBLISHED.slug)
		expect(moved.startsAt).toBe(`${NEXT_YEAR}-04-25T08:00:00.000Z`)
		const after = byUrl((await fetchCalendar('/calendar.ics')).events, moved)
		expect(after.uid).toBe(before.uid)
		expect(after.sequence).toBeGreaterThan(before.sequence)
		expectUtcInstant(after.start, moved.startsAt)
		expectUtcInstant(after.end, moved.endsAt)

		const afterFile = (await fetchCalendar(`/events/${PUBLISHED.slug}/event.ics`)).events[0]!
		expect(afterFile.uid).toBe(beforeFile.uid)
		expect(afterFile.sequence).toBeGreaterThan(beforeFile.sequence)

		const [start] = ((await googleLink(PUBLISHED.slug)).searchParams.get('dates') ?? '').split('/')
		expect(parseGoogleDate(start!)).toBe(moved.startsAt)
	})
})
