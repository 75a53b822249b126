// The public JSON API as an organizer's program uses it (CONTRACT.md): for e2e tests that need
// events in a known state before a browser looks at them.
import { cliToken } from './api-client.ts'
import { createEventViaApi } from './events.ts'
import type { TestServer } from './server.ts'

export type ApiEvent = {
	slug: string
	title: string
	titleEn: string | null
	kind: string
	startsAt: string
	endsAt: string
	venue: { name: string; address: string; city: string }
	status: 'draft' | 'published' | 'cancelled'
	sequence?: number
	url: string
}

export type OrganizerApi = {
	token: string
	/** POST /api/v1/events with exactly this body (events.ts: createEventViaApi); the event and its database id. */
	create(body: Record<string, unknown>): Promise<ApiEvent & { id: number }>
	update(slug: string, body: Record<string, unknown>): Promise<ApiEvent>
	get(slug: string): Promise<ApiEvent>
	listPublished(): Promise<ApiEvent[]>
}

async function call(server: TestServer, method: string, path: string, token?: string, body?: unknown) {
	const headers: Record<string, string> = {}
	if (token) headers.Authorization = `Bearer ${token}`
	if (body !== undefined) headers['Content-Type'] = 'application/json'
	const response = await fetch(server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
	const text = await response.text()
	if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`)
	return JSON.parse(text)
}

/** Creates an organizer token with the built CLI and returns a small client for /api/v1/events. */
export async function organizerApi(server: TestServer): Promise<OrganizerApi> {
	const token = await cliToken(server, 'organizer', ['--name', 'e2e'])
	return {
		token,
		create: async (body) => (await createEventViaApi(server, token, body)) as ApiEvent & { id: number },
		update: async (slug, body) => (await call(server, 'PATCH', `/api/v1/events/${slug}`, token, body)).event,
		get: async (slug) => (await call(server, 'GET', `/api/v1/events/${slug}`, token)).event,
		listPublished: async () => (await call(server, 'GET', '/api/v1/events')).events,
	}
}

/** Loads the demo (a fair, promo events, one draft) into the server's database. */
export async function seedDemo(server: TestServer) {
	const result = await server.cli(['seed', '--demo'])
	if (result.code !== 0) throw new Error(`seed --demo failed: ${result.stderr}\n${result.stdout}`)
}

/** A year that is certainly ahead of today, for dates that stay "upcoming". */
export const NEXT_YEAR = new Date().getUTCFullYear() + 1
