// /admin/users (admins only): who can log in, their roles, disabling and enabling, and inviting a
// colleague by email. Every button is a plain form POST that redirects back with a notice.
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '#app/components/form-fields.tsx'
import { INVITATION_TTL_MS } from '#app/domain/account-rules.ts'
import { InviteSchema, UserAccessSchema } from '#app/domain/account-input.ts'
import { LOCALES } from '#app/domain/locale.ts'
import { inviteUser } from '#app/services/commands/account-links.server.ts'
import { usersPage } from '#app/services/views/account-views.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { updateUserAccess } from '#app/services/commands/users.server.ts'
import { ROLES } from '#app/domain/vocabulary.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

const INVITATION_DAYS = INVITATION_TTL_MS / (24 * 3600_000)

export async function loader({ request }: LoaderFunctionArgs) {
	const me = await requireRole(request, 'admin')
	const { locale, t } = await getRequestT(request, 'accounts')
	return { title: pageTitle(locale, t('users.title')), locale, ...usersPage(getDb(), me, locale) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request }: ActionFunctionArgs) {
	const me = await requireRole(request, 'admin')
	const formData = await readPageForm(request)
	const { t } = await getRequestT(request, ['accounts', 'common'])

	if (formData.get('intent') === 'invite') {
		const submission = parseWithZod(formData, { schema: InviteSchema, error: makeZodErrorMap(t) })
		if (submission.status !== 'success') return { result: submission.reply(), error: null }
		try {
			inviteUser(getDb(), submission.value, me, getEnv().PUBLIC_URL)
		} catch (error) {
			if (error instanceof ServiceError && error.code === 'user_exists') {
				return { result: submission.reply({ fieldErrors: { email: [t('users.exists')] } }), error: null }
			}
			throw error
		}
		return redirect(`/admin/users?invited=${encodeURIComponent(submission.value.email.toLowerCase())}`)
	}

	const change = UserAccessSchema.safeParse(Object.fromEntries(formData))
	invariantResponse(change.success, 400)
	const value = change.data
	try {
		updateUserAccess(getDb(), value.userId, value.intent === 'role' ? { role: value.role } : { disabled: value.intent === 'disable' }, {
			kind: 'user',
			id: me.id,
		})
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		// last_admin or not_found: said on the page the browser comes back to.
		return redirect(`/admin/users?error=${error.code}`)
	}
	return redirect(`/admin/users?updated=${value.userId}`)
}

export default function UsersPage() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const { t } = useTranslation(['accounts', 'admin', 'common'])
	const invited = searchParams.get('invited')
	const [form, fields] = useForm({
		// A new id after each invitation: the form starts empty again (the browser came back by a redirect).
		id: invited ? `invite-${invited}` : 'invite',
		lastResult: actionData?.result,
		constraint: getZodConstraint(InviteSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		defaultValue: { role: 'organizer', locale: data.locale },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema, error: makeZodErrorMap(t) }),
	})
	const error = searchParams.get('error')
	const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))
	return (
		<>
			<h1>{t('users.title')}</h1>
			<p className="prose">{t('users.intro')}</p>
			{invited ? (
				<p className="notice success" role="status" data-notice="invited">
					{t('users.invited', { email: invited })}
				</p>
			) : null}
			{searchParams.get('updated') ? (
				<p className="notice success" role="status" data-notice="updated">
					{t('users.updated')}
				</p>
			) : null}
			{error ? (
				<p className="notice danger" role="alert" data-notice={error}>
					{error === 'last_admin' ? t('users.lastAdmin') : t('users.notFound')}
				</p>
			) : null}
			<div className="table-wrap">
				<table className="data">
					<thead>
						<tr>
							<th scope="col">{t('users.email')}</th>
							<th scope="col">{t('users.name')}</th>
							<th scope="col">{t('users.role')}</th>
							<th scope="col">{t('users.status')}</th>
							<th scope="col">{t('users.actions')}</th>
						</tr>
					</thead>
					<tbody>
						{data.users.map((u) => (
							<tr key={u.id} data-user-id={u.id} data-email={u.email} data-disabled={u.disabled ? 'true' : 'false'}>
								<td>
									{u.email} {u.isMe ? <span className="muted">{t('users.you')}</span> : null}
								</td>
								<td>{u.name}</td>
								<td>
									<Form method="post">
										<input type="hidden" name="intent" value="role" />
										<input type="hidden" name="userId" value={u.id} />
										<select name="role" defaultValue={u.role} aria-label={t('users.roleOf', { email: u.email })}>
											{roleOptions.map((o) => (
												<option key={o.value} value={o.value}>
													{o.label}
												</option>
											))}
										</select>{' '}
										<button type="submit" className="button secondary small">
											{t('users.changeRole')}
										</button>
									</Form>
								</td>
								<td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
								<td>
									<Form method="post">
										<input type="hidden" name="intent" value={u.disabled ? 'enable' : 'disable'} />
										<input type="hidden" name="userId" value={u.id} />
										<button type="submit" className={u.disabled ? 'button secondary small' : 'button danger small'}>
											{u.disabled ? t('users.enable') : t('users.disable')}
										</button>
									</Form>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>

			<section aria-labelledby="pending-title" style={{ marginTop: '1.5rem' }}>
				<h2 id="pending-title">{t('users.pendingTitle')}</h2>
				{data.invitations.length === 0 ? (
					<p className="empty-state">{t('users.pendingNone')}</p>
				) : (
					<ul>
						{data.invitations.map((i) => (
							<li key={i.id} data-invitation={i.email}>
								{i.email} · {t(`roles.${i.role}`)} · {t('users.expires')} {i.expires}
							</li>
						))}
					</ul>
				)}
			</section>

			<section className="card" aria-labelledby="invite-title" style={{ marginTop: '1.5rem' }}>
				<h2 id="invite-title">{t('users.inviteTitle')}</h2>
				<p className="muted">{t('users.inviteHint', { days: INVITATION_DAYS })}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="invite" />
					<TextField field={fields.email} type="email" label={t('users.inviteEmail')} autoComplete="off" />
					<TextField field={fields.name} label={t('users.inviteName')} autoComplete="off" />
					<SelectField field={fields.role} label={t('users.inviteRole')} options={roleOptions} />
					<SelectField field={fields.locale} label={t('users.inviteLanguage')} options={LOCALES.map((l) => ({ value: l, label: t(`users.languages.${l}`) }))} />
					<button className="button" type="submit">
						{t('users.inviteSubmit')}
					</button>
				</Form>
			</section>
		</>
	)
}
