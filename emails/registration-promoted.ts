// Sent when a place opened up and a waitlisted party was confirmed: the same ticket and invite as
// a confirmation, with words that say what happened.
import { ticketMail } from './registration-confirmed.ts'
import type { MailBuilder } from './types.ts'

export const registrationPromoted: MailBuilder = (params, ctx) => ticketMail(params, ctx, 'promoted')
