// The organizer's floor plan editor (/admin/events/{id}/plan) as the page shows it. Its forms are
// app/http/floor-plan-forms.server.ts.
import type { TFunction } from 'i18next'
import type { EventRow } from '#db/schema/index.ts'
import { type StandRowValues } from '#app/domain/stand-rows.ts'
import { formatDateTime } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { labelKey, planNumberText } from '#app/domain/stand-input.ts'
import type { Db } from '#app/utils/db.server.ts'
import { getFloorPlan, getPlanDraft } from '#app/services/queries/floor-plan.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { pageTitle } from '#app/utils/page-title.ts'

const show = planNumberText

/** The page: `t` reads the `plan` namespace. */
export function floorPlanPageView(db: Db, event: EventRow, t: TFunction, locale: Locale) {
	const floor = getFloorPlan(db, event.id)
	// While the plan has unpublished changes, the editor shows them; the public sees the live plan.
	const draft = getPlanDraft(db, event.id)
	const byStand = new Map(floor.stands.map((s) => [s.id, s]))
	const occupants: Record<string, string> = {}
	for (const a of floor.assignments) {
		const stand = byStand.get(a.standId)
		if (stand) occupants[labelKey(stand.label)] = a.name
	}
	const draftLabels = new Set(draft?.stands.map((s) => labelKey(s.label)))
	/** Exhibitors who lose their stand when the draft is published (its stand is not in the draft). */
	const removesAssigned = draft
		? floor.assignments.flatMap((a) => {
				const stand = byStand.get(a.standId)
				return stand && !draftLabels.has(labelKey(stand.label)) ? [{ label: stand.label, name: a.name }] : []
			})
		: []
	const extent = draft?.plan ?? { width: floor.plan.width, height: floor.plan.height }
	const rows: StandRowValues[] = (draft?.stands ?? floor.stands).map((s) => ({
		label: s.label,
		x: show(s.x),
		y: show(s.y),
		width: show(s.width),
		height: show(s.height),
		sizeM2: show(s.sizeM2),
		power: s.power,
		accessible: s.accessible,
		zone: s.zone ?? '',
	}))
	return {
		title: pageTitle(locale, `${t('editor.title')}: ${eventTitleIn(event, locale)}`),
		event: { id: event.id, slug: event.slug, title: eventTitleIn(event, locale), status: event.status },
		plan: {
			width: extent.width,
			height: extent.height,
			hasBackground: floor.plan.hasBackground,
			published: floor.plan.publishedAt !== null,
			publishedAt: floor.plan.publishedAt ? formatDateTime(floor.plan.publishedAt, locale) : null,
			version: floor.plan.updatedAt?.getTime() ?? 0,
		},
		draft: draft ? { removesAssigned } : null,
		rows,
		occupants,
		assigned: floor.assignments.length,
	}
}
