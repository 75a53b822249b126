import type { AppLoadContext } from '@remix-run/node'
import type { TFunction } from 'i18next'
// The JSON API's error shape and body parsing, as CONTRACT.md fixes them:
// {"error": code, "message": text, "fields"?: {...}}; 400 bad JSON, 413 too large, 422 invalid.
import type { z } from 'zod'
import { ServiceError } from '#app/services/errors.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { takeRateLimit, tooManyRequests } from '#app/http/rate-limit.server.ts'
import { issuesToFields, makeZodErrorMap } from '#app/utils/validation.ts'

export const MAX_JSON_BYTES = 64 * 1024

export async function apiError(
	request: Request,
	status: number,
	code: string,
	extra: { fields?: Record<string, string[]>; headers?: HeadersInit; values?: Record<string, unknown> } = {},
): Promise<Response> {
	const { t } = await getRequestT(request, 'api')
	const message = t(`api:errors.${code}`, { defaultValue: t('api:errors.generic'), ...extra.values })
	const body: Record<string, unknown> = { error: code, message }
	if (extra.fields) body.fields = extra.fields
	return Response.json(body, { status, headers: extra.headers })
}

/**
 * Reads and validates a JSON body. Throws the error Response for malformed JSON (400),
 * an oversized body (413) or invalid fields (422, with messages in the caller's language).
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, options: { maxBytes?: number } = {}): Promise<z.output<S>> {
	return (await readJsonBodyAndText(request, schema, options)).data
}

/** readJsonBody, also returning the exact text that was parsed (for Idempotency-Key hashing). */
export async function readJsonBodyAndText<S extends z.ZodType>(
	request: Request,
	schema: S,
	{ maxBytes = MAX_JSON_BYTES }: { maxBytes?: number } = {},
): Promise<{ data: z.output<S>; text: string }> {
	const declared = Number(request.headers.get('Content-Length') ?? 0)
	if (declared > maxBytes) throw await apiError(request, 413, 'payload_too_large')
	const text = await request.text()
	// A UTF-16 unit is at most 3 UTF-8 bytes, so only a long text needs counting.
	if (text.length > maxBytes / 3 && Buffer.byteLength(text) > maxBytes) throw await apiError(request, 413, 'payload_too_large')
	let data: unknown
	try {
		data = JSON.parse(text)
	} catch {
		throw await apiError(request, 400, 'bad_json')
	}
	const parsed = schema.safeParse(data)
	if (!parsed.success) {
		// Messages in the caller's language are made only when there is something to say.
		const { t } = await getRequestT(request, ['api', 'common'])
		const issues = schema.safeParse(data, { error: makeZodErrorMap(t) }).error?.issues ?? parsed.error.issues
		throw await apiError(request, 422, 'invalid_fields', { fields: issuesToFields(issues) })
	}
	return { data: parsed.data, text }
}

/** A numeric id from the URL (/registrations/{id}/...), or null when it is not a plain positive integer. */
export function idParam(value: string | undefined): number | null {
	const id = Number(value)
	return Number.isSafeInteger(id) && id > 0 && String(id) === value ? id : null
}

/** The numeric id of the address, or the API's 404 `not_found` when it is not a plain positive integer. */
export async function requireApiId(request: Request, value: string | undefined): Promise<number> {
	const id = idParam(value)
	if (id === null) throw await apiError(request, 404, 'not_found')
	return id
}

/** 405 for a method a resource does not have, with the ones it does. */
export async function methodNotAllowed(request: Request, allowed: readonly string[]) {
	return apiError(request, 405, 'method_not_allowed', { headers: { Allow: allowed.join(', ') } })
}

/**
 * A service's "no" as the API's error: the code and status the service chose, and the field it
 * names (if any) carrying the same message. Anything that is not a ServiceError is returned
 * unchanged, so a route can write `catch (error) { throw await asApiError(request, error) }`
 * and a real bug still surfaces as one.
 */
export async function asApiError(request: Request, error: unknown): Promise<unknown> {
	if (!(error instanceof ServiceError)) return error
	return serviceErrorResponse(request, error)
}

export async function serviceErrorResponse(request: Request, error: ServiceError): Promise<Response> {
	const { t } = await getRequestT(request, 'api')
	const message = t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') })
	// A rule about one field's value is an invalid field like any other: the same code as zod's
	// 422, with the rule's own message on the field.
	const code = error.status === 422 ? 'invalid_fields' : error.code
	return apiError(request, error.status, code, {
		fields: error.field ? { [error.field]: [message] } : undefined,
	})
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200

/** The per-client limit of a public POST: counts this request, or throws the API's 429 with Retry-After. */
export async function requireRateLimit(request: Request, context: AppLoadContext | undefined): Promise<void> {
	const limit = takeRateLimit(context)
	if (limit.ok) return
	const { status, headers } = tooManyRequests(limit.retryAfterSeconds)
	throw await apiError(request, status, 'rate_limited', { headers })
}

/**
 * The public POST's opening checks, shared by every route that takes one: the per-client rate
 * limit (429 with Retry-After) and a well-formed Idempotency-Key (422). Returns the key, or null.
 */
export async function publicPostPreamble(request: Request, context: AppLoadContext | undefined): Promise<string | null> {
	await requireRateLimit(request, context)
	const key = request.headers.get(IDEMPOTENCY_HEADER)
	if (key !== null && (key.trim() === '' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
		const { t } = await getRequestT(request, 'common')
		throw await apiError(request, 422, 'invalid_fields', {
			fields: { [IDEMPOTENCY_HEADER]: [key.trim() === '' ? t('validation.required') : t('validation.tooLong', { count: MAX_IDEMPOTENCY_KEY_LENGTH })] },
		})
	}
	return key
}

/**
 * A refusal as the API's error body, for storing with an Idempotency-Key. A rule about a body
 * field is `invalid_fields` with the message on that field, like zod's 422.
 */
export function serviceErrorAnswer(t: TFunction, error: ServiceError): { status: number; body: unknown } {
	const message = t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') })
	if (error.status === 422 && error.code !== 'idempotency_key_reused') {
		const body: Record<string, unknown> = { error: 'invalid_fields', message: t('api:errors.invalid_fields') }
		if (error.field) body.fields = { [error.field]: [message] }
		return { status: 422, body }
	}
	return { status: error.status, body: { error: error.code, message } }
}
