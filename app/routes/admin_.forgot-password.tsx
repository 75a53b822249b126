// /admin/forgot-password: asks for a one-time link to choose a new password. The answer is the
// same whether the address has an account or not; requests are limited per address and client.
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '#app/components/form-fields.tsx'
import { ForgotPasswordSchema } from '#app/domain/account-input.ts'
import { requestPasswordReset } from '#app/services/commands/account-links.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { takePasswordResetAttempt } from '#app/http/login-limit.server.ts'
import { passRetryAfter, takeRateLimit, tooManyRequests } from '#app/http/rate-limit.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const headers: HeadersFunction = ({ actionHeaders }) => passRetryAfter(actionHeaders)

export async function loader({ request }: LoaderFunctionArgs) {
	const { t, locale } = await getRequestT(request, 'accounts')
	return { title: pageTitle(locale, t('forgot.title')) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, context }: ActionFunctionArgs) {
	const { t, locale } = await getRequestT(request, ['accounts', 'common'])
	const submission = parseWithZod(await readPageForm(request), { schema: ForgotPasswordSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply(), sent: false, limited: null }
	const limit = takeRateLimit(context)
	const verdict = limit.ok ? takePasswordResetAttempt(submission.value.email, context) : limit
	if (!verdict.ok) {
		const minutes = Math.ceil(verdict.retryAfterSeconds / 60)
		return data(
			{ result: submission.reply({ formErrors: [t('forgot.limited', { minutes })] }), sent: false, limited: minutes },
			tooManyRequests(verdict.retryAfterSeconds),
		)
	}
	requestPasswordReset(getDb(), submission.value.email, locale, getEnv().PUBLIC_URL)
	return { result: submission.reply({ resetForm: true }), sent: true, limited: null }
}

export default function ForgotPasswordPage() {
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['accounts', 'common'])
	const [form, fields] = useForm({
		id: 'forgot',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ForgotPasswordSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema, error: makeZodErrorMap(t) }),
	})
	return (
		<div className="container">
			<section className="card login-card" aria-labelledby="forgot-title">
				<h1 id="forgot-title">{t('forgot.title')}</h1>
				{actionData?.sent ? (
					<p className="notice success" role="status" data-notice="sent">
						{t('forgot.sent')}
					</p>
				) : (
					<p className="muted">{t('forgot.intro')}</p>
				)}
				<Form method="post" className="form" {...getFormProps(form)}>
					{form.errors?.length ? (
						<p className="notice danger" role="alert" id={form.errorId}>
							{form.errors.join(' ')}
						</p>
					) : null}
					<TextField field={fields.email} type="email" label={t('forgot.email')} autoComplete="username" />
					<button className="button" type="submit">
						{t('forgot.submit')}
					</button>
				</Form>
				<p>
					<Link to="/admin/login">{t('forgot.backToLogin')}</Link>
				</p>
			</section>
		</div>
	)
}
