// /admin/invitation/{token}: the link of an invitation. Choosing a name and a password creates the
// account and spends the link; then the new colleague logs in.
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '#app/components/form-fields.tsx'
import { NewPasswordFields } from '#app/components/new-password-fields.tsx'
import { AcceptInvitationSchema } from '#app/domain/account-input.ts'
import { acceptInvitation, findOpenInvitation } from '#app/services/commands/account-links.server.ts'
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
	const invitation = findOpenInvitation(getDb(), params.token ?? '')
	const view = invitation ? { email: invitation.email, name: invitation.name ?? '', role: invitation.role } : null
	// A spent, replaced or expired link is a page that says so (404).
	return data({ title: pageTitle(locale, t('invite.title')), invitation: view }, { status: view ? 200 : 404 })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const { t } = await getRequestT(request, ['accounts', 'common'])
	const submission = parseWithZod(await readPageForm(request), { schema: AcceptInvitationSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply({ hideFields: ['password', 'confirm'] }), invalid: false }
	try {
		await acceptInvitation(getDb(), params.token ?? '', submission.value)
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		if (error.code === 'user_exists')
			return { result: submission.reply({ formErrors: [t('invite.exists')], hideFields: ['password', 'confirm'] }), invalid: false }
		return data({ result: null, invalid: true }, { status: 404 })
	}
	return redirect('/admin/login?password=set', { headers: LINK_PAGE_HEADERS })
}

export default function InvitationPage() {
	const { invitation } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['accounts', 'common'])
	const [form, fields] = useForm({
		id: 'invitation',
		lastResult: actionData?.result ?? undefined,
		constraint: getZodConstraint(AcceptInvitationSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		defaultValue: { name: invitation?.name ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema, error: makeZodErrorMap(t) }),
	})
	if (!invitation || actionData?.invalid) {
		return (
			<div className="container">
				<section className="card login-card" aria-labelledby="invite-title">
					<h1 id="invite-title">{t('invite.title')}</h1>
					<p className="notice danger" role="alert" data-notice="invalid">
						{t('invite.invalid')}
					</p>
					<p>
						<Link to="/admin/login">{t('forgot.backToLogin')}</Link>
					</p>
				</section>
			</div>
		)
	}
	return (
		<div className="container">
			<section className="card login-card" aria-labelledby="invite-title">
				<h1 id="invite-title">{t('invite.title')}</h1>
				<p className="muted">{t('invite.intro', { email: invitation.email, role: t(`roles.${invitation.role}`) })}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					{form.errors?.length ? (
						<p className="notice danger" role="alert" id={form.errorId}>
							{form.errors.join(' ')}
						</p>
					) : null}
					<input type="text" name="username" autoComplete="username" defaultValue={invitation.email} hidden readOnly />
					<TextField field={fields.name} label={t('invite.name')} autoComplete="name" />
					<NewPasswordFields password={fields.password} confirm={fields.confirm} />
					<button className="button" type="submit">
						{t('invite.submit')}
					</button>
				</Form>
			</section>
		</div>
	)
}
