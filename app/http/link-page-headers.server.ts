// Headers of the pages opened from a one-time link (/admin/reset/…, /admin/invitation/…): the token
// in the address is a credential, so nothing is cached or indexed, and no other site gets it as a
// Referer (same-origin, not no-referrer: the page's own form must still send its Origin).
export const LINK_PAGE_HEADERS = {
	'Cache-Control': 'private, no-store',
	'Referrer-Policy': 'same-origin',
	'X-Robots-Tag': 'noindex, nofollow',
} as const
