// /admin/outbox: every mail the system sends, with its state, attempts and last error, and a way
// to send a failed (or already sent) mail again.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OUTBOX_STATUSES, type OutboxStatus } from '#db/schema/outbox.ts'
import { formatDateTime, formatNumber } from '#app/domain/format.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { OUTBOX_PAGE_SIZE, listOutbox, outboxCounts, resendOutboxMail } from '#app/services/commands/outbox-admin.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { kickMailWorker } from '#app/utils/boot.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { deliveredToFile } from '#app/domain/delivery-note.ts'
import { isWithheldReason } from '#app/domain/mail-kinds.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

/** Reuses the event status colours: green for sent, red for failed, neutral while on the way. */
const PILL: Record<OutboxStatus, string> = {
	pending: 'pill',
	sending: 'pill status-draft',
	sent: 'pill status-published',
	failed: 'pill status-cancelled',
	withheld: 'pill',
}

const isStatus = (value: string | null): value is OutboxStatus => (OUTBOX_STATUSES as readonly string[]).includes(value ?? '')

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { locale, t } = await getRequestT(request, 'mail')
	const statusParam = new URL(request.url).searchParams.get('status')
	const status = isStatus(statusParam) ? statusParam : null
	const db = getDb()
	const noteText = (row: { status: OutboxStatus; lastError: string | null }) => {
		if (row.status === 'withheld' && isWithheldReason(row.lastError)) return t(`outboxPage.withheldReason.${row.lastError}`)
		const file = deliveredToFile(row.lastError)
		return file === null ? row.lastError : t('outboxPage.writtenToFile', { file })
	}
	const when = (date: Date | null) => (date ? { text: formatDateTime(date, locale), iso: date.toISOString() } : null)
	const rows = listOutbox(db, { status: status ?? undefined }).map((row) => ({
		id: row.id,
		toName: row.toName,
		toAddress: row.toAddress,
		template: row.template,
		status: row.status,
		attempts: row.attempts,
		lastError: noteText(row),
		createdAt: when(row.createdAt)!,
		sentAt: when(row.sentAt),
		nextAttemptAt: row.status === 'pending' ? when(row.nextAttemptAt) : null,
		resendable: (row.status === 'failed' || row.status === 'sent') && row.toAddress !== 'erased',
	}))
	const counts = outboxCounts(db)
	return {
		title: pageTitle(locale, t('outboxPage.title')),
		rows,
		status,
		counts: OUTBOX_STATUSES.map((s) => ({ status: s, count: counts[s], text: formatNumber(counts[s], locale) })),
		smtpConfigured: Boolean(getEnv().SMTP_URL),
		limited: rows.length === OUTBOX_PAGE_SIZE,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const formData = await readPageForm(request)
	const id = Number(formData.get('id'))
	invariantResponse(formData.get('intent') === 'resend' && Number.isSafeInteger(id) && id > 0, 400)
	// Back to the list as the organizer was looking at it.
	const status = String(formData.get('status') ?? '')
	const back = (notice: 'resent' | 'refused') => redirect(`/admin/outbox?${new URLSearchParams({ ...(isStatus(status) ? { status } : {}), notice })}`)
	try {
		resendOutboxMail(getDb(), id, { kind: 'user', id: user.id })
		kickMailWorker()
		return back('resent')
	} catch (error) {
		if (error instanceof ServiceError) return back('refused')
		throw error
	}
}

export default function AdminOutbox() {
	const data = useLoaderData<typeof loader>()
	const [searchParams] = useSearchParams()
	const notice = searchParams.get('notice')
	const { t } = useTranslation('mail')
	return (
		<>
			<h1>{t('outboxPage.title')}</h1>
			<p className="muted">{t('outboxPage.intro')}</p>
			{data.smtpConfigured ? null : <p className="notice">{t('outboxPage.noSmtp', { variable: 'SMTP_URL', extension: '.eml' })}</p>}
			{notice === 'resent' ? (
				<p className="notice success" role="status">
					{t('outboxPage.resent')}
				</p>
			) : notice === 'refused' ? (
				<p className="notice danger" role="alert">
					{t('outboxPage.resendRefused')}
				</p>
			) : null}
			<h2 className="visually-hidden">{t('outboxPage.counts')}</h2>
			<ul className="button-row" aria-label={t('outboxPage.counts')} style={{ listStyle: 'none', padding: 0 }}>
				{data.counts.map((c) => (
					<li key={c.status}>
						<span className={PILL[c.status]}>{t(`outboxPage.status.${c.status}`)}</span> {c.text}
					</li>
				))}
			</ul>
			<Form method="get" className="button-row">
				<label htmlFor="outbox-status">{t('outboxPage.filter')}</label>
				<select id="outbox-status" name="status" defaultValue={data.status ?? ''}>
					<option value="">{t('outboxPage.all')}</option>
					{OUTBOX_STATUSES.map((s) => (
						<option key={s} value={s}>
							{t(`outboxPage.status.${s}`)}
						</option>
					))}
				</select>
				<button type="submit" className="button secondary small">
					{t('outboxPage.apply')}
				</button>
			</Form>
			{data.rows.length === 0 ? (
				<p className="empty-state">{t('outboxPage.none')}</p>
			) : (
				<div className="table-wrap">
					<table className="data">
						<caption className="visually-hidden">{t('outboxPage.title')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('outboxPage.createdAt')}</th>
								<th scope="col">{t('outboxPage.to')}</th>
								<th scope="col">{t('outboxPage.template')}</th>
								<th scope="col">{t('outboxPage.statusLabel')}</th>
								<th scope="col" className="num">
									{t('outboxPage.attempts')}
								</th>
								<th scope="col">
									{t('outboxPage.sentAt')} / {t('outboxPage.nextAttemptAt')}
								</th>
								<th scope="col">{t('outboxPage.details')}</th>
								<th scope="col">{t('outboxPage.actions')}</th>
							</tr>
						</thead>
						<tbody>
							{data.rows.map((row) => (
								<tr key={row.id} id={`outbox-${row.id}`}>
									<td>
										<time dateTime={row.createdAt.iso}>{row.createdAt.text}</time>
									</td>
									<td style={{ minWidth: '12rem', overflowWrap: 'anywhere' }}>
										{row.toName ? (
											<>
												{row.toName}
												<br />
											</>
										) : null}
										<span className="muted">{row.toAddress}</span>
									</td>
									<td>{t(`outboxPage.templates.${row.template}`, { defaultValue: row.template })}</td>
									<td>
										<span className={PILL[row.status]}>{t(`outboxPage.status.${row.status}`)}</span>
									</td>
									<td className="num">{row.attempts}</td>
									<td>
										{row.sentAt ? <time dateTime={row.sentAt.iso}>{row.sentAt.text}</time> : null}
										{row.nextAttemptAt ? <time dateTime={row.nextAttemptAt.iso}>{row.nextAttemptAt.text}</time> : null}
									</td>
									<td className="muted" style={{ minWidth: '14rem', maxWidth: '22rem', overflowWrap: 'anywhere' }}>
										{row.lastError}
									</td>
									<td>
										{row.resendable ? (
											<Form method="post">
												<input type="hidden" name="intent" value="resend" />
												<input type="hidden" name="id" value={row.id} />
												<input type="hidden" name="status" value={data.status ?? ''} />
												<button type="submit" className="button secondary small" aria-label={`${t('outboxPage.resend')} #${row.id}`}>
													{t('outboxPage.resend')}
												</button>
											</Form>
										) : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{data.limited ? <p className="muted">{t('outboxPage.showing', { count: data.rows.length })}</p> : null}
		</>
	)
}
