// The parts of the organizer's registrations page (routes/admin.events.$id_.registrations.tsx).
// Everything here works without JavaScript: the search is a GET form, every change a small POST
// form, and cancelling asks for confirmation inside a <details> element, not with window.confirm.
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LOCALES } from '#app/domain/locale.ts'
import type { RegistrationSource, RegistrationStatus } from '#app/domain/vocabulary.ts'
import {
	ManualRegistrationSchema,
	STATUS_FILTERS,
	listSearchParams,
	type ListNotice,
	type RegistrationListQuery,
} from '#app/domain/registration-admin-input.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { CheckboxField, SelectField, TextField } from './form-fields.tsx'

type CountView = { persons: number; parties: number; personsText: string; partiesText: string }
type EventView = { capacity: string | null; remaining: { value: number; text: string } | null }
type Subject = { name: string; email: string | null; partySize: number; status: RegistrationStatus; position: number | null }
type Row = {
	id: number
	name: string
	email: string | null
	phone: string | null
	partySize: number
	status: RegistrationStatus
	position: number | null
	source: RegistrationSource
	registeredAt: string
	registeredAtIso: string
	checkedInAt: string | null
	checkedInAtIso: string | null
	consents: { photos: boolean; newsletter: boolean; research: boolean }
	/** The answers to the event's own questions, in words (issue 18). */
	answers: { id: string; label: string; text: string }[]
}

const NOWRAP = { whiteSpace: 'nowrap' } as const
const ANSWER = { margin: '0 0 0.35rem', fontWeight: 600 } as const

/** The status pills reuse the stylesheet's colours: green, the default yellow, red. */
const PILL: Record<RegistrationStatus, string> = {
	confirmed: 'pill status-open',
	waitlisted: 'pill',
	cancelled: 'pill status-cancelled',
}

export function RegistrationCounts({ event, counts }: { event: EventView; counts: Record<RegistrationStatus, CountView> }) {
	const { t } = useTranslation('admin')
	const statuses: RegistrationStatus[] = ['confirmed', 'waitlisted', 'cancelled']
	return (
		<dl className="facts" aria-label={t('registrations.counts.label')} style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(9.5rem, 1fr))' }}>
			{statuses.map((status) => {
				const c = counts[status]
				return (
					<div key={status} data-count={status} data-persons={c.persons} data-parties={c.parties}>
						<dt>{t(`registrations.counts.${status}`)}</dt>
						<dd>
							{t('registrations.counts.persons', { count: c.persons, formatted: c.personsText })}
							<br />
							<span className="muted">{t('registrations.counts.parties', { count: c.parties, formatted: c.partiesText })}</span>
						</dd>
					</div>
				)
			})}
			<div data-count="capacity">
				<dt>{t('registrations.counts.capacity')}</dt>
				<dd>{event.capacity ?? t('registrations.counts.unlimited')}</dd>
			</div>
			<div data-count="remaining" data-remaining={event.remaining?.value ?? ''}>
				<dt>{t('registrations.counts.remaining')}</dt>
				<dd>{event.remaining ? event.remaining.text : t('registrations.counts.unlimited')}</dd>
			</div>
		</dl>
	)
}

export function RegistrationNotice({ notice, subject, promoted }: { notice: ListNotice; subject: Subject | null; promoted: number }) {
	const { t } = useTranslation('admin')
	const name = subject ? subject.name || t('registrations.erased') : ''
	const persons = subject ? t('registrations.counts.persons', { count: subject.partySize, formatted: String(subject.partySize) }) : ''
	const needsSubject = !['sold_out', 'already_cancelled'].includes(notice)
	if (needsSubject && !subject) return null
	// Taken without an address: nothing was mailed, so the notice says so (and how to get the ticket).
	const key = subject && subject.email === null && ['confirmed', 'waitlisted', 'cancelled'].includes(notice) ? `${notice}NoEmail` : notice
	const text = t(`registrations.notice.${key}`, { name, persons, email: subject?.email ?? '', position: subject?.position ?? '' })
	const tone = notice === 'sold_out' ? 'danger' : notice.startsWith('already') ? '' : 'success'
	return (
		<p className={`notice ${tone}`} role="status" data-notice={notice}>
			{text}
			{promoted > 0 ? ` ${t('registrations.notice.promoted', { count: promoted })}` : null}
		</p>
	)
}

type AnswerFilter = { id: string; label: string; options: { value: string; label: string }[] }

