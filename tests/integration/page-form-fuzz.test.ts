// The page forms as a hostile or buggy client sends them (issue 20), over HTTP against the built
// server: random fields, content types, truncated and random multipart bodies, oversized bodies,
// other methods, with and without a same-site Origin, to every page with a form — registration on
// each event page, the stand application, the ticket page, the exhibitor's magic-link page and its
// edit page, the login, a few organizer pages — and to pages without one. A fixed seed makes every
// run send the same requests. No answer may be a 5xx (or a dropped connection); a failure names the
// request. The refusals themselves (415, 400, 413, 405) are checked one by one below the fuzz.
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import enCommon from '#app/locales/en/common.json'
import cyrlCommon from '#app/locales/sr-Cyrl/common.json'
import srCommon from '#app/locales/sr-Latn/common.json'
import { cliToken } from '#tests/support/api-client.ts'
import { dbValue as dbValueOf } from '#tests/support/database.ts'
import { createPublishedFair } from '#tests/support/fair-fixtures.ts'
import { FORM, logInCookie } from '#tests/support/pages.ts'
import { startServer, type TestServer } from '#tests/support/server.ts'

const SEED = Number(process.env.PAGE_FORM_FUZZ_SEED ?? 20)
const REQUESTS = Number(process.env.PAGE_FORM_FUZZ_REQUESTS ?? 1_200)
/** Requests in flight at once: enough to overlap the server's work, few enough for two cores. */
const CONCURRENCY = 4

let server: TestServer
let organizer: string

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
	let a = seed >>> 0
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
	const int = (n: number) => Math.floor(next() * n)
	const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
	const chance = (p: number) => next() < p
	const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256))
	/** One of `options` by weight: [[weight, value], ...]. */
	const weighted = <T>(options: readonly (readonly [number, T])[]): T => {
		let r = next() * options.reduce((sum, [w]) => sum + w, 0)
		for (const [w, value] of options) if ((r -= w) < 0) return value
		return options[options.length - 1]![1]
	}
	return { next, int, pick, chance, bytes, weighted }
}
type Rng = ReturnType<typeof prng>

const ODD_TEXT = [
	'',
	' ',
	'on',
	'yes',
	'no',
	'0',
	'-1',
	'1',
	'3',
	'999999999999999999999',
	'1e309',
	'NaN',
	'null',
	'undefined',
	'[]',
	'{}',
	'{"a":1}',
	'%',
	'%ZZ',
	'%00',
	'&&==&',
	'<script>alert(1)</script>',
	'"\'><img src=x onerror=alert(1)>',
	'Đorđe Ćirić-Šćekić',
	'Ђорђе Ћирић',
	'👩‍👩‍👧‍👦',
	'\u202eevil',
	'\u0000',
	'\ud800',
	'a\r\nb',
	'../../etc/passwd',
	'//evil.example',
	'/\t/evil.example',
	'ana@primer.rs',
	'not-an-email',
	'cancel',
	'delete',
	'withdraw',
	'confirm',
	'release',
	'save',
	'publish',
	'2030-12-05',
	'2030-12-05T10:00',
	'https://instagram.com/x',
]

function randomText(rng: Rng): string {
	return rng.weighted([
		[6, () => rng.pick(ODD_TEXT)],
		[2, () => Array.from({ length: rng.int(40) }, () => String.fromCharCode(32 + rng.int(95))).join('')],
		[
			1,
			() =>
				String.fromCodePoint(
					...Array.from({ length: 1 + rng.int(12) }, () => rng.pick([0x41 + rng.int(26), 0x400 + rng.int(256), 0x1f600 + rng.int(64), 0x4e00 + rng.int(500)])),
				),
		],
		[1, () => 'x'.repeat(1_000 + rng.int(40_000))],
	] as const)()
}

// ---------------------------------------------------------------------------------------------
// Bodies

