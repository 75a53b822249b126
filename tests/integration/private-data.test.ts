// Nothing left behind, nothing readable by others (issue 10, section 5), over real HTTP against the
// built server: private links are stored only as SHA-256 (the database never holds a raw token,
// not after registering, not after the mail went out, not under an Idempotency-Key); every mail's
// link opens the page; a link sent before migration 0008 still opens it; erasing a registration or
// an application leaves the person's name and address neither in the database file nor in the WAL,
// and removes their .eml files; the data folder is 0700 and the database, its WAL, secrets,
// backups and mail files are 0600.
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiCall, cliToken } from '#tests/support/api-client.ts'
import { withDatabase } from '#tests/support/database.ts'
import { createPublishedWorkshop, uniqueTitle } from '#tests/support/events.ts'
import { createPublishedFair, submitApplication } from '#tests/support/fair-fixtures.ts'
import { FORM } from '#tests/support/pages.ts'
import { waitUntil } from '#tests/support/wait.ts'
import { ROOT, startServer, type TestServer } from '#tests/support/server.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const mode = (file: string) => statSync(file).mode & 0o777
const TOKEN_IN_LINK = /\/(?:tickets|applications)\/([A-Za-z0-9_-]{43})/g

let server: TestServer
let organizer: string

const api = (method: string, urlPath: string, options: Parameters<typeof apiCall>[3] = {}) => apiCall(server.url, method, urlPath, options)

/** Every text and blob value of every table, as one string to search. */
function everyStoredValue(dbPath: string): string {
	return withDatabase(dbPath, (db) => {
		const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
		return tables
			.map(({ name }) =>
				JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all(), (_key, value) => (Buffer.isBuffer(value) ? value.toString('latin1') : value)),
			)
			.join('\n')
	})
}

/** The bytes of the database file and its WAL (as the disk has them), as latin1 text to search. */
function fileBytes(dbPath: string): string {
	return [dbPath, `${dbPath}-wal`].map((file) => (existsSync(file) ? readFileSync(file).toString('latin1') : '')).join('\n')
}

const until = <T>(probe: () => T | undefined | null | false, what: string) => waitUntil(probe, what, { explain: () => server.output() })

/** Waits until every mail to this address was delivered (written as .eml: SMTP_URL is unset) and returns their rows. */
async function deliveredMails(dbPath: string, email: string, count: number) {
	return until(() => {
		const rows = withDatabase(
			dbPath,
			(db) => db.prepare('SELECT id, status FROM outbox WHERE to_address = ? ORDER BY id').all(email) as { id: number; status: string }[],
		)
		return rows.length >= count && rows.every((r) => r.status === 'sent') ? rows : undefined
	}, `${count} sent mails to ${email}`)
}

const emlFile = (dataDir: string, id: number) => path.join(dataDir, 'mail', `outbox-${id}.eml`)

/** The private-link tokens written in a mail file (quoted-printable soft breaks undone). */
function linkTokensIn(file: string): string[] {
	const text = readFileSync(file, 'utf8').replace(/=\r?\n/g, '')
	return [...new Set([...text.matchAll(TOKEN_IN_LINK)].map((m) => m[1]!))]
}

/** A published workshop ("Radionica keramike N", 30 places); its slug. */
const createEvent = async () => (await createPublishedWorkshop(server, organizer, { title: uniqueTitle('Radionica keramike') })).slug

function applicationBody(contact: { name: string; email: string }) {
	return {
		organization: { name: `Zadruga ${contact.name}`, legalForm: 'informal_group', municipality: 'krusevac' },
		contact,
		products: 'Ručno tkani ćilimi',
		category: 'textiles',
		consent: { privacy: true, catalogue: false },
	}
}

beforeAll(async () => {
	server = await startServer()
	organizer = await cliToken(server, 'organizer')
})

afterAll(async () => {
	await server?.stop()
})

