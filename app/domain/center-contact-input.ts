// /admin/settings: the Center's contact as the admin types it (center-contact.ts shows it). Apart,
// so the footer of every hydrated page does not bring zod into the browser (decision 0012).
import { z } from 'zod'
import { PHONE_PATTERN } from './application-input.ts'
import { issueKey } from './input-fields.ts'

/** An empty field means "not set" (for the address: fall back to CONTACT_EMAIL). */
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** The phone as typed (shown so), checked on its digits. */
const phone = z
	.string()
	.trim()
	.max(40)
	.refine((v) => PHONE_PATTERN.test(v.replace(/[\s/().-]/g, '')), issueKey('phone'))

/** /admin/settings: the Center's contact. */
export const CenterContactSchema = z.object({
	email: z.preprocess(blankAsUndefined, z.string().trim().max(200).pipe(z.email()).optional()),
	phone: z.preprocess(blankAsUndefined, phone.optional()),
	address: z.preprocess(blankAsUndefined, z.string().trim().max(200).optional()),
})

export type CenterContactInput = z.infer<typeof CenterContactSchema>
