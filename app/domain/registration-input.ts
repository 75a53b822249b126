// What a visitor gives when registering, through the public form or the JSON API. The form
// schema runs in the browser and on the server (conform); the API schema follows CONTRACT.md.
// Only the privacy notice must be accepted; every other consent and every demographic question
// is optional, unticked, and never a condition for a ticket (ZZPL).
import { z } from 'zod'
import { LOCALES } from './locale.ts'
import { MAX_PARTY_SIZE } from './event-input.ts'
import { issueKey } from './input-fields.ts'

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say'

export const GENDERS = ['female', 'male', 'other', PREFER_NOT_TO_SAY] as const
export const AGE_GROUPS = ['under_15', '15_24', '25_34', '35_49', '50_64', '65_plus', PREFER_NOT_TO_SAY] as const
/** The Rasina district's municipalities first, as the Center reports by them. */
export const MUNICIPALITIES = ['krusevac', 'aleksandrovac', 'brus', 'cicevac', 'trstenik', 'varvarin', 'other', PREFER_NOT_TO_SAY] as const
export const VULNERABLE_GROUPS = [
	'none',
	'disability',
	'roma',
	'youth',
	'over_50',
	'long_term_unemployed',
	'social_assistance',
	'rural_women',
	'violence_survivors',
	'refugees_idps',
	'other',
	PREFER_NOT_TO_SAY,
] as const

const name = z.string().trim().min(2).max(120)
// Trim before checking the format: zod 4's z.email() checks first, so " a@b.rs " would fail.
const email = z.string().trim().toLowerCase().max(200).pipe(z.email())
const partySize = z.number().int().min(1).max(MAX_PARTY_SIZE)
const locale = z.enum(LOCALES)

export const DemographicsSchema = z.strictObject({
	gender: z.enum(GENDERS).optional(),
	ageGroup: z.enum(AGE_GROUPS).optional(),
	municipality: z.enum(MUNICIPALITIES).optional(),
	vulnerableGroup: z.enum(VULNERABLE_GROUPS).optional(),
})

export type RegistrationInput = {
	name: string
	/** Null only for a registration an organizer takes without an address (then nothing is mailed). */
	email: string | null
	/** Given with a registration an organizer takes by hand; never asked of visitors. */
	phone?: string | null
	partySize: number
	locale: (typeof LOCALES)[number]
	/** `funderList`: name and municipality on the participant list for the funders (off when left out). */
	consent: { privacy: true; photos: boolean; newsletter: boolean; research: boolean; funderList?: boolean }
	demographics: z.infer<typeof DemographicsSchema>
	/** The answers to the event's own questions, keyed by question id; checked against them by the command (event-questions.ts). */
	answers?: unknown
}

/** POST /api/v1/events/{slug}/registrations */
export const RegistrationApiSchema = z.strictObject({
	name,
	email,
	partySize: partySize.default(1),
	locale: locale.optional(),
	consent: z.strictObject({
		privacy: z.boolean().refine((v) => v === true, issueKey('privacyRequired')) as unknown as z.ZodLiteral<true>,
		photos: z.boolean().default(false),
		newsletter: z.boolean().default(false),
		research: z.boolean().default(false),
		funderList: z.boolean().default(false),
	}),
	demographics: DemographicsSchema.default({}),
	// Checked against the event's questions by the command (parseEventAnswers), each id on its own.
	answers: z.record(z.string(), z.unknown()).optional(),
})

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on')
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional()

/** The form on the event page. Empty select = not answered. */
export const RegistrationFormSchema = z.object({
	name,
	email,
	partySize: z.coerce.number<string>().pipe(partySize).default(1),
	locale: locale.optional(),
	// Not .optional(): zod 4 skips refinements on an optional field that is absent, and an
	// unticked checkbox is exactly that. The default makes the refinement see it.
	consentPrivacy: z
		.string()
		.default('')
		.refine((v) => v === 'on', issueKey('privacyRequired')),
	consentPhotos: checkbox,
	consentNewsletter: checkbox,
	consentResearch: checkbox,
	consentFunderList: checkbox,
	gender: optionalChoice(GENDERS),
	ageGroup: optionalChoice(AGE_GROUPS),
	municipality: optionalChoice(MUNICIPALITIES),
	vulnerableGroup: optionalChoice(VULNERABLE_GROUPS),
	/** Honeypot: hidden from people, filled by bots. Checked by the route, not a validation error. */
	website: z.string().optional(),
})

export function registrationInputFromApi(body: z.infer<typeof RegistrationApiSchema>, fallbackLocale: RegistrationInput['locale']): RegistrationInput {
	return {
		name: body.name,
		email: body.email,
		partySize: body.partySize,
		locale: body.locale ?? fallbackLocale,
		consent: {
			privacy: true,
			photos: body.consent.photos,
			newsletter: body.consent.newsletter,
			research: body.consent.research,
			funderList: body.consent.funderList,
		},
		demographics: body.demographics,
		answers: body.answers,
	}
}

export function registrationInputFromForm(
	values: z.infer<typeof RegistrationFormSchema>,
	fallbackLocale: RegistrationInput['locale'],
	answers?: Record<string, unknown>,
): RegistrationInput {
	return {
		answers,
		name: values.name,
		email: values.email,
		partySize: values.partySize,
		locale: values.locale ?? fallbackLocale,
		consent: {
			privacy: true,
			photos: values.consentPhotos,
			newsletter: values.consentNewsletter,
			research: values.consentResearch,
			funderList: values.consentFunderList,
		},
		demographics: {
			gender: values.gender,
			ageGroup: values.ageGroup,
			municipality: values.municipality,
			vulnerableGroup: values.vulnerableGroup,
		},
	}
}
