// The one-click stop of optional mails (reminders, thank-yous, messages to all), for a ticket
// (/tickets/{token}/stop-mails) and for an application (/applications/{token}/stop-mails): the
// address those mails name in their List-Unsubscribe header. GET shows what it means and a button;
// POST stops them. A mail provider's RFC 8058 POST carries no Origin and no Sec-Fetch-Site, which
// the HTTP layer's same-site check (server/http-layer.mjs isSameSiteWrite) lets through like any
// POST without them; the token in the address is the credential, and stopping is harmless and
// idempotent. The body (`List-Unsubscribe=One-Click`) is not needed: any form POST here stops.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { eventTitleIn } from '#app/domain/event-text.ts'
import {
	applicationStopTarget,
	stopOptionalMailsByApplicationToken,
	stopOptionalMailsByTicketToken,
	ticketStopTarget,
	type StopMailsTarget,
} from '#app/services/commands/reminders.server.ts'
import { getDb, type Db } from '#app/utils/db.server.ts'
import { explicitLocale, getRequestT, withLang } from '#app/utils/i18n.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { PRIVATE_PAGE_HEADERS, privateHeaders } from './private-headers.server.ts'
import { readPageForm } from './page-form.server.ts'
import { takeRateLimit, tooManyRequests } from './rate-limit.server.ts'
import { errorResponse } from './responses.server.ts'

export type StopMailsKind = 'ticket' | 'application'

type Lookup = (db: Db, token: string) => StopMailsTarget | undefined

const KINDS: Record<StopMailsKind, { path: string; find: Lookup; stop: Lookup }> = {
	ticket: { path: '/tickets', find: ticketStopTarget, stop: stopOptionalMailsByTicketToken },
	application: { path: '/applications', find: applicationStopTarget, stop: stopOptionalMailsByApplicationToken },
}

const notFound = () => errorResponse(404, privateHeaders())

export function stopMailsLoader(kind: StopMailsKind) {
	return async ({ request, params }: LoaderFunctionArgs) => {
		const token = params.token ?? ''
		const target = KINDS[kind].find(getDb(), token)
		if (!target) throw notFound()
		const { t, locale } = await getRequestT(request, kind)
		return {
			eventTitle: eventTitleIn({ title: target.eventTitle, titleEn: target.eventTitleEn }, locale),
			stopped: target.stoppedAt !== null,
			back: withLang(`${KINDS[kind].path}/${token}`, explicitLocale(request)),
			title: pageTitle(locale, t('stopMails.title')),
		}
	}
}

export function stopMailsAction(kind: StopMailsKind) {
	return async ({ request, params, context }: ActionFunctionArgs) => {
		await readPageForm(request, { headers: PRIVATE_PAGE_HEADERS })
		const limit = takeRateLimit(context)
		if (!limit.ok) {
			const { t } = await getRequestT(request, 'api')
			return data({ stopped: false, error: t('errors.rate_limited') as string | null }, tooManyRequests(limit.retryAfterSeconds))
		}
		if (!KINDS[kind].stop(getDb(), params.token ?? '')) throw notFound()
		return data({ stopped: true, error: null as string | null })
	}
}
