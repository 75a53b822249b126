// Serbian identifiers an exhibitor gives: the tax number (PIB) and the company number (matični
// broj, MB). People type them with spaces, dots or dashes ("101 134 702", "10.113.470-2"), so the
// normalizers strip those before any check.

/** Removes the separators people type: spaces (incl. non-breaking), dots and dashes. */
function stripSeparators(value: string): string {
	return value.replace(/[\s.\-\u00a0]/g, '')
}

export function normalizePib(value: string): string {
	return stripSeparators(value)
}

export function normalizeCompanyNumber(value: string): string {
	return stripSeparators(value)
}

/**
 * PIB: 9 digits, the last a check digit by ISO 7064 MOD 11,10 (the hybrid system also used by the
 * Croatian OIB). Start with 10; for each of the first 8 digits: add the digit, take mod 10 (0
 * becomes 10), double it, take mod 11. The check digit is (11 - last) mod 10.
 * Source: python-stdnum, stdnum/rs/pib.py (uses stdnum.iso7064.mod_11_10); the same steps are in
 * the OIB control description (regos.hr, "Kontrola OIB-a"). Verified on PIBs published by the
 * companies themselves, see tests/unit/serbian-ids.test.ts.
 */
export function isValidPib(value: unknown): boolean {
	if (typeof value !== 'string') return false
	const pib = normalizePib(value)
	if (!/^\d{9}$/.test(pib)) return false
	let product = 10
	for (const char of pib.slice(0, 8)) {
		const sum = (product + Number(char)) % 10 || 10
		product = (sum * 2) % 11
	}
	return (11 - product) % 10 === Number(pib[8])
}

/**
 * Matični broj of a legal entity or entrepreneur: 8 digits. Only the format is checked. The
 * weighted mod-11 check often quoted for it (weights 8…2 over the first 7 digits) does not hold for
 * real MBs published by companies (e.g. 66841251, 65794896), and we found no official statement of
 * the algorithm (RZS/APR), so refusing a real number would be worse than missing a typo.
 */
export function isValidCompanyNumber(value: unknown): boolean {
	if (typeof value !== 'string') return false
	return /^\d{8}$/.test(normalizeCompanyNumber(value))
}
