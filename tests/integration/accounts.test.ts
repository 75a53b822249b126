// Accounts and tokens have a life cycle (issue 10, section 4, with the login limit and the open
// redirect of section 3 and hashed session ids of section 5), over HTTP against the built server
// with a real SMTP server, and through the built CLI: invitations, disabling, roles, forgotten
// passwords, the login limit, API tokens, passwords from stdin, and old hashes upgraded at login.
import { createHash, randomBytes, scryptSync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { dbAll, dbGet, dbRun } from '#tests/support/database.ts'
import { FORM, addUserAndLogIn, logInCookie } from '#tests/support/pages.ts'
import { startMailServer, type ReceivedMail, type TestMailServer } from '#tests/support/mail-server.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

let server: TestServer
let mail: TestMailServer
let adminCookie: string

beforeAll(async () => {
	mail = await startMailServer()
	server = await startServer({ env: { SMTP_URL: mail.url } })
	adminCookie = await logInCookie(server)
}, 60_000)

afterAll(async () => {
	await server?.stop()
	await mail?.close()
})

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

let ipCounter = 0
/** A client address of its own, so one test's failed logins do not hold another's (X-Forwarded-For from loopback is trusted). */
const freshIp = () => `198.51.100.${++ipCounter}`

async function post(path: string, fields: Record<string, string>, options: { cookie?: string; ip?: string; lang?: string } = {}) {
	const response = await fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			...FORM,
			...(options.cookie ? { Cookie: options.cookie } : {}),
			'X-Forwarded-For': options.ip ?? freshIp(),
			...(options.lang ? { 'Accept-Language': options.lang } : {}),
		},
		body: new URLSearchParams(fields),
	})
	return {
		status: response.status,
		location: response.headers.get('location'),
		headers: response.headers,
		text: await response.text(),
		cookie: cookieOf(response),
	}
}

async function get(path: string, cookie?: string, lang?: string) {
	const response = await fetch(server.url + path, {
		redirect: 'manual',
		headers: { ...(cookie ? { Cookie: cookie } : {}), ...(lang ? { 'Accept-Language': lang } : {}) },
	})
	return { status: response.status, location: response.headers.get('location'), headers: response.headers, text: await response.text() }
}

function cookieOf(response: Response) {
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ')
}

/** Logs in through the form from its own client address; the response (302 and a cookie when it worked). */
const login = (email: string, password: string, options: { ip?: string; redirectTo?: string; lang?: string } = {}) =>
	post('/admin/login', { email, password, redirectTo: options.redirectTo ?? '/admin' }, options)

/** Whether this cookie still opens the admin. */
async function isLoggedIn(cookie: string) {
	const response = await get('/admin', cookie)
	if (response.status === 200) return true
	expect(response.status).toBe(302)
	expect(response.location).toMatch(/^\/admin\/login/)
	return false
}

function linkIn(received: ReceivedMail, kind: 'invitation' | 'reset') {
	const match = new RegExp(`${server.url}/admin/${kind}/[A-Za-z0-9_-]+`).exec(received.parsed.text ?? '')
	expect(match, received.parsed.text).not.toBeNull()
	return match![0].slice(server.url.length)
}

const userId = (email: string) => dbGet<{ id: number }>(server, 'SELECT id FROM users WHERE email = ?', email).id

async function cli(args: string[], input?: string) {
	const result = await server.cli(args, input === undefined ? {} : { input })
	return result
}

