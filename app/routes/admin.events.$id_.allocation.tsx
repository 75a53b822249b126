// /admin/events/{id}/allocation: the fair's stand allocation. "Propose" runs the solver and shows
// the proposal (on the plan, the changes, the objective and why anyone is left without a stand);
// "Save" commits exactly that proposal (refused if the data changed since). Per exhibitor: pin,
// unpin, move to a free fitting stand, swap, remove; with JavaScript also drag onto a stand.
// Every change is a POST that redirects back with a notice; everything works without JavaScript.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AllocationBoard, useNeedsText, type BoardExhibitor, type BoardHolder } from '#app/components/allocation-board.tsx'
import { fits } from '#app/domain/allocation.ts'
import { categoryCodes, categoryNameByCode } from '#app/domain/fair-settings-input.ts'
import {
	assignStand,
	commitAllocation,
	countUnnotified,
	loadAllocationState,
	notifyStands,
	previewAllocation,
	setStandLock,
	StandDoesNotFitError,
	swapStands,
	toAllocationApplication,
	toStand,
	unassignStand,
} from '#app/services/allocation.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { getPlanInfo } from '#app/services/floor-plan.server.ts'
import planStyles from '#app/styles/plan.css?url'
import allocationStyles from '#app/styles/allocation.css?url'
import { fairSettings } from '#db/schema/index.ts'
import { eq } from 'drizzle-orm'
import { requireAdminEvent } from '#app/utils/admin-event.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { DEFAULT_CATEGORIES } from '#app/domain/application-options.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: planStyles },
	{ rel: 'stylesheet', href: allocationStyles },
]

