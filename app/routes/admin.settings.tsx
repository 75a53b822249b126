// /admin/settings (admins only): the Center's contact for people (imejl, phone, postal address),
// shown in the site's footer and the privacy notice, Reply-To of every mail, ORGANIZER of every
// invite. The imejl overrides CONTACT_EMAIL; an empty field falls back to it (or shows nothing).
// Second card: the funder's visibility block (EU emblem, funding statement, disclaimer) and where
// it shows besides the reports (public footer, mail footer); a multipart form, works without JS.
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckboxField, FieldErrors, TextAreaField, TextField } from '#app/components/form-fields.tsx'
import { CenterContactSchema, type CenterContactInput } from '#app/domain/center-contact.ts'
import { DISCLAIMER_MAX, EMBLEM_FIELD, emblemUrl, FunderVisibilitySchema, STATEMENT_MAX, type FunderVisibilityInput } from '#app/domain/funder-visibility.ts'
import { saveCenterContact, saveFunderVisibility } from '#app/services/commands/site-settings.server.ts'
import { funderVisibility, storedCenterContact } from '#app/services/queries/site-settings.server.ts'
import { readSettingsForm } from '#app/http/funder-settings.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'admin')
	const { t, locale } = await getRequestT(request, 'admin')
	const funder = funderVisibility(getDb())
	return {
		title: pageTitle(locale, t('settings.title')),
		stored: storedCenterContact(getDb()),
		envEmail: getEnv().CONTACT_EMAIL ?? null,
		funder: { ...funder, emblemUrl: funder.emblem ? emblemUrl(funder.emblem) : null },
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request }: ActionFunctionArgs) {
	const me = await requireRole(request, 'admin')
	const { t } = await getRequestT(request, ['admin', 'common', 'reports'])
	const { formData, emblem } = await readSettingsForm(request, t)
	if (formData.get('intent') === 'funder') {
		const submission = parseWithZod(formData, { schema: FunderVisibilitySchema, error: makeZodErrorMap(t) })
		if (submission.status !== 'success' || !emblem.ok) {
			// Nothing is stored when a field or the emblem is refused: the admin sends the form again.
			const reply = submission.reply(emblem.ok ? undefined : { fieldErrors: { [EMBLEM_FIELD]: [emblem.error] } })
			return data({ form: 'funder' as const, result: reply, saved: false }, { status: 422 })
		}
		saveFunderVisibility(getDb(), submission.value, emblem.emblem, { kind: 'user', id: me.id })
		return { form: 'funder' as const, result: submission.reply(), saved: true }
	}
	const submission = parseWithZod(formData, { schema: CenterContactSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { form: 'contact' as const, result: submission.reply(), saved: false }
	saveCenterContact(getDb(), submission.value, { kind: 'user', id: me.id })
	return { form: 'contact' as const, result: submission.reply(), saved: true }
}

export default function SettingsPage() {
	const { stored, envEmail } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['admin', 'common'])
	const [form, fields] = useForm<CenterContactInput>({
		id: 'center-contact',
		lastResult: actionData?.form === 'contact' ? actionData.result : undefined,
		defaultValue: { email: stored.email ?? '', phone: stored.phone ?? '', address: stored.address ?? '' },
		constraint: getZodConstraint(CenterContactSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CenterContactSchema, error: makeZodErrorMap(t) }),
	})
	return (
		<>
			<h1>{t('settings.title')}</h1>
			{actionData?.saved && actionData.form === 'contact' ? (
				<p className="notice success" role="status" data-notice="saved">
					{t('settings.saved')}
				</p>
			) : null}
			<section className="card" aria-labelledby="contact-title">
				<h2 id="contact-title">{t('settings.contactTitle')}</h2>
				<p className="muted">{t('settings.contactHint')}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<TextField
						field={fields.email}
						type="email"
						label={t('settings.email')}
						hint={envEmail ? t('settings.emailHintEnv', { email: envEmail, variable: 'CONTACT_EMAIL' }) : t('settings.emailHint')}
						autoComplete="off"
					/>
					<TextField field={fields.phone} label={t('settings.phone')} hint={t('settings.phoneHint')} inputMode="tel" autoComplete="off" />
					<TextField field={fields.address} label={t('settings.address')} hint={t('settings.addressHint')} autoComplete="off" />
					<button className="button" type="submit">
						{t('settings.submit')}
					</button>
				</Form>
			</section>
			<FunderCard />
		</>
	)
}