describe('invitations', () => {
	test('an admin invites a colleague; the mail arrives in their language; the one-time link sets the password; they log in', async () => {
		const email = 'milica.savic@sajam.test'
		const invited = await post(
			'/admin/users',
			{ intent: 'invite', email: 'Milica.Savic@sajam.test', name: 'Milica Savić', role: 'organizer', locale: 'en' },
			{ cookie: adminCookie },
		)
		expect(invited.status, invited.text.slice(0, 300)).toBe(302)
		expect(invited.location).toBe(`/admin/users?invited=${encodeURIComponent(email)}`)

		const received = await mail.waitFor((m) => m.envelope.to.includes(email))
		expect(received.parsed.subject).toBe("Your invitation to Sajam, the Center's event system")
		const link = linkIn(received, 'invitation')
		expect(dbGet<{ n: number }>(server, 'SELECT count(*) AS n FROM invitations WHERE token_hash = ?', sha256(link.split('/').at(-1)!)).n).toBe(1)

		const page = await get(link)
		expect(page.status).toBe(200)
		expect(page.headers.get('cache-control')).toBe('private, no-store')
		expect(page.headers.get('referrer-policy')).toBe('same-origin')
		expect(page.text).toContain(email)

		const mismatch = await post(link, { name: 'Milica Savić', password: 'zelena-jabuka-7', confirm: 'zelena-jabuka-8' })
		expect(mismatch.status).toBe(200)
		expect(dbAll(server, 'SELECT id FROM users WHERE email = ?', email)).toEqual([])

		const accepted = await post(link, { name: 'Milica Savić', password: 'zelena-jabuka-7', confirm: 'zelena-jabuka-7' })
		expect(accepted.status).toBe(302)
		expect(accepted.location).toBe('/admin/login?password=set')

		const loggedIn = await login(email, 'zelena-jabuka-7')
		expect(loggedIn.status).toBe(302)
		expect(await isLoggedIn(loggedIn.cookie)).toBe(true)
		expect(dbGet(server, 'SELECT role, name FROM users WHERE email = ?', email)).toEqual({ role: 'organizer', name: 'Milica Savić' })

		// Single use: the link is spent.
		expect((await get(link)).status).toBe(404)
		expect((await post(link, { name: 'X', password: 'neka-druga-lozinka', confirm: 'neka-druga-lozinka' })).status).toBe(404)

		// The sent mail keeps no copy of the link in the outbox.
		await expect
			.poll(
				() =>
					dbGet<{ status: string; params: string }>(
						server,
						"SELECT status, params FROM outbox WHERE template = 'account-invitation' AND to_address = ?",
						email,
					),
				{ timeout: 5_000 },
			)
			.toEqual({ status: 'sent', params: '{}' })
	})

	test('an address that has an account cannot be invited; an expired invitation link does not work', async () => {
		const taken = await post('/admin/users', { intent: 'invite', email: server.admin.email, role: 'organizer', locale: 'sr-Latn' }, { cookie: adminCookie })
		expect(taken.status).toBe(200)
		expect(taken.text).toContain('već postoji')

		const token = 'inv_' + randomBytes(32).toString('base64url')
		dbRun(
			server,
			"INSERT INTO invitations (email, role, locale, token_hash, expires_at, created_at) VALUES ('late@sajam.test', 'organizer', 'sr-Latn', ?, ?, ?)",
			sha256(token),
			Date.now() - 1000,
			Date.now() - 8 * 86400_000,
		)
		expect((await get(`/admin/invitation/${token}`)).status).toBe(404)
		expect((await post(`/admin/invitation/${token}`, { name: 'Late', password: 'kasno-je-sada-1', confirm: 'kasno-je-sada-1' })).status).toBe(404)
		expect(dbAll(server, "SELECT id FROM users WHERE email = 'late@sajam.test'")).toEqual([])
	})
})

describe('the admin role means something', () => {
	test('an organizer gets 403 on the users and tokens pages and their actions; an admin gets them', async () => {
		const organizer = await addUserAndLogIn(server, 'org.403@sajam.test', 'organizer')
		for (const path of [
			'/admin/users',
			'/admin/tokens',
			'/admin/users.data?_routes=routes%2Fadmin.users',
			'/admin/tokens.data?_routes=routes%2Fadmin.tokens',
		]) {
			expect((await get(path, organizer)).status, path).toBe(403)
			expect((await get(path, adminCookie)).status, path).toBe(200)
		}
		const target = userId('org.403@sajam.test')
		expect((await post('/admin/users', { intent: 'role', userId: String(target), role: 'admin' }, { cookie: organizer })).status).toBe(403)
		expect((await post('/admin/tokens', { name: 'x', role: 'admin' }, { cookie: organizer })).status).toBe(403)
		expect(dbGet(server, 'SELECT role FROM users WHERE id = ?', target)).toEqual({ role: 'organizer' })
		// Their own account page is theirs.
		expect((await get('/admin/account', organizer)).status).toBe(200)
		// The admin navigation leads to both pages, for admins only.
		const adminHome = await get('/admin', adminCookie)
		expect(adminHome.text).toContain('href="/admin/users"')
		expect(adminHome.text).toContain('href="/admin/tokens"')
		expect((await get('/admin', organizer)).text).not.toContain('href="/admin/users"')
	})

	test('an admin changes a role; the last active admin can be neither demoted nor disabled', async () => {
		await addUserAndLogIn(server, 'role.change@sajam.test', 'organizer')
		const id = userId('role.change@sajam.test')
		const changed = await post('/admin/users', { intent: 'role', userId: String(id), role: 'scanner' }, { cookie: adminCookie })
		expect(changed.location).toBe(`/admin/users?updated=${id}`)
		expect(dbGet(server, 'SELECT role FROM users WHERE id = ?', id)).toEqual({ role: 'scanner' })

		const adminId = userId(server.admin.email)
		const admins = dbAll<{ id: number }>(server, "SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL")
		expect(admins).toEqual([{ id: adminId }])
		for (const fields of [{ intent: 'disable' }, { intent: 'role', role: 'organizer' }] as Record<string, string>[]) {
			const refused = await post('/admin/users', { ...fields, userId: String(adminId) }, { cookie: adminCookie })
			expect(refused.location).toBe('/admin/users?error=last_admin')
		}
		expect(dbGet(server, 'SELECT role, disabled_at AS disabledAt FROM users WHERE id = ?', adminId)).toEqual({ role: 'admin', disabledAt: null })
		expect(await isLoggedIn(adminCookie)).toBe(true)
	})
})

