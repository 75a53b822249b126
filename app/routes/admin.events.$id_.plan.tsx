// /admin/events/{id}/plan: a fair's floor plan editor. The stands table is one form (one POST saves
// every stand, the same schema as PUT /api/v1/fairs/{slug}/stands); the plan's size, its background
// image, the JSON import and publishing are small forms of their own. Every change redirects back
// with a notice, so a reload never repeats it; everything works without JavaScript.
import { planNumberText } from '#app/domain/stand-input.ts'
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FloorPlanEditor, LandmarksForm } from '#app/components/floor-plan-editor.tsx'
import { landmarkRowValues, BLANK_LANDMARK } from '#app/domain/landmark-input.ts'
import { listLandmarks } from '#app/services/queries/floor-plan.server.ts'
import { BLANK_ROW } from '#app/domain/stand-rows.ts'
import { discardPlanDraft, publishPlanDraft, setPlanBackground, setPlanPublished } from '#app/services/commands/floor-plan.server.ts'
import { floorPlanPageView } from '#app/services/views/floor-plan-views.server.ts'
import {
	importStandsFile,
	landmarkRowsWithMore,
	readPlanUpload,
	saveLandmarkRows,
	saveStandRows,
	savePlanBackground,
	savePlanExtent,
	standRowsWithMore,
} from '#app/http/floor-plan-forms.server.ts'
import planStyles from '#app/styles/plan.css?url'
import { requireAdminFair } from '#app/http/admin-event.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'
import { siteName, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: planStyles }]

const BLANK_ROWS = 2
const MORE_ROWS = 5

const show = planNumberText

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const { locale, t } = await getRequestT(request, 'plan')
	const db = getDb()
	const landmarks = listLandmarks(db, event.id)
	return {
		...floorPlanPageView(db, event, t, locale),
		landmarks: landmarks.map((l) => ({ ...l, name: l.label || t(`landmarkKind.${l.kind}`) })),
		landmarkRows: landmarks.map(landmarkRowValues),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const actor = { kind: 'user', id: user.id } as const
	const back = `/admin/events/${event.id}/plan`
	const { t } = await getRequestT(request, ['plan', 'common', 'api'])
	const db = getDb()
	const upload = await readPlanUpload(request)
	const { formData } = upload
	const intent = String(formData.get('intent') ?? (upload.tooLarge ? 'background' : ''))

	if (intent === 'addRows') return standRowsWithMore(formData, MORE_ROWS)
	if (intent === 'save') {
		const result = saveStandRows(db, event.id, formData, t, actor)
		return result.kind === 'saved' ? redirect(`${back}?saved=${result.draft ? 'draft' : 'stands'}&dropped=${result.dropped}`) : result
	}
	if (intent === 'addLandmarks') return landmarkRowsWithMore(formData, MORE_ROWS)
	if (intent === 'landmarks') {
		const result = saveLandmarkRows(db, event.id, formData, t, actor)
		return result.kind === 'saved' ? redirect(`${back}?saved=landmarks#plan-landmarks-title`) : result
	}
	if (intent === 'import') {
		const result = importStandsFile(db, event.id, upload, t, actor)
		return result.kind === 'saved' ? redirect(`${back}?saved=${result.draft ? 'draft' : 'import'}&dropped=${result.dropped}`) : result
	}
	if (intent === 'extent') {
		const result = savePlanExtent(db, event.id, formData, t, actor)
		return result.kind === 'saved' ? redirect(`${back}?saved=extent`) : result
	}
	if (intent === 'background') {
		const result = savePlanBackground(db, event.id, upload, t, actor)
		return result.kind === 'saved' ? redirect(`${back}?saved=background`) : result
	}
	if (intent === 'removeBackground') {
		setPlanBackground(db, event.id, null, actor)
		return redirect(`${back}?saved=backgroundRemoved`)
	}
	if (intent === 'publish' || intent === 'unpublish') {
		setPlanPublished(db, event.id, intent === 'publish', actor)
		return redirect(`${back}?saved=${intent}`)
	}
	if (intent === 'publishDraft') {
		const result = publishPlanDraft(db, event.id, actor)
		return redirect(`${back}?saved=draftPublished&dropped=${result.dropped.length}`)
	}
	if (intent === 'discardDraft') {
		discardPlanDraft(db, event.id, actor)
		return redirect(`${back}?saved=draftDiscarded`)
	}
	throw errorResponse(400)
}

