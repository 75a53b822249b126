// /admin/settings (admins only): the Center's contact for people (imejl, phone, postal address),
// shown in the site's footer and the privacy notice, Reply-To of every mail, ORGANIZER of every
// invite. The imejl overrides CONTACT_EMAIL; an empty field falls back to it (or shows nothing).
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '#app/components/form-fields.tsx'
import { CenterContactSchema, type CenterContactInput } from '#app/domain/center-contact-input.ts'
import { saveCenterContact } from '#app/services/commands/site-settings.server.ts'
import { storedCenterContact } from '#app/services/queries/site-settings.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'admin')
	const { t, locale } = await getRequestT(request, 'admin')
	return { title: pageTitle(locale, t('settings.title')), stored: storedCenterContact(getDb()), envEmail: getEnv().CONTACT_EMAIL ?? null }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request }: ActionFunctionArgs) {
	const me = await requireRole(request, 'admin')
	const { t } = await getRequestT(request, ['admin', 'common'])
	const submission = parseWithZod(await readPageForm(request), { schema: CenterContactSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply(), saved: false }
	saveCenterContact(getDb(), submission.value, { kind: 'user', id: me.id })
	return { result: submission.reply(), saved: true }
}

export default function SettingsPage() {
	const { stored, envEmail } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['admin', 'common'])
	const [form, fields] = useForm<CenterContactInput>({
		id: 'center-contact',
		lastResult: actionData?.result,
		defaultValue: { email: stored.email ?? '', phone: stored.phone ?? '', address: stored.address ?? '' },
		constraint: getZodConstraint(CenterContactSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CenterContactSchema, error: makeZodErrorMap(t) }),
	})
	return (
		<>
			<h1>{t('settings.title')}</h1>
			{actionData?.saved ? (
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
		</>
	)
}