function FunderCard() {
	const { funder } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['reports', 'admin', 'common'])
	const [form, fields] = useForm<FunderVisibilityInput & { emblem?: string }>({
		id: 'funder-visibility',
		lastResult: actionData?.form === 'funder' ? actionData.result : undefined,
		defaultValue: {
			statementSr: funder.statementSr ?? '',
			statementEn: funder.statementEn ?? '',
			disclaimerSr: funder.disclaimerSr ?? '',
			disclaimerEn: funder.disclaimerEn ?? '',
			showPublic: funder.showPublic ? 'on' : '',
			showMail: funder.showMail ? 'on' : '',
		},
		constraint: getZodConstraint(FunderVisibilitySchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: FunderVisibilitySchema, error: makeZodErrorMap(t) }),
	})
	const emblemInvalid = !!fields.emblem.errors?.length
	return (
		<section className="card funder-settings" aria-labelledby="funder-title">
			<h2 id="funder-title">{t('funder.title')}</h2>
			<p className="muted">{t('funder.hint')}</p>
			{actionData?.saved && actionData.form === 'funder' ? (
				<p className="notice success" role="status" data-notice="funder-saved">
					{t('funder.saved')}
				</p>
			) : null}
			<Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="funder" />
				<div className="field">
					<label htmlFor={fields.emblem.id}>{t('funder.emblem')}</label>
					<span className="hint" id={`${fields.emblem.id}-hint`}>
						{t('funder.emblemHint')}
					</span>
					{funder.emblemUrl ? (
						<p className="funder-emblem-current">
							<img src={funder.emblemUrl} alt={t('funder.emblemCurrent')} height={64} />
						</p>
					) : null}
					<input
						type="file"
						id={fields.emblem.id}
						name={EMBLEM_FIELD}
						accept="image/png,image/jpeg"
						aria-invalid={emblemInvalid || undefined}
						aria-describedby={[`${fields.emblem.id}-hint`, emblemInvalid ? fields.emblem.errorId : null].filter(Boolean).join(' ')}
					/>
					<FieldErrors field={fields.emblem} />
				</div>
				{funder.emblemUrl ? <CheckboxField field={fields.removeEmblem} label={t('funder.removeEmblem')} /> : null}
				<TextAreaField field={fields.statementSr} label={t('funder.statementSr')} hint={t('funder.statementHint', { count: STATEMENT_MAX })} rows={3} />
				<TextAreaField field={fields.statementEn} label={t('funder.statementEn')} hint={t('funder.englishHint')} rows={3} />
				<TextAreaField field={fields.disclaimerSr} label={t('funder.disclaimerSr')} hint={t('funder.disclaimerHint', { count: DISCLAIMER_MAX })} rows={4} />
				<TextAreaField field={fields.disclaimerEn} label={t('funder.disclaimerEn')} hint={t('funder.englishHint')} rows={4} />
				<fieldset className="field">
					<legend>{t('funder.where')}</legend>
					<p className="hint">{t('funder.whereReports')}</p>
					<CheckboxField field={fields.showPublic} label={t('funder.showPublic')} />
					<CheckboxField field={fields.showMail} label={t('funder.showMail')} />
				</fieldset>
				<button className="button" type="submit">
					{t('admin:settings.submit')}
				</button>
			</Form>
		</section>
	)
}
