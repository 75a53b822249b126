// The one reader of a page form's body, for every route action that takes a form (not the JSON
// API, which has its own in api.server.ts). A body the form cannot have sent is the client's
// mistake, never a 500: 415 for a content type the form does not take, 400 for a body that does
// not parse (a cut-off or random multipart, a missing boundary), 413 over the size limits. The
// refusal is thrown as a Response, so the root ErrorBoundary shows the normal error page in the
// reader's language; it logs one line, no stack trace, and nothing is stored.
//
// server.mjs refuses oversized bodies before Remix sees them; the limits here are the second line
// (a body with no Content-Length, or a route reached some other way), counted byte by byte.

export const PAGE_FORM_MAX_BYTES = 1024 * 1024
export const MULTIPART_MAX_BYTES = 4 * 1024 * 1024

/** How much of a refused body is read (and dropped) before the connection is cut. */
const DRAIN_MAX_BYTES = 32 * 1024 * 1024

const URLENCODED = 'application/x-www-form-urlencoded'
const MULTIPART = 'multipart/form-data'

export type PageFormOptions = {
	/** The route takes uploads: `multipart/form-data` is accepted too, up to MULTIPART_MAX_BYTES. */
	uploads?: boolean
	/** Headers for a refusal, e.g. a private page's `Cache-Control: private, no-store`. */
	headers?: HeadersInit
}

export type PageFormRefusal = 400 | 405 | 413 | 415

const REASONS: Record<PageFormRefusal, string> = {
	400: 'bad_request',
	405: 'method_not_allowed',
	413: 'payload_too_large',
	415: 'unsupported_media_type',
}

/** The address for a log line, without the credential of a private link (/tickets/{token}, /applications/{token}). */
function loggedPath(request: Request): string {
	const { pathname } = new URL(request.url)
	return pathname.replace(/^\/(tickets|applications)\/[^/]+/, '/$1/…')
}

/** The refusal as the page's answer (thrown by the caller), after one log line. */
export function pageFormRefusal(request: Request, status: PageFormRefusal, detail: string, headers?: HeadersInit): Response {
	console.warn(`page form: ${status} ${request.method} ${loggedPath(request)} (${detail})`)
	return new Response(REASONS[status], { status, headers })
}

/** The media type of a Content-Type header, lower case, without its parameters; '' when there is none. */
function mediaType(contentType: string | null): string {
	return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

/**
 * Reads what is left of the body and drops it, up to DRAIN_MAX_BYTES, so a refused request is
 * answered on a connection that stays usable (a body left unread makes the server cut the
 * connection, and the client may see a reset instead of the answer). A sender that goes on and on
 * is cut off.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead = 0): Promise<void> {
	let size = alreadyRead
	try {
		while (size <= DRAIN_MAX_BYTES) {
			const next = await reader.read()
			if (next.done) return
			size += next.value.byteLength
		}
		await reader.cancel()
	} catch {
		// The client went away: nothing to answer on.
	}
}

/**
 * For an action that refuses before it reads the form (an unknown private link): the body is read
 * and dropped first, so the refusal is answered, not cut off with the connection.
 */
export async function discardPageForm(request: Request): Promise<void> {
	if (request.body && !request.bodyUsed) await drain(request.body.getReader())
}

/** A refusal before the body was read: the body is drained first. */
async function refuseUnread(request: Request, status: PageFormRefusal, detail: string, headers?: HeadersInit): Promise<Response> {
	await discardPageForm(request)
	return pageFormRefusal(request, status, detail, headers)
}

/** Reads the whole body, counting: null once it passes `limit` (the rest is drained, not kept). */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
	if (!request.body) return new Uint8Array(0)
	const reader = request.body.getReader()
	const chunks: Uint8Array[] = []
	let size = 0
	while (true) {
		const { done, value } = await reader.read()
		if (done) break
		size += value.byteLength
		if (size > limit) {
			await drain(reader, size)
			return null
		}
		chunks.push(value)
	}
	const body = new Uint8Array(size)
	let offset = 0
	for (const chunk of chunks) {
		body.set(chunk, offset)
		offset += chunk.byteLength
	}
	return body
}

/**
 * The posted form. Accepts `application/x-www-form-urlencoded` (up to PAGE_FORM_MAX_BYTES) and,
 * with `uploads`, `multipart/form-data` (up to MULTIPART_MAX_BYTES; files come as File entries).
 * Throws a Response of 415, 400 or 413 for anything else.
 */
export async function readPageForm(request: Request, options: PageFormOptions = {}): Promise<FormData> {
	const contentType = request.headers.get('Content-Type')
	const type = mediaType(contentType)
	const multipart = type === MULTIPART && options.uploads === true
	if (type !== URLENCODED && !multipart) {
		throw await refuseUnread(request, 415, `content type ${JSON.stringify(type.slice(0, 80) || 'none')}`, options.headers)
	}
	const limit = multipart ? MULTIPART_MAX_BYTES : PAGE_FORM_MAX_BYTES
	const declared = Number(request.headers.get('Content-Length') ?? '0')
	if (declared > limit) throw await refuseUnread(request, 413, `declared ${declared} bytes`, options.headers)

	let body: Uint8Array<ArrayBuffer> | null
	try {
		body = await readCapped(request, limit)
	} catch {
		// The client went away or sent a broken chunked body.
		throw pageFormRefusal(request, 400, 'body could not be read', options.headers)
	}
	if (body === null) throw pageFormRefusal(request, 413, `over ${limit} bytes`, options.headers)

	if (!multipart) {
		const form = new FormData()
		for (const [name, value] of new URLSearchParams(new TextDecoder().decode(body))) form.append(name, value)
		return form
	}
	if (!/;\s*boundary=/i.test(contentType ?? '')) throw pageFormRefusal(request, 400, 'multipart without a boundary', options.headers)
	try {
		// The platform's parser: strict, so a cut-off, random or mislabelled body is an error, not a guess.
		return await new Response(body, { headers: { 'Content-Type': contentType! } }).formData()
	} catch {
		throw pageFormRefusal(request, 400, 'multipart body does not parse', options.headers)
	}
}

/**
 * The action of a page that takes no form: a POST (or any other method but GET) is a 405 page,
 * the same as Remix answers by itself, but logged as one line instead of a stack trace.
 */
export async function methodNotAllowed({ request }: { request: Request }): Promise<never> {
	throw await refuseUnread(request, 405, 'this page takes no form', { Allow: 'GET, HEAD' })
}
