import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from '#db/schema/index.ts'
import { getEnv } from './env.server.ts'
import { createOwnerOnlyFile, tightenDatabaseFiles } from './file-modes.server.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** The migrations folder, found from the working directory or from this file (CLI bundle, tests). */
function migrationsFolder(): string {
	const candidates = [
		path.resolve('db/migrations'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations'),
	]
	const found = candidates.find((c) => existsSync(path.join(c, 'meta/_journal.json')))
	if (!found) throw new Error(`Migrations folder not found (looked in ${candidates.join(', ')})`)
	return found
}

export function openDatabase(file: string, { runMigrations = true } = {}): Db {
	// Owner-only before SQLite writes a byte; SQLite gives -wal and -shm the database file's mode.
	if (file !== ':memory:') createOwnerOnlyFile(file)
	const sqlite = new Database(file)
	enableIncrementalVacuum(sqlite)
	sqlite.pragma('journal_mode = WAL')
	if (file !== ':memory:') tightenDatabaseFiles(file)
	// Deleted and overwritten data are zeroed on disk, not left in free pages (erasure leaves no copy).
	sqlite.pragma('secure_delete = ON')
	// SHA-256 (hex) in SQL, for migrations that turn stored secrets into hashes (0008).
	sqlite.function('sha256', { deterministic: true }, (value: unknown) =>
		value === null || value === undefined ? null : createHash('sha256').update(String(value)).digest('hex'),
	)
	// FULL: a registration or a scan that was answered "ok" survives a power cut.
	sqlite.pragma('synchronous = FULL')
	sqlite.pragma('busy_timeout = 5000')
	cachePreparedStatements(sqlite)
	const db = drizzle(sqlite, { schema }) as Db
	if (runMigrations) migrateWithForeignKeysOff(sqlite, db)
	sqlite.pragma('foreign_keys = ON')
	return db
}

/**
 * A migration that rebuilds a table (SQLite's way to change a column) drops the old one; with
 * foreign keys on, that would delete or null every row pointing at it (check-ins, links, mails).
 * SQLite ignores `PRAGMA foreign_keys` inside the migrator's transaction, so it is off for the whole
 * run, and every reference is checked before the connection is used.
 */
function migrateWithForeignKeysOff(sqlite: Database.Database, db: Db) {
	sqlite.pragma('foreign_keys = OFF')
	migrate(db, { migrationsFolder: migrationsFolder() })
	const broken = sqlite.pragma('foreign_key_check') as unknown[]
	if (broken.length > 0) throw new Error(`database migration left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 5))}`)
}

/**
 * Deleted rows (expired logo drafts, erased people) leave free pages that SQLite keeps for reuse;
 * in incremental auto-vacuum mode releaseFreePages hands them back to the file system. A new
 * database takes the mode before its first table; an older one is rebuilt once (VACUUM).
 */
function enableIncrementalVacuum(sqlite: Database.Database) {
	const INCREMENTAL = 2
	if (sqlite.pragma('auto_vacuum', { simple: true }) === INCREMENTAL) return
	sqlite.pragma('auto_vacuum = INCREMENTAL')
	const hasTables = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get()
	if (hasTables) sqlite.exec('VACUUM')
}

/** Returns the database's free pages to the file system (after large deletions). */
export function releaseFreePages(db: Db) {
	db.$client.pragma('incremental_vacuum')
	db.$client.pragma('wal_checkpoint(TRUNCATE)')
}

/**
 * drizzle prepares a new better-sqlite3 statement for every query, and preparing costs more than
 * running the small queries we make. Statements are cached by their SQL text and handed out
 * again with their modes reset (drizzle toggles raw mode per call). Safe because JavaScript runs
 * one query at a time on this connection and nothing here keeps an iterator open.
 */
function cachePreparedStatements(sqlite: Database.Database, limit = 500) {
	const cache = new Map<string, Database.Statement>()
	const prepare = sqlite.prepare.bind(sqlite)
	sqlite.prepare = ((source: string) => {
		const cached = cache.get(source)
		if (cached) {
			if (cached.reader) cached.raw(false).pluck(false).expand(false)
			return cached
		}
		const statement = prepare(source)
		if (cache.size >= limit) cache.delete(cache.keys().next().value!)
		cache.set(source, statement)
		return statement
	}) as typeof sqlite.prepare
}

const globalForDb = globalThis as unknown as { sajamDb?: Db }

/** The process's one connection. SQLite has one writer; one connection keeps that simple and fast. */
export function getDb(): Db {
	globalForDb.sajamDb ??= openDatabase(getEnv().DATABASE_PATH)
	return globalForDb.sajamDb
}

/**
 * Copies the WAL into the database and empties it: after an erasure, the old versions of the
 * person's rows (still in WAL frames) are gone from disk. Outside any transaction.
 */
export function checkpointAndTruncateWal(db: Db) {
	db.$client.pragma('wal_checkpoint(TRUNCATE)')
}

export function closeDb() {
	globalForDb.sajamDb?.$client.close()
	globalForDb.sajamDb = undefined
}

// One reusable transaction wrapper per connection (better-sqlite3 builds four per call otherwise).
const runners = new WeakMap<Database.Database, Database.Transaction<(work: () => unknown) => unknown>>()
function runner(sqlite: Database.Database) {
	let run = runners.get(sqlite)
	if (!run) runners.set(sqlite, (run = sqlite.transaction((work: () => unknown) => work())))
	return run
}

/**
 * Runs `work` in one `BEGIN IMMEDIATE` transaction: the write lock is taken first, so every check
 * made inside sees the latest data and no other writer can slip in between check and write.
 * `work` must be synchronous; a promise returned from it would escape the transaction.
 * Called inside another transaction, it becomes a savepoint of that one.
 */
export function writeTransaction<T>(db: Db, work: (tx: Db) => T): T {
	const result = runner(db.$client).immediate(() => {
		const result = work(db)
		if (result && typeof (result as { then?: unknown }).then === 'function') {
			throw new Error('writeTransaction: the callback must be synchronous')
		}
		return result
	}) as T
	// Committed (or, inside another transaction, a savepoint released): what any page shows may
	// have changed. writeInBatch commits through here too.
	committedWrites++
	return result
}

let committedWrites = 0
const versionStatements = new WeakMap<Database.Database, Database.Statement>()

/**
 * A value that changes whenever the data may have changed: every write transaction of this process
 * (writeTransaction, writeInBatch), any row this connection changed otherwise (total_changes), and
 * any commit by another connection or process, such as the CLI (PRAGMA data_version). The public
 * page cache (server/page-cache.mjs) keeps a page only while this stays the same.
 */
export function dataVersion(db: Db): string {
	// SQLite's side is asked at most once a millisecond (under load, thousands of pages a second
	// ask); this process's own write transactions count at once.
	const now = Date.now()
	let seen = sqliteVersions.get(db.$client)
	if (!seen || seen.at !== now) {
		let statement = versionStatements.get(db.$client)
		if (!statement) {
			statement = db.$client.prepare('SELECT total_changes(), (SELECT data_version FROM pragma_data_version)').raw(true)
			versionStatements.set(db.$client, statement)
		}
		const [changes, version] = statement.get() as [number, number]
		seen = { at: now, value: `${changes}.${version}` }
		sqliteVersions.set(db.$client, seen)
	}
	return `${committedWrites}.${seen.value}`
}
const sqliteVersions = new WeakMap<Database.Database, { at: number; value: string }>()

type Pending = { work: (tx: Db) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }
const batches = new WeakMap<Db, Pending[]>()

/**
 * Group commit. Writes that arrive in the same turn of the event loop run one after another in
 * ONE transaction, each in its own savepoint (a refusal or a bug undoes only its own part), and
 * are answered after the single COMMIT. With synchronous=FULL every commit waits for the disk;
 * sharing it between concurrent requests is what lets registrations keep up under load while
 * every rule is still checked inside the write lock, in arrival order.
 */
export function writeInBatch<T>(db: Db, work: (tx: Db) => T): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let queue = batches.get(db)
		if (!queue) {
			queue = []
			batches.set(db, queue)
			setImmediate(() => flushBatch(db))
		}
		queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
	})
}

function flushBatch(db: Db) {
	const queue = batches.get(db) ?? []
	batches.delete(db)
	const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
	try {
		writeTransaction(db, (tx) => {
			for (const item of queue) {
				try {
					outcomes.push({ ok: true, value: writeTransaction(tx, item.work) })
				} catch (error) {
					outcomes.push({ ok: false, error })
				}
			}
		})
	} catch (error) {
		// The COMMIT itself failed (disk full, I/O error): nothing of the batch was stored.
		for (const item of queue) item.reject(error)
		return
	}
	queue.forEach((item, i) => {
		const outcome = outcomes[i]!
		if (outcome.ok) item.resolve(outcome.value)
		else item.reject(outcome.error)
	})
}