type Field = [name: string, value: string]
type FilePart = { name: string; filename: string; type: string; bytes: Uint8Array }

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function urlencoded(fields: Field[]): Uint8Array {
	return Buffer.from(new URLSearchParams(fields).toString())
}

function multipart(boundary: string, fields: Field[], files: FilePart[]): Uint8Array {
	const chunks: Buffer[] = []
	for (const [name, value] of fields) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
	for (const file of files) {
		chunks.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`),
		)
		chunks.push(Buffer.from(file.bytes), Buffer.from('\r\n'))
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`))
	return Buffer.concat(chunks)
}

/** A page with a form: its address, the fields its form has, and whether it takes an upload. */
type Target = { label: string; path: string; fields: string[]; upload?: string; cookie?: string; dataPath?: string }

function randomFields(rng: Rng, target: Target): Field[] {
	const fields: Field[] = []
	for (const name of target.fields) if (rng.chance(0.7)) fields.push([name, randomText(rng)])
	// Repeated, unknown and oddly named fields.
	for (let i = rng.int(4); i > 0; i--)
		fields.push([
			rng.pick([...target.fields, 'intent', 'x', '', 'a[b]', 'a.b.c', '__proto__', 'constructor', 'logo', 'preferences[99]', 'social[-1]']),
			randomText(rng),
		])
	return fields
}

function randomFiles(rng: Rng, target: Target): FilePart[] {
	if (!rng.chance(target.upload ? 0.6 : 0.2)) return []
	const name = target.upload && rng.chance(0.8) ? target.upload : rng.pick(['file', 'logo', 'x', 'name'])
	return rng.weighted([
		[3, () => [{ name, filename: 'logo.png', type: 'image/png', bytes: Buffer.concat([Buffer.from(PNG_HEAD), rng.bytes(rng.int(400))]) }]],
		[
			2,
			() => [
				{
					name,
					filename: rng.pick(['a.png', 'x.jpg', '', '../../x', 'ć.svg']),
					type: rng.pick(['image/png', 'image/svg+xml', 'application/json', 'text/plain', '']),
					bytes: rng.bytes(rng.int(3_000)),
				},
			],
		],
		[1, () => [{ name, filename: '', type: 'application/octet-stream', bytes: new Uint8Array(0) }]],
		[1, () => [{ name, filename: 'big.png', type: 'image/png', bytes: Buffer.concat([Buffer.from(PNG_HEAD), Buffer.alloc(2 * 1024 * 1024)]) }]],
	] as const)()
}

type FuzzRequest = { index: number; method: string; path: string; headers: Record<string, string>; body: Uint8Array | null; chunked: boolean; kind: string }

