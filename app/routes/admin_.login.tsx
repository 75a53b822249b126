import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '#app/components/form-fields.tsx'
import { LoginSchema, safeRedirect } from '#app/domain/login-input.ts'
import { createSession, verifyLogin } from '#app/services/commands/users.server.ts'
import { getOptionalUser, sessionCookie } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { checkLoginLimit, recordLoginFailure, recordLoginSuccess } from '#app/http/login-limit.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { passRetryAfter, tooManyRequests } from '#app/http/rate-limit.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const headers: HeadersFunction = ({ actionHeaders }) => passRetryAfter(actionHeaders)

export async function loader({ request }: LoaderFunctionArgs) {
	const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
	if (await getOptionalUser(request)) throw redirect(redirectTo)
	const { t, locale } = await getRequestT(request, 'admin')
	return { redirectTo, passwordSet: new URL(request.url).searchParams.get('password') === 'set', title: pageTitle(locale, t('login.title')) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, context }: ActionFunctionArgs) {
	const { t } = await getRequestT(request, ['admin', 'accounts', 'common'])
	const formData = await readPageForm(request)
	const submission = parseWithZod(formData, { schema: LoginSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply({ hideFields: ['password'] }) }
	const { email, password } = submission.value
	// Checked before the password: while the limit holds, even the right one does not get through.
	const limit = checkLoginLimit(email, context)
	if (!limit.ok) {
		const minutes = Math.ceil(limit.retryAfterSeconds / 60)
		return data(
			{ result: submission.reply({ formErrors: [t('accounts:login.limited', { minutes })], hideFields: ['password'] }) },
			tooManyRequests(limit.retryAfterSeconds),
		)
	}
	const user = await verifyLogin(getDb(), email, password)
	if (!user) {
		recordLoginFailure(email, context)
		return { result: submission.reply({ formErrors: [t('admin:login.wrongCredentials')], hideFields: ['password'] }) }
	}
	recordLoginSuccess(email)
	const session = createSession(getDb(), user.id)
	return redirect(safeRedirect(submission.value.redirectTo), {
		headers: { 'Set-Cookie': await sessionCookie().serialize(session.id, { expires: session.expiresAt }) },
	})
}

export default function LoginPage() {
	const { redirectTo, passwordSet } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['admin', 'accounts', 'common'])
	const [form, fields] = useForm({
		id: 'login',
		lastResult: actionData?.result,
		constraint: getZodConstraint(LoginSchema),
		// Not on blur: the click on "log in" blurs the password field first, and re-validating then
		// removes the server's "wrong password" alert, the button jumps up and the click is lost.
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema, error: makeZodErrorMap(t) }),
	})
	return (
		<div className="container">
			<section className="card login-card" aria-labelledby="login-title">
				<h1 id="login-title">{t('login.title')}</h1>
				<p className="muted">{t('login.intro')}</p>
				{passwordSet && !form.errors?.length ? (
					<p className="notice success" role="status" data-notice="password-set">
						{t('accounts:login.passwordSet')}
					</p>
				) : null}
				<Form method="post" className="form" {...getFormProps(form)}>
					{form.errors?.length ? (
						<p className="notice danger" role="alert" id={form.errorId}>
							{form.errors.join(' ')}
						</p>
					) : null}
					<input type="hidden" name="redirectTo" value={redirectTo} />
					<TextField field={fields.email} type="email" label={t('login.email')} autoComplete="username" />
					<TextField field={fields.password} type="password" label={t('login.password')} autoComplete="current-password" />
					<button className="button" type="submit">
						{t('login.submit')}
					</button>
				</Form>
				<p>
					<Link to="/admin/forgot-password">{t('accounts:login.forgot')}</Link>
				</p>
			</section>
		</div>
	)
}
