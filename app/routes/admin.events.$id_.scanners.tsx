// /admin/events/{id}/scanners: links that authorise a volunteer's phone to scan for this event only,
// until an expiry. A new link is shown once, with its QR drawn on the server, in the answer to the
// POST that made it (only a hash of the token is kept, so it cannot be shown again). Revoking is a
// POST that redirects back with ?revoked=.
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CreatedLink, ScannerLinkForm, ScannerLinkTable } from '#app/components/scanner-links.tsx'
import { RevokeScannerLinkSchema, ScannerLinkFormSchema, expiryFromForm } from '#app/domain/checkin-admin-input.ts'
import { createdLinkView, scannersPage } from '#app/services/views/checkin-admin-views.server.ts'
import { createScannerLink, revokeScannerLink } from '#app/services/commands/scanner-links.server.ts'
import { listScannerLinks } from '#app/services/queries/scanner-links.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import checkinStyles from '#app/styles/checkin.css?url'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { invariantResponse } from '#app/http/responses.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: checkinStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { locale, t } = await getRequestT(request, 'admin')
	return { title: pageTitle(locale, `${t('checkin.scanners.title')}: ${eventTitleIn(event, locale)}`), ...scannersPage(getDb(), event, locale) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const actor = { kind: 'user', id: user.id } as const
	const formData = await readPageForm(request)

	if (formData.get('intent') === 'revoke') {
		const form = RevokeScannerLinkSchema.safeParse(Object.fromEntries(formData))
		invariantResponse(form.success, 400)
		// Only a link of this event: the form names the link, the address names the event.
		invariantResponse(
			listScannerLinks(getDb(), event.id).some((link) => link.id === form.data.linkId),
			404,
		)
		revokeScannerLink(getDb(), form.data.linkId, actor)
		return redirect(`/admin/events/${event.id}/scanners?revoked=${form.data.linkId}`)
	}

	const { locale, t } = await getRequestT(request, ['admin', 'common', 'api'])
	const submission = parseWithZod(formData, { schema: ScannerLinkFormSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply(), created: null }
	const now = new Date()
	try {
		const created = createScannerLink(
			getDb(),
			{ eventId: event.id, expiresAt: expiryFromForm(submission.value, event, now), label: submission.value.label },
			actor,
			getEnv().PUBLIC_URL,
			now,
		)
		return { result: submission.reply({ resetForm: true }), created: createdLinkView(created, locale) }
	} catch (error) {
		if (!(error instanceof ServiceError)) throw error
		const message = t(`api:errors.${error.code}`)
		const field = submission.value.expiry === 'custom' && error.field === 'expiresAt' ? 'expiresAt' : undefined
		return { result: submission.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }), created: null }
	}
}

export default function EventScanners() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const { t } = useTranslation(['admin', 'common'])
	const { event } = data
	const revoked = data.links.find((link) => String(link.id) === searchParams.get('revoked'))
	const created = actionData?.created ?? null
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/admin/events/${event.id}/checkin`}>
					← {t('checkin.title')}: {event.title}
				</Link>
			</p>
			<h1>{t('checkin.scanners.title')}</h1>
			<p className="prose">{t('checkin.scanners.intro')}</p>
			{revoked ? (
				<p className="notice success" role="status" data-notice="revoked">
					{t('checkin.scanners.revoked', { label: revoked.label })}
				</p>
			) : null}
			{created ? <CreatedLink key={created.url} created={created} /> : null}
			<section className="card" aria-labelledby="create-title" style={{ margin: '1.25rem 0 1.5rem' }}>
				<h2 id="create-title">{t('checkin.scanners.create')}</h2>
				<ScannerLinkForm expiry={data.expiry} lastResult={actionData?.result} />
			</section>
			<section aria-labelledby="links-title">
				<h2 id="links-title">{t('checkin.scanners.listTitle')}</h2>
				{data.links.length === 0 ? (
					<p className="empty-state">{t('checkin.scanners.none')}</p>
				) : (
					<ScannerLinkTable links={data.links} eventTitle={event.title} />
				)}
			</section>
		</>
	)
}