describe('disabling', () => {
	test('ends a live session at once; a disabled user cannot log in, even with the right password; enabling lets them in again', async () => {
		const email = 'disable.me@sajam.test'
		const cookie = await addUserAndLogIn(server, email, 'organizer')
		expect(await isLoggedIn(cookie)).toBe(true)
		// The API with that cookie too.
		const id = userId(email)
		const disabled = await post('/admin/users', { intent: 'disable', userId: String(id) }, { cookie: adminCookie })
		expect(disabled.status).toBe(302)
		expect(await isLoggedIn(cookie)).toBe(false)
		expect(dbAll(server, 'SELECT id FROM sessions WHERE user_id = ?', id)).toEqual([])

		const refused = await login(email, 'organizer-password-1')
		expect(refused.status).toBe(200)
		expect(refused.cookie).toBe('')

		const listed = (await cli(['user', 'list'])).stdout
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line))
		expect(listed.find((u) => u.email === email)).toEqual({ id, email, role: 'organizer', disabled: true, name: expect.any(String) })

		await post('/admin/users', { intent: 'enable', userId: String(id) }, { cookie: adminCookie })
		expect((await login(email, 'organizer-password-1')).status).toBe(302)
	})

	test('user disable on the command line ends the sessions too', async () => {
		const email = 'cli.disable@sajam.test'
		const cookie = await addUserAndLogIn(server, email, 'organizer')
		const result = await cli(['user', 'disable', '--email', email])
		expect(result.code, result.stderr).toBe(0)
		expect(JSON.parse(result.stdout)).toMatchObject({ email, disabled: true })
		expect(await isLoggedIn(cookie)).toBe(false)

		const unknown = await cli(['user', 'disable', '--email', 'nobody@sajam.test'])
		expect(unknown.code).toBe(1)
		expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
		const lastAdmin = await cli(['user', 'disable', '--email', server.admin.email])
		expect(lastAdmin.code).toBe(1)
		expect(lastAdmin.stderr).toMatch(/last active admin/)
	})
})

