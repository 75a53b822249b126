// The parts of the scanner links page (routes/admin.events.$id_.scanners.tsx): the form that makes
// a link, the link just made (QR drawn on the server, the address to copy), and the list with
// revoke. Without JavaScript everything works; the copy button only appears with it.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EXPIRY_CHOICES, ScannerLinkFormSchema, type ExpiryChoice } from '#app/domain/checkin-admin-input.ts'
import type { CreatedScannerLink, ScannerLinkRow } from '#app/services/views/checkin-admin-views.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { TextField } from './form-fields.tsx'

type ExpiryView = {
	day: { text: string; past: boolean }
	event: { text: string; past: boolean }
	defaultChoice: ExpiryChoice
	customDefault: string
	customMin: string
}

const LINK_PILL: Record<ScannerLinkRow['state'], string> = {
	active: 'pill link-active',
	expired: 'pill link-expired',
	revoked: 'pill link-revoked',
}

export function ScannerLinkForm({ expiry, lastResult }: { expiry: ExpiryView; lastResult?: SubmissionResult<string[]> | null }) {
	const { t } = useTranslation(['admin', 'common'])
	const [form, fields] = useForm({
		id: 'scanner-link',
		lastResult,
		defaultValue: { expiry: expiry.defaultChoice, expiresAt: expiry.customDefault },
		constraint: getZodConstraint(ScannerLinkFormSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ScannerLinkFormSchema, error: makeZodErrorMap(t) }),
	})
	void form.allErrors
	const choiceText: Record<ExpiryChoice, string> = {
		day: t('checkin.scanners.expiryDay', { time: expiry.day.text }),
		event: t('checkin.scanners.expiryEvent', { time: expiry.event.text }),
		hours4: t('checkin.scanners.expiry4h'),
		custom: t('checkin.scanners.expiryCustom'),
	}
	const disabled = (choice: ExpiryChoice) => (choice === 'day' || choice === 'event' ? expiry[choice].past : false)
	const expiresAtError = fields.expiresAt.errors?.join(' ')
	const errorId = `${fields.expiresAt.id}-error`
	const { key: customKey, ...customInput } = getInputProps(fields.expiresAt, { type: 'datetime-local' })
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			{form.errors?.length ? (
				<p className="notice danger" role="alert" id={form.errorId}>
					{form.errors.join(' ')}
				</p>
			) : null}
			<input type="hidden" name="intent" value="create" />
			<TextField field={fields.label} label={t('checkin.scanners.label')} hint={t('checkin.scanners.labelHint')} autoComplete="off" />
			<fieldset className="expiry-choices">
				<legend>{t('checkin.scanners.expiry')}</legend>
				{EXPIRY_CHOICES.map((choice) => {
					const id = `${fields.expiry.id}-${choice}`
					return (
						<div key={choice} className="check">
							<input
								type="radio"
								id={id}
								name={fields.expiry.name}
								value={choice}
								defaultChecked={(fields.expiry.initialValue ?? expiry.defaultChoice) === choice}
								disabled={disabled(choice)}
							/>
							<label htmlFor={id}>{choiceText[choice]}</label>
						</div>
					)
				})}
				<div className="custom-at">
					<input
						{...customInput}
						key={customKey}
						min={expiry.customMin}
						aria-label={t('checkin.scanners.customAt')}
						required={false}
						// Choosing a time means choosing "another time".
						onFocus={() => {
							const radio = document.getElementById(`${fields.expiry.id}-custom`)
							if (radio instanceof HTMLInputElement) radio.checked = true
						}}
					/>
				</div>
				{expiresAtError ? (
					<p className="field-error" id={errorId}>
						{expiresAtError}
					</p>
				) : null}
			</fieldset>
			<div>
				<button className="button" type="submit">
					{t('checkin.scanners.submit')}
				</button>
			</div>
		</Form>
	)
}

function CopyButton({ text }: { text: string }) {
	const { t } = useTranslation('admin')
	const [canCopy, setCanCopy] = useState(false)
	const [copied, setCopied] = useState(false)
	useEffect(() => setCanCopy(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), [])
	if (!canCopy) return null
	return (
		<>
			<button
				type="button"
				className="button small secondary"
				onClick={() => {
					void navigator.clipboard.writeText(text).then(() => setCopied(true))
				}}
			>
				{t('checkin.scanners.copy')}
			</button>
			<span role="status">{copied ? t('checkin.scanners.copied') : ''}</span>
		</>
	)
}

