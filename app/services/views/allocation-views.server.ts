// What the organizer's allocation page shows (/admin/events/{id}/allocation): the board (stands,
// who holds which, every accepted exhibitor with the stands it may move to or swap with), the
// solver's proposal as the preview panel shows it, and the words for a refused manual change.
// Reads only; the route calls the writes (commands/allocation, stand-moves, stand-mails) directly.
import type { TFunction } from 'i18next'
import type { EventRow } from '#db/schema/index.ts'
import { fits, wishesMet, type WishesMet } from '#app/domain/allocation/model.ts'
import { explainMoves, type MoveReason } from '#app/domain/allocation/moves.ts'
import { categoryCodes, categoryNameByCode } from '#app/domain/fair-settings-input.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { Db } from '#app/utils/db.server.ts'
import { previewAllocation } from '#app/services/queries/allocation-preview.server.ts'
import { countUnnotified, loadAllocationState, toAllocationApplication, toStand } from '#app/services/queries/allocation.server.ts'
import { ServiceError, StandDoesNotFitError } from '#app/services/errors.server.ts'
import { getFairSettings } from '#app/services/queries/fair-settings.server.ts'
import { getPlanInfo } from '#app/services/queries/floor-plan.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { pageTitle } from '#app/utils/page-title.ts'

/** The page: `t` reads the `allocation` and `exhibitors` namespaces. */

// What the allocation board (components/allocation-board.tsx) draws.
export type BoardStand = { label: string; x: number; y: number; width: number; height: number; power: boolean; accessible: boolean }
export type BoardHolder = { id: number; name: string; category: string; locked: boolean; changed?: boolean }
export type Needs = { power: boolean; accessible: boolean; sizeM2: number | null }

export type BoardExhibitor = {
	id: number
	name: string
	category: string
	categoryName: string
	needs: Needs
	preferences: string[]
	standLabel: string | null
	locked: boolean
	released: boolean
	notified: boolean
	/** Free stands that meet the needs (the "move" select). */
	moveOptions: string[]
	/** Other exhibitors with a stand it can swap with (both stands fit both). */
	swapOptions: Array<{ id: number; name: string; standLabel: string }>
}

export function allocationPageView(db: Db, event: EventRow, t: TFunction, locale: Locale) {
	const state = loadAllocationState(db, event)
	const fairCategories = getFairSettings(db, event.id).categories
	const categoryName = (code: string) => categoryNameByCode(fairCategories, code, locale, (c) => t(`fair:category.${c}`, { defaultValue: c }))
	const standById = new Map(state.stands.map((s) => [s.id, s]))
	const acceptedIds = new Set(state.accepted.map((a) => a.id))
	const saved = state.saved.filter((s) => acceptedIds.has(s.applicationId))
	const savedByApp = new Map(saved.map((s) => [s.applicationId, s]))
	const heldStands = new Set(saved.map((s) => s.standId))
	const holders: Record<string, BoardHolder> = {}
	const appById = new Map(state.accepted.map((a) => [a.id, a]))
	for (const s of saved) {
		const a = appById.get(s.applicationId)!
		holders[s.standLabel] = { id: a.id, name: a.orgName, category: a.category, locked: s.locked }
	}
	const exhibitors: BoardExhibitor[] = state.accepted.map((a) => {
		const mine = savedByApp.get(a.id)
		const needs = toAllocationApplication(a)
		const myStand = mine ? standById.get(mine.standId) : undefined
		return {
			id: a.id,
			name: a.orgName,
			category: a.category,
			categoryName: categoryName(a.category),
			needs: { power: a.needsPower, accessible: a.needsAccessible, sizeM2: a.needsSizeM2 },
			preferences: a.preferences,
			standLabel: mine?.standLabel ?? null,
			locked: mine?.locked ?? false,
			released: a.releasedStatus === 'accepted',
			notified: mine?.notifiedAt != null,
			moveOptions: state.stands.filter((s) => !heldStands.has(s.id) && fits(toStand(s), needs)).map((s) => s.label),
			swapOptions: myStand
				? saved
						.filter((o) => o.applicationId !== a.id)
						.filter((o) => fits(toStand(standById.get(o.standId)!), needs) && fits(toStand(myStand), toAllocationApplication(appById.get(o.applicationId)!)))
						.map((o) => ({ id: o.applicationId, name: appById.get(o.applicationId)!.orgName, standLabel: o.standLabel }))
				: [],
		}
	})
	const plan = getPlanInfo(db, event.id)
	return {
		title: pageTitle(locale, `${t('title')}: ${eventTitleIn(event, locale)}`),
		event: { id: event.id, slug: event.slug, title: eventTitleIn(event, locale) },
		plan: { width: plan.width, height: plan.height },
		stands: state.stands.map((s) => ({ label: s.label, x: s.x, y: s.y, width: s.width, height: s.height, power: s.power, accessible: s.accessible })),
		holders,
		categories: categoryCodes(fairCategories),
		exhibitors,
		assigned: saved.length,
		unnotified: countUnnotified(db, event.id),
	}
}