describe('forgot password', () => {
	test('the same answer for a known and an unknown address; the link works once; the old password and sessions end', async () => {
		const email = 'zaboravna@sajam.test'
		const oldSession = await addUserAndLogIn(server, email, 'organizer')
		const known = await post('/admin/forgot-password', { email }, { lang: 'en' })
		const unknown = await post('/admin/forgot-password', { email: 'niko.nije@sajam.test' }, { lang: 'en' })
		expect(known.status).toBe(200)
		expect(unknown.status).toBe(200)
		const notice = (text: string) => /data-notice="sent"[^>]*>([^<]*)</.exec(text)?.[1]
		expect(notice(known.text)).toBeTruthy()
		expect(notice(unknown.text)).toBe(notice(known.text))
		expect(known.text.replaceAll(email, '')).not.toContain(email)

		const received = await mail.waitFor((m) => m.envelope.to.includes(email))
		expect(received.parsed.subject).toBe('A new password for Sajam')
		expect(mail.to('niko.nije@sajam.test')).toEqual([])
		const link = linkIn(received, 'reset')
		expect((await get(link)).status).toBe(200)

		const done = await post(link, { password: 'nova-dobra-lozinka', confirm: 'nova-dobra-lozinka' })
		expect(done.status).toBe(302)
		expect(done.location).toBe('/admin/login?password=set')
		expect(await isLoggedIn(oldSession)).toBe(false)
		expect((await login(email, 'organizer-password-1')).status).toBe(200)
		expect((await login(email, 'nova-dobra-lozinka')).status).toBe(302)

		// Single use.
		expect((await get(link)).status).toBe(404)
		const again = await post(link, { password: 'treca-lozinka-123', confirm: 'treca-lozinka-123' })
		expect(again.status).toBe(404)
		expect((await login(email, 'nova-dobra-lozinka')).status).toBe(302)
	})

	test('an expired link does not work', async () => {
		const email = 'istekla@sajam.test'
		await cli(['user', 'add', '--email', email, '--password', 'stara-lozinka-1', '--role', 'organizer'])
		const token = 'pwr_' + randomBytes(32).toString('base64url')
		const id = userId(email)
		dbRun(
			server,
			'INSERT INTO password_resets (user_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)',
			id,
			sha256(token),
			Date.now() - 1,
			Date.now() - 3600_000,
		)
		expect((await get(`/admin/reset/${token}`)).status).toBe(404)
		expect((await post(`/admin/reset/${token}`, { password: 'nova-lozinka-12', confirm: 'nova-lozinka-12' })).status).toBe(404)
		expect((await login(email, 'stara-lozinka-1')).status).toBe(302)
	})

	test('requests are limited per address: the sixth within 15 minutes is 429', async () => {
		const email = 'mnogo.zahteva@sajam.test'
		for (let i = 0; i < 5; i++) expect((await post('/admin/forgot-password', { email })).status).toBe(200)
		const sixth = await post('/admin/forgot-password', { email }, { lang: 'en' })
		expect(sixth.status).toBe(429)
		expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0)
		expect(sixth.text).toContain('Too many requests for a new password')
	})
})

describe('the login limit', () => {
	test('after 10 failures for one address, the 11th attempt with the right password is 429 with Retry-After', async () => {
		const email = 'limit.adresa@sajam.test'
		await cli(['user', 'add', '--email', email, '--password', 'prava-lozinka-1', '--role', 'organizer'])
		for (let i = 0; i < 10; i++) {
			// Each from another client: the address alone is what is counted here.
			const wrong = await login(email, `pogresna-${i}`)
			expect(wrong.status).toBe(200)
		}
		const held = await login(email, 'prava-lozinka-1', { lang: 'en' })
		expect(held.status).toBe(429)
		expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(800)
		expect(held.text).toContain('Too many failed login attempts')
		expect(held.cookie).toBe('')
	})

	test('after 10 failures from one client, that client is held for every address; another client is not', async () => {
		const ip = freshIp()
		for (let i = 0; i < 10; i++) expect((await login(`nepostojeci${i}@sajam.test`, 'bilo-sta-123', { ip })).status).toBe(200)
		const held = await login(server.admin.email, server.admin.password, { ip })
		expect(held.status).toBe(429)
		expect(held.headers.get('retry-after')).toMatch(/^\d+$/)
		expect((await login(server.admin.email, server.admin.password)).status).toBe(302)
	})
})

describe('the open redirect', () => {
	test.each(['/\t/evil.example', '//evil.example', '/\\evil.example', '/\n/evil.example', 'https://evil.example/', '/%0a', '/admin\r\nSet-Cookie: x=1'])(
		'redirectTo %j never leaves the site, never a 500',
		async (redirectTo) => {
			const response = await get(`/admin/login?redirectTo=${encodeURIComponent(redirectTo)}`, adminCookie)
			expect(response.status).toBe(302)
			const target = new URL(response.location!, server.url)
			expect(target.origin).toBe(server.url)
			expect(response.headers.get('set-cookie')).toBeNull()
		},
	)

	test('a login with a tab-smuggled redirectTo lands on /admin; a path of ours is kept', async () => {
		const evil = await login(server.admin.email, server.admin.password, { redirectTo: '/\t/evil.example' })
		expect(evil.status).toBe(302)
		expect(evil.location).toBe('/admin')
		const ours = await login(server.admin.email, server.admin.password, { redirectTo: '/admin/outbox?status=failed' })
		expect(ours.location).toBe('/admin/outbox?status=failed')
	})
})

