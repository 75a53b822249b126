// POST /api/v1/fairs/{slug}/messages (organizer; Idempotency-Key): a message to the fair's exhibitors
// (by RELEASED decision). Without `send: true` a preview, 200 {recipients}; with it 202 {message: {id, recipients}}.
import { apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { MESSAGE_METHODS, messageAction } from '#app/http/message-route.server.ts'

export const loader = apiMethodNotAllowed(MESSAGE_METHODS, { role: 'organizer' })

export const action = messageAction('exhibitors')