describe('private links are stored only as SHA-256', () => {
	test('the database never holds a raw ticket token: not after registering, not after the mail was sent', async () => {
		const slug = await createEvent()
		const email = 'tokens.one@example.rs'
		const created = await api('POST', `/api/v1/events/${slug}/registrations`, { body: { name: 'Vesna Tokenović', email, consent: { privacy: true } } })
		expect(created.status, created.text).toBe(201)
		const token = (created.body.registration.manageUrl as string).split('/').at(-1)!
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
		expect(withDatabase(server.dbPath, (db) => db.prepare('SELECT registration_id FROM private_links WHERE token_hash = ?').get(sha256(token)))).toEqual({
			registration_id: created.body.registration.id,
		})
		expect(withDatabase(server.dbPath, (db) => JSON.stringify(db.prepare('SELECT * FROM registrations').all()))).not.toContain(token)

		const [mail] = await deliveredMails(server.dbPath, email, 1)
		expect(linkTokensIn(emlFile(server.dataDir, mail!.id))).toEqual([token])
		expect(everyStoredValue(server.dbPath)).not.toContain(token)
		// On disk too, once the WAL is in the database file.
		await until(() => withDatabase(server.dbPath, (db) => (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy === 0), 'a full checkpoint')
		expect(fileBytes(server.dbPath)).not.toContain(token)
		expect((await fetch(`${server.url}/tickets/${token}`)).status).toBe(200)
	})

	test('an Idempotency-Key keeps no token and no personal data, and a retry answers a link that works', async () => {
		const slug = await createEvent()
		const body = { name: 'Dragica Ponovković', email: 'tokens.retry@example.rs', consent: { privacy: true } }
		const headers = { 'Idempotency-Key': 'tokens-retry-1' }
		const first = await api('POST', `/api/v1/events/${slug}/registrations`, { body, headers })
		expect(first.status, first.text).toBe(201)
		const stored = withDatabase(server.dbPath, (db) => JSON.stringify(db.prepare('SELECT * FROM idempotency_keys').all()))
		const firstToken = (first.body.registration.manageUrl as string).split('/').at(-1)!
		expect(stored).not.toContain(firstToken)
		expect(stored).not.toContain(body.name)
		expect(stored).not.toContain(body.email)
		const again = await api('POST', `/api/v1/events/${slug}/registrations`, { body, headers })
		expect(again.status).toBe(201)
		expect(again.body.registration).toMatchObject({ id: first.body.registration.id, name: body.name, email: body.email, status: 'confirmed' })
		expect((await fetch(again.body.registration.manageUrl)).status).toBe(200)
		expect((await fetch(again.body.registration.ticket.qrUrl)).status).toBe(200)
		expect((await fetch(first.body.registration.manageUrl)).status).toBe(200)
	})

	test("each new mail carries its own link, and every one of them opens the person's page", async () => {
		const slug = await createEvent()
		const email = 'tokens.many@example.rs'
		const person = { name: 'Milica Linković', email, consent: { privacy: true } }
		const created = await api('POST', `/api/v1/events/${slug}/registrations`, { body: person })
		expect(created.status).toBe(201)
		// The same address again: refused, and the link is mailed again (a new mail, a new link).
		expect((await api('POST', `/api/v1/events/${slug}/registrations`, { body: person })).status).toBe(409)
		const mails = await deliveredMails(server.dbPath, email, 2)
		const tokens = mails.flatMap((m) => linkTokensIn(emlFile(server.dataDir, m.id)))
		expect(tokens).toHaveLength(2)
		expect(new Set(tokens).size).toBe(2)
		for (const token of tokens) {
			const page = await fetch(`${server.url}/tickets/${token}`)
			expect(page.status).toBe(200)
			expect(await page.text()).toContain('Milica Linković')
		}
		expect(everyStoredValue(server.dbPath)).not.toMatch(new RegExp(tokens.join('|')))
	})

	test('the magic link of an application: hashed, its mail link works, nothing raw stays behind', async () => {
		const fair = await createPublishedFair(server, organizer, { title: 'Sajam heševa' })
		const email = 'tokens.fair@example.rs'
		const submitted = await submitApplication(server, fair.slug, applicationBody({ name: 'Jasna Heširović', email }))
		const [mail] = await deliveredMails(server.dbPath, email, 1)
		const [mailed] = linkTokensIn(emlFile(server.dataDir, mail!.id))
		expect(mailed).toBe(submitted.token)
		expect((await fetch(`${server.url}/applications/${mailed}`)).status).toBe(200)
		expect(everyStoredValue(server.dbPath)).not.toContain(submitted.token)
		const listed = await api('GET', `/api/v1/fairs/${fair.slug}/applications`, { token: organizer })
		expect(listed.body.applications.find((a: { id: number }) => a.id === submitted.id)).toMatchObject({ manageUrl: null })
	})
})

describe('erasing leaves no copy', () => {
	test("a registration: the name and address are in neither the database file nor its WAL, and the person's .eml files are gone", async () => {
		const slug = await createEvent()
		const name = 'Zorislava Brisanović'
		const email = 'zorislava.brisanovic@example.rs'
		const created = await api('POST', `/api/v1/events/${slug}/registrations`, { body: { name, email, consent: { privacy: true } } })
		expect(created.status).toBe(201)
		const token = (created.body.registration.manageUrl as string).split('/').at(-1)!
		const [mail] = await deliveredMails(server.dbPath, email, 1)
		const file = emlFile(server.dataDir, mail!.id)
		expect(existsSync(file)).toBe(true)
		expect(fileBytes(server.dbPath) + everyStoredValue(server.dbPath)).toContain(email)

		const erased = await fetch(`${server.url}/tickets/${token}`, {
			method: 'POST',
			redirect: 'manual',
			headers: FORM,
			body: new URLSearchParams({ intent: 'delete' }),
		})
		expect(erased.status, await erased.text()).toBe(302)
		expect(erased.headers.get('location')).toBe('/tickets/deleted')

		expect(existsSync(file)).toBe(false)
		const disk = fileBytes(server.dbPath)
		expect(disk).not.toContain(email)
		expect(disk).not.toContain(name)
		expect(everyStoredValue(server.dbPath)).not.toContain(email)
		expect((await fetch(`${server.url}/tickets/${token}`)).status).toBe(404)
	})

	test("an application: the contact's name and address are gone from the files, and so is their mail", async () => {
		const fair = await createPublishedFair(server, organizer, { title: 'Sajam brisanja' })
		const name = 'Radmila Zaboravić'
		const email = 'radmila.zaboravic@example.rs'
		const submitted = await submitApplication(server, fair.slug, applicationBody({ name, email }))
		const [mail] = await deliveredMails(server.dbPath, email, 1)
		const file = emlFile(server.dataDir, mail!.id)
		expect(existsSync(file)).toBe(true)

		const erased = await fetch(`${server.url}/applications/${submitted.token}`, {
			method: 'POST',
			redirect: 'manual',
			headers: FORM,
			body: new URLSearchParams({ intent: 'delete', sure: 'yes' }),
		})
		expect(erased.status, await erased.text()).toBe(302)
		expect(existsSync(file)).toBe(false)
		const disk = fileBytes(server.dbPath)
		expect(disk).not.toContain(email)
		expect(disk).not.toContain(name)
		expect((await fetch(`${server.url}/applications/${submitted.token}`)).status).toBe(404)
	})
})

describe('owner-only files', () => {
	test('the data folder is 0700; the database, its WAL and SHM, secrets, mail files and backups 0600', async () => {
		const slug = await createEvent()
		const email = 'tokens.modes@example.rs'
		expect((await api('POST', `/api/v1/events/${slug}/registrations`, { body: { name: 'Mira Modović', email, consent: { privacy: true } } })).status).toBe(201)
		const [mail] = await deliveredMails(server.dbPath, email, 1)
		expect(mode(server.dataDir)).toBe(0o700)
		for (const file of [server.dbPath, `${server.dbPath}-wal`, `${server.dbPath}-shm`, path.join(server.dataDir, 'secrets.json')]) {
			expect(existsSync(file), file).toBe(true)
			expect(mode(file), file).toBe(0o600)
		}
		expect(mode(path.join(server.dataDir, 'mail'))).toBe(0o700)
		expect(mode(emlFile(server.dataDir, mail!.id))).toBe(0o600)
		for (const name of readdirSync(server.dataDir).filter((n) => n.endsWith('.json'))) expect(mode(path.join(server.dataDir, name)), name).toBe(0o600)

		const backupDir = mkdtempSync(path.join(os.tmpdir(), 'sajam-backup-'))
		try {
			const target = path.join(backupDir, 'sajam-backup.db')
			const result = await server.cli(['backup', target])
			expect(result.code, result.stderr).toBe(0)
			expect(mode(target)).toBe(0o600)
		} finally {
			rmSync(backupDir, { recursive: true, force: true })
		}
	})
})

describe('migrations 0008 and 0009', () => {
	const OLD_TICKET = 'oldTicketToken_abcdefghijklmnopqrstuvwxyz012'
	const OLD_APPLICATION = 'oldApplicationToken_abcdefghijklmnopqrstuvw'
	let tempDir = ''
	let old: TestServer | undefined

	/** A database as version 0006 left it: raw tokens in registrations and applications, loose file modes. */
	function buildDatabaseAt0006(dataDir: string) {
		const folder = path.join(tempDir, 'migrations-0006')
		mkdirSync(path.join(folder, 'meta'), { recursive: true })
		const journal = JSON.parse(readFileSync(path.join(ROOT, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] }
		journal.entries = journal.entries.filter((e) => Number(e.tag.slice(0, 4)) <= 6)
		expect(journal.entries.at(-1)!.tag).toBe('0006_floor_plan')
		writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal))
		for (const entry of journal.entries) cpSync(path.join(ROOT, 'db/migrations', `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`))
		const dbPath = path.join(dataDir, 'sajam.db')
		const sqlite = new Database(dbPath)
		try {
			sqlite.pragma('journal_mode = WAL')
			migrate(drizzle(sqlite), { migrationsFolder: folder })
			const now = Date.now()
			const event = sqlite
				.prepare(
					"INSERT INTO events (slug, title, kind, venue_name, starts_at, ends_at, status, created_at, updated_at) VALUES ('stari-sajam', 'Stari sajam', 'fair', 'Trg', ?, ?, 'published', ?, ?)",
				)
				.run(Date.parse('2030-12-05T09:00:00Z'), Date.parse('2030-12-05T17:00:00Z'), now, now)
			sqlite
				.prepare(
					"INSERT INTO registrations (event_id, status, name, email, party_size, locale, manage_token, privacy_accepted_at, source, created_at) VALUES (?, 'waitlisted', 'Stana Starović', 'stana@example.rs', 1, 'sr-Latn', ?, ?, 'web', ?)",
				)
				.run(event.lastInsertRowid, OLD_TICKET, now, now)
			// A scan of her (refused: she is waitlisted) must stay linked to her through 0009's rebuild.
			sqlite
				.prepare(
					"INSERT INTO checkins (event_id, registration_id, code, result, scanned_at, recorded_at, actor) VALUES (?, (SELECT id FROM registrations WHERE email = 'stana@example.rs'), 'SAJ-OLD', 'not_confirmed', ?, ?, 'user:1')",
				)
				.run(event.lastInsertRowid, now, now)
			sqlite
				.prepare(
					"INSERT INTO applications (event_id, status, locale, org_name, legal_form, municipality, contact_name, contact_email, products, category, privacy_accepted_at, manage_token, created_at, updated_at) VALUES (?, 'submitted', 'sr-Latn', 'Stara zadruga', 'informal_group', 'krusevac', 'Stojan Starić', 'stojan@example.rs', 'Med', 'food', ?, ?, ?, ?)",
				)
				.run(event.lastInsertRowid, now, OLD_APPLICATION, now, now)
			sqlite
				.prepare(
					"INSERT INTO outbox (template, locale, to_address, to_name, params, status, next_attempt_at, sent_at, created_at, registration_id) VALUES ('registration-waitlisted', 'sr-Latn', 'stana@example.rs', 'Stana Starović', ?, 'sent', ?, ?, ?, (SELECT id FROM registrations WHERE email = 'stana@example.rs'))",
				)
				.run(JSON.stringify({ event: { slug: 'stari-sajam' }, registration: { manageToken: OLD_TICKET } }), now, now, now)
		} finally {
			sqlite.close()
		}
		// What an older version (or a loose umask) left on disk.
		chmodSync(dataDir, 0o755)
		for (const file of readdirSync(dataDir)) chmodSync(path.join(dataDir, file), 0o644)
		mkdirSync(path.join(dataDir, 'mail'), { mode: 0o755 })
		writeFileSync(path.join(dataDir, 'mail', 'outbox-1.eml'), 'old mail', { mode: 0o644 })
		chmodSync(path.join(dataDir, 'mail'), 0o755)
		chmodSync(path.join(dataDir, 'mail', 'outbox-1.eml'), 0o644)
		return dbPath
	}

	beforeAll(async () => {
		tempDir = mkdtempSync(path.join(os.tmpdir(), 'sajam-0008-'))
		const dataDir = path.join(tempDir, 'data')
		mkdirSync(dataDir)
		const dbPath = buildDatabaseAt0006(dataDir)
		old = await startServer({ env: { DATABASE_PATH: dbPath } })
	})

	afterAll(async () => {
		await old?.stop()
		rmSync(tempDir, { recursive: true, force: true })
	})

	test('a link sent before the migration still opens the ticket and the application, and no raw token is left', async () => {
		const ticket = await fetch(`${old!.url}/tickets/${OLD_TICKET}`)
		expect(ticket.status).toBe(200)
		expect(await ticket.text()).toContain('Stana Starović')
		const application = await fetch(`${old!.url}/applications/${OLD_APPLICATION}`)
		expect(application.status).toBe(200)
		expect(await application.text()).toContain('Stara zadruga')
		const dbPath = path.join(tempDir, 'data', 'sajam.db')
		const stored = everyStoredValue(dbPath)
		expect(stored).not.toContain(OLD_TICKET)
		expect(stored).not.toContain(OLD_APPLICATION)
		expect(stored).toContain(sha256(OLD_TICKET))
	})

	test('migration 0009 rebuilds the registrations table without losing what points at a registration', () => {
		const sqlite = new Database(path.join(tempDir, 'data', 'sajam.db'), { readonly: true })
		try {
			const stana = sqlite.prepare("SELECT id, email, phone FROM registrations WHERE name = 'Stana Starović'").get() as {
				id: number
				email: string | null
				phone: string | null
			}
			expect(stana).toMatchObject({ email: 'stana@example.rs', phone: null })
			const linked = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE registration_id = ?`).get(stana.id) as { n: number }).n
			expect(linked('checkins')).toBe(1)
			expect(linked('outbox')).toBe(1)
			expect(linked('private_links')).toBe(1)
			expect(sqlite.pragma('foreign_key_check')).toEqual([])
		} finally {
			sqlite.close()
		}
	})

	test('files an older version left readable by others are made owner-only at start', () => {
		const dataDir = path.join(tempDir, 'data')
		expect(mode(dataDir)).toBe(0o700)
		expect(mode(path.join(dataDir, 'sajam.db'))).toBe(0o600)
		expect(mode(path.join(dataDir, 'mail'))).toBe(0o700)
		expect(mode(path.join(dataDir, 'mail', 'outbox-1.eml'))).toBe(0o600)
	})
})