describe('sessions', () => {
	test('the row holds the SHA-256 of the id in the cookie; 8 idle hours end a session', async () => {
		const cookie = await logInCookie(server)
		const value = decodeURIComponent(cookie.split('=')[1]!)
		const id = JSON.parse(Buffer.from(value.slice(0, value.lastIndexOf('.')), 'base64').toString('utf8')) as string
		expect(dbAll(server, 'SELECT id FROM sessions WHERE id = ?', id)).toEqual([])
		expect(dbAll(server, 'SELECT id FROM sessions WHERE id = ?', sha256(id))).toHaveLength(1)

		expect(await isLoggedIn(cookie)).toBe(true)
		dbRun(server, 'UPDATE sessions SET last_seen_at = ? WHERE id = ?', Date.now() - 8 * 3600_000 - 1000, sha256(id))
		expect(await isLoggedIn(cookie)).toBe(false)
	})

	test('changing one’s own password needs the current one and ends one’s other sessions', async () => {
		const email = 'menja.lozinku@sajam.test'
		const here = await addUserAndLogIn(server, email, 'organizer')
		const elsewhere = await logInCookie(server, email, 'organizer-password-1')
		const wrong = await post(
			'/admin/account',
			{ current: 'nije-ova-lozinka', password: 'sasvim-nova-lozinka', confirm: 'sasvim-nova-lozinka' },
			{ cookie: here, lang: 'en' },
		)
		expect(wrong.status).toBe(200)
		expect(wrong.text).toContain('The current password is not correct.')
		expect(await isLoggedIn(elsewhere)).toBe(true)

		const changed = await post(
			'/admin/account',
			{ current: 'organizer-password-1', password: 'sasvim-nova-lozinka', confirm: 'sasvim-nova-lozinka' },
			{ cookie: here },
		)
		expect(changed.status).toBe(200)
		expect(changed.text).toContain('data-notice="changed"')
		expect(await isLoggedIn(here)).toBe(true)
		expect(await isLoggedIn(elsewhere)).toBe(false)
		expect((await login(email, 'sasvim-nova-lozinka')).status).toBe(302)
	})
})

describe('passwords', () => {
	test('user passwd reads the new password from stdin and ends the user’s sessions', async () => {
		const email = 'stdin@sajam.test'
		const added = await cli(['user', 'add', '--email', email, '--password-stdin', '--role', 'organizer'], 'sa-standardnog-ulaza-1\n')
		expect(added.code, added.stderr).toBe(0)
		const session = (await login(email, 'sa-standardnog-ulaza-1')).cookie
		expect(await isLoggedIn(session)).toBe(true)

		const changed = await cli(['user', 'passwd', '--email', email], 'druga-lozinka-sa-ulaza\n')
		expect(changed.code, changed.stderr).toBe(0)
		expect(await isLoggedIn(session)).toBe(false)
		expect((await login(email, 'sa-standardnog-ulaza-1')).status).toBe(200)
		expect((await login(email, 'druga-lozinka-sa-ulaza')).status).toBe(302)

		// Never from the command line; too short; nothing on stdin: one line on stderr each.
		const onArgv = await cli(['user', 'passwd', '--email', email, '--password', 'na-komandnoj-liniji'])
		expect(onArgv.code).toBe(2)
		const short = await cli(['user', 'passwd', '--email', email], 'kratka\n')
		expect(short.code).toBe(1)
		expect(short.stderr).toMatch(/at least 10 characters/)
		const empty = await cli(['user', 'passwd', '--email', email], '')
		expect(empty.code).toBe(1)
		for (const result of [onArgv, short, empty]) expect(result.stderr.trim().split('\n')).toHaveLength(1)
	})

	test('a hash made with the old scrypt parameters (N=2^15) still logs in and is replaced by N=2^17', async () => {
		const email = 'stari.hes@sajam.test'
		const salt = randomBytes(16)
		const key = scryptSync('stara-dobra-lozinka', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })
		const oldHash = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
		dbRun(server, "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, 'Stari', 'organizer', ?, ?)", email, oldHash, Date.now())

		expect((await login(email, 'pogresna-lozinka')).status).toBe(200)
		expect(dbGet(server, 'SELECT password_hash AS h FROM users WHERE email = ?', email)).toEqual({ h: oldHash })
		expect((await login(email, 'stara-dobra-lozinka')).status).toBe(302)
		const upgraded = dbGet<{ h: string }>(server, 'SELECT password_hash AS h FROM users WHERE email = ?', email).h
		expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/)
		expect((await login(email, 'stara-dobra-lozinka')).status).toBe(302)
	})
})