function requireFair(id: string | undefined) {
	const event = requireAdminEvent(id)
	if (event.kind !== 'fair') throw new Response('Not found', { status: 404 })
	return event
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireFair(params.id)
	const { locale, t } = await getRequestT(request, ['allocation', 'exhibitors'])
	const db = getDb()
	const state = loadAllocationState(db, event)
	const settings = db.select().from(fairSettings).where(eq(fairSettings.eventId, event.id)).get()
	const fairCategories = settings?.categories ?? [...DEFAULT_CATEGORIES]
	const categoryName = (code: string) => categoryNameByCode(fairCategories, code, locale, (c) => t(`exhibitors:category.${c}`, { defaultValue: c }))
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
	return {
		title: `${t('title')}: ${event.title} · Sajam`,
		event: { id: event.id, slug: event.slug, title: event.title },
		plan: { width: getPlanInfo(db, event.id).width, height: getPlanInfo(db, event.id).height },
		stands: state.stands.map((s) => ({ label: s.label, x: s.x, y: s.y, width: s.width, height: s.height, power: s.power, accessible: s.accessible })),
		holders,
		categories: categoryCodes(fairCategories),
		exhibitors,
		assigned: saved.length,
		unnotified: countUnnotified(db, event.id),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Sajam' }, { name: 'robots', content: 'noindex' }]

const CommitSchema = z.object({
	basis: z.string().min(1).max(100),
	assignments: z.array(z.object({ applicationId: z.number().int().positive(), standLabel: z.string().min(1).max(100) })).max(5000),
})

type Needs = { power: boolean; accessible: boolean; sizeM2: number | null }
type PreviewReply = {
	kind: 'preview'
	basis: string
	assignments: string
	assigned: number
	total: number
	preferenceCost: number
	spread: { status: string; pairs: number; before: number }
	holders: Record<string, BoardHolder>
	changes: Array<{ kind: 'added' | 'moved' | 'removed'; id: number; name: string; from?: string; to?: string }>
	unplaced: Array<{ id: number; name: string; reason: 'no_fitting_stand' | 'fitting_stands_taken'; needs: Needs; taken: Array<{ label: string; name: string }> }>
	pinProblems: Array<{ name: string; label: string }>
}
type ErrorReply = { kind: 'error'; message: string; applicationId?: number }

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireFair(params.id)
	const actor = { kind: 'user', id: user.id } as const
	const back = `/admin/events/${event.id}/allocation`
	const { t } = await getRequestT(request, ['allocation', 'api'])
	const db = getDb()
	const form = await request.formData()
	const intent = String(form.get('intent') ?? '')
	const applicationId = Number(form.get('applicationId'))
	const fail = (message: string): ErrorReply => ({ kind: 'error', message, ...(applicationId > 0 ? { applicationId } : {}) })
	try {
		if (intent === 'allocate') {
			const state = loadAllocationState(db, event)
			const preview = await previewAllocation(db, event)
			const name = (id: number) => state.accepted.find((a) => a.id === id)?.orgName ?? `#${id}`
			const app = (id: number) => state.accepted.find((a) => a.id === id)!
			const holders: Record<string, BoardHolder> = {}
			const changed = new Set([...preview.changes.added.map((c) => c.applicationId), ...preview.changes.moved.map((c) => c.applicationId)])
			for (const x of preview.assignments) {
				const a = app(x.applicationId)
				holders[x.standLabel] = { id: a.id, name: a.orgName, category: a.category, locked: x.locked, changed: changed.has(a.id) }
			}
			const reply: PreviewReply = {
				kind: 'preview',
				basis: preview.basis,
				assignments: JSON.stringify(preview.assignments.map((x) => ({ applicationId: x.applicationId, standLabel: x.standLabel }))),
				assigned: preview.objective.assigned,
				total: state.accepted.length,
				preferenceCost: preview.objective.preferenceCost,
				spread: { status: preview.spread.status, pairs: preview.spread.sameCategoryPairs, before: preview.spread.exactPairs },
				holders,
				changes: [
					...preview.changes.added.map((c) => ({ kind: 'added' as const, id: c.applicationId, name: name(c.applicationId), to: c.standLabel })),
					...preview.changes.moved.map((c) => ({ kind: 'moved' as const, id: c.applicationId, name: name(c.applicationId), from: c.from, to: c.to })),
					...preview.changes.removed.map((c) => ({ kind: 'removed' as const, id: c.applicationId, name: name(c.applicationId), from: c.standLabel })),
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
			return reply
		}
		if (intent === 'commit') {
			let assignments: unknown
			try {
				assignments = JSON.parse(String(form.get('assignments') ?? ''))
			} catch {
				return fail(t('preview.stale'))
			}
			const parsed = CommitSchema.safeParse({ basis: form.get('basis'), assignments })
			if (!parsed.success) return fail(t('preview.stale'))
			const result = commitAllocation(db, event.id, parsed.data, actor)
			return redirect(`${back}?notice=saved&count=${result.notified}`)
		}
		if (intent === 'notify') {
			const count = notifyStands(db, event.id, actor)
			return redirect(`${back}?notice=notified&count=${count}`)
		}
		if (!(applicationId > 0) || !loadAllocationState(db, event).accepted.some((a) => a.id === applicationId)) throw new Response('Not found', { status: 404 })
		if (intent === 'move') {
			const standLabel = String(form.get('standLabel') ?? '')
			const result = assignStand(db, applicationId, standLabel, { locked: form.get('locked') === 'on', swap: form.get('swap') === 'on' }, actor)
			return redirect(`${back}?notice=${result.swappedWith ? 'swapped' : 'moved'}#exhibitor-${applicationId}`)
		}
		if (intent === 'pin' || intent === 'unpin') {
			setStandLock(db, applicationId, intent === 'pin', actor)
			return redirect(`${back}?notice=${intent}ned#exhibitor-${applicationId}`)
		}
		if (intent === 'unassign') {
			unassignStand(db, applicationId, actor)
			return redirect(`${back}?notice=unassigned#exhibitor-${applicationId}`)
		}
		if (intent === 'swap') {
			swapStands(db, applicationId, Number(form.get('with')), actor)
			return redirect(`${back}?notice=swapped#exhibitor-${applicationId}`)
		}
		return fail(t('api:errors.generic'))
	} catch (error) {
		if (error instanceof StandDoesNotFitError) {
			const application = loadAllocationState(db, event).accepted.find((a) => a.id === applicationId)
			const needs = error.unmet.map((n) => (n === 'sizeM2' ? t('needs.size', { size: application?.needsSizeM2 ?? '' }) : t(`needs.${n}`)))
			return fail(t('actions.doesNotFit', { label: String(form.get('standLabel') ?? ''), needs: needs.join(', ') }))
		}
		if (error instanceof ServiceError) return fail(error.code === 'allocation_stale' ? t('preview.stale') : t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') }))
		throw error
	}
}

const NOTICES = ['saved', 'moved', 'pinned', 'unpinned', 'unassigned', 'swapped', 'notified'] as const

export default function AllocationPage() {
	const data = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>() as PreviewReply | ErrorReply | undefined
	const { t } = useTranslation(['allocation', 'admin'])
	const navigation = useNavigation()
	const [search] = useSearchParams()
	const notice = NOTICES.find((n) => n === search.get('notice'))
	const preview = reply?.kind === 'preview' ? reply : null
	const allocating = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'allocate'
	const back = `/admin/events/${data.event.id}`
	return (
		<div className="alloc-page">
			<p className="breadcrumb">
				<Link to={back}>← {data.event.title}</Link>
			</p>
			<div className="section-head">
				<h1>{t('title')}</h1>
				<Link to={`${back}/plan`}>{t('planLink')}</Link>
			</div>
			<p className="muted">{t('intro')}</p>
			<p>{t('summary', { accepted: data.exhibitors.length, assigned: data.assigned, stands: data.stands.length })}</p>
			{notice ? (
				<p className="notice success" role="status">
					{notice === 'saved' || notice === 'notified' ? t(`notices.${notice}`, { count: Number(search.get('count') ?? 0) }) : t(`notices.${notice}`)}
				</p>
			) : null}
			{reply?.kind === 'error' ? (
				<p className="notice danger" role="alert">
					{reply.message}
				</p>
			) : null}
			{data.stands.length === 0 ? <p className="empty-state">{t('noStands')}</p> : null}
			{data.exhibitors.length === 0 ? <p className="empty-state">{t('noAccepted')}</p> : null}
			{data.stands.length > 0 && data.exhibitors.length > 0 ? (
				<Form method="post" className="button-row alloc-actions">
					<button className="button" type="submit" name="intent" value="allocate" disabled={allocating}>
						{allocating ? t('allocating') : t('allocate')}
					</button>
					<span className="muted">{t('allocateHint')}</span>
				</Form>
			) : null}
			{data.unnotified > 0 && !preview ? (
				<Form method="post" className="button-row alloc-actions">
					<button className="button secondary" type="submit" name="intent" value="notify">
						{t('notify.button', { count: data.unnotified })}
					</button>
					<span className="muted">{t('notify.hint')}</span>
				</Form>
			) : null}
			{preview ? <PreviewPanel preview={preview} /> : null}
			{data.stands.length > 0 ? (
				<AllocationBoard
					plan={data.plan}
					stands={data.stands}
					holders={preview ? preview.holders : data.holders}
					categories={data.categories}
					exhibitors={data.exhibitors}
					preview={preview !== null}
				/>
			) : null}
		</div>
	)
}

function PreviewPanel({ preview }: { preview: PreviewReply }) {
	const { t } = useTranslation('allocation')
	const needsText = useNeedsText()
	return (
		<section className="card alloc-preview" aria-labelledby="preview-title">
			<h2 id="preview-title">{t('preview.title')}</h2>
			<p>
				<strong>{t('preview.objective', { assigned: preview.assigned, total: preview.total, cost: preview.preferenceCost })}</strong>
			</p>
			<p className="muted">{t('preview.costHint')}</p>
			<p className="muted">
				{t('preview.sameCategory', { count: preview.spread.pairs, before: preview.spread.before })} {t(`preview.spread.${preview.spread.status}`)}
			</p>
			{preview.pinProblems.map((p) => (
				<p key={p.label + p.name} className="notice danger">
					{t('preview.pinProblem', { name: p.name, label: p.label })}
				</p>
			))}
			{preview.unplaced.length ? (
				<>
					<h3>{t('preview.unplacedTitle')}</h3>
					<ul>
						{preview.unplaced.map((u) => (
							<li key={u.id}>
								{u.reason === 'no_fitting_stand'
									? t('preview.noFit', { name: u.name, needs: needsText(u.needs) })
									: t('preview.taken', { name: u.name, list: u.taken.map((x) => t('preview.takenItem', { label: x.label, name: x.name })).join(', ') })}
							</li>
						))}
					</ul>
				</>
			) : null}
			<h3>{t('preview.changesTitle')}</h3>
			{preview.changes.length ? (
				<ul>
					{preview.changes.map((c) => (
						<li key={c.id}>{t(`preview.${c.kind}`, { name: c.name, from: c.from, to: c.to })}</li>
					))}
				</ul>
			) : (
				<p>{t('preview.noChanges')}</p>
			)}
			<Form method="post" className="button-row">
				<input type="hidden" name="basis" value={preview.basis} />
				<input type="hidden" name="assignments" value={preview.assignments} />
				<button className="button" type="submit" name="intent" value="commit">
					{t('preview.save')}
				</button>
				<Link className="button secondary" to=".">
					{t('preview.discard')}
				</Link>
			</Form>
			<p className="muted">{t('preview.saveHint')}</p>
		</section>
	)
}
