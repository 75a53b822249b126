// POST /api/v1/events/{slug}/messages (organizer; Idempotency-Key): a message to the event's
// visitors. Without `send: true` a preview, 200 {recipients}; with it 202 {message: {id, recipients}}.
import { VisitorMessageSchema, messageText } from '#app/domain/message-input.ts'
import { hashRequestBody } from '#app/services/commands/idempotency.server.ts'
import { countRecipients, sendMessageThroughApi } from '#app/services/commands/messages.server.ts'
import { readJsonBodyAndText, serviceErrorAnswer } from '#app/http/api.server.ts'
import { apiAction, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

const ALLOWED = ['POST']

export const loader = apiMethodNotAllowed(ALLOWED, { role: 'organizer' })

export const action = apiAction(
	{ allow: ALLOWED, role: 'organizer', scope: 'event', limit: 'idempotent' },
	async ({ request, event, principal, idempotencyKey }) => {
		const { data: body, text } = await readJsonBodyAndText(request, VisitorMessageSchema)
		const headers = { 'Cache-Control': 'no-store' }
		if (!body.send) return Response.json({ recipients: countRecipients(getDb(), event.id, 'visitors', body.audience) }, { headers })
		const { t } = await getRequestT(request, ['api', 'common'])
		const answer = sendMessageThroughApi(
			getDb(),
			{
				event,
				target: 'visitors',
				audience: body.audience,
				letter: { subject: messageText(body.subject), body: messageText(body.body) },
				idempotency: { key: idempotencyKey, bodyHash: hashRequestBody(text) },
			},
			principal.actor,
			(error) => serviceErrorAnswer(t, error),
		)
		return Response.json(answer.body, { status: answer.status, headers: { ...headers, ...(answer.replayed ? { 'Idempotent-Replayed': 'true' } : {}) } })
	},
)
