// A fair's settings as stored or, without a stored row, the defaults (DEFAULT_FAIR_SETTINGS), and
// their JSON shape. Editing them is commands/fair-settings.
import { eq } from 'drizzle-orm'
import { events, fairSettings, type EventRow } from '#db/schema/index.ts'
import { DEFAULT_FAIR_SETTINGS, categoryCode, categoryName, type FairCategory, type FairSettingsInput } from '#app/domain/fair-settings-input.ts'
import { LOCALES, type Locale } from '#app/domain/locale.ts'
import { type Db } from '#app/utils/db.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'

export type FairSettings = FairSettingsInput & {
	/** False while the fair still runs on the defaults (no row stored). */
	stored: boolean
}

export function getFairSettings(db: Db, eventId: number): FairSettings {
	const row = db.select().from(fairSettings).where(eq(fairSettings.eventId, eventId)).get()
	if (!row) return { ...DEFAULT_FAIR_SETTINGS, categories: [...DEFAULT_FAIR_SETTINGS.categories], stored: false }
	return {
		applicationsOpenAt: row.applicationsOpenAt,
		applicationsCloseAt: row.applicationsCloseAt,
		categories: row.categories,
		standCount: row.standCount,
		setupMinutesBefore: row.setupMinutesBefore,
		confirmationDays: row.confirmationDays,
		stored: true,
	}
}

/**
 * The fair behind an organizer's address (the API's /fairs/{slug}/..., the plan's background): any
 * status, drafts included, since a fair is set up and its plan drawn before it is published.
 * 404 `not_found` for an unknown event, `not_a_fair` for one of another kind.
 */
export function findFairForOrganizer(db: Db, slug: string): EventRow {
	const event = db.select().from(events).where(eq(events.slug, slug)).get()
	if (!event) throw new ServiceError('not_found', 404)
	if (event.kind !== 'fair') throw new ServiceError('not_a_fair', 404)
	return event
}

/** A category in the API: its code, the organizer's own words if any, and its name in each language. */
export function toCategoryJson(category: FairCategory, standardName: (locale: Locale, code: string) => string) {
	const own = typeof category === 'string' ? null : category
	return {
		code: categoryCode(category),
		label: own?.label ?? null,
		labelEn: own?.labelEn ?? null,
		names: Object.fromEntries(LOCALES.map((locale) => [locale, categoryName(category, locale, (code) => standardName(locale, code))])),
	}
}

/** The `settings` object of GET/PUT /api/v1/fairs/{slug}/settings. */
export function toFairSettingsJson(settings: FairSettings, standardName: (locale: Locale, code: string) => string) {
	return {
		applicationsOpenAt: settings.applicationsOpenAt?.toISOString() ?? null,
		applicationsCloseAt: settings.applicationsCloseAt?.toISOString() ?? null,
		categories: settings.categories.map((c) => toCategoryJson(c, standardName)),
		standCount: settings.standCount,
		setupMinutesBefore: settings.setupMinutesBefore,
		confirmationDays: settings.confirmationDays,
	}
}
