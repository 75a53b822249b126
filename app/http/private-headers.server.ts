// Headers for the private links (/tickets/{token}, /applications/{token}): the token in the address
// is the credential, so nothing is cached, indexed, or sent on as a Referer to another site.
// `same-origin`, not `no-referrer`: under no-referrer a browser posts the page's own forms with
// `Origin: null`, which Remix's CSRF check refuses, so cancel and delete failed without JavaScript.
export const PRIVATE_PAGE_HEADERS = {
	'Cache-Control': 'private, no-store',
	'Referrer-Policy': 'same-origin',
	'X-Robots-Tag': 'noindex, nofollow',
} as const

export function privateHeaders(extra: Record<string, string> = {}): Headers {
	return new Headers({ ...PRIVATE_PAGE_HEADERS, ...extra })
}
