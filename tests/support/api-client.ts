// A small JSON client for integration tests that talk to the built server over HTTP.
import { expect } from 'vitest'
import type { TestServer } from './server.ts'

export type ApiResult = { status: number; headers: Headers; body: any; text: string }

export type ApiOptions = { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> }

/** One request; the body is parsed as JSON when it is JSON, else kept as text for the failure message. */
export async function apiCall(baseUrl: string, method: string, path: string, options: ApiOptions = {}): Promise<ApiResult> {
	const headers: Record<string, string> = { ...options.headers }
	if (options.token) headers.Authorization = `Bearer ${options.token}`
	let body: string | undefined = options.raw
	if (options.body !== undefined) body = JSON.stringify(options.body)
	if (body !== undefined) headers['Content-Type'] ??= 'application/json'
	const response = await fetch(baseUrl + path, { method, headers, body })
	const text = await response.text()
	let parsed: unknown
	try {
		parsed = JSON.parse(text)
	} catch {
		// Kept as text so a failing assertion shows what came back instead of a parse error.
		parsed = { notJson: text.slice(0, 500) }
	}
	return { status: response.status, headers: response.headers, body: parsed, text }
}

/** A new API token from the built CLI (its last line of output). */
export async function cliToken(server: TestServer, role: string, extra: string[] = []) {
	const result = await server.cli(['token', 'create', '--role', role, ...extra])
	expect(result.code, result.stderr).toBe(0)
	return result.stdout.trim().split('\n').at(-1)!
}

/** An error as the contract shapes every one, whatever the status: JSON with the code and a message. */
export function expectApiError(result: ApiResult, status: number, code: string) {
	expect(result.status, result.text).toBe(status)
	expect(result.headers.get('content-type')).toMatch(/^application\/json/)
	expect(result.body).toMatchObject({ error: code, message: expect.any(String) })
	expect(result.body.message.length).toBeGreaterThan(0)
}