export function RegistrationFilters({ query, answerFilters = [] }: { query: RegistrationListQuery; answerFilters?: AnswerFilter[] }) {
	const { t } = useTranslation(['admin', 'questions'])
	const filtered = query.q !== '' || query.status !== 'all' || query.answer !== ''
	return (
		<Form method="get" role="search" className="card form" style={{ marginBottom: '1rem' }}>
			<div className="field-grid two">
				<div className="field">
					<label htmlFor="registrations-q">{t('registrations.search.label')}</label>
					<input type="text" id="registrations-q" name="q" defaultValue={query.q} maxLength={100} enterKeyHint="search" autoComplete="off" />
				</div>
				<div className="field">
					<label htmlFor="registrations-status">{t('registrations.search.status')}</label>
					<select id="registrations-status" name="status" defaultValue={query.status}>
						{STATUS_FILTERS.map((s) => (
							<option key={s} value={s}>
								{s === 'all' ? t('registrations.search.all') : t(`registrations.status.${s}`)}
							</option>
						))}
					</select>
				</div>
				{answerFilters.length > 0 ? (
					<div className="field">
						<label htmlFor="registrations-answer">{t('questions:list.filter')}</label>
						<select id="registrations-answer" name="answer" defaultValue={query.answer}>
							<option value="">{t('questions:list.anyAnswer')}</option>
							{answerFilters.map((question) => (
								<optgroup key={question.id} label={question.label}>
									{question.options.map((option) => (
										<option key={option.value} value={option.value}>
											{option.label}
										</option>
									))}
								</optgroup>
							))}
						</select>
					</div>
				) : null}
			</div>
			<div className="button-row">
				<button className="button small" type="submit">
					{t('registrations.search.submit')}
				</button>
				{filtered ? <Link to={{ search: '' }}>{t('registrations.search.clear')}</Link> : null}
			</div>
		</Form>
	)
}

function Consents({ consents }: { consents: Row['consents'] }) {
	const { t } = useTranslation('admin')
	const given = (['photos', 'newsletter', 'research'] as const).filter((k) => consents[k])
	if (given.length === 0) return <span className="muted">{t('registrations.consent.none')}</span>
	return <>{given.map((k) => `✓ ${t(`registrations.consent.${k}`)}`).join(', ')}</>
}

function RowActions({ row, canResend }: { row: Row; canResend: boolean }) {
	const { t } = useTranslation('admin')
	if (row.status === 'cancelled') return null
	const who = <span className="visually-hidden">: {row.name || row.email || row.phone}</span>
	return (
		// position: relative keeps the visually hidden texts inside the table: an absolute element
		// placed by an ancestor outside .table-wrap would widen the whole page on phones.
		<div className="row-actions">
			{row.status === 'confirmed' && canResend ? (
				// A new tab with the ticket page (its QR) to print: the organizer keeps the list open.
				// A POST, as opening it mints a new private link; reloadDocument: a plain form submit.
				<Form method="post" reloadDocument target="_blank">
					<input type="hidden" name="intent" value="print" />
					<input type="hidden" name="registrationId" value={row.id} />
					<button className="button small secondary" type="submit" data-print-ticket={row.id}>
						{t('registrations.printTicket')}
						{who}
					</button>
				</Form>
			) : null}
			{canResend && row.email !== null ? (
				<Form method="post">
					<input type="hidden" name="intent" value="resend" />
					<input type="hidden" name="registrationId" value={row.id} />
					<button className="button small secondary" type="submit">
						{row.status === 'confirmed' ? t('registrations.resendTicket') : t('registrations.resendNotice')}
						{who}
					</button>
				</Form>
			) : null}
			<details>
				<summary style={{ cursor: 'pointer', color: 'var(--red-700)', fontWeight: 600 }}>
					{t('registrations.cancel')}
					{who}
				</summary>
				<Form method="post" className="row-cancel">
					<input type="hidden" name="intent" value="cancel" />
					<input type="hidden" name="registrationId" value={row.id} />
					<p style={{ fontSize: '0.9rem' }}>{t('registrations.cancelQuestion')}</p>
					<button className="button small danger" type="submit">
						{t('registrations.confirmCancel')}
						{who}
					</button>
				</Form>
			</details>
		</div>
	)
}

