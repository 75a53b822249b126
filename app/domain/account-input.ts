// The forms of staff accounts: invitations, roles, passwords, API tokens. The same schemas run in
// the browser (conform) and on the server.
import { z } from 'zod'
import { PASSWORD_MAX, PASSWORD_MIN } from './account-rules.ts'
import { LOCALES } from './locale.ts'
import { ROLES } from './vocabulary.ts'

const email = z.string().trim().max(200).pipe(z.email())
const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX)

const confirm = z.string().max(PASSWORD_MAX)
/** A new password typed twice; a mismatch is reported on the second field. */
const samePassword: [(v: { password: string; confirm: string }) => boolean, { path: string[]; params: { key: string } }] = [
	(v) => v.password === v.confirm,
	{ path: ['confirm'], params: { key: 'passwordsDiffer' } },
]

export const ForgotPasswordSchema = z.object({ email })

export const ResetPasswordSchema = z.object({ password, confirm }).refine(...samePassword)

export const AcceptInvitationSchema = z.object({ name: z.string().trim().min(1).max(120), password, confirm }).refine(...samePassword)

export const ChangePasswordSchema = z.object({ current: z.string().min(1).max(PASSWORD_MAX), password, confirm }).refine(...samePassword)

export const InviteSchema = z.object({
	email,
	name: z.string().trim().max(120).optional(),
	role: z.enum(ROLES),
	locale: z.enum(LOCALES),
})

/** One row's buttons on the users page: a role, or disable / enable. */
export const UserAccessSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('role'), userId: z.coerce.number().int().positive(), role: z.enum(ROLES) }),
	z.object({ intent: z.literal('disable'), userId: z.coerce.number().int().positive() }),
	z.object({ intent: z.literal('enable'), userId: z.coerce.number().int().positive() }),
])

export const TokenCreateFormSchema = z
	.object({
		name: z.string().trim().min(1).max(120),
		role: z.enum(ROLES),
		/** An event's slug; only for a scanner token. */
		event: z.string().trim().max(200).optional(),
		days: z.number().int().min(1).max(3650).optional(),
	})
	.refine((v) => !v.event || v.role === 'scanner', { path: ['event'], params: { key: 'tokenEventOnlyScanner' } })

export const RevokeTokenSchema = z.object({ intent: z.literal('revoke'), tokenId: z.coerce.number().int().positive() })