export type PreviewReply = {
	kind: 'preview'
	basis: string
	assignments: string
	assigned: number
	total: number
	/** Exhibitors already emailed their stand who would not keep it. */
	moved: number
	preferenceCost: number
	/** The preference cost told as people: who got which wish. */
	wishes: WishesMet
	spread: { status: string; pairs: number; before: number }
	holders: Record<string, BoardHolder>
	/** `why`: for an exhibitor already emailed its stand, why it would not keep it. */
	changes: Array<{ kind: 'added' | 'moved' | 'removed'; id: number; name: string; from?: string; to?: string; why?: MoveWhy }>
	unplaced: Array<{
		id: number
		name: string
		reason: 'no_fitting_stand' | 'fitting_stands_taken'
		needs: Needs
		taken: Array<{ label: string; name: string }>
	}>
	pinProblems: Array<{ name: string; label: string }>
}

/** Why a told exhibitor moves, as the page words it (`preview.why.*`). */
export type MoveWhy =
	{ kind: 'place_more'; count: number } | { kind: 'stand_pinned'; name: string } | { kind: 'stand_gone' | 'stand_does_not_fit' | 'pinned_elsewhere' }

/** Runs the solver (nothing is saved) and shapes its proposal for the preview panel and the board. */
export async function allocationPreviewReply(db: Db, event: EventRow): Promise<PreviewReply> {
	const state = loadAllocationState(db, event)
	const preview = await previewAllocation(db, event)
	const name = (id: number) => state.accepted.find((a) => a.id === id)?.orgName ?? `#${id}`
	const toWhy = (reason: MoveReason): MoveWhy =>
		reason.kind === 'place_more'
			? { kind: 'place_more', count: reason.more }
			: reason.kind === 'stand_pinned'
				? { kind: 'stand_pinned', name: name(reason.applicationId) }
				: { kind: reason.kind }
	// Only when someone told its stand would move; the basis guarantees the same input as the solve.
	const why = new Map(
		preview.objective.moved > 0 && state.basis === preview.basis
			? explainMoves(state.input, preview).map((m) => [m.applicationId, toWhy(m.reason)] as const)
			: [],
	)
	const withWhy = (id: number) => (why.has(id) ? { why: why.get(id)! } : {})
	const app = (id: number) => state.accepted.find((a) => a.id === id)!
	const holders: Record<string, BoardHolder> = {}
	const changed = new Set([...preview.changes.added.map((c) => c.applicationId), ...preview.changes.moved.map((c) => c.applicationId)])
	for (const x of preview.assignments) {
		const a = app(x.applicationId)
		holders[x.standLabel] = { id: a.id, name: a.orgName, category: a.category, locked: x.locked, changed: changed.has(a.id) }
	}
	return {
		kind: 'preview',
		basis: preview.basis,
		assignments: JSON.stringify(preview.assignments.map((x) => ({ applicationId: x.applicationId, standLabel: x.standLabel }))),
		assigned: preview.objective.assigned,
		total: state.accepted.length,
		moved: preview.objective.moved,
		preferenceCost: preview.objective.preferenceCost,
		wishes: wishesMet(state.input, preview.assignments),
		spread: { status: preview.spread.status, pairs: preview.spread.sameCategoryPairs, before: preview.spread.exactPairs },
		holders,
		changes: [
			...preview.changes.added.map((c) => ({ kind: 'added' as const, id: c.applicationId, name: name(c.applicationId), to: c.standLabel })),
			...preview.changes.moved.map((c) => ({
				kind: 'moved' as const,
				id: c.applicationId,
				name: name(c.applicationId),
				from: c.from,
				to: c.to,
				...withWhy(c.applicationId),
			})),
			...preview.changes.removed.map((c) => ({
				kind: 'removed' as const,
				id: c.applicationId,
				name: name(c.applicationId),
				from: c.standLabel,
				...withWhy(c.applicationId),
			})),
		],
		unplaced: preview.unplaced.map((u) => {
			const a = app(u.applicationId)
			return {
				id: a.id,
				name: a.orgName,
				reason: u.reason,
				needs: { power: a.needsPower, accessible: a.needsAccessible, sizeM2: a.needsSizeM2 },
				taken: u.reason === 'fitting_stands_taken' ? u.takenBy.map((x) => ({ label: x.standLabel, name: name(x.applicationId) })) : [],
			}
		}),
		pinProblems: preview.pinProblems.map((p) => ({ name: name(p.applicationId), label: p.standLabel })),
	}
}

/** Whether the application is one of the fair's accepted exhibitors (the only ones the page may move). */
export function isAcceptedExhibitor(db: Db, event: EventRow, applicationId: number): boolean {
	return applicationId > 0 && loadAllocationState(db, event).accepted.some((a) => a.id === applicationId)
}

/**
 * The page's words for a refused change (`t` reads `allocation` and `api`); null for an error that
 * is not the service's (the route rethrows it).
 */
export function allocationErrorMessage(
	db: Db,
	event: EventRow,
	error: unknown,
	attempt: { applicationId: number; standLabel: string },
	t: TFunction,
): string | null {
	if (error instanceof StandDoesNotFitError) {
		const application = loadAllocationState(db, event).accepted.find((a) => a.id === attempt.applicationId)
		const needs = error.unmet.map((n) => (n === 'sizeM2' ? t('needs.size', { size: application?.needsSizeM2 ?? '' }) : t(`needs.${n}`)))
		return t('actions.doesNotFit', { label: attempt.standLabel, needs: needs.join(', ') })
	}
	if (error instanceof ServiceError)
		return error.code === 'allocation_stale' ? t('preview.stale') : t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') })
	return null
}
