// The exhibitor applications API over real HTTP against the built server (CONTRACT.md, "Fair:
// applications and stands"): the happy path and its shape, field errors, hostile bodies, events
// that are not open fairs, Idempotency-Key, and the organizer's list.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findApplicationByManageToken } from '#app/services/queries/applications.server.ts'
import { withdrawApplication } from '#app/services/commands/application-lifecycle.server.ts'
import { openDatabase } from '#app/utils/db.server.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'
import { apiCall, cliToken, expectApiError, type ApiOptions } from '#tests/support/api-client.ts'
import { uniqueTitle } from '#tests/support/events.ts'
import { createPublishedFair, setFairSettings } from '#tests/support/fair-fixtures.ts'

let server: TestServer
let organizer: string

const api = (method: string, path: string, options: ApiOptions = {}) => apiCall(server.url, method, path, options)

const createToken = (role: string) => cliToken(server, role)

const createEvent = (overrides: Record<string, unknown> = {}) =>
	createPublishedFair(server, organizer, { title: uniqueTitle('Sajam društvenog preduzetništva'), ...overrides })

function validBody(overrides: Record<string, unknown> = {}) {
	return {
		organization: {
			name: 'Zadruga Rasinka',
			legalForm: 'social_cooperative',
			municipality: 'krusevac',
			companyNumber: '65794896',
			pib: '101134702',
			foundedYear: 2019,
			website: 'www.rasinka.rs',
		},
		contact: { name: 'Jelena Petrović', email: ' Jelena@Rasinka.rs ', phone: '064 123 4567' },
		products: 'Med, ajvar i džemovi iz Rasinskog okruga',
		category: 'food',
		needs: { power: true, sizeM2: 6 },
		preferences: ['A3', 'B1'],
		consent: { privacy: true, catalogue: true },
		lawStatus: { apr: 'pending', ways: ['work_integration'], selfIdentified: true },
		staff: { employees: 6, women: 5, vulnerable: { roma: 2 }, volunteers: 3 },
		description: 'Radna integracija žena iz ruralnih sredina.',
		selling: true,
		...overrides,
	}
}

const apply = (slug: string, body: unknown, headers: Record<string, string> = {}) => api('POST', `/api/v1/fairs/${slug}/applications`, { body, headers })

let fair: { slug: string }

beforeAll(async () => {
	server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } })
	organizer = await createToken('organizer')
	fair = await createEvent()
})

afterAll(async () => {
	await server?.stop()
})

describe('POST /api/v1/fairs/{slug}/applications', () => {
	test('a valid application answers 201 with the Application shape and a manage link', async () => {
		const result = await apply(fair.slug, validBody())
		expect(result.status, result.text).toBe(201)
		const application = result.body.application
		expect(application).toMatchObject({
			id: expect.any(Number),
			fair: fair.slug,
			status: 'submitted',
			organization: { name: 'Zadruga Rasinka', legalForm: 'social_cooperative', municipality: 'krusevac', pib: '101134702', website: 'https://www.rasinka.rs' },
			contact: { name: 'Jelena Petrović', email: 'jelena@rasinka.rs', phone: '0641234567' },
			category: 'food',
			needs: { power: true, accessible: false, sizeM2: 6 },
			preferences: ['A3', 'B1'],
		})
		expect(application.standLabel).toBeUndefined()
		expect(application.manageUrl).toMatch(new RegExp(`^${server.url}/applications/[A-Za-z0-9_-]{43}$`))
		expect(new Date(application.createdAt).toISOString()).toBe(application.createdAt)
	})

	test('only the required fields are enough', async () => {
		const result = await apply(fair.slug, {
			organization: { name: 'Neformalna grupa Vez', legalForm: 'informal_group', municipality: 'brus' },
			contact: { name: 'Ana Ilić', email: 'ana@example.rs' },
			products: 'Ručni vez',
			category: 'textiles',
			consent: { privacy: true },
		})
		expect(result.status, result.text).toBe(201)
		expect(result.body.application).toMatchObject({ status: 'submitted', category: 'textiles', preferences: [], needs: { power: false } })
	})

	test('an invalid PIB is 422 on organization.pib', async () => {
		const result = await apply(fair.slug, validBody({ organization: { ...validBody().organization, pib: '101134703' } }))
		expectApiError(result, 422, 'invalid_fields')
		expect(Object.keys(result.body.fields)).toContain('organization.pib')
		expect(result.body.fields['organization.pib'][0]).toEqual(expect.any(String))
	})

	test('an unknown category is 422 on category', async () => {
		const result = await apply(fair.slug, validBody({ category: 'weapons' }))
		expectApiError(result, 422, 'invalid_fields')
		expect(Object.keys(result.body.fields)).toEqual(['category'])
	})

	test("the fair's own categories decide", async () => {
		const other = await createEvent()
		setFairSettings(server, other.slug, { categories: JSON.stringify(['honey', 'other']) })
		expectApiError(await apply(other.slug, validBody({ category: 'food' })), 422, 'invalid_fields')
		expect((await apply(other.slug, validBody({ category: 'honey' }))).status).toBe(201)
	})

	test('hostile bodies are refused, never 500', async () => {
		const bodies: Array<{ raw?: string; body?: unknown }> = [
			{ raw: '' },
			{ raw: '{' },
			{ raw: 'null' },
			{ raw: '[]' },
			{ raw: '"x"' },
			{ body: {} },
			{ body: { __proto__: { admin: true }, constructor: { prototype: {} } } },
			{ body: validBody({ organization: 'x' }) },
			{ body: validBody({ organization: { ...validBody().organization, name: 'x'.repeat(10_000) } }) },
			{ body: validBody({ needs: { power: 'yes', sizeM2: -1, chairs: 1e308 } }) },
			{ body: validBody({ preferences: Array(100).fill('A1') }) },
			{ body: validBody({ contact: { name: 'A B', email: 'not an email' } }) },
			{ body: validBody({ consent: { privacy: false } }) },
			{ body: validBody({ website: 'javascript:alert(1)' }) },
			{ body: validBody({ organization: { ...validBody().organization, website: 'javascript:alert(1)' } }) },
			{ body: validBody({ staff: { employees: 1, women: 5 } }) },
			{ body: validBody({ extra: true }) },
			{ raw: JSON.stringify(validBody()).replace('"food"', '"food\\u0000"') },
			{ raw: 'x'.repeat(70_000) },
		]
		for (const item of bodies) {
			const result = await api('POST', `/api/v1/fairs/${fair.slug}/applications`, item)
			expect(result.status, `${JSON.stringify(item).slice(0, 200)} → ${result.text}`).toBeGreaterThanOrEqual(400)
			expect(result.status, result.text).toBeLessThan(500)
			expect(result.body.error, result.text).toEqual(expect.any(String))
		}
	})

	test('an event that is not a fair is 404 not_a_fair; an unknown one 404 not_found', async () => {
		const workshop = await createEvent({ kind: 'workshop', capacity: 20 })
		expectApiError(await apply(workshop.slug, validBody()), 404, 'not_a_fair')
		expectApiError(await apply('no-such-fair', validBody()), 404, 'not_found')
	})

	test('a closed window is 409 applications_closed', async () => {
		const closed = await createEvent()
		setFairSettings(server, closed.slug, { applications_close_at: Date.now() - 60_000 })
		expectApiError(await apply(closed.slug, validBody()), 409, 'applications_closed')
		const notYet = await createEvent()
		setFairSettings(server, notYet.slug, { applications_open_at: Date.now() + 3_600_000 })
		expectApiError(await apply(notYet.slug, validBody()), 409, 'applications_closed')
	})

	test('an Idempotency-Key replays the first answer and creates nothing new', async () => {
		const other = await createEvent()
		const body = validBody({ products: 'Sapuni od kozjeg mleka' })
		const first = await apply(other.slug, body, { 'Idempotency-Key': 'app-key-1' })
		expect(first.status, first.text).toBe(201)
		const second = await apply(other.slug, body, { 'Idempotency-Key': 'app-key-1' })
		expect(second.status).toBe(201)
		expect(second.headers.get('Idempotent-Replayed')).toBe('true')
		expect(second.body.application.id).toBe(first.body.application.id)
		const reused = await apply(other.slug, validBody({ products: 'Nešto drugo' }), { 'Idempotency-Key': 'app-key-1' })
		expectApiError(reused, 422, 'idempotency_key_reused')
		const list = await api('GET', `/api/v1/fairs/${other.slug}/applications`, { token: organizer })
		expect(list.body.applications).toHaveLength(1)
	})

	test('other methods are 405', async () => {
		const result = await api('PUT', `/api/v1/fairs/${fair.slug}/applications`, { body: validBody() })
		expectApiError(result, 405, 'method_not_allowed')
	})
})

