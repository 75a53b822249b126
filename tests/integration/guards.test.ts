// Every /admin page and every non-public /api route refuses an anonymous caller. The routes are
// read from the built app's route manifest, so a route added tomorrow is checked tomorrow without
// anyone remembering to add it here: if it forgets its guard, this test fails.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SERVER_ENTRY, cleanEnv, runNode, startServer, type TestServer } from '#tests/support/server.ts'

type ManifestRoute = {
	id: string
	parentId?: string
	path?: string
	index?: boolean
	hasLoader: boolean
	hasAction: boolean
	hasComponent: boolean
}

type Route = ManifestRoute & {
	/** "admin/events/:id", "api/v1/events/:slug", "api/*" */
	fullPath: string
	/** What to request: params replaced, "?index" for index routes. */
	url: string
}

const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'] as const

/**
 * Admin routes an anonymous visitor may use: the login page, "forgot password", and the pages of
 * the one-time links (a reset, an invitation), each its form and its action. The links' pages
 * answer an unknown token with 404 (covered in accounts.test.ts).
 */
const PUBLIC_ADMIN = new Set([
	'GET admin/login',
	'POST admin/login',
	'GET admin/forgot-password',
	'POST admin/forgot-password',
	'GET admin/reset/:token',
	'POST admin/reset/:token',
	'GET admin/invitation/:token',
	'POST admin/invitation/:token',
])

/**
 * The public API, from CONTRACT.md, as "METHOD path" (params as in the manifest). Anything under
 * api/ that is not here must answer an anonymous caller 401. The splat answers 404 to everything.
 */
const PUBLIC_API = new Set([
	'GET api/v1/events',
	'GET api/v1/events/:slug',
	'POST api/v1/events/:slug/registrations',
	'POST api/v1/tickets/:manageToken/cancel',
	'POST api/v1/fairs/:slug/applications',
	'GET api/v1/fairs/:slug/exhibitors',
	'GET api/v1/fairs/:slug/stands',
	'GET api/v1/surveys/:slug',
	'POST api/v1/surveys/:slug/responses',
])
const API_SPLAT = 'api/*'

let server: TestServer
let routes: Route[]

/** Loads the built server (build/server/index.js) in a separate node (its boot opens a database) and lists its routes. */
async function readManifest(): Promise<ManifestRoute[]> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sajam-manifest-'))
	try {
		const script = `
			const build = await import(${JSON.stringify(SERVER_ENTRY)})
			const routes = Object.values(build.routes).map((r) => ({
				id: r.id, parentId: r.parentId, path: r.path, index: r.index === true,
				hasLoader: typeof r.module.loader === 'function',
				hasAction: typeof r.module.action === 'function',
				hasComponent: typeof r.module.default === 'function',
			}))
			process.stdout.write(JSON.stringify(routes))
			process.exit(0)
		`
		const result = await runNode(['--input-type=module', '-e', script], cleanEnv({ DATABASE_PATH: path.join(dir, 'manifest.db'), NODE_ENV: 'production' }))
		if (result.code !== 0) throw new Error(`Reading the route manifest failed:\n${result.stderr}`)
		return JSON.parse(result.stdout)
	} finally {
		rmSync(dir, { recursive: true, force: true })
	}
}

function withFullPaths(manifest: ManifestRoute[]): Route[] {
	const byId = new Map(manifest.map((r) => [r.id, r]))
	return manifest.map((route) => {
		const segments: string[] = []
		for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? byId.get(r.parentId) : undefined) {
			if (r.path) segments.unshift(r.path)
		}
		const fullPath = segments
			.join('/')
			.replace(/\/+/g, '/')
			.replace(/^\/|\/$/g, '')
		const concrete = fullPath
			.split('/')
			.filter((s) => !s.endsWith('?')) // optional segments: leave them out
			.map((s) => (s.startsWith(':') || s === '*' ? 'x' : s))
			.join('/')
		return { ...route, fullPath, url: `/${concrete}${route.index ? '?index' : ''}` }
	})
}

const isAdmin = (r: Route) => r.fullPath === 'admin' || r.fullPath.startsWith('admin/')
const isApi = (r: Route) => r.fullPath === 'api' || r.fullPath.startsWith('api/')

async function anonymous(method: string, url: string) {
	const response = await fetch(server.url + url, {
		method,
		redirect: 'manual',
		headers: method === 'GET' ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: method === 'GET' ? undefined : 'intent=x',
	})
	const text = await response.text()
	return { status: response.status, location: response.headers.get('location'), type: response.headers.get('content-type'), text }
}

/**
 * The requests that reach one admin route's code and nothing else. A page's loader is not
 * protected by its layout's guard: Remix runs them in parallel, and a single-fetch data request
 * (`/admin/x.data?_routes=<id>`) runs the page's loader alone. An action always runs alone.
 */