function generateRequest(rng: Rng, index: number, target: Target, origin: string): FuzzRequest {
	const boundary = `----fuzz${rng.int(1e9)}`
	const fields = () => randomFields(rng, target)
	const [kind, contentType, body] = rng.weighted<() => [string, string | null, Uint8Array | null]>([
		[30, () => ['urlencoded fields', 'application/x-www-form-urlencoded', urlencoded(fields())]],
		[3, () => ['urlencoded with a charset', 'application/x-www-form-urlencoded; charset=ISO-8859-1', urlencoded(fields())]],
		[4, () => ['urlencoded random bytes', 'application/x-www-form-urlencoded', rng.bytes(rng.int(2_000))]],
		[14, () => ['multipart', `multipart/form-data; boundary=${boundary}`, multipart(boundary, fields(), randomFiles(rng, target))]],
		[
			10,
			() => {
				const whole = multipart(boundary, fields(), randomFiles(rng, target))
				return ['multipart cut off', `multipart/form-data; boundary=${boundary}`, whole.slice(0, rng.int(whole.length))]
			},
		],
		[4, () => ['multipart random bytes', `multipart/form-data; boundary=${boundary}`, rng.bytes(rng.int(3_000))]],
		[4, () => ['multipart without a boundary', 'multipart/form-data', multipart(boundary, fields(), [])]],
		[3, () => ['multipart with the wrong boundary', `multipart/form-data; boundary=other${boundary}`, multipart(boundary, fields(), [])]],
		[2, () => ['multipart with a quoted boundary', `multipart/form-data; boundary="${boundary}"`, multipart(boundary, fields(), randomFiles(rng, target))]],
		[
			7,
			() => [
				'json',
				rng.pick(['application/json', 'application/json; charset=utf-8']),
				Buffer.from(rng.chance(0.7) ? JSON.stringify(Object.fromEntries(fields())) : '{"broken":'),
			],
		],
		[
			5,
			() => [
				'text/plain',
				'text/plain',
				Buffer.from(
					fields()
						.map(([n, v]) => `${n}=${v}`)
						.join('\r\n'),
				),
			],
		],
		[4, () => ['no content type', null, rng.chance(0.5) ? urlencoded(fields()) : null]],
		[
			5,
			() => [
				'odd content type',
				rng.pick([
					'application/xml',
					'application/octet-stream',
					'text/html',
					'multipart/mixed; boundary=x',
					'multipart/form-data; boundary=',
					'form',
					';',
					'application/x-www-form-urlencoded, text/plain',
					'*/*',
					'application/x-www-form-urlencodedx',
					'a'.repeat(300),
				]),
				urlencoded(fields()),
			],
		],
		[1, () => ['oversized urlencoded', 'application/x-www-form-urlencoded', Buffer.from(`name=${'a'.repeat(1024 * 1024 + rng.int(50_000))}`)]],
		[
			0.6,
			() => {
				const big: FilePart = {
					name: target.upload ?? 'file',
					filename: 'big.png',
					type: 'image/png',
					bytes: new Uint8Array(4 * 1024 * 1024 + rng.int(50_000)),
				}
				return ['oversized multipart', `multipart/form-data; boundary=${boundary}`, multipart(boundary, fields(), [big])]
			},
		],
	] as const)()
	const method = rng.weighted([
		[92, 'POST'],
		[3, 'PUT'],
		[3, 'PATCH'],
		[2, 'DELETE'],
	] as const)
	const headers: Record<string, string> = {}
	if (contentType !== null) headers['Content-Type'] = contentType
	if (rng.chance(0.5)) headers.Origin = origin
	if (target.cookie) headers.Cookie = target.cookie
	if (rng.chance(0.2)) headers['Accept-Language'] = rng.pick(['en', 'sr-Cyrl', 'de', 'sr-Latn-RS,en;q=0.5'])
	const query = rng.weighted([
		[6, ''],
		[1, '?lang=en'],
		[1, '?index'],
		[1, '?confirm=cancel'],
	] as const)
	const path = target.dataPath && rng.chance(0.15) ? target.dataPath : target.path
	return { index, method, path: path + query, headers, body, chunked: body !== null && body.length > 0 && rng.chance(0.1), kind }
}

function describeRequest(r: FuzzRequest): string {
	const preview = r.body
		? Buffer.from(r.body.slice(0, 160))
				.toString('latin1')
				.replace(/[^\x20-\x7e]/g, '.')
		: '(no body)'
	const headers = Object.entries(r.headers)
		.filter(([name]) => name !== 'Cookie')
		.map(([name, value]) => `${name}: ${value.slice(0, 100)}`)
		.join('; ')
	return `#${r.index} ${r.method} ${r.path} — ${r.kind}, ${r.body?.length ?? 0} bytes${r.chunked ? ' (chunked)' : ''}; ${headers || 'no headers'}; body ${JSON.stringify(preview)}`
}

// ---------------------------------------------------------------------------------------------
// Sending

