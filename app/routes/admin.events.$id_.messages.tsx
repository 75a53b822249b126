// /admin/events/{id}/messages: write a message to the event's visitors (and, for a fair, its
// exhibitors), preview it (the count and the mail as each language will read it), then send it
// with a checkbox naming the count; refused if the count changed since the preview. No JS needed:
// every step is a POST answered with the page. The messages sent are listed below.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MessageFormSchema, letterFromForm, type MessageForm } from '#app/domain/message-input.ts'
import { hashRequestBody } from '#app/services/commands/idempotency.server.ts'
import { countRecipients, sendMessageThroughApi } from '#app/services/commands/messages.server.ts'
import { messagePreview, messagesPage } from '#app/services/views/message-views.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { locale, t } = await getRequestT(request, 'admin')
	const page = messagesPage(getDb(), event, locale)
	return { title: pageTitle(locale, `${t('messages.title')}: ${page.event.title}`), ...page }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

type Values = Record<string, string>

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const formData = await readPageForm(request)
	const { t } = await getRequestT(request, ['admin', 'common', 'api'])
	const raw = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])) as Values
	// One select names both whom and which of them ("visitors:checked_in"); a fair offers both.
	const [target, audience = ''] = (raw.audience ?? '').split(':')
	const values: Values = { ...raw }
	const input = { ...raw, target: event.kind === 'fair' ? target : 'visitors', audience: event.kind === 'fair' || target === 'visitors' ? audience : '' }
	const parsed = MessageFormSchema.safeParse(input, { error: makeZodErrorMap(t) })
	if (!parsed.success) return { values, errors: issuesToFields(parsed.error.issues), preview: null }
	const form: MessageForm = parsed.data
	const letter = letterFromForm(form)
	const recipients = countRecipients(getDb(), event.id, form.target, form.audience as never)
	const preview = { recipients, languages: messagePreview(letter), sendKey: crypto.randomUUID() }
	if (raw.intent !== 'send') return { values, errors: recipients === 0 ? { audience: [t('api:errors.no_recipients')] } : {}, preview }
	if (form.confirm !== 'on') return { values, errors: { confirm: [t('messages.confirmRequired')] }, preview }
	// The preview's form carries a one-time key: a double-click or a resent form sends one message
	// (the second POST replays the first answer), as the API's Idempotency-Key does.
	const sendKey = SEND_KEY.test(raw.sendKey ?? '') ? raw.sendKey! : null
	const answer = sendMessageThroughApi(
		getDb(),
		{
			event,
			target: form.target,
			audience: form.audience as never,
			letter,
			expectedRecipients: form.recipients ?? -1,
			idempotency: { key: sendKey, bodyHash: hashRequestBody(JSON.stringify({ target: form.target, audience: form.audience, letter })) },
		},
		{ kind: 'user', id: user.id },
		(error) => ({ status: 409, body: { code: error.code, field: error.field ?? 'audience' } }),
	)
	if (answer.status === 202) return redirect(`/admin/events/${event.id}/messages?sent=${(answer.body as { message: { id: number } }).message.id}`)
	const refused = answer.body as { code: string; field: string }
	return { values, errors: { [refused.field]: [t(`api:errors.${refused.code}`)] }, preview }
}

/** The preview's one-time send key (randomUUID). */
const SEND_KEY = /^[0-9a-f-]{36}$/

function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
	return errors?.length ? (
		<p className="field-error" id={`${id}-error`} role="alert">
			{errors.join(' ')}
		</p>
	) : null
}

