// The one action behind POST /api/v1/events/{slug}/messages (visitors) and
// POST /api/v1/fairs/{slug}/messages (exhibitors): the same preview, send and Idempotency-Key;
// only whom it reaches (and so the audiences it takes, and the address's guard) differ.
import { ExhibitorMessageSchema, VisitorMessageSchema, messageText } from '#app/domain/message-input.ts'
import type { MessageTarget } from '#app/domain/vocabulary.ts'
import { hashRequestBody } from '#app/services/commands/idempotency.server.ts'
import { countRecipients, sendMessageThroughApi } from '#app/services/commands/messages.server.ts'
import { readJsonBodyAndText, serviceErrorAnswer } from '#app/http/api.server.ts'
import { apiAction } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'

export const MESSAGE_METHODS = ['POST']

export function messageAction(target: MessageTarget) {
	const schema = target === 'visitors' ? VisitorMessageSchema : ExhibitorMessageSchema
	return apiAction(
		{ allow: MESSAGE_METHODS, role: 'organizer', scope: target === 'visitors' ? 'event' : 'fair', limit: 'idempotent' },
		async ({ request, event, principal, idempotencyKey }) => {
			const { data: body, text } = await readJsonBodyAndText(request, schema)
			const headers = { 'Cache-Control': 'no-store' }
			if (!body.send) return Response.json({ recipients: countRecipients(getDb(), event.id, target, body.audience) }, { headers })
			const { t } = await getRequestT(request, ['api', 'common'])
			const answer = sendMessageThroughApi(
				getDb(),
				{
					event,
					target,
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
}