/** One raw HTTP request, exactly as generated (node:http sets nothing we did not ask for but Host). */
function send(r: Pick<FuzzRequest, 'method' | 'path' | 'headers' | 'body' | 'chunked'>): Promise<{ status: number; body: string }> {
	const url = new URL(server.url)
	return new Promise((resolve, reject) => {
		const headers: Record<string, string> = { ...r.headers }
		if (r.body && !r.chunked) headers['Content-Length'] = String(r.body.length)
		// Said outright: node:http would send a DELETE's body unframed, which is no HTTP at all.
		if (r.body && r.chunked) headers['Transfer-Encoding'] = 'chunked'
		if (!r.body) headers['Content-Length'] = '0'
		// Each request on a connection of its own: a server may refuse a body without reading it and
		// close the connection, and a request sent on a connection shared with it would be blamed.
		headers.Connection = 'close'
		const request = http.request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers, agent: false }, (response) => {
			const chunks: Buffer[] = []
			response.on('data', (chunk: Buffer) => chunks.push(chunk))
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
			response.on('error', reject)
		})
		request.setTimeout(20_000, () => request.destroy(new Error('no answer in 20 s')))
		request.on('error', reject)
		if (r.body && r.chunked) {
			// Two chunks, so the server cannot know the size in advance.
			const half = Math.floor(r.body.length / 2)
			request.write(r.body.slice(0, half))
			request.end(r.body.slice(half))
		} else request.end(r.body ?? undefined)
	})
}

// ---------------------------------------------------------------------------------------------
// Setup: real events, a real ticket, a real application, an organizer session

const EVENT_FIELDS = [
	'name',
	'email',
	'partySize',
	'locale',
	'consentPrivacy',
	'consentPhotos',
	'consentNewsletter',
	'consentResearch',
	'gender',
	'ageGroup',
	'municipality',
	'vulnerableGroup',
	'website',
]
const APPLICATION_FIELDS = [
	'organization.name',
	'organization.legalForm',
	'organization.municipality',
	'organization.companyNumber',
	'organization.pib',
	'organization.foundedYear',
	'organization.website',
	'organization.social[0]',
	'lawStatus.apr',
	'lawStatus.aprDate',
	'lawStatus.ways',
	'staff.employees',
	'staff.women',
	'staff.vulnerable.roma',
	'category',
	'products',
	'description',
	'descriptionEn',
	'needs.power',
	'needs.sizeM2',
	'needs.chairs',
	'preferences[0]',
	'preferences[1]',
	'selling',
	'contact.name',
	'contact.email',
	'contact.phone',
	'consent.privacy',
	'consent.catalogue',
	'consent.research',
	'website',
	'logoToken',
]
const VALID_APPLICATION: Field[] = [
	['organization.name', 'Zadruga Rasinka'],
	['organization.legalForm', 'informal_group'],
	['organization.municipality', 'krusevac'],
	['category', 'food'],
	['products', 'Med i ajvar'],
	['contact.name', 'Jelena Petrović'],
	['contact.email', 'jelena@rasinka.rs'],
	['consent.privacy', 'on'],
	['website', ''],
]

/** Published at the fair's place and time (PUBLISHED_FAIR), `body` over it. */
const createEvent = (body: Record<string, unknown>) => createPublishedFair(server, organizer, body)

const dbValue = <T>(statement: string, ...params: unknown[]) => dbValueOf<T>(server, statement, ...params)

/** Registers through the event page's form (a plain browser POST) and returns the ticket token. */
async function register(slug: string, email: string): Promise<string> {
	const body = new URLSearchParams({ name: 'Ana Jovanović', email, partySize: '1', consentPrivacy: 'on', website: '' })
	const response = await fetch(`${server.url}/events/${slug}`, { method: 'POST', headers: FORM, body, redirect: 'manual' })
	expect(response.status, await response.text()).toBe(302)
	return /^\/tickets\/([^/?]+)/.exec(response.headers.get('location') ?? '')![1]!
}

/** Applies through the apply page's form (multipart, as the browser sends it) and returns the magic-link token. */
async function apply(slug: string): Promise<string> {
	const form = new FormData()
	for (const [name, value] of VALID_APPLICATION) form.append(name, value)
	form.append('logo', new Blob([], { type: 'application/octet-stream' }), '')
	const response = await fetch(`${server.url}/fairs/${slug}/apply`, { method: 'POST', body: form, redirect: 'manual' })
	expect(response.status, await response.text()).toBe(302)
	return /^\/applications\/([^/?]+)/.exec(response.headers.get('location') ?? '')![1]!
}