export default function PlanEditorPage() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const { t } = useTranslation(['plan', 'admin'])
	const { event, plan } = data
	const saved = searchParams.get('saved')
	const dropped = Number(searchParams.get('dropped') ?? 0)
	const editorState = actionData?.kind === 'editor' ? actionData : null
	const formProblem = actionData?.kind === 'form' ? actionData : null
	const landmarkState = actionData?.kind === 'landmarks' ? actionData : null
	const landmarkRows = landmarkState ? landmarkState.rows : [...data.landmarkRows, ...Array.from({ length: BLANK_ROWS }, () => BLANK_LANDMARK)]
	const rows = editorState ? editorState.rows : [...data.rows, ...Array.from({ length: BLANK_ROWS }, () => BLANK_ROW)]
	const backgroundUrl = plan.hasBackground ? `/fairs/${event.slug}/map/background?v=${plan.version}` : null
	const problem = (form: string) =>
		formProblem?.form === form ? (
			<div className="field-error" role="alert" id={`${form}-error`}>
				<p>{formProblem.message}</p>
				{formProblem.details ? (
					<ul>
						{formProblem.details.map((d) => (
							<li key={d}>{d}</li>
						))}
					</ul>
				) : null}
			</div>
		) : null
	return (
		<div className="plan-admin">
			<p className="breadcrumb">
				<Link to={`/admin/events/${event.id}`}>← {event.title}</Link>
			</p>
			<div className="section-head">
				<h1>{t('editor.title')}</h1>
				<p className="button-row" style={{ margin: 0 }}>
					<span className={`pill ${plan.published ? 'status-published' : 'status-draft'}`}>
						{plan.published ? t('editor.published') : t('editor.notPublished')}
					</span>
					{plan.published && event.status !== 'draft' ? <Link to={`/fairs/${event.slug}/map`}>{t('editor.viewPublic')}</Link> : null}
				</p>
			</div>
			{saved ? (
				<p className="notice success" role="status" data-notice={saved}>
					{t(`editor.saved.${saved}`, { defaultValue: t('editor.saved.stands') })}
					{dropped > 0 ? ` ${t('editor.dropped', { count: dropped })}` : ''}
				</p>
			) : null}
			{data.draft ? (
				<section className="notice plan-draft" aria-labelledby="plan-draft-title" data-draft="true">
					<h2 id="plan-draft-title">{t('draft.notice')}</h2>
					<p>{t('draft.hint')}</p>
					{data.draft.removesAssigned.length ? (
						<>
							<p>{t('draft.removes')}</p>
							<ul>
								{data.draft.removesAssigned.map((r) => (
									<li key={r.label}>{t('draft.removed', { label: r.label, name: r.name })}</li>
								))}
							</ul>
						</>
					) : null}
					<Form method="post" className="button-row">
						<button type="submit" name="intent" value="publishDraft" className="button">
							{t('draft.publish')}
						</button>
						<button type="submit" name="intent" value="discardDraft" className="button secondary">
							{t('draft.discard')}
						</button>
					</Form>
				</section>
			) : null}
			<FloorPlanEditor
				key={`${plan.version}-${editorState ? JSON.stringify(editorState.errors) + editorState.rows.length : ''}`}
				plan={{ width: plan.width, height: plan.height }}
				backgroundUrl={backgroundUrl}
				initialRows={rows}
				savedRows={data.rows}
				errors={editorState?.errors ?? {}}
				occupants={data.occupants}
				landmarks={data.landmarks}
			/>

			<LandmarksForm key={JSON.stringify(landmarkState ?? data.landmarkRows)} rows={landmarkRows} errors={landmarkState?.errors ?? {}} />

			<div className="plan-forms">
				<section className="card" aria-labelledby="plan-publish-title">
					<h2 id="plan-publish-title">{t('publish.title')}</h2>
					<p className="muted">{plan.published ? t('publish.publishedHint', { at: plan.publishedAt }) : t('publish.unpublishedHint')}</p>
					<Form method="post">
						<button type="submit" name="intent" value={plan.published ? 'unpublish' : 'publish'} className={`button${plan.published ? ' secondary' : ''}`}>
							{plan.published ? t('publish.unpublish') : t('publish.publish')}
						</button>
					</Form>
				</section>

				<section className="card" aria-labelledby="plan-extent-title">
					<h2 id="plan-extent-title">{t('extent.title')}</h2>
					<Form method="post" className="plan-extent" aria-describedby={formProblem?.form === 'extent' ? 'extent-error' : undefined}>
						<div className="field">
							<label htmlFor="plan-width">{t('field.planWidth')}</label>
							<input id="plan-width" name="width" type="text" inputMode="decimal" size={6} defaultValue={show(plan.width)} required />
						</div>
						<div className="field">
							<label htmlFor="plan-height">{t('field.planHeight')}</label>
							<input id="plan-height" name="height" type="text" inputMode="decimal" size={6} defaultValue={show(plan.height)} required />
						</div>
						<button type="submit" name="intent" value="extent" className="button secondary">
							{t('extent.save')}
						</button>
					</Form>
					{problem('extent')}
				</section>

				<section className="card" aria-labelledby="plan-background-title">
					<h2 id="plan-background-title">{t('background.title')}</h2>
					<p className="muted" id="plan-background-hint">
						{t('background.hint')}
					</p>
					<Form method="post" encType="multipart/form-data">
						<div className="field">
							<label htmlFor="plan-background">{t('background.file')}</label>
							<input
								id="plan-background"
								name="file"
								type="file"
								accept="image/png,image/jpeg,image/webp"
								aria-describedby={`plan-background-hint${formProblem?.form === 'background' ? ' background-error' : ''}`}
							/>
						</div>
						<p className="button-row">
							<button type="submit" name="intent" value="background" className="button secondary">
								{t('background.upload')}
							</button>
							{plan.hasBackground ? (
								<button type="submit" name="intent" value="removeBackground" className="button secondary">
									{t('background.remove')}
								</button>
							) : null}
						</p>
					</Form>
					{problem('background')}
				</section>

				<section className="card" aria-labelledby="plan-json-title">
					<h2 id="plan-json-title">{t('import.title')}</h2>
					<p>
						<a href={`/api/v1/fairs/${event.slug}/stands?download=1`} download>
							{t('import.export')}
						</a>
					</p>
					<p className="muted" id="plan-import-hint">
						{t('import.hint')}
					</p>
					<Form method="post" encType="multipart/form-data">
						<div className="field">
							<label htmlFor="plan-import">{t('import.file')}</label>
							<input
								id="plan-import"
								name="file"
								type="file"
								accept="application/json,.json"
								aria-describedby={`plan-import-hint${formProblem?.form === 'import' ? ' import-error' : ''}`}
							/>
						</div>
						<button type="submit" name="intent" value="import" className="button secondary">
							{t('import.submit')}
						</button>
					</Form>
					{problem('import')}
				</section>
			</div>
		</div>
	)
}
