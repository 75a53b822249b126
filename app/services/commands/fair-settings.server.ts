// A fair's settings: application window, categories, stands, setup time, confirmation period.
// Without a stored row a fair has the defaults (DEFAULT_FAIR_SETTINGS). The organizer may edit
// them in any state but cancelled, drafts included (settings come before publishing).
import { type FairSettings, getFairSettings } from '#app/services/queries/fair-settings.server.ts'
import { and, count, eq, inArray } from 'drizzle-orm'
import { applications, events, fairSettings } from '#db/schema/index.ts'
import { removedCategoryCodes, type FairSettingsInput } from '#app/domain/fair-settings-input.ts'
import { writeTransaction, type Db } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/services/commands/audit.server.ts'
import { type Actor } from '#app/domain/actor.ts'
import { ServiceError } from '#app/services/errors.server.ts'

/** Category codes of this fair that applications chose, among `codes`. */
function codesInUse(db: Db, eventId: number, codes: string[]): string[] {
	if (codes.length === 0) return []
	return db
		.select({ category: applications.category, n: count() })
		.from(applications)
		.where(and(eq(applications.eventId, eventId), inArray(applications.category, codes)))
		.groupBy(applications.category)
		.all()
		.map((r) => r.category)
}

/**
 * Replaces the fair's settings. Refused: an event that is not a fair (404), a cancelled one (409),
 * a window that closes after the fair starts (422; the form checked it against the start it saw,
 * the start may have moved since), and removing a category an application chose
 * (`category_in_use`, 409), withdrawn applications included: their data still name it.
 */
export function updateFairSettings(db: Db, eventId: number, input: FairSettingsInput, actor: Actor, now = new Date()): FairSettings {
	return writeTransaction(db, (tx) => {
		const event = tx.select().from(events).where(eq(events.id, eventId)).get()
		if (!event) throw new ServiceError('not_found', 404)
		if (event.kind !== 'fair') throw new ServiceError('not_a_fair', 404)
		if (event.status === 'cancelled') throw new ServiceError('event_cancelled', 409)
		if (input.applicationsCloseAt && input.applicationsCloseAt > event.startsAt) {
			throw new ServiceError('closes_after_fair_start', 422, 'applicationsCloseAt')
		}
		const before = getFairSettings(tx, eventId)
		const removed = removedCategoryCodes(before.categories, input.categories)
		if (codesInUse(tx, eventId, removed).length > 0) throw new ServiceError('category_in_use', 409, 'categories')
		const values = {
			applicationsOpenAt: input.applicationsOpenAt,
			applicationsCloseAt: input.applicationsCloseAt,
			categories: input.categories,
			standCount: input.standCount,
			setupMinutesBefore: input.setupMinutesBefore,
			confirmationDays: input.confirmationDays,
		}
		tx.insert(fairSettings)
			.values({ eventId, ...values })
			.onConflictDoUpdate({ target: fairSettings.eventId, set: values })
			.run()
		const changed = (Object.keys(values) as (keyof typeof values)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(values[key]))
		recordAudit(tx, actor, 'fair.settings', `event:${eventId}`, { changed, removedCategories: removed }, now)
		return { ...values, stored: true }
	})
}
