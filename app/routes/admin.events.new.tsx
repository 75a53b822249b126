import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EventForm } from '#app/components/event-form.tsx'
import { EventFormSchema, eventInputFromForm } from '#app/domain/event-input.ts'
import { createEvent } from '#app/services/commands/events.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { pageTitle, siteName, metaLocale } from '#app/utils/page-title.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { t, locale } = await getRequestT(request, 'admin')
	return { title: pageTitle(locale, t('eventForm.newTitle')) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const { t } = await getRequestT(request, ['admin', 'common', 'api'])
	const formData = await readPageForm(request)
	const submission = parseWithZod(formData, { schema: EventFormSchema, error: makeZodErrorMap(t) })
	if (submission.status !== 'success') return { result: submission.reply() }
	const status = formData.get('intent') === 'publish' ? 'published' : 'draft'
	try {
		const event = createEvent(getDb(), { ...eventInputFromForm(submission.value), status }, { kind: 'user', id: user.id }, new Date(), {
			pastStartConfirmed: submission.value.confirmPast,
		})
		return redirect(`/admin/events/${event.id}?saved=${status}`)
	} catch (error) {
		if (error instanceof ServiceError && error.code === 'past_start_unconfirmed') {
			return { result: submission.reply({ fieldErrors: { confirmPast: [t('admin:eventPage.pastStartRequired')] } }) }
		}
		if (error instanceof ServiceError && error.field) {
			return { result: submission.reply({ fieldErrors: { [error.field]: [t(`api:errors.${error.code}`)] } }) }
		}
		throw error
	}
}

export default function NewEvent() {
	useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('admin')
	return (
		<div className="container narrow" style={{ padding: 0 }}>
			<h1>{t('eventForm.newTitle')}</h1>
			<EventForm
				mode="create"
				lastResult={actionData?.result}
				defaultValue={{ kind: 'workshop', venueCity: 'Kruševac', maxPartySize: '1', reminderHoursBefore: '24', waitlist: 'on', reentryAllowed: 'on' }}
			/>
		</div>
	)
}
