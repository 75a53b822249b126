// The plain refusals a page or resource route ends a request with: thrown, so the root
// ErrorBoundary (or a route's own) shows the error page in the reader's language. The body is a
// word for logs and curl; the page never shows it. The JSON API has its own (apiError).

const TEXTS = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' } as const

export type RefusalStatus = keyof typeof TEXTS

/** The refusal to throw: `throw errorResponse(404)`; headers for a private page's `no-store` and the like. */
export function errorResponse(status: RefusalStatus, headers?: HeadersInit): Response {
	return new Response(TEXTS[status], { status, headers })
}

/** Ends the request with the refusal unless the condition holds: `invariantResponse(event, 404)`. */
export function invariantResponse(condition: unknown, status: RefusalStatus, headers?: HeadersInit): asserts condition {
	if (!condition) throw errorResponse(status, headers)
}
