// /admin/events/{id}/allocation: the fair's stand allocation. "Propose" runs the solver and shows
// the proposal (on the plan, the changes, the objective and why anyone is left without a stand);
// "Save" commits exactly that proposal (refused if the data changed since). Per exhibitor: pin,
// unpin, move to a free fitting stand, swap, remove; with JavaScript also drag onto a stand.
// Every change is a POST that redirects back with a notice; everything works without JavaScript.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AllocationBoard, useNeedsText } from '#app/components/allocation-board.tsx'
import { commitAllocation } from '#app/services/commands/allocation.server.ts'
import { notifyStands } from '#app/services/commands/stand-mails.server.ts'
import { assignStand, setStandLock, swapStands, unassignStand } from '#app/services/commands/stand-moves.server.ts'
import {
	allocationErrorMessage,
	allocationPageView,
	allocationPreviewReply,
	isAcceptedExhibitor,
	type MoveWhy,
	type PreviewReply,
} from '#app/services/views/allocation-views.server.ts'
import planStyles from '#app/styles/plan.css?url'
import allocationStyles from '#app/styles/allocation.css?url'
import { requireAdminFair } from '#app/http/admin-event.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { siteName, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: planStyles },
	{ rel: 'stylesheet', href: allocationStyles },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const { locale, t } = await getRequestT(request, ['allocation', 'exhibitors'])
	return allocationPageView(getDb(), event, t, locale)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

const CommitSchema = z.object({
	basis: z.string().min(1).max(100),
	assignments: z.array(z.object({ applicationId: z.number().int().positive(), standLabel: z.string().min(1).max(100) })).max(5000),
})

/** The proposal the preview form posts back (its assignments as JSON); null if it is not one. */
function readCommit(form: FormData) {
	let assignments: unknown
	try {
		assignments = JSON.parse(String(form.get('assignments') ?? ''))
	} catch {
		return null
	}
	const parsed = CommitSchema.safeParse({ basis: form.get('basis'), assignments })
	return parsed.success ? parsed.data : null
}

type ErrorReply = { kind: 'error'; message: string; applicationId?: number }

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const actor = { kind: 'user', id: user.id } as const
	const back = `/admin/events/${event.id}/allocation`
	const { t } = await getRequestT(request, ['allocation', 'api'])
	const db = getDb()
	const form = await readPageForm(request)
	const intent = String(form.get('intent') ?? '')
	const applicationId = Number(form.get('applicationId'))
	const standLabel = String(form.get('standLabel') ?? '')
	const fail = (message: string): ErrorReply => ({ kind: 'error', message, ...(applicationId > 0 ? { applicationId } : {}) })
	try {
		if (intent === 'allocate') return await allocationPreviewReply(db, event)
		if (intent === 'commit') {
			const input = readCommit(form)
			if (!input) return fail(t('preview.stale'))
			const result = commitAllocation(db, event.id, input, actor)
			return redirect(`${back}?notice=saved&count=${result.notified}`)
		}
		if (intent === 'notify') {
			const count = notifyStands(db, event.id, actor)
			return redirect(`${back}?notice=notified&count=${count}`)
		}
		invariantResponse(isAcceptedExhibitor(db, event, applicationId), 404)
		if (intent === 'move') {
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
		const message = allocationErrorMessage(db, event, error, { applicationId, standLabel }, t)
		if (message === null) throw error
		return fail(message)
	}
}

const NOTICES = ['saved', 'moved', 'pinned', 'unpinned', 'unassigned', 'swapped', 'notified'] as const

export default function AllocationPage() {
	const data = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>() as PreviewReply | ErrorReply | undefined
	const { t } = useTranslation(['allocation', 'admin'])
	const navigation = useNavigation()
	const [search] = useSearchParams()
	const location = useLocation()
	// A refused drag (or form) after a success: the old green notice would say the opposite; it goes.
	const [noticeDropped, setNoticeDropped] = useState(false)
	useEffect(() => setNoticeDropped(false), [location.key])
	const notice = noticeDropped || reply?.kind === 'error' ? undefined : NOTICES.find((n) => n === search.get('notice'))
	const preview = reply?.kind === 'preview' ? reply : null
	const formRefusal = reply?.kind === 'error' && reply.applicationId ? { applicationId: reply.applicationId, message: reply.message } : null
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
					formRefusal={formRefusal}
					onRefused={() => setNoticeDropped(true)}
				/>
			) : null}
		</div>
	)
}

function PreviewPanel({ preview }: { preview: PreviewReply }) {
	const { t } = useTranslation('allocation')
	const needsText = useNeedsText()
	/** Why an exhibitor already emailed its stand would not keep it. */
	const whyText = (why: MoveWhy, c: { from?: string; to?: string }) =>
		why.kind === 'place_more'
			? t('preview.why.place_more', { count: why.count })
			: why.kind === 'stand_pinned'
				? t('preview.why.stand_pinned', { from: c.from, name: why.name })
				: t(`preview.why.${why.kind}`, { from: c.from, to: c.to })
	return (
		<section className="card alloc-preview" aria-labelledby="preview-title">
			<h2 id="preview-title">{t('preview.title')}</h2>
			<p>
				<strong>{t('preview.objective', { assigned: preview.assigned, total: preview.total })}</strong>
			</p>
			<p>{t('preview.wishes', preview.wishes)}</p>
			<p>{preview.moved === 0 ? t('preview.movedNone') : t('preview.movedSome', { count: preview.moved })}</p>
			<p className="muted">{t('preview.costHint', { cost: preview.preferenceCost })}</p>
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
						<li key={c.id} data-told-move={c.why ? c.id : undefined}>
							{c.why
								? t(`preview.${c.kind === 'removed' ? 'removedTold' : 'movedTold'}`, { name: c.name, from: c.from, to: c.to, why: whyText(c.why, c) })
								: t(`preview.${c.kind}`, { name: c.name, from: c.from, to: c.to })}
						</li>
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
