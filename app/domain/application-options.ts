// The code lists of an exhibitor application. Codes are stable (stored, sent through the API,
// used in reports); words for them live in the message catalogs, except municipality names,
// which are proper names and read the same in every language.

/** The legal forms an applicant can choose, exactly as CONTRACT.md names them. */
export const LEGAL_FORMS = [
	'entrepreneur',
	'lump_sum_entrepreneur',
	'llc',
	'partnership',
	'cooperative',
	'social_cooperative',
	'association',
	'foundation',
	'disability_employment_company',
	'informal_group',
	'other',
] as const
export type LegalForm = (typeof LEGAL_FORMS)[number]

/**
 * Forms that can hold the social-enterprise status under the 2022 Law on Social Entrepreneurship
 * (Sl. glasnik RS 14/2022): entrepreneurs, companies, cooperatives, associations, foundations and
 * companies for employment of persons with disabilities. Lump-sum (paušal) entrepreneurs are
 * excluded by the law; an informal group is not a legal person at all; "other" is unknown.
 */
export const STATUS_ELIGIBLE_LEGAL_FORMS = [
	'entrepreneur',
	'llc',
	'partnership',
	'cooperative',
	'social_cooperative',
	'association',
	'foundation',
	'disability_employment_company',
] as const satisfies readonly LegalForm[]

/** Forms entered in a register (APR), so they have a company number (MB) and a tax number (PIB). */
export const REGISTERED_LEGAL_FORMS = [
	'entrepreneur',
	'lump_sum_entrepreneur',
	'llc',
	'partnership',
	'cooperative',
	'social_cooperative',
	'association',
	'foundation',
	'disability_employment_company',
] as const satisfies readonly LegalForm[]

export function canHoldSocialEnterpriseStatus(form: LegalForm): boolean {
	return (STATUS_ELIGIBLE_LEGAL_FORMS as readonly LegalForm[]).includes(form)
}

export function isRegisteredLegalForm(form: LegalForm): boolean {
	return (REGISTERED_LEGAL_FORMS as readonly LegalForm[]).includes(form)
}

/** A new fair starts with these product categories; organizers may edit them per fair. */
export const DEFAULT_CATEGORIES = ['food', 'handicrafts', 'textiles', 'upcycling', 'cosmetics', 'plants', 'services', 'other'] as const
export type DefaultCategory = (typeof DEFAULT_CATEGORIES)[number]

/** Is the social-enterprise status entered in the APR register? */
export const APR_STATUS = ['yes', 'no', 'pending', 'dont_know'] as const
export type AprStatus = (typeof APR_STATUS)[number]

/** The four ways of achieving the status (the 2022 law, Art. 6). More than one may apply. */
export const STATUS_WAYS = ['general_interest', 'work_integration', 'local_development', 'other'] as const
export type StatusWay = (typeof STATUS_WAYS)[number]

/** Staff from vulnerable groups, counted per group (counts only, never names). */
export const VULNERABLE_STAFF_GROUPS = [
	'disability',
	'roma',
	'youth',
	'over_50',
	'long_term_unemployed',
	'social_assistance',
	'violence_survivors',
	'other',
] as const
export type VulnerableStaffGroup = (typeof VULNERABLE_STAFF_GROUPS)[number]

/**
 * Where applicants come from: the Rasina district first (the Center reports by it), then the
 * nearby municipalities and the big cities exhibitors realistically travel from, then "other".
 * The codes of the Rasina ones match the registration form's MUNICIPALITIES.
 */
export const MUNICIPALITIES_RASINA_FIRST = [
	'krusevac',
	'aleksandrovac',
	'brus',
	'cicevac',
	'trstenik',
	'varvarin',
	'kraljevo',
	'vrnjacka_banja',
	'cacak',
	'kragujevac',
	'jagodina',
	'paracin',
	'cuprija',
	'rekovac',
	'razanj',
	'aleksinac',
	'nis',
	'blace',
	'prokuplje',
	'kursumlija',
	'raska',
	'novi_pazar',
	'leskovac',
	'beograd',
	'novi_sad',
	'other',
] as const
export type Municipality = (typeof MUNICIPALITIES_RASINA_FIRST)[number]
export const RASINA_MUNICIPALITIES = ['krusevac', 'aleksandrovac', 'brus', 'cicevac', 'trstenik', 'varvarin'] as const satisfies readonly Municipality[]

/**
 * Proper names in Serbian Latin; Cyrillic is derived from them and English uses them as they are.
 * "other" has no proper name: its words come from the catalogs like any other label.
 */
export const MUNICIPALITY_NAMES: Record<Exclude<Municipality, 'other'>, string> = {
	krusevac: 'Kruševac',
	aleksandrovac: 'Aleksandrovac',
	brus: 'Brus',
	cicevac: 'Ćićevac',
	trstenik: 'Trstenik',
	varvarin: 'Varvarin',
	kraljevo: 'Kraljevo',
	vrnjacka_banja: 'Vrnjačka Banja',
	cacak: 'Čačak',
	kragujevac: 'Kragujevac',
	jagodina: 'Jagodina',
	paracin: 'Paraćin',
	cuprija: 'Ćuprija',
	rekovac: 'Rekovac',
	razanj: 'Ražanj',
	aleksinac: 'Aleksinac',
	nis: 'Niš',
	blace: 'Blace',
	prokuplje: 'Prokuplje',
	kursumlija: 'Kuršumlija',
	raska: 'Raška',
	novi_pazar: 'Novi Pazar',
	leskovac: 'Leskovac',
	beograd: 'Beograd',
	novi_sad: 'Novi Sad',
}

export function isRasinaMunicipality(code: Municipality): boolean {
	return (RASINA_MUNICIPALITIES as readonly Municipality[]).includes(code)
}