export function CreatedLink({ created }: { created: CreatedScannerLink }) {
	const { t } = useTranslation('admin')
	const { qr } = created
	return (
		<section className="card scanner-created" aria-labelledby="created-title" data-created-link={created.url}>
			<svg className="scanner-qr" viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges" role="img" aria-labelledby="created-qr-title" data-qr="">
				<title id="created-qr-title">{t('checkin.scanners.qrTitle', { label: created.label })}</title>
				<rect width={qr.size} height={qr.size} fill="#fff" />
				<path d={qr.path} fill="#000" />
			</svg>
			<div>
				<h2 id="created-title">{created.label}</h2>
				<p className="notice success" role="status">
					{t('checkin.scanners.created')}
				</p>
				<p>
					<strong>{t('checkin.scanners.expiry')}:</strong> {created.expiresAt}
				</p>
				<div className="field">
					<label htmlFor="created-url">{t('checkin.scanners.url')}</label>
					<textarea id="created-url" className="scanner-url" readOnly value={created.url} rows={3} onFocus={(e) => e.currentTarget.select()} />
				</div>
				<p className="button-row" style={{ marginTop: '0.6rem' }}>
					<CopyButton text={created.url} />
				</p>
				<p className="muted">{t('checkin.scanners.createdOnce')}</p>
			</div>
		</section>
	)
}

export function ScannerLinkTable({ links, eventTitle }: { links: ScannerLinkRow[]; eventTitle: string }) {
	const { t } = useTranslation('admin')
	return (
		<div className="table-wrap">
			<table className="data stack-on-phone">
				<caption className="visually-hidden">{`${t('checkin.scanners.listTitle')}: ${eventTitle}`}</caption>
				<thead>
					<tr>
						<th scope="col">{t('checkin.scanners.table.label')}</th>
						<th scope="col">{t('checkin.scanners.table.status')}</th>
						<th scope="col">{t('checkin.scanners.table.expiresAt')}</th>
						<th scope="col">{t('checkin.scanners.table.createdAt')}</th>
						<th scope="col">{t('checkin.scanners.table.lastUsedAt')}</th>
						<th scope="col">{t('checkin.scanners.table.actions')}</th>
					</tr>
				</thead>
				<tbody>
					{links.map((link) => (
						<tr key={link.id} data-link-id={link.id} data-state={link.state}>
							<td>
								<strong>{link.label}</strong>
							</td>
							<td data-label={t('checkin.scanners.table.status')}>
								<span className={LINK_PILL[link.state]}>{t(`checkin.scanners.status.${link.state}`)}</span>
							</td>
							<td data-label={t('checkin.scanners.table.expiresAt')}>{link.expiresAtIso ? <time dateTime={link.expiresAtIso}>{link.expiresAt}</time> : '—'}</td>
							<td data-label={t('checkin.scanners.table.createdAt')}>{link.createdAt}</td>
							<td data-label={t('checkin.scanners.table.lastUsedAt')}>
								{link.lastScanAt ?? <span className="muted">{t('checkin.scanners.never')}</span>}
								{link.scans.value > 0 ? (
									<>
										<br />
										<span className="muted">{t('checkin.scanners.scans', { count: link.scans.value, formatted: link.scans.text })}</span>
									</>
								) : null}
							</td>
							<td>
								{link.state === 'active' ? (
									<details className="confirm-inline" style={{ position: 'relative' }}>
										<summary>
											{t('checkin.scanners.revoke')}
											<span className="visually-hidden">: {link.label}</span>
										</summary>
										<Form method="post">
											<input type="hidden" name="intent" value="revoke" />
											<input type="hidden" name="linkId" value={link.id} />
											<p>{t('checkin.scanners.revokeQuestion')}</p>
											<button className="button small danger" type="submit">
												{t('checkin.scanners.confirmRevoke')}
												<span className="visually-hidden">: {link.label}</span>
											</button>
										</Form>
									</details>
								) : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
