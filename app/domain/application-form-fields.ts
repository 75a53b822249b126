// The application form's field names and list lengths, apart from its zod schema
// (application-form.ts), and the new form's values, so the form's browser code does not bring zod along (decision 0012).
import type { ApplicationFormValue } from './application-form.ts'

/** How many social-link inputs the form shows (the API takes up to MAX_SOCIAL_LINKS). */
export const FORM_SOCIAL_LINKS = 3
/** Ranked stand preferences (the API's MAX_PREFERENCES). */
export const FORM_PREFERENCES = 3
/** The uploaded logo's part name and the hidden field carrying a kept draft's token. */
export const LOGO_FIELD = 'logo'
export const LOGO_TOKEN_FIELD = 'logoToken'
/** The honeypot: people never see it, bots fill it. */
export const HONEYPOT_FIELD = 'website'

/** The values of a new, empty form: as many blank social links and preferences as inputs shown. */
export function emptyFormValue(): Partial<ApplicationFormValue> {
	const blanks = (length: number) => Array<string>(length).fill('')
	return { organization: { social: blanks(FORM_SOCIAL_LINKS) } as ApplicationFormValue['organization'], preferences: blanks(FORM_PREFERENCES) }
}
