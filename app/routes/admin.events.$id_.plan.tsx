// /admin/events/{id}/plan: a fair's floor plan editor. The stands table is one form (one POST saves
// every stand, the same schema as PUT /api/v1/fairs/{slug}/stands); the plan's size, its background
// image, the JSON import and publishing are small forms of their own. Every change redirects back
// with a notice, so a reload never repeats it; everything works without JavaScript.
import {
	MaxPartSizeExceededError,
	redirect,
	unstable_composeUploadHandlers,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
	type ActionFunctionArgs,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BLANK_ROW, FloorPlanEditor, bodyFromRows, rowsFromForm, rowsToKeep, type StandRowValues } from '#app/components/floor-plan-editor.tsx'
import { MAX_IMAGE_BYTES } from '#app/domain/image-check.ts'
import { PlanExtentSchema, labelKey, standsBodySchema } from '#app/domain/stand-input.ts'
import { formatDateTime } from '#app/domain/format.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { getFloorPlan, replaceStands, setPlanBackground, setPlanExtent, setPlanPublished } from '#app/services/floor-plan.server.ts'
import planStyles from '#app/styles/plan.css?url'
import { requireAdminEvent } from '#app/utils/admin-event.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: planStyles }]

const BLANK_ROWS = 2
const MORE_ROWS = 5
/** A background image or a JSON export, and the few small text fields around it. */
const MAX_UPLOAD_REQUEST = MAX_IMAGE_BYTES + 64 * 1024

function requireFair(id: string | undefined) {
	const event = requireAdminEvent(id)
	if (event.kind !== 'fair') throw new Response('Not found', { status: 404 })
	return event
}