const targets: Target[] = []
let fairSlug = ''
let promoSlug = ''
let ticketToken = ''
let applicationToken = ''

beforeAll(async () => {
	server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } })
	organizer = await cliToken(server, 'organizer')
	const promo = await createEvent({ title: 'Radionica: šivenje', kind: 'workshop', capacity: 30, maxPartySize: 3 })
	const full = await createEvent({ title: 'Okrugli sto bez mesta', kind: 'roundtable', capacity: 1, waitlist: false })
	const fair = await createEvent({ title: 'Mini-sajam socijalnog preduzetništva', kind: 'fair', capacity: null })
	promoSlug = promo.slug
	fairSlug = fair.slug
	const fairId = fair.id
	await register(full.slug, 'prvi@primer.rs')
	const tickets = [await register(promo.slug, 'ana@primer.rs'), await register(promo.slug, 'branko@primer.rs'), await register(fair.slug, 'cveta@primer.rs')]
	ticketToken = tickets[0]!
	const applications = [await apply(fair.slug), await apply(fair.slug)]
	applicationToken = applications[0]!
	const cookie = await logInCookie(server)

	for (const slug of [promo.slug, full.slug, fair.slug])
		targets.push({ label: 'event page', path: `/events/${slug}`, dataPath: `/events/${slug}.data`, fields: EVENT_FIELDS })
	targets.push({
		label: 'stand application',
		path: `/fairs/${fair.slug}/apply`,
		dataPath: `/fairs/${fair.slug}/apply.data`,
		fields: APPLICATION_FIELDS,
		upload: 'logo',
	})
	for (const token of tickets) targets.push({ label: 'ticket page', path: `/tickets/${token}`, dataPath: `/tickets/${token}.data`, fields: ['intent'] })
	for (const token of applications) {
		targets.push({ label: 'application page', path: `/applications/${token}`, dataPath: `/applications/${token}.data`, fields: ['intent', 'sure'] })
		targets.push({
			label: 'application edit page',
			path: `/applications/${token}/edit`,
			dataPath: `/applications/${token}/edit.data`,
			fields: APPLICATION_FIELDS,
			upload: 'logo',
		})
	}
	targets.push({ label: 'login', path: '/admin/login', dataPath: '/admin/login.data', fields: ['email', 'password', 'redirectTo'] })
	targets.push({ label: 'scanner search (organizer)', path: '/scan', fields: ['event', 'registrationId', 'q'], cookie })
	targets.push({ label: 'new event (organizer)', path: '/admin/events/new', fields: ['title', 'kind', 'startsAt', 'endsAt', 'capacity', 'intent'], cookie })
	targets.push({
		label: 'floor plan (organizer, uploads)',
		path: `/admin/events/${fairId}/plan`,
		fields: ['intent', 'width', 'height', 'stands[0].label'],
		upload: 'file',
		cookie,
	})
	targets.push({ label: 'outbox (organizer)', path: '/admin/outbox', fields: ['intent', 'id'], cookie })
	targets.push({ label: 'a ticket that does not exist', path: '/tickets/no-such-token', fields: ['intent'] })
	for (const path of [
		'/',
		'/privacy',
		`/fairs/${fair.slug}/map`,
		`/fairs/${fair.slug}/exhibitors`,
		'/tickets/deleted',
		'/applications/deleted',
		'/admin',
		'/calendar.ics',
		`/tickets/${tickets[1]}/ticket.ics`,
		'/healthz',
	]) {
		targets.push({ label: 'page without a form', path, fields: ['intent', 'name'], dataPath: path === '/' ? '/_root.data' : `${path}.data` })
	}
}, 90_000)

afterAll(async () => {
	await server?.stop()
})