export default function EventMessages() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const { t } = useTranslation(['admin', 'common'])
	const values: Values = actionData?.values ?? {}
	const errors = (actionData?.errors ?? {}) as Record<string, string[] | undefined>
	const preview = actionData?.preview ?? null
	const sent = data.messages.find((m) => String(m.id) === searchParams.get('sent'))
	const describedBy = (name: string) => (errors[name]?.length ? `${name}-error` : undefined)
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/admin/events/${data.event.id}`}>← {data.event.title}</Link>
			</p>
			<h1>{t('messages.title')}</h1>
			<p className="prose">{t('messages.intro')}</p>
			{sent ? (
				<p className="notice success" role="status" data-notice="sent">
					{t('messages.sent', { count: sent.count })}
				</p>
			) : null}
			<section className="card" aria-labelledby="compose-title" style={{ margin: '1.25rem 0 1.5rem' }}>
				<h2 id="compose-title">{t('messages.compose')}</h2>
				<Form method="post" className="form" noValidate>
					<div className="field">
						<label htmlFor="audience">{t('messages.audienceLabel')}</label>
						<select id="audience" name="audience" defaultValue={values.audience ?? 'visitors:all'} aria-describedby={describedBy('audience')}>
							{data.targets.map((target) => (
								<optgroup key={target} label={t(`messages.target.${target}`)}>
									{data.audiences[target].map((a) => (
										<option key={a} value={`${target}:${a}`}>
											{t(`messages.audience.${target}.${a}`)}
										</option>
									))}
								</optgroup>
							))}
						</select>
						<FieldError id="audience" errors={errors.audience} />
					</div>
					<div className="field">
						<label htmlFor="subject">{t('messages.subjectLabel')}</label>
						<input id="subject" type="text" name="subject" defaultValue={values.subject ?? ''} maxLength={200} aria-describedby={describedBy('subject')} />
						<FieldError id="subject" errors={errors.subject} />
					</div>
					<div className="field">
						<label htmlFor="body">{t('messages.bodyLabel')}</label>
						<p className="hint" id="body-hint">
							{t('messages.bodyHint')}
						</p>
						<textarea id="body" name="body" rows={8} defaultValue={values.body ?? ''} aria-describedby={describedBy('body') ?? 'body-hint'} />
						<FieldError id="body" errors={errors.body} />
					</div>
					<div className="field">
						<label htmlFor="subjectEn">{t('messages.subjectEnLabel')}</label>
						<input id="subjectEn" type="text" name="subjectEn" lang="en" defaultValue={values.subjectEn ?? ''} maxLength={200} />
						<FieldError id="subjectEn" errors={errors.subjectEn} />
					</div>
					<div className="field">
						<label htmlFor="bodyEn">{t('messages.bodyEnLabel')}</label>
						<p className="hint">{t('messages.englishHint')}</p>
						<textarea id="bodyEn" name="bodyEn" lang="en" rows={5} defaultValue={values.bodyEn ?? ''} />
						<FieldError id="bodyEn" errors={errors.bodyEn} />
					</div>
					<p className="button-row">
						<button type="submit" name="intent" value="preview" className="button secondary">
							{t('messages.preview')}
						</button>
					</p>
				</Form>
			</section>
			{preview ? (
				<section className="card" aria-labelledby="preview-title" style={{ margin: '0 0 1.5rem' }} data-preview>
					<h2 id="preview-title">{t('messages.previewTitle')}</h2>
					<p data-recipients={preview.recipients}>
						<strong>{t('messages.recipients', { count: preview.recipients })}</strong>
					</p>
					{preview.languages.map((lang) => (
						<article key={lang.locale} lang={lang.locale} style={{ borderTop: '1px solid #ddd', paddingTop: '0.75rem', marginTop: '0.75rem' }}>
							<h3 style={{ fontSize: '1rem' }}>{t(`messages.language.${lang.locale}`)}</h3>
							<p>
								<strong>{lang.subject}</strong>
							</p>
							{lang.untranslated ? <p className="muted">{t('messages.untranslatedNote')}</p> : null}
							{lang.paragraphs.map((p, i) => (
								<p key={i} className="break" style={{ whiteSpace: 'pre-line' }}>
									{p}
								</p>
							))}
						</article>
					))}
					{preview.recipients > 0 ? (
						<Form method="post" className="form" style={{ marginTop: '1rem' }}>
							{['audience', 'subject', 'body', 'subjectEn', 'bodyEn'].map((name) => (
								<input key={name} type="hidden" name={name} value={values[name] ?? ''} />
							))}
							<input type="hidden" name="recipients" value={preview.recipients} />
							<input type="hidden" name="sendKey" value={preview.sendKey} />
							<div className="field">
								<label className="check">
									<input type="checkbox" name="confirm" aria-describedby={describedBy('confirm')} /> {t('messages.confirm', { count: preview.recipients })}
								</label>
								<FieldError id="confirm" errors={errors.confirm} />
							</div>
							<p className="button-row">
								<button type="submit" name="intent" value="send" className="button">
									{t('messages.send')}
								</button>
							</p>
						</Form>
					) : null}
				</section>
			) : null}
			<section aria-labelledby="sent-title">
				<h2 id="sent-title">{t('messages.listTitle')}</h2>
				{data.messages.length === 0 ? (
					<p className="empty-state">{t('messages.none')}</p>
				) : (
					<div className="table-wrap">
						<table className="data">
							<thead>
								<tr>
									<th scope="col">{t('messages.col.sentAt')}</th>
									<th scope="col">{t('messages.col.subject')}</th>
									<th scope="col">{t('messages.col.audience')}</th>
									<th scope="col" className="num">
										{t('messages.col.recipients')}
									</th>
									<th scope="col">{t('messages.col.author')}</th>
								</tr>
							</thead>
							<tbody>
								{data.messages.map((m) => (
									<tr key={m.id}>
										<td>{m.sentAt}</td>
										<td className="break">{m.subject}</td>
										<td>
											{t(`messages.target.${m.target}`)}: {t(`messages.audience.${m.target}.${m.audience}`)}
										</td>
										<td className="num">{m.recipients}</td>
										<td>{m.author}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</>
	)
}
