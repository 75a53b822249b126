// /admin/events/{id}/fair: a fair's settings (application window, categories, stands, setup time,
// confirmation period). Only for events of kind fair. A plain POST form that works without JS;
// new categories are added through a few empty rows, removed with a checkbox, ordered by number.
import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { DEFAULT_CATEGORIES } from '#app/domain/application-options.ts'
import { NEW_CATEGORY_ROWS, categoryCode, categoryName, fairSettingsFormSchema, fairSettingsFromForm } from '#app/domain/fair-settings-input.ts'
import { formatDateTime, toBelgradeLocalInput } from '#app/domain/format.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { updateFairSettings } from '#app/services/commands/fair-settings.server.ts'
import { getFairSettings } from '#app/services/queries/fair-settings.server.ts'
import { CheckboxField, TextField } from '#app/components/form-fields.tsx'
import { requireAdminFair } from '#app/http/admin-event.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT, getT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import styles from '#app/styles/fair-settings.css?url'
import { readPageForm } from '#app/http/page-form.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** The catalog words of the standard categories in the two languages an organizer types. */
function standardNames() {
	const latin = getT('sr-Latn', 'fair')
	const english = getT('en', 'fair')
	return Object.fromEntries(DEFAULT_CATEGORIES.map((c) => [c, { label: latin(`category.${c}`), labelEn: english(`category.${c}`) }]))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const { locale, t } = await getRequestT(request, 'fair')
	const settings = getFairSettings(getDb(), event.id)
	const standard = standardNames()
	const rows = settings.categories.map((c, i) => {
		const code = categoryCode(c)
		const words = typeof c === 'string' ? (standard[c] ?? { label: c, labelEn: '' }) : { label: c.label, labelEn: c.labelEn ?? '' }
		return { code, label: words.label, labelEn: words.labelEn, position: String(i + 1) }
	})
	const blank = Array.from({ length: NEW_CATEGORY_ROWS }, (_, i) => ({ code: '', label: '', labelEn: '', position: String(rows.length + i + 1) }))
	return {
		event: { id: event.id, title: eventTitleIn(event, locale), status: event.status },
		title: pageTitle(locale, `${t('settings.title')}: ${eventTitleIn(event, locale)}`),
		fairStartsAt: event.startsAt.toISOString(),
		fairStartsText: formatDateTime(event.startsAt, locale),
		stored: settings.stored,
		rowNames: settings.categories.map((c) => categoryName(c, locale, (code) => t(`category.${code}`, { defaultValue: code }))),
		defaults: {
			applicationsOpenAt: settings.applicationsOpenAt ? toBelgradeLocalInput(settings.applicationsOpenAt) : undefined,
			applicationsCloseAt: settings.applicationsCloseAt ? toBelgradeLocalInput(settings.applicationsCloseAt) : undefined,
			standCount: settings.standCount === null ? undefined : String(settings.standCount),
			setupMinutesBefore: String(settings.setupMinutesBefore),
			confirmationDays: String(settings.confirmationDays),
			categories: [...rows, ...blank],
		},
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminFair(params.id)
	const { t } = await getRequestT(request, ['fair', 'common', 'api'])
	const formData = await readPageForm(request)
	const submission = parseWithZod(formData, { schema: fairSettingsFormSchema(event.startsAt), error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply() }
	try {
		updateFairSettings(getDb(), event.id, fairSettingsFromForm(submission.value, standardNames()), { kind: 'user', id: user.id })
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		const message = t(`api:errors.${error.code}`)
		return { result: submission.reply(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] }) }
	}
	return redirect(`/admin/events/${event.id}/fair?saved=1`)
}