describe('GET /api/v1/fairs/{slug}/applications', () => {
	test('the organizer sees the applications', async () => {
		const listFair = await createEvent()
		const created = await apply(listFair.slug, validBody())
		expect(created.status).toBe(201)
		const result = await api('GET', `/api/v1/fairs/${listFair.slug}/applications`, { token: organizer })
		expect(result.status, result.text).toBe(200)
		// The private link is in the answer that created it only: the database keeps its hash.
		expect(result.body.applications).toEqual([{ ...created.body.application, manageUrl: null }])
	})

	test('anonymous is 401', async () => {
		const result = await api('GET', `/api/v1/fairs/${fair.slug}/applications`)
		expect(result.status).toBe(401)
	})

	test('an unknown fair is 404', async () => {
		expectApiError(await api('GET', '/api/v1/fairs/no-such-fair/applications', { token: organizer }), 404, 'not_found')
	})
})

describe('the magic link (service)', () => {
	test('finds the application by its token, withdraws it once, and audits it', async () => {
		const created = await apply(fair.slug, validBody({ products: 'Korpe od pruća' }))
		expect(created.status, created.text).toBe(201)
		const token = created.body.application.manageUrl.split('/').at(-1) as string
		const db = openDatabase(server.dbPath, { runMigrations: false })
		try {
			expect(findApplicationByManageToken(db, token)?.id).toBe(created.body.application.id)
			expect(findApplicationByManageToken(db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeUndefined()
			expect(findApplicationByManageToken(db, "' OR 1=1 --")).toBeUndefined()
			const first = withdrawApplication(db, token)
			expect(first).toMatchObject({ changed: true, application: { status: 'withdrawn' } })
			expect(first.application.withdrawnAt).toBeInstanceOf(Date)
			expect(withdrawApplication(db, token).changed).toBe(false)
			expect(() => withdrawApplication(db, 'x'.repeat(43))).toThrow('not_found')
			const audit = db.$client.prepare('SELECT action FROM audit_log WHERE subject = ? ORDER BY id').all(`application:${created.body.application.id}`)
			expect(audit).toEqual([{ action: 'application.submitted' }, { action: 'application.withdrawn' }])
		} finally {
			db.$client.close()
		}
		const list = await api('GET', `/api/v1/fairs/${fair.slug}/applications`, { token: organizer })
		expect(list.body.applications.find((a: { id: number }) => a.id === created.body.application.id)).toMatchObject({ status: 'withdrawn' })
	})
})