describe('page form fuzz', () => {
	test(`${REQUESTS} random requests to every page with a form (seed ${SEED}) get no 5xx`, async () => {
		const rng = prng(SEED)
		const requests = Array.from({ length: REQUESTS }, (_, i) => generateRequest(rng, i, rng.pick(targets), server.url))
		const failures: string[] = []
		const statuses = new Map<number, number>()
		const started = performance.now()
		let nextIndex = 0
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (nextIndex < requests.length) {
					const request = requests[nextIndex++]!
					try {
						const { status, body } = await send(request)
						statuses.set(status, (statuses.get(status) ?? 0) + 1)
						if (status >= 500) failures.push(`${status} for ${describeRequest(request)}\n    answer: ${body.replace(/\s+/g, ' ').slice(0, 200)}`)
					} catch (error) {
						failures.push(`no answer (${(error as Error).message}) for ${describeRequest(request)}`)
					}
				}
			}),
		)
		const seconds = (performance.now() - started) / 1000
		const summary = [...statuses]
			.sort(([a], [b]) => a - b)
			.map(([status, n]) => `${status}×${n}`)
			.join(' ')
		console.log(`page form fuzz: ${requests.length} requests (seed ${SEED}) in ${seconds.toFixed(1)} s; ${summary}`)
		expect(failures, `${failures.length} requests failed:\n${failures.slice(0, 30).join('\n')}\n--- server output\n${server.output().slice(-4000)}`).toEqual([])
		// The server is still well after all that.
		expect((await send({ method: 'GET', path: '/healthz', headers: {}, body: null, chunked: false })).status).toBe(200)
	}, 120_000)
})

// ---------------------------------------------------------------------------------------------
// Each refusal on its own: the status, the error page in the reader's language, nothing stored

/** A raw POST (node:http, so nothing is added or fixed on the way). */
function post(path: string, contentType: string | null, body: Uint8Array | string, extra: Record<string, string> = {}) {
	const headers: Record<string, string> = { ...extra }
	if (contentType !== null) headers['Content-Type'] = contentType
	return send({ method: 'POST', path, headers, body: typeof body === 'string' ? Buffer.from(body) : body, chunked: false })
}

const registrations = () => dbValue<number>('SELECT count(*) FROM registrations')
const cancelled = () => dbValue<number>("SELECT count(*) FROM registrations WHERE status = 'cancelled'")
const applicationsCount = () => dbValue<number>('SELECT count(*) FROM applications')