export default function FairSettingsPage() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const { t } = useTranslation(['fair', 'common'])
	const schema = fairSettingsFormSchema(new Date(data.fairStartsAt))
	const [form, fields] = useForm<z.input<typeof schema>, z.output<typeof schema>>({
		id: 'fair-settings',
		lastResult: actionData?.result,
		defaultValue: data.defaults,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema, error: makeZodErrorMap(t) }),
	})
	const errorCount = Object.keys(form.allErrors).length
	const rows = fields.categories.getFieldList()
	let newRow = 0
	return (
		<div className="container narrow" style={{ padding: 0 }}>
			<p className="breadcrumb">
				<Link to={`/admin/events/${data.event.id}`}>← {t('settings.back')}</Link>
			</p>
			<h1>{t('settings.title')}</h1>
			<p className="muted">{data.event.title}</p>
			<p>{t('settings.intro')}</p>
			{searchParams.get('saved') && !actionData ? (
				<p className="notice success" role="status">
					{t('settings.saved')}
				</p>
			) : null}
			{data.event.status === 'cancelled' ? (
				<p className="notice danger">{t('settings.cancelled')}</p>
			) : (
				<Form method="post" className="form" {...getFormProps(form)} data-error-count={errorCount}>
					{!data.stored ? <p className="notice">{t('settings.defaultsNotice')}</p> : null}
					{form.errors?.length ? (
						<p className="notice danger" id={form.errorId} role="alert">
							{form.errors.join(' ')}
						</p>
					) : null}
					<fieldset>
						<legend>{t('settings.window')}</legend>
						<p className="hint">{t('settings.windowHint', { start: data.fairStartsText })}</p>
						<div className="field-grid two">
							<TextField field={fields.applicationsOpenAt} type="datetime-local" label={t('settings.opensAt')} hint={t('settings.opensAtHint')} />
							<TextField field={fields.applicationsCloseAt} type="datetime-local" label={t('settings.closesAt')} hint={t('settings.closesAtHint')} />
						</div>
					</fieldset>
					<fieldset>
						<legend>{t('settings.stands')}</legend>
						<div className="field-grid three fair-settings-numbers">
							<TextField field={fields.standCount} type="number" inputMode="numeric" label={t('settings.standCount')} hint={t('settings.standCountHint')} />
							<TextField
								field={fields.setupMinutesBefore}
								type="number"
								inputMode="numeric"
								label={t('settings.setupMinutes')}
								hint={t('settings.setupMinutesHint')}
							/>
							<TextField
								field={fields.confirmationDays}
								type="number"
								inputMode="numeric"
								label={t('settings.confirmationDays')}
								hint={t('settings.confirmationDaysHint')}
							/>
						</div>
					</fieldset>
					<fieldset aria-describedby={fields.categories.errors?.length ? `categories-hint ${fields.categories.errorId}` : 'categories-hint'}>
						<legend>{t('settings.categories')}</legend>
						<p className="hint" id="categories-hint">
							{t('settings.categoriesHint')}
						</p>
						{fields.categories.errors?.length ? (
							<p className="field-error" id={fields.categories.errorId} role="alert">
								{fields.categories.errors.join(' ')}
							</p>
						) : null}
						<div className="fair-categories">
							{rows.map((row, index) => {
								const sub = row.getFieldset()
								const existing = index < data.rowNames.length
								if (!existing) newRow++
								return (
									<fieldset key={row.key} className="fair-category">
										<legend>{existing ? data.rowNames[index] : t('settings.newCategory', { n: newRow })}</legend>
										<input {...getInputProps(sub.code as FieldMetadata<string>, { type: 'hidden' })} key={sub.code.key} />
										<div className="row-fields">
											<TextField field={sub.label} label={t('settings.label')} />
											<TextField field={sub.labelEn} label={t('settings.labelEn')} />
											<TextField field={sub.position} type="number" inputMode="numeric" label={t('settings.position')} />
										</div>
										{existing ? <CheckboxField field={sub.remove} label={t('settings.remove')} /> : null}
									</fieldset>
								)
							})}
						</div>
					</fieldset>
					<div className="button-row">
						<button className="button" type="submit">
							{t('settings.save')}
						</button>
					</div>
				</Form>
			)}
		</div>
	)
}
