// The server's pages as a browser without JavaScript uses them: GET a page, POST a small form
// (urlencoded), redirects not followed; and a session cookie from the login form.
import { expect } from 'vitest'
import type { TestServer } from './server.ts'

/** The headers of a plain HTML form POST (no JavaScript). */
export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

export type PageAnswer = { status: number; location: string | null; headers: Headers; html: string }

export type PageOptions = {
	/** A session cookie (logInCookie); none for an anonymous visitor. */
	cookie?: string | null
	headers?: Record<string, string>
}

function headersOf(options: PageOptions, extra: Record<string, string> = {}) {
	return { ...extra, ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers }
}

async function answer(response: Response): Promise<PageAnswer> {
	return { status: response.status, location: response.headers.get('location'), headers: response.headers, html: await response.text() }
}

/** GET a page; a redirect is answered, not followed. */
export async function getPage(server: TestServer, path: string, options: PageOptions = {}): Promise<PageAnswer> {
	return answer(await fetch(server.url + path, { headers: headersOf(options), redirect: 'manual' }))
}

/** POST a form (urlencoded) to a page; a redirect is answered, not followed. */
export async function submitForm(server: TestServer, path: string, fields: Record<string, string>, options: PageOptions = {}): Promise<PageAnswer> {
	return answer(await fetch(server.url + path, { method: 'POST', redirect: 'manual', headers: headersOf(options, FORM), body: new URLSearchParams(fields) }))
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
