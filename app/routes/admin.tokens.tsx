// /admin/tokens (admins only): the API tokens with their role, event, dates and last use; a new
// token's secret is shown once, in the answer to the POST that made it (only its hash is kept).
// Revoking is a POST that redirects back with ?revoked=.
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '#app/components/form-fields.tsx'
import { STAFF_TOKEN_TTL_MS } from '#app/domain/account-rules.ts'
import { RevokeTokenSchema, TokenCreateFormSchema } from '#app/domain/account-input.ts'
import { tokensPage } from '#app/services/views/account-views.server.ts'
import { createApiToken, revokeApiToken } from '#app/services/commands/api-tokens.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { findEventBySlug } from '#app/services/queries/events.server.ts'
import { ROLES } from '#app/domain/vocabulary.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { errorResponse, invariantResponse } from '#app/http/responses.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

const DEFAULT_DAYS = STAFF_TOKEN_TTL_MS / (24 * 3600_000)

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'admin')
	const { locale, t } = await getRequestT(request, 'accounts')
	return { title: pageTitle(locale, t('tokens.title')), ...tokensPage(getDb(), locale) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request }: ActionFunctionArgs) {
	const me = await requireRole(request, 'admin')
	const actor = { kind: 'user', id: me.id } as const
	const formData = await readPageForm(request)

	if (formData.get('intent') === 'revoke') {
		const form = RevokeTokenSchema.safeParse(Object.fromEntries(formData))
		invariantResponse(form.success, 400)
		try {
			revokeApiToken(getDb(), form.data.tokenId, actor)
		} catch (error) {
			if (error instanceof ServiceError) throw errorResponse(404)
			throw error
		}
		return redirect(`/admin/tokens?revoked=${form.data.tokenId}`)
	}

	const { t } = await getRequestT(request, ['accounts', 'common'])
	const submission = parseWithZod(formData, { schema: TokenCreateFormSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply(), created: null }
	const { name, role, event: slug, days } = submission.value
	const event = slug ? findEventBySlug(getDb(), slug) : null
	if (slug && !event) return { result: submission.reply({ fieldErrors: { event: [t('common:validation.choice')] } }), created: null }
	const now = new Date()
	const expiresAt = days ? new Date(now.getTime() + days * 24 * 3600_000) : null
	const { token, row } = createApiToken(getDb(), { role, name, eventId: event?.id ?? null, expiresAt }, actor, now)
	return { result: submission.reply({ resetForm: true }), created: { name: row.name, token } }
}

export default function TokensPage() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const { t } = useTranslation(['accounts', 'common'])
	const [form, fields] = useForm({
		id: 'token',
		lastResult: actionData?.result,
		constraint: getZodConstraint(TokenCreateFormSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		defaultValue: { role: 'organizer' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: TokenCreateFormSchema, error: makeZodErrorMap(t) }),
	})
	const revoked = data.tokens.find((tok) => String(tok.id) === searchParams.get('revoked'))
	const created = actionData?.created ?? null
	return (
		<>
			<h1>{t('tokens.title')}</h1>
			<p className="prose">{t('tokens.intro')}</p>
			{revoked ? (
				<p className="notice success" role="status" data-notice="revoked">
					{t('tokens.revokedNotice', { name: revoked.name })}
				</p>
			) : null}
			{created ? (
				<div className="notice success" role="status" data-notice="created">
					<p>{t('tokens.created_once', { name: created.name })}</p>
					<p>
						<code data-token>{created.token}</code>
					</p>
				</div>
			) : null}
			{data.tokens.length === 0 ? (
				<p className="empty-state">{t('tokens.none')}</p>
			) : (
				<div className="table-wrap">
					<table className="data">
						<thead>
							<tr>
								<th scope="col">{t('tokens.name')}</th>
								<th scope="col">{t('tokens.role')}</th>
								<th scope="col">{t('tokens.event')}</th>
								<th scope="col">{t('tokens.created')}</th>
								<th scope="col">{t('tokens.expires')}</th>
								<th scope="col">{t('tokens.lastUsed')}</th>
								<th scope="col">{t('tokens.state')}</th>
								<th scope="col">
									<span className="visually-hidden">{t('tokens.revoke')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{data.tokens.map((tok) => (
								<tr key={tok.id} data-token-id={tok.id} data-state={tok.state}>
									<td>{tok.name}</td>
									<td>{t(`roles.${tok.role}`)}</td>
									<td>{tok.event ?? t('tokens.allEvents')}</td>
									<td>{tok.created}</td>
									<td>{tok.expires ?? t('tokens.noExpiry')}</td>
									<td data-last-used={tok.lastUsed ?? ''}>{tok.lastUsed ?? t('tokens.never')}</td>
									<td>{tok.state === 'revoked' ? t('tokens.revoked', { at: tok.revoked }) : t(`tokens.${tok.state}`)}</td>
									<td>
										{tok.state === 'revoked' ? null : (
											<Form method="post">
												<input type="hidden" name="intent" value="revoke" />
												<input type="hidden" name="tokenId" value={tok.id} />
												<button type="submit" className="button danger small" aria-label={t('tokens.revokeLabel', { name: tok.name })}>
													{t('tokens.revoke')}
												</button>
											</Form>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}

			<section className="card" aria-labelledby="create-title" style={{ marginTop: '1.5rem' }}>
				<h2 id="create-title">{t('tokens.createTitle')}</h2>
				<p className="muted">{t('tokens.createHint', { days: DEFAULT_DAYS })}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<TextField field={fields.name} label={t('tokens.createName')} autoComplete="off" />
					<SelectField field={fields.role} label={t('tokens.createRole')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
					<SelectField
						field={fields.event}
						label={t('tokens.createEvent')}
						options={[{ value: '', label: t('tokens.createEventAny') }, ...data.events.map((e) => ({ value: e.slug, label: e.title }))]}
					/>
					<TextField
						field={fields.days}
						type="number"
						min={1}
						max={3650}
						label={t('tokens.createDays')}
						hint={t('tokens.createDaysHint', { days: DEFAULT_DAYS })}
					/>
					<button className="button" type="submit">
						{t('tokens.createSubmit')}
					</button>
				</Form>
			</section>
		</>
	)
}