describe('refusals', () => {
	test('a form body of the wrong kind is a 415 page in the reader’s language, and nothing is stored', async () => {
		const before = registrations()
		const cancelledBefore = cancelled()
		const json = await post(`/events/${promoSlug}?lang=en`, 'application/json', JSON.stringify({ name: 'Ana', email: 'json@primer.rs', consentPrivacy: 'on' }))
		expect(json.status).toBe(415)
		expect(json.body).toContain(enCommon.error.unsupportedTitle)
		expect(json.body).toMatch(/<html lang="en"/)
		const text = await post(`/events/${promoSlug}`, 'text/plain', 'name=Ana\r\nemail=plain@primer.rs\r\nconsentPrivacy=on', { 'Accept-Language': 'sr-Cyrl' })
		expect(text.status).toBe(415)
		expect(text.body).toContain(cyrlCommon.error.unsupportedTitle)
		const none = await post(`/tickets/${ticketToken}`, null, 'intent=cancel')
		expect(none.status).toBe(415)
		expect(none.body).toContain(srCommon.error.unsupportedTitle)
		// The login takes no upload: multipart is not a body it accepts either.
		const login = await post(
			'/admin/login',
			'multipart/form-data; boundary=x',
			multipart(
				'x',
				[
					['email', 'a@b.rs'],
					['password', 'x'],
				],
				[],
			),
		)
		expect(login.status).toBe(415)
		expect(registrations()).toBe(before)
		expect(cancelled()).toBe(cancelledBefore)
	})

	test('a multipart body that does not parse is a 400 page, and nothing is stored', async () => {
		const before = applicationsCount()
		const whole = multipart('b0undary', VALID_APPLICATION, [
			{ name: 'logo', filename: 'logo.png', type: 'image/png', bytes: Uint8Array.from([...PNG_HEAD, 1, 2, 3]) },
		])
		const cut = await post(`/fairs/${fairSlug}/apply?lang=en`, 'multipart/form-data; boundary=b0undary', whole.slice(0, whole.length - 20))
		expect(cut.status).toBe(400)
		expect(cut.body).toContain(enCommon.error.badRequestTitle)
		const noBoundary = await post(`/fairs/${fairSlug}/apply`, 'multipart/form-data', whole)
		expect(noBoundary.status).toBe(400)
		expect(noBoundary.body).toContain(srCommon.error.badRequestTitle)
		const random = await post(
			`/applications/${applicationToken}/edit`,
			'multipart/form-data; boundary=b0undary',
			Uint8Array.from({ length: 500 }, (_, i) => (i * 131) % 256),
		)
		expect(random.status).toBe(400)
		expect(applicationsCount()).toBe(before)
		// The same body whole is a real application: the refusals were about the body, not the fields.
		const ok = await post(`/fairs/${fairSlug}/apply`, 'multipart/form-data; boundary=b0undary', whole)
		expect(ok.status).toBe(302)
		expect(applicationsCount()).toBe(before + 1)
	})

	test('a body over the limits is a 413 page, also when its size is not declared', async () => {
		const before = registrations()
		const big = `name=Ana&email=big@primer.rs&consentPrivacy=on&x=${'a'.repeat(1024 * 1024)}`
		const declared = await post(`/events/${promoSlug}?lang=en`, 'application/x-www-form-urlencoded', big)
		expect(declared.status).toBe(413)
		expect(declared.body).toContain(enCommon.error.tooLargeTitle)
		const chunked = await send({
			method: 'POST',
			path: `/events/${promoSlug}`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: Buffer.from(big),
			chunked: true,
		})
		expect(chunked.status).toBe(413)
		expect(chunked.body).toContain(srCommon.error.tooLargeTitle)
		const upload = multipart('b', VALID_APPLICATION, [{ name: 'logo', filename: 'logo.png', type: 'image/png', bytes: new Uint8Array(4 * 1024 * 1024) }])
		expect((await post(`/fairs/${fairSlug}/apply`, 'multipart/form-data; boundary=b', upload)).status).toBe(413)
		expect(registrations()).toBe(before)
	})

	test('a POST to a page without a form is a 405 page', async () => {
		for (const path of ['/', '/privacy', `/fairs/${fairSlug}/map`, '/tickets/deleted']) {
			const answer = await post(`${path}?lang=en`, 'application/x-www-form-urlencoded', 'a=b')
			expect(answer.status, path).toBe(405)
			expect(answer.body, path).toContain(enCommon.error.methodNotAllowedTitle)
		}
		expect((await post('/calendar.ics', 'application/x-www-form-urlencoded', 'a=b')).status).toBe(405)
	})

	test('each refusal is one line in the log, without a stack trace', async () => {
		await post(`/events/${promoSlug}`, 'application/json', '{}')
		await post('/privacy', 'application/x-www-form-urlencoded', 'a=b')
		await post(`/tickets/${ticketToken}`, 'multipart/form-data', 'x')
		await server.outputSettled()
		// The last 64 KiB of what the server printed, most of it from the fuzz above.
		const log = server.output()
		expect(log).not.toMatch(/\n\s+at /)
		expect(log).toMatch(/page form: 415 POST \/events\/[^ ]+ \(content type "application\/json"\)\n/)
		expect(log).toMatch(/page form: 405 POST \/privacy \(this page takes no form\)\n/)
		expect(log).toMatch(/page form: 415 POST \/tickets\/… \(content type "multipart\/form-data"\)\n/)
		// The private link's token stays out of the log.
		expect(log).not.toContain(ticketToken)
	})
})