export function RegistrationTable({ rows, eventTitle, canResend }: { rows: Row[]; eventTitle: string; canResend: boolean }) {
	const { t } = useTranslation('admin')
	return (
		<div className="table-wrap registrations-wrap">
			<table className="data registrations-table">
				<caption className="visually-hidden">{t('registrations.table.caption', { title: eventTitle })}</caption>
				<thead>
					<tr>
						<th scope="col">{t('registrations.table.name')}</th>
						<th scope="col" className="num">
							{t('registrations.table.partySize')}
						</th>
						<th scope="col">{t('registrations.table.status')}</th>
						<th scope="col">{t('registrations.table.registeredAt')}</th>
						<th scope="col">{t('registrations.table.checkedIn')}</th>
						<th scope="col">{t('registrations.table.consents')}</th>
						<th scope="col">{t('registrations.table.actions')}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={row.id} data-registration-id={row.id} data-status={row.status} data-position={row.position ?? undefined}>
							<td className="who">
								{row.name ? (
									<>
										<strong>{row.name}</strong>
										{row.email ? (
											<>
												<br />
												<span className="contact">{row.email}</span>
											</>
										) : null}
										{row.phone ? (
											<>
												<br />
												<a className="contact" href={`tel:${row.phone.replace(/[^0-9+]/g, '')}`} data-phone>
													{row.phone}
												</a>
											</>
										) : null}
									</>
								) : (
									<span className="muted">{t('registrations.erased')}</span>
								)}
							</td>
							<td className="num" data-label={t('registrations.table.partySize')}>
								{row.partySize}
							</td>
							<td style={NOWRAP} data-label={t('registrations.table.status')}>
								<span className={PILL[row.status]}>{t(`registrations.status.${row.status}`)}</span>
								{row.position ? (
									<>
										<br />
										<span className="muted">{t('registrations.position', { position: row.position })}</span>
									</>
								) : null}
							</td>
							<td data-label={t('registrations.table.registeredAt')}>
								<time dateTime={row.registeredAtIso}>{row.registeredAt}</time>
								<br />
								<span className="muted">{t(`registrations.source.${row.source}`)}</span>
							</td>
							<td data-label={t('registrations.table.checkedIn')} data-checked-in={row.checkedInAtIso ?? ''}>
								{row.checkedInAt && row.checkedInAtIso ? <time dateTime={row.checkedInAtIso}>{row.checkedInAt}</time> : null}
							</td>
							<td data-label={t('registrations.table.consents')}>
								<Consents consents={row.consents} />
								{row.answers.length > 0 ? (
									<dl className="answers" aria-label={t('questions:list.answers')} style={{ margin: '0.5rem 0 0' }}>
										{row.answers.map((line) => (
											<div key={line.id} data-question={line.id}>
												<dt className="muted">{line.label}</dt>
												<dd style={ANSWER}>{line.text}</dd>
											</div>
										))}
									</dl>
								) : null}
							</td>
							<td className="actions">
								<RowActions row={row} canResend={canResend} />
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

export function RegistrationPaging({ page, pageCount, query }: { page: number; pageCount: number; query: RegistrationListQuery }) {
	const { t } = useTranslation('admin')
	if (pageCount <= 1) return null
	const to = (p: number) => ({ search: listSearchParams({ q: query.q, status: query.status, answer: query.answer, page: p }) })
	return (
		<nav aria-label={t('registrations.paging.label')} className="button-row" style={{ marginTop: '1rem' }}>
			{page > 1 ? (
				<Link className="button small secondary" to={to(page - 1)} rel="prev">
					← {t('registrations.paging.previous')}
				</Link>
			) : null}
			<span>{t('registrations.paging.pageOf', { page, pages: pageCount })}</span>
			{page < pageCount ? (
				<Link className="button small secondary" to={to(page + 1)} rel="next">
					{t('registrations.paging.next')} →
				</Link>
			) : null}
		</nav>
	)
}

export function ManualAddForm({ maxPartySize, lastResult }: { maxPartySize: number; lastResult?: SubmissionResult<string[]> | null }) {
	const { t } = useTranslation(['admin', 'common'])
	const [form, fields] = useForm({
		id: 'manual-add',
		lastResult,
		defaultValue: { partySize: '1', locale: 'sr-Latn' },
		constraint: getZodConstraint(ManualRegistrationSchema),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ManualRegistrationSchema, error: makeZodErrorMap(t) }),
	})
	// Read the errors here, in the component that owns the form: conform records which state a
	// render read, and reads made only in the field components below can get lost, so a submit
	// that finds errors (an unticked box) would show nothing until the next keystroke.
	void form.allErrors
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<p className="muted">{t('registrations.add.hint')}</p>
			{form.errors?.length ? (
				<p className="notice danger" role="alert" id={form.errorId}>
					{form.errors.join(' ')}
				</p>
			) : null}
			<input type="hidden" name="intent" value="add" />
			<TextField field={fields.name} label={t('registrations.add.name')} autoComplete="off" />
			<div className="field-grid two">
				<TextField field={fields.email} type="email" label={t('registrations.add.email')} hint={t('registrations.add.emailHint')} autoComplete="off" />
				<TextField
					field={fields.phone}
					type="text"
					inputMode="tel"
					label={t('registrations.add.phone')}
					hint={t('registrations.add.phoneHint')}
					autoComplete="off"
				/>
			</div>
			<div className="field-grid two">
				<TextField
					field={fields.partySize}
					type="number"
					label={t('registrations.add.partySize')}
					hint={t('registrations.add.partySizeHint', { max: maxPartySize })}
					min={1}
					max={maxPartySize}
					inputMode="numeric"
				/>
				<SelectField
					field={fields.locale}
					label={t('registrations.add.locale')}
					options={LOCALES.map((l) => ({ value: l, label: t(`common:language.${l}`) }))}
				/>
			</div>
			<CheckboxField field={fields.informed} label={t('registrations.add.informed')} hint={t('registrations.add.informedHint')} />
			<div>
				<button className="button" type="submit">
					{t('registrations.add.submit')}
				</button>
			</div>
		</Form>
	)
}
