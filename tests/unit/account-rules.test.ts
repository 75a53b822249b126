// Pure rules of accounts: where a login may send the browser, the login limit's counting, when a
// session ends, who may lose the admin role, and a token's default expiry.
import { describe, expect, test } from 'vitest'
import { SESSION_IDLE_MS, STAFF_TOKEN_TTL_MS, defaultTokenExpiry, leavesNoAdmin, sessionVerdict, tokenNeedsTouch } from '#app/domain/account-rules.ts'
import { AttemptLimit } from '#app/domain/attempt-limit.ts'
import { safeRedirect } from '#app/domain/login-input.ts'

describe('safeRedirect', () => {
	test.each([
		['/admin/events/3', '/admin/events/3'],
		['/admin/events/3?tab=x#top', '/admin/events/3?tab=x#top'],
		['/admin/%C5%A1tand', '/admin/%C5%A1tand'],
		['/', '/'],
	])('keeps the path %j', (input, expected) => {
		expect(safeRedirect(input)).toBe(expected)
	})

	test.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/.//evil.example',
		'\\\\evil.example',
		'https://evil.example/admin',
		'http:/evil.example',
		'javascript:alert(1)',
		'evil.example',
		'',
		'/' + 'a'.repeat(3000),
	])('sends %j to /admin', (input) => {
		expect(safeRedirect(input)).toBe('/admin')
	})

	test('a newline never reaches the Location header, and nothing throws', () => {
		for (const input of ['/admin\n', '/a\r\nSet-Cookie: x=1', '/%0a', '/%E0%A4%A', '/\u0000', '/[', null, undefined]) {
			const result = safeRedirect(input as string)
			expect(result).toMatch(/^\/(?!\/)/)
			// eslint-disable-next-line no-control-regex -- a NUL in the path is what is checked
			expect(result).not.toMatch(/[\r\n\t\\\u0000]/)
		}
	})

	test('takes the caller’s fallback', () => {
		expect(safeRedirect('//evil', '/admin/login')).toBe('/admin/login')
	})
})

describe('AttemptLimit', () => {
	const WINDOW = 15 * 60_000
	const keys = ['email:a@sajam.test', 'ip:10.0.0.1']

	test('holds a key after max failures, until the oldest leaves the window', () => {
		const limit = new AttemptLimit({ max: 10, windowMs: WINDOW })
		const t0 = 1_000_000
		for (let i = 0; i < 9; i++) limit.fail(keys, t0 + i * 1000)
		expect(limit.check(keys, t0 + 9_000)).toEqual({ ok: true })
		limit.fail(keys, t0 + 9_000)
		const held = limit.check(keys, t0 + 10_000)
		expect(held.ok).toBe(false)
		// The first failure (t0) leaves the window at t0 + 15 min: 14 min 50 s from now.
		expect(held).toEqual({ ok: false, retryAfterSeconds: WINDOW / 1000 - 10 })
		expect(limit.check(keys, t0 + WINDOW + 1).ok).toBe(true)
	})

	test('one address from many clients, or one client trying many addresses, is held', () => {
		const limit = new AttemptLimit({ max: 3, windowMs: WINDOW })
		for (let i = 0; i < 3; i++) limit.fail(['email:a@sajam.test', `ip:10.0.0.${i}`], i)
		expect(limit.check(['email:a@sajam.test', 'ip:10.9.9.9'], 10).ok).toBe(false)
		expect(limit.check(['email:b@sajam.test', 'ip:10.9.9.9'], 10).ok).toBe(true)
		for (let i = 0; i < 3; i++) limit.fail([`email:${i}@sajam.test`, 'ip:10.1.1.1'], i)
		expect(limit.check(['email:new@sajam.test', 'ip:10.1.1.1'], 10).ok).toBe(false)
	})

	test('clearing an address frees it, not the client', () => {
		const limit = new AttemptLimit({ max: 2, windowMs: WINDOW })
		limit.fail(keys, 0)
		limit.fail(keys, 1)
		limit.clear('email:a@sajam.test')
		expect(limit.check(['email:a@sajam.test'], 2).ok).toBe(true)
		expect(limit.check(['ip:10.0.0.1'], 2).ok).toBe(false)
	})

	test('forgets keys whose failures left the window', () => {
		const limit = new AttemptLimit({ max: 2, windowMs: WINDOW })
		for (let i = 0; i < 100; i++) limit.fail([`ip:${i}`], 0)
		limit.fail(['ip:late'], WINDOW + 1)
		expect(limit.size).toBe(1)
	})
})

describe('sessions', () => {
	const now = new Date('2026-12-02T12:00:00Z')
	const at = (ms: number) => new Date(now.getTime() + ms)

	test('ends at the absolute cap and after 8 idle hours', () => {
		expect(sessionVerdict({ expiresAt: at(-1), lastSeenAt: at(-1000) }, now)).toEqual({ valid: false })
		expect(sessionVerdict({ expiresAt: at(3600_000), lastSeenAt: at(-SESSION_IDLE_MS) }, now)).toEqual({ valid: false })
		expect(sessionVerdict({ expiresAt: at(3600_000), lastSeenAt: at(-SESSION_IDLE_MS + 1000) }, now)).toEqual({ valid: true, touch: true })
	})

	test('writes last-seen at most once a minute', () => {
		expect(sessionVerdict({ expiresAt: at(3600_000), lastSeenAt: at(-59_000) }, now)).toEqual({ valid: true, touch: false })
		expect(sessionVerdict({ expiresAt: at(3600_000), lastSeenAt: at(-60_000) }, now)).toEqual({ valid: true, touch: true })
		expect(tokenNeedsTouch(null, now)).toBe(true)
		expect(tokenNeedsTouch(at(-30_000), now)).toBe(false)
		expect(tokenNeedsTouch(at(-61_000), now)).toBe(true)
	})
})

describe('the last active admin', () => {
	const admin = { id: 1, role: 'admin' as const, disabled: false }

	test('cannot be disabled or demoted', () => {
		expect(leavesNoAdmin(admin, { role: 'admin', disabled: true }, [1])).toBe(true)
		expect(leavesNoAdmin(admin, { role: 'organizer', disabled: false }, [1])).toBe(true)
	})

	test('another active admin makes it possible; organizers and the disabled do not matter', () => {
		expect(leavesNoAdmin(admin, { role: 'organizer', disabled: false }, [1, 2])).toBe(false)
		expect(leavesNoAdmin({ id: 3, role: 'organizer', disabled: false }, { role: 'organizer', disabled: true }, [1])).toBe(false)
		expect(leavesNoAdmin({ id: 4, role: 'admin', disabled: true }, { role: 'organizer', disabled: true }, [1])).toBe(false)
		expect(leavesNoAdmin(admin, { role: 'admin', disabled: false }, [1])).toBe(false)
	})
})

test('organizer and admin tokens expire in a year unless told; scanner tokens only when told', () => {
	const now = new Date('2026-12-02T12:00:00Z')
	expect(defaultTokenExpiry('organizer', null, now)).toEqual(new Date(now.getTime() + STAFF_TOKEN_TTL_MS))
	expect(defaultTokenExpiry('admin', undefined, now)?.toISOString()).toBe('2027-12-02T12:00:00.000Z')
	expect(defaultTokenExpiry('scanner', null, now)).toBeNull()
	const asked = new Date('2027-01-01T00:00:00Z')
	expect(defaultTokenExpiry('organizer', asked, now)).toBe(asked)
})
