// The JSON API's route wrapper. Every /api/v1 resource route is written as
//
//   export const loader = apiLoader({ role: 'scanner', scope: 'event' }, ({ event }) => Response.json(...))
//   export const action = apiAction({ allow: ['GET', 'HEAD', 'POST'], role: 'organizer', body: Schema }, ({ principal, body }) => ...)
//   export const loader = apiMethodNotAllowed(['POST'])          // a route without GET
//
// and the wrapper does what each of them used to write by hand, in this order: the 405 for a
// method the route does not have (with Allow), the guard (requireApiRole, with the event or the
// fair of the address), the per-client limit of a public POST, the JSON body, and a service's
// refusal (a ServiceError) as the API's error. A handler that must look something up before it
// reads the body (404 before 422) or whose schema depends on what it found reads the body itself
// with readJsonBody.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import type { EventRow, Role } from '#db/schema/index.ts'
import { asApiError, methodNotAllowed, publicPostPreamble, readJsonBody, requireRateLimit } from '#app/http/api.server.ts'
import { requireApiEventRole, requireApiFair, requireApiRole, type ApiPrincipal } from '#app/http/auth.server.ts'

export type ApiArgs = { request: Request; params: Params; context: AppLoadContext }

type Params = LoaderFunctionArgs['params']

type Answer = Response | Promise<Response>

/** Who may call. Without a role the method is public. */
export type ApiGuard =
	| { role?: undefined; scope?: undefined }
	| {
			role: Role
			/**
			 * The address names an event (/events/{slug}/...: requireApiEventRole) or a fair
			 * (/fairs/{slug}/...: requireApiFair); the handler gets it as `event`.
			 */
			scope?: 'event' | 'fair'
	  }

export type ApiActionOptions = ApiGuard & {
	/** Every method of the route, for the 405's Allow header; the action takes those that are not GET or HEAD. */
	allow: readonly string[]
	/** The role is checked before the 405, so a caller without it learns nothing of the route. */
	guardFirst?: boolean
	/**
	 * A public POST: `rate` takes the per-client limit (429 with Retry-After); `idempotent` also
	 * checks the Idempotency-Key header (422) and hands it on as `idempotencyKey`.
	 */
	limit?: 'rate' | 'idempotent'
	/** The JSON body's schema: read after the guard (400, 413, 422), handed on as `body`. */
	body?: z.ZodType
	/** The body's limit when it is not the API's 64 KiB (the route's maxBodyBytes). */
	maxBytes?: number
}

/** What the guard found, as the handler gets it. */
export type Granted<O> = O extends { role: Role }
	? { principal: ApiPrincipal } & (O extends { scope: 'event' | 'fair' } ? { event: EventRow } : unknown)
	: unknown

type Extras<O> = (O extends { body: infer S extends z.ZodType } ? { body: z.output<S> } : unknown) &
	(O extends { limit: 'idempotent' } ? { idempotencyKey: string | null } : unknown)

async function guard(request: Request, params: Params, options: ApiGuard, checked?: ApiPrincipal): Promise<Record<string, unknown>> {
	if (!options.role) return {}
	if (options.scope === 'event') {
		const { event, ...principal } = await requireApiEventRole(request, options.role, params.slug)
		return { principal, event }
	}
	const principal = checked ?? (await requireApiRole(request, options.role))
	if (options.scope === 'fair') return { principal, event: await requireApiFair(request, principal, params.slug) }
	return { principal }
}

/** Runs the handler; a ServiceError it lets out is the API's error, anything else goes on as it was. */
async function answering(request: Request, run: () => Answer): Promise<Response> {
	try {
		return await run()
	} catch (error) {
		throw await asApiError(request, error)
	}
}

/** A GET (and HEAD) of the API: the guard, then the handler. */
export function apiLoader<const O extends ApiGuard>(options: O, handler: (args: ApiArgs & Granted<O>) => Answer) {
	return ({ request, params, context }: LoaderFunctionArgs) =>
		answering(request, async () => handler({ request, params, context, ...(await guard(request, params, options)) } as ApiArgs & Granted<O>))
}

/** A write of the API (POST, PUT, PATCH): the 405 for any other method, the guard, the limit, the body, then the handler. */
export function apiAction<const O extends ApiActionOptions>(options: O, handler: (args: ApiArgs & Granted<O> & Extras<O>) => Answer) {
	const writes = options.allow.filter((method) => method !== 'GET' && method !== 'HEAD')
	return async ({ request, params, context }: ActionFunctionArgs) => {
		const checked = options.guardFirst && options.role ? await requireApiRole(request, options.role) : undefined
		if (!writes.includes(request.method)) return methodNotAllowed(request, options.allow)
		return answering(request, async () => {
			const granted = await guard(request, params, options, checked)
			const extras: Record<string, unknown> = {}
			if (options.limit === 'idempotent') extras.idempotencyKey = await publicPostPreamble(request, context)
			else if (options.limit === 'rate') await requireRateLimit(request, context)
			if (options.body) extras.body = await readJsonBody(request, options.body, { maxBytes: options.maxBytes })
			return handler({ request, params, context, ...granted, ...extras } as ApiArgs & Granted<O> & Extras<O>)
		})
	}
}

/** The loader or action of a route that has no such method: 405 with Allow (after the role, with one). */
export function apiMethodNotAllowed(allow: readonly string[], options: { role?: Role } = {}) {
	return async ({ request }: LoaderFunctionArgs | ActionFunctionArgs) => {
		if (options.role) await requireApiRole(request, options.role)
		return methodNotAllowed(request, allow)
	}
}