describe('API tokens', () => {
	/** A guarded API call: 404 for the unknown event once the token is accepted, 401 when it is not. */
	const callApi = async (token: string) =>
		(await fetch(`${server.url}/api/v1/events/no-such-event/registrations`, { headers: { Authorization: `Bearer ${token}` } })).status

	const tokenList = async () => {
		const result = await cli(['token', 'list'])
		expect(result.code, result.stderr).toBe(0)
		return result.stdout
			.trim()
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line))
	}

	test('token create defaults to a year; token list shows last use (written at most once a minute) and never the secret; token revoke is 401 at once', async () => {
		const created = await cli(['token', 'create', '--role', 'organizer', '--name', 'izvestaji'])
		expect(created.code, created.stderr).toBe(0)
		const secret = created.stdout.trim().split('\n').at(-1)!
		const id = Number(/token (\d+)/.exec(created.stdout)![1])

		let row = (await tokenList()).find((t) => t.id === id)
		expect(row).toEqual({
			id,
			name: 'izvestaji',
			role: 'organizer',
			event: null,
			createdAt: expect.any(String),
			expiresAt: expect.any(String),
			lastUsedAt: null,
			revoked: false,
			revokedAt: null,
		})
		const year = new Date(row.expiresAt).getTime() - new Date(row.createdAt).getTime()
		expect(year).toBe(365 * 86400_000)
		expect(JSON.stringify(await tokenList())).not.toContain(secret)

		expect(await callApi(secret)).toBe(404)
		row = (await tokenList()).find((t) => t.id === id)
		expect(row.lastUsedAt).not.toBeNull()
		const firstUse = row.lastUsedAt
		expect(await callApi(secret)).toBe(404)
		expect((await tokenList()).find((t) => t.id === id).lastUsedAt).toBe(firstUse)

		const revoked = await cli(['token', 'revoke', String(id)])
		expect(revoked.code, revoked.stderr).toBe(0)
		expect(await callApi(secret)).toBe(401)
		expect((await tokenList()).find((t) => t.id === id)).toMatchObject({ revoked: true })

		expect((await cli(['token', 'revoke', '999999'])).code).toBe(1)
		expect((await cli(['token', 'revoke', 'abc'])).code).toBe(2)
	})

	test('an expired token is 401', async () => {
		const created = await cli(['token', 'create', '--role', 'organizer', '--expires', '2020-01-01T00:00:00+01:00'])
		expect(await callApi(created.stdout.trim().split('\n').at(-1)!)).toBe(401)
	})

	test('the admin page lists tokens, shows a new one once, and revokes', async () => {
		const created = await post('/admin/tokens', { name: 'Tabela za donatora', role: 'organizer', event: '', days: '' }, { cookie: adminCookie })
		expect(created.status).toBe(200)
		const secret = /sjm_[A-Za-z0-9_-]+/.exec(created.text)?.[0]
		expect(secret).toBeTruthy()
		expect(await callApi(secret!)).toBe(404)
		const row = (await tokenList()).find((t) => t.name === 'Tabela za donatora')
		expect(new Date(row.expiresAt).getTime() - new Date(row.createdAt).getTime()).toBe(365 * 86400_000)

		const page = await get('/admin/tokens', adminCookie)
		expect(page.status).toBe(200)
		expect(page.text).toContain('Tabela za donatora')
		expect(page.text).not.toContain(secret!)

		const revoked = await post('/admin/tokens', { intent: 'revoke', tokenId: String(row.id) }, { cookie: adminCookie })
		expect(revoked.status).toBe(302)
		expect(revoked.location).toBe(`/admin/tokens?revoked=${row.id}`)
		expect(await callApi(secret!)).toBe(401)

		const scannerOnly = await post('/admin/tokens', { name: 'x', role: 'organizer', event: 'neki-dogadjaj' }, { cookie: adminCookie })
		expect(scannerOnly.status).toBe(200)
		expect(scannerOnly.text).not.toMatch(/sjm_[A-Za-z0-9_-]{20,}/)
	})
})
