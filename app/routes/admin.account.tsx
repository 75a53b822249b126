// /admin/account: one's own account; changing one's password (the current one is needed, and every
// other session of the account ends).
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '#app/components/form-fields.tsx'
import { NewPasswordFields } from '#app/components/new-password-fields.tsx'
import { ChangePasswordSchema } from '#app/domain/account-input.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { changeOwnPassword } from '#app/services/commands/users.server.ts'
import { getSessionId, requireUser } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const { t, locale } = await getRequestT(request, 'accounts')
	return { title: pageTitle(locale, t('account.title')), user: { name: user.name, email: user.email, role: user.role } }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const { t } = await getRequestT(request, ['accounts', 'common'])
	const submission = parseWithZod(await readPageForm(request), { schema: ChangePasswordSchema, error: makeZodErrorMap(t) })
	const hide = ['current', 'password', 'confirm']
	if (submission.status !== 'success') return { result: submission.reply({ hideFields: hide }), changed: false }
	try {
		await changeOwnPassword(getDb(), user, submission.value.current, submission.value.password, await getSessionId(request))
	} catch (error) {
		if (error instanceof ServiceError && error.code === 'wrong_password') {
			return { result: submission.reply({ fieldErrors: { current: [t('account.wrongPassword')] }, hideFields: hide }), changed: false }
		}
		throw error
	}
	return { result: submission.reply({ resetForm: true }), changed: true }
}

export default function AccountPage() {
	const { user } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['accounts', 'common'])
	const [form, fields] = useForm({
		id: 'change-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ChangePasswordSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema, error: makeZodErrorMap(t) }),
	})
	return (
		<>
			<h1>{t('account.title')}</h1>
			<p>{t('account.details', { name: user.name, email: user.email, role: t(`roles.${user.role}`) })}</p>
			{actionData?.changed ? (
				<p className="notice success" role="status" data-notice="changed">
					{t('account.changed')}
				</p>
			) : null}
			<section className="card" aria-labelledby="password-title">
				<h2 id="password-title">{t('account.changePassword')}</h2>
				<p className="muted">{t('account.changeHint')}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="text" name="username" autoComplete="username" defaultValue={user.email} hidden readOnly />
					<TextField field={fields.current} type="password" label={t('password.current')} autoComplete="current-password" />
					<NewPasswordFields password={fields.password} confirm={fields.confirm} />
					<button className="button" type="submit">
						{t('account.submit')}
					</button>
				</Form>
			</section>
		</>
	)
}