function adminProbes(route: Route): { method: string; url: string }[] {
	const probes: { method: string; url: string }[] = []
	const [pathname, search = ''] = route.url.split('?')
	const dataPath = pathname === '/' ? '/_root.data' : `${pathname}.data`
	if (!PUBLIC_ADMIN.has(`GET ${route.fullPath}`)) {
		// The page as a browser opens it, or a resource route's loader (which runs alone).
		if (route.hasComponent || route.hasLoader) probes.push({ method: 'GET', url: route.url })
		if (route.hasComponent && route.hasLoader) {
			probes.push({ method: 'GET', url: `${dataPath}?_routes=${encodeURIComponent(route.id)}` })
		}
	}
	if (route.hasAction && !PUBLIC_ADMIN.has(`POST ${route.fullPath}`)) {
		probes.push({ method: 'POST', url: route.hasComponent ? `${dataPath}${search ? `?${search}` : ''}` : route.url })
	}
	return probes
}

/**
 * Follows same-site redirects (at most five) the way a browser would, and lists where they went:
 * ["302", "/admin", "302", "/admin/login"]. An anonymous request to a guarded page must end at
 * /admin/login; anything else (a 200 page, a 403, a redirect elsewhere) is the last entry.
 */
async function redirectChain(method: string, url: string): Promise<string[]> {
	const hops: string[] = []
	let current = url
	let currentMethod = method
	for (let i = 0; i < 5; i++) {
		const result = await anonymous(currentMethod, current)
		// A single-fetch data request answers a redirect as 202 with the target in Location.
		if (![202, 301, 302, 303, 307, 308].includes(result.status) || !result.location) {
			hops.push(`${result.status}`)
			return hops
		}
		const target = new URL(result.location, server.url)
		if (target.origin !== server.url) return [...hops, target.href]
		hops.push(`${result.status}`)
		if (target.pathname === '/admin/login') return [...hops, '/admin/login']
		hops.push(target.pathname + target.search)
		current = target.pathname + target.search
		if ([202, 302, 303].includes(result.status)) currentMethod = 'GET'
	}
	return [...hops, 'too many redirects']
}

beforeAll(async () => {
	server = await startServer()
	routes = withFullPaths(await readManifest())
})

afterAll(async () => {
	await server?.stop()
})

describe('the route manifest', () => {
	test('is read, and has the routes this test knows must exist', () => {
		const paths = routes.map((r) => r.fullPath)
		expect(paths).toEqual(expect.arrayContaining(['api/v1/events', 'api/v1/events/:slug', API_SPLAT]))
	})
})

describe('/admin', () => {
	test('every admin loader and action, called alone, sends an anonymous caller to the login page', async () => {
		const unguarded: string[] = []
		let checked = 0
		for (const route of routes.filter(isAdmin)) {
			for (const probe of adminProbes(route)) {
				checked++
				const hops = await redirectChain(probe.method, probe.url)
				if (hops.at(-1) !== '/admin/login') unguarded.push(`${probe.method} ${probe.url} (${route.id}) → ${hops.join(' → ')}`)
			}
		}
		expect(unguarded).toEqual([])
		if (routes.some((r) => isAdmin(r) && !r.fullPath.startsWith('admin/login'))) expect(checked).toBeGreaterThan(0)
	})

	test('the login page itself is open', async () => {
		const login = routes.find((r) => r.fullPath === 'admin/login')
		if (!login) return // not built yet; the two tests above still hold every other admin route
		expect((await anonymous('GET', '/admin/login')).status).toBe(200)
	})
})

describe('/api', () => {
	test('every non-public API method refuses an anonymous caller with 401 JSON', async () => {
		const unguarded: string[] = []
		let guarded = 0
		for (const route of routes.filter((r) => isApi(r) && r.fullPath !== API_SPLAT)) {
			const methods = [...(route.hasLoader ? ['GET'] : []), ...(route.hasAction ? MUTATING : [])]
			for (const method of methods) {
				if (PUBLIC_API.has(`${method} ${route.fullPath}`)) continue
				const result = await anonymous(method, route.url)
				let body: { error?: unknown } = {}
				try {
					body = JSON.parse(result.text)
				} catch {
					// not JSON: reported below
				}
				// 405 is how a route says it has no such method at all: nothing to guard.
				const refused = (result.status === 401 && body.error === 'unauthorized') || (result.status === 405 && body.error === 'method_not_allowed')
				if (!refused) unguarded.push(`${method} ${route.url} (${route.id}) → ${result.status} ${result.text.slice(0, 120)}`)
				if (result.status === 401) guarded++
				if (refused) expect(result.type).toMatch(/^application\/json/)
			}
		}
		expect(unguarded).toEqual([])
		// POST /api/v1/events and PATCH /api/v1/events/{slug} at least.
		expect(guarded).toBeGreaterThanOrEqual(2)
	})

	test('the public API answers an anonymous caller', async () => {
		expect((await anonymous('GET', '/api/v1/events')).status).toBe(200)
		expect((await anonymous('GET', '/api/v1/events/x')).status).toBe(404)
	})

	test('the splat answers a JSON 404 to any method', async () => {
		for (const method of ['GET', ...MUTATING]) {
			const result = await anonymous(method, '/api/v1/no-such-thing')
			expect(result.status).toBe(404)
			expect(JSON.parse(result.text)).toMatchObject({ error: 'not_found' })
		}
	})
})
