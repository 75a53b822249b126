// Headers for everything under /tickets/{token}: the token in the address is the credential, so
// nothing is cached, indexed, or sent on as a Referer.
export const PRIVATE_PAGE_HEADERS = {
	'Cache-Control': 'private, no-store',
	'Referrer-Policy': 'no-referrer',
	'X-Robots-Tag': 'noindex, nofollow',
} as const

export function privateHeaders(extra: Record<string, string> = {}): Headers {
	return new Headers({ ...PRIVATE_PAGE_HEADERS, ...extra })
}
