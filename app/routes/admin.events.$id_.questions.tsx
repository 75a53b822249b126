// /admin/events/{id}/questions (issue 18): the organizer's own questions on the event's
// registration form, and the built-in accessibility question's switch. A plain POST form.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EventQuestionEditor } from '#app/components/event-question-editor.tsx'
import { eventQuestionFormValues } from '#app/domain/event-question-form.ts'
import { MAX_EVENT_QUESTIONS } from '#app/domain/event-questions.ts'
import { requireAdminEvent } from '#app/http/admin-event.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { eventQuestionEditorAction } from '#app/http/event-question-editor.server.ts'
import { answeredQuestionIds, eventQuestions } from '#app/services/queries/event-questions.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { metaLocale, pageTitle, siteName } from '#app/utils/page-title.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	const { locale, t } = await getRequestT(request, 'questions')
	return {
		title: pageTitle(locale, `${t('editor.title')}: ${event.title}`),
		event: { id: event.id, title: event.title },
		values: eventQuestionFormValues(eventQuestions(event)),
		answered: [...answeredQuestionIds(getDb(), event.id)],
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireRole(request, 'organizer')
	const event = requireAdminEvent(params.id)
	return eventQuestionEditorAction(request, { kind: 'user', id: user.id }, event)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	{ title: data?.title ?? siteName(metaLocale(matches)) },
	{ name: 'robots', content: 'noindex' },
]

export default function EventQuestionsPage() {
	const data = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const [search] = useSearchParams()
	const { t } = useTranslation('questions')
	return (
		<>
			<p className="breadcrumb">
				<Link to={`/admin/events/${data.event.id}`}>← {t('editor.back')}</Link>
			</p>
			<h1>
				{t('editor.title')}: {data.event.title}
			</h1>
			{!answer && search.get('saved') ? (
				<p className="notice success" role="status">
					{t('editor.saved')}
				</p>
			) : null}
			<p>{t('editor.intro', { count: MAX_EVENT_QUESTIONS })}</p>
			<EventQuestionEditor values={answer?.values ?? data.values} errors={answer?.errors ?? {}} answered={data.answered} max={MAX_EVENT_QUESTIONS} />
		</>
	)
}