const show = (n: number) => String(Math.round(n * 100) / 100)

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireFair(params.id)
	const { locale, t } = await getRequestT(request, 'plan')
	const floor = getFloorPlan(getDb(), event.id)
	const byStand = new Map(floor.stands.map((s) => [s.id, s]))
	const occupants: Record<string, string> = {}
	for (const a of floor.assignments) {
		const stand = byStand.get(a.standId)
		if (stand) occupants[labelKey(stand.label)] = a.name
	}
	const rows: StandRowValues[] = floor.stands.map((s) => ({
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
		title: `${t('editor.title')}: ${event.title} · Sajam`,
		event: { id: event.id, slug: event.slug, title: event.title, status: event.status },
		plan: {
			width: floor.plan.width,
			height: floor.plan.height,
			hasBackground: floor.plan.hasBackground,
			published: floor.plan.publishedAt !== null,
			publishedAt: floor.plan.publishedAt ? formatDateTime(floor.plan.publishedAt, locale) : null,
			version: floor.plan.updatedAt?.getTime() ?? 0,
		},
		rows,
		occupants,
		assigned: floor.assignments.length,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Sajam' }, { name: 'robots', content: 'noindex' }]

type EditorReply = { kind: 'editor'; rows: StandRowValues[]; errors: Record<string, string[]> }
type FormReply = { kind: 'form'; form: 'import' | 'extent' | 'background'; message: string; details?: string[] }

type UploadForm = { formData: FormData; file: Uint8Array | null; tooLarge: boolean }

async function readUpload(request: Request): Promise<UploadForm> {
	if (Number(request.headers.get('Content-Length') ?? 0) > MAX_UPLOAD_REQUEST * 2) return { formData: new FormData(), file: null, tooLarge: true }
	if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return { formData: await request.formData(), file: null, tooLarge: false }
	let file: Uint8Array | null = null
	try {
		const formData = await unstable_parseMultipartFormData(
			request,
			unstable_composeUploadHandlers(async ({ name, filename, data }) => {
				if (name !== 'file' || filename === undefined) return undefined
				const chunks: Uint8Array[] = []
				for await (const chunk of data) chunks.push(chunk)
				file = Buffer.concat(chunks)
				return ''
			}, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_REQUEST })),
		)
		if (file !== null && (file as Uint8Array).length > MAX_IMAGE_BYTES) return { formData, file: null, tooLarge: true }
		return { formData, file, tooLarge: false }
	} catch (error) {
		if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), file: null, tooLarge: true }
		throw error
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireFair(params.id)
	const actor = { kind: 'user', id: user.id } as const
	const back = `/admin/events/${event.id}/plan`
	const { t } = await getRequestT(request, ['plan', 'common', 'api'])
	const db = getDb()
	const { formData, file, tooLarge } = await readUpload(request)
	const intent = String(formData.get('intent') ?? (tooLarge ? 'background' : ''))
	const current = getFloorPlan(db, event.id).plan
	const formError = (form: FormReply['form'], message: string, details?: string[]): FormReply => ({ kind: 'form', form, message, details })
	const editor = (rows: StandRowValues[], errors: Record<string, string[]> = {}): EditorReply => ({ kind: 'editor', rows, errors })

	if (intent === 'save' || intent === 'addRows') {
		const posted = rowsFromForm(formData)
		const keep = rowsToKeep(posted)
		if (intent === 'addRows') return editor([...keep, ...Array.from({ length: MORE_ROWS }, () => BLANK_ROW)])
		const parsed = standsBodySchema(current).safeParse(bodyFromRows(keep), { error: makeZodErrorMap(t) })
		if (!parsed.success) return editor(keep, issuesToFields(parsed.error.issues))
		try {
			const result = replaceStands(db, event.id, parsed.data.stands, actor)
			return redirect(`${back}?saved=stands&dropped=${result.dropped.length}`)
		} catch (error) {
			if (!(error instanceof ServiceError)) throw error
			return editor(keep, { [error.field ?? 'stands']: [t(`api:errors.${error.code}`)] })
		}
	}
	if (intent === 'import') {
		if (tooLarge || !file) return formError('import', t(tooLarge ? 'import.tooLarge' : 'import.noFile'))
		let body: unknown
		try {
			body = JSON.parse(Buffer.from(file).toString('utf8'))
		} catch {
			return formError('import', t('import.notJson'))
		}
		const parsed = standsBodySchema(current).safeParse(body, { error: makeZodErrorMap(t) })
		if (!parsed.success) {
			const fields = issuesToFields(parsed.error.issues)
			return formError(
				'import',
				t('import.invalid'),
				Object.entries(fields)
					.flatMap(([path, messages]) => messages.map((m) => `${path}: ${m}`))
					.slice(0, 20),
			)
		}
		try {
			const result = replaceStands(db, event.id, parsed.data.stands, actor, new Date(), parsed.data.plan)
			return redirect(`${back}?saved=import&dropped=${result.dropped.length}`)
		} catch (error) {
			if (!(error instanceof ServiceError)) throw error
			return formError('import', `${error.field ?? ''} ${t(`api:errors.${error.code}`)}`.trim())
		}
	}
	if (intent === 'extent') {
		const parsed = PlanExtentSchema.safeParse(
			{ width: Number(String(formData.get('width') ?? '').replace(',', '.')), height: Number(String(formData.get('height') ?? '').replace(',', '.')) },
			{ error: makeZodErrorMap(t) },
		)
		if (!parsed.success) return formError('extent', parsed.error.issues.map((i) => `${t(`field.${String(i.path[0])}`)}: ${i.message}`).join(' '))
		try {
			setPlanExtent(db, event.id, parsed.data, actor)
		} catch (error) {
			if (error instanceof ServiceError) return formError('extent', t(`api:errors.${error.code}`))
			throw error
		}
		return redirect(`${back}?saved=extent`)
	}
	if (intent === 'background') {
		if (tooLarge) return formError('background', t('common:validation.imageTooLarge'))
		if (!file || file.length === 0) return formError('background', t('common:validation.imageEmpty'))
		try {
			setPlanBackground(db, event.id, file, actor)
		} catch (error) {
			if (error instanceof ServiceError) return formError('background', t(`common:validation.${error.code}`))
			throw error
		}
		return redirect(`${back}?saved=background`)
	}
	if (intent === 'removeBackground') {
		setPlanBackground(db, event.id, null, actor)
		return redirect(`${back}?saved=backgroundRemoved`)
	}
	if (intent === 'publish' || intent === 'unpublish') {
		setPlanPublished(db, event.id, intent === 'publish', actor)
		return redirect(`${back}?saved=${intent}`)
	}
	throw new Response('Bad request', { status: 400 })
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
					<span className={`pill ${plan.published ? 'status-published' : 'status-draft'}`}>{plan.published ? t('editor.published') : t('editor.notPublished')}</span>
					{plan.published && event.status !== 'draft' ? <Link to={`/fairs/${event.slug}/map`}>{t('editor.viewPublic')}</Link> : null}
				</p>
			</div>
			{saved ? (
				<p className="notice success" role="status" data-notice={saved}>
					{t(`editor.saved.${saved}`, { defaultValue: t('editor.saved.stands') })}
					{dropped > 0 ? ` ${t('editor.dropped', { count: dropped })}` : ''}
				</p>
			) : null}
			<FloorPlanEditor
				key={`${plan.version}-${editorState ? JSON.stringify(editorState.errors) + editorState.rows.length : ''}`}
				plan={{ width: plan.width, height: plan.height }}
				backgroundUrl={backgroundUrl}
				initialRows={rows}
				errors={editorState?.errors ?? {}}
				occupants={data.occupants}
			/>

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
							<input id="plan-import" name="file" type="file" accept="application/json,.json" aria-describedby={`plan-import-hint${formProblem?.form === 'import' ? ' import-error' : ''}`} />
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
