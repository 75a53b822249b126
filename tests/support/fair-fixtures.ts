// What the fair's integration tests set up again and again against the built server: a published
// fair made through the organizer API, an exhibitor application submitted through the public API,
// an organizer's session cookie from the login form, and the database file opened directly.
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import { apiCall } from '#tests/support/api-client.ts'
import type { TestServer } from '#tests/support/server.ts'

/** The headers of a plain HTML form POST (no JavaScript). */
export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

/** A published fair, 10:00–18:00 on 5 December 2030 (Belgrade time) on the square in Kruševac, no capacity. */
export const PUBLISHED_FAIR = {
	kind: 'fair',
	startsAt: '2030-12-05T10:00:00+01:00',
	endsAt: '2030-12-05T18:00:00+01:00',
	venue: { name: 'Trg kosovskih junaka', address: 'Trg kosovskih junaka bb', city: 'Kruševac' },
	capacity: null,
	status: 'published',
}

/** The event as the API answers it. */
export type CreatedEvent = { slug: string; title: string; [field: string]: unknown }

/**
 * Creates an event through the organizer API: PUBLISHED_FAIR with `fields` over it (a title at
 * least); expects 201 and returns the event.
 */
export async function createPublishedFair(server: TestServer, token: string, fields: Record<string, unknown>): Promise<CreatedEvent> {
	const result = await apiCall(server.url, 'POST', '/api/v1/events', { token, body: { ...PUBLISHED_FAIR, ...fields } })
	expect(result.status, result.text).toBe(201)
	return result.body.event
}

/** The events.id of the event with this slug (the API speaks only of slugs). */
export function eventIdOf(server: TestServer, slug: string): number {
	return dbGet<{ id: number }>(server, 'SELECT id FROM events WHERE slug = ?', slug).id
}

export type SubmittedApplication = {
	id: number
	/** The magic-link token (the last part of manageUrl). */
	token: string
	/** The contact email as the server stored it. */
	email: string
	/** The whole Application the API answered. */
	application: any
}

/** Submits an application to the fair through the public API; expects 201. */
export async function submitApplication(server: TestServer, slug: string, body: unknown, headers: Record<string, string> = {}): Promise<SubmittedApplication> {
	const result = await apiCall(server.url, 'POST', `/api/v1/fairs/${slug}/applications`, { body, headers })
	expect(result.status, result.text).toBe(201)
	const application = result.body.application
	return { id: application.id, token: (application.manageUrl as string).split('/').at(-1)!, email: application.contact.email, application }
}

/** Logs in through the admin login form (a plain POST); the session cookie, ready for a Cookie header. */
export async function logInCookie(server: TestServer, email = server.admin.email, password = server.admin.password): Promise<string> {
	const response = await fetch(`${server.url}/admin/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: FORM,
		body: new URLSearchParams({ email, password, redirectTo: '/admin' }),
	})
	expect(response.status).toBe(302)
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ')
}

/** Adds a user with this role through the built CLI (password `<role>-password-1`) and logs them in; their session cookie. */
export async function addUserAndLogIn(server: TestServer, email: string, role: string, name?: string): Promise<string> {
	const password = `${role}-password-1`
	const added = await server.cli(['user', 'add', '--email', email, '--password', password, '--role', role, ...(name ? ['--name', name] : [])])
	expect(added.code, added.stderr).toBe(0)
	return logInCookie(server, email, password)
}

/**
 * Opens the server's database file with better-sqlite3 (read-write unless `readonly`; waits up to
 * 5 s for the server's locks), runs `work` and closes it again.
 */
export function withDatabase<T>(server: TestServer, work: (db: Database.Database) => T, options: { readonly?: boolean; foreignKeys?: boolean } = {}): T {
	const db = new Database(server.dbPath, { fileMustExist: true, readonly: options.readonly ?? false })
	try {
		db.pragma('busy_timeout = 5000')
		if (options.foreignKeys) db.pragma('foreign_keys = ON')
		return work(db)
	} finally {
		db.close()
	}
}

/** Every row a read-only statement gives. */
export function dbAll<T = Record<string, unknown>>(server: TestServer, statement: string, ...params: unknown[]): T[] {
	return withDatabase(server, (db) => db.prepare(statement).all(...params) as T[], { readonly: true })
}

/** The first row a read-only statement gives. */
export function dbGet<T = Record<string, unknown>>(server: TestServer, statement: string, ...params: unknown[]): T {
	return withDatabase(server, (db) => db.prepare(statement).get(...params) as T, { readonly: true })
}

/** Runs a statement that writes. */
export function dbRun(server: TestServer, statement: string, ...params: unknown[]) {
	return withDatabase(server, (db) => db.prepare(statement).run(...params))
}
