// /admin/reset/{token}: the "forgot password" link. Choosing a new password spends the link and
// ends every session of the account; then the person logs in with the new password.
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NewPasswordFields } from '#app/components/new-password-fields.tsx'
import { ResetPasswordSchema } from '#app/domain/account-input.ts'
import { completePasswordReset, findOpenReset } from '#app/services/commands/account-links.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { LINK_PAGE_HEADERS } from '#app/http/link-page-headers.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const headers: HeadersFunction = () => LINK_PAGE_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { t, locale } = await getRequestT(request, 'accounts')
	const open = findOpenReset(getDb(), params.token ?? '')
	// A spent, expired or unknown link is a page that says so (404), with the way to ask again.
	return data({ title: pageTitle(locale, t('reset.title')), email: open?.user.email ?? null }, { status: open ? 200 : 404 })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const { t } = await getRequestT(request, ['accounts', 'common'])
	const submission = parseWithZod(await readPageForm(request), { schema: ResetPasswordSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply({ hideFields: ['password', 'confirm'] }), invalid: false }
	try {
		await completePasswordReset(getDb(), params.token ?? '', submission.value.password)
	} catch (error) {
		if (error instanceof ServiceError && error.code === 'link_invalid') return data({ result: null, invalid: true }, { status: 404 })
		throw error
	}
	return redirect('/admin/login?password=set', { headers: LINK_PAGE_HEADERS })
}

export default function ResetPasswordPage() {
	const { email } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['accounts', 'common'])
	const [form, fields] = useForm({
		id: 'reset',
		lastResult: actionData?.result ?? undefined,
		constraint: getZodConstraint(ResetPasswordSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema, error: makeZodErrorMap(t) }),
	})
	if (!email || actionData?.invalid) {
		return (
			<div className="container">
				<section className="card login-card" aria-labelledby="reset-title">
					<h1 id="reset-title">{t('reset.title')}</h1>
					<p className="notice danger" role="alert" data-notice="invalid">
						{t('reset.invalid')}
					</p>
					<p>
						<Link to="/admin/forgot-password">{t('reset.askAgain')}</Link>
					</p>
				</section>
			</div>
		)
	}
	return (
		<div className="container">
			<section className="card login-card" aria-labelledby="reset-title">
				<h1 id="reset-title">{t('reset.title')}</h1>
				<p className="muted">{t('reset.intro', { email })}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="text" name="username" autoComplete="username" defaultValue={email} hidden readOnly />
					<NewPasswordFields password={fields.password} confirm={fields.confirm} />
					<button className="button" type="submit">
						{t('reset.submit')}
					</button>
				</Form>
				<p>
					<Link to="/admin/login">{t('forgot.backToLogin')}</Link>
				</p>
			</section>
		</div>
	)
}
